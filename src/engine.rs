//! The pure engine: text, boilerplate, recognition, entities, places, comparison.
//!
//! Nothing here knows about the browser; the same code runs in wasm and behind the
//! `newslens` command line.

pub mod backup;
pub mod backup_reading;
pub mod boilerplate;
pub mod calendar;
pub mod compare;
pub mod corpus;
pub mod corpus_index;
pub mod corrections;
pub mod dates;
pub mod decimal;
pub mod document;
pub mod entities;
pub mod eval;
pub mod export;
pub mod float_math;
pub mod fxhash;
pub mod gazetteer;
pub mod html;
pub mod import;
pub mod index_builder;
pub mod intern;
pub mod label;
pub mod lexicon;
pub mod mention;
pub mod names;
pub mod numbers;
pub mod offsets;
pub mod places;
pub mod quote_marks;
pub mod rule;
pub mod search;
pub mod segments;
pub mod span;
mod swar;
pub mod tag;
pub mod text;
pub mod toponyms;
