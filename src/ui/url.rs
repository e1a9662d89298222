//! Mirroring the view state into the address bar, without a router crate.

use crate::address_writes::AddressWrites;
use crate::ui::next_task::when_idle;
use crate::view_state::ViewState;
use std::cell::RefCell;
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

thread_local! {
    /// Writes waiting for the page to be idle.
    static WAITING: RefCell<AddressWrites<ViewState>> = RefCell::new(AddressWrites::default());
}

/// Writes `state` to the address once the browser has painted the change that caused it and
/// the page is idle: a history update costs milliseconds and nothing on screen waits for it.
/// Writes made meanwhile are merged ([`AddressWrites`]) into the history they would have made
/// one by one, and keep their order. Within [`IDLE_WAIT_MS`] at the latest; at once where the
/// browser has no `requestIdleCallback` (Safari), after the frame.
pub fn write_after_paint(state: ViewState, push: bool) {
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let first = w.is_empty();
        w.add(state, push);
        first
    });
    if !first {
        return; // already scheduled
    }
    let after_frame = Closure::once_into_js(|| when_idle(Some(IDLE_WAIT_MS), flush));
    let window = gloo::utils::window();
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        gloo::console::warn!("no animation frame for the address bar update");
        flush();
    }
}

/// How long a waiting address write may wait for an idle moment, in milliseconds.
pub const IDLE_WAIT_MS: u32 = 250;

/// Makes the waiting writes now (before the page is hidden or unloaded, so that a reload
/// keeps the view).
pub fn flush() {
    for (state, push) in WAITING.with(|w| w.borrow_mut().take()) {
        write(&state, push);
    }
}

/// Drops the waiting writes: the user went back or forward in history meanwhile, and the view
/// now follows the address, not the writes made before.
pub fn forget_waiting() {
    WAITING.with(|w| drop(w.borrow_mut().take()));
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
