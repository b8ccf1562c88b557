//! The rendered course: every document of every selected package and language, rendered
//! once. It is the single intermediate every output format consumes; a format only adds its
//! manifest and tracking adapter around it.

use crate::html::{Renderer, Tracking};
use crate::model::{Asset, Course, Lang};
use crate::theme::Theme;
use anyhow::Context as _;

/// One package in one language, rendered.
#[derive(Debug)]
pub struct RenderedPackage {
    /// Package id.
    pub package: String,
    /// Language.
    pub lang: Lang,
    /// The menu page.
    pub index_html: String,
    /// The modules in package order.
    pub modules: Vec<RenderedModule>,
}

/// One module document and the files it uses.
#[derive(Debug)]
pub struct RenderedModule {
    /// Module id.
    pub id: String,
    /// The module document, `modules/<id>/index.html`.
    pub html: String,
    /// Files of the module folder it uses, relative to `modules/<id>/`.
    pub assets: Vec<Asset>,
}

/// Which packages and languages to render.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Package ids; all when empty.
    pub packages: Vec<String>,
    /// Languages; all course languages when empty.
    pub langs: Vec<Lang>,
}

impl Selection {
    /// The (package index, language) pairs selected, in course order.
    pub fn pairs(&self, course: &Course) -> Vec<(usize, Lang)> {
        let mut out = Vec::new();
        for (i, p) in course.packages.iter().enumerate() {
            if (!self.packages.is_empty() && !self.packages.contains(&p.id)) || p.modules.is_empty()
            {
                continue;
            }
            for &lang in &course.languages {
                if self.langs.is_empty() || self.langs.contains(&lang) {
                    out.push((i, lang));
                }
            }
        }
        out
    }
}

/// What rendering needs once per build: the compiled templates and the UI strings.
pub struct Templates {
    tera: tera::Tera,
    ui: std::collections::BTreeMap<Lang, std::collections::BTreeMap<String, String>>,
}

impl Templates {
    /// Compiles the theme's templates and reads its UI strings for the course languages.
    pub fn new(theme: &Theme, course: &Course) -> anyhow::Result<Templates> {
        let ui = course
            .languages
            .iter()
            .map(|&l| Ok((l, theme.strings(l)?)))
            .collect::<anyhow::Result<_>>()?;
        Ok(Templates {
            tera: theme.templates()?,
            ui,
        })
    }
}

/// Renders package number `index` of the course in `lang` with `tracking`. Builds render
/// one package at a time and write it before the next, so memory holds one package, not the
/// whole catalogue.
pub fn render_package(
    course: &Course,
    templates: &Templates,
    index: usize,
    lang: Lang,
    tracking: Tracking,
) -> anyhow::Result<RenderedPackage> {
    let package = &course.packages[index];
    let ui = templates
        .ui
        .get(&lang)
        .context("no UI strings for this language")?;
    let renderer = Renderer {
        tera: &templates.tera,
        ui,
        course,
        package,
        lang,
        tracking,
    };
    let modules = package
        .modules
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let html = renderer
                .module(position)
                .with_context(|| format!("module `{id}` in `{}`", lang.code()))?;
            Ok(RenderedModule {
                id: id.clone(),
                html,
                assets: course.modules[id]
                    .assets
                    .get(&lang)
                    .cloned()
                    .unwrap_or_default(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(RenderedPackage {
        package: package.id.clone(),
        lang,
        index_html: renderer.index()?,
        modules,
    })
}
