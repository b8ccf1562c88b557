//! Test support: a fixture course in a temporary folder, and the coursepack binary run on it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixtures folder.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A course copied into a temporary folder, which is removed on drop.
pub(crate) struct TestCourse {
    pub(crate) dir: tempfile::TempDir,
    root: PathBuf,
}

/// What a run of the binary gave.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl TestCourse {
    /// The base course with the files of `tests/fixtures/check/<case>/` laid over it and the
    /// paths listed in its `remove.txt` deleted. `expected.txt` and `remove.txt` belong to the
    /// case, not to the course.
    pub(crate) fn case(case: &str) -> TestCourse {
        let course = TestCourse::base();
        let case_dir = fixtures().join("check").join(case);
        assert!(case_dir.is_dir(), "no fixture `{case}`");
        copy_tree(&case_dir, course.root(), &["expected.txt", "remove.txt"]);
        if let Ok(list) = std::fs::read_to_string(case_dir.join("remove.txt")) {
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                std::fs::remove_file(course.root().join(line.trim())).unwrap();
            }
        }
        course
    }

    /// The base course, which is clean.
    pub(crate) fn base() -> TestCourse {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("course");
        copy_tree(&fixtures().join("base"), &root, &[]);
        TestCourse { dir, root }
    }

    /// The course folder, `<tmp>/course`.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Runs `coursepack ARGS` in the temporary folder (so `course` and `dist` are relative).
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_coursepack"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let redact = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes).replace(&self.dir.path().display().to_string(), "[ROOT]")
        };
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: redact(&output.stdout),
            stderr: redact(&output.stderr),
        }
    }
}

fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        if skip.iter().any(|s| rel == Path::new(s)) {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Compares `actual` with the snapshot file; `UPDATE_EXPECT=1` rewrites the snapshot instead.
pub(crate) fn assert_snapshot(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_EXPECT=1",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from {}", path.display());
}
