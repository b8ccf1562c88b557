//! `course.yaml`: the course header and its packages, and the modules they name.
//!
//! Codes: E116 missing file, E202 unknown language, E302 duplicate, E303 unknown module,
//! E304 module listed twice in a package, E305 package without modules, W306 module in no
//! package, E307 invalid version, E308 invalid activity IRI base.

use super::{house_style, ids, module, translations, CheckOptions, Ctx};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::{Course, Lang, Module, Package};
use crate::source::schema::{CourseFile, PackageFile};
use crate::source::yaml::{parse, span_of, text_span};
use crate::source::SourceSet;
use crate::suggest;
use std::collections::BTreeMap;
use std::path::Path;

const FILE: &str = "course.yaml";

/// Loads the whole course; returns the model if it could be built, and the diagnostics.
pub(super) fn load(
    sources: &SourceSet,
    options: &CheckOptions,
    mut diags: Diagnostics,
) -> (Option<Course>, Diagnostics) {
    let file = Path::new(FILE);
    let Some(text) = sources.text(file) else {
        if sources.get(file).is_none() {
            diags.push(missing_file(file, "the course folder has no course.yaml"));
        }
        return (None, diags);
    };
    let raw: CourseFile = match parse(file, text) {
        Ok(raw) => raw,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let langs = languages(&raw, &mut diags);
    let Some(&default_lang) = langs.first() else {
        return (None, diags);
    };
    let mut ctx = Ctx {
        langs,
        default_lang,
        allow_missing: options.allow_missing_translations,
        labels: options.labels.clone(),
        diags,
    };
    let course = build(&mut ctx, sources, &raw);
    (course, ctx.diags)
}

/// The `E116` diagnostic for a required file that is absent.
pub(super) fn missing_file(file: &Path, message: &str) -> Diagnostic {
    Diagnostic::error("E116", Span::file(file), message.to_string()).with_help(format!(
        "create `{}`; docs/format.md shows its keys",
        file.display()
    ))
}

fn languages(raw: &CourseFile, diags: &mut Diagnostics) -> Vec<Lang> {
    let file = Path::new(FILE);
    let mut langs = Vec::new();
    for code in raw.languages.iter() {
        match Lang::from_code(code) {
            Some(lang) if langs.contains(&lang) => diags.push(
                Diagnostic::error(
                    "E302",
                    text_span(file, code),
                    format!("language `{}` is listed twice", code.as_str()),
                )
                .with_help("list each language once"),
            ),
            Some(lang) => langs.push(lang),
            None => {
                let all: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                diags.push(
                    Diagnostic::error(
                        "E202",
                        text_span(file, code),
                        format!("unsupported language `{}`", code.as_str()),
                    )
                    .with_help(suggest::help_for(code, &all)),
                );
            }
        }
    }
    if raw.languages.is_empty() {
        diags.push(
            Diagnostic::error(
                "E202",
                span_of(file, &raw.languages, 1),
                "the course declares no language",
            )
            .with_help("list the course languages, default first: `languages: [nl, fr, de]`"),
        );
    }
    langs
}

fn build(ctx: &mut Ctx, sources: &SourceSet, raw: &CourseFile) -> Option<Course> {
    let file = Path::new(FILE);
    ids::check_syntax(ctx, file, &raw.id, "course");
    check_version(ctx, file, &raw.version);
    check_iri(ctx, file, &raw.activity_iri_base);
    let title = translations::localized(ctx, file, &raw.title, "the course title");
    let description =
        translations::localized(ctx, file, &raw.description, "the course description");
    let modules = load_modules(ctx, sources);
    house_style::judge(ctx, sources, &raw.house_style);
    let packages = packages(ctx, raw, &modules);
    Some(Course {
        id: raw.id.to_string(),
        version: raw.version.to_string(),
        languages: ctx.langs.clone(),
        title: title?,
        description: description?,
        publisher: raw.publisher.trim().to_string(),
        licence: raw.licence.trim().to_string(),
        activity_iri_base: raw.activity_iri_base.trim().to_string(),
        packages: packages?,
        modules: modules
            .into_iter()
            .map(|(id, m)| Some((id, m?)))
            .collect::<Option<_>>()?,
    })
}

/// Every module folder, loaded; `None` for a module that could not be built.
fn load_modules(ctx: &mut Ctx, sources: &SourceSet) -> BTreeMap<String, Option<Module>> {
    sources
        .subdirs(Path::new("modules"))
        .into_iter()
        .map(|id| {
            let module = module::load(ctx, sources, &id);
            (id, module)
        })
        .collect()
}

fn packages(
    ctx: &mut Ctx,
    raw: &CourseFile,
    modules: &BTreeMap<String, Option<Module>>,
) -> Option<Vec<Package>> {
    let file = Path::new(FILE);
    ids::check_unique(ctx, file, raw.packages.iter().map(|p| &p.id), "package");
    if raw.packages.is_empty() {
        ctx.diags.push(
            Diagnostic::error(
                "E305",
                span_of(file, &raw.packages, 1),
                "the course has no package",
            )
            .with_help("add a package under `packages:` listing the modules an LMS import holds"),
        );
    }
    let mut out = Vec::new();
    for p in raw.packages.iter() {
        out.push(package(ctx, p, modules));
    }
    for id in modules.keys() {
        if !raw
            .packages
            .iter()
            .any(|p| p.modules.iter().any(|m| m.as_str() == id))
        {
            let span = Span::file(format!("modules/{id}/module.yaml"));
            ctx.diags.push(
                Diagnostic::warning("W306", span, format!("module `{id}` is in no package"))
                    .with_help(
                        "add it to a package's `modules:` in course.yaml, or remove the folder",
                    ),
            );
        }
    }
    out.into_iter().collect()
}

fn package(
    ctx: &mut Ctx,
    p: &PackageFile,
    modules: &BTreeMap<String, Option<Module>>,
) -> Option<Package> {
    let file = Path::new(FILE);
    ids::check_syntax(ctx, file, &p.id, "package");
    let title = translations::localized(
        ctx,
        file,
        &p.title,
        &format!("the title of package `{}`", p.id.as_str()),
    );
    if p.modules.is_empty() {
        // A package still being written: reported, and skipped by `build`.
        ctx.diags.push(
            Diagnostic::warning(
                "W305",
                span_of(file, &p.modules, 1),
                format!(
                    "package `{}` has no modules yet; it is not built",
                    p.id.as_str()
                ),
            )
            .with_help("list the module ids of the package under `modules:`"),
        );
    }
    let known: Vec<&str> = modules.keys().map(String::as_str).collect();
    let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
    for m in p.modules.iter() {
        let span = text_span(file, m);
        if !modules.contains_key(m.as_str()) {
            ctx.diags.push(
                Diagnostic::error(
                    "E303",
                    span.clone(),
                    format!("unknown module `{}`", m.as_str()),
                )
                .with_help(format!(
                    "{} (module ids are the folder names under modules/)",
                    suggest::help_for(m, &known)
                )),
            );
        }
        if let Some(first) = listed.insert(m.as_str(), span.line) {
            ctx.diags.push(
                Diagnostic::error(
                    "E304",
                    span,
                    format!(
                        "module `{}` is listed twice in package `{}`",
                        m.as_str(),
                        p.id.as_str()
                    ),
                )
                .with_help(format!("remove one of them; the first is on line {first}")),
            );
        }
    }
    Some(Package {
        id: p.id.to_string(),
        title: title?,
        modules: p.modules.iter().map(|m| m.to_string()).collect(),
        sequential: p.sequential.as_ref().is_some_and(|s| **s),
    })
}

/// Versions are `MAJOR.MINOR.PATCH` with an optional `-prerelease` of letters, digits, dots
/// and hyphens: they go into file names and manifests (SCORM caps `version` at 20 chars).
pub fn is_valid_version(v: &str) -> bool {
    let (core, pre) = match v.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (v, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && pre.is_none_or(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
        && v.len() <= 20
}

fn check_version(ctx: &mut Ctx, file: &Path, version: &crate::source::schema::Text) {
    if !is_valid_version(version) {
        ctx.diags.push(
            Diagnostic::error(
                "E307",
                text_span(file, version),
                format!("`{}` is not a valid version", version.as_str()),
            )
            .with_help(
                "write a semantic version such as `1.0.0` or `1.2.0-rc.1` (at most 20 characters)",
            ),
        );
    }
}

fn check_iri(ctx: &mut Ctx, file: &Path, iri: &crate::source::schema::Text) {
    let value = iri.trim();
    let scheme_ok = value.starts_with("https://") || value.starts_with("http://");
    let host_ok = value
        .split("://")
        .nth(1)
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if !scheme_ok
        || !host_ok
        || value.ends_with('/')
        || value.contains(char::is_whitespace)
        || value.contains(['?', '#'])
    {
        ctx.diags.push(
            Diagnostic::error("E308", text_span(file, iri), format!("`{value}` is not a usable activity IRI base"))
                .with_help("write an absolute http(s) IRI without trailing slash, query or spaces, such as `https://example.org/courses/connectoo`"),
        );
    }
}
