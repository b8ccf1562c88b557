//! The JSON the browser runtime reads from each page (`<script id="cp-data">`): page ids,
//! test settings and answer keys. Its shape is the contract documented in `docs/runtime.md`.

use crate::interaction::{self, Interaction};
use crate::manifest::xapi_ids;
use crate::model::quiz::{Question, QuestionKind, Role};
use crate::model::{Course, Lang, Module, Package};
use serde::Serialize;
use std::collections::BTreeMap;

/// Data of a module document.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleData<'a> {
    course: &'a str,
    package: &'a str,
    module: &'a str,
    version: &'a str,
    lang: &'static str,
    storage_key: String,
    pages: Vec<&'a str>,
    test: Option<TestData<'a>>,
    questions: BTreeMap<&'a str, QuestionData<'a>>,
    activities: Activities,
}

/// xAPI activity IRIs (publisher ids; a cmi5 LMS gives the AU its own id at launch).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Activities {
    package: String,
    module: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TestData<'a> {
    pass_mark: u8,
    draw: Option<u32>,
    max_attempts: u32,
    shuffle_questions: bool,
    shuffle_options: bool,
    questions: Vec<&'a str>,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct QuestionData<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    role: Option<Role>,
    weight: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    correct: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    case_sensitive: Option<bool>,
    /// Longest input accepted (fill-in, numeric), so the resume state has a known bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    max_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pairs: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<Vec<&'a str>>,
    feedback: FeedbackData<'a>,
    /// How the answer is reported: SCORM 1.2 and xAPI types and correct patterns.
    scorm: Option<Interaction>,
    xapi: Option<Interaction>,
    activity: String,
}

#[derive(Serialize, Default)]
struct FeedbackData<'a> {
    correct: Option<&'a str>,
    incorrect: Option<&'a str>,
    options: BTreeMap<&'a str, &'a str>,
}

/// Data of the package menu page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexData<'a> {
    course: &'a str,
    package: &'a str,
    version: &'a str,
    lang: &'static str,
    modules: Vec<ModuleRef<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ModuleRef<'a> {
    id: &'a str,
    storage_key: String,
}

/// The localStorage key of a module's standalone progress: one per course, package,
/// module and language, so two courses on one host never share progress.
pub fn storage_key(course: &Course, package: &Package, module: &str, lang: Lang) -> String {
    format!(
        "coursepack:{}:{}:{module}:{}",
        course.id,
        package.id,
        lang.code()
    )
}

/// The menu page's data.
pub fn index<'a>(course: &'a Course, package: &'a Package, lang: Lang) -> IndexData<'a> {
    IndexData {
        course: &course.id,
        package: &package.id,
        version: &course.version,
        lang: lang.code(),
        modules: package
            .modules
            .iter()
            .map(|id| ModuleRef {
                id,
                storage_key: storage_key(course, package, id, lang),
            })
            .collect(),
    }
}

/// A module document's data.
pub fn module<'a>(
    course: &'a Course,
    package: &'a Package,
    module: &'a Module,
    lang: Lang,
) -> ModuleData<'a> {
    let quiz = module.quiz.as_ref();
    let test = quiz
        .filter(|q| q.test_questions().next().is_some())
        .map(|q| TestData {
            pass_mark: q.settings.pass_mark,
            draw: q.settings.draw,
            max_attempts: q.settings.max_attempts,
            shuffle_questions: q.settings.shuffle_questions,
            shuffle_options: q.settings.shuffle_options,
            questions: q.test_questions().map(|q| q.id.as_str()).collect(),
        });
    ModuleData {
        course: &course.id,
        package: &package.id,
        module: &module.id,
        version: &course.version,
        lang: lang.code(),
        storage_key: storage_key(course, package, &module.id, lang),
        pages: module.texts[&lang]
            .pages
            .iter()
            .map(|p| p.id.as_str())
            .collect(),
        test,
        questions: quiz
            .map(|q| {
                q.questions
                    .iter()
                    .map(|q| (q.id.as_str(), question(course, &module.id, q, lang)))
                    .collect()
            })
            .unwrap_or_default(),
        activities: Activities {
            package: xapi_ids::package(course, &package.id),
            module: xapi_ids::module(course, &module.id),
        },
    }
}

fn question<'a>(course: &Course, module: &str, q: &'a Question, lang: Lang) -> QuestionData<'a> {
    let mut d = QuestionData {
        scorm: Some(interaction::scorm12(q)),
        xapi: Some(interaction::xapi(q)),
        activity: xapi_ids::question(course, module, &q.id),
        kind: q.kind.name(),
        role: Some(q.role),
        weight: q.weight,
        feedback: FeedbackData {
            correct: q.feedback.correct.as_ref().map(|f| f.str(lang)),
            incorrect: q.feedback.incorrect.as_ref().map(|f| f.str(lang)),
            options: BTreeMap::new(),
        },
        ..QuestionData::default()
    };
    match &q.kind {
        QuestionKind::Single { options, correct } => {
            d.options = Some(options.iter().map(|o| o.id.as_str()).collect());
            d.correct = Some(vec![options[*correct].id.as_str()]);
            d.feedback.options = option_feedback(options, lang);
        }
        QuestionKind::Multiple { options, correct } => {
            d.options = Some(options.iter().map(|o| o.id.as_str()).collect());
            d.correct = Some(correct.iter().map(|&i| options[i].id.as_str()).collect());
            d.feedback.options = option_feedback(options, lang);
        }
        QuestionKind::TrueFalse { answer } => d.answer = Some((*answer).into()),
        QuestionKind::FillIn {
            answers,
            case_sensitive,
        } => {
            d.answers = Some(answers);
            d.case_sensitive = Some(*case_sensitive);
            d.max_length = Some(crate::check::fill_in_max_len(answers));
        }
        QuestionKind::Numeric { answer, tolerance } => {
            d.answer = Some((*answer).into());
            d.tolerance = Some(*tolerance);
            d.max_length = Some(20);
        }
        QuestionKind::Matching { pairs } => {
            d.pairs = Some(pairs.iter().map(|p| p.id.as_str()).collect())
        }
        QuestionKind::Sequencing { items } => {
            d.order = Some(items.iter().map(|i| i.id.as_str()).collect())
        }
    }
    d
}

fn option_feedback(options: &[crate::model::quiz::Choice], lang: Lang) -> BTreeMap<&str, &str> {
    options
        .iter()
        .filter_map(|o| Some((o.id.as_str(), o.feedback.as_ref()?.str(lang))))
        .collect()
}
