//! Reading an `imsmanifest.xml` into the few facts `inspect` checks, by element name
//! (prefix-agnostic, so manifests that bind namespaces differently still read).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// What `inspect` needs of a manifest.
#[derive(Debug, Default)]
pub struct Manifest {
    /// `manifest/@identifier`.
    pub identifier: String,
    /// `manifest/@version`.
    pub version: Option<String>,
    /// `organizations/@default`.
    pub default_organization: Option<String>,
    /// Organization identifiers.
    pub organizations: Vec<String>,
    /// Organization titles, by position.
    pub organization_titles: Vec<String>,
    /// Every item, depth-first.
    pub items: Vec<Item>,
    /// Every resource.
    pub resources: Vec<Resource>,
}

/// An `<item>`.
#[derive(Debug, Default, Clone)]
pub struct Item {
    /// `@identifier`.
    pub identifier: String,
    /// `@identifierref`, absent for folders.
    pub identifierref: Option<String>,
    /// `<title>`.
    pub title: String,
    /// `<adlcp:masteryscore>`.
    pub mastery_score: Option<String>,
    /// `<adlcp:prerequisites>`.
    pub prerequisites: Option<String>,
    /// Nesting depth, 1 for a top-level item.
    pub depth: usize,
}

/// A `<resource>`.
#[derive(Debug, Default, Clone)]
pub struct Resource {
    /// `@identifier`.
    pub identifier: String,
    /// `@adlcp:scormtype`: `sco` or `asset`.
    pub scorm_type: Option<String>,
    /// `@href`: the launch file of a SCO.
    pub href: Option<String>,
    /// `<file href>`s.
    pub files: Vec<String>,
    /// `<dependency identifierref>`s.
    pub dependencies: Vec<String>,
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| {
            a.key.as_ref() == name.as_bytes()
                || (name == "scormtype" && local(a.key.as_ref()).eq_ignore_ascii_case(b"scormtype"))
        })
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Parses the manifest text.
pub(super) fn parse(text: &str) -> Result<Manifest, quick_xml::Error> {
    let mut reader = Reader::from_str(text);
    let mut m = Manifest::default();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut open_items: Vec<usize> = Vec::new();
    let mut text_buf = String::new();
    loop {
        let event = reader.read_event()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_vec();
                let empty = matches!(event, Event::Empty(_));
                start(&mut m, &stack, &mut open_items, &name, e, empty);
                text_buf.clear();
                if matches!(event, Event::Start(_)) {
                    stack.push(name);
                }
            }
            Event::Text(t) => text_buf.push_str(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap_or_default();
                let c = match name.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                text_buf.extend(c);
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                end(&mut m, &stack, &mut open_items, &name, text_buf.trim());
                text_buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(m)
}

fn start(
    m: &mut Manifest,
    stack: &[Vec<u8>],
    open_items: &mut Vec<usize>,
    name: &[u8],
    e: &BytesStart<'_>,
    empty: bool,
) {
    match name {
        b"manifest" if stack.is_empty() => {
            m.identifier = attr(e, "identifier").unwrap_or_default();
            m.version = attr(e, "version");
        }
        b"organizations" => m.default_organization = attr(e, "default"),
        b"organization" => {
            m.organizations
                .push(attr(e, "identifier").unwrap_or_default());
            m.organization_titles.push(String::new());
        }
        b"item" => {
            m.items.push(Item {
                identifier: attr(e, "identifier").unwrap_or_default(),
                identifierref: attr(e, "identifierref"),
                depth: open_items.len() + 1,
                ..Item::default()
            });
            // An empty <item/> has no end event to pop it.
            if !empty {
                open_items.push(m.items.len() - 1);
            }
        }
        b"resource" => m.resources.push(Resource {
            identifier: attr(e, "identifier").unwrap_or_default(),
            scorm_type: attr(e, "scormtype"),
            href: attr(e, "href"),
            ..Resource::default()
        }),
        b"file" if stack.last().is_some_and(|p| p == b"resource") => {
            if let (Some(r), Some(href)) = (m.resources.last_mut(), attr(e, "href")) {
                r.files.push(href);
            }
        }
        b"dependency" => {
            if let (Some(r), Some(id)) = (m.resources.last_mut(), attr(e, "identifierref")) {
                r.dependencies.push(id);
            }
        }
        _ => {}
    }
}

fn end(m: &mut Manifest, stack: &[Vec<u8>], open_items: &mut Vec<usize>, name: &[u8], text: &str) {
    let parent = stack.last().map(Vec::as_slice);
    match (name, parent) {
        (b"item", _) => {
            open_items.pop();
        }
        (b"title", Some(b"item")) => {
            if let Some(&i) = open_items.last() {
                m.items[i].title = text.to_string();
            }
        }
        (b"title", Some(b"organization")) => {
            if let Some(t) = m.organization_titles.last_mut() {
                *t = text.to_string();
            }
        }
        (b"masteryscore", Some(b"item")) => {
            if let Some(&i) = open_items.last() {
                m.items[i].mastery_score = Some(text.to_string());
            }
        }
        (b"prerequisites", Some(b"item")) => {
            if let Some(&i) = open_items.last() {
                m.items[i].prerequisites = Some(text.to_string());
            }
        }
        _ => {}
    }
}
