//! Questions and tests. Answer keys exist once per question, never per language, so the
//! languages of a course cannot disagree on what is correct.

use super::Localized;

/// A module's questions and its final-test settings.
#[derive(Debug, Clone)]
pub struct Quiz {
    /// Final-test settings.
    pub settings: QuizSettings,
    /// Every question, in source order (test pool and inline checks).
    pub questions: Vec<Question>,
}

impl Quiz {
    /// The final-test pool.
    pub fn test_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.role == Role::Test)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Number of questions one test attempt asks.
    pub fn asked(&self) -> usize {
        let pool = self.test_questions().count();
        self.settings.draw.map_or(pool, |d| (d as usize).min(pool))
    }
}

/// How the final test is run.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizSettings {
    /// Pass mark in percent, 0 to 100.
    pub pass_mark: u8,
    /// Shuffle the order of questions per attempt.
    pub shuffle_questions: bool,
    /// Shuffle options of choice questions per attempt.
    pub shuffle_options: bool,
    /// Ask this many questions of the pool per attempt (at most the pool size).
    pub draw: Option<u32>,
    /// Attempts allowed; 0 means unlimited.
    pub max_attempts: u32,
}

/// Where a question is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Part of the final test pool; scored and reported to the LMS.
    Test,
    /// An inline knowledge check inside a page; not scored.
    Check,
}

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Identifier, unique in the module.
    pub id: String,
    /// Test or inline check.
    pub role: Role,
    /// Weight in the test score, 1 to 100.
    pub weight: u32,
    /// The question text.
    pub prompt: Localized,
    /// Type and answer key.
    pub kind: QuestionKind,
    /// Feedback after answering.
    pub feedback: Feedback,
}

/// The seven question types with their answer keys.
#[derive(Debug, Clone)]
pub enum QuestionKind {
    /// One right option.
    Single {
        /// Options in source order.
        options: Vec<Choice>,
        /// Index of the right option.
        correct: usize,
    },
    /// Every right option must be chosen, and no other.
    Multiple {
        /// Options in source order.
        options: Vec<Choice>,
        /// Indexes of the right options, ascending, at least one.
        correct: Vec<usize>,
    },
    /// A statement that is true or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// A short typed answer.
    FillIn {
        /// Accepted answers, the same in every language.
        answers: Vec<String>,
        /// Whether case matters when comparing.
        case_sensitive: bool,
    },
    /// A typed number.
    Numeric {
        /// The right number.
        answer: f64,
        /// Accepted distance from it.
        tolerance: f64,
    },
    /// Match each source to its target.
    Matching {
        /// The pairs in source order.
        pairs: Vec<Pair>,
    },
    /// Put the items in order.
    Sequencing {
        /// The items in the right order.
        items: Vec<Item>,
    },
}

impl QuestionKind {
    /// The `type` word of `quiz.yaml`.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true-false",
            QuestionKind::FillIn { .. } => "fill-in",
            QuestionKind::Numeric { .. } => "numeric",
            QuestionKind::Matching { .. } => "matching",
            QuestionKind::Sequencing { .. } => "sequencing",
        }
    }
}

/// An option of a choice question.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Identifier, unique in the question.
    pub id: String,
    /// Option text.
    pub text: Localized,
    /// Shown when this option was chosen.
    pub feedback: Option<Localized>,
}

/// A source and its target in a matching question.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Identifier, unique in the question.
    pub id: String,
    /// Left-hand side.
    pub source: Localized,
    /// The right match.
    pub target: Localized,
}

/// An item of a sequencing question.
#[derive(Debug, Clone)]
pub struct Item {
    /// Identifier, unique in the question.
    pub id: String,
    /// Item text.
    pub text: Localized,
}

/// Question-level feedback.
#[derive(Debug, Clone, Default)]
pub struct Feedback {
    /// Shown after a right answer.
    pub correct: Option<Localized>,
    /// Shown after a wrong answer.
    pub incorrect: Option<Localized>,
}
