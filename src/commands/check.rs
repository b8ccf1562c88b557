//! `coursepack check`: load and validate a course, print every problem.

use super::{load_theme, LoadOptions, Outcome};
use crate::check::{check, CheckOptions, Checked};
use crate::report::Reporter;
use crate::theme::Theme;

/// What a check gives `build`.
pub struct CheckRun {
    /// Success or failure, with `--deny warnings` applied.
    pub outcome: Outcome,
    /// The course (when clean) and its sources.
    pub checked: Checked,
    /// The theme, with overrides.
    pub theme: Theme,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<crate::diag::Diagnostic>,
}

/// Runs the check and prints its diagnostics.
pub fn run(options: &LoadOptions, report: &Reporter) -> anyhow::Result<CheckRun> {
    let theme = load_theme(options, report)?;
    let check_options = CheckOptions {
        allow_missing_translations: options.allow_missing_translations,
        labels: theme.labels_by_lang(),
    };
    let mut checked = check(&options.course_dir, &check_options)?;
    let diagnostics = std::mem::take(&mut checked.diagnostics).into_sorted();
    let (errors, warnings) = report.diagnostics(&diagnostics, Some(&checked.sources));
    let failed = errors > 0 || (options.deny_warnings && warnings > 0);
    let outcome = if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    };
    Ok(CheckRun {
        outcome,
        checked,
        theme,
        diagnostics,
    })
}
