//! Mirroring the view state into the address bar, without a router crate.

use crate::view_state::ViewState;
use wasm_bindgen::JsValue;

/// Reads the view state from the current address.
#[must_use]
pub fn read() -> ViewState {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    ViewState::from_query(&search)
}

/// Writes `state` to the address: a new history entry when `push`, else replacing the current.
/// Keeps the path, so the app works under any prefix.
pub fn write(state: &ViewState, push: bool) {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{}", state.to_query());
    let current = format!("{path}{}", window.location().search().unwrap_or_default());
    if url == current {
        return;
    }
    if let Ok(history) = window.history() {
        let result = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = result {
            gloo::console::warn!("could not update the address bar", e);
        }
    }
}
