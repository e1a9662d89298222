//! The Yew front end: thin components over the engine. Compiled only for `wasm32`.

pub mod analyses;
pub mod app;
pub mod article_list;
pub mod article_tools;
pub mod chunked_read;
pub mod compare;
pub mod contexts;
pub mod corpus;
pub mod download;
pub mod entity_list;
pub mod file_reads;
pub mod filter_bar;
pub mod find_select;
pub mod gazetteer;
pub mod highlight;
pub mod import;
pub mod index_slices;
pub mod kept;
pub mod keyboard;
pub mod legend;
pub mod next_task;
pub mod offline;
pub mod outlets;
pub mod place_table;
pub mod places;
pub mod reader;
pub mod selection;
pub mod state;
pub mod storage;
pub mod tagger;
pub mod tagging_status;
pub mod url;
pub mod user_data;
pub mod your_data;

/// Mounts the app into `<body>`.
pub fn mount() {
    yew::Renderer::<app::App>::new().render();
}
