//! Activity IRIs for xAPI, derived from the course's `activity_iri_base` and ids only, so
//! they stay stable across builds and versions, and are the same in every language: a
//! learning record store reports on the same activity whichever language it was taken in.

use crate::model::Course;

/// The activity of a package (the cmi5 course, the TinCan root activity).
pub fn package(course: &Course, package: &str) -> String {
    format!("{}/packages/{package}", course.activity_iri_base)
}

/// The activity of a module (a cmi5 AU's publisher id, a TinCan module activity).
pub fn module(course: &Course, module: &str) -> String {
    format!("{}/modules/{module}", course.activity_iri_base)
}

/// The activity of a question of a module's final test.
pub fn question(course: &Course, module: &str, question: &str) -> String {
    format!(
        "{}/modules/{module}/questions/{question}",
        course.activity_iri_base
    )
}
