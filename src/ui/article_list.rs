//! The article list: outlet, date and title of every article, with the selected one marked.

use crate::display::{counted, outlet_name};
use crate::filter::Filtered;
use crate::list_window::window;
use crate::ui::corpus::Corpus;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// From this many articles on, only the rows in view are put in the page.
const VIRTUAL_FROM: usize = 150;
/// A row's height in the virtual list, in CSS pixels (`.article-list.virtual li` in style.css).
const ROW_PX: f64 = 76.0;
/// Rows rendered beyond each edge of the view.
const MARGIN_ROWS: usize = 8;

/// Props of [`ArticleList`].
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The corpus.
    pub corpus: Corpus,
    /// The id of the article shown, if any.
    pub selected: Option<AttrValue>,
    /// Each article's standing under the current filters, in corpus order (all shown when
    /// `None`): shared with the app, not copied, at every render.
    #[prop_or_default]
    pub filters: Option<Rc<Filtered>>,
    /// Whether a search is active: each row then shows its number of matches.
    #[prop_or_default]
    pub show_hits: bool,
    /// Called with an article id when the user opens it.
    pub on_open: Callback<String>,
}

/// The list of articles in the corpus.
#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    // Corpus and filters are in the same order: no lookup by id.
    let standing = |i: usize| props.filters.as_ref().and_then(|f| f.filters.get(i));
    let shown: Vec<_> = props
        .corpus
        .0
        .iter()
        .enumerate()
        .filter(|&(i, _)| standing(i).is_none_or(|f| f.visible))
        .map(|(i, d)| (d, standing(i).map(|f| f.hits)))
        .collect();
    let hidden = props.corpus.0.len() - shown.len();
    // (scroll offset, viewport height) of the virtual list's scroller.
    let scroll = use_state(|| (0.0_f64, 800.0_f64));
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            scroll.set((f64::from(el.scroll_top()), f64::from(el.client_height())));
        })
    };
    let virtual_list = shown.len() >= VIRTUAL_FROM;
    let win = if virtual_list {
        window(shown.len(), ROW_PX, scroll.0, scroll.1, MARGIN_ROWS)
    } else {
        window(shown.len(), 0.0, 0.0, 0.0, 0)
    };
    let row = |&(d, n_hits): &(&Rc<crate::engine::document::Document>, Option<usize>)| {
        let id = d.meta.id.clone();
        let current = props.selected.as_deref() == Some(id.as_str());
        let on_open = props.on_open.clone();
        let open_id = id.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_open.emit(open_id.clone());
        });
        let n_hits = n_hits.filter(|_| props.show_hits);
        html! {
            <li key={id.clone()}>
                <a
                    href={format!("?article={}", js_sys::encode_uri_component(&id))}
                    class={classes!("article-link", current.then_some("current"))}
                    data-article={id.clone()}
                    aria-current={current.then_some("page")}
                    {onclick}
                >
                    <span class="outlet">{outlet_name(&d.meta.outlet)}</span>
                    <span class="date">{d.meta.published.clone().unwrap_or_else(|| "undated".into())}</span>
                    <span class="title">{&d.meta.title}</span>
                    if let Some(n) = n_hits {
                        <span class="hits small" data-hits={n.to_string()}>{format!("{n} match{}", if n == 1 { "" } else { "es" })}</span>
                    }
                    if d.meta.certainty == "user" {
                        <span class="yours small">{"yours"}</span>
                    }
                </a>
            </li>
        }
    };
    let rows: Html = shown[win.first..win.end].iter().map(row).collect();
    html! {
        <nav class={classes!("article-list", virtual_list.then_some("virtual"))} aria-label="Articles">
            <h2 class="panel-title">{"Articles"}<span class="count">{shown.len()}</span></h2>
            if virtual_list {
                <div class="article-scroll" {onscroll} tabindex="-1">
                    <ol style={format!("padding-top:{}px;padding-bottom:{}px", win.before_px, win.after_px)}>
                        {rows}
                    </ol>
                </div>
            } else {
                <ol>{rows}</ol>
            }
            if hidden > 0 {
                <p class="muted small">{format!("{} hidden by the filters", counted(hidden, "article"))}</p>
            }
        </nav>
    }
}
