//! Everything coursepack prints: diagnostics and their summary on stderr, results on
//! stdout. Commands report through here so output stays consistent and testable.

use crate::diag::render::{Renderer, Style};
use crate::diag::{Diagnostic, Severity};
use crate::source::SourceSet;
use std::io::Write as _;

/// How to print.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reporter {
    /// Diagnostic style.
    pub style: Style,
    /// ANSI colours (terminal without `NO_COLOR`).
    pub color: bool,
    /// stderr is a terminal: show progress bars.
    pub interactive: bool,
}

impl Reporter {
    /// Prints `diagnostics` (sorted) and the summary; returns the error and warning counts.
    pub fn diagnostics(
        &self,
        diagnostics: &[Diagnostic],
        sources: Option<&SourceSet>,
    ) -> (usize, usize) {
        let lookup =
            |path: &std::path::Path| sources.and_then(|s| s.text(path)).map(str::to_string);
        let renderer = Renderer {
            style: self.style,
            color: self.color,
            source: &lookup,
        };
        let mut err = std::io::stderr().lock();
        for d in diagnostics {
            let _ = err.write_all(renderer.render(d).as_bytes());
        }
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics.len() - errors;
        let _ = err.write_all(renderer.summary(errors, warnings).as_bytes());
        (errors, warnings)
    }

    /// A warning that belongs to no source file.
    pub fn warn(&self, message: &str) {
        let word = if self.color {
            "\x1b[1;33mwarning\x1b[0m"
        } else {
            "warning"
        };
        let _ = writeln!(std::io::stderr(), "{word}: {message}");
    }

    /// An error that belongs to no source file.
    pub fn error(&self, message: &str) {
        let word = if self.color {
            "\x1b[1;31merror\x1b[0m"
        } else {
            "error"
        };
        let _ = writeln!(std::io::stderr(), "{word}: {message}");
    }

    /// A progress bar on stderr when it is a terminal (hidden otherwise, e.g. on CI).
    pub fn progress(&self, total: u64) -> indicatif::ProgressBar {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if self.interactive {
            let style =
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} artifacts {elapsed}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
        } else {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        bar
    }

    /// A result line on stdout.
    pub fn result(&self, line: &str) {
        let _ = writeln!(std::io::stdout(), "{line}");
    }
}
