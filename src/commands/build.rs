//! `coursepack build`: check, render, then write one artifact per package, language and
//! format, in parallel, followed by `SHA256SUMS` and (with `--json`) a report on stdout.

use super::{check::CheckRun, Outcome};
use crate::diag::Diagnostic;
use crate::format::{self, Format, Output};
use crate::model::Course;
use crate::model::Lang;
use crate::package::{checksum, dir, zip};
use crate::rendered::{render_package, RenderedPackage, Selection, Templates};
use crate::report::Reporter;
use anyhow::{bail, Context as _};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Course folder, theme, translation and warning policy.
    pub load: super::LoadOptions,
    /// Format names; every format when empty.
    pub formats: Vec<String>,
    /// Which packages and languages.
    pub selection: Selection,
    /// Output folder.
    pub out: PathBuf,
    /// Replaces the version of `course.yaml` (for CI, e.g. from a git tag).
    pub version: Option<String>,
    /// Print a JSON report on stdout instead of one line per artifact.
    pub json: bool,
    /// SCORM 1.2: the whole package as one SCO (`--sco-per package`).
    pub single_sco: bool,
}

/// One written artifact, as the JSON report lists it.
#[derive(Debug, Serialize)]
pub struct Artifact {
    /// File or folder name inside the output folder.
    pub name: String,
    /// Package id.
    pub package: String,
    /// Language code.
    pub language: &'static str,
    /// Format name.
    pub format: &'static str,
    /// Version written into the artifact.
    pub version: String,
    /// Size in bytes (all files, for a folder).
    pub size: u64,
    /// SHA-256 of the zip; for a folder, of its `SHA256SUMS`-style file list.
    pub sha256: String,
    #[serde(skip)]
    files: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Report<'a> {
    version: Option<&'a str>,
    artifacts: &'a [Artifact],
    diagnostics: &'a [Diagnostic],
}

/// Runs the build. Nothing is written when the check fails.
pub fn run(options: &BuildOptions, report: &Reporter) -> anyhow::Result<Outcome> {
    let CheckRun {
        outcome,
        checked,
        theme,
        diagnostics,
    } = super::check::run(&options.load, report)?;
    let course = match checked.course {
        Some(course) if outcome == Outcome::Success => course,
        _ => {
            print_json(options, report, None, &[], &diagnostics)?;
            return Ok(Outcome::Failure);
        }
    };
    let course = with_version(course, options.version.as_deref())?;
    let formats = formats(&options.formats)?;
    check_selection(&course, &options.selection)?;
    let templates = Templates::new(&theme, &course)?;
    let singles = single_sco_courses(&course, &theme, options)?;
    let jobs: Vec<(&dyn Format, usize, Lang)> = formats
        .iter()
        .flat_map(|f| {
            options
                .selection
                .pairs(&course)
                .into_iter()
                .map(move |(i, l)| (*f, i, l))
        })
        .collect();
    let progress = report.progress(jobs.len() as u64);
    // One job renders one package in one language for one format (each format has its own
    // tracking adapter) and writes it, so memory holds a package at a time per thread.
    let artifacts: Vec<Artifact> = jobs
        .par_iter()
        .map(|(format, index, lang)| {
            // `--sco-per package`: SCORM 1.2 gets the package as a course of one module.
            let (course, index) = match singles.get(index) {
                Some(single) if format.tracking() == crate::html::Tracking::Scorm12 => (single, 0),
                _ => (&course, *index),
            };
            let package = render_package(course, &templates, index, *lang, format.tracking())?;
            let artifact = write_artifact(course, *format, &package, &theme, options);
            progress.inc(1);
            artifact
        })
        .collect::<anyhow::Result<_>>()?;
    progress.finish_and_clear();
    let sums: Vec<(String, String)> = artifacts
        .iter()
        .flat_map(|a| a.files.iter().cloned())
        .collect();
    checksum::write_sums(&options.out, &sums)?;
    if !options.json {
        for a in &artifacts {
            let slash = if a.format == "web" { "/" } else { "" };
            report.result(&format!(
                "wrote {}{slash} ({} bytes)",
                options.out.join(&a.name).display(),
                a.size
            ));
        }
        report.result(&format!(
            "wrote {}",
            options.out.join("SHA256SUMS").display()
        ));
    }
    print_json(
        options,
        report,
        Some(&course.version),
        &artifacts,
        &diagnostics,
    )?;
    Ok(Outcome::Success)
}

fn print_json(
    options: &BuildOptions,
    report: &Reporter,
    version: Option<&str>,
    artifacts: &[Artifact],
    diagnostics: &[Diagnostic],
) -> anyhow::Result<()> {
    if options.json {
        report.result(&serde_json::to_string_pretty(&Report {
            version,
            artifacts,
            diagnostics,
        })?);
    }
    Ok(())
}

/// With `--sco-per package`, each selected package as a course of one module (by package
/// index), checked against the SCORM 1.2 resume-state limit like any module.
fn single_sco_courses(
    course: &Course,
    theme: &crate::theme::Theme,
    options: &BuildOptions,
) -> anyhow::Result<std::collections::BTreeMap<usize, Course>> {
    let mut out = std::collections::BTreeMap::new();
    if !options.single_sco {
        return Ok(out);
    }
    let titles = course
        .languages
        .iter()
        .map(|&l| {
            Ok((
                l,
                theme
                    .strings(l)?
                    .get("package.overview")
                    .cloned()
                    .unwrap_or_default(),
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    for (index, package) in course
        .packages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.modules.is_empty())
    {
        let single = crate::model::merge::single_module_course(course, package, &titles);
        let module = &single.modules[&package.id];
        let pages = module
            .texts
            .values()
            .map(|t| t.pages.len())
            .max()
            .unwrap_or(0);
        let size = crate::check::suspend_data_worst_case(pages, module.quiz.as_ref());
        if size > 4096 {
            bail!("package `{}` as one SCO could need {size} characters of SCORM 1.2 suspend data (the limit is 4096): build it with one SCO per module", package.id);
        }
        out.insert(index, single);
    }
    Ok(out)
}

fn with_version(mut course: Course, version: Option<&str>) -> anyhow::Result<Course> {
    if let Some(v) = version {
        let v = v.strip_prefix('v').unwrap_or(v);
        if !crate::check::is_valid_version(v) {
            bail!("`--version {v}` is not a valid version: write MAJOR.MINOR.PATCH, optionally with -prerelease (a leading `v` is dropped)");
        }
        course.version = v.to_string();
    }
    Ok(course)
}

fn check_selection(course: &Course, selection: &Selection) -> anyhow::Result<()> {
    for id in &selection.packages {
        if !course.packages.iter().any(|p| &p.id == id) {
            let ids: Vec<&str> = course.packages.iter().map(|p| p.id.as_str()).collect();
            bail!(
                "no package `{id}` in this course; {}",
                crate::suggest::help_for(id, &ids)
            );
        }
    }
    for lang in &selection.langs {
        if !course.languages.contains(lang) {
            bail!("the course has no `{}` version", lang.code());
        }
    }
    Ok(())
}

fn write_artifact(
    course: &Course,
    format: &dyn Format,
    package: &RenderedPackage,
    theme: &crate::theme::Theme,
    options: &BuildOptions,
) -> anyhow::Result<Artifact> {
    let plan = format.plan(course, package, theme)?;
    let name = format::artifact_name(course, package, format);
    let (name, files) = match format.output() {
        Output::Dir => {
            let path = dir::write(&plan, &options.out, &name)?;
            (name.clone(), checksum::of_dir(&path, &name)?)
        }
        Output::Zip => {
            let path = zip::write(&plan, &options.out, &name, zip::timestamp(&course.version))?;
            let file = format!("{name}.zip");
            (file.clone(), vec![(file, checksum::of_file(&path)?)])
        }
    };
    let size = files
        .iter()
        .map(|(path, _)| std::fs::metadata(options.out.join(path)).map(|m| m.len()))
        .sum::<std::io::Result<u64>>()
        .context("cannot measure the artifact")?;
    let sha256 = if files.len() == 1 {
        files[0].1.clone()
    } else {
        checksum::of_list(&files)
    };
    Ok(Artifact {
        name,
        package: package.package.clone(),
        language: package.lang.code(),
        format: format.name(),
        version: course.version.clone(),
        size,
        sha256,
        files,
    })
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
