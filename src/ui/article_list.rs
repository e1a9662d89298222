//! The article list: outlet, date and title of every article, with the selected one marked.

use crate::ui::corpus::Corpus;
use yew::prelude::*;

/// Props of [`ArticleList`].
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The corpus.
    pub corpus: Corpus,
    /// The id of the article shown, if any.
    pub selected: Option<AttrValue>,
    /// Ids of the articles that pass the current filters (all when `None`).
    #[prop_or_default]
    pub visible: Option<Vec<String>>,
    /// Search matches per article (by id), shown when a search is active.
    #[prop_or_default]
    pub hits: Option<Vec<(String, usize)>>,
    /// Called with an article id when the user opens it.
    pub on_open: Callback<String>,
}

/// The list of articles in the corpus.
#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let shown: Vec<_> = props
        .corpus
        .0
        .iter()
        .filter(|d| {
            props
                .visible
                .as_ref()
                .is_none_or(|v| v.iter().any(|id| *id == d.meta.id))
        })
        .collect();
    let hidden = props.corpus.0.len() - shown.len();
    html! {
        <nav class="article-list" aria-label="Articles">
            <h2 class="panel-title">{"Articles"}<span class="count">{shown.len()}</span></h2>
            <ol>
            { for shown.iter().map(|d| {
                let id = d.meta.id.clone();
                let current = props.selected.as_deref() == Some(id.as_str());
                let on_open = props.on_open.clone();
                let open_id = id.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    on_open.emit(open_id.clone());
                });
                html! {
                    <li key={id.clone()}>
                        <a
                            href={format!("?article={}", js_sys::encode_uri_component(&id))}
                            class={classes!("article-link", current.then_some("current"))}
                            data-article={id.clone()}
                            aria-current={current.then_some("page")}
                            {onclick}
                        >
                            <span class="outlet">{if d.meta.outlet.is_empty() { "Unknown outlet" } else { d.meta.outlet.as_str() }}</span>
                            <span class="date">{d.meta.published.clone().unwrap_or_else(|| "undated".into())}</span>
                            <span class="title">{&d.meta.title}</span>
                            if let Some(n) = props.hits.as_ref().and_then(|h| h.iter().find(|(i, _)| *i == d.meta.id)).map(|(_, n)| *n) {
                                <span class="hits small" data-hits={n.to_string()}>{format!("{n} match{}", if n == 1 { "" } else { "es" })}</span>
                            }
                            if d.meta.certainty == "user" {
                                <span class="yours small">{"yours"}</span>
                            }
                        </a>
                    </li>
                }
            }) }
            </ol>
            if hidden > 0 {
                <p class="muted small">{format!("{hidden} article(s) hidden by the filters")}</p>
            }
        </nav>
    }
}
