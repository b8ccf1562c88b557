//! Writes a [`Plan`] as a folder (the web build), atomically: the files go to a hidden
//! temporary folder beside the target, which replaces the target only once complete, so a
//! failed or interrupted build never leaves a half-written course under the final name.

use super::{Contents, Plan};
use anyhow::Context as _;
use std::path::{Path, PathBuf};

/// Writes `plan` to `out/<name>/`; returns the folder.
pub fn write(plan: &Plan, out: &Path, name: &str) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output folder `{}`", out.display()))?;
    let target = out.join(name);
    let temp = out.join(format!(".{name}.partial-{}", std::process::id()));
    let result = fill(plan, &temp).and_then(|()| replace(&temp, &target));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    result.map(|()| target)
}

fn fill(plan: &Plan, temp: &Path) -> anyhow::Result<()> {
    if temp.exists() {
        std::fs::remove_dir_all(temp)
            .with_context(|| format!("cannot clear `{}`", temp.display()))?;
    }
    for (path, contents) in plan.entries() {
        let dest = temp.join(path);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        match contents {
            Contents::Generated(bytes) => std::fs::write(&dest, bytes).map(|_| ()),
            Contents::Copy(source) => std::fs::copy(source, &dest).map(|_| ()),
        }
        .with_context(|| format!("cannot write `{}`", dest.display()))?;
    }
    Ok(())
}

/// Swaps the finished folder in. The old folder is moved aside first and removed only after
/// the rename succeeded, so an error here keeps the previous good build.
fn replace(temp: &Path, target: &Path) -> anyhow::Result<()> {
    let old = target.with_file_name(format!(
        ".{}.old-{}",
        target.file_name().and_then(|n| n.to_str()).unwrap_or("out"),
        std::process::id()
    ));
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, &old)
            .with_context(|| format!("cannot move `{}` aside", target.display()))?;
    }
    if let Err(e) = std::fs::rename(temp, target) {
        if had_old {
            let _ = std::fs::rename(&old, target);
        }
        return Err(e).with_context(|| format!("cannot create `{}`", target.display()));
    }
    if had_old {
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove `{}`", old.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_a_folder() {
        let out = tempfile::tempdir().unwrap();
        let mut plan = Plan::default();
        plan.add("a/b.txt", Contents::Generated(b"one".to_vec()))
            .unwrap();
        let dir = write(&plan, out.path(), "site").unwrap();
        assert_eq!(std::fs::read(dir.join("a/b.txt")).unwrap(), b"one");
        let mut plan = Plan::default();
        plan.add("c.txt", Contents::Generated(b"two".to_vec()))
            .unwrap();
        write(&plan, out.path(), "site").unwrap();
        assert!(!dir.join("a/b.txt").exists());
        let names: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_build() {
        let out = tempfile::tempdir().unwrap();
        let mut good = Plan::default();
        good.add("index.html", Contents::Generated(b"good".to_vec()))
            .unwrap();
        write(&good, out.path(), "site").unwrap();
        let mut bad = Plan::default();
        bad.add(
            "index.html",
            Contents::Copy(out.path().join("missing-source")),
        )
        .unwrap();
        assert!(write(&bad, out.path(), "site").is_err());
        assert_eq!(
            std::fs::read(out.path().join("site/index.html")).unwrap(),
            b"good"
        );
        let names: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
    }
}
