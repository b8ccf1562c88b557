//! The cmi5 format: one zip per package and language with `cmi5.xml` at the root, one AU
//! per module, and the cmi5 launch adapter. The LMS shows the course structure, so there is
//! no menu page.

use super::{add_modules, add_theme, model_package, Format, Output};
use crate::html::Tracking;
use crate::manifest::cmi5_xml;
use crate::model::Course;
use crate::package::{Contents, Plan};
use crate::rendered::RenderedPackage;
use crate::theme::Theme;

/// See the module documentation.
pub struct Cmi5;

impl Format for Cmi5 {
    fn name(&self) -> &'static str {
        "cmi5"
    }

    fn tracking(&self) -> Tracking {
        Tracking::Cmi5
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
        add_modules(&mut plan, package)?;
        add_theme(&mut plan, theme, self.tracking())?;
        let xml = cmi5_xml::build(course, model_package(course, package)?, package.lang);
        plan.add("cmi5.xml", Contents::Generated(xml.into_bytes()))?;
        Ok(plan)
    }
}
