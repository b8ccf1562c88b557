//! Rule family: the structure of the module texts, and the knowledge checks placed in them.
//!
//! Codes: E206 page count differs between languages, E207 knowledge checks differ between
//! languages, E411 unknown question, E412 a test question placed as a knowledge check, E413
//! a knowledge check placed twice or never, E507 text before the first page, W508 skipped
//! heading level, E509 a text without pages.

use super::module::LangFindings;
use super::{html, Ctx};
use crate::diag::{Diagnostic, Span};
use crate::markdown::FindingKind;
use crate::model::quiz::{Quiz, Role};
use crate::model::{Lang, ModuleText};
use crate::suggest;
use std::collections::BTreeMap;
use std::path::Path;

/// Judges the language files of the module in `dir`.
pub(super) fn judge_structure(
    ctx: &mut Ctx,
    dir: &Path,
    texts: &BTreeMap<Lang, ModuleText>,
    findings: &[LangFindings],
    quiz: Result<Option<&Quiz>, ()>,
) {
    html::judge(ctx, findings);
    for t in findings {
        headings(ctx, t);
        let pages = texts.get(&t.lang).map_or(0, |m| m.pages.len());
        if pages == 0 {
            ctx.diags.push(
                Diagnostic::error("E509", Span::file(&t.file), "the text has no pages")
                    .with_help("start each page with a level-1 heading: `# Title`"),
            );
        }
        // A quiz.yaml with errors would make every placed check look unknown.
        if let Ok(quiz) = quiz {
            questions(ctx, dir, t, quiz);
        }
    }
    compare_languages(ctx, texts, findings);
}

fn headings(ctx: &mut Ctx, t: &LangFindings) {
    for f in &t.findings {
        let span = || Span::from_offsets(&t.file, &t.text, f.range.start, f.range.end);
        match f.kind {
            FindingKind::TextBeforeFirstPage => ctx.diags.push(
                Diagnostic::error("E507", span(), "text before the first page heading")
                    .with_help("every page starts with a level-1 heading (`# Title`); move this text below one"),
            ),
            FindingKind::SkippedHeadingLevel { from, to } => ctx.diags.push(
                Diagnostic::warning("W508", span(), format!("heading level {to} follows level {from}"))
                    .with_help(format!("use a level-{} heading (`{}`) so screen readers see the structure", from + 1, "#".repeat(from as usize + 1))),
            ),
            _ => {}
        }
    }
}

fn placed_ids(t: &LangFindings) -> Vec<(&str, std::ops::Range<usize>)> {
    t.findings
        .iter()
        .filter_map(|f| match &f.kind {
            FindingKind::Question(id) => Some((id.as_str(), f.range.clone())),
            _ => None,
        })
        .collect()
}

fn questions(ctx: &mut Ctx, dir: &Path, t: &LangFindings, quiz: Option<&Quiz>) {
    let placed = placed_ids(t);
    let checks: Vec<&str> = quiz.map_or(Vec::new(), |q| {
        q.questions
            .iter()
            .filter(|q| q.role == Role::Check)
            .map(|q| q.id.as_str())
            .collect()
    });
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, range) in &placed {
        let span = Span::from_offsets(&t.file, &t.text, range.start, range.end);
        match quiz.and_then(|q| q.question(id)) {
            None => ctx.diags.push(
                Diagnostic::error("E411", span, format!("no question `{id}` in {}", dir.join("quiz.yaml").display()))
                    .with_help(match suggest::closest(id, checks.iter().copied()) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => format!("add a `role: check` question with `id: {id}` to quiz.yaml"),
                    }),
            ),
            Some(q) if q.role == Role::Test => ctx.diags.push(
                Diagnostic::error("E412", span, format!("`{id}` is a final-test question"))
                    .with_help("only `role: check` questions can be placed in a page; give this one `role: check` or place another"),
            ),
            Some(_) => {
                if let Some(first) = seen.insert(id, span.line) {
                    ctx.diags.push(
                        Diagnostic::error("E413", span, format!("knowledge check `{id}` is placed twice"))
                            .with_help(format!("place each check once; it is already on line {first}")),
                    );
                }
            }
        }
    }
    for id in checks.iter().filter(|id| !seen.contains_key(*id)) {
        ctx.diags.push(
            Diagnostic::error(
                "E413",
                Span::file(&t.file),
                format!("knowledge check `{id}` is not placed in this text"),
            )
            .with_help(format!(
                "add a ```question block with `{id}` where the learner should answer it"
            )),
        );
    }
}

/// Every language has the same pages and checks as the default language, in the same order.
fn compare_languages(ctx: &mut Ctx, texts: &BTreeMap<Lang, ModuleText>, findings: &[LangFindings]) {
    let Some(default) = findings.iter().find(|t| t.lang == ctx.default_lang) else {
        return;
    };
    let default_pages = texts.get(&default.lang).map_or(0, |m| m.pages.len());
    let default_checks: Vec<&str> = placed_ids(default).into_iter().map(|(id, _)| id).collect();
    for t in findings.iter().filter(|t| t.lang != ctx.default_lang) {
        let pages = texts.get(&t.lang).map_or(0, |m| m.pages.len());
        if pages != default_pages {
            ctx.diags.push(
                Diagnostic::error(
                    "E206",
                    Span::file(&t.file),
                    format!(
                        "{}, but `{}.md` has {default_pages}",
                        crate::diag::count(pages, "page"),
                        default.lang.code()
                    ),
                )
                .with_help(
                    "every language has the same pages in the same order: one `# heading` per page",
                ),
            );
        }
        let checks: Vec<&str> = placed_ids(t).into_iter().map(|(id, _)| id).collect();
        if checks != default_checks {
            ctx.diags.push(
                Diagnostic::error(
                    "E207",
                    Span::file(&t.file),
                    format!(
                        "knowledge checks {checks:?} differ from `{}.md`: {default_checks:?}",
                        default.lang.code()
                    ),
                )
                .with_help("place the same ```question blocks in the same order in every language"),
            );
        }
    }
}
