//! Rule: the course's house style. `course.yaml` may list terms to avoid per language, each
//! with the term to write instead (official names of services and institutions, for example).
//! Every Markdown and YAML text of that language is searched for them, as whole words.
//! Code: E601.

use super::Ctx;
use crate::diag::{Diagnostic, Span};
use crate::model::Lang;
use crate::source::schema::HouseStyleFile;
use crate::source::yaml::text_span;
use crate::source::SourceSet;
use std::path::Path;

struct Term<'a> {
    lang: Lang,
    avoid: &'a str,
    instead: &'a str,
}

/// Checks every module text against the course's `house_style`.
pub(super) fn judge(ctx: &mut Ctx, sources: &SourceSet, entries: &[HouseStyleFile]) {
    let file = Path::new("course.yaml");
    let mut terms = Vec::new();
    for e in entries {
        match Lang::from_code(&e.lang).filter(|l| ctx.langs.contains(l)) {
            Some(lang) if !e.avoid.trim().is_empty() => terms.push(Term {
                lang,
                avoid: e.avoid.trim(),
                instead: e.instead.trim(),
            }),
            _ => ctx.diags.push(
                Diagnostic::error(
                    "E202",
                    text_span(file, &e.lang),
                    format!("`{}` is not a language of this course", e.lang.as_str()),
                )
                .with_help("give a course language and a non-empty `avoid`"),
            ),
        }
    }
    if terms.is_empty() {
        return;
    }
    let course_file = sources.get(file).into_iter();
    for f in course_file.chain(sources.under(Path::new("modules"))) {
        let Some(text) = &f.text else { continue };
        let name = f.rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        for term in &terms {
            if name == format!("{}.md", term.lang.code()) {
                for at in whole_words(text, term.avoid) {
                    report(ctx, &f.rel, text, at, term);
                }
            } else if name.ends_with(".yaml") {
                for (start, end) in yaml_values(text, term.lang.code()) {
                    for at in whole_words(&text[start..end], term.avoid) {
                        report(ctx, &f.rel, text, start + at, term);
                    }
                }
            }
        }
    }
}

fn report(ctx: &mut Ctx, file: &Path, text: &str, at: usize, term: &Term<'_>) {
    let span = Span::from_offsets(file, text, at, at + term.avoid.len());
    ctx.diags.push(
        Diagnostic::error(
            "E601",
            span,
            format!(
                "`{}` is not the house style in `{}`",
                term.avoid,
                term.lang.code()
            ),
        )
        .with_help(format!(
            "write `{}` (course.yaml `house_style`)",
            term.instead
        )),
    );
}

/// Byte offsets where `word` occurs in `text` not inside a longer word.
fn whole_words(text: &str, word: &str) -> Vec<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word)
        .filter(|(i, _)| {
            !is_word(text[..*i].chars().next_back())
                && !is_word(text[i + word.len()..].chars().next())
        })
        .map(|(i, _)| i)
        .collect()
}

/// Byte ranges of the values of `lang:` keys in YAML text, in block (`nl: text`) and flow
/// (`{ nl: text, fr: … }`) style. A block value goes on over the following lines that are
/// indented deeper than its key, as folded (`>-`), literal (`|`) and wrapped plain values do.
fn yaml_values(text: &str, lang: &str) -> Vec<(usize, usize)> {
    let key = format!("{lang}:");
    let mut out = Vec::new();
    for (i, _) in text.match_indices(&key) {
        let before = text[..i].chars().next_back();
        if !matches!(before, None | Some(' ' | '{' | ',' | '\n' | '-')) {
            continue;
        }
        let start = i + key.len();
        let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let rest = &text[start..line_end];
        let flow_end = [", nl:", ", fr:", ", de:", ", en:", " }"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min();
        match flow_end {
            Some(end) => out.push((start, start + end)),
            None => {
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                let key_column = i - line_start;
                out.push((start, continuation_end(text, line_end, key_column)));
            }
        }
    }
    out
}

/// Where a block value that ends its first line at `line_end` really ends: after the last
/// following line indented deeper than `key_column` (blank lines inside do not end it).
fn continuation_end(text: &str, line_end: usize, key_column: usize) -> usize {
    let mut end = line_end;
    let mut at = line_end;
    while at < text.len() {
        let next = at + 1;
        let next_end = text[next..].find('\n').map_or(text.len(), |n| next + n);
        let line = &text[next..next_end];
        if line.trim().is_empty() {
            at = next_end;
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent <= key_column {
            break;
        }
        end = next_end;
        at = next_end;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert_eq!(whole_words("die Rente, Rentner, Rente.", "Rente"), [4, 20]);
    }

    /// The German values of `text`, as text.
    fn german(text: &str) -> Vec<&str> {
        yaml_values(text, "de")
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn yaml_values_per_language() {
        let text = "a: { nl: Hallo, de: Rente }\nde: Meine Rente\n";
        assert_eq!(german(text), [" Rente", " Meine Rente"]);
    }

    #[test]
    fn yaml_values_follow_folded_and_wrapped_lines() {
        let text = "description:\n  de: >-\n    Eine Rente\n\n    im Alter.\n  fr: Texte\n- de: erste\n    zweite Zeile\nnext: 1\n";
        assert_eq!(
            german(text),
            [
                " >-\n    Eine Rente\n\n    im Alter.",
                " erste\n    zweite Zeile"
            ]
        );
    }
}
