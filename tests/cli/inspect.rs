//! `coursepack inspect` on small SCORM 1.2 zips made here: one good, and one per kind of
//! breakage an LMS administrator meets.

use crate::support::TestCourse;
use std::io::Write as _;

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-demo" version="1.0.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="ORG-demo">
    <organization identifier="ORG-demo">
      <title>Demo</title>
      <item identifier="ITEM-one" identifierref="RES-one">
        <title>One &amp; only</title>
        <adlcp:masteryscore>MASTERY</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-one" type="webcontent" adlcp:scormtype="sco" href="one/index.html">
      <file href="one/index.html"/>
      <file href="one/pic.svg"/>
    </resource>
  </resources>
</manifest>
"#;

fn zip_with(dir: &std::path::Path, entries: &[(&str, &str)]) -> std::path::PathBuf {
    let path = dir.join("package.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (name, text) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path
}

fn inspect(entries: &[(&str, &str)]) -> crate::support::Run {
    let course = TestCourse::base();
    let zip = zip_with(course.dir.path(), entries);
    course.run(&["inspect", zip.to_str().unwrap()])
}

fn good(manifest: &str) -> Vec<(&'static str, String)> {
    vec![
        ("imsmanifest.xml", manifest.to_string()),
        ("one/index.html", "<html></html>".to_string()),
        ("one/pic.svg", "<svg/>".to_string()),
    ]
}

fn run(entries: Vec<(&'static str, String)>) -> crate::support::Run {
    let borrowed: Vec<(&str, &str)> = entries.iter().map(|(n, t)| (*n, t.as_str())).collect();
    inspect(&borrowed)
}

#[test]
fn a_good_package_is_summarised() {
    let r = run(good(&MANIFEST.replace("MASTERY", "80")));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("manifest: MANIFEST-demo version 1.0.0"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "  ITEM-one \"One & only\" -> RES-one (sco one/index.html), mastery score 80"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("result: no errors\n"));
}

#[test]
fn a_missing_file_is_named() {
    let mut entries = good(&MANIFEST.replace("MASTERY", "80"));
    entries.retain(|(n, _)| *n != "one/pic.svg");
    let r = run(entries);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error: resource `RES-one` lists `one/pic.svg`, which is not in the zip"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_mastery_score_and_a_dangling_reference_are_errors() {
    let manifest = MANIFEST
        .replace("MASTERY", "eighty")
        .replace("identifierref=\"RES-one\"", "identifierref=\"RES-two\"");
    let r = run(good(&manifest));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error: item `ITEM-one` has mastery score `eighty`; it must be a number from 0 to 100"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("error: item `ITEM-one` refers to resource `RES-two`, which does not exist"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_manifest_that_is_not_xml_is_reported() {
    let r = run(good(
        "<manifest identifier=\"x\"><organizations></manifest>",
    ));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error: imsmanifest.xml is not well-formed XML"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_manifest_in_a_folder_is_reported() {
    let r = inspect(&[
        ("course/imsmanifest.xml", MANIFEST),
        ("course/one/index.html", ""),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error: imsmanifest.xml is not at the root of the zip (found `course/imsmanifest.xml`)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_file_that_is_not_a_zip_is_reported() {
    let course = TestCourse::base();
    let path = course.dir.path().join("not.zip");
    std::fs::write(&path, "hello").unwrap();
    let r = course.run(&["inspect", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is not a zip file"), "{}", r.stderr);
}

#[test]
fn duplicate_and_invalid_identifiers_are_errors() {
    let manifest = MANIFEST
        .replace("MASTERY", "80")
        .replace("identifier=\"ORG-demo\"", "identifier=\"RES-one\"")
        .replace("default=\"ORG-demo\"", "default=\"RES-one\"")
        .replace("ITEM-one", "1 item");
    let r = run(good(&manifest));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("identifier `RES-one` is used twice (organization and resource)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("item identifier `1 item` is not a valid XML ID"),
        "{}",
        r.stderr
    );
}
