//! Manifests: pure builders that turn the model into the XML an LMS reads first.
//!
//! They are written with quick-xml rather than templates: a manifest is a contract with the
//! LMS, not something to restyle, and quick-xml escapes every value correctly.

pub mod cmi5_xml;
pub mod imsmanifest;
pub mod tincan_xml;
pub mod xapi_ids;

use quick_xml::events::BytesText;
use quick_xml::Writer;
use std::io;

/// An XML writer over a byte buffer, indented by two spaces.
pub(crate) type Xml = Writer<Vec<u8>>;

/// A new document with the XML declaration.
pub(crate) fn document() -> Xml {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let decl = quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None);
    // Writing to a Vec cannot fail.
    let _ = w.write_event(quick_xml::events::Event::Decl(decl));
    w
}

/// `<name attrs…>text</name>`.
pub(crate) fn text_element(
    w: &mut Xml,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

/// `<name attrs…>…</name>` with children written by `inner`.
pub(crate) fn element(
    w: &mut Xml,
    name: &str,
    attrs: &[(&str, &str)],
    inner: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_inner_content(inner)?;
    Ok(())
}

/// The finished document as a string, ending with a newline.
pub(crate) fn finish(w: Xml) -> String {
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}
