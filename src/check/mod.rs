//! Check: the source set → the validated model, or every problem found on the way.
//!
//! `check` is the load half of `build`: it reads the YAML and Markdown, runs every rule and
//! returns the model only when no rule reported an error. Rules never stop at the first
//! problem; each family lives in its own file and owns its codes (see `docs/diagnostics.md`).

mod course;
mod house_style;
mod html;
mod ids;
mod media;
mod module;
mod quiz;
mod suspend;
mod text;
mod translations;

use crate::diag::Diagnostics;
use crate::markdown::Labels;
use crate::model::{Course, Lang};
use crate::source::SourceSet;
use std::collections::BTreeMap;
use std::path::Path;

/// What `check` needs besides the course folder.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Downgrade missing translations to warnings and fall back to the default language.
    pub allow_missing_translations: bool,
    /// Callout labels per language, from the theme.
    pub labels: BTreeMap<Lang, Labels>,
}

/// The outcome of checking a course folder.
#[derive(Debug)]
pub struct Checked {
    /// The model, when no error was found.
    pub course: Option<Course>,
    /// Everything found, errors and warnings.
    pub diagnostics: Diagnostics,
    /// The files that were read, for showing source lines and copying media.
    pub sources: SourceSet,
}

pub use course::is_valid_version;
pub use suspend::{fill_in_max_len, worst_case as suspend_data_worst_case};

/// The context every rule reports into.
pub(crate) struct Ctx {
    langs: Vec<Lang>,
    default_lang: Lang,
    allow_missing: bool,
    labels: BTreeMap<Lang, Labels>,
    diags: Diagnostics,
}

/// Loads and checks the course in `root`. An `Err` means the folder itself could not be
/// read; problems in the course are diagnostics in the `Ok` value.
pub fn check(root: &Path, options: &CheckOptions) -> anyhow::Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let sources = SourceSet::load(root, &mut diagnostics)?;
    let (course, diagnostics) = course::load(&sources, options, diagnostics);
    let course = if diagnostics.has_errors() {
        None
    } else {
        course
    };
    Ok(Checked {
        course,
        diagnostics,
        sources,
    })
}
