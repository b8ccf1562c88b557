//! Source: the course folder as a set of files, with no meaning given to them yet.
//!
//! First stage of the pipeline (source → check → model → markdown → rendered → format →
//! package). It walks the folder in sorted order, reads text files as UTF-8 and refuses
//! anything that leaves the folder through a symlink, so no later stage can be tricked into
//! reading or shipping a file from elsewhere on the machine.

pub mod files;
pub mod schema;
pub mod yaml;

use crate::diag::{Diagnostic, Diagnostics, Span};
pub use files::SourceFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file of a course folder, keyed by its course-relative path.
#[derive(Debug)]
pub struct SourceSet {
    /// The course folder, canonicalised.
    pub root: PathBuf,
    files: BTreeMap<PathBuf, SourceFile>,
}

impl SourceSet {
    /// Walks `root`. Problems with single files become diagnostics (and the file is left
    /// out); a root that cannot be read at all is an application error.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<SourceSet> {
        use anyhow::Context as _;
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot open course folder `{}`", root.display()))?;
        anyhow::ensure!(root.is_dir(), "`{}` is not a folder", root.display());
        let mut files = BTreeMap::new();
        let walker = walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .min_depth(1);
        for entry in walker
            .into_iter()
            .filter_entry(|e| !is_hidden(e.file_name()))
        {
            let entry = entry.with_context(|| format!("cannot read `{}`", root.display()))?;
            let rel = entry.path().strip_prefix(&root)?.to_path_buf();
            if entry.path_is_symlink() && !symlink_stays_inside(&root, entry.path()) {
                diags.push(
                    Diagnostic::error(
                        "E103",
                        Span::file(&rel),
                        "symlink points outside the course folder",
                    )
                    .with_help("copy the file into the course folder instead of linking to it"),
                );
                continue;
            }
            if !entry.path().is_file() {
                continue;
            }
            // A text file that cannot be read stays in the set without text, so rules see
            // that it exists (and do not also report it missing).
            let text = if files::is_text(&rel) {
                files::read_text(&rel, entry.path())
                    .map_err(|d| diags.push(d))
                    .ok()
            } else {
                None
            };
            let abs = entry.path().to_path_buf();
            files.insert(rel.clone(), SourceFile { rel, abs, text });
        }
        Ok(SourceSet { root, files })
    }

    /// The file at a course-relative path.
    pub fn get(&self, rel: &Path) -> Option<&SourceFile> {
        self.files.get(rel)
    }

    /// The text of a course-relative path, if it is a readable text file.
    pub fn text(&self, rel: &Path) -> Option<&str> {
        self.files.get(rel)?.text.as_deref()
    }

    /// Files directly or indirectly below `dir`, in sorted order.
    pub fn under<'a>(&'a self, dir: &'a Path) -> impl Iterator<Item = &'a SourceFile> + 'a {
        self.files
            .range(dir.to_path_buf()..)
            .map(|(_, f)| f)
            .take_while(move |f| f.rel.starts_with(dir))
    }

    /// Names of the sub-folders of `dir` that hold at least one file, sorted.
    pub fn subdirs(&self, dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = self
            .under(dir)
            .filter_map(|f| {
                let mut parts = f.rel.strip_prefix(dir).ok()?.components();
                let first = parts.next()?;
                parts.next()?; // a file directly in `dir` names no folder
                first.as_os_str().to_str().map(str::to_string)
            })
            .collect();
        names.dedup();
        names
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn symlink_stays_inside(root: &Path, path: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|target| target.starts_with(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("modules/b/media")).unwrap();
        std::fs::write(dir.path().join("course.yaml"), "id: x\n").unwrap();
        std::fs::write(dir.path().join("modules/b/nl.md"), "# B\n").unwrap();
        std::fs::write(dir.path().join("modules/b/media/a.png"), [0u8, 1]).unwrap();
        std::fs::write(dir.path().join(".hidden"), "").unwrap();
        let mut diags = Diagnostics::default();
        let set = SourceSet::load(dir.path(), &mut diags).unwrap();
        let rels: Vec<_> = set.under(Path::new("")).map(|f| f.rel.clone()).collect();
        assert_eq!(
            rels,
            [
                PathBuf::from("course.yaml"),
                PathBuf::from("modules/b/media/a.png"),
                PathBuf::from("modules/b/nl.md")
            ]
        );
        assert_eq!(set.subdirs(Path::new("modules")), ["b"]);
        assert!(set
            .get(Path::new("modules/b/media/a.png"))
            .unwrap()
            .text
            .is_none());
        assert!(!diags.has_errors());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_leaving_the_course_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("s.txt"))
            .unwrap();
        let mut diags = Diagnostics::default();
        let set = SourceSet::load(dir.path(), &mut diags).unwrap();
        assert!(set.get(Path::new("s.txt")).is_none());
        assert_eq!(diags.iter().next().unwrap().code, "E103");
    }
}
