//! `coursepack build`: what it writes, reproducibly and atomically.

use crate::support::TestCourse;
use std::path::Path;

fn files(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn web_build_writes_one_site_per_package_and_language() {
    let course = TestCourse::base();
    let run = course.run(&["build", "course", "--format", "web", "--lang", "nl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("wrote dist/fixture-basic-1.0.0-nl-web/ ("),
        "{}",
        run.stdout
    );
    let site = course.dir.path().join("dist/fixture-basic-1.0.0-nl-web");
    let all = files(&site);
    for expected in [
        "index.html",
        "modules/intro/index.html",
        "modules/intro/media/schema.svg",
        "modules/practice/index.html",
        "assets/js/main.js",
        "assets/css/coursepack.css",
    ] {
        assert!(
            all.iter().any(|f| f == expected),
            "{expected} missing from {all:?}"
        );
    }
    let html = std::fs::read_to_string(site.join("modules/intro/index.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl-BE\">"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no scripts, styles or links from the network"
    );
}

#[test]
fn a_missing_translation_falls_back_with_the_right_lang_attribute() {
    let course = TestCourse::case("missing-language-file");
    let run = course.run(&[
        "build",
        "course",
        "--format",
        "web",
        "--lang",
        "de",
        "--allow-missing-translations",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(
        course
            .dir
            .path()
            .join("dist/fixture-basic-1.0.0-de-web/modules/intro/index.html"),
    )
    .unwrap();
    assert!(html.contains("<html lang=\"de-BE\">"));
    assert!(
        html.contains("data-page=\"0\" lang=\"nl-BE\""),
        "the Dutch fallback page is marked as Dutch"
    );
}

/// The same sources give the same bytes: another checkout path, another time of day.
#[test]
fn two_builds_give_identical_checksums() {
    let one = TestCourse::base();
    let two = TestCourse::base();
    let a = one.run(&["build", "course", "--format", "scorm12,cmi5,tincan"]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = two.run(&["build", "course", "--format", "scorm12,cmi5,tincan"]);
    assert_eq!((a.code, b.code), (0, 0), "{}{}", a.stderr, b.stderr);
    let sums =
        |c: &TestCourse| std::fs::read_to_string(c.dir.path().join("dist/SHA256SUMS")).unwrap();
    assert_eq!(sums(&one), sums(&two));
    assert_eq!(sums(&one).lines().count(), 9, "3 formats x 3 languages");
}

#[test]
fn checksums_verify_with_sha256sum() {
    let course = TestCourse::base();
    assert_eq!(course.run(&["build", "course"]).code, 0);
    let status = std::process::Command::new("sha256sum")
        .args(["--check", "--quiet", "SHA256SUMS"])
        .current_dir(course.dir.path().join("dist"))
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn json_report_lists_every_artifact() {
    let course = TestCourse::base();
    let run = course.run(&["build", "course", "--json", "--version", "v2.1.0"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["version"], "2.1.0");
    let artifacts = report["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), 12, "1 package x 3 languages x 4 formats");
    for a in artifacts {
        assert_eq!(a["version"], "2.1.0");
        assert_eq!(a["sha256"].as_str().unwrap().len(), 64);
        assert!(a["size"].as_u64().unwrap() > 0);
        let name = a["name"].as_str().unwrap();
        assert!(name.starts_with("fixture-basic-2.1.0-"), "{name}");
        assert!(course.dir.path().join("dist").join(name).exists());
    }
    let manifest = {
        let file = std::fs::File::open(
            course
                .dir
                .path()
                .join("dist/fixture-basic-2.1.0-nl-scorm12.zip"),
        )
        .unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("imsmanifest.xml").unwrap(), &mut text)
            .unwrap();
        text
    };
    assert!(
        manifest.contains("version=\"2.1.0\""),
        "the version goes into the manifest"
    );
}

#[test]
fn a_bad_version_override_is_refused() {
    let course = TestCourse::base();
    let run = course.run(&["build", "course", "--version", "latest"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("`--version latest` is not a valid version"),
        "{}",
        run.stderr
    );
    assert!(!course.dir.path().join("dist").exists());
}

/// An output folder that cannot be written fails the build with a clear message and leaves
/// no partial zip beside the earlier artifacts.
#[test]
fn a_failing_write_keeps_earlier_artifacts_and_leaves_no_partial_file() {
    let course = TestCourse::base();
    assert_eq!(
        course.run(&["build", "course", "--format", "scorm12"]).code,
        0
    );
    let dist = course.dir.path().join("dist");
    let before = files(&dist);
    // A folder where the next zip must go makes its final rename fail.
    std::fs::remove_file(dist.join("fixture-basic-1.0.0-nl-scorm12.zip")).unwrap();
    std::fs::create_dir(dist.join("fixture-basic-1.0.0-nl-scorm12.zip")).unwrap();
    std::fs::write(dist.join("fixture-basic-1.0.0-nl-scorm12.zip/keep"), "x").unwrap();
    let run = course.run(&["build", "course", "--format", "scorm12"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: cannot create"),
        "{}",
        run.stderr
    );
    let after = files(&dist);
    assert!(
        after.iter().all(|f| !f.contains(".partial")),
        "no partial file left: {after:?}"
    );
    for name in before
        .iter()
        .filter(|f| f.contains("-fr-") || f.contains("-de-"))
    {
        assert!(after.contains(name), "{name} was removed");
    }
}
