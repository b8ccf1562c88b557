//! coursepack compiles course sources into e-learning packages.
pub mod diag;
pub mod source;
pub mod suggest;
pub mod markdown;
pub mod model;
pub mod check;
