//! The commands: each runs a pipeline from the course folder to its outcome.

pub mod build;
pub mod check;
pub mod inspect;

use crate::theme::Theme;
use std::path::PathBuf;

/// The result of a command, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the course has errors (or warnings under `--deny warnings`).
    Failure,
}

/// Options shared by `check` and `build`.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The course folder.
    pub course_dir: PathBuf,
    /// A theme folder laid over the default theme.
    pub theme: Option<PathBuf>,
    /// Missing translations are warnings, shown in the default language.
    pub allow_missing_translations: bool,
    /// Warnings fail the command.
    pub deny_warnings: bool,
}

fn load_theme(options: &LoadOptions, report: &crate::report::Reporter) -> anyhow::Result<Theme> {
    let Some(dir) = &options.theme else {
        return Ok(Theme::default_theme());
    };
    let (theme, unknown) = Theme::with_overrides(dir)?;
    for path in unknown {
        report.warn(&format!(
            "`{path}` in the theme folder replaces no file of the default theme (is it misspelt?)"
        ));
    }
    Ok(theme)
}
