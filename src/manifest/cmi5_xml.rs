//! `cmi5.xml`: the course structure an LMS imports: the package as the cmi5 course, one AU
//! per module, with `moveOn` and `masteryScore` from the module's test.

use super::{document, element, finish, text_element, xapi_ids, Xml};
use crate::model::{Course, Lang, Localized, Package};
use std::io;

/// Builds the course structure of `package` in `lang`.
pub fn build(course: &Course, package: &Package, lang: Lang) -> String {
    let mut w = document();
    // Writing into a Vec cannot fail.
    let _ = structure(&mut w, course, package, lang);
    finish(w)
}

fn texts(w: &mut Xml, lang: Lang, title: &Localized, description: &Localized) -> io::Result<()> {
    element(w, "title", &[], |w| {
        text_element(w, "langstring", &[("lang", lang.tag())], title.str(lang))
    })?;
    element(w, "description", &[], |w| {
        text_element(
            w,
            "langstring",
            &[("lang", lang.tag())],
            description.str(lang),
        )
    })
}

fn structure(w: &mut Xml, course: &Course, package: &Package, lang: Lang) -> io::Result<()> {
    let ns = [(
        "xmlns",
        "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd",
    )];
    element(w, "courseStructure", &ns, |w| {
        let id = xapi_ids::package(course, &package.id);
        element(w, "course", &[("id", id.as_str())], |w| {
            texts(w, lang, &package.title, &course.description)
        })?;
        for module_id in &package.modules {
            let module = &course.modules[module_id];
            let au_id = xapi_ids::module(course, module_id);
            let test = module
                .quiz
                .as_ref()
                .filter(|q| q.test_questions().next().is_some());
            let mastery = test.map(|q| mastery_score(q.settings.pass_mark));
            let mut attrs = vec![
                ("id", au_id.as_str()),
                (
                    "moveOn",
                    if test.is_some() {
                        "CompletedAndPassed"
                    } else {
                        "Completed"
                    },
                ),
                ("launchMethod", "AnyWindow"),
                ("activityType", "http://adlnet.gov/expapi/activities/module"),
            ];
            if let Some(m) = &mastery {
                attrs.push(("masteryScore", m));
            }
            element(w, "au", &attrs, |w| {
                texts(w, lang, &module.title, &module.description)?;
                text_element(w, "url", &[], &format!("modules/{module_id}/index.html"))
            })?;
        }
        Ok(())
    })
}

/// A pass mark in percent as cmi5's 0…1 decimal: `80` → `0.8`.
pub fn mastery_score(pass_mark: u8) -> String {
    let s = format!("{:.2}", f64::from(pass_mark) / 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn mastery_scores() {
        assert_eq!(super::mastery_score(80), "0.8");
        assert_eq!(super::mastery_score(75), "0.75");
        assert_eq!(super::mastery_score(100), "1");
        assert_eq!(super::mastery_score(0), "0");
    }
}
