//! One package as one module, for LMSs that handle multi-SCO packages badly
//! (`build --sco-per package`): every module's pages in one document, after an overview page
//! that links to each module, and one final test over all modules' test questions, tracked
//! as one score.
//!
//! Ids are made unique by prefixing each module's page, heading and question ids with the
//! module id, and media paths are moved under `media/<module>/`, so nothing collides.

use super::quiz::{Question, Quiz, QuizSettings};
use super::{Asset, Course, Lang, Module, ModuleText, Package, Page};
use crate::markdown::QUESTION_MARK;
use std::collections::BTreeMap;

/// A course holding only `package`, as a single module with the package's id.
/// `overview` gives, per language, the title of the overview page.
pub fn single_module_course(
    course: &Course,
    package: &Package,
    overview: &BTreeMap<Lang, String>,
) -> Course {
    let modules: Vec<&Module> = package
        .modules
        .iter()
        .map(|id| &course.modules[id])
        .collect();
    let merged = Module {
        id: package.id.clone(),
        title: package.title.clone(),
        description: course.description.clone(),
        learning_minutes: modules.iter().map(|m| m.learning_minutes).sum(),
        reviewed: modules
            .iter()
            .map(|m| m.reviewed.clone())
            .max()
            .unwrap_or_default(),
        objectives: modules
            .iter()
            .flat_map(|m| m.objectives.iter().cloned())
            .collect(),
        keywords: modules
            .iter()
            .flat_map(|m| m.keywords.iter().cloned())
            .collect(),
        texts: course
            .languages
            .iter()
            .map(|&lang| (lang, texts(&modules, lang, overview)))
            .collect(),
        quiz: quiz(&modules),
        assets: course
            .languages
            .iter()
            .map(|lang| {
                let moved = modules
                    .iter()
                    .flat_map(|m| {
                        m.assets
                            .get(lang)
                            .into_iter()
                            .flatten()
                            .map(move |a| Asset {
                                rel: moved_asset(&m.id, &a.rel),
                                abs: a.abs.clone(),
                            })
                    })
                    .collect();
                (*lang, moved)
            })
            .collect(),
    };
    Course {
        packages: vec![Package {
            modules: vec![merged.id.clone()],
            ..package.clone()
        }],
        modules: BTreeMap::from([(merged.id.clone(), merged)]),
        ..course.clone()
    }
}

fn moved_asset(module: &str, rel: &str) -> String {
    match rel.strip_prefix("media/") {
        Some(rest) => format!("media/{module}/{rest}"),
        None => format!("media/{module}/{rel}"),
    }
}

/// The overview page, then each module's pages with unique ids and moved media.
fn texts(modules: &[&Module], lang: Lang, overview: &BTreeMap<Lang, String>) -> ModuleText {
    let title = overview.get(&lang).cloned().unwrap_or_default();
    let mut list = String::from("<ol class=\"cp-module-menu\">\n");
    let mut pages = Vec::new();
    for m in modules {
        let text = &m.texts[&lang];
        if let Some(first) = text.pages.first() {
            list.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                page_id(&m.id, &first.id),
                escape(m.title.str(lang))
            ));
        }
        for page in &text.pages {
            pages.push(Page {
                id: page_id(&m.id, &page.id),
                title: page.title.clone(),
                html: rewrite(&m.id, &page.html),
            });
        }
    }
    list.push_str("</ol>\n");
    let head = Page {
        id: "p-overview".to_string(),
        title: title.clone(),
        html: format!(
            "<h2 id=\"h-overview\" tabindex=\"-1\">{}</h2>\n{list}",
            escape(&title)
        ),
    };
    pages.insert(0, head);
    ModuleText { lang, pages }
}

fn page_id(module: &str, page: &str) -> String {
    format!("p-{module}--{}", page.trim_start_matches("p-"))
}

/// Heading ids, in-page links, question placeholders and media paths of one module's HTML,
/// moved into the module's namespace.
fn rewrite(module: &str, html: &str) -> String {
    html.replace("id=\"h-", &format!("id=\"h-{module}--"))
        .replace("href=\"#h-", &format!("href=\"#h-{module}--"))
        .replace(QUESTION_MARK.0, &format!("{}{module}--", QUESTION_MARK.0))
        .replace("src=\"media/", &format!("src=\"media/{module}/"))
        .replace("href=\"media/", &format!("href=\"media/{module}/"))
}

/// One test over every module's questions: the pool is their union, each attempt asks as
/// many as the modules would together, and the strictest pass mark applies.
fn quiz(modules: &[&Module]) -> Option<Quiz> {
    let quizzes: Vec<(&str, &Quiz)> = modules
        .iter()
        .filter_map(|m| Some((m.id.as_str(), m.quiz.as_ref()?)))
        .collect();
    if quizzes.is_empty() {
        return None;
    }
    let questions: Vec<Question> = quizzes
        .iter()
        .flat_map(|(module, q)| {
            q.questions.iter().map(move |question| Question {
                id: format!("{module}--{}", question.id),
                ..question.clone()
            })
        })
        .collect();
    let tested: Vec<&Quiz> = quizzes
        .iter()
        .map(|(_, q)| *q)
        .filter(|q| q.test_questions().next().is_some())
        .collect();
    let drawn: usize = tested.iter().map(|q| q.asked()).sum();
    let pool = questions
        .iter()
        .filter(|q| q.role == super::quiz::Role::Test)
        .count();
    let limits: Vec<u32> = tested
        .iter()
        .map(|q| q.settings.max_attempts)
        .filter(|&n| n > 0)
        .collect();
    Some(Quiz {
        settings: QuizSettings {
            pass_mark: tested
                .iter()
                .map(|q| q.settings.pass_mark)
                .max()
                .unwrap_or(0),
            shuffle_questions: tested.iter().any(|q| q.settings.shuffle_questions),
            shuffle_options: tested.iter().any(|q| q.settings.shuffle_options),
            draw: (drawn < pool).then_some(drawn as u32),
            max_attempts: if limits.len() == tested.len() {
                limits.into_iter().max().unwrap_or(0)
            } else {
                0
            },
        },
        questions,
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
