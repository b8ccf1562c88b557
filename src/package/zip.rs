//! Writes a [`Plan`] as a zip that is the same bytes for the same plan, on any machine.
//!
//! Entries are written in path order (the plan is sorted), with one fixed timestamp, fixed
//! permissions and no extra fields, so two builds of the same sources compare equal. The
//! zip is written to a temporary file in the output folder and renamed when complete: a
//! failed or interrupted build never leaves a partial zip under the final name and never
//! removes the previous good one.

use super::{Contents, Plan};
use anyhow::Context as _;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The timestamp of every entry: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org),
/// else a date derived from the version alone (a day between 2000 and 2019), so the same
/// version always gets the same bytes and two versions can still be told apart by date.
/// Zip stores local time without zone and cannot go before 1980.
pub fn timestamp(version: &str) -> DateTime {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok());
    let hash = version.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let derived = 946_684_800 + (hash % 7305) as i64 * 86_400;
    epoch
        .and_then(from_unix)
        .or_else(|| from_unix(derived))
        .unwrap_or_default()
}

fn from_unix(seconds: i64) -> Option<DateTime> {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    DateTime::from_date_and_time(
        u16::try_from(year).ok()?,
        month as u8,
        day as u8,
        (secs / 3600) as u8,
        (secs / 60 % 60) as u8,
        (secs % 60) as u8,
    )
    .ok()
}

/// Writes `plan` to `out/<name>.zip` with every entry dated `mtime`; returns the zip's path.
pub fn write(plan: &Plan, out: &Path, name: &str, mtime: DateTime) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output folder `{}`", out.display()))?;
    let target = out.join(format!("{name}.zip"));
    let temp = out.join(format!(".{name}.zip.partial-{}", std::process::id()));
    let result = write_to(plan, &temp, mtime).and_then(|()| {
        std::fs::rename(&temp, &target)
            .with_context(|| format!("cannot create `{}`", target.display()))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map(|()| target)
}

fn write_to(plan: &Plan, path: &Path, mtime: DateTime) -> anyhow::Result<()> {
    let file = std::fs::File::create(path)
        .with_context(|| format!("cannot create `{}`", path.display()))?;
    let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
    write_entries(plan, &mut zip, mtime)?;
    let mut inner = zip.finish().context("cannot finish the zip")?;
    inner.flush()?;
    inner.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(())
}

/// Streams every entry of `plan` into `zip`; copied files are read in chunks, never whole.
pub fn write_entries<W: Write + std::io::Seek>(
    plan: &Plan,
    zip: &mut ZipWriter<W>,
    mtime: DateTime,
) -> anyhow::Result<()> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(mtime)
        .unix_permissions(0o644);
    for (path, contents) in plan.entries() {
        zip.start_file(path, options)
            .with_context(|| format!("cannot add `{path}`"))?;
        match contents {
            Contents::Generated(bytes) => zip.write_all(bytes)?,
            Contents::Copy(source) => {
                let mut file = std::fs::File::open(source)
                    .with_context(|| format!("cannot read `{}`", source.display()))?;
                let mut buf = [0u8; 64 * 1024];
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    zip.write_all(&buf[..n])?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.add("b.txt", Contents::Generated(b"bee".to_vec()))
            .unwrap();
        plan.add("a/a.txt", Contents::Generated(b"ay".to_vec()))
            .unwrap();
        plan
    }

    #[test]
    fn the_same_plan_gives_the_same_bytes() {
        let out = tempfile::tempdir().unwrap();
        let one =
            std::fs::read(write(&plan(), out.path(), "x", timestamp("1.0.0")).unwrap()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let two = std::fs::read(
            write(&plan(), &out.path().join("again"), "x", timestamp("1.0.0")).unwrap(),
        )
        .unwrap();
        assert_eq!(one, two);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
        assert_eq!(archive.file_names().collect::<Vec<_>>().len(), 2);
        assert_eq!(archive.by_index(0).unwrap().name(), "a/a.txt");
    }

    #[test]
    fn a_failed_write_leaves_the_previous_zip_and_no_partial_file() {
        let out = tempfile::tempdir().unwrap();
        let good = write(&plan(), out.path(), "x", timestamp("1.0.0")).unwrap();
        let before = std::fs::read(&good).unwrap();
        let mut bad = plan();
        bad.add("c.txt", Contents::Copy(out.path().join("missing")))
            .unwrap();
        assert!(write(&bad, out.path(), "x", timestamp("1.0.0")).is_err());
        assert_eq!(std::fs::read(&good).unwrap(), before);
        let names: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["x.zip"]);
    }

    #[test]
    fn unix_time_converts_to_a_civil_date() {
        let dt = from_unix(1_700_000_000).unwrap();
        assert_eq!(
            (
                dt.year(),
                dt.month(),
                dt.day(),
                dt.hour(),
                dt.minute(),
                dt.second()
            ),
            (2023, 11, 14, 22, 13, 20)
        );
    }
}
