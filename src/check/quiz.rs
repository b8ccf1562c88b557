//! `quiz.yaml`: test settings and questions, each with exactly one valid answer key.
//!
//! Codes: E401 no correct answer, E402 a `single` with more than one correct option, E403
//! pass mark outside 0-100, E404 `draw` outside 1..pool, E405 option count outside 2-36,
//! E406 a field that does not belong to the question type, E407 missing or invalid answer
//! key, E408 unknown role or type, E409 weight outside 1-100, E410 negative max attempts,
//! E414 pair or item count outside 2-10, E415 empty or overlong fill-in answer.

use super::{ids, translations, Ctx};
use crate::diag::{Diagnostic, Span};
use crate::model::quiz::{
    Choice, Feedback, Item, Pair, Question, QuestionKind, Quiz, QuizSettings, Role,
};
use crate::model::Localized;
use crate::source::schema::{FeedbackFile, LocalizedText, QuestionFile, QuizFile};
use crate::source::yaml::{parse, span_of, text_span};
use crate::source::SourceSet;
use crate::suggest;
use marked_yaml::Spanned;
use std::path::Path;

/// SCORM 1.2 encodes choices as one character of `0-9a-z`.
pub(crate) const MAX_OPTIONS: usize = 36;
/// Matching pairs and sequencing items a learner can handle on a small screen.
const MAX_PAIRS: usize = 10;
const TYPES: [&str; 7] = [
    "single",
    "multiple",
    "true-false",
    "fill-in",
    "numeric",
    "matching",
    "sequencing",
];

/// `Some(None)`: the module has no quiz. `None`: the quiz has errors (reported).
pub(super) fn load(ctx: &mut Ctx, sources: &SourceSet, dir: &Path) -> Option<Option<Quiz>> {
    let file = dir.join("quiz.yaml");
    let Some(text) = sources.text(&file) else {
        return if sources.get(&file).is_some() {
            None
        } else {
            Some(None)
        };
    };
    let raw: QuizFile = match parse(&file, text) {
        Ok(raw) => raw,
        Err(d) => {
            ctx.diags.push(d);
            return None;
        }
    };
    ids::check_unique(ctx, &file, raw.questions.iter().map(|q| &q.id), "question");
    let questions: Vec<Option<Question>> = raw
        .questions
        .iter()
        .map(|q| question(ctx, &file, q))
        .collect();
    let pool = raw
        .questions
        .iter()
        .filter(|q| q.role.as_str() == "test")
        .count();
    let settings = settings(ctx, &file, &raw, pool);
    Some(Some(Quiz {
        settings: settings?,
        questions: questions.into_iter().collect::<Option<_>>()?,
    }))
}

fn settings(ctx: &mut Ctx, file: &Path, raw: &QuizFile, pool: usize) -> Option<QuizSettings> {
    let mut ok = true;
    let pass_mark = raw.pass_mark.as_ref().map_or(80, |p| **p);
    if let Some(p) = raw
        .pass_mark
        .as_ref()
        .filter(|p| !(0..=100).contains(&***p))
    {
        ok = false;
        ctx.diags.push(
            Diagnostic::error(
                "E403",
                number_span(file, p),
                format!("pass mark {} is outside 0-100", **p),
            )
            .with_help("the pass mark is a percentage, such as `80`"),
        );
    }
    if let Some(d) = &raw.draw {
        if **d < 1 || **d as usize > pool {
            ok = false;
            ctx.diags.push(
                Diagnostic::error(
                    "E404",
                    number_span(file, d),
                    format!("`draw: {}` but the test pool has {pool} questions", **d),
                )
                .with_help(format!(
                    "draw between 1 and {pool}, or add `role: test` questions to the pool"
                )),
            );
        }
    }
    if let Some(m) = raw.max_attempts.as_ref().filter(|m| ***m < 0) {
        ok = false;
        ctx.diags.push(
            Diagnostic::error(
                "E410",
                number_span(file, m),
                "max_attempts cannot be negative",
            )
            .with_help("write 0 for unlimited attempts, or a positive number"),
        );
    }
    ok.then(|| QuizSettings {
        pass_mark: pass_mark as u8,
        shuffle_questions: raw.shuffle_questions.as_ref().is_some_and(|s| **s),
        shuffle_options: raw.shuffle_options.as_ref().is_some_and(|s| **s),
        draw: raw.draw.as_ref().map(|d| **d as u32),
        max_attempts: raw.max_attempts.as_ref().map_or(0, |m| **m as u32),
    })
}

fn number_span(file: &Path, n: &Spanned<i64>) -> Span {
    span_of(file, n, n.to_string().len())
}

fn question(ctx: &mut Ctx, file: &Path, q: &QuestionFile) -> Option<Question> {
    let id = q.id.as_str();
    let valid_id = ids::check_syntax(ctx, file, &q.id, "question");
    let role = match q.role.as_str() {
        "test" => Some(Role::Test),
        "check" => Some(Role::Check),
        other => {
            ctx.diags.push(
                Diagnostic::error(
                    "E408",
                    text_span(file, &q.role),
                    format!("unknown role `{other}`"),
                )
                .with_help(format!(
                    "{} (`test`: final test; `check`: inline knowledge check)",
                    suggest::help_for(other, &["test", "check"])
                )),
            );
            None
        }
    };
    let weight = q.weight.as_ref().map_or(1, |w| **w);
    if let Some(w) = q.weight.as_ref().filter(|w| !(1..=100).contains(&***w)) {
        ctx.diags.push(
            Diagnostic::error(
                "E409",
                number_span(file, w),
                format!("weight {} is outside 1-100", **w),
            )
            .with_help("give a whole number from 1 (default) to 100"),
        );
    }
    let prompt = translations::localized(
        ctx,
        file,
        &q.prompt,
        &format!("the prompt of question `{id}`"),
    );
    let feedback = feedback(ctx, file, q.feedback.as_ref(), id);
    let kind = kind(ctx, file, q);
    Some(Question {
        id: valid_id.then(|| id.to_string())?,
        role: role?,
        weight: u32::try_from(weight)
            .ok()
            .filter(|w| (1..=100).contains(w))?,
        prompt: prompt?,
        kind: kind?,
        feedback: feedback?,
    })
}

fn feedback(ctx: &mut Ctx, file: &Path, f: Option<&FeedbackFile>, id: &str) -> Option<Feedback> {
    let Some(f) = f else {
        return Some(Feedback::default());
    };
    let correct = opt_localized(
        ctx,
        file,
        f.correct.as_ref(),
        &format!("the correct-answer feedback of `{id}`"),
    );
    let incorrect = opt_localized(
        ctx,
        file,
        f.incorrect.as_ref(),
        &format!("the wrong-answer feedback of `{id}`"),
    );
    Some(Feedback {
        correct: correct?,
        incorrect: incorrect?,
    })
}

fn opt_localized(
    ctx: &mut Ctx,
    file: &Path,
    value: Option<&LocalizedText>,
    what: &str,
) -> Option<Option<Localized>> {
    match value {
        None => Some(None),
        Some(v) => translations::localized(ctx, file, v, what).map(Some),
    }
}

/// The answer fields a question carries, named as in YAML, with where each starts.
fn present_fields(file: &Path, q: &QuestionFile) -> Vec<(&'static str, Span)> {
    fn at<T>(
        file: &Path,
        name: &'static str,
        v: Option<&Spanned<T>>,
    ) -> Option<(&'static str, Span)> {
        v.map(|v| (name, span_of(file, v, 1)))
    }
    [
        at(file, "options", q.options.as_ref()),
        at(file, "answer", q.answer.as_ref()),
        at(file, "tolerance", q.tolerance.as_ref()),
        at(file, "answers", q.answers.as_ref()),
        at(file, "case_sensitive", q.case_sensitive.as_ref()),
        at(file, "pairs", q.pairs.as_ref()),
        at(file, "items", q.items.as_ref()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn allowed_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "single" | "multiple" => &["options"],
        "true-false" => &["answer"],
        "fill-in" => &["answers", "case_sensitive"],
        "numeric" => &["answer", "tolerance"],
        "matching" => &["pairs"],
        "sequencing" => &["items"],
        _ => &[],
    }
}

fn kind(ctx: &mut Ctx, file: &Path, q: &QuestionFile) -> Option<QuestionKind> {
    let name = q.kind.as_str();
    if !TYPES.contains(&name) {
        ctx.diags.push(
            Diagnostic::error(
                "E408",
                text_span(file, &q.kind),
                format!("unknown question type `{name}`"),
            )
            .with_help(suggest::help_for(name, &TYPES)),
        );
        return None;
    }
    let allowed = allowed_fields(name);
    let mut stray = false;
    for (field, span) in present_fields(file, q) {
        if !allowed.contains(&field) {
            stray = true;
            ctx.diags.push(
                Diagnostic::error(
                    "E406",
                    span,
                    format!("`{field}` does not apply to a `{name}` question"),
                )
                .with_help(format!(
                    "a `{name}` question takes {}",
                    suggest::quote_list(allowed)
                )),
            );
        }
    }
    let id = q.id.as_str();
    let kind = match name {
        "single" | "multiple" => choices(ctx, file, q, name == "single"),
        "true-false" => true_false(ctx, file, q),
        "fill-in" => fill_in(ctx, file, q),
        "numeric" => numeric(ctx, file, q),
        "matching" => matching(ctx, file, q, id),
        _ => sequencing(ctx, file, q, id),
    };
    if stray {
        None
    } else {
        kind
    }
}

fn missing_key(ctx: &mut Ctx, file: &Path, q: &QuestionFile, field: &str, example: &str) {
    ctx.diags.push(
        Diagnostic::error(
            "E407",
            text_span(file, &q.kind),
            format!("a `{}` question needs `{field}`", q.kind.as_str()),
        )
        .with_help(format!("add the answer key, for example `{example}`")),
    );
}

fn choices(ctx: &mut Ctx, file: &Path, q: &QuestionFile, single: bool) -> Option<QuestionKind> {
    let Some(options) = &q.options else {
        missing_key(
            ctx,
            file,
            q,
            "options",
            "options: [{ id: a, text: {…}, correct: true }, …]",
        );
        return None;
    };
    let id = q.id.as_str();
    count_in_range(
        ctx,
        file,
        options,
        2,
        MAX_OPTIONS,
        "E405",
        &format!(
            "question `{id}` has {}",
            crate::diag::count(options.len(), "option")
        ),
    );
    ids::check_unique(ctx, file, options.iter().map(|o| &o.id), "option");
    let mut built = Vec::new();
    let mut correct = Vec::new();
    for (i, o) in options.iter().enumerate() {
        ids::check_syntax(ctx, file, &o.id, "option");
        if o.correct.as_ref().is_some_and(|c| **c) {
            correct.push(i);
        }
        let what = format!("option `{}` of `{id}`", o.id.as_str());
        let text = translations::localized(ctx, file, &o.text, &what);
        let feedback = opt_localized(
            ctx,
            file,
            o.feedback.as_ref(),
            &format!("the feedback of {what}"),
        );
        built.push(Some(Choice {
            id: o.id.to_string(),
            text: text?,
            feedback: feedback?,
        }));
    }
    if correct.is_empty() {
        ctx.diags.push(
            Diagnostic::error(
                "E401",
                text_span(file, &q.id),
                format!("question `{id}` has no correct option"),
            )
            .with_help("mark the right option(s) with `correct: true`"),
        );
        return None;
    }
    if single && correct.len() > 1 {
        let second = &options[correct[1]];
        let span = second
            .correct
            .as_ref()
            .map_or_else(|| text_span(file, &second.id), |c| span_of(file, c, 4));
        ctx.diags.push(
            Diagnostic::error(
                "E402",
                span,
                format!(
                    "`single` question `{id}` has {} correct options",
                    correct.len()
                ),
            )
            .with_help("keep one `correct: true`, or make it a `multiple` question"),
        );
        return None;
    }
    let options = built.into_iter().collect::<Option<Vec<_>>>()?;
    if options.len() < 2 || options.len() > MAX_OPTIONS {
        return None;
    }
    Some(if single {
        QuestionKind::Single {
            options,
            correct: correct[0],
        }
    } else {
        QuestionKind::Multiple { options, correct }
    })
}

fn count_in_range<T>(
    ctx: &mut Ctx,
    file: &Path,
    list: &Spanned<Vec<T>>,
    min: usize,
    max: usize,
    code: &'static str,
    message: &str,
) {
    if list.len() < min || list.len() > max {
        ctx.diags.push(
            Diagnostic::error(code, span_of(file, list, 1), message.to_string())
                .with_help(format!("give between {min} and {max}")),
        );
    }
}

fn true_false(ctx: &mut Ctx, file: &Path, q: &QuestionFile) -> Option<QuestionKind> {
    let Some(answer) = &q.answer else {
        missing_key(ctx, file, q, "answer", "answer: true");
        return None;
    };
    match answer.as_str() {
        "true" => Some(QuestionKind::TrueFalse { answer: true }),
        "false" => Some(QuestionKind::TrueFalse { answer: false }),
        other => {
            ctx.diags.push(
                Diagnostic::error(
                    "E407",
                    text_span(file, answer),
                    format!("`{other}` is not `true` or `false`"),
                )
                .with_help("a true-false answer is `true` or `false`"),
            );
            None
        }
    }
}

fn fill_in(ctx: &mut Ctx, file: &Path, q: &QuestionFile) -> Option<QuestionKind> {
    let Some(answers) = &q.answers else {
        missing_key(ctx, file, q, "answers", "answers: [itsme]");
        return None;
    };
    let mut ok = !answers.is_empty();
    if answers.is_empty() {
        ctx.diags.push(
            Diagnostic::error(
                "E415",
                span_of(file, answers, 1),
                "a fill-in question needs at least one accepted answer",
            )
            .with_help("list the accepted answers, for example `answers: [itsme]`"),
        );
    }
    for a in answers.iter() {
        if a.trim().is_empty() || a.chars().count() > 255 {
            ok = false;
            ctx.diags.push(
                Diagnostic::error(
                    "E415",
                    text_span(file, a),
                    "an accepted answer must have 1 to 255 characters",
                )
                .with_help("SCORM 1.2 stores answers of at most 255 characters"),
            );
        }
    }
    ok.then(|| QuestionKind::FillIn {
        answers: answers.iter().map(|a| a.trim().to_string()).collect(),
        case_sensitive: q.case_sensitive.as_ref().is_some_and(|c| **c),
    })
}

fn numeric(ctx: &mut Ctx, file: &Path, q: &QuestionFile) -> Option<QuestionKind> {
    let Some(answer) = &q.answer else {
        missing_key(ctx, file, q, "answer", "answer: 1765");
        return None;
    };
    let value = answer.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    if value.is_none() {
        ctx.diags.push(
            Diagnostic::error(
                "E407",
                text_span(file, answer),
                format!("`{}` is not a number", answer.as_str()),
            )
            .with_help("write the answer as a number such as `1765` or `2.5`"),
        );
    }
    let tolerance = q.tolerance.as_ref().map_or(0.0, |t| **t);
    if tolerance < 0.0 || !tolerance.is_finite() {
        ctx.diags.push(
            Diagnostic::error(
                "E407",
                span_of(file, q.tolerance.as_ref()?, 1),
                "tolerance cannot be negative",
            )
            .with_help("write how far from the answer is still right, such as `0.5`"),
        );
        return None;
    }
    Some(QuestionKind::Numeric {
        answer: value?,
        tolerance,
    })
}

fn matching(ctx: &mut Ctx, file: &Path, q: &QuestionFile, id: &str) -> Option<QuestionKind> {
    let Some(pairs) = &q.pairs else {
        missing_key(
            ctx,
            file,
            q,
            "pairs",
            "pairs: [{ id: a, source: {…}, target: {…} }, …]",
        );
        return None;
    };
    count_in_range(
        ctx,
        file,
        pairs,
        2,
        MAX_PAIRS,
        "E414",
        &format!(
            "question `{id}` has {}",
            crate::diag::count(pairs.len(), "pair")
        ),
    );
    ids::check_unique(ctx, file, pairs.iter().map(|p| &p.id), "pair");
    let built: Vec<Option<Pair>> = pairs
        .iter()
        .map(|p| {
            ids::check_syntax(ctx, file, &p.id, "pair");
            let what = format!("pair `{}` of `{id}`", p.id.as_str());
            let source =
                translations::localized(ctx, file, &p.source, &format!("the source of {what}"));
            let target =
                translations::localized(ctx, file, &p.target, &format!("the target of {what}"));
            Some(Pair {
                id: p.id.to_string(),
                source: source?,
                target: target?,
            })
        })
        .collect();
    let pairs = built.into_iter().collect::<Option<Vec<_>>>()?;
    (2..=MAX_PAIRS)
        .contains(&pairs.len())
        .then_some(QuestionKind::Matching { pairs })
}

fn sequencing(ctx: &mut Ctx, file: &Path, q: &QuestionFile, id: &str) -> Option<QuestionKind> {
    let Some(items) = &q.items else {
        missing_key(
            ctx,
            file,
            q,
            "items",
            "items: [{ id: first, text: {…} }, …]",
        );
        return None;
    };
    count_in_range(
        ctx,
        file,
        items,
        2,
        MAX_PAIRS,
        "E414",
        &format!(
            "question `{id}` has {}",
            crate::diag::count(items.len(), "item")
        ),
    );
    ids::check_unique(ctx, file, items.iter().map(|i| &i.id), "item");
    let built: Vec<Option<Item>> = items
        .iter()
        .map(|i| {
            ids::check_syntax(ctx, file, &i.id, "item");
            let text = translations::localized(
                ctx,
                file,
                &i.text,
                &format!("item `{}` of `{id}`", i.id.as_str()),
            );
            Some(Item {
                id: i.id.to_string(),
                text: text?,
            })
        })
        .collect();
    let items = built.into_iter().collect::<Option<Vec<_>>>()?;
    (2..=MAX_PAIRS)
        .contains(&items.len())
        .then_some(QuestionKind::Sequencing { items })
}
