//! `imsmanifest.xml` for SCORM 1.2: one organization, one item and one SCO per module, the
//! theme's files in one shared `asset` resource, and LOM metadata.
//!
//! Identifiers derive from course, package and module ids only, so re-importing a new
//! version of a package maps onto the same LMS items and keeps learners' records.

use super::{document, element, finish, text_element, Xml};
use crate::model::{Course, Lang, Module, Package};
use std::io;

/// A file list per module (paths relative to the package root), and the shared files.
pub struct Files<'a> {
    /// For each module of the package, in order, the files its SCO uses.
    pub modules: Vec<Vec<&'a str>>,
    /// Files every SCO uses (the theme's assets).
    pub shared: Vec<&'a str>,
}

/// The XML identifier of a module's item.
pub fn item_id(module: &str) -> String {
    format!("ITEM-{module}")
}

/// The XML identifier of a module's SCO resource.
pub fn resource_id(module: &str) -> String {
    format!("RES-{module}")
}

/// The identifier of the shared asset resource.
pub const SHARED_ID: &str = "RES-shared";

/// Builds the manifest of `package` in `lang`.
pub fn build(course: &Course, package: &Package, lang: Lang, files: &Files<'_>) -> String {
    let mut w = document();
    // Writing into a Vec cannot fail; the io::Result only satisfies quick-xml's signatures.
    let _ = manifest(&mut w, course, package, lang, files);
    finish(w)
}

fn manifest(
    w: &mut Xml,
    course: &Course,
    package: &Package,
    lang: Lang,
    files: &Files<'_>,
) -> io::Result<()> {
    let identifier = format!("MANIFEST-{}-{}-{}", course.id, package.id, lang.code());
    let attrs = [
        ("identifier", identifier.as_str()),
        ("version", course.version.as_str()),
        ("xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"),
        ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
             http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
             http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
        ),
    ];
    element(w, "manifest", &attrs, |w| {
        metadata(w, course, package, lang)?;
        organizations(w, course, package, lang)?;
        resources(w, package, files)
    })
}

fn langstring(w: &mut Xml, lang: Lang, text: &str) -> io::Result<()> {
    text_element(w, "langstring", &[("xml:lang", lang.tag())], text)
}

fn metadata(w: &mut Xml, course: &Course, package: &Package, lang: Lang) -> io::Result<()> {
    let modules: Vec<&Module> = package
        .modules
        .iter()
        .map(|id| &course.modules[id])
        .collect();
    let minutes: u32 = modules.iter().map(|m| m.learning_minutes).sum();
    element(w, "metadata", &[], |w| {
        text_element(w, "schema", &[], "ADL SCORM")?;
        text_element(w, "schemaversion", &[], "1.2")?;
        element(
            w,
            "lom",
            &[("xmlns", "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1")],
            |w| {
                element(w, "general", &[], |w| {
                    element(w, "title", &[], |w| {
                        langstring(
                            w,
                            lang,
                            &format!("{} – {}", course.title.str(lang), package.title.str(lang)),
                        )
                    })?;
                    text_element(w, "language", &[], lang.tag())?;
                    element(w, "description", &[], |w| {
                        langstring(w, lang, course.description.str(lang))
                    })?;
                    for keyword in modules.iter().flat_map(|m| &m.keywords) {
                        element(w, "keyword", &[], |w| {
                            langstring(w, lang, keyword.str(lang))
                        })?;
                    }
                    Ok(())
                })?;
                element(w, "lifecycle", &[], |w| {
                    element(w, "version", &[], |w| langstring(w, lang, &course.version))
                })?;
                element(w, "educational", &[], |w| {
                    element(w, "typicallearningtime", &[], |w| {
                        text_element(w, "datetime", &[], &iso_duration(minutes))
                    })
                })
            },
        )
    })
}

/// Minutes as an ISO 8601 duration: `PT2H`, `PT1H30M`, `PT45M`.
pub fn iso_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

fn organizations(w: &mut Xml, course: &Course, package: &Package, lang: Lang) -> io::Result<()> {
    let org = format!("ORG-{}-{}", course.id, package.id);
    element(w, "organizations", &[("default", org.as_str())], |w| {
        element(w, "organization", &[("identifier", org.as_str())], |w| {
            text_element(w, "title", &[], &truncate(package.title.str(lang), 200))?;
            for (i, id) in package.modules.iter().enumerate() {
                let module = &course.modules[id];
                let item = item_id(id);
                let resource = resource_id(id);
                let attrs = [
                    ("identifier", item.as_str()),
                    ("identifierref", resource.as_str()),
                ];
                element(w, "item", &attrs, |w| {
                    text_element(w, "title", &[], &truncate(module.title.str(lang), 200))?;
                    if package.sequential && i > 0 {
                        let previous = item_id(&package.modules[i - 1]);
                        text_element(
                            w,
                            "adlcp:prerequisites",
                            &[("type", "aicc_script")],
                            &previous,
                        )?;
                    }
                    if let Some(quiz) = module
                        .quiz
                        .as_ref()
                        .filter(|q| q.test_questions().next().is_some())
                    {
                        text_element(
                            w,
                            "adlcp:masteryscore",
                            &[],
                            &quiz.settings.pass_mark.to_string(),
                        )?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
    })
}

fn resources(w: &mut Xml, package: &Package, files: &Files<'_>) -> io::Result<()> {
    element(w, "resources", &[], |w| {
        for (id, module_files) in package.modules.iter().zip(&files.modules) {
            let resource = resource_id(id);
            let href = format!("modules/{id}/index.html");
            let attrs = [
                ("identifier", resource.as_str()),
                ("type", "webcontent"),
                ("adlcp:scormtype", "sco"),
                ("href", href.as_str()),
            ];
            element(w, "resource", &attrs, |w| {
                for file in module_files {
                    w.create_element("file")
                        .with_attribute(("href", *file))
                        .write_empty()?;
                }
                w.create_element("dependency")
                    .with_attribute(("identifierref", SHARED_ID))
                    .write_empty()?;
                Ok(())
            })?;
        }
        let attrs = [
            ("identifier", SHARED_ID),
            ("type", "webcontent"),
            ("adlcp:scormtype", "asset"),
        ];
        element(w, "resource", &attrs, |w| {
            for file in &files.shared {
                w.create_element("file")
                    .with_attribute(("href", *file))
                    .write_empty()?;
            }
            Ok(())
        })
    })
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations() {
        assert_eq!(super::iso_duration(120), "PT2H");
        assert_eq!(super::iso_duration(90), "PT1H30M");
        assert_eq!(super::iso_duration(45), "PT45M");
    }
}
