//! Formats: a rendered package → a [`Plan`] of the files one artifact holds.
//!
//! Pure: nothing here touches the disk. A format adds its manifest and its tracking adapter
//! to the shared rendered documents; a new format is one new file plus one line in [`ALL`].

pub mod cmi5;
pub mod scorm12;
pub mod tincan;
pub mod web;

use crate::html::Tracking;

use crate::model::Course;
use crate::package::{Contents, Plan};
use crate::rendered::RenderedPackage;
use crate::theme::Theme;

/// How an artifact is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A folder that works from disk or any static host.
    Dir,
    /// A zip an LMS imports.
    Zip,
}

/// An output format.
pub trait Format: Sync {
    /// The `--format` name, also the last part of artifact names.
    fn name(&self) -> &'static str;
    /// The tracking adapter its documents load.
    fn tracking(&self) -> Tracking;
    /// Folder or zip.
    fn output(&self) -> Output;
    /// The files of one artifact.
    fn plan(
        &self,
        course: &Course,
        package: &RenderedPackage,
        theme: &Theme,
    ) -> anyhow::Result<Plan>;
}

/// Every format, in the order builds run them.
pub static ALL: &[&dyn Format] = &[&web::Web, &scorm12::Scorm12, &cmi5::Cmi5, &tincan::Tincan];

/// The format called `name`.
pub fn by_name(name: &str) -> Option<&'static dyn Format> {
    ALL.iter().copied().find(|f| f.name() == name)
}

/// The name of an artifact: `<course>-<package>-<version>-<lang>-<format>`.
pub fn artifact_name(course: &Course, package: &RenderedPackage, format: &dyn Format) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        course.id,
        package.package,
        course.version,
        package.lang.code(),
        format.name()
    )
}

/// Adds each module document with the files it uses; returns, per module, the paths added.
pub fn add_modules(plan: &mut Plan, package: &RenderedPackage) -> anyhow::Result<Vec<Vec<String>>> {
    let mut lists = Vec::new();
    for module in &package.modules {
        let dir = format!("modules/{}", module.id);
        let mut paths = vec![format!("{dir}/index.html")];
        plan.add(
            paths[0].clone(),
            Contents::Generated(module.html.clone().into_bytes()),
        )?;
        for asset in &module.assets {
            let path = format!("{dir}/{}", asset.rel);
            plan.add(path.clone(), Contents::Copy(asset.abs.clone()))?;
            paths.push(path);
        }
        lists.push(paths);
    }
    Ok(lists)
}

/// Whether a theme asset belongs in a package with `tracking`: each package ships the
/// standalone adapter (every adapter's fallback) and its own, never the others', so the
/// runtime stays small. Adapters are named `tracking-<standard>.js`; `xapi*.js` serve the two
/// xAPI standards; `suspend.js` SCORM 1.2; `menu.js` the formats with a menu page.
fn ships(path: &str, tracking: Tracking) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let own = match tracking {
        Tracking::Standalone => "standalone",
        Tracking::Scorm12 => "scorm12",
        Tracking::Cmi5 => "cmi5",
        Tracking::Tincan => "tincan",
    };
    if let Some(standard) = name
        .strip_prefix("tracking-")
        .and_then(|n| n.strip_suffix(".js"))
    {
        return standard == own || standard == "standalone";
    }
    match name {
        n if n.starts_with("xapi") && n.ends_with(".js") => {
            matches!(tracking, Tracking::Cmi5 | Tracking::Tincan)
        }
        // The resume-state codec serves SCORM 1.2 only; the menu script, formats with a menu.
        "suspend.js" => tracking == Tracking::Scorm12,
        "menu.js" => matches!(tracking, Tracking::Standalone | Tracking::Tincan),
        _ => true,
    }
}

/// Adds the theme's assets that a package with `tracking` uses; returns the paths added.
pub fn add_theme(
    plan: &mut Plan,
    theme: &Theme,
    tracking: Tracking,
) -> anyhow::Result<Vec<String>> {
    let mut paths = Vec::new();
    for (path, bytes) in theme.assets().filter(|(p, _)| ships(p, tracking)) {
        plan.add(path, Contents::Generated(bytes.to_vec()))?;
        paths.push(path.to_string());
    }
    Ok(paths)
}

/// The files of a self-contained site: the menu page, the module documents and the theme.
pub fn site_plan(
    package: &RenderedPackage,
    theme: &Theme,
    tracking: Tracking,
) -> anyhow::Result<Plan> {
    let mut plan = Plan::default();
    plan.add(
        "index.html",
        Contents::Generated(package.index_html.clone().into_bytes()),
    )?;
    add_modules(&mut plan, package)?;
    add_theme(&mut plan, theme, tracking)?;
    Ok(plan)
}

/// The model of a rendered package.
pub fn model_package<'c>(
    course: &'c Course,
    package: &RenderedPackage,
) -> anyhow::Result<&'c crate::model::Package> {
    course
        .packages
        .iter()
        .find(|p| p.id == package.package)
        .ok_or_else(|| anyhow::anyhow!("package `{}` is not in the course", package.package))
}
