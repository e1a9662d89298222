//! Keyboard shortcuts: `j`/`k` move between mentions, `/` focuses the search, `Esc` clears the
//! selection. Typing in a form field is never intercepted (except `Esc`).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

/// What a key press asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Focus the next mention.
    Next,
    /// Focus the previous mention.
    Previous,
    /// Focus the search box.
    Search,
    /// Clear the entity selection.
    Clear,
}

/// The shortcut a key event stands for, if any.
#[must_use]
pub fn shortcut(e: &KeyboardEvent) -> Option<Shortcut> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let in_field = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    match e.key().as_str() {
        "Escape" => Some(Shortcut::Clear),
        _ if in_field => None,
        "j" => Some(Shortcut::Next),
        "k" => Some(Shortcut::Previous),
        "/" => Some(Shortcut::Search),
        _ => None,
    }
}

/// Moves focus to the next (`forward`) or previous highlighted mention in the reader: among the
/// selected entity's mentions when there are any, else among all. Returns false when there is
/// no mention to move to.
pub fn step_mention(forward: bool) -> bool {
    let document = gloo::utils::document();
    let selected = document
        .query_selector_all(".reader mark[data-label].selected")
        .ok();
    let list = match selected.filter(|l| l.length() > 0) {
        Some(l) => l,
        None => match document.query_selector_all(".reader mark[data-label]") {
            Ok(l) => l,
            Err(_) => return false,
        },
    };
    let marks: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    if marks.is_empty() {
        return false;
    }
    let active = document.active_element();
    let current = marks
        .iter()
        .position(|m| active.as_ref().is_some_and(|a| a.is_same_node(Some(m))));
    let next = match (current, forward) {
        (None, true) => 0,
        (None, false) => marks.len() - 1,
        (Some(i), true) => (i + 1) % marks.len(),
        (Some(i), false) => (i + marks.len() - 1) % marks.len(),
    };
    focus_and_reveal(&marks[next]);
    true
}

/// Focuses an element and scrolls it to the middle of the viewport.
pub fn focus_and_reveal(el: &HtmlElement) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.focus();
}

/// Focuses the search box.
pub fn focus_search() {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the reader's mention that starts at byte `start`, if it is rendered.
pub fn focus_mention(start: usize) -> bool {
    let selector = format!(".reader mark[data-start=\"{start}\"]");
    match gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        Some(el) => {
            focus_and_reveal(&el);
            true
        }
        None => false,
    }
}
