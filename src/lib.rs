//! coursepack compiles Markdown and YAML courses in Dutch, French and German into
//! e-learning packages.
//!
//! ```text
//! source ──► check ──► model ──► markdown ──► rendered ──► format ──► package
//! (files)   (rules)   (Course)   (pages)     (documents)  (Plan)     (folder, zip)
//! ```
//!
//! - [`source`] walks the course folder and parses YAML, with spans on every value;
//! - [`check`] runs every rule and builds the [`model`], or returns [`diag`]nostics;
//! - [`markdown`] turns a module text into pages (called by `check`, so text is parsed once);
//! - [`rendered`] renders every document through the [`theme`]'s templates ([`html`]);
//! - [`format`] lays a rendered package out as a [`package::Plan`];
//! - [`package`] writes plans to disk, atomically.
//!
//! [`commands`] run these stages for the CLI; `main.rs` only parses arguments.

pub mod check;
pub mod commands;
pub mod diag;
pub mod format;
pub mod html;
pub mod inspect;
pub mod interaction;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod package;
pub mod rendered;
pub mod report;
pub mod runtime_data;
pub mod source;
pub mod suggest;
pub mod theme;
