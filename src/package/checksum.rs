//! SHA-256 checksums of artifacts, and `SHA256SUMS` in the format `sha256sum -c` reads.

use anyhow::Context as _;
use sha2::{Digest, Sha256};
use std::io::Read as _;
use std::path::Path;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a file, read in chunks.
pub fn of_file(path: &Path) -> anyhow::Result<String> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// Every file of the folder `path`, as (`name/relative/path`, SHA-256), sorted by path.
pub fn of_dir(path: &Path, name: &str) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read `{}`", path.display()))?;
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(path)?
                .to_string_lossy()
                .replace('\\', "/");
            out.push((format!("{name}/{rel}"), of_file(entry.path())?));
        }
    }
    out.sort();
    Ok(out)
}

/// The lines of `SHA256SUMS` for `files`, sorted by path.
pub fn lines(files: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort();
    sorted
        .iter()
        .map(|(path, sum)| format!("{sum}  {path}\n"))
        .collect()
}

/// The SHA-256 of a file list: a folder artifact's fingerprint.
pub fn of_list(files: &[(String, String)]) -> String {
    hex(&Sha256::digest(lines(files).as_bytes()))
}

/// Writes `out/SHA256SUMS` atomically.
pub fn write_sums(out: &Path, files: &[(String, String)]) -> anyhow::Result<()> {
    let target = out.join("SHA256SUMS");
    let temp = out.join(format!(".SHA256SUMS.partial-{}", std::process::id()));
    std::fs::write(&temp, lines(files))
        .with_context(|| format!("cannot write `{}`", temp.display()))?;
    std::fs::rename(&temp, &target).with_context(|| format!("cannot write `{}`", target.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_are_sorted_and_in_sha256sum_format() {
        let files = vec![
            ("b.zip".to_string(), "22".to_string()),
            ("a.zip".to_string(), "11".to_string()),
        ];
        assert_eq!(super::lines(&files), "11  a.zip\n22  b.zip\n");
        assert_eq!(super::hex(&[0, 255]), "00ff");
    }
}
