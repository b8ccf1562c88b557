//! Rule family: every text in every course language.
//!
//! Codes: E201 missing translation (W201 with `--allow-missing-translations`), E202 a
//! language key the course does not declare, E203 an empty text, E204 a missing language
//! file (W204 when allowed), E205 a language file for an undeclared language.

use super::Ctx;
use crate::diag::{Diagnostic, Span};
use crate::model::{Lang, Localized, Text};
use crate::source::schema::LocalizedText;
use crate::source::yaml::{span_of, text_span};
use crate::suggest;
use std::collections::BTreeMap;
use std::path::Path;

/// Turns an authored `{ nl: …, fr: … }` map into a [`Localized`] with every course language.
/// `what` names the field in messages ("title of package `connectoo`"). Returns `None` when
/// the text cannot be built (the default language is missing too); the problems are reported.
pub(super) fn localized(
    ctx: &mut Ctx,
    file: &Path,
    value: &LocalizedText,
    what: &str,
) -> Option<Localized> {
    let mut found = BTreeMap::new();
    for (key, text) in value.iter() {
        let lang = Lang::from_code(key).filter(|l| ctx.langs.contains(l));
        let Some(lang) = lang else {
            let codes: Vec<&str> = ctx.langs.iter().map(|l| l.code()).collect();
            if key.contains(' ') || key.len() > 3 {
                // `{ nl: Ja, zeker }`: in a flow mapping the comma ends the value, and the
                // rest of the text becomes a key of its own.
                ctx.diags.push(
                    Diagnostic::error("E202", key_span(file, text, key), format!("`{key}` reads as a language key"))
                        .with_help("a comma inside `{ … }` ends the text: put the text in quotes, `nl: \"Ja, zeker\"`, or write one language per line"),
                );
                continue;
            }
            let span = key_span(file, text, key);
            ctx.diags.push(
                Diagnostic::error(
                    "E202",
                    span,
                    format!("`{key}` is not a language of this course"),
                )
                .with_help(format!(
                    "{} (the course declares {} in course.yaml `languages`)",
                    suggest::help_for(key, &codes),
                    suggest::quote_list(&codes)
                )),
            );
            continue;
        };
        if text.trim().is_empty() {
            ctx.diags.push(
                Diagnostic::error(
                    "E203",
                    text_span(file, text),
                    format!("the `{key}` text of {what} is empty"),
                )
                .with_help("write the text, or remove the key if the field is optional"),
            );
        }
        found.insert(
            lang,
            Text {
                text: text.trim().to_string(),
                lang,
            },
        );
    }
    let whole = span_of(file, value, 1);
    let mut complete = BTreeMap::new();
    for lang in ctx.langs.clone() {
        match found.get(&lang) {
            Some(text) => {
                complete.insert(lang, text.clone());
            }
            None => {
                let fallback = found.get(&ctx.default_lang).cloned();
                missing_translation(ctx, whole.clone(), lang, what);
                complete.insert(lang, fallback?);
            }
        }
    }
    Some(Localized::new(complete))
}

/// Reports that `what` has no text in `lang`: an error, or a warning when fallbacks are allowed.
pub(super) fn missing_translation(ctx: &mut Ctx, span: Span, lang: Lang, what: &str) {
    let message = format!("{what} has no `{}` translation", lang.code());
    let d = if ctx.allow_missing {
        Diagnostic::warning("W201", span, message).with_help(format!(
            "the `{}` text is shown instead; add `{}:` to translate it",
            ctx.default_lang.code(),
            lang.code()
        ))
    } else {
        Diagnostic::error("E201", span, message).with_help(format!(
            "add `{}: …` with the translation (or build with --allow-missing-translations to show the `{}` text)",
            lang.code(),
            ctx.default_lang.code()
        ))
    };
    ctx.diags.push(d);
}

/// A language key's own span is lost by the YAML layer; its value sits on the same line,
/// right after `key: `, so step back to the key.
fn key_span(file: &Path, value: &crate::source::schema::Text, key: &str) -> Span {
    let span = text_span(file, value);
    let back = key.chars().count() + 2;
    if span.col > back {
        Span::new(file, span.line, span.col - back, key.chars().count())
    } else {
        span
    }
}
