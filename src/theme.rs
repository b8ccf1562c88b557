//! The theme: tera templates, CSS, the browser runtime and UI strings per language.
//!
//! The default theme (`themes/default/`) is embedded in the binary, so an installed
//! `coursepack` needs no files beside it. `--theme DIR` replaces files by their path inside
//! the theme, one by one; a file in DIR that the default theme does not have is reported,
//! because a typo in an override must not be silently ignored.

use crate::markdown::Labels;
use crate::model::Lang;
use anyhow::{bail, Context as _};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;

static DEFAULT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme: every file by its `/`-separated path inside the theme folder.
#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme.
    pub fn default_theme() -> Theme {
        let mut files = BTreeMap::new();
        collect(&DEFAULT, &mut files);
        Theme { files }
    }

    /// The default theme with the files of `dir` laid over it. Returns the theme and the
    /// paths in `dir` that replace nothing (probably typos).
    pub fn with_overrides(dir: &Path) -> anyhow::Result<(Theme, Vec<String>)> {
        let mut theme = Theme::default_theme();
        let mut unknown = Vec::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("cannot read theme folder `{}`", dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(dir)?
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
            if !theme.files.contains_key(&rel) {
                unknown.push(rel.clone());
            }
            theme.files.insert(rel, bytes);
        }
        Ok((theme, unknown))
    }

    /// The files under `assets/`, which every package ships at `assets/`.
    pub fn assets(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter(|(path, _)| path.starts_with("assets/"))
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
    }

    /// A tera instance with every template under `templates/`, by file name.
    pub fn templates(&self) -> anyhow::Result<tera::Tera> {
        let mut tera = tera::Tera::default();
        let mut templates = Vec::new();
        for (path, bytes) in &self.files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = std::str::from_utf8(bytes)
                    .with_context(|| format!("theme file `{path}` is not UTF-8"))?;
                templates.push((name.to_string(), text.to_string()));
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| anyhow::anyhow!(tera_error(&e)))
            .context("the theme's templates do not compile")?;
        Ok(tera)
    }

    /// The UI strings of `lang`, from `i18n/<lang>.yaml` (a flat `key: text` map).
    pub fn strings(&self, lang: Lang) -> anyhow::Result<BTreeMap<String, String>> {
        let path = format!("i18n/{}.yaml", lang.code());
        let Some(bytes) = self.files.get(&path) else {
            bail!(
                "the theme has no UI strings for `{}` (expected `{path}`)",
                lang.code()
            );
        };
        let text = std::str::from_utf8(bytes)
            .with_context(|| format!("theme file `{path}` is not UTF-8"))?;
        crate::source::yaml::parse::<BTreeMap<String, String>>(Path::new(&path), text)
            .map_err(|d| anyhow::anyhow!("{path}:{}:{}: {}", d.span.line, d.span.col, d.message))
    }

    /// The callout labels of every language whose UI strings have them: what `check` needs
    /// to render callouts.
    pub fn labels_by_lang(&self) -> BTreeMap<Lang, Labels> {
        Lang::ALL
            .into_iter()
            .filter_map(|l| Some((l, self.labels(l).ok()?)))
            .collect()
    }

    /// The callout labels of `lang`, from its UI strings (`callout.note` …).
    pub fn labels(&self, lang: Lang) -> anyhow::Result<Labels> {
        let strings = self.strings(lang)?;
        let get = |key: &str| -> anyhow::Result<String> {
            strings
                .get(key)
                .cloned()
                .with_context(|| format!("the theme's `i18n/{}.yaml` has no `{key}`", lang.code()))
        };
        Ok(Labels {
            note: get("callout.note")?,
            tip: get("callout.tip")?,
            important: get("callout.important")?,
            warning: get("callout.warning")?,
            caution: get("callout.caution")?,
            new_window: get("link.new_window")?,
        })
    }
}

fn collect(dir: &Dir<'_>, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        files.insert(
            file.path().to_string_lossy().replace('\\', "/"),
            file.contents().to_vec(),
        );
    }
    for sub in dir.dirs() {
        collect(sub, files);
    }
}

/// tera hides the useful part of its errors in the source chain.
pub(crate) fn tera_error(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `themes/default` is embedded, and nothing else.
    #[test]
    fn embedded_theme_matches_the_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk = Vec::new();
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                on_disk.push(
                    entry
                        .path()
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
        let embedded: Vec<String> = Theme::default_theme().files.keys().cloned().collect();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn overrides_replace_by_name_and_report_strangers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/extra.css"), "x").unwrap();
        let (theme, unknown) = Theme::with_overrides(dir.path()).unwrap();
        assert_eq!(unknown, ["assets/extra.css"]);
        assert!(theme.assets().any(|(p, _)| p == "assets/extra.css"));
    }
}
