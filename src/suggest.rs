//! "Did you mean" suggestions for misspelt keys and ids.

/// The candidate closest to `word` by Damerau-Levenshtein distance, if it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1 edit allowed).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, c)| (*distance, *c))
        .map(|(_, c)| c)
}

/// A help line for an unknown `word`: "did you mean `x`?" or the list of valid values.
pub fn help_for(word: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if candidates.is_empty() => "there is nothing to refer to here yet".to_string(),
        None => format!("expected one of {}", quote_list(candidates)),
    }
}

/// `a`, `b` and `c` as a readable list.
pub fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_typo() {
        assert_eq!(closest("titel", ["title", "description"]), Some("title"));
        assert_eq!(
            closest("pass_mrak", ["pass_mark", "draw"]),
            Some("pass_mark")
        );
    }

    #[test]
    fn ignores_unrelated_words() {
        assert_eq!(closest("colour", ["id", "version"]), None);
        assert_eq!(help_for("zz", &["nl", "fr"]), "expected one of `nl`, `fr`");
    }
}
