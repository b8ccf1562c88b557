//! The bundled Connectoo course keeps the shape its brief asks for: which modules each package
//! holds, and for every module enough pages, words, inline checks and final-test questions in
//! every language. `check` proves the course is valid; these tests prove it is complete.

use coursepack::check::{check, CheckOptions};
use coursepack::markdown::QUESTION_MARK;
use coursepack::model::quiz::Role;
use coursepack::model::{Course, Lang, Module};
use coursepack::theme::Theme;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

/// The course, loaded and checked the way `coursepack check course` does, once for all tests.
fn connectoo() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        let options = CheckOptions {
            allow_missing_translations: false,
            labels: Theme::default_theme().labels_by_lang(),
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("course");
        let checked = check(&root, &options).expect("the course folder is readable");
        let problems: Vec<String> = checked
            .diagnostics
            .into_sorted()
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(problems.is_empty(), "course/ is not clean: {problems:#?}");
        checked.course.expect("a clean check gives the model")
    })
}

/// Words of a rendered page: the text between tags, split at white space, counting only
/// tokens that hold a letter (so table rules and list numbers do not count).
fn words(html: &str) -> usize {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

fn module_words(module: &Module, lang: Lang) -> usize {
    module.texts[&lang]
        .pages
        .iter()
        .map(|p| words(&p.html))
        .sum()
}

#[test]
fn the_packages_hold_five_basic_and_six_expert_modules() {
    let course = connectoo();
    let shape: Vec<(&str, usize)> = course
        .packages
        .iter()
        .map(|p| (p.id.as_str(), p.modules.len()))
        .collect();
    assert_eq!(shape, [("connectoo", 5), ("connectoo-plus", 6)]);
    for package in &course.packages {
        assert!(package.sequential, "{} is taken in order", package.id);
    }
    assert_eq!(course.languages, [Lang::Nl, Lang::Fr, Lang::De]);
}

#[test]
fn every_module_has_the_pages_words_and_checks_of_a_two_hour_unit() {
    let course = connectoo();
    for module in course.modules.values() {
        assert_eq!(module.learning_minutes, 120, "{}: learning time", module.id);
        let pages: Vec<usize> = course
            .languages
            .iter()
            .map(|l| module.texts[l].pages.len())
            .collect();
        assert!(
            pages
                .iter()
                .all(|&n| (8..=14).contains(&n) && n == pages[0]),
            "{}: 8 to 14 pages, the same in every language, found {pages:?}",
            module.id
        );
        for &lang in &course.languages {
            let count = module_words(module, lang);
            assert!(
                count >= 2000,
                "{} ({}): {count} words, at least 2,000 expected",
                module.id,
                lang.code()
            );
        }
    }
}

/// The inline checks of a module text, each with the index of the page that places it.
fn placed_checks(module: &Module, lang: Lang) -> Vec<(usize, String)> {
    let mut placed = Vec::new();
    for (index, page) in module.texts[&lang].pages.iter().enumerate() {
        for piece in page.html.split(QUESTION_MARK.0).skip(1) {
            if let Some((id, _)) = piece.split_once(QUESTION_MARK.1) {
                placed.push((index, id.to_string()));
            }
        }
    }
    placed
}

#[test]
fn every_language_places_the_same_checks_on_the_same_pages() {
    let course = connectoo();
    for module in course.modules.values() {
        let default = placed_checks(module, course.languages[0]);
        assert!(
            default.len() >= 2,
            "{}: placed checks {default:?}",
            module.id
        );
        for &lang in &course.languages[1..] {
            assert_eq!(
                placed_checks(module, lang),
                default,
                "{} ({}): (page index, check) differ from the default language",
                module.id,
                lang.code()
            );
        }
    }
}

#[test]
fn every_module_ends_with_a_final_test_drawn_from_a_larger_pool() {
    let course = connectoo();
    for module in course.modules.values() {
        let quiz = module
            .quiz
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no quiz.yaml", module.id));
        let checks = quiz
            .questions
            .iter()
            .filter(|q| q.role == Role::Check)
            .count();
        assert!(checks >= 2, "{}: {checks} inline checks", module.id);
        let pool: Vec<_> = quiz.test_questions().collect();
        let kinds: BTreeSet<&str> = pool.iter().map(|q| q.kind.name()).collect();
        let drawn = quiz.asked();
        assert!(pool.len() >= 14, "{}: pool of {}", module.id, pool.len());
        assert!(
            drawn >= 10 && drawn < pool.len(),
            "{}: {drawn} questions asked from {}",
            module.id,
            pool.len()
        );
        assert!(kinds.len() >= 3, "{}: question types {kinds:?}", module.id);
        assert_eq!(quiz.settings.pass_mark, 80, "{}: pass mark", module.id);
    }
}

#[test]
fn word_counting_ignores_markup_and_numbers() {
    assert_eq!(
        words("<h1>Drie manieren</h1><ol><li>1. <strong>Voordoen</strong></li></ol>"),
        3
    );
    assert_eq!(words("<td>0257 257 57</td><td>| --- |</td>"), 0);
}
