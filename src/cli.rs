//! Command-line arguments (clap), converted once into the library's option structs.

use clap::{Args, Parser, Subcommand, ValueEnum};
use coursepack::commands::build::BuildOptions;
use coursepack::commands::LoadOptions;
use coursepack::diag::render::Style;
use coursepack::model::Lang;
use coursepack::rendered::Selection;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  coursepack check                      check ./course
  coursepack check examples/minimal --deny warnings
  coursepack build                      build ./course into ./dist
  coursepack build --format web --package connectoo --lang nl
  coursepack build course --out public --theme my-theme";

/// Compiles Markdown and YAML courses into e-learning packages.
#[derive(Debug, Parser)]
#[command(name = "coursepack", version, about, after_help = EXAMPLES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Load and validate a course; print every problem with its file and line.
    #[command(
        after_help = "Exit status: 0 clean, 1 errors (or warnings with --deny warnings), 2 usage.\n\n\
        Examples:\n  coursepack check\n  coursepack check examples/all-question-types --message-format short"
    )]
    Check(CheckArgs),
    /// Check a course, then write its packages.
    #[command(
        after_help = "Artifacts are named <course>-<package>-<version>-<lang>-<format>.\n\
        Nothing is written when the check fails.\n\n\
        Examples:\n  coursepack build\n  coursepack build course --format web --lang fr --out public"
    )]
    Build(BuildArgs),
    /// Check a SCORM 1.2 zip (ours or not) before uploading it to an LMS.
    #[command(
        after_help = "Checks: manifest at the root, schema validity (with xmllint, when installed), \
        identifiers, references, launch files, every listed file present, mastery scores.\n\n\
        Examples:\n  coursepack inspect dist/connectoo-connectoo-1.0.0-nl-scorm12.zip"
    )]
    Inspect(InspectArgs),
}

#[derive(Debug, Args)]
pub(crate) struct InspectArgs {
    /// The zip file to inspect.
    pub(crate) package: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The course folder (holds course.yaml).
    #[arg(default_value = "course")]
    pub(crate) course_dir: PathBuf,
    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CommonArgs {
    /// Report missing translations as warnings and show the default language's text.
    #[arg(long)]
    pub(crate) allow_missing_translations: bool,
    /// Treat warnings as errors (`--deny warnings`, for CI).
    #[arg(long, value_name = "LINT")]
    pub(crate) deny: Vec<Deny>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub(crate) message_format: MessageFormat,
    /// A theme folder whose files replace those of the default theme by name.
    #[arg(long, value_name = "DIR")]
    pub(crate) theme: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The course folder (holds course.yaml).
    #[arg(default_value = "course")]
    pub(crate) course_dir: PathBuf,
    /// Output format(s); repeat or separate with commas. Default: every format.
    #[arg(long, value_delimiter = ',', value_name = "FORMAT")]
    pub(crate) format: Vec<String>,
    /// Build only this package (repeatable). Default: every package.
    #[arg(long, value_name = "ID")]
    pub(crate) package: Vec<String>,
    /// Build only this language (repeatable). Default: every course language.
    #[arg(long, value_enum, value_name = "LANG")]
    pub(crate) lang: Vec<LangArg>,
    /// Output folder.
    #[arg(long, default_value = "dist", value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Version to build instead of course.yaml's (for CI, e.g. a git tag; a leading `v` is dropped).
    #[arg(long, value_name = "VERSION")]
    pub(crate) version: Option<String>,
    /// SCORM 1.2: one SCO per module (default), or the whole package as one SCO with a module
    /// menu, tracked as one score, for LMSs that handle multi-SCO packages badly.
    #[arg(long, value_enum, default_value_t = ScoPerArg::Module, value_name = "UNIT")]
    pub(crate) sco_per: ScoPerArg,
    /// Print a machine-readable JSON report (artifacts with sizes and checksums, diagnostics) on stdout.
    #[arg(long)]
    pub(crate) json: bool,
    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ScoPerArg {
    /// One SCO per module.
    Module,
    /// One SCO for the whole package.
    Package,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Deny {
    /// Any warning fails the command.
    Warnings,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum MessageFormat {
    /// Source line with a marker and a help line.
    Human,
    /// One line per diagnostic.
    Short,
    /// One JSON object per line.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Nl,
    Fr,
    De,
    En,
}

impl CommonArgs {
    pub(crate) fn style(&self) -> Style {
        match self.message_format {
            MessageFormat::Human => Style::Human,
            MessageFormat::Short => Style::Short,
            MessageFormat::Json => Style::Json,
        }
    }

    pub(crate) fn load_options(&self, course_dir: PathBuf) -> LoadOptions {
        LoadOptions {
            course_dir,
            theme: self.theme.clone(),
            allow_missing_translations: self.allow_missing_translations,
            deny_warnings: !self.deny.is_empty(),
        }
    }
}

impl BuildArgs {
    pub(crate) fn options(&self) -> BuildOptions {
        BuildOptions {
            load: self.common.load_options(self.course_dir.clone()),
            formats: self.format.clone(),
            selection: Selection {
                packages: self.package.clone(),
                langs: self
                    .lang
                    .iter()
                    .map(|l| match l {
                        LangArg::Nl => Lang::Nl,
                        LangArg::Fr => Lang::Fr,
                        LangArg::De => Lang::De,
                        LangArg::En => Lang::En,
                    })
                    .collect(),
            },
            out: self.out.clone(),
            version: self.version.clone(),
            json: self.json,
            single_sco: self.sco_per == ScoPerArg::Package,
        }
    }
}
