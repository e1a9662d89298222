//! The pure engine: text, boilerplate, recognition, entities, places, comparison.
//!
//! Nothing here knows about the browser; the same code runs in wasm and behind the
//! `newslens` command line.

pub mod boilerplate;
pub mod corpus;
pub mod document;
pub mod label;
pub mod mention;
pub mod offsets;
pub mod search;
pub mod segments;
pub mod span;
pub mod tag;
pub mod text;
