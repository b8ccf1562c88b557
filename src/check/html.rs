//! Rule family: what a page may contain besides Markdown. Codes: E505 raw HTML outside the
//! allowlist, E506 a link scheme or remote image the package may not use.

use super::module::LangFindings;
use super::Ctx;
use crate::diag::{Diagnostic, Span};
use crate::markdown::FindingKind;

/// Reports raw HTML and forbidden link targets of every language file.
pub(super) fn judge(ctx: &mut Ctx, texts: &[LangFindings]) {
    for t in texts {
        for f in &t.findings {
            let span = || Span::from_offsets(&t.file, &t.text, f.range.start, f.range.end);
            match &f.kind {
                FindingKind::RawHtml(tag) => ctx.diags.push(
                    Diagnostic::error("E505", span(), format!("raw HTML `{tag}` is not allowed"))
                        .with_help("use Markdown instead; raw HTML may only be <br>, <kbd>, <abbr title>, <sub>, <sup>, <mark>, <small>, <details>, <summary>"),
                ),
                FindingKind::ForbiddenScheme(what) if what == "remote image" => ctx.diags.push(
                    Diagnostic::error("E506", span(), "images must be files of the module, not web addresses")
                        .with_help("download the image (if its licence allows) into media/ and refer to `media/<name>`: packages make no network requests"),
                ),
                FindingKind::ForbiddenScheme(scheme) => ctx.diags.push(
                    Diagnostic::error("E506", span(), format!("links with `{scheme}` are not allowed"))
                        .with_help("link to https:// or mailto: addresses, or to a file in the module folder"),
                ),
                _ => {}
            }
        }
    }
}
