//! Splitting a module text into pages at level-1 headings, with stable, unique ids.

use super::blocks;
use super::{Finding, FindingKind, Labels, Rendered, QUESTION_MARK};
use crate::model::Page;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::BTreeSet;
use std::ops::Range;

/// A URL- and id-safe slug of a heading: lowercase ASCII letters and digits separated by
/// single hyphens; accented Latin letters lose their accent; empty text gives `page`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut out: String = out.chars().take(48).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "page".to_string()
    } else {
        out
    }
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ô' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Û' | 'Ü' => "u",
        'ß' => "ss",
        'œ' | 'Œ' => "oe",
        'æ' => "ae",
        _ => "",
    };
    let keep = folded.is_empty().then_some(c);
    folded.chars().chain(keep)
}

struct PageInProgress<'t> {
    id: String,
    title: String,
    events: Vec<Event<'t>>,
}

struct HeadingInProgress<'t> {
    level: u8,
    text: String,
    events: Vec<Event<'t>>,
}

struct ImageInProgress {
    dest: String,
    title: String,
    alt: String,
    start: usize,
}

/// Consumes parser events and builds the pages of one text.
pub(super) struct PageBuilder<'t, 'l> {
    labels: &'l Labels,
    lang_code: &'l str,
    pages: Vec<Page>,
    findings: Vec<Finding>,
    page: Option<PageInProgress<'t>>,
    heading: Option<HeadingInProgress<'t>>,
    image: Option<ImageInProgress>,
    question: Option<(usize, String)>,
    external_link_open: bool,
    used_ids: BTreeSet<String>,
    last_level: u8,
    reported_orphan_text: bool,
}

impl<'t, 'l> PageBuilder<'t, 'l> {
    pub(super) fn new(labels: &'l Labels, lang_code: &'l str) -> Self {
        PageBuilder {
            labels,
            lang_code,
            pages: Vec::new(),
            findings: Vec::new(),
            page: None,
            heading: None,
            image: None,
            question: None,
            external_link_open: false,
            used_ids: BTreeSet::new(),
            last_level: 0,
            reported_orphan_text: false,
        }
    }

    pub(super) fn event(&mut self, event: Event<'t>, range: Range<usize>) {
        if let Some((start, body)) = &mut self.question {
            match event {
                Event::Text(t) => body.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let id = body.trim().to_string();
                    let range = *start..range.end;
                    self.question = None;
                    self.emit(Event::Html(
                        format!("{}{id}{}", QUESTION_MARK.0, QUESTION_MARK.1).into(),
                    ));
                    self.find(FindingKind::Question(id), range);
                }
                _ => {}
            }
            return;
        }
        if let Some(image) = &mut self.image {
            match event {
                Event::Text(t) | Event::Code(t) => image.alt.push_str(&t),
                Event::End(TagEnd::Image) => self.finish_image(range.end),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.start_heading(level, range),
            Event::End(TagEnd::Heading(_)) => self.finish_heading(),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.trim() == "question" =>
            {
                self.question = Some((range.start, String::new()));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                self.emit(Event::Html(blocks::callout_open(kind, self.labels).into()))
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => self.emit(Event::Html("</div>\n".into())),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                self.image = Some(ImageInProgress {
                    dest: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    start: range.start,
                })
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => self.start_link(dest_url, title, range),
            Event::End(TagEnd::Link) if self.external_link_open => {
                self.external_link_open = false;
                let hidden = blocks::escape(&self.labels.new_window);
                self.emit(Event::Html(
                    format!("<span class=\"cp-visually-hidden\"> ({hidden})</span></a>").into(),
                ));
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html, range),
            // A checkbox without a label fails WCAG; the list is a checklist to read, so the
            // marker is drawn as text and the item's words carry the meaning.
            Event::TaskListMarker(done) => {
                let mark = if done { "☑" } else { "☐" };
                self.emit(Event::Html(
                    format!("<span class=\"cp-task\" aria-hidden=\"true\">{mark}</span> ").into(),
                ))
            }
            other => self.emit_content(other, range),
        }
    }

    pub(super) fn finish(mut self) -> Rendered {
        self.close_page();
        Rendered {
            pages: self.pages,
            findings: self.findings,
        }
    }

    fn find(&mut self, kind: FindingKind, range: Range<usize>) {
        self.findings.push(Finding { kind, range });
    }

    fn emit(&mut self, event: Event<'t>) {
        if let Some(h) = &mut self.heading {
            if let Event::Text(t) | Event::Code(t) = &event {
                h.text.push_str(t);
            }
            h.events.push(event);
        } else if let Some(p) = &mut self.page {
            p.events.push(event);
        }
    }

    /// Content outside any page is reported once, then dropped.
    fn emit_content(&mut self, event: Event<'t>, range: Range<usize>) {
        if self.page.is_none() && self.heading.is_none() {
            let blank = matches!(&event, Event::Text(t) if t.trim().is_empty());
            if !blank && !self.reported_orphan_text && !matches!(event, Event::End(_)) {
                self.reported_orphan_text = true;
                self.find(FindingKind::TextBeforeFirstPage, range);
            }
            return;
        }
        self.emit(event);
    }

    fn start_heading(&mut self, level: HeadingLevel, range: Range<usize>) {
        let level = level as u8;
        if level == 1 {
            self.close_page();
        } else if self.page.is_none() {
            self.emit_content(Event::Text(CowStr::Borrowed("#")), range.clone());
        } else if level > self.last_level + 1 {
            let from = self.last_level;
            self.find(FindingKind::SkippedHeadingLevel { from, to: level }, range);
        }
        self.last_level = level;
        self.heading = Some(HeadingInProgress {
            level,
            text: String::new(),
            events: Vec::new(),
        });
    }

    fn finish_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let base = slug(&h.text);
        if h.level == 1 {
            let id = self.unique(&format!("p-{base}"));
            self.page = Some(PageInProgress {
                id: id.clone(),
                title: h.text.trim().to_string(),
                events: Vec::new(),
            });
            self.used_ids.insert(format!("h-{}", &id[2..]));
            self.emit(Event::Html(
                format!("<h2 id=\"h-{}\" tabindex=\"-1\">", &id[2..]).into(),
            ));
            self.extend(h.events);
            self.emit(Event::Html("</h2>\n".into()));
        } else if self.page.is_some() {
            let tag = format!("h{}", (h.level + 1).min(6));
            let id = self.unique(&format!("h-{base}"));
            self.emit(Event::Html(format!("<{tag} id=\"{id}\">").into()));
            self.extend(h.events);
            self.emit(Event::Html(format!("</{tag}>\n").into()));
        }
    }

    fn extend(&mut self, events: Vec<Event<'t>>) {
        for e in events {
            self.emit(e);
        }
    }

    fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used_ids.insert(id.clone());
        id
    }

    fn close_page(&mut self) {
        if let Some(p) = self.page.take() {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, p.events.into_iter());
            self.pages.push(Page {
                id: p.id,
                title: p.title,
                html,
            });
        }
    }

    fn start_link(&mut self, dest: CowStr<'t>, title: CowStr<'t>, range: Range<usize>) {
        match blocks::classify(&dest) {
            blocks::Target::External => {
                self.external_link_open = true;
                let html = format!(
                    "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\"{}>",
                    blocks::escape(&dest),
                    blocks::title_attr(&title)
                );
                self.emit(Event::Html(html.into()));
            }
            blocks::Target::Fragment => self.emit(Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url: dest,
                title,
                id: CowStr::Borrowed(""),
            })),
            blocks::Target::Forbidden(scheme) => {
                self.find(FindingKind::ForbiddenScheme(scheme), range);
                self.external_link_open = true;
                self.emit(Event::Html("<a>".into()));
            }
            blocks::Target::Relative(path) => {
                self.find(
                    FindingKind::Reference {
                        target: path,
                        embed: false,
                        alt: String::new(),
                        decorative: false,
                    },
                    range,
                );
                let html = format!(
                    "<a href=\"{}\" download{}>",
                    blocks::escape(&dest),
                    blocks::title_attr(&title)
                );
                // Closed by the plain `</a>` of the link's end event.
                self.emit(Event::Html(html.into()));
            }
        }
    }

    fn finish_image(&mut self, end: usize) {
        let Some(image) = self.image.take() else {
            return;
        };
        let decorative = image.title.trim().eq_ignore_ascii_case("decorative");
        let range = image.start..end;
        match blocks::classify(&image.dest) {
            blocks::Target::Relative(path) => self.find(
                FindingKind::Reference {
                    target: path,
                    embed: true,
                    alt: image.alt.clone(),
                    decorative,
                },
                range,
            ),
            blocks::Target::Forbidden(scheme) => {
                self.find(FindingKind::ForbiddenScheme(scheme), range)
            }
            // Remote images would make the package fetch from the network.
            blocks::Target::External | blocks::Target::Fragment => self.find(
                FindingKind::ForbiddenScheme("remote image".to_string()),
                range,
            ),
        }
        let html = blocks::media_html(&image.dest, &image.alt, decorative, self.lang_code);
        self.emit(Event::Html(html.into()));
    }

    fn raw_html(&mut self, html: CowStr<'t>, range: Range<usize>) {
        let bad = blocks::disallowed_tags(&html);
        let orphan = self.page.is_none() && self.heading.is_none();
        if orphan && !html.trim().is_empty() && !html.trim_start().starts_with("<!--") {
            self.emit_content(Event::Html(html), range);
            return;
        }
        if bad.is_empty() {
            let kept = blocks::strip_comments(&html);
            if !kept.is_empty() {
                self.emit(Event::Html(kept.into()));
            }
        } else {
            for tag in bad {
                self.find(FindingKind::RawHtml(tag), range.clone());
            }
        }
    }
}
