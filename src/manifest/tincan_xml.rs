//! `tincan.xml`: the package activity first (with the launch of the course menu), then one
//! activity per module and one per final-test question, so reporting tools can name them.
//! Moodle's TinCan launcher takes the first activity as the root: the course-level
//! statements must use that activity id.

use super::{document, element, finish, text_element, xapi_ids, Xml};
use crate::model::quiz::{Question, QuestionKind};
use crate::model::{Course, Lang, Package};
use std::io;

/// Builds `tincan.xml` for `package` in `lang`.
pub fn build(course: &Course, package: &Package, lang: Lang) -> String {
    let mut w = document();
    // Writing into a Vec cannot fail.
    let _ = tincan(&mut w, course, package, lang);
    finish(w)
}

fn tincan(w: &mut Xml, course: &Course, package: &Package, lang: Lang) -> io::Result<()> {
    let tag = [("lang", lang.tag())];
    element(
        w,
        "tincan",
        &[("xmlns", "http://projecttincan.com/tincan.xsd")],
        |w| {
            element(w, "activities", &[], |w| {
                let root = xapi_ids::package(course, &package.id);
                let attrs = [
                    ("id", root.as_str()),
                    ("type", "http://adlnet.gov/expapi/activities/course"),
                ];
                element(w, "activity", &attrs, |w| {
                    text_element(w, "name", &tag, package.title.str(lang))?;
                    text_element(w, "description", &tag, course.description.str(lang))?;
                    text_element(w, "launch", &tag, "index.html")
                })?;
                for id in &package.modules {
                    let module = &course.modules[id];
                    let iri = xapi_ids::module(course, id);
                    let attrs = [
                        ("id", iri.as_str()),
                        ("type", "http://adlnet.gov/expapi/activities/module"),
                    ];
                    element(w, "activity", &attrs, |w| {
                        text_element(w, "name", &tag, module.title.str(lang))?;
                        text_element(w, "description", &tag, module.description.str(lang))
                    })?;
                    for q in module.quiz.iter().flat_map(|q| q.test_questions()) {
                        question(w, course, id, q, lang)?;
                    }
                }
                Ok(())
            })
        },
    )
}

fn question(
    w: &mut Xml,
    course: &Course,
    module: &str,
    q: &Question,
    lang: Lang,
) -> io::Result<()> {
    let tag = [("lang", lang.tag())];
    let iri = xapi_ids::question(course, module, &q.id);
    let attrs = [
        ("id", iri.as_str()),
        (
            "type",
            "http://adlnet.gov/expapi/activities/cmi.interaction",
        ),
    ];
    let interaction = crate::interaction::xapi(q);
    element(w, "activity", &attrs, |w| {
        text_element(w, "name", &tag, &q.id)?;
        text_element(w, "description", &tag, q.prompt.str(lang))?;
        text_element(w, "interactionType", &[], interaction.kind)?;
        element(w, "correctResponsePatterns", &[], |w| {
            for pattern in &interaction.patterns {
                text_element(w, "correctResponsePattern", &[], pattern)?;
            }
            Ok(())
        })?;
        let components = |w: &mut Xml, list: &str, items: Vec<(&str, &str)>| {
            element(w, list, &[], |w| {
                for (id, text) in items {
                    element(w, "component", &[], |w| {
                        text_element(w, "id", &[], id)?;
                        text_element(w, "description", &tag, text)
                    })?;
                }
                Ok(())
            })
        };
        match &q.kind {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                components(
                    w,
                    "choices",
                    options
                        .iter()
                        .map(|o| (o.id.as_str(), o.text.str(lang)))
                        .collect(),
                )
            }
            QuestionKind::Sequencing { items } => components(
                w,
                "choices",
                items
                    .iter()
                    .map(|i| (i.id.as_str(), i.text.str(lang)))
                    .collect(),
            ),
            QuestionKind::Matching { pairs } => {
                components(
                    w,
                    "source",
                    pairs
                        .iter()
                        .map(|p| (p.id.as_str(), p.source.str(lang)))
                        .collect(),
                )?;
                components(
                    w,
                    "target",
                    pairs
                        .iter()
                        .map(|p| (p.id.as_str(), p.target.str(lang)))
                        .collect(),
                )
            }
            _ => Ok(()),
        }
    })
}
