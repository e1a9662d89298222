//! NewsLens: a news-corpus explorer that runs entirely in the browser.
//!
//! The crate has two halves:
//!
//! - [`engine`]: pure Rust, knows nothing of the DOM. Text layer, boilerplate detection,
//!   entity recognition, canonical entities, places and comparison. It is compiled both for
//!   the browser (wasm32) and natively, behind the `newslens` command line.
//! - `ui`: thin Yew components on top of the engine, compiled only for `wasm32`.

#![deny(missing_docs)]

pub mod address_writes;
pub mod choice_list;
pub mod display;
pub mod engine;
pub mod filter;
pub mod kept_readers;
pub mod kept_views;
pub mod last_made;
pub mod list_window;
pub mod runs;
pub mod view_state;
pub mod worker_failure;
pub mod worker_protocol;

#[cfg(target_arch = "wasm32")]
pub mod tagging_worker;

#[cfg(target_arch = "wasm32")]
pub mod worker_codec;

#[cfg(target_arch = "wasm32")]
pub mod ui;
