//! HTML: the model and its rendered pages → the documents a learner opens, through the
//! theme's tera templates.
//!
//! This file owns the contract with the theme (`docs/runtime.md`): the view structs below
//! are exactly what templates see, and [`RuntimeData`] is the JSON the browser runtime reads.

use crate::markdown::QUESTION_MARK;
use crate::model::quiz::{Question, QuestionKind, Role};
use crate::model::{Course, Lang, Module, Package};
use anyhow::Context as _;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which tracking adapter a document loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tracking {
    /// Progress in `localStorage` only.
    Standalone,
    /// SCORM 1.2 API.
    Scorm12,
    /// cmi5 launch and xAPI statements.
    Cmi5,
    /// TinCan launch and xAPI statements.
    Tincan,
}

/// Everything one package-language needs to render.
pub struct Renderer<'a> {
    /// The templates.
    pub tera: &'a tera::Tera,
    /// UI strings of `lang`.
    pub ui: &'a BTreeMap<String, String>,
    /// The course.
    pub course: &'a Course,
    /// The package.
    pub package: &'a Package,
    /// The language.
    pub lang: Lang,
    /// The tracking adapter.
    pub tracking: Tracking,
}

#[derive(Serialize)]
struct CourseView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    version: &'a str,
    publisher: &'a str,
    licence: &'a str,
}

#[derive(Serialize)]
struct PackageView<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ModuleInfo<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    learning_time_minutes: u32,
    objectives: Vec<&'a str>,
    position: usize,
    count: usize,
}

#[derive(Serialize)]
struct PageView {
    id: String,
    title: String,
    html: String,
    /// `html` split after the page's `<h2>`, so a theme can put something under the title.
    heading: String,
    body: String,
    /// Set when the page is shown in a fallback language.
    lang_tag: Option<&'static str>,
}

#[derive(Serialize)]
struct TestView {
    pass_mark: u8,
    pool: usize,
    asked: usize,
    max_attempts: u32,
    questions: Vec<String>,
}

#[derive(Serialize)]
struct Neighbour {
    title: String,
    href: String,
}

#[derive(Serialize)]
struct ModuleLink<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    learning_time_minutes: u32,
    href: String,
    has_test: bool,
}

#[derive(Serialize)]
struct IdText<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct PairSource<'a> {
    id: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct QuestionView<'a> {
    id: &'a str,
    dom_id: String,
    role: Role,
    #[serde(rename = "type")]
    kind: &'static str,
    prompt: &'a str,
    weight: u32,
    options: Vec<IdText<'a>>,
    pairs: Vec<PairSource<'a>>,
    targets: Vec<IdText<'a>>,
    items: Vec<IdText<'a>>,
}

impl Renderer<'_> {
    fn base_context(&self) -> tera::Context {
        let lang = self.lang;
        let mut ctx = tera::Context::new();
        ctx.insert("lang", lang.code());
        ctx.insert("lang_tag", lang.tag());
        ctx.insert("ui", self.ui);
        ctx.insert("tracking", &self.tracking);
        ctx.insert(
            "course",
            &CourseView {
                id: &self.course.id,
                title: self.course.title.str(lang),
                description: self.course.description.str(lang),
                version: &self.course.version,
                publisher: &self.course.publisher,
                licence: &self.course.licence,
            },
        );
        ctx.insert(
            "package",
            &PackageView {
                id: &self.package.id,
                title: self.package.title.str(lang),
            },
        );
        ctx
    }

    fn render(&self, template: &str, ctx: &tera::Context) -> anyhow::Result<String> {
        self.tera
            .render(template, ctx)
            .map_err(|e| anyhow::anyhow!(crate::theme::tera_error(&e)))
            .with_context(|| format!("cannot render the theme's `{template}`"))
    }

    /// The package menu page, `index.html` at the package root.
    pub fn index(&self) -> anyhow::Result<String> {
        let lang = self.lang;
        let mut ctx = self.base_context();
        let modules: Vec<ModuleLink> = self
            .modules()
            .map(|m| ModuleLink {
                id: &m.id,
                title: m.title.str(lang),
                description: m.description.str(lang),
                learning_time_minutes: m.learning_minutes,
                href: format!("modules/{}/index.html", m.id),
                has_test: m
                    .quiz
                    .as_ref()
                    .is_some_and(|q| q.test_questions().next().is_some()),
            })
            .collect();
        ctx.insert("modules", &modules);
        ctx.insert("root", "");
        let data = crate::runtime_data::index(self.course, self.package, lang);
        ctx.insert("data_json", &script_json(&data)?);
        self.render("index.html", &ctx)
    }

    fn modules(&self) -> impl Iterator<Item = &Module> {
        self.package
            .modules
            .iter()
            .filter_map(|id| self.course.modules.get(id))
    }

    /// The document of module number `position` (0-based) of the package.
    pub fn module(&self, position: usize) -> anyhow::Result<String> {
        let lang = self.lang;
        let ids = &self.package.modules;
        let module = &self.course.modules[&ids[position]];
        let text = &module.texts[&lang];
        let mut ctx = self.base_context();
        ctx.insert(
            "module",
            &ModuleInfo {
                id: &module.id,
                title: module.title.str(lang),
                description: module.description.str(lang),
                learning_time_minutes: module.learning_minutes,
                objectives: module.objectives.iter().map(|o| o.str(lang)).collect(),
                position: position + 1,
                count: ids.len(),
            },
        );
        let fallback = (text.lang != lang).then(|| text.lang.tag());
        let mut pages = Vec::new();
        for page in &text.pages {
            let html = self.place_questions(module, &page.html)?;
            let split = html.find("</h2>").map_or(0, |i| i + "</h2>".len());
            pages.push(PageView {
                id: page.id.clone(),
                title: page.title.clone(),
                heading: html[..split].to_string(),
                body: html[split..].to_string(),
                html,
                lang_tag: fallback,
            });
        }
        ctx.insert("pages", &pages);
        ctx.insert("test", &self.test(module)?);
        ctx.insert("root", "../../");
        ctx.insert("menu_href", "../../index.html");
        let neighbour = |i: usize| {
            let m = &self.course.modules[&ids[i]];
            Neighbour {
                title: m.title.str(lang).to_string(),
                href: format!("../{}/index.html", m.id),
            }
        };
        ctx.insert("prev", &position.checked_sub(1).map(neighbour));
        ctx.insert(
            "next",
            &(position + 1 < ids.len()).then(|| neighbour(position + 1)),
        );
        let data = crate::runtime_data::module(self.course, self.package, module, lang);
        ctx.insert("data_json", &script_json(&data)?);
        self.render("module.html", &ctx)
    }

    fn test(&self, module: &Module) -> anyhow::Result<Option<TestView>> {
        let Some(quiz) = &module.quiz else {
            return Ok(None);
        };
        let questions: Vec<String> = quiz
            .test_questions()
            .map(|q| self.question(q))
            .collect::<anyhow::Result<_>>()?;
        if questions.is_empty() {
            return Ok(None);
        }
        Ok(Some(TestView {
            pass_mark: quiz.settings.pass_mark,
            pool: questions.len(),
            asked: quiz.asked(),
            max_attempts: quiz.settings.max_attempts,
            questions,
        }))
    }

    /// Replaces each knowledge-check placeholder of `html` with the rendered question.
    fn place_questions(&self, module: &Module, html: &str) -> anyhow::Result<String> {
        let (open, close) = QUESTION_MARK;
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find(open) {
            out.push_str(&rest[..start]);
            let after = &rest[start + open.len()..];
            let end = after
                .find(close)
                .context("unterminated question placeholder")?;
            let id = &after[..end];
            let question = module
                .quiz
                .as_ref()
                .and_then(|q| q.question(id))
                .with_context(|| format!("unknown question `{id}`"))?;
            out.push_str(&self.question(question)?);
            rest = &after[end + close.len()..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn question(&self, q: &Question) -> anyhow::Result<String> {
        let mut ctx = self.base_context();
        ctx.insert("q", &question_view(q, self.lang));
        self.render("question.html", &ctx)
    }
}

fn question_view(q: &Question, lang: Lang) -> QuestionView<'_> {
    let mut view = QuestionView {
        id: &q.id,
        dom_id: format!("q-{}", q.id),
        role: q.role,
        kind: q.kind.name(),
        prompt: q.prompt.str(lang),
        weight: q.weight,
        options: Vec::new(),
        pairs: Vec::new(),
        targets: Vec::new(),
        items: Vec::new(),
    };
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            view.options = options
                .iter()
                .map(|o| IdText {
                    id: &o.id,
                    text: o.text.str(lang),
                })
                .collect();
        }
        QuestionKind::Matching { pairs } => {
            view.pairs = pairs
                .iter()
                .map(|p| PairSource {
                    id: &p.id,
                    source: p.source.str(lang),
                })
                .collect();
            let targets: Vec<IdText> = pairs
                .iter()
                .map(|p| IdText {
                    id: &p.id,
                    text: p.target.str(lang),
                })
                .collect();
            view.targets = scramble(&q.id, targets);
        }
        QuestionKind::Sequencing { items } => {
            let list: Vec<IdText> = items
                .iter()
                .map(|i| IdText {
                    id: &i.id,
                    text: i.text.str(lang),
                })
                .collect();
            view.items = scramble(&q.id, list);
        }
        _ => {}
    }
    view
}

/// A fixed order that depends only on the ids and never equals the source order (which is
/// the right answer for sequencing and matching), so pages are stable across builds and
/// readable without JavaScript without giving the answer away.
fn scramble<'a>(seed: &str, mut list: Vec<IdText<'a>>) -> Vec<IdText<'a>> {
    let original: Vec<&str> = list.iter().map(|x| x.id).collect();
    list.sort_by_key(|x| fnv1a(&format!("{seed}/{}", x.id)));
    if list.len() > 1 && list.iter().map(|x| x.id).eq(original.iter().copied()) {
        list.rotate_left(1);
    }
    list
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// JSON that is safe inside `<script type="application/json">`: no `</script>` can end the
/// element early, whatever an author wrote in a feedback text.
pub fn script_json<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let json = serde_json::to_string(value)?;
    Ok(json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let json = script_json(&"</script><b>&").unwrap();
        assert_eq!(json, "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "</script><b>&");
    }

    #[test]
    fn scramble_is_stable_and_never_the_answer() {
        for n in 2..8 {
            let ids: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
            let list: Vec<IdText> = ids.iter().map(|id| IdText { id, text: "" }).collect();
            let a: Vec<&str> = scramble("q", list).iter().map(|x| x.id).collect();
            assert_ne!(a, ids.iter().map(String::as_str).collect::<Vec<_>>());
            let list: Vec<IdText> = ids.iter().map(|id| IdText { id, text: "" }).collect();
            let b: Vec<&str> = scramble("q", list).iter().map(|x| x.id).collect();
            assert_eq!(a, b);
        }
    }
}
