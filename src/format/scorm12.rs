//! The SCORM 1.2 format: one zip per package and language, one SCO per module (the LMS
//! tracks each module on its own), the theme in one shared asset resource, the SCORM 1.2
//! runtime adapter, `imsmanifest.xml` and the four control files at the root.

use super::{add_modules, add_theme, model_package, Format, Output};
use crate::html::Tracking;
use crate::manifest::imsmanifest;
use crate::model::Course;
use crate::package::{Contents, Plan};
use crate::rendered::RenderedPackage;
use crate::theme::Theme;

/// The control files every SCORM 1.2 package carries at its root (see `scorm12_control/`).
pub const CONTROL_FILES: [(&str, &[u8]); 4] = [
    (
        "adlcp_rootv1p2.xsd",
        include_bytes!("scorm12_control/adlcp_rootv1p2.xsd"),
    ),
    ("ims_xml.xsd", include_bytes!("scorm12_control/ims_xml.xsd")),
    (
        "imscp_rootv1p1p2.xsd",
        include_bytes!("scorm12_control/imscp_rootv1p1p2.xsd"),
    ),
    (
        "imsmd_rootv1p2p1.xsd",
        include_bytes!("scorm12_control/imsmd_rootv1p2p1.xsd"),
    ),
];

/// See the module documentation.
pub struct Scorm12;

impl Format for Scorm12 {
    fn name(&self) -> &'static str {
        "scorm12"
    }

    fn tracking(&self) -> Tracking {
        Tracking::Scorm12
    }

    fn output(&self) -> Output {
        Output::Zip
    }

    fn plan(
        &self,
        course: &Course,
        package: &RenderedPackage,
        theme: &Theme,
    ) -> anyhow::Result<Plan> {
        let mut plan = Plan::default();
        let modules = add_modules(&mut plan, package)?;
        let shared = add_theme(&mut plan, theme, self.tracking())?;
        let files = imsmanifest::Files {
            modules: modules
                .iter()
                .map(|m| m.iter().map(String::as_str).collect())
                .collect(),
            shared: shared.iter().map(String::as_str).collect(),
        };
        let manifest = imsmanifest::build(
            course,
            model_package(course, package)?,
            package.lang,
            &files,
        );
        plan.add(
            "imsmanifest.xml",
            Contents::Generated(manifest.into_bytes()),
        )?;
        for (name, bytes) in CONTROL_FILES {
            plan.add(name, Contents::Generated(bytes.to_vec()))?;
        }
        Ok(plan)
    }
}
