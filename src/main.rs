//! The `coursepack` binary: parse arguments, run the command, pick the exit code
//! (0 clean, 1 errors, 2 usage).

mod cli;

use clap::Parser as _;
use coursepack::commands::{self, Outcome};
use coursepack::report::Reporter;
use std::io::IsTerminal as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let interactive = std::io::stderr().is_terminal();
    let color = interactive && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let result = match &cli.command {
        cli::Command::Check(args) => {
            let report = Reporter {
                style: args.common.style(),
                color,
                interactive,
            };
            commands::check::run(&args.common.load_options(args.course_dir.clone()), &report)
                .map(|run| run.outcome)
        }
        cli::Command::Build(args) => {
            let report = Reporter {
                style: args.common.style(),
                color,
                interactive,
            };
            commands::build::run(&args.options(), &report)
        }
        cli::Command::Inspect(args) => commands::inspect::run(
            &args.package,
            &Reporter {
                color,
                interactive,
                ..Reporter::default()
            },
        ),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
