//! The only place that parses YAML: text in, a schema struct or a located diagnostic out.
//!
//! We use `marked-yaml` rather than `serde_yaml` (deprecated upstream, archived): it is
//! maintained and keeps a span on every value through [`marked_yaml::Spanned`], which is what
//! lets a rule that runs after parsing (an unknown module id, two correct options) point at
//! the file, line and column of the offending value. Keeping every YAML call in this file
//! means the choice can change in one place.

use crate::diag::{Diagnostic, Span};
use crate::suggest;
use marked_yaml::{LoadError, LoaderOptions, Spanned};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `text` (the content of course-relative `file`) into `T`.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    let options = LoaderOptions::default().error_on_duplicate_keys(true);
    let node =
        marked_yaml::parse_yaml_with_options(0, text, options).map_err(|e| load_error(file, e))?;
    marked_yaml::from_node(&node).map_err(|e| from_node_error(file, text, &e))
}

/// The span of a spanned value, `len` characters wide (values know their own width best).
pub fn span_of<T>(file: &Path, value: &Spanned<T>, len: usize) -> Span {
    match value.span().start() {
        Some(m) => Span::new(file, m.line(), m.column(), len),
        None => Span::file(file),
    }
}

/// The span of a spanned string, covering the string.
pub fn text_span(file: &Path, value: &Spanned<String>) -> Span {
    span_of(file, value, value.chars().count())
}

fn at(file: &Path, marker: &marked_yaml::Marker) -> Span {
    Span::new(file, marker.line(), marker.column(), 1)
}

fn load_error(file: &Path, error: LoadError) -> Diagnostic {
    let syntax = |span, message: String| {
        Diagnostic::error("E111", span, message)
            .with_help("fix the YAML syntax; see docs/format.md for examples")
    };
    match error {
        LoadError::ScanError(m, e) => syntax(at(file, &m), format!("invalid YAML: {}", e.info())),
        LoadError::DuplicateKey(inner) => {
            let key = inner.key.as_str().to_string();
            let span = match inner.key.span().start() {
                Some(m) => Span::new(file, m.line(), m.column(), key.chars().count()),
                None => Span::file(file),
            };
            let first = inner.prev_key.span().start().map_or(0, |m| m.line());
            Diagnostic::error(
                "E113",
                span,
                format!("key `{key}` appears twice in the same mapping"),
            )
            .with_help(format!("keep one of the two; the first is on line {first}"))
        }
        LoadError::TopLevelMustBeMapping(m) => syntax(
            at(file, &m),
            "the file must be a mapping of `key: value` lines".to_string(),
        ),
        LoadError::UnexpectedAnchor(m) => {
            Diagnostic::error("E111", at(file, &m), "YAML anchors are not supported")
                .with_help("write the value out in full")
        }
        LoadError::UnexpectedTag(m) => {
            Diagnostic::error("E111", at(file, &m), "YAML tags are not supported")
                .with_help("remove the `!tag`")
        }
        LoadError::MappingKeyMustBeScalar(m) => {
            syntax(at(file, &m), "mapping keys must be plain words".to_string())
        }
        LoadError::TopLevelMustBeSequence(m) => {
            syntax(at(file, &m), "unexpected top-level list".to_string())
        }
    }
}

fn from_node_error(file: &Path, text: &str, error: &marked_yaml::FromNodeError) -> Diagnostic {
    use marked_yaml::Error;
    let span = error
        .start_mark()
        .map_or_else(|| Span::file(file), |m| at(file, &m));
    match &**error {
        Error::UnknownFieldError(field, expected, _) => {
            let span = key_span(file, text, span, field);
            Diagnostic::error("E112", span, format!("unknown key `{field}`"))
                .with_help(suggest::help_for(field, expected))
        }
        Error::NotBoolean(_) => Diagnostic::error("E114", span, "expected `true` or `false`")
            .with_help("write `true` or `false` without quotes"),
        Error::IntegerParseFailure(..) => {
            Diagnostic::error("E114", span, "expected a whole number")
                .with_help("write a number such as `80`, without quotes or a % sign")
        }
        Error::FloatParseFailure(..) => Diagnostic::error("E114", span, "expected a number")
            .with_help("write a number such as `0.5`"),
        Error::Other(message, _) => other_error(file, text, span, message),
    }
}

/// serde's own messages, reworded for authors ("missing field `title`" → a missing key).
fn other_error(file: &Path, text: &str, span: Span, message: &str) -> Diagnostic {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let span = Span {
            len: first_key_len(text, &span),
            ..span
        };
        return Diagnostic::error("E115", span, format!("missing key `{field}`")).with_help(
            format!("add `{field}:` to this mapping; see docs/format.md"),
        );
    }
    let message = message
        .replace("invalid type: string", "found text")
        .replace("expected", "but expected");
    Diagnostic::error(
        "E114",
        Span {
            file: file.to_path_buf(),
            ..span
        },
        format!("wrong kind of value: {message}"),
    )
    .with_help("see docs/format.md for what this key takes")
}

/// marked-yaml places unknown-key errors at the mapping; find the key itself on or after
/// that line so the marker sits under the misspelt word.
fn key_span(file: &Path, text: &str, fallback: Span, key: &str) -> Span {
    let needle = format!("{key}:");
    for (i, line) in text.lines().enumerate().skip(fallback.line - 1) {
        if let Some(col) = find_key(line, &needle) {
            return Span::new(
                file,
                i + 1,
                line[..col].chars().count() + 1,
                key.chars().count(),
            );
        }
    }
    fallback
}

fn find_key(line: &str, needle: &str) -> Option<usize> {
    line.match_indices(needle).map(|(i, _)| i).find(|&i| {
        line[..i]
            .chars()
            .last()
            .is_none_or(|c| c == ' ' || c == '{' || c == ',' || c == '-')
    })
}

fn first_key_len(text: &str, span: &Span) -> usize {
    text.lines()
        .nth(span.line - 1)
        .and_then(|l| l.get(span.col.saturating_sub(1)..))
        .and_then(|rest| rest.split(':').next())
        .map_or(1, |k| k.trim_end().chars().count().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Demo {
        title: Spanned<String>,
        pass_mark: Option<Spanned<i64>>,
    }

    fn err(text: &str) -> Diagnostic {
        parse::<Demo>(Path::new("q.yaml"), text).unwrap_err()
    }

    #[test]
    fn unknown_keys_point_at_the_key_with_a_suggestion() {
        let d = err("title: x\npass_mrak: 80\n");
        assert_eq!(
            (d.code, d.span.line, d.span.col, d.span.len),
            ("E112", 2, 1, 9)
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `pass_mark`?"));
    }

    #[test]
    fn missing_keys_are_named() {
        let d = err("pass_mark: 80\n");
        assert_eq!(d.code, "E115");
        assert_eq!(d.message, "missing key `title`");
    }

    #[test]
    fn wrong_types_are_located() {
        let d = err("title: x\npass_mark: eighty\n");
        assert_eq!((d.code, d.span.line), ("E114", 2));
    }

    #[test]
    fn syntax_errors_and_duplicates_are_located() {
        assert_eq!(err("title: [x\n").code, "E111");
        let d = err("title: x\ntitle: y\n");
        assert_eq!((d.code, d.span.line), ("E113", 2));
    }

    #[test]
    fn values_keep_their_place() {
        let demo: Demo = parse(Path::new("q.yaml"), "title: hello\n").unwrap();
        let span = text_span(Path::new("q.yaml"), &demo.title);
        assert_eq!((span.line, span.col, span.len), (1, 8, 5));
    }
}
