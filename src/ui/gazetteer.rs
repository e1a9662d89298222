//! Loading the full gazetteer after first paint. The bundled articles arrive analysed with it
//! (see `newslens bundle`); the place list waits for it.

use crate::engine::gazetteer::Gazetteer;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the full gazetteer stands.
#[derive(Clone, Debug)]
pub enum GazetteerState {
    /// Not asked for yet.
    Idle,
    /// Being fetched and parsed.
    Loading,
    /// Ready.
    Ready(&'static Gazetteer),
    /// It could not be loaded; the core table serves. The message says why.
    Failed(String),
}

impl PartialEq for GazetteerState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Ready(a), Self::Ready(b)) => std::ptr::eq(*a, *b),
            (Self::Idle, Self::Idle) | (Self::Loading, Self::Loading) => true,
            (Self::Failed(a), Self::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl GazetteerState {
    /// The full gazetteer, once it is ready. (The page does not fall back on the compiled-in
    /// core table: leaving it out keeps the first download small.)
    #[must_use]
    pub fn ready(&self) -> Option<&'static Gazetteer> {
        match self {
            Self::Ready(g) => Some(g),
            _ => None,
        }
    }
}

/// The full table's address, relative to the page so that any path prefix works.
pub const URL: &str = "data/gazetteer.tsv";

/// Fetches and parses the full gazetteer; also returns the table's text (for the tagging
/// worker, which parses its own copy).
///
/// # Errors
/// A plain-language message when the request fails or the table does not parse.
pub async fn load() -> Result<(Gazetteer, String), String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(URL))
        .await
        .map_err(|_| "the gazetteer could not be downloaded (are you offline?)".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the gazetteer request returned no response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the gazetteer could not be downloaded (HTTP {})",
            response.status()
        ));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| "the gazetteer response has no text".to_string())?,
    )
    .await
    .map_err(|_| "the gazetteer download was interrupted".to_string())?
    .as_string()
    .unwrap_or_default();
    let table =
        Gazetteer::parse(&text).map_err(|e| format!("the gazetteer file is damaged: {e}"))?;
    Ok((table, text))
}
