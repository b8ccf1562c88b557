//! CLI tests: the `coursepack` binary on fixture courses. See `tests/README.md`.

mod build;
mod curriculum;
mod inspect;
mod support;

use support::{assert_snapshot, fixtures, TestCourse};

/// Runs `check` on the base course with one fixture case laid over it and compares the
/// short-format diagnostics (code, file, line, column, message) with `expected.txt`.
fn check_case(case: &str) {
    let course = TestCourse::case(case);
    let run = course.run(&["check", "course", "--message-format", "short"]);
    assert_eq!(
        run.code, 1,
        "check should fail for `{case}`:\n{}",
        run.stderr
    );
    assert_snapshot(
        &fixtures().join("check").join(case).join("expected.txt"),
        &run.stderr,
    );
}

macro_rules! check_cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_case(&stringify!($name).replace('_', "-"));
            }
        )*
    };
}

check_cases!(
    yaml_syntax,
    unknown_key,
    duplicate_key,
    wrong_type,
    missing_key,
    missing_translation,
    unknown_language,
    missing_language_file,
    extra_language_file,
    page_mismatch,
    invalid_id,
    duplicate_id,
    unknown_module,
    no_correct_answer,
    two_correct_single,
    pass_mark_range,
    draw_too_large,
    too_many_options,
    unknown_check,
    test_question_as_check,
    link_outside_course,
    outside_module,
    missing_file,
    image_without_alt,
    raw_html,
    text_before_heading,
    not_utf8,
    suspend_data_too_large,
    comma_in_flow_mapping,
    house_style,
);

#[test]
fn every_check_fixture_has_a_test() {
    let source = include_str!("main.rs");
    for entry in std::fs::read_dir(fixtures().join("check")).unwrap() {
        let name = entry
            .unwrap()
            .file_name()
            .to_string_lossy()
            .replace('-', "_");
        assert!(
            source.contains(&format!("    {name},")),
            "fixture `{name}` has no test in check_cases!"
        );
    }
}

#[test]
fn the_base_course_is_clean() {
    let course = TestCourse::base();
    let run = course.run(&["check", "course", "--deny", "warnings"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn human_output_shows_the_source_line_and_a_fix() {
    let course = TestCourse::case("unknown-module");
    let run = course.run(&["check", "course"]);
    assert_eq!(run.code, 1);
    assert_snapshot(&fixtures().join("human-unknown-module.txt"), &run.stderr);
}

#[test]
fn json_output_is_one_object_per_line() {
    let course = TestCourse::case("pass-mark-range");
    let run = course.run(&["check", "course", "--message-format", "json"]);
    let lines: Vec<serde_json::Value> = run
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["code"], "E403");
    assert_eq!(lines[0]["span"]["file"], "modules/practice/quiz.yaml");
    assert_eq!(lines[0]["span"]["line"], 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_leaving_the_course_is_refused_and_never_copied() {
    let course = TestCourse::base();
    let secret = course.dir.path().join("secret.svg");
    std::fs::write(&secret, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let media = course.root().join("modules/intro/media");
    std::fs::remove_file(media.join("schema.svg")).unwrap();
    std::os::unix::fs::symlink(&secret, media.join("schema.svg")).unwrap();
    let run = course.run(&["build", "course", "--format", "web"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error[E103]: symlink points outside the course folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "error[E502]: `media/schema.svg` is a link to a file outside the course folder"
        ),
        "{}",
        run.stderr
    );
    assert!(!course.dir.path().join("dist").exists());
}

#[test]
fn a_failing_check_writes_nothing() {
    let course = TestCourse::case("link-outside-course");
    let run = course.run(&["build", "course", "--format", "web"]);
    assert_eq!(run.code, 1);
    assert!(!course.dir.path().join("dist").exists());
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let course = TestCourse::case("missing-language-file");
    let run = course.run(&["check", "course", "--allow-missing-translations"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[W204]: the module has no `de` text"),
        "{}",
        run.stderr
    );
    let run = course.run(&[
        "check",
        "course",
        "--allow-missing-translations",
        "--deny",
        "warnings",
    ]);
    assert_eq!(run.code, 1);
}

#[test]
fn usage_errors_exit_with_2() {
    let course = TestCourse::base();
    assert_eq!(course.run(&["check", "--message-format", "xml"]).code, 2);
    assert_eq!(course.run(&["frobnicate"]).code, 2);
}

#[test]
fn a_missing_course_folder_is_an_application_error() {
    let course = TestCourse::base();
    let run = course.run(&["check", "no-such-folder"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: cannot open course folder `no-such-folder`"),
        "{}",
        run.stderr
    );
}

#[test]
fn version_and_help() {
    let course = TestCourse::base();
    let run = course.run(&["--version"]);
    assert_eq!(
        run.stdout,
        format!("coursepack {}\n", env!("CARGO_PKG_VERSION"))
    );
    let run = course.run(&["build", "--help"]);
    assert!(run.stdout.contains("Examples:"), "{}", run.stdout);
}

/// The bundled Connectoo course passes `check` with no error and no warning, as a release
/// pipeline runs it.
#[test]
fn the_bundled_course_is_clean() {
    let course = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coursepack"))
        .args([
            "check",
            course.to_str().unwrap(),
            "--deny",
            "warnings",
            "--message-format",
            "short",
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
