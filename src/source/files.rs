//! One file of a course folder, and the rules for which files may be read at all.

use crate::diag::{Diagnostic, Span};
use std::path::{Component, Path, PathBuf};

/// A file of the course folder. Text files (Markdown, YAML, captions, SVG) are read and
/// checked for UTF-8 when the folder is loaded; other files are only located.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the course folder, `/`-separated.
    pub rel: PathBuf,
    /// Absolute path on disk.
    pub abs: PathBuf,
    /// The text, for text files that are valid UTF-8.
    pub text: Option<String>,
}

/// File extensions whose content coursepack reads as UTF-8 text.
pub const TEXT_EXTENSIONS: &[&str] = &["md", "yaml", "yml", "vtt", "svg"];

/// True for files that are read as text.
pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads `abs` as UTF-8, or explains where the first invalid byte is.
pub fn read_text(rel: &Path, abs: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|e| {
        Diagnostic::error("E102", Span::file(rel), format!("cannot read file: {e}"))
            .with_help("check the file's permissions")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let span = Span::from_offsets(rel, &good, valid, valid);
        Diagnostic::error("E101", span, "file is not valid UTF-8").with_help(
            "save the file with UTF-8 encoding (most editors offer it under \"Save as\")",
        )
    })
}

/// Resolves a reference written in a course file (a link or image target), relative to the
/// folder of the file that contains it. Returns the course-relative path, or `None` when the
/// reference leaves the course folder: an absolute path, a drive or root, or `..` that climbs
/// above the course root. Symlinks are judged separately, when the folder is walked.
pub fn resolve_inside(from_dir: &Path, target: &str) -> Option<PathBuf> {
    let target = Path::new(target);
    if target.is_absolute() || target.has_root() {
        return None;
    }
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in from_dir.components().chain(target.components()) {
        match component {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_stay_inside_the_course() {
        let dir = Path::new("modules/b1");
        assert_eq!(
            resolve_inside(dir, "media/a.svg"),
            Some(PathBuf::from("modules/b1/media/a.svg"))
        );
        assert_eq!(
            resolve_inside(dir, "../b2/media/a.svg"),
            Some(PathBuf::from("modules/b2/media/a.svg"))
        );
        assert_eq!(resolve_inside(dir, "../../../etc/passwd"), None);
        assert_eq!(resolve_inside(dir, "/etc/passwd"), None);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nl.md");
        std::fs::write(&path, b"# Titel\n\nCaf\xe9\n").unwrap();
        let d = read_text(Path::new("nl.md"), &path).unwrap_err();
        assert_eq!((d.code, d.span.line, d.span.col), ("E101", 3, 4));
    }
}
