//! How each question type is reported: SCORM 1.2 `cmi.interactions` types and correct
//! patterns, and xAPI `interactionType` and `correctResponsesPattern`.
//!
//! The correct patterns are computed here, once, from the answer keys, and handed to the
//! browser runtime in its data; the runtime only encodes what the learner answered.

use crate::model::quiz::{Question, QuestionKind};

/// An interaction's type and correct-response patterns in one standard's vocabulary.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Interaction {
    /// `cmi.interactions.n.type` (SCORM 1.2) or `interactionType` (xAPI).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The first (SCORM: only) correct pattern.
    pub pattern: String,
    /// Every correct pattern (xAPI accepts any of them).
    pub patterns: Vec<String>,
}

/// SCORM 1.2 identifies choices by one character of `0-9a-z`; we give `a`…`z`, then `0`…`9`
/// in source order (`check` refuses more than 36 options).
pub fn scorm_char(index: usize) -> char {
    const CHARS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    CHARS[index % 36] as char
}

fn number(n: f64) -> String {
    format!("{n}")
}

fn one(kind: &'static str, pattern: String) -> Interaction {
    Interaction {
        kind,
        patterns: vec![pattern.clone()],
        pattern,
    }
}

/// The SCORM 1.2 interaction of a question.
pub fn scorm12(q: &Question) -> Interaction {
    let chars = |indexes: &mut dyn Iterator<Item = usize>| {
        indexes
            .map(|i| scorm_char(i).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    match &q.kind {
        QuestionKind::TrueFalse { answer } => {
            one("true-false", if *answer { "t" } else { "f" }.into())
        }
        QuestionKind::Single { correct, .. } => one("choice", scorm_char(*correct).to_string()),
        QuestionKind::Multiple { correct, .. } => one(
            "choice",
            format!("{{{}}}", chars(&mut correct.iter().copied())),
        ),
        QuestionKind::FillIn { answers, .. } => {
            one("fill-in", answers[0].chars().take(255).collect())
        }
        QuestionKind::Numeric { answer, .. } => one("numeric", number(*answer)),
        QuestionKind::Matching { pairs } => one(
            "matching",
            (0..pairs.len())
                .map(|i| format!("{0}.{0}", scorm_char(i)))
                .collect::<Vec<_>>()
                .join(","),
        ),
        QuestionKind::Sequencing { items } => one("sequencing", chars(&mut (0..items.len()))),
    }
}

/// The xAPI interaction of a question.
pub fn xapi(q: &Question) -> Interaction {
    match &q.kind {
        QuestionKind::TrueFalse { answer } => one("true-false", answer.to_string()),
        QuestionKind::Single { options, correct } => one("choice", options[*correct].id.clone()),
        QuestionKind::Multiple { options, correct } => one(
            "choice",
            correct
                .iter()
                .map(|&i| options[i].id.as_str())
                .collect::<Vec<_>>()
                .join("[,]"),
        ),
        QuestionKind::FillIn {
            answers,
            case_sensitive,
        } => {
            let patterns: Vec<String> = answers
                .iter()
                .map(|a| format!("{{case_matters={case_sensitive}}}{a}"))
                .collect();
            Interaction {
                kind: "fill-in",
                pattern: patterns[0].clone(),
                patterns,
            }
        }
        QuestionKind::Numeric { answer, tolerance } if *tolerance > 0.0 => one(
            "numeric",
            format!(
                "{}[:]{}",
                number(answer - tolerance),
                number(answer + tolerance)
            ),
        ),
        QuestionKind::Numeric { answer, .. } => one("numeric", number(*answer)),
        QuestionKind::Matching { pairs } => one(
            "matching",
            pairs
                .iter()
                .map(|p| format!("{0}[.]{0}", p.id))
                .collect::<Vec<_>>()
                .join("[,]"),
        ),
        QuestionKind::Sequencing { items } => one(
            "sequencing",
            items
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
                .join("[,]"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quiz::{Choice, Feedback, Item, Pair, Role};
    use crate::model::Localized;

    /// Matching pairs with these ids and empty texts: only the ids reach the patterns.
    fn pairs(ids: &[&str]) -> Vec<Pair> {
        ids.iter()
            .map(|id| Pair {
                id: id.to_string(),
                source: Localized::default(),
                target: Localized::default(),
            })
            .collect()
    }

    fn q(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            role: Role::Test,
            weight: 1,
            prompt: Localized::default(),
            kind,
            feedback: Feedback::default(),
        }
    }

    fn choices(ids: &[&str]) -> Vec<Choice> {
        ids.iter()
            .map(|id| Choice {
                id: id.to_string(),
                text: Localized::default(),
                feedback: None,
            })
            .collect()
    }

    #[test]
    fn choice_characters_cover_36_options() {
        assert_eq!(scorm_char(0), 'a');
        assert_eq!(scorm_char(25), 'z');
        assert_eq!(scorm_char(26), '0');
        assert_eq!(scorm_char(35), '9');
    }

    #[test]
    fn scorm12_patterns() {
        let s = |k| scorm12(&q(k)).pattern;
        assert_eq!(s(QuestionKind::TrueFalse { answer: false }), "f");
        assert_eq!(
            s(QuestionKind::Single {
                options: choices(&["x", "y"]),
                correct: 1
            }),
            "b"
        );
        assert_eq!(
            s(QuestionKind::Multiple {
                options: choices(&["x", "y", "z"]),
                correct: vec![0, 2]
            }),
            "{a,c}"
        );
        assert_eq!(
            s(QuestionKind::FillIn {
                answers: vec!["itsme".into()],
                case_sensitive: false
            }),
            "itsme"
        );
        assert_eq!(
            s(QuestionKind::Numeric {
                answer: 1765.0,
                tolerance: 0.0
            }),
            "1765"
        );
        let pairs = pairs(&["p", "r"]);
        assert_eq!(s(QuestionKind::Matching { pairs }), "a.a,b.b");
        let items = ["i", "j", "k"]
            .iter()
            .map(|id| Item {
                id: id.to_string(),
                text: Localized::default(),
            })
            .collect();
        assert_eq!(
            scorm12(&q(QuestionKind::Sequencing { items })),
            one("sequencing", "a,b,c".into())
        );
    }

    #[test]
    fn xapi_patterns() {
        let x = |k| xapi(&q(k));
        assert_eq!(x(QuestionKind::TrueFalse { answer: true }).pattern, "true");
        assert_eq!(
            x(QuestionKind::Multiple {
                options: choices(&["x", "y", "z"]),
                correct: vec![0, 2]
            })
            .pattern,
            "x[,]z"
        );
        let fill = x(QuestionKind::FillIn {
            answers: vec!["itsme".into(), "it's me".into()],
            case_sensitive: false,
        });
        assert_eq!(
            fill.patterns,
            ["{case_matters=false}itsme", "{case_matters=false}it's me"]
        );
        assert_eq!(
            x(QuestionKind::Numeric {
                answer: 66.0,
                tolerance: 1.0
            })
            .pattern,
            "65[:]67"
        );
        let pairs = pairs(&["p", "r"]);
        assert_eq!(x(QuestionKind::Matching { pairs }).pattern, "p[.]p[,]r[.]r");
    }
}
