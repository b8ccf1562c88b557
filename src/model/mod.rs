//! The model: a course that `check` has validated, as plain data with no I/O.
//!
//! Everything here is known to be consistent: every language has every text (or a marked
//! fallback), every module id a package names exists, every question has a valid answer key.
//! Later stages never re-validate; they trust these types.

pub mod merge;
pub mod quiz;

use std::collections::BTreeMap;
use std::path::PathBuf;

/// A course language. The set is closed because UI strings exist for these only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, as written in Belgium.
    Nl,
    /// French, as written in Belgium.
    Fr,
    /// German, as written in the German-speaking Community of Belgium.
    De,
    /// English.
    En,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 4] = [Lang::Nl, Lang::Fr, Lang::De, Lang::En];

    /// The two-letter code used in file names and YAML keys.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag used in `lang` attributes and manifests.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-BE",
            Lang::Fr => "fr-BE",
            Lang::De => "de-BE",
            Lang::En => "en",
        }
    }

    /// The language with this two-letter code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text in one language, remembering which language it is really written in: with
/// `--allow-missing-translations` a missing text falls back to the default language, and
/// the output must then mark it with that language's `lang` attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// The language the text is written in.
    pub lang: Lang,
}

/// A text for every course language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Localized {
    by_lang: BTreeMap<Lang, Text>,
}

impl Localized {
    /// Builds from complete per-language texts (`check` guarantees completeness).
    pub fn new(by_lang: BTreeMap<Lang, Text>) -> Self {
        Localized { by_lang }
    }

    /// The text shown in `lang`.
    ///
    /// # Panics
    /// Never for a model built by `check`, which fills every course language.
    pub fn get(&self, lang: Lang) -> &Text {
        &self.by_lang[&lang]
    }

    /// Shortcut for the string shown in `lang`.
    pub fn str(&self, lang: Lang) -> &str {
        &self.get(lang).text
    }
}

/// A validated course.
#[derive(Debug, Clone)]
pub struct Course {
    /// Course identifier.
    pub id: String,
    /// Semantic version.
    pub version: String,
    /// Course languages; the first is the default.
    pub languages: Vec<Lang>,
    /// Title.
    pub title: Localized,
    /// Description.
    pub description: Localized,
    /// Publisher, free text.
    pub publisher: String,
    /// Licence, SPDX id or free text.
    pub licence: String,
    /// Base of every xAPI activity IRI, without trailing slash.
    pub activity_iri_base: String,
    /// Packages in source order.
    pub packages: Vec<Package>,
    /// Modules by id.
    pub modules: BTreeMap<String, Module>,
}

impl Course {
    /// The default language.
    pub fn default_lang(&self) -> Lang {
        self.languages[0]
    }
}

/// What one LMS import holds.
#[derive(Debug, Clone)]
pub struct Package {
    /// Package identifier.
    pub id: String,
    /// Title.
    pub title: Localized,
    /// Module ids in order; each exists in [`Course::modules`].
    pub modules: Vec<String>,
    /// Whether each module requires the previous one.
    pub sequential: bool,
}

/// A module: one 2-hour unit that an LMS tracks on its own.
#[derive(Debug, Clone)]
pub struct Module {
    /// Module identifier (its folder name).
    pub id: String,
    /// Title.
    pub title: Localized,
    /// Description.
    pub description: Localized,
    /// Typical learning time in minutes.
    pub learning_minutes: u32,
    /// When the facts were last reviewed, `YYYY-MM`.
    pub reviewed: String,
    /// Learning objectives.
    pub objectives: Vec<Localized>,
    /// Keywords for LMS metadata.
    pub keywords: Vec<Localized>,
    /// The text of the module per course language.
    pub texts: BTreeMap<Lang, ModuleText>,
    /// Questions and test settings, if the module has a `quiz.yaml`.
    pub quiz: Option<quiz::Quiz>,
    /// Files of the module folder the pages of each language use, relative to the module
    /// folder.
    pub assets: BTreeMap<Lang, Vec<Asset>>,
}

/// A file a module ships: its path inside the module folder and where it is on disk.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    /// Path relative to the module folder, such as `media/csam.svg`.
    pub rel: String,
    /// Absolute path of the source file.
    pub abs: PathBuf,
}

/// The pages of a module in one language.
#[derive(Debug, Clone)]
pub struct ModuleText {
    /// The language the text is written in (differs from the key on fallback).
    pub lang: Lang,
    /// Pages in order.
    pub pages: Vec<Page>,
}

/// One page: a level-1 heading and what follows it, rendered to HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Stable, document-unique id derived from the heading.
    pub id: String,
    /// The heading as plain text.
    pub title: String,
    /// HTML of the page; inline checks are placeholders (see [`crate::markdown::QUESTION_MARK`]).
    pub html: String,
}
