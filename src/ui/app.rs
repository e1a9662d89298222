//! The root component: header, view tabs, article list and the current view; owns the state
//! reducer and mirrors it into the URL.

use crate::ui::article_list::ArticleList;
use crate::ui::corpus::Corpus;
use crate::ui::highlight::HighlightOptions;
use crate::ui::reader::Reader;
use crate::ui::state::{Action, HistoryMode, State};
use crate::ui::url;
use crate::view_state::View;
use gloo::events::EventListener;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| Corpus::bundled());
    let (corpus, load_error) = (*loaded).clone();
    let state = use_reducer(|| State {
        view: url::read(),
        history: HistoryMode::Keep,
    });

    // Mirror the state into the address bar.
    {
        let st = state.clone();
        use_effect_with(state.view.clone(), move |view| match st.history {
            HistoryMode::Push => url::write(view, true),
            HistoryMode::Replace => url::write(view, false),
            HistoryMode::Keep => {}
        });
    }
    // Back and forward restore the view.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatch.dispatch(Action::Restore(url::read()));
            });
            move || drop(listener)
        });
    }

    let view = &state.view;
    let article_id = view
        .article
        .clone()
        .filter(|id| corpus.has(id))
        .or_else(|| corpus.0.first().map(|d| d.meta.id.clone()));
    let on_open = {
        let d = state.dispatcher();
        Callback::from(move |id: String| d.dispatch(Action::OpenArticle(id)))
    };
    let on_select = {
        let d = state.dispatcher();
        let current = view.entity.clone();
        Callback::from(move |c: String| {
            let next = (current.as_deref() != Some(c.as_str())).then_some(c);
            d.dispatch(Action::SelectEntity(next));
        })
    };
    let options = HighlightOptions {
        types: view.types,
        entity: view.entity.clone().map(AttrValue::from),
        q: AttrValue::from(view.q.clone()),
        enabled: true,
    };
    let tabs = View::ALL.into_iter().filter(|v| matches!(v, View::Read));

    html! {
        <div class="app">
            <a class="skip" href="#main">{"Skip to content"}</a>
            <header class="topbar">
                <a class="brand" href="./" aria-label="NewsLens home">
                    <svg aria-hidden="true" viewBox="0 0 32 32" width="22" height="22"><circle cx="13" cy="13" r="9" fill="none" stroke="currentColor" stroke-width="4"/><path d="M20 20l8 8" stroke="currentColor" stroke-width="4" stroke-linecap="round"/></svg>
                    <span>{"NewsLens"}</span>
                </a>
                <nav class="tabs" aria-label="Views">
                    { for tabs.map(|v| {
                        let d = state.dispatcher();
                        let current = view.view == v;
                        html! {
                            <button type="button" class={classes!("tab", current.then_some("current"))}
                                aria-pressed={current.to_string()} data-view={v.as_str()}
                                onclick={Callback::from(move |_| d.dispatch(Action::SetView(v)))}>
                                {v.title()}
                            </button>
                        }
                    }) }
                </nav>
                <p class="privacy">{"Runs entirely in your browser"}</p>
            </header>
            if let Some(err) = load_error {
                <p class="error" role="alert">{format!("The bundled corpus could not be read: {err}")}</p>
            }
            <div class="layout">
                <aside class="sidebar">
                    <ArticleList corpus={corpus.clone()} selected={article_id.clone().map(AttrValue::from)} on_open={on_open} />
                </aside>
                <main id="main" class="main" tabindex="-1">
                    {
                        match article_id.as_deref().and_then(|id| corpus.get(id)) {
                            Some(doc) => html! { <Reader doc={doc.clone()} options={options} on_select={on_select} /> },
                            None => html! { <p class="empty">{"No article yet. Add one to start."}</p> },
                        }
                    }
                </main>
            </div>
            <footer class="footer">
                <p>{"NewsLens analyses articles in your browser; nothing you read or add is sent anywhere. Place data © GeoNames (CC BY 4.0)."}</p>
            </footer>
        </div>
    }
}
