//! Diagnostics: problems in the course sources, as values.
//!
//! Every rule of `check` reports through a [`Diagnostics`] bag instead of returning early, so
//! an author sees every problem of a course in one run. A diagnostic carries a stable code
//! (documented in `docs/diagnostics.md`), a lowercase message, the place in the source and a
//! help line that says how to fix it. Printing happens in one place, [`render`].

pub mod render;

use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, does not stop a build unless `--deny warnings` is given.
    Warning,
    /// Stops the build.
    Error,
}

/// A place in a source file: path relative to the course folder, 1-based line and column,
/// and the width of the marked text in characters (at least 1).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    /// Path relative to the course folder, with `/` separators.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// Width of the marked text, in characters.
    pub len: usize,
}

impl Span {
    /// A span covering `len` characters at `line`:`col` of `file`.
    pub fn new(file: impl Into<PathBuf>, line: usize, col: usize, len: usize) -> Self {
        Span {
            file: file.into(),
            line: line.max(1),
            col: col.max(1),
            len: len.max(1),
        }
    }

    /// A span for a whole file, when no better place is known (points at line 1).
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Span::new(file, 1, 1, 1)
    }

    /// The span of the byte range `start..end` of `text`, which is the content of `file`.
    pub fn from_offsets(file: &Path, text: &str, start: usize, end: usize) -> Self {
        let start = floor_char_boundary(text, start.min(text.len()));
        let end = floor_char_boundary(text, end.clamp(start, text.len()));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..start].chars().count() + 1;
        let marked = text[start..end].split('\n').next().unwrap_or("");
        Span::new(file, line, col, marked.chars().count())
    }
}

/// `1 page`, `2 pages`: counts in messages read naturally.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in the sources.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, such as `E301`; see `docs/diagnostics.md`.
    pub code: &'static str,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// Where it is wrong.
    pub span: Span,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The bag every rule reports into.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// The diagnostics sorted by file, line and column, duplicates removed, so that output
    /// does not depend on the order in which rules ran.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| (&a.span, a.code, &a.message).cmp(&(&b.span, b.code, &b.message)));
        self.items.dedup();
        self.items
    }

    /// Read access, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_line_and_column() {
        let text = "# Title\n\nSome ![x](../a.png) text\n";
        let start = text.find("../a.png").unwrap();
        let span = Span::from_offsets(Path::new("m/nl.md"), text, start, start + 8);
        assert_eq!((span.line, span.col, span.len), (3, 11, 8));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "été: x";
        let start = text.find('x').unwrap();
        let span = Span::from_offsets(Path::new("a"), text, start, start + 1);
        assert_eq!(span.col, 6);
    }
}
