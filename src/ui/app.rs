//! The root component: header, view tabs, filters, article list and the current view. Owns the
//! state reducer, mirrors it into the URL and handles keyboard shortcuts.

use crate::display::entity_name;
use crate::engine::backup::StoredArticle;
use crate::engine::corpus::Article;
use crate::engine::corpus_index::{label_counts, CorpusIndex};
use crate::engine::document::Document;
use crate::engine::span::Span;
use crate::filter::Filtered;
use crate::kept_readers::KeptReaders;
use crate::kept_views::KeptViews;
use crate::ui::analyses::{placeholder, Analyses, AnalysesAction};
use crate::ui::article_list::ArticleList;
use crate::ui::article_tools::ArticleTools;
use crate::ui::compare::Compare;
use crate::ui::contexts::Contexts;
use crate::ui::corpus::Corpus;
use crate::ui::entity_list::EntityList;
use crate::ui::filter_bar::FilterBar;
use crate::ui::gazetteer::{self, GazetteerState};
use crate::ui::highlight::HighlightOptions;
use crate::ui::import::Import;
use crate::ui::index_slices::use_corpus_index;
use crate::ui::kept::{Kept, HIDDEN_CLASS};
use crate::ui::keyboard::{self, Shortcut};
use crate::ui::legend::Legend;
use crate::ui::places::Places;
use crate::ui::reader::Reader;
use crate::ui::state::{Action, HistoryMode, State};
use crate::ui::storage;
use crate::ui::tagger::Tagger;
use crate::ui::tagging_status::TaggingStatus;
use crate::ui::url;
use crate::ui::user_data::{UserAction, UserData};
use crate::ui::your_data::YourData;
use crate::view_state::{View, ViewState};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    let bundled = use_memo((), |_| Corpus::bundled_articles());
    let load_error = bundled.1.clone();
    // The full gazetteer, fetched after first paint; until it is there the core table serves.
    let gaz = use_state(|| GazetteerState::Idle);
    // What the user added, loaded from the browser's storage.
    let user = use_reducer(UserData::default);
    let db = use_mut_ref(|| None::<storage::Db>);
    let saving = use_mut_ref(|| false);
    // Every article's analysis: the bundled ones on the page at once (core gazetteer), the
    // rest, and the re-analysis with the full gazetteer, in the tagging worker.
    let analyses = use_reducer({
        let bundled = bundled.clone();
        move || Analyses::first(&bundled.0)
    });
    let tagger = use_memo((), {
        let d = analyses.dispatcher();
        move |_| Tagger::new(Callback::from(move |a| d.dispatch(a)))
    });
    let corpus = use_memo((analyses.revision, user.revision), {
        let (bundled, user, analyses) = (bundled.clone(), user.clone(), analyses.clone());
        move |_| {
            let articles = bundled
                .0
                .iter()
                .map(|a| (&a.meta, &a.text))
                .chain(user.articles.iter().map(|a| (&a.meta, &a.text)));
            Corpus::assemble(articles, &analyses.docs, &user.corrections)
        }
    });
    // Ask the worker for what is missing or not yet tagged with the full gazetteer. Until the
    // full table has arrived (or failed), new articles wait as plain text, so that nothing is
    // tagged twice.
    {
        let (bundled, user, analyses, tagger, corpus) = (
            bundled.clone(),
            user.clone(),
            analyses.clone(),
            tagger.clone(),
            (*corpus).clone(),
        );
        let gaz_settled = !matches!(*gaz, GazetteerState::Idle | GazetteerState::Loading);
        use_effect_with(
            // Progress matters only when cancelled articles may be asked for again.
            (
                user.revision,
                gaz_settled,
                analyses.revision,
                analyses.progress.cancelled,
            ),
            move |(_, settled, _, _)| {
                request_missing(&bundled.0, &user, &corpus, &analyses, &tagger, *settled);
            },
        );
    }
    let corpus: Corpus = (*corpus).clone();
    // The place list's table grows with the corpus, between other tasks.
    use_effect_with((corpus.clone(), (*gaz).clone()), |(corpus, gaz)| {
        crate::ui::place_table::prepare(corpus.clone(), gaz.clone());
    });
    // Counted incrementally (a batch of analyses costs its own mentions, not the corpus's),
    // a slice at a time.
    let index: Rc<CorpusIndex> = use_corpus_index(&corpus);
    let state = use_reducer(|| State {
        view: url::read(),
        history: HistoryMode::Keep,
    });
    // Open storage and load the user's articles and corrections.
    {
        let (dispatch, db) = (user.dispatcher(), db.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match storage::open().await {
                    Ok(handle) => {
                        let loaded = storage::load(&handle).await;
                        *db.borrow_mut() = Some(handle);
                        dispatch.dispatch(loaded);
                    }
                    Err(e) => dispatch.dispatch(UserAction::StorageUnavailable(e.to_string())),
                }
            });
        });
    }
    // Write what the user changed; on failure keep it in memory and say so.
    {
        let (db, saving, dispatch, data) =
            (db.clone(), saving.clone(), user.dispatcher(), user.clone());
        use_effect_with(
            (user.revision, user.pending.len(), user.status.clone()),
            move |_| {
                let handle = db.borrow().clone();
                let busy = *saving.borrow();
                if let (Some(handle), false, false) = (handle, busy, data.pending.is_empty()) {
                    // Cheap: the ops share the articles' records.
                    let (pending, unreadable) = (data.pending.clone(), data.unreadable.clone());
                    *saving.borrow_mut() = true;
                    wasm_bindgen_futures::spawn_local(async move {
                        let n = pending.len();
                        let result = handle.apply(&pending, &unreadable).await;
                        *saving.borrow_mut() = false;
                        dispatch.dispatch(match result {
                            Ok(()) => UserAction::Saved(n),
                            Err(e) => UserAction::SaveFailed(e.to_string()),
                        });
                    });
                }
            },
        );
    }
    // Fetch the full gazetteer once, after the first render; install it for tagging so that
    // the browser finds the same places as the command line, then re-analyse.
    {
        let (gaz, tagger) = (gaz.clone(), tagger.clone());
        use_effect_with((), move |_| {
            gaz.set(GazetteerState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                gaz.set(match gazetteer::load().await {
                    Ok((g, table)) => {
                        let g: &'static _ = Box::leak(Box::new(g));
                        crate::engine::toponyms::install(g);
                        tagger.use_gazetteer(table);
                        GazetteerState::Ready(g)
                    }
                    Err(why) => GazetteerState::Failed(why),
                });
            });
        });
    }
    crate::ui::offline::use_offline(matches!(*gaz, GazetteerState::Ready(_)));
    // A mention to focus once the reader has rendered it: (article id, byte start).
    let pending_focus = use_mut_ref(|| None::<(String, usize)>);

    // Mirror the state into the address bar.
    {
        let st = state.clone();
        use_effect_with(state.view.clone(), move |view| match st.history {
            HistoryMode::Push => url::write_after_paint(view.clone(), true),
            HistoryMode::Replace => url::write_after_paint(view.clone(), false),
            HistoryMode::Keep => {}
        });
    }
    // Back and forward restore the view (address writes still waiting are dropped: they
    // belong to the view the user left); the address is written before the page goes away.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, "popstate", move |_| {
                url::forget_waiting();
                dispatch.dispatch(Action::Restore(url::read()));
            });
            let leaving = EventListener::new(&window, "pagehide", |_| url::flush());
            move || drop((listener, leaving))
        });
    }
    // Keyboard shortcuts.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    match keyboard::shortcut(e) {
                        Some(step @ (Shortcut::Next | Shortcut::Previous)) => {
                            let moved = keyboard::step_mention(step == Shortcut::Next);
                            if moved {
                                e.prevent_default();
                            }
                        }
                        Some(Shortcut::Search) => {
                            e.prevent_default();
                            keyboard::focus_search();
                        }
                        Some(Shortcut::Clear) => dispatch.dispatch(Action::SelectEntity(None)),
                        None => {}
                    }
                },
            );
            move || drop(listener)
        });
    }
    // Focus a mention requested by "go to mention" once it is on screen.
    {
        let pending = pending_focus.clone();
        use_effect(move || {
            let target = pending.borrow().clone();
            if let Some((_, start)) = target {
                if keyboard::focus_mention(start) {
                    *pending.borrow_mut() = None;
                }
            }
        });
    }

    // Whether every article has its analysis made with the full gazetteer: asked at every
    // render, so answered again only when an analysis or the corpus changed (10,000 lookups).
    let all_full = *use_memo((analyses.revision, corpus.clone()), {
        let analyses = analyses.clone();
        move |(_, corpus)| {
            analyses.all_full()
                && corpus.0.iter().all(|d| {
                    analyses
                        .docs
                        .get(&d.meta.id)
                        .is_some_and(|x| x.fits(&d.text))
                })
        }
    });
    let view = &state.view;
    // Made again only when the corpus or a filter changed: not for the worker's progress,
    // a view switch or another open article (a search over 10,000 articles is not free).
    let filtered = use_memo(
        (
            corpus.clone(),
            index.clone(),
            (view.entity.clone(), view.outlet.clone(), view.q.clone()),
        ),
        |(c, i, (entity, outlet, q))| {
            let filters = ViewState {
                entity: entity.clone(),
                outlet: outlet.clone(),
                q: q.clone(),
                ..ViewState::default()
            };
            Filtered::of(&c.0, i, &filters)
        },
    );
    let (visible, hits) = (&filtered.visible, filtered.hits);
    let article_id = view
        .article
        .clone()
        .filter(|id| corpus.has(id))
        .or_else(|| visible.first().cloned())
        .or_else(|| corpus.0.first().map(|d| d.meta.id.clone()));

    // Callbacks are memoised so that children whose data did not change skip re-rendering.
    let d = state.dispatcher();
    let on_open = use_callback((), move |id: String, _| d.dispatch(Action::OpenArticle(id)));
    let picked = use_state(|| None::<(String, Span)>);
    let d = state.dispatcher();
    let picked_setter = picked.setter();
    let on_mark = use_callback(
        (view.entity.clone(), article_id.clone().unwrap_or_default()),
        move |(c, span): (String, Span), (current, reading)| {
            let same = current.as_deref() == Some(c.as_str());
            picked_setter.set((!same).then(|| (reading.clone(), span)));
            d.dispatch(Action::SelectEntity((!same).then_some(c)));
        },
    );
    let d = user.dispatcher();
    let on_user = use_callback((), move |a: UserAction, _| d.dispatch(a));
    let warm = use_callback(tagger.clone(), |(), tagger| tagger.start());
    let a = analyses.dispatcher();
    let on_placeholders = use_callback((), move |docs: Vec<Rc<Document>>, _| {
        a.dispatch(AnalysesAction::Waiting(docs))
    });
    let (d, s) = (user.dispatcher(), state.dispatcher());
    let on_add = use_callback((), move |a: StoredArticle, _| {
        let id = a.meta.id.clone();
        d.dispatch(UserAction::Add(a));
        s.dispatch(Action::OpenArticle(id));
    });
    let d = state.dispatcher();
    let on_select = use_callback((), move |e: Option<String>, _| {
        d.dispatch(Action::SelectEntity(e))
    });
    let d = state.dispatcher();
    let on_toggle = use_callback((), move |l, _| d.dispatch(Action::ToggleLabel(l)));
    let d = state.dispatcher();
    let on_search = use_callback((), move |q, _| d.dispatch(Action::Search(q)));
    let d = state.dispatcher();
    let on_outlet = use_callback((), move |o, _| d.dispatch(Action::FilterOutlet(o)));
    let d = state.dispatcher();
    let on_clear = use_callback((), move |_: (), _| d.dispatch(Action::ClearFilters));
    let d = state.dispatcher();
    let pending = pending_focus.clone();
    let on_goto = use_callback((), move |(id, start): (String, usize), _| {
        *pending.borrow_mut() = Some((id.clone(), start));
        d.dispatch(Action::OpenArticle(id));
        keyboard::focus_mention(start);
    });

    let options = HighlightOptions {
        types: view.types,
        entity: view.entity.clone().map(AttrValue::from),
        q: AttrValue::from(view.q.clone()),
        enabled: true,
    };
    let doc = article_id.as_deref().and_then(|id| corpus.get(id)).cloned();
    let entity_panel = html! {
        <EntityList corpus={corpus.clone()} index={index.clone()}
            selected={view.entity.clone().map(AttrValue::from)} on_select={on_select.clone()} />
    };
    // The selected entity's sentences: in the entity view, and (fewer at first) beside the article.
    let contexts = |beside: bool| {
        view.entity.clone().map(|e| {
            html! { <Contexts key={e.clone()} corpus={corpus.clone()} index={index.clone()} entity={AttrValue::from(e.clone())} on_goto={on_goto.clone()} {beside} /> }
        })
    };
    let selection = view.entity.clone().map(|e| {
        let on_select = on_select.clone();
        let name = match index.entity(&e) {
            Some(row) => entity_name(row.label, &e).into_owned(),
            None => e,
        };
        html! {
            <p class="selection" role="status">
                {"Selected: "}<strong>{name}</strong>
                <button type="button" class="link" onclick={Callback::from(move |_| on_select.emit(None))}>{"clear (Esc)"}</button>
                <span class="muted small">{" · j / k move between its mentions"}</span>
            </p>
        }
    });

    // Views visited stay in the page, hidden, while the corpus and its index are the same; so
    // do the last articles read, while they are in the corpus.
    let seen = use_mut_ref(|| (corpus.clone(), index.clone(), KeptViews::default()));
    let readers = use_mut_ref(KeptReaders::default);
    let kept = {
        let mut seen = seen.borrow_mut();
        if seen.0 != corpus || !Rc::ptr_eq(&seen.1, &index) {
            *seen = (corpus.clone(), index.clone(), KeptViews::default());
            seen.2.keep_only(view.view);
            readers.borrow_mut().retain(|id| corpus.has(id));
        }
        seen.2.keep(view.view);
        seen.2
    };
    // The views not visited yet are built hidden, one per idle moment, once every article is
    // analysed: then the first visit to one costs a frame too.
    {
        let settled = all_full && !analyses.progress.busy();
        let next = kept.next_missing().filter(|_| settled);
        let (seen, update) = (seen.clone(), use_force_update());
        use_effect_with((next, corpus.clone()), move |(next, corpus)| {
            if let Some(next) = *next {
                let corpus = corpus.clone();
                crate::ui::next_task::when_idle(None, move || {
                    // Not if the corpus changed meanwhile (the views would be of the old one).
                    let mut seen = seen.borrow_mut();
                    if seen.0 == corpus && !seen.2.has(next) {
                        seen.2.keep(next);
                        drop(seen);
                        update.force_update();
                    }
                });
            }
        });
    }
    let shown = |v: View| view.view == v;
    let d = state.dispatcher();
    let on_pick = use_callback((), move |(a, b): (String, String), _| {
        d.dispatch(Action::Compare(Some(a), Some(b)))
    });
    let compare = kept.has(View::Compare).then(|| {
        let ids: Vec<&str> = corpus.0.iter().map(|d| d.meta.id.as_str()).collect();
        let valid = |x: &Option<String>| x.clone().filter(|id| corpus.has(id));
        let a = valid(&view.a).or_else(|| ids.first().map(|s| s.to_string()));
        let b = valid(&view.b).or_else(|| {
            ids.iter()
                .find(|id| Some(**id) != a.as_deref())
                .map(|s| s.to_string())
        });
        match (a, b) {
            (Some(a), Some(b)) => html! {
                <Compare corpus={corpus.clone()} a={AttrValue::from(a)} b={AttrValue::from(b)}
                    options={options.clone()} on_pick={on_pick.clone()} on_select={on_select.clone()} />
            },
            _ => html! { <p class="empty">{"Comparing needs two articles."}</p> },
        }
    });
    let d = state.dispatcher();
    let on_options = use_callback((), move |(reference, sort, group), _| {
        d.dispatch(Action::PlaceOptions {
            reference,
            sort,
            group,
        });
    });
    let places = kept.has(View::Places).then(|| {
        html! {
            <Places corpus={corpus.clone()} gazetteer={(*gaz).clone()}
                reference={view.place_ref.clone().map(AttrValue::from)}
                sort={view.place_sort.clone().map(AttrValue::from)}
                group={view.place_group.clone().map(AttrValue::from)}
                {on_options} on_goto={on_goto.clone()} />
        }
    });
    let entities = kept.has(View::Entities).then(|| {
        html! {
            <div class="entities-view">
                <EntityList corpus={corpus.clone()} index={index.clone()}
                    selected={view.entity.clone().map(AttrValue::from)} on_select={on_select.clone()}
                    full=true />
                <div class="entities-side">{contexts(false).unwrap_or_else(|| html! {
                    <p class="muted">{"Select an entity to see every sentence that mentions it."}</p>
                })}</div>
            </div>
        }
    });
    // The read view: the article, and beside it the entity panel. The last articles read
    // stay in the page, hidden, each in its slot.
    let reader = |doc: &Rc<Document>| {
        let live = article_id.as_deref() == Some(doc.meta.id.as_str());
        html! {
            <Kept key={doc.meta.id.as_str()} {live} class="reader-slot">
                <Reader doc={doc.clone()} options={options.clone()} on_select={on_mark.clone()}
                    waiting={analyses.docs.get(&doc.meta.id).is_none_or(|x| x.waiting || !x.fits(&doc.text))}
                    tools={html! {
                        <ArticleTools doc={doc.clone()} is_user={Corpus::is_user(doc)}
                            picked={picked.as_ref().filter(|(id, _)| *id == doc.meta.id).map(|(_, s)| *s)}
                            index={index.clone()}
                            corrections={user.corrections_of(&doc.meta.id).map_or(0, |c| c.items.len())}
                            on_user={on_user.clone()} />
                    }} />
            </Kept>
        }
    };
    let read = kept.has(View::Read).then(|| match &doc {
        Some(doc) => {
            let mut slots = readers.borrow_mut();
            slots.read(&doc.meta.id);
            html! {
                <>
                    <Legend counts={label_counts(doc)} types={view.types} on_toggle={on_toggle.clone()} />
                    // One node either way (an `Option` would be none or one): Yew matches
                    // unkeyed siblings from the end, and a list that grew by one would
                    // re-create the legend in the selection's place.
                    {selection.clone().unwrap_or_default()}
                    <div class="readers">
                        { for slots.ids().filter_map(|id| corpus.get(id)).map(reader) }
                    </div>
                </>
            }
        }
        None => html! { <p class="empty">{"No article yet."}</p> },
    })
    .map(|article| {
        let panel = html! {
            // A region of the main landmark (an `aside` there would be a nested complementary).
            <section class="panel" aria-label="Entities in the corpus">
                {contexts(true).unwrap_or_default()}
                {entity_panel}
            </section>
        };
        (article, panel)
    });
    // The view's name for screen readers (the read view has the article's headline).
    let heading = |v: View| html! { <h1 class="visually-hidden">{v.title()}</h1> };
    let tabs = View::ALL.into_iter();

    html! {
        <div class="app" data-gazetteer={match &*gaz {
                _ if analyses.gazetteer_failed.is_some() => "core",
                GazetteerState::Ready(_) if all_full => "full",
                GazetteerState::Failed(_) => "core",
                _ => "loading",
            }}
            data-engine-bytes={analyses.engine.bytes.to_string()}
            data-engine-mentions={analyses.engine.mentions.to_string()}
            data-engine-ms={format!("{:.1}", analyses.engine.ms)}>
            <a class="skip" href={if shown(View::Compare) { "#compare-main" } else { "#main" }}>{"Skip to content"}</a>
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
            if let Some(n) = user.notice.clone() {
                <div class="notice-bar" role="status">
                    <span>{n}</span>
                    if user.deleted.is_some() {
                        <button type="button" class="tool" data-action="undo-delete"
                            onclick={on_user.reform(|_| UserAction::UndoDelete)}>{"Undo"}</button>
                    }
                    <button type="button" class="tool" aria-label="Dismiss" onclick={on_user.reform(|_| UserAction::Dismiss)}>{"×"}</button>
                </div>
            }
            <TaggingStatus progress={analyses.progress} stopped={analyses.stopped.clone().map(AttrValue::from)}
                on_cancel={let t = tagger.clone(); Callback::from(move |()| t.cancel())}
                on_resume={let t = tagger.clone(); Callback::from(move |()| t.resume())} />
            <FilterBar corpus={corpus.clone()} q={AttrValue::from(view.q.clone())}
                outlet={view.outlet.clone().map(AttrValue::from)} filtered={view.filtered()}
                hits={hits} on_search={on_search} on_outlet={on_outlet} on_clear={on_clear} />
            // Hidden while comparing (and out of reach, like a kept part); the tools to add
            // articles and the storage status in it go on updating.
            <div class={classes!("layout", "layout-corpus", shown(View::Compare).then_some(HIDDEN_CLASS))}>
                <Kept live={!shown(View::Compare)} class="sidebar">
                    <aside aria-label="Article list">
                        <ArticleList corpus={corpus.clone()} selected={article_id.clone().map(AttrValue::from)}
                            filters={view.filtered().then(|| filtered.clone())} on_open={on_open}
                            show_hits={!view.q.trim().is_empty()} />
                    </aside>
                </Kept>
                // Each view's parts are kept apart in the same grid cell, so that each keeps
                // its width (and its layout) while another is shown.
                <main id="main" class="main" tabindex="-1">
                    if let Some((article, panel)) = read {
                        <Kept live={shown(View::Read)} class="pane pane-read">{article}</Kept>
                        <Kept live={shown(View::Read)} class="pane pane-panel">{panel}</Kept>
                    }
                    if let Some(entities) = entities {
                        <Kept live={shown(View::Entities)} class="pane pane-entities">{heading(View::Entities)}{entities}</Kept>
                    }
                    if let Some(places) = places {
                        <Kept live={shown(View::Places)} class="pane pane-places">{heading(View::Places)}{places}</Kept>
                    }
                </main>
                // Pointing at, focusing or dragging onto the tools to add articles starts
                // the tagging worker, which the bundled articles alone never need.
                <aside class="tools-aside" aria-label="Your articles" onpointerenter={warm.reform(|_: PointerEvent| ())}
                    onfocusin={warm.reform(|_: FocusEvent| ())} ondragenter={warm.reform(|_: DragEvent| ())}>
                    <Import corpus={corpus.clone()} tagger={(*tagger).clone()} {on_add} />
                    <YourData data={user.clone()} on_user={on_user.clone()} {on_placeholders} />
                </aside>
            </div>
            if let Some(compare) = compare {
                <Kept live={shown(View::Compare)} class="layout layout-compare">
                    <main id="compare-main" class="main" tabindex="-1">{heading(View::Compare)}{compare}</main>
                </Kept>
            }
            <footer class="footer">
                <p>{"NewsLens analyses articles in your browser; nothing you read or add is sent anywhere. Place data © GeoNames (CC BY 4.0); given names from nam_dict.txt © Jörg Michael (GNU FDL 1.2)."}</p>
            </footer>
        </div>
    }
}

/// Shows articles without an analysis as text until theirs arrives, and asks the worker for
/// every article that is missing an analysis or still has one made without the full gazetteer
/// (once the gazetteer has arrived or failed: `settled`), unless it is already asked for.
///
/// `corpus` was assembled from the same articles, in the same order: an article without an
/// analysis already has its placeholder there, which is kept rather than made again (10,000
/// restored articles would each have their paragraphs found twice, and every document would
/// change identity, so that the index and the place table would start over).
fn request_missing(
    bundled: &[Article],
    user: &UserData,
    corpus: &Corpus,
    analyses: &UseReducerHandle<Analyses>,
    tagger: &Tagger,
    settled: bool,
) {
    let mut waiting = Vec::new();
    let mut ask = Vec::new();
    let all = bundled
        .iter()
        .map(|a| (&a.meta, &a.text))
        .chain(user.articles.iter().map(|a| (&a.meta, &a.text)));
    for (i, (meta, text)) in all.enumerate() {
        let article = || Article {
            meta: meta.clone(),
            text: text.clone(),
        };
        // An analysis of another text under this id (a restored backup replaced it) is
        // not this article's.
        let known = analyses.docs.get(&meta.id).filter(|x| x.fits(text));
        if known.is_none() {
            // The corpus's document is the bare placeholder unless corrections were replayed
            // over it.
            let assembled = corpus.0.get(i).filter(|d| {
                d.meta.id == meta.id
                    && d.mentions.is_empty()
                    && user.corrections_of(&meta.id).is_none()
            });
            waiting.push(
                assembled
                    .cloned()
                    .unwrap_or_else(|| Rc::new(placeholder(meta, text))),
            );
        }
        let stale = known.is_none_or(|x| x.waiting || (!x.full && tagger.has_full_gazetteer()));
        if settled && stale && !tagger.is_asked(&meta.id) {
            ask.push(article());
        }
    }
    if !waiting.is_empty() {
        analyses.dispatch(AnalysesAction::Waiting(waiting));
    }
    tagger.request(ask);
}
