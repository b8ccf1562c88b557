//! Rule family: links and embedded media. Everything a page refers to must be a file inside
//! its module folder, so that a package never ships (or leaks) a file from elsewhere.
//!
//! Codes: E501 target does not exist, E502 target outside the course folder, E503 target
//! outside the module folder, E504 image without alt text, E510 video without captions,
//! E511 a file type that cannot be embedded.

use super::module::LangFindings;
use super::Ctx;
use crate::diag::{Diagnostic, Span};
use crate::markdown::{caption_path, media_kind, FindingKind, MediaKind};
use crate::model::Asset;
use crate::model::Lang;
use crate::source::files::resolve_inside;
use crate::source::SourceSet;
use crate::suggest;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Judges every reference of every language file of the module in `dir`; returns the files
/// the module ships in each language (a language ships only the files its text uses).
pub(super) fn judge(
    ctx: &mut Ctx,
    sources: &SourceSet,
    dir: &Path,
    texts: &[LangFindings],
) -> BTreeMap<Lang, Vec<Asset>> {
    let mut out = BTreeMap::new();
    for t in texts {
        let mut assets = BTreeSet::new();
        for f in &t.findings {
            let FindingKind::Reference {
                target,
                embed,
                alt,
                decorative,
            } = &f.kind
            else {
                continue;
            };
            let span = target_span(&t.file, &t.text, f.range.clone(), target);
            let Some(rel) = reference(ctx, sources, dir, target, span.clone()) else {
                continue;
            };
            if *embed {
                embedded(
                    ctx,
                    sources,
                    dir,
                    target,
                    alt,
                    *decorative,
                    span.clone(),
                    &mut assets,
                );
            }
            if let Some(file) = sources.get(&dir.join(&rel)) {
                assets.insert(Asset {
                    rel,
                    abs: file.abs.clone(),
                });
            }
        }
        out.insert(t.lang, assets.into_iter().collect());
    }
    out
}

/// The span of `target` inside the finding's text range, or the whole range.
fn target_span(file: &Path, text: &str, range: std::ops::Range<usize>, target: &str) -> Span {
    let start = text[range.clone()]
        .find(target)
        .map_or(range.start, |i| range.start + i);
    let end = if start == range.start && !text[range.clone()].starts_with(target) {
        range.end
    } else {
        start + target.len()
    };
    Span::from_offsets(file, text, start, end)
}

/// Resolves `target` to a path inside the module folder (module-relative, `/`-separated),
/// or reports why it cannot be used.
fn reference(
    ctx: &mut Ctx,
    sources: &SourceSet,
    dir: &Path,
    target: &str,
    span: Span,
) -> Option<String> {
    let Some(course_rel) = resolve_inside(dir, target) else {
        ctx.diags.push(
            Diagnostic::error(
                "E502",
                span,
                format!("`{target}` points outside the course folder"),
            )
            .with_help("copy the file into this module's media/ folder and link to `media/<name>`"),
        );
        return None;
    };
    let Ok(module_rel) = course_rel.strip_prefix(dir) else {
        ctx.diags.push(
            Diagnostic::error("E503", span, format!("`{target}` points outside this module's folder"))
                .with_help("copy the file into this module's media/ folder: each module is packaged on its own"),
        );
        return None;
    };
    let module_rel = module_rel.to_string_lossy().replace('\\', "/");
    if sources.get(&course_rel).is_some() {
        return Some(module_rel);
    }
    if sources.root.join(&course_rel).symlink_metadata().is_ok() {
        ctx.diags.push(
            Diagnostic::error(
                "E502",
                span,
                format!("`{target}` is a link to a file outside the course folder"),
            )
            .with_help("copy the file into this module's media/ folder instead of linking to it"),
        );
        return None;
    }
    let existing: Vec<String> = sources
        .under(dir)
        .filter_map(|f| {
            f.rel
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    let candidates: Vec<&str> = existing
        .iter()
        .map(String::as_str)
        .filter(|p| !p.ends_with(".md") && !p.ends_with(".yaml"))
        .collect();
    let help = match suggest::closest(&module_rel, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "put the file in this module's media/ folder, or fix the path (paths are relative to the module folder and case-sensitive)".to_string(),
    };
    ctx.diags.push(
        Diagnostic::error("E501", span, format!("`{target}` does not exist")).with_help(help),
    );
    None
}

#[allow(clippy::too_many_arguments)]
fn embedded(
    ctx: &mut Ctx,
    sources: &SourceSet,
    dir: &Path,
    target: &str,
    alt: &str,
    decorative: bool,
    span: Span,
    assets: &mut BTreeSet<Asset>,
) {
    match media_kind(target) {
        None => ctx.diags.push(
            Diagnostic::error("E511", span, format!("`{target}` cannot be shown in a page"))
                .with_help("embed SVG, PNG, JPEG, WebP, MP4, WebM, MP3, OGG, M4A or WAV; link other files with [text](path) instead of ![text](path)"),
        ),
        Some(kind) => {
            if alt.trim().is_empty() && !(decorative && kind == MediaKind::Image) {
                ctx.diags.push(
                    Diagnostic::error("E504", span.clone(), format!("`{target}` has no alt text"))
                        .with_help("describe the image in the page's language: ![what it shows](path); for a purely decorative image write ![](path \"decorative\")"),
                );
            }
            if kind == MediaKind::Video {
                let captions = caption_path(target);
                match resolve_inside(dir, &captions).and_then(|p| sources.get(&p).map(|f| (p, f))) {
                    Some((p, f)) => {
                        let rel = p.strip_prefix(dir).map(|r| r.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                        assets.insert(Asset { rel, abs: f.abs.clone() });
                    }
                    None => ctx.diags.push(
                        Diagnostic::error("E510", span, format!("video `{target}` has no captions"))
                            .with_help(format!("add the WebVTT caption file `{captions}` beside the video")),
                    ),
                }
            }
        }
    }
}
