//! `coursepack build`: check, then render once per tracking adapter and write one artifact
//! per package, language and format.

use super::{LoadOptions, Outcome};
use crate::format::{self, Format, Output};
use crate::package::{dir, zip};
use crate::rendered::{render, Selection};
use crate::report::Reporter;
use anyhow::{bail, Context as _};
use std::path::PathBuf;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Course folder, theme, translation and warning policy.
    pub load: LoadOptions,
    /// Format names; every format when empty.
    pub formats: Vec<String>,
    /// Which packages and languages.
    pub selection: Selection,
    /// Output folder.
    pub out: PathBuf,
}

/// Runs the build. Nothing is written when the check fails.
pub fn run(options: &BuildOptions, report: &Reporter) -> anyhow::Result<Outcome> {
    let (outcome, checked, theme) = super::check::run(&options.load, report)?;
    let Some(course) = checked.course.filter(|_| outcome == Outcome::Success) else {
        return Ok(Outcome::Failure);
    };
    let formats = formats(&options.formats)?;
    for id in &options.selection.packages {
        if !course.packages.iter().any(|p| &p.id == id) {
            let ids: Vec<&str> = course.packages.iter().map(|p| p.id.as_str()).collect();
            bail!(
                "no package `{id}` in this course; {}",
                crate::suggest::help_for(id, &ids)
            );
        }
    }
    for format in formats {
        let packages = render(&course, &theme, &options.selection, format.tracking())?;
        for package in &packages {
            let plan = format.plan(&course, package, &theme)?;
            let name = format::artifact_name(&course, package, format);
            let (path, slash) = match format.output() {
                Output::Dir => (dir::write(&plan, &options.out, &name)?, "/"),
                Output::Zip => (zip::write(&plan, &options.out, &name)?, ""),
            };
            let modules = crate::diag::count(package.modules.len(), "module");
            report.result(&format!("wrote {}{slash} ({modules})", path.display()));
        }
    }
    Ok(Outcome::Success)
}

fn formats(names: &[String]) -> anyhow::Result<Vec<&'static dyn Format>> {
    if names.is_empty() {
        return Ok(format::ALL.to_vec());
    }
    let known: Vec<&str> = format::ALL.iter().map(|f| f.name()).collect();
    names
        .iter()
        .map(|n| {
            format::by_name(n).with_context(|| {
                format!(
                    "unknown format `{n}`; {}",
                    crate::suggest::help_for(n, &known)
                )
            })
        })
        .collect()
}
