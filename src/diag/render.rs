//! Printing diagnostics: the rustc-style human form, a one-line short form and JSON.
//!
//! This is the only place that knows what a diagnostic looks like on screen, so the rest of
//! the program can change the format without touching a rule.

use super::{Diagnostic, Severity};
use std::fmt::Write as _;

/// The output styles `--message-format` offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// Severity, code, message, `--> file:line:col`, the source line with a marker, help.
    #[default]
    Human,
    /// `file:line:col: severity[code]: message`, one line each.
    Short,
    /// One JSON object per line.
    Json,
}

/// Renders diagnostics as text. `source` returns the text of a course file (relative path),
/// or `None` when it cannot be shown; `color` adds ANSI colours.
pub struct Renderer<'a> {
    /// Output style.
    pub style: Style,
    /// Whether to use ANSI colours (only ever true on a terminal without `NO_COLOR`).
    pub color: bool,
    /// Looks up the text of a source file by its path relative to the course folder.
    pub source: &'a dyn Fn(&std::path::Path) -> Option<String>,
}

impl Renderer<'_> {
    /// Renders one diagnostic, ending with a newline (human style adds a blank line).
    pub fn render(&self, d: &Diagnostic) -> String {
        match self.style {
            Style::Human => self.human(d),
            Style::Short => self.short(d),
            Style::Json => {
                let mut line = serde_json::to_string(d).unwrap_or_default();
                line.push('\n');
                line
            }
        }
    }

    /// The closing summary line, such as `error: 3 errors and 1 warning`; empty when clean.
    pub fn summary(&self, errors: usize, warnings: usize) -> String {
        if self.style == Style::Json || errors + warnings == 0 {
            return String::new();
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let (sev, text) = match (errors, warnings) {
            (0, w) => (Severity::Warning, plural(w, "warning")),
            (e, 0) => (Severity::Error, plural(e, "error")),
            (e, w) => (
                Severity::Error,
                format!("{} and {}", plural(e, "error"), plural(w, "warning")),
            ),
        };
        format!("{}: {text}\n", self.severity_word(sev))
    }

    fn severity_word(&self, severity: Severity) -> String {
        let (word, code) = match severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        self.paint(code, word)
    }

    fn paint(&self, ansi: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn short(&self, d: &Diagnostic) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}\n",
            d.span.file.display(),
            d.span.line,
            d.span.col,
            self.severity_word(d.severity),
            d.code,
            d.message
        )
    }

    fn human(&self, d: &Diagnostic) -> String {
        let mut out = String::new();
        let head = format!("{}[{}]", self.severity_word(d.severity), d.code);
        let _ = writeln!(out, "{head}: {}", self.paint("1", &d.message));
        let line_no = d.span.line.to_string();
        let gutter = " ".repeat(line_no.len());
        let bar = self.paint("1;34", "|");
        let _ = writeln!(
            out,
            "{gutter}{} {}:{}:{}",
            self.paint("1;34", "-->"),
            d.span.file.display(),
            d.span.line,
            d.span.col
        );
        if let Some(line) = self.source_line(d) {
            let shown = line.replace('\t', " ");
            let marker = " ".repeat(d.span.col.saturating_sub(1)) + &"^".repeat(d.span.len);
            let marker_code = if d.severity == Severity::Error {
                "1;31"
            } else {
                "1;33"
            };
            let _ = writeln!(out, "{gutter} {bar}");
            let _ = writeln!(out, "{} {bar} {shown}", self.paint("1;34", &line_no));
            let _ = writeln!(out, "{gutter} {bar} {}", self.paint(marker_code, &marker));
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "{gutter} {bar}");
            let _ = writeln!(
                out,
                "{gutter} {} {}: {help}",
                self.paint("1;34", "="),
                self.paint("1", "help")
            );
        }
        out.push('\n');
        out
    }

    fn source_line(&self, d: &Diagnostic) -> Option<String> {
        let text = (self.source)(&d.span.file)?;
        let line = text.lines().nth(d.span.line - 1)?;
        Some(line.trim_end().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;

    fn renderer(style: Style) -> Renderer<'static> {
        Renderer {
            style,
            color: false,
            source: &|_| Some("id: demo\nlanguages: [nl, xx]\n".to_string()),
        }
    }

    #[test]
    fn human_form_shows_the_line_and_a_marker() {
        let d = Diagnostic::error(
            "E201",
            Span::new("course.yaml", 2, 17, 2),
            "unknown language `xx`",
        )
        .with_help("use one of nl, fr, de, en");
        let text = renderer(Style::Human).render(&d);
        assert_eq!(
            text,
            "error[E201]: unknown language `xx`\n \
             --> course.yaml:2:17\n  |\n2 | languages: [nl, xx]\n  |                 ^^\n  |\n  \
             = help: use one of nl, fr, de, en\n\n"
        );
    }

    #[test]
    fn short_form_is_one_line() {
        let d = Diagnostic::warning("E999", Span::new("a.md", 3, 4, 1), "odd");
        assert_eq!(
            renderer(Style::Short).render(&d),
            "a.md:3:4: warning[E999]: odd\n"
        );
    }

    #[test]
    fn summary_counts_both_kinds() {
        let r = renderer(Style::Human);
        assert_eq!(r.summary(2, 1), "error: 2 errors and 1 warning\n");
        assert_eq!(r.summary(0, 1), "warning: 1 warning\n");
        assert_eq!(r.summary(0, 0), "");
    }
}
