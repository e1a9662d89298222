//! Mirroring the view state into the address bar, without a router crate.

use crate::view_state::ViewState;
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Reads the view state from the current address.
#[must_use]
pub fn read() -> ViewState {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    ViewState::from_query(&search)
}

/// Writes `state` to the address once the browser has painted the change that caused it:
/// a history update costs milliseconds and nothing on screen waits for it. Writes keep their
/// order (one animation frame, then one task, each first in, first out).
pub fn write_after_paint(state: ViewState, push: bool) {
    let after_frame = Closure::once_into_js(move || {
        Timeout::new(0, move || write(&state, push)).forget();
    });
    let window = gloo::utils::window();
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        gloo::console::warn!("no animation frame for the address bar update");
    }
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
