//! Native tests of the pure engine (one integration binary).
#![cfg(not(target_arch = "wasm32"))]

#[path = "engine/boilerplate.rs"]
mod boilerplate;
#[path = "engine/compare.rs"]
mod compare;
#[path = "engine/corpus.rs"]
mod corpus;
#[path = "engine/gazetteer.rs"]
mod gazetteer;
#[path = "engine/places.rs"]
mod places;
#[path = "engine/view_state.rs"]
mod view_state;
#[path = "engine/import.rs"]
mod import;
#[path = "engine/corrections.rs"]
mod corrections;
#[path = "engine/export.rs"]
mod export;
#[path = "engine/backup.rs"]
mod backup;
#[path = "engine/accuracy.rs"]
mod accuracy;
#[path = "engine/entities.rs"]
mod entities;
#[path = "engine/html.rs"]
mod html;
#[path = "engine/normalise.rs"]
mod normalise;
#[path = "engine/recognise.rs"]
mod recognise;
#[path = "engine/robustness.rs"]
mod robustness;
#[path = "engine/text.rs"]
mod text;
