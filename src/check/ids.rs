//! Rule family: identifiers. Codes: E301 invalid identifier, E302 duplicate identifier.
//!
//! Ids end up in LMS tracking data, manifest identifiers, xAPI IRIs and file names, so one
//! conservative syntax serves all of them.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::source::schema::Text;
use crate::source::yaml::text_span;
use std::collections::BTreeMap;
use std::path::Path;

/// Longest identifier accepted.
pub(super) const MAX_LEN: usize = 48;

/// True if `id` is `[a-z0-9][a-z0-9-]*`, at most [`MAX_LEN`] characters.
pub(crate) fn is_valid(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.len() <= MAX_LEN
}

/// Reports `id` if it is not a valid identifier; `what` says what it identifies.
pub(super) fn check_syntax(ctx: &mut Ctx, file: &Path, id: &Text, what: &str) -> bool {
    if is_valid(id) {
        return true;
    }
    ctx.diags.push(
        Diagnostic::error("E301", text_span(file, id), format!("`{}` is not a valid {what} id", id.as_str()))
            .with_help(format!(
                "use lower-case letters, digits and hyphens, starting with a letter or digit, at most {MAX_LEN} characters (for example `{}`)",
                crate::markdown::slug(id)
            )),
    );
    false
}

/// Reports every id of `ids` that repeats an earlier one; `what` says what they identify.
pub(super) fn check_unique<'a>(
    ctx: &mut Ctx,
    file: &Path,
    ids: impl IntoIterator<Item = &'a Text>,
    what: &str,
) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in ids {
        let span = text_span(file, id);
        if let Some(first) = seen.get(id.as_str()) {
            ctx.diags.push(
                Diagnostic::error(
                    "E302",
                    span,
                    format!("duplicate {what} id `{}`", id.as_str()),
                )
                .with_help(format!(
                    "ids must be unique; the first `{}` is on line {first}",
                    id.as_str()
                )),
            );
        } else {
            seen.insert(id.as_str(), span.line);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn identifier_syntax() {
        assert!(super::is_valid("b1-digital-inclusion"));
        assert!(super::is_valid("2fa"));
        assert!(!super::is_valid("B1"));
        assert!(!super::is_valid("-x"));
        assert!(!super::is_valid("a b"));
        assert!(!super::is_valid(""));
        assert!(!super::is_valid(&"a".repeat(49)));
    }
}
