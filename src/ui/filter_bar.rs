//! The filter bar: text search, outlet choice, and one button that clears every filter.

use crate::ui::corpus::Corpus;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// The corpus (for the outlet list).
    pub corpus: Corpus,
    /// Current search text.
    pub q: AttrValue,
    /// Current outlet filter.
    pub outlet: Option<AttrValue>,
    /// Whether any filter is set (enables "Clear").
    pub filtered: bool,
    /// Search matches in the visible articles.
    pub hits: usize,
    /// Called on every keystroke in the search box.
    pub on_search: Callback<String>,
    /// Called with the chosen outlet (`None` for all).
    pub on_outlet: Callback<Option<String>>,
    /// Clears every filter.
    pub on_clear: Callback<()>,
}

/// Search box, outlet select and clear button.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let mut outlets: Vec<String> = props
        .corpus
        .0
        .iter()
        .map(|d| d.meta.outlet.clone())
        .collect();
    outlets.sort();
    outlets.dedup();
    let on_search = props.on_search.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_search.emit(input.value());
    });
    let on_outlet = props.on_outlet.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        on_outlet.emit((!v.is_empty()).then_some(v));
    });
    let on_clear = props.on_clear.clone();
    let q = props.q.trim();
    html! {
        <div class="filter-bar" role="search">
            <label class="search-field">
                <span class="visually-hidden">{"Search the text"}</span>
                <input id="search" type="search" placeholder="Search text  ( / )" autocomplete="off"
                    value={props.q.clone()} {oninput} aria-describedby="search-status" />
            </label>
            <label class="outlet-field">
                <span class="visually-hidden">{"Outlet"}</span>
                <select id="outlet" {onchange} aria-label="Filter by outlet">
                    <option value="" selected={props.outlet.is_none()}>{"All outlets"}</option>
                    { for outlets.into_iter().map(|o| {
                        let sel = props.outlet.as_deref() == Some(o.as_str());
                        html! { <option value={o.clone()} selected={sel}>{o}</option> }
                    }) }
                </select>
            </label>
            <button type="button" class="clear" disabled={!props.filtered}
                onclick={Callback::from(move |_| on_clear.emit(()))}>{"Clear filters"}</button>
            <p id="search-status" class="search-status" aria-live="polite">
                if !q.is_empty() {
                    {format!("{} match{} for “{}”", props.hits, if props.hits == 1 { "" } else { "es" }, q)}
                }
            </p>
        </div>
    }
}
