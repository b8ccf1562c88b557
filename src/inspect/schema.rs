//! Schema validation of a manifest with `xmllint` against the official SCORM 1.2 schemas
//! (the control files coursepack ships), through a small driver schema that imports the
//! three namespaces: `imscp_rootv1p1p2.xsd` alone refuses every real manifest, because its
//! wildcards are strict and xmllint ignores the instance's `xsi:schemaLocation`.

use crate::format::scorm12::CONTROL_FILES;
use std::process::Command;

const DRIVER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="imsmd_rootv1p2p1.xsd"/>
</xs:schema>
"#;

/// The outcome of validating.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The manifest is valid.
    Valid,
    /// The manifest is not valid; xmllint's messages.
    Invalid(Vec<String>),
    /// Validation could not run; why.
    Unavailable(String),
}

/// Validates `manifest` (the XML text).
pub(super) fn validate(manifest: &str) -> Outcome {
    let Ok(dir) = tempfile::tempdir() else {
        return Outcome::Unavailable("no temporary folder".into());
    };
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes);
    let written = CONTROL_FILES
        .iter()
        .try_for_each(|(name, bytes)| write(name, bytes))
        .and_then(|()| write("driver.xsd", DRIVER.as_bytes()))
        .and_then(|()| write("imsmanifest.xml", manifest.as_bytes()));
    if let Err(e) = written {
        return Outcome::Unavailable(format!("cannot write a temporary file: {e}"));
    }
    let output = Command::new("xmllint")
        .args([
            "--noout",
            "--nonet",
            "--schema",
            "driver.xsd",
            "imsmanifest.xml",
        ])
        .current_dir(dir.path())
        .output();
    match output {
        Err(_) => Outcome::Unavailable("xmllint is not installed (Debian: libxml2-utils)".into()),
        Ok(o) if o.status.success() => Outcome::Valid,
        Ok(o) => {
            let stderr = String::from_utf8_lossy(&o.stderr);
            let errors: Vec<String> = stderr
                .lines()
                // ims_xml.xsd binds the xml namespace as default; libxml2 complains, harmlessly.
                .filter(|l| l.starts_with("imsmanifest.xml:"))
                .map(|l| l.trim_start_matches("imsmanifest.xml:").to_string())
                .collect();
            match o.status.code() {
                Some(3 | 4) => Outcome::Invalid(errors),
                _ if errors.is_empty() => {
                    Outcome::Unavailable(format!("xmllint failed: {}", stderr.trim()))
                }
                _ => Outcome::Invalid(errors),
            }
        }
    }
}
