//! The web format: a static site per package and language that works from disk (open
//! `index.html`) and from any static host, with progress kept in the browser.

use super::{site_plan, Format, Output};
use crate::html::Tracking;
use crate::model::Course;
use crate::package::Plan;
use crate::rendered::RenderedPackage;
use crate::theme::Theme;

/// See the module documentation.
pub struct Web;

impl Format for Web {
    fn name(&self) -> &'static str {
        "web"
    }

    fn tracking(&self) -> Tracking {
        Tracking::Standalone
    }

    fn output(&self) -> Output {
        Output::Dir
    }

    fn plan(
        &self,
        _course: &Course,
        package: &RenderedPackage,
        theme: &Theme,
    ) -> anyhow::Result<Plan> {
        site_plan(package, theme, self.tracking())
    }
}
