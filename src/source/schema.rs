//! The YAML files as authors write them: serde structs that mirror `docs/format.md`.
//!
//! Nothing here is validated beyond its YAML type; `check` turns these into the model.
//! Every value a later rule may complain about is [`Spanned`], so the complaint can point at
//! the file, line and column of the value. Unknown keys are refused (`deny_unknown_fields`).

use marked_yaml::Spanned;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A spanned string.
pub type Text = Spanned<String>;

/// A text per language, as written: `{ nl: …, fr: …, de: … }`.
pub type LocalizedText = Spanned<BTreeMap<String, Text>>;

/// `course.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    pub id: Text,
    pub version: Text,
    pub languages: Spanned<Vec<Text>>,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub publisher: Text,
    pub licence: Text,
    pub activity_iri_base: Text,
    pub packages: Spanned<Vec<PackageFile>>,
    /// Terms the course must not use, per language, with what to write instead.
    #[serde(default)]
    pub house_style: Vec<HouseStyleFile>,
}

/// One entry of `house_style:` in `course.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyleFile {
    pub lang: Text,
    pub avoid: Text,
    #[serde(rename = "use")]
    pub instead: Text,
}

/// One entry of `packages:` in `course.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageFile {
    pub id: Text,
    pub title: LocalizedText,
    pub modules: Spanned<Vec<Text>>,
    #[serde(default)]
    pub sequential: Option<Spanned<bool>>,
}

/// `modules/<id>/module.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFile {
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub learning_time: Text,
    pub reviewed: Text,
    pub objectives: Spanned<Vec<LocalizedText>>,
    #[serde(default)]
    pub keywords: Vec<LocalizedText>,
    #[serde(default)]
    pub sources: Vec<Text>,
}

/// `modules/<id>/quiz.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    #[serde(default)]
    pub pass_mark: Option<Spanned<i64>>,
    #[serde(default)]
    pub shuffle_questions: Option<Spanned<bool>>,
    #[serde(default)]
    pub shuffle_options: Option<Spanned<bool>>,
    #[serde(default)]
    pub draw: Option<Spanned<i64>>,
    #[serde(default)]
    pub max_attempts: Option<Spanned<i64>>,
    pub questions: Spanned<Vec<QuestionFile>>,
}

/// One question of `quiz.yaml`. Which answer fields apply depends on `type`; `check`
/// reports fields that do not belong to the type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub id: Text,
    pub role: Text,
    #[serde(rename = "type")]
    pub kind: Text,
    #[serde(default)]
    pub weight: Option<Spanned<i64>>,
    pub prompt: LocalizedText,
    #[serde(default)]
    pub options: Option<Spanned<Vec<OptionFile>>>,
    /// `true`/`false` for true-false, a number for numeric; parsed by `check`.
    #[serde(default)]
    pub answer: Option<Text>,
    #[serde(default)]
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub answers: Option<Spanned<Vec<Text>>>,
    #[serde(default)]
    pub case_sensitive: Option<Spanned<bool>>,
    #[serde(default)]
    pub pairs: Option<Spanned<Vec<PairFile>>>,
    #[serde(default)]
    pub items: Option<Spanned<Vec<ItemFile>>>,
    #[serde(default)]
    pub feedback: Option<FeedbackFile>,
}

/// An option of a `single` or `multiple` question.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    pub id: Text,
    pub text: LocalizedText,
    #[serde(default)]
    pub correct: Option<Spanned<bool>>,
    #[serde(default)]
    pub feedback: Option<LocalizedText>,
}

/// A pair of a `matching` question.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    pub id: Text,
    pub source: LocalizedText,
    pub target: LocalizedText,
}

/// An item of a `sequencing` question.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    pub id: Text,
    pub text: LocalizedText,
}

/// Question-level feedback.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackFile {
    #[serde(default)]
    pub correct: Option<LocalizedText>,
    #[serde(default)]
    pub incorrect: Option<LocalizedText>,
}
