//! Formats: a rendered package → a [`Plan`] of the files one artifact holds.
//!
//! Pure: nothing here touches the disk. A format adds its manifest and its tracking adapter
//! to the shared rendered documents; a new format is one new file plus one line in [`ALL`].

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
pub static ALL: &[&dyn Format] = &[&web::Web];

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

/// The files every format shares: the menu page, each module document with the files it
/// uses, and the theme's assets.
pub fn common_plan(package: &RenderedPackage, theme: &Theme) -> anyhow::Result<Plan> {
    let mut plan = Plan::default();
    plan.add(
        "index.html",
        Contents::Generated(package.index_html.clone().into_bytes()),
    )?;
    for module in &package.modules {
        let dir = format!("modules/{}", module.id);
        plan.add(
            format!("{dir}/index.html"),
            Contents::Generated(module.html.clone().into_bytes()),
        )?;
        for asset in &module.assets {
            plan.add(
                format!("{dir}/{}", asset.rel),
                Contents::Copy(asset.abs.clone()),
            )?;
        }
    }
    for (path, bytes) in theme.assets() {
        plan.add(path, Contents::Generated(bytes.to_vec()))?;
    }
    Ok(plan)
}
