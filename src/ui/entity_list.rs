//! The entity list: canonical entities grouped by label, with counts per article and outlet,
//! aliases, sorting and its own search box. Used as a side panel and as `view=entities`.

use crate::display::{counted, entity_name};
use crate::engine::corpus_index::{CorpusIndex, EntityRow};
use crate::engine::label::Label;
use crate::last_made::{LastMade, Same};
use crate::ui::corpus::Corpus;
use crate::ui::outlets::{outlets, Outlets};
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`EntityList`].
#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    /// The corpus.
    pub corpus: Corpus,
    /// Its index.
    pub index: Rc<CorpusIndex>,
    /// The selected entity.
    pub selected: Option<AttrValue>,
    /// Called with a canonical name to select (or `None` to clear).
    pub on_select: Callback<Option<String>>,
    /// Full view (per-article and per-outlet columns) rather than the side panel.
    #[prop_or_default]
    pub full: bool,
}

/// Rows shown per label at first in the full view; a large corpus has thousands, shown on
/// request.
const FIRST_ROWS: usize = 60;
/// The same in the side panel, which sits beside every article: a top ten per label keeps
/// switching views and selecting quick on a large corpus (the panel was 600 of the read
/// view's 1,030 elements at 20 rows).
const FIRST_ROWS_PANEL: usize = 10;
/// Rows added by each "Show more".
const MORE_ROWS: usize = 240;

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Count,
    Name,
}

/// Each label's rows, in display order.
type Groups = Rc<[Vec<Rc<EntityRow>>; 6]>;

thread_local! {
    /// The last groups made ([`groups`]): made again when the index, the search or the sort
    /// changes, not at every selection or when the list is shown again (a large corpus has
    /// tens of thousands of entities).
    static LAST_GROUPS: LastMade<(Same<CorpusIndex>, String, SortBy), Groups> = const { LastMade::new() };
}

/// Each label's entities of `index` that pass the entity search `needle` (lower-cased), in
/// display order.
fn groups(index: &CorpusIndex, needle: &str, sort: SortBy) -> Groups {
    let mut rows: Vec<&Rc<EntityRow>> = index
        .entities
        .iter()
        .filter(|e| {
            needle.is_empty()
                || e.canonical.to_lowercase().contains(needle)
                // A date's or number's name in words, when it is not the canonical itself.
                || matches!(entity_name(e.label, &e.canonical),
                    Cow::Owned(shown) if shown.to_lowercase().contains(needle))
                || e.aliases.iter().any(|a| a.to_lowercase().contains(needle))
        })
        .collect();
    if sort == SortBy::Name {
        rows.sort_by_key(|e| e.canonical.to_lowercase());
    }
    let mut groups: [Vec<Rc<EntityRow>>; 6] = Default::default();
    for e in rows {
        groups[e.label.index()].push(Rc::clone(e));
    }
    Rc::new(groups)
}

/// The entity list.
#[component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let sort = use_state(|| SortBy::Count);
    let filter = use_state(String::new);
    let limits = use_state(HashMap::<Label, usize>::new);
    // Each article's outlet, as an index into `outlets` (for the per-outlet counts).
    let outlets_of = outlets(&props.corpus);
    let groups = LAST_GROUPS.with(|last| {
        let key = (
            Same(props.index.clone()),
            filter.trim().to_lowercase(),
            *sort,
        );
        last.get_or_make(key, |(index, needle, sort)| groups(&index.0, needle, *sort))
    });

    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let sort_button = |by: SortBy, text: &'static str| {
        let sort = sort.clone();
        let on = *sort == by;
        html! {
            <button type="button" class={classes!("sort", on.then_some("current"))} aria-pressed={on.to_string()}
                onclick={Callback::from(move |_| sort.set(by))}>{text}</button>
        }
    };
    let shown: usize = groups.iter().map(Vec::len).sum();
    html! {
        <section class={classes!("entity-list", props.full.then_some("full"))} aria-label="Entities">
            <div class="entity-tools">
                <h2 class="panel-title">{"Entities"}<span class="count">{shown}</span></h2>
                <label class="entity-search">
                    <span class="visually-hidden">{"Find an entity"}</span>
                    <input type="search" placeholder="Find an entity" value={(*filter).clone()} {oninput} />
                </label>
                <span class="sort-by" role="group" aria-label="Sort entities">
                    {"Sort: "}{sort_button(SortBy::Count, "by count")}{sort_button(SortBy::Name, "by name")}
                </span>
            </div>
            if shown == 0 {
                <p class="muted small">{"No entity matches."}</p>
            }
            { for Label::ALL.into_iter().zip(groups.iter()).map(|(label, group)| {
                if group.is_empty() {
                    return html! {};
                }
                let total = group.len();
                let first = if props.full { FIRST_ROWS } else { FIRST_ROWS_PANEL };
                let limit = limits.get(&label).copied().unwrap_or(first);
                let more = {
                    let limits = limits.clone();
                    Callback::from(move |_| {
                        let mut next = (*limits).clone();
                        next.insert(label, limit + MORE_ROWS);
                        limits.set(next);
                    })
                };
                let selected = props.selected.as_deref();
                // The rows within the limit, and the selected entity wherever it ranks.
                let group: Vec<&EntityRow> = group
                    .iter()
                    .map(|e| &**e)
                    .enumerate()
                    .filter(|(i, e)| *i < limit || Some(e.canonical.as_str()) == selected)
                    .map(|(_, e)| e)
                    .collect();
                html! {
                    <div class="entity-group" key={label.as_str()}>
                        <h3 class={classes!("group-title")}>
                            <span class={classes!("swatch", format!("m-{}", label.as_str().to_ascii_lowercase()))} aria-hidden="true">{"Ab"}</span>
                            {label.human()}<span class="count">{total}</span>
                        </h3>
                        <ul>
                            { for group.into_iter().map(|e| entity_row(props, e, &outlets_of)) }
                        </ul>
                        if total > limit {
                            <button type="button" class="link more-entities" onclick={more}>
                                {format!("Show {} more of {total} {}", MORE_ROWS.min(total - limit), label.plural())}
                            </button>
                        }
                    </div>
                }
            }) }
        </section>
    }
}

fn entity_row(props: &EntityListProps, e: &EntityRow, outlets_of: &Outlets) -> Html {
    let selected = props.selected.as_deref() == Some(e.canonical.as_str());
    let on_select = props.on_select.clone();
    let name = e.canonical.clone();
    let onclick = Callback::from(move |_| {
        on_select.emit((!selected).then(|| name.clone()));
    });
    let shown = entity_name(e.label, &e.canonical);
    let others: Vec<&String> = e
        .aliases
        .iter()
        .filter(|a| **a != e.canonical && **a != *shown)
        .collect();
    let Outlets {
        names: outlets,
        of_doc,
    } = outlets_of;
    let mut counts = vec![0usize; outlets.len()];
    if props.full {
        for &(doc, n) in &e.per_doc {
            if let Some(c) = of_doc.get(doc).and_then(|o| counts.get_mut(*o)) {
                *c += n;
            }
        }
    }
    let per_outlet: Vec<(&str, usize)> = outlets.iter().map(String::as_str).zip(counts).collect();
    html! {
        <li key={e.canonical.clone()} class={classes!("entity", selected.then_some("selected"))}
            data-entity={e.canonical.clone()} data-label={e.label.as_str()} data-count={e.total.to_string()}>
            <button type="button" class="entity-name" aria-pressed={selected.to_string()} {onclick}
                title={format!("{} in {}", counted(e.total, "mention"), counted(e.doc_count(), "article"))}>
                <span class="name">{shown.to_string()}</span>
                <span class="count">{e.total}</span>
            </button>
            if !others.is_empty() {
                <span class="aliases">{"also: "}{others.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")}</span>
            }
            if props.full {
                <span class="per-outlet">
                    { for per_outlet.into_iter().map(|(o, n)| html! {
                        <span class={classes!("outlet-count", (n == 0).then_some("zero"))}>{format!("{o}: {n}")}</span>
                    }) }
                </span>
            }
        </li>
    }
}
