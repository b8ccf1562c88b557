//! `coursepack inspect PACKAGE.zip`: checks any SCORM 1.2 zip, ours or not, the way an LMS
//! administrator needs before uploading it, and summarises what the LMS will see.
//!
//! The XML schemas do not check references, files or mastery scores (see the spec notes),
//! so this does, and it validates the manifest against the official SCORM 1.2 schemas with
//! `xmllint` when that is installed (and says so when it is not).

mod manifest;
mod schema;

use anyhow::Context as _;
pub use manifest::{Item, Manifest, Resource};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::Path;

/// One problem found in a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// True for problems an LMS rejects or mis-tracks; false for doubtful but harmless ones.
    pub error: bool,
    /// What is wrong and where.
    pub message: String,
}

/// What `inspect` found.
#[derive(Debug)]
pub struct Inspection {
    /// The manifest, if one could be read.
    pub manifest: Option<Manifest>,
    /// Every problem.
    pub findings: Vec<Finding>,
    /// The schema check's outcome, in words.
    pub schema: String,
    /// Number of files in the zip.
    pub file_count: usize,
}

impl Inspection {
    /// True if any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.error)
    }
}

/// Inspects the zip at `path`. `Err` only when the file cannot be read as a zip at all.
pub fn inspect(path: &Path) -> anyhow::Result<Inspection> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open `{}`", path.display()))?;
    let mut archive = zip::ZipArchive::new(file)
        .with_context(|| format!("`{}` is not a zip file", path.display()))?;
    let names: BTreeSet<String> = archive
        .file_names()
        .filter(|n| !n.ends_with('/'))
        .map(str::to_string)
        .collect();
    let mut findings = Vec::new();
    let mut error = |message: String| {
        findings.push(Finding {
            error: true,
            message,
        })
    };
    let Some(text) = read_entry(&mut archive, "imsmanifest.xml")? else {
        match names.iter().find(|n| n.ends_with("/imsmanifest.xml")) {
            Some(nested) => error(format!(
                "imsmanifest.xml is not at the root of the zip (found `{nested}`): zip the package's contents, not the folder that holds them"
            )),
            None => error("no imsmanifest.xml: this is not a SCORM package".to_string()),
        }
        return Ok(Inspection {
            manifest: None,
            findings,
            schema: "not checked".into(),
            file_count: names.len(),
        });
    };
    let manifest = match manifest::parse(&text) {
        Ok(m) => m,
        Err(e) => {
            error(format!("imsmanifest.xml is not well-formed XML: {e}"));
            return Ok(Inspection {
                manifest: None,
                findings,
                schema: "not checked".into(),
                file_count: names.len(),
            });
        }
    };
    findings.extend(check(&manifest, &names));
    let schema = match schema::validate(&text) {
        schema::Outcome::Valid => "valid against the SCORM 1.2 schemas (xmllint)".to_string(),
        schema::Outcome::Invalid(errors) => {
            for e in errors {
                findings.push(Finding {
                    error: true,
                    message: format!("schema: {e}"),
                });
            }
            "NOT valid against the SCORM 1.2 schemas (xmllint)".to_string()
        }
        schema::Outcome::Unavailable(why) => format!("not checked: {why}"),
    };
    Ok(Inspection {
        manifest: Some(manifest),
        findings,
        schema,
        file_count: names.len(),
    })
}

fn read_entry(
    archive: &mut zip::ZipArchive<std::fs::File>,
    name: &str,
) -> anyhow::Result<Option<String>> {
    let Ok(mut entry) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut text = String::new();
    entry
        .read_to_string(&mut text)
        .with_context(|| format!("`{name}` is not UTF-8 text"))?;
    Ok(Some(text))
}

/// The rules the schemas cannot express.
pub fn check(m: &Manifest, names: &BTreeSet<String>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut error = |message: String| {
        out.push(Finding {
            error: true,
            message,
        })
    };
    let mut ids: BTreeMap<&str, &str> = BTreeMap::new();
    let all_ids = std::iter::once((m.identifier.as_str(), "manifest"))
        .chain(m.organizations.iter().map(|o| (o.as_str(), "organization")))
        .chain(m.items.iter().map(|i| (i.identifier.as_str(), "item")))
        .chain(
            m.resources
                .iter()
                .map(|r| (r.identifier.as_str(), "resource")),
        );
    for (id, what) in all_ids {
        if !is_ncname(id) {
            error(format!("{what} identifier `{id}` is not a valid XML ID (letters, digits, `.`, `-`, `_`; no spaces; not starting with a digit)"));
        }
        if let Some(first) = ids.insert(id, what) {
            error(format!("identifier `{id}` is used twice ({first} and {what}); identifiers must be unique in the manifest"));
        }
    }
    match &m.default_organization {
        Some(d) if !m.organizations.contains(d) => {
            error(format!("organizations default=`{d}` names no organization"))
        }
        None if m.organizations.len() > 1 => {
            error("several organizations but no default".to_string())
        }
        _ => {}
    }
    let resources: BTreeMap<&str, &Resource> = m
        .resources
        .iter()
        .map(|r| (r.identifier.as_str(), r))
        .collect();
    for item in &m.items {
        if let Some(r) = &item.identifierref {
            if !resources.contains_key(r.as_str()) {
                error(format!(
                    "item `{}` refers to resource `{r}`, which does not exist",
                    item.identifier
                ));
            }
        }
        if let Some(score) = &item.mastery_score {
            if !score
                .trim()
                .parse::<f64>()
                .is_ok_and(|s| (0.0..=100.0).contains(&s))
            {
                error(format!(
                    "item `{}` has mastery score `{score}`; it must be a number from 0 to 100",
                    item.identifier
                ));
            }
        }
    }
    let mut listed = BTreeSet::new();
    for r in &m.resources {
        for dep in &r.dependencies {
            if !resources.contains_key(dep.as_str()) {
                error(format!(
                    "resource `{}` depends on `{dep}`, which does not exist",
                    r.identifier
                ));
            }
        }
        if let Some(href) = &r.href {
            let path = href.split(['?', '#']).next().unwrap_or(href);
            if !names.contains(&percent_decode(path)) {
                error(format!(
                    "resource `{}` launches `{href}`, which is not in the zip",
                    r.identifier
                ));
            }
        }
        if r.scorm_type.is_none() {
            error(format!(
                "resource `{}` has no adlcp:scormtype (SCORM 1.2 spells it in lower case)",
                r.identifier
            ));
        }
        for f in &r.files {
            let decoded = percent_decode(f);
            if !names.contains(&decoded) {
                error(format!(
                    "resource `{}` lists `{f}`, which is not in the zip",
                    r.identifier
                ));
            }
            listed.insert(decoded);
        }
    }
    let control = [
        "imsmanifest.xml",
        "adlcp_rootv1p2.xsd",
        "ims_xml.xsd",
        "imscp_rootv1p1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
    ];
    for name in names
        .iter()
        .filter(|n| !listed.contains(*n) && !control.contains(&n.as_str()))
    {
        out.push(Finding {
            error: false,
            message: format!("`{name}` is in the zip but no resource lists it"),
        });
    }
    out
}

/// XML `NCName`, restricted to ASCII as our identifiers are.
fn is_ncname(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

fn percent_decode(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ncnames_and_percent_decoding() {
        assert!(super::is_ncname("ITEM-b1.x_y"));
        assert!(!super::is_ncname("1abc"));
        assert!(!super::is_ncname("a b"));
        assert_eq!(
            super::percent_decode("media/my%20file.png"),
            "media/my file.png"
        );
        assert_eq!(super::percent_decode("a%2"), "a%2");
    }
}
