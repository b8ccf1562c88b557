//! Rule: the SCORM 1.2 resume state of a module always fits in `cmi.suspend_data`.
//! Code: E416. The codec is specified in `docs/suspend-data.md`; the browser runtime's
//! `suspend.js` implements it, and this computes its largest possible output.

use super::Ctx;
use crate::diag::{Diagnostic, Span};
use crate::model::quiz::{Question, QuestionKind, Quiz};
use std::path::Path;

/// SCORM 1.2 `cmi.suspend_data` is a CMIString4096.
pub(crate) const LIMIT: usize = 4096;

/// Length in base 36 of `n`.
fn base36_len(mut n: u64) -> usize {
    let mut len = 1;
    while n >= 36 {
        n /= 36;
        len += 1;
    }
    len
}

/// The longest text a fill-in input accepts, in UTF-16 units (see the codec).
pub fn fill_in_max_len(answers: &[String]) -> usize {
    let longest = answers
        .iter()
        .map(|a| a.encode_utf16().count())
        .max()
        .unwrap_or(0);
    (longest * 2).clamp(40, 255)
}

/// The largest answer entry of a question.
fn answer_len(q: &Question) -> usize {
    match &q.kind {
        QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } => 1,
        QuestionKind::Multiple { options, .. } => options.len(),
        // encodeURIComponent turns one UTF-16 unit into at most 9 characters (%XX%XX%XX).
        QuestionKind::FillIn { answers, .. } => 9 * fill_in_max_len(answers),
        QuestionKind::Numeric { .. } => 20,
        QuestionKind::Matching { pairs } => pairs.len(),
        QuestionKind::Sequencing { items } => items.len(),
    }
}

/// The largest suspend-data string a module with `pages` pages of text and `quiz` can
/// produce (the final test, when there is one, is one more page).
pub fn worst_case(pages: usize, quiz: Option<&Quiz>) -> usize {
    let test = quiz.is_some_and(|q| q.test_questions().next().is_some());
    let fixed = 1 + 1 + (pages + usize::from(test)).div_ceil(4) + 1 + 1 + 1;
    let Some(quiz) = quiz.filter(|_| test) else {
        // Four empty test fields: "|||".
        return fixed + 3;
    };
    let attempts = match quiz.settings.max_attempts {
        0 => 4,
        n => base36_len(u64::from(n)),
    };
    let mut answers: Vec<usize> = quiz.test_questions().map(answer_len).collect();
    answers.sort_unstable_by(|a, b| b.cmp(a));
    let asked = quiz.asked();
    let answers_len: usize = answers.iter().take(asked).sum::<usize>() + asked.saturating_sub(1);
    fixed + attempts + 1 + 3 + 1 + 7 + 1 + answers_len
}

/// Reports a module whose worst case exceeds the limit.
pub(super) fn judge(ctx: &mut Ctx, dir: &Path, pages: usize, quiz: Option<&Quiz>) {
    let size = worst_case(pages, quiz);
    if size > LIMIT {
        ctx.diags.push(
            Diagnostic::error("E416", Span::file(dir.join("quiz.yaml")), format!(
                "the module's SCORM 1.2 resume state can reach {size} characters, {} over the limit of {LIMIT}",
                size - LIMIT
            ))
            .with_help("lower `draw`, shorten the longest fill-in answers, or use fewer options; see docs/suspend-data.md"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quiz::{Feedback, QuizSettings, Role};
    use crate::model::Localized;

    fn quiz(kinds: Vec<QuestionKind>, draw: Option<u32>, max_attempts: u32) -> Quiz {
        Quiz {
            settings: QuizSettings {
                pass_mark: 80,
                shuffle_questions: true,
                shuffle_options: true,
                draw,
                max_attempts,
            },
            questions: kinds
                .into_iter()
                .enumerate()
                .map(|(i, kind)| Question {
                    id: format!("q{i}"),
                    role: Role::Test,
                    weight: 1,
                    prompt: Localized::default(),
                    kind,
                    feedback: Feedback::default(),
                })
                .collect(),
        }
    }

    #[test]
    fn base36_lengths() {
        assert_eq!(base36_len(0), 1);
        assert_eq!(base36_len(35), 1);
        assert_eq!(base36_len(36), 2);
    }

    #[test]
    fn a_module_without_test_is_tiny() {
        // Version, 16 pages seen, flags, and four empty test fields.
        assert_eq!(worst_case(16, None), "1|ffff|0||||".len());
    }

    #[test]
    fn the_largest_answers_are_counted_for_the_drawn_questions() {
        let q = quiz(
            vec![
                QuestionKind::TrueFalse { answer: true },
                QuestionKind::Numeric {
                    answer: 1.0,
                    tolerance: 0.0,
                },
            ],
            Some(1),
            3,
        );
        // 7 pages and the test page: "1|ff|f|3|100|zzzzzzz|" and a numeric answer of 20.
        assert_eq!(worst_case(7, Some(&q)), "1|ff|f|3|100|zzzzzzz|".len() + 20);
    }

    #[test]
    fn ten_long_fill_ins_do_not_fit() {
        let long = "x".repeat(200);
        let kinds = (0..10)
            .map(|_| QuestionKind::FillIn {
                answers: vec![long.clone()],
                case_sensitive: false,
            })
            .collect();
        let size = worst_case(12, Some(&quiz(kinds, None, 0)));
        assert!(size > LIMIT, "{size}");
        assert_eq!(fill_in_max_len(&[long]), 255);
        assert_eq!(fill_in_max_len(&["itsme".to_string()]), 40);
    }
}
