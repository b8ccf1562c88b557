//! One module folder: `module.yaml`, a Markdown file per language, `quiz.yaml`, media.
//!
//! Codes: E116 missing `module.yaml`, E204/W204 missing language file, E205 language file
//! for an undeclared language, E301 invalid module id, E309 invalid learning time, E310
//! invalid review date, E311 no objectives.

use super::{ids, media, quiz, suspend, text, translations, Ctx};
use crate::diag::{Diagnostic, Span};
use crate::markdown;
use crate::model::{Lang, Localized, Module, ModuleText};
use crate::source::schema::{ModuleFile, Text};
use crate::source::yaml::{parse, span_of, text_span};
use crate::source::SourceSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads module `id` from `modules/<id>/`; `None` when it could not be built.
pub(super) fn load(ctx: &mut Ctx, sources: &SourceSet, id: &str) -> Option<Module> {
    let dir = PathBuf::from("modules").join(id);
    let yaml_path = dir.join("module.yaml");
    let Some(yaml) = sources.text(&yaml_path) else {
        if sources.get(&yaml_path).is_none() {
            ctx.diags.push(super::course::missing_file(
                &yaml_path,
                &format!("module `{id}` has no module.yaml"),
            ));
        }
        return None;
    };
    if !ids::is_valid(id) {
        let fake = Text::new(marked_yaml::Span::new_blank(), id.to_string());
        ids::check_syntax(ctx, &yaml_path, &fake, "module");
    }
    let raw: ModuleFile = match parse(&yaml_path, yaml) {
        Ok(raw) => raw,
        Err(d) => {
            ctx.diags.push(d);
            return None;
        }
    };
    let header = header(ctx, &yaml_path, &raw);
    let quiz = quiz::load(ctx, sources, &dir);
    let (texts, findings) = texts(ctx, sources, &dir)?;
    let mut assets = media::judge(ctx, sources, &dir, &findings);
    // A language shown in the default language's text uses the default language's files.
    for (lang, text) in &texts {
        if text.lang != *lang {
            let fallback = assets.get(&text.lang).cloned().unwrap_or_default();
            assets.insert(*lang, fallback);
        }
    }
    text::judge_structure(
        ctx,
        &dir,
        &texts,
        &findings,
        quiz.as_ref().map(Option::as_ref).ok_or(()),
    );
    let pages = texts.values().map(|t| t.pages.len()).max().unwrap_or(0);
    suspend::judge(ctx, &dir, pages, quiz.as_ref().and_then(Option::as_ref));
    let (title, description, learning_minutes, objectives, keywords) = header?;
    Some(Module {
        id: id.to_string(),
        title,
        description,
        learning_minutes,
        reviewed: raw.reviewed.trim().to_string(),
        objectives,
        keywords,
        texts,
        quiz: quiz?,
        assets,
    })
}

type Header = (Localized, Localized, u32, Vec<Localized>, Vec<Localized>);

fn header(ctx: &mut Ctx, file: &Path, raw: &ModuleFile) -> Option<Header> {
    let title = translations::localized(ctx, file, &raw.title, "the module title");
    let description =
        translations::localized(ctx, file, &raw.description, "the module description");
    let minutes = parse_duration(&raw.learning_time);
    if minutes.is_none() {
        ctx.diags.push(
            Diagnostic::error(
                "E309",
                text_span(file, &raw.learning_time),
                format!("`{}` is not a learning time", raw.learning_time.as_str()),
            )
            .with_help("write hours and minutes such as `2h`, `90m` or `1h30m`"),
        );
    }
    if !is_year_month(&raw.reviewed) {
        ctx.diags.push(
            Diagnostic::error(
                "E310",
                text_span(file, &raw.reviewed),
                format!("`{}` is not a review date", raw.reviewed.as_str()),
            )
            .with_help(
                "write the year and month of the last fact check as `YYYY-MM`, such as `2026-11`",
            ),
        );
    }
    if raw.objectives.is_empty() {
        ctx.diags.push(
            Diagnostic::error(
                "E311",
                span_of(file, &raw.objectives, 1),
                "the module has no learning objectives",
            )
            .with_help("list at least one objective, each with a text per language"),
        );
    }
    let objectives: Vec<Option<Localized>> = raw
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| translations::localized(ctx, file, o, &format!("objective {}", i + 1)))
        .collect();
    let keywords: Vec<Option<Localized>> = raw
        .keywords
        .iter()
        .enumerate()
        .map(|(i, k)| translations::localized(ctx, file, k, &format!("keyword {}", i + 1)))
        .collect();
    Some((
        title?,
        description?,
        minutes?,
        objectives.into_iter().collect::<Option<_>>()?,
        keywords.into_iter().collect::<Option<_>>()?,
    ))
}

/// `2h`, `90m`, `1h30m` → minutes.
pub(crate) fn parse_duration(text: &str) -> Option<u32> {
    let text = text.trim();
    let (hours, rest) = match text.split_once('h') {
        Some((h, rest)) => (h.parse::<u32>().ok()?, rest),
        None => (0, text),
    };
    let minutes = match rest.strip_suffix('m') {
        Some(m) => m.parse::<u32>().ok()?,
        None if rest.is_empty() => 0,
        None => return None,
    };
    let total = hours.checked_mul(60)?.checked_add(minutes)?;
    (total > 0).then_some(total)
}

fn is_year_month(text: &str) -> bool {
    let b = text.trim().as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(
            &text.trim()[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// Findings of every language file, with the file they come from and its text.
pub(super) struct LangFindings {
    pub(super) lang: Lang,
    pub(super) file: PathBuf,
    pub(super) text: String,
    pub(super) findings: Vec<markdown::Finding>,
}

fn texts(
    ctx: &mut Ctx,
    sources: &SourceSet,
    dir: &Path,
) -> Option<(BTreeMap<Lang, ModuleText>, Vec<LangFindings>)> {
    extra_language_files(ctx, sources, dir);
    let mut texts = BTreeMap::new();
    let mut all = Vec::new();
    for lang in ctx.langs.clone() {
        let file = dir.join(format!("{}.md", lang.code()));
        let Some(text) = sources.text(&file) else {
            if sources.get(&file).is_none() {
                missing_text(ctx, &file, lang);
            }
            continue;
        };
        let labels = ctx.labels.get(&lang).cloned().unwrap_or_default();
        let rendered = markdown::render(text, &labels, lang.code());
        texts.insert(
            lang,
            ModuleText {
                lang,
                pages: rendered.pages,
            },
        );
        all.push(LangFindings {
            lang,
            file,
            text: text.to_string(),
            findings: rendered.findings,
        });
    }
    let default = texts.get(&ctx.default_lang).cloned();
    for lang in ctx.langs.clone() {
        if let std::collections::btree_map::Entry::Vacant(slot) = texts.entry(lang) {
            slot.insert(default.clone()?);
        }
    }
    Some((texts, all))
}

fn missing_text(ctx: &mut Ctx, file: &Path, lang: Lang) {
    let default = ctx.default_lang.code();
    let d = if ctx.allow_missing {
        Diagnostic::warning(
            "W204",
            Span::file(file),
            format!("the module has no `{}` text", lang.code()),
        )
        .with_help(format!(
            "the `{default}` text is shown instead; write `{}` to translate it",
            file.display()
        ))
    } else {
        Diagnostic::error("E204", Span::file(file), format!("missing `{}.md`", lang.code())).with_help(format!(
            "write `{}` with the same pages as `{default}.md` (or build with --allow-missing-translations)",
            file.display()
        ))
    };
    ctx.diags.push(d);
}

fn extra_language_files(ctx: &mut Ctx, sources: &SourceSet, dir: &Path) {
    for f in sources.under(dir) {
        let Some(stem) = f
            .rel
            .strip_prefix(dir)
            .ok()
            .and_then(|r| r.to_str())
            .and_then(|r| r.strip_suffix(".md"))
        else {
            continue;
        };
        if let Some(lang) = Lang::from_code(stem).filter(|l| !ctx.langs.contains(l)) {
            ctx.diags.push(
                Diagnostic::error(
                    "E205",
                    Span::file(&f.rel),
                    format!("`{stem}.md` is for a language the course does not declare"),
                )
                .with_help(format!(
                    "add `{}` to `languages` in course.yaml, or remove the file",
                    lang.code()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations() {
        assert_eq!(super::parse_duration("2h"), Some(120));
        assert_eq!(super::parse_duration("90m"), Some(90));
        assert_eq!(super::parse_duration("1h30m"), Some(90));
        assert_eq!(super::parse_duration("2 hours"), None);
        assert_eq!(super::parse_duration("0m"), None);
    }
}
