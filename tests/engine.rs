//! Native tests of the pure engine (one integration binary).
#![cfg(not(target_arch = "wasm32"))]

#[path = "engine/accuracy.rs"]
mod accuracy;
#[path = "engine/address_writes.rs"]
mod address_writes;
#[path = "engine/backup.rs"]
mod backup;
#[path = "engine/backup_reading.rs"]
mod backup_reading;
#[path = "engine/boilerplate.rs"]
mod boilerplate;
#[path = "engine/choice_list.rs"]
mod choice_list;
#[path = "engine/compare.rs"]
mod compare;
#[path = "engine/corpus.rs"]
mod corpus;
#[path = "engine/corpus_index.rs"]
mod corpus_index;
#[path = "engine/corrections.rs"]
mod corrections;
#[path = "engine/decimal.rs"]
mod decimal;
#[path = "engine/entities.rs"]
mod entities;
#[path = "engine/export.rs"]
mod export;
#[path = "engine/filter.rs"]
mod filter;
#[path = "engine/gazetteer.rs"]
mod gazetteer;
#[path = "engine/html.rs"]
mod html;
#[path = "engine/import.rs"]
mod import;
#[path = "engine/intern.rs"]
mod intern;
#[path = "engine/kept_readers.rs"]
mod kept_readers;
#[path = "engine/kept_views.rs"]
mod kept_views;
#[path = "engine/list_window.rs"]
mod list_window;
#[path = "engine/normalise.rs"]
mod normalise;
#[path = "engine/places.rs"]
mod places;
#[path = "engine/recognise.rs"]
mod recognise;
#[path = "engine/robustness.rs"]
mod robustness;
#[path = "engine/rule.rs"]
mod rule;
#[path = "engine/search.rs"]
mod search;
#[path = "engine/text.rs"]
mod text;
#[path = "engine/view_state.rs"]
mod view_state;
#[path = "engine/worker_failure.rs"]
mod worker_failure;
#[path = "engine/worker_protocol.rs"]
mod worker_protocol;
