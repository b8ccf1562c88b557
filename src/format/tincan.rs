//! The TinCan format: one zip per package and language with `tincan.xml` at the root,
//! launching the course menu, which passes the launch parameters on to each module.

use super::{model_package, site_plan, Format, Output};
use crate::html::Tracking;
use crate::manifest::tincan_xml;
use crate::model::Course;
use crate::package::{Contents, Plan};
use crate::rendered::RenderedPackage;
use crate::theme::Theme;

/// See the module documentation.
pub struct Tincan;

impl Format for Tincan {
    fn name(&self) -> &'static str {
        "tincan"
    }

    fn tracking(&self) -> Tracking {
        Tracking::Tincan
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
        let mut plan = site_plan(package, theme, self.tracking())?;
        let xml = tincan_xml::build(course, model_package(course, package)?, package.lang);
        plan.add("tincan.xml", Contents::Generated(xml.into_bytes()))?;
        Ok(plan)
    }
}
