//! `coursepack inspect`: print what an LMS will see in a SCORM 1.2 zip, and every problem.

use super::Outcome;
use crate::inspect::{inspect, Inspection};
use crate::report::Reporter;
use std::path::Path;

/// Inspects `zip` and prints the summary and findings.
pub fn run(zip: &Path, report: &Reporter) -> anyhow::Result<Outcome> {
    let inspection = inspect(zip)?;
    for line in summary(zip, &inspection) {
        report.result(&line);
    }
    for f in &inspection.findings {
        if f.error {
            report.error(&f.message);
        } else {
            report.warn(&f.message);
        }
    }
    let errors = inspection.findings.iter().filter(|f| f.error).count();
    report.result(&if errors == 0 {
        "result: no errors".to_string()
    } else {
        format!("result: {}", crate::diag::count(errors, "error"))
    });
    Ok(if inspection.has_errors() {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

fn summary(zip: &Path, i: &Inspection) -> Vec<String> {
    let mut lines = vec![format!(
        "package: {} ({})",
        zip.display(),
        crate::diag::count(i.file_count, "file")
    )];
    let Some(m) = &i.manifest else { return lines };
    lines.push(format!(
        "manifest: {} version {}",
        m.identifier,
        m.version.as_deref().unwrap_or("(none)")
    ));
    lines.push(format!("schema: {}", i.schema));
    for (id, title) in m.organizations.iter().zip(&m.organization_titles) {
        let default = if m.default_organization.as_ref() == Some(id) {
            " (default)"
        } else {
            ""
        };
        lines.push(format!("organization {id}{default}: {title}"));
    }
    for item in &m.items {
        let indent = "  ".repeat(item.depth);
        let target = item
            .identifierref
            .as_ref()
            .map_or("folder".to_string(), |r| {
                let res = m.resources.iter().find(|x| &x.identifier == r);
                let kind = res.and_then(|x| x.scorm_type.clone()).unwrap_or_default();
                let href = res.and_then(|x| x.href.clone()).unwrap_or_default();
                format!("{r} ({kind} {href})")
            });
        let mut extra = String::new();
        if let Some(s) = &item.mastery_score {
            extra.push_str(&format!(", mastery score {s}"));
        }
        if let Some(p) = &item.prerequisites {
            extra.push_str(&format!(", requires {p}"));
        }
        lines.push(format!(
            "{indent}{} \"{}\" -> {target}{extra}",
            item.identifier, item.title
        ));
    }
    let scos = m
        .resources
        .iter()
        .filter(|r| r.scorm_type.as_deref() == Some("sco"))
        .count();
    lines.push(format!(
        "resources: {} ({} SCO, {} asset)",
        m.resources.len(),
        scos,
        m.resources.len() - scos
    ));
    lines
}
