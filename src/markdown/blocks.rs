//! The HTML of the blocks coursepack adds to CommonMark: callouts, media, safe links, and
//! the raw-HTML allowlist.

use super::Labels;
use pulldown_cmark::BlockQuoteKind;

/// Where a link or image points.
#[derive(Debug, PartialEq)]
pub(super) enum Target {
    /// `http:`, `https:` or `mailto:`, `tel:`: leaves the course.
    External,
    /// `#anchor` inside the page.
    Fragment,
    /// A path relative to the Markdown file, without `?query` or `#fragment`.
    Relative(String),
    /// Any other scheme (`javascript:`, `file:`, `data:`…), never allowed.
    Forbidden(String),
}

/// Classifies a link or image destination.
pub(super) fn classify(dest: &str) -> Target {
    let dest = dest.trim();
    if dest.starts_with('#') {
        return Target::Fragment;
    }
    if let Some((scheme, _)) = dest.split_once(':') {
        let is_scheme = scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if is_scheme && !scheme.is_empty() {
            let lower = scheme.to_ascii_lowercase();
            return match lower.as_str() {
                "http" | "https" | "mailto" | "tel" => Target::External,
                _ => Target::Forbidden(format!("{lower}:")),
            };
        }
    }
    if dest.starts_with("//") {
        return Target::External;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    Target::Relative(path.to_string())
}

/// Escapes text for an HTML attribute or element.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// ` title="…"`, or nothing for an empty title.
pub(super) fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

/// The opening HTML of a GitHub-style alert.
pub(super) fn callout_open(kind: BlockQuoteKind, labels: &Labels) -> String {
    let (class, label) = match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    };
    format!(
        "<div class=\"cp-callout cp-callout-{class}\" role=\"note\">\n<p class=\"cp-callout-title\">{}</p>\n",
        escape(label)
    )
}

/// File kinds an image reference can embed.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum MediaKind {
    /// SVG, PNG, JPEG, WebP.
    Image,
    /// MP4, WebM; needs a `.vtt` caption file beside it.
    Video,
    /// MP3, OGG, M4A, WAV.
    Audio,
}

/// The media kind of a path by its extension, or `None` if it cannot be embedded.
pub fn media_kind(path: &str) -> Option<MediaKind> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "svg" | "png" | "jpg" | "jpeg" | "webp" => Some(MediaKind::Image),
        "mp4" | "webm" => Some(MediaKind::Video),
        "mp3" | "ogg" | "m4a" | "wav" => Some(MediaKind::Audio),
        _ => None,
    }
}

/// The caption file a video needs: the same path with `.vtt`.
pub fn caption_path(video: &str) -> String {
    match video.rsplit_once('.') {
        Some((stem, _)) => format!("{stem}.vtt"),
        None => format!("{video}.vtt"),
    }
}

/// The HTML that embeds an image, a video (with captions) or an audio file.
pub(super) fn media_html(dest: &str, alt: &str, decorative: bool, lang_code: &str) -> String {
    let src = escape(dest);
    let alt_e = escape(alt);
    match media_kind(dest) {
        Some(MediaKind::Video) => format!(
            "<figure class=\"cp-media\"><video controls preload=\"metadata\" src=\"{src}\">\
             <track kind=\"captions\" src=\"{}\" srclang=\"{lang_code}\" default></video>\
             <figcaption>{alt_e}</figcaption></figure>",
            escape(&caption_path(dest))
        ),
        Some(MediaKind::Audio) => format!(
            "<figure class=\"cp-media\"><audio controls preload=\"metadata\" src=\"{src}\"></audio>\
             <figcaption>{alt_e}</figcaption></figure>"
        ),
        _ if decorative => format!("<img src=\"{src}\" alt=\"\" loading=\"lazy\">"),
        _ => format!("<img src=\"{src}\" alt=\"{alt_e}\" loading=\"lazy\">"),
    }
}

/// Tags authors may write as raw HTML, with the attributes each may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("br", &[]),
    ("kbd", &[]),
    ("abbr", &["title"]),
    ("sub", &[]),
    ("sup", &[]),
    ("mark", &[]),
    ("small", &[]),
    ("details", &[]),
    ("summary", &[]),
];

/// The tags of a raw HTML fragment that the allowlist refuses, as written (`<script>`,
/// `<a onclick="…">`). Comments are allowed (and dropped from the output).
pub(super) fn disallowed_tags(html: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let text = strip_comments(html);
    let mut rest = text.as_str();
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |i| i + 1);
        let tag = &after[..close];
        rest = &after[close..];
        // A closing tag is only as bad as its opening one, which is reported already.
        if !tag.starts_with('/') && !tag_allowed(tag.trim_end_matches('>')) {
            bad.push(format!("<{}", tag.trim()));
        }
    }
    bad
}

/// The fragment without `<!-- … -->` comments.
pub(super) fn strip_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

fn tag_allowed(tag: &str) -> bool {
    let body = tag
        .trim()
        .trim_start_matches('/')
        .trim_end_matches('/')
        .trim();
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    let Some((_, attrs)) = ALLOWED.iter().find(|(n, _)| *n == name) else {
        return false;
    };
    attribute_names(&body[name_len..])
        .iter()
        .all(|a| attrs.contains(&a.as_str()))
}

/// Attribute names of a tag's attribute text (`title="x" lang=nl` → `title`, `lang`).
fn attribute_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if chars.next_if_eq(&'=').is_some() {
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for c in chars.by_ref() {
                        if c == q {
                            break;
                        }
                    }
                }
                _ => while chars.next_if(|c| !c.is_whitespace()).is_some() {},
            }
        }
        if !name.is_empty() {
            names.push(name.to_ascii_lowercase());
        }
    }
    names
}
