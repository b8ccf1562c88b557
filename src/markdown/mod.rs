//! Markdown: one module text in one language → pages of HTML, plus what the text refers to.
//!
//! Pure: text in, [`Rendered`] out. The text is parsed once, here; `check` judges the
//! [`Finding`]s (links, images, raw HTML, knowledge checks) and the rest of the pipeline only
//! uses the pages. Level-1 headings start pages and become `<h2>` (the module title is the
//! document's only `<h1>`), so every other heading moves one level down too.

mod blocks;
mod pages;

use crate::model::Page;
use pulldown_cmark::{Options, Parser};

pub use blocks::{caption_path, media_kind, MediaKind};
pub use pages::slug;

/// What a knowledge-check placeholder looks like in page HTML: `<!--cp-question:ID-->`.
/// The HTML stage replaces it with the rendered question.
pub const QUESTION_MARK: (&str, &str) = ("<!--cp-question:", "-->");

/// The words shown above callouts, in the page's language, from the theme.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// `> [!NOTE]`
    pub note: String,
    /// `> [!TIP]`
    pub tip: String,
    /// `> [!IMPORTANT]`
    pub important: String,
    /// `> [!WARNING]`
    pub warning: String,
    /// `> [!CAUTION]`
    pub caution: String,
    /// Appended (visually hidden) to links that open in a new window.
    pub new_window: String,
}

/// The result of rendering one Markdown file.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Everything `check` must judge, with byte offsets into the text.
    pub findings: Vec<Finding>,
}

/// Something in the text that a rule must look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What was found.
    pub kind: FindingKind,
    /// Byte range in the Markdown text.
    pub range: std::ops::Range<usize>,
}

/// The kinds of [`Finding`].
#[derive(Debug, Clone, PartialEq)]
pub enum FindingKind {
    /// Content before the first level-1 heading (it would belong to no page).
    TextBeforeFirstPage,
    /// A heading that skips a level (`#` then `###`).
    SkippedHeadingLevel {
        /// Level of the previous heading.
        from: u8,
        /// Level of this heading.
        to: u8,
    },
    /// A relative link or image target (external URLs are not reported).
    Reference {
        /// The target as written, without `#fragment` or `?query`.
        target: String,
        /// An image (or audio/video) rather than a link.
        embed: bool,
        /// Alt text of an image.
        alt: String,
        /// True when the title says `decorative`.
        decorative: bool,
    },
    /// A link with a scheme other than http, https and mailto (`javascript:`, `file:`…).
    ForbiddenScheme(String),
    /// A raw HTML tag outside the allowlist.
    RawHtml(String),
    /// A ```question block naming this question id.
    Question(String),
}

/// The CommonMark extensions authors may use; the one place they are chosen.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

/// Renders `text` into pages. `lang_tag` is set as `lang` on media captions.
pub fn render(text: &str, labels: &Labels, lang_code: &str) -> Rendered {
    let parser = Parser::new_ext(text, options()).into_offset_iter();
    let mut state = pages::PageBuilder::new(labels, lang_code);
    for (event, range) in parser {
        state.event(event, range);
    }
    state.finish()
}

#[cfg(test)]
mod tests;
