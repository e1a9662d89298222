//! Browser tests of the Yew components: the one wasm test binary, run in headless Chromium.
//!
//! Each test mounts into its own fresh `div`, acts like a user, waits for Yew to render,
//! asserts through selectors scoped to its root, and destroys the app.
#![cfg(target_arch = "wasm32")]

use newslens::engine::corpus::ArticleMeta;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh root element attached to the document.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Metadata of a user's article with this id.
fn user_meta(id: &str) -> ArticleMeta {
    ArticleMeta {
        id: id.into(),
        file: format!("{id}.txt"),
        title: format!("Title {id}"),
        outlet: "Outlet".into(),
        section: None,
        standfirst: None,
        published: None,
        url: None,
        certainty: "user".into(),
        evidence: String::new(),
    }
}

/// Lets Yew run its scheduled renders.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_lists_articles_and_opens_one_on_click() {
    let root = fresh_root();
    let app = yew::Renderer::<newslens::ui::app::App>::with_root(root.clone()).render();
    settle().await;

    let ids: Vec<String> = all(&root, "[data-article]")
        .iter()
        .map(|e| attr(e, "data-article"))
        .collect();
    assert_eq!(ids, ["000_d9b921036b694c82", "002_08ae971f51795d28"]);

    let second = all(&root, "[data-article='002_08ae971f51795d28']").remove(0);
    second.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let reader = root.query_selector("[data-reader]").unwrap().unwrap();
    assert_eq!(attr(&reader, "data-reader"), "002_08ae971f51795d28");
    let h1 = root.query_selector(".reader h1").unwrap().unwrap();
    assert_eq!(
        h1.text_content().unwrap().trim(),
        "Iraqi military enters Kirkuk"
    );
    // Page furniture is set apart, not among the story paragraphs.
    let paras: String = all(&root, ".reader-body .para")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert!(!paras.contains("Subscribe to The Week"));
    assert!(!all(&root, ".boilerplate").is_empty());

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn legend_shows_counts_and_emits_toggles() {
    use newslens::engine::label::Label;
    use newslens::ui::legend::{Legend, LegendProps};
    use newslens::view_state::LabelSet;
    use std::cell::RefCell;
    use std::rc::Rc;

    let root = fresh_root();
    let toggled: Rc<RefCell<Vec<Label>>> = Rc::default();
    let sink = toggled.clone();
    let props = LegendProps {
        counts: [1, 2, 3, 4, 5, 6],
        types: LabelSet::ALL.toggled(Label::Org),
        on_toggle: yew::Callback::from(move |l| sink.borrow_mut().push(l)),
    };
    let app = yew::Renderer::<Legend>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let items = all(&root, "[data-toggle]");
    let counts: Vec<(String, String, String)> = items
        .iter()
        .map(|e| {
            (
                attr(e, "data-toggle"),
                attr(e, "data-count"),
                attr(e, "aria-pressed"),
            )
        })
        .collect();
    assert_eq!(counts[0], ("PERSON".into(), "1".into(), "true".into()));
    assert_eq!(counts[1], ("ORG".into(), "2".into(), "false".into()));
    assert_eq!(counts[5], ("NUMBER".into(), "6".into(), "true".into()));
    items[2].dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(*toggled.borrow(), [Label::Place]);

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn entity_list_sorts_searches_and_selects() {
    use newslens::engine::corpus_index::CorpusIndex;
    use newslens::ui::corpus::Corpus;
    use newslens::ui::entity_list::{EntityList, EntityListProps};
    use std::cell::RefCell;
    use std::rc::Rc;

    let (corpus, error) = Corpus::bundled();
    assert!(error.is_none());
    let index = Rc::new(CorpusIndex::build(&corpus.0));
    let picked: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let sink = picked.clone();
    let root = fresh_root();
    let props = EntityListProps {
        corpus,
        index: index.clone(),
        selected: None,
        on_select: yew::Callback::from(move |e| sink.borrow_mut().push(e)),
        full: true,
    };
    let app = yew::Renderer::<EntityList>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let rows = all(&root, "[data-entity]");
    assert_eq!(rows.len(), index.entities.len());
    // Each row carries its canonical name, label and count (contract hooks).
    let first = index
        .entities
        .iter()
        .find(|e| e.label == newslens::engine::label::Label::Person);
    if let Some(e) = first {
        let row = root
            .query_selector(&format!("[data-entity='{}']", e.canonical))
            .unwrap()
            .unwrap();
        assert_eq!(attr(&row, "data-label"), "PERSON");
        assert_eq!(attr(&row, "data-count"), e.total.to_string());
    }

    // Sorting by name orders each group alphabetically.
    let by_name = all(&root, "button.sort").remove(1);
    by_name.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    for group in all(&root, ".entity-group") {
        let names: Vec<String> = all(&group, "[data-entity]")
            .iter()
            .map(|e| attr(e, "data-entity").to_lowercase())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    // Clicking a row selects its entity.
    let row = all(&root, "[data-entity] .entity-name").remove(0);
    row.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(picked.borrow().len(), 1);
    assert!(picked.borrow()[0].is_some());

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn user_data_keeps_everything_when_storage_fails() {
    use newslens::engine::backup::StoredArticle;
    use newslens::ui::user_data::{Op, StorageStatus, UserAction, UserData};
    use std::rc::Rc;
    use yew::Reducible;

    let article = |id: &str| {
        StoredArticle::new(
            user_meta(id),
            "Text of the article.",
            "2026-11-23T00:00:00Z",
        )
    };
    let d = Rc::new(UserData::default());
    let d = d.reduce(UserAction::Add(article("user-1")));
    let d = d.reduce(UserAction::Add(article("user-2")));
    assert_eq!(d.pending.len(), 2);
    // A quota error: the data and the owed writes stay, and the user is told.
    let d = d.reduce(UserAction::SaveFailed("full".into()));
    assert_eq!(d.articles.len(), 2);
    assert_eq!(d.pending.len(), 2);
    assert_eq!(d.status, StorageStatus::Failed("full".into()));
    // The next successful save clears exactly what it wrote.
    let d = d.reduce(UserAction::Saved(1));
    assert_eq!(d.pending, [Op::PutArticle(Rc::new(article("user-2")))]);
    // The owed write shares the article's record: thousands of restored articles are not
    // held twice.
    let Op::PutArticle(owed) = &d.pending[0] else {
        panic!("a put")
    };
    assert!(Rc::ptr_eq(owed, &d.articles[1]));
    // Delete is undoable and restores the article.
    let d = d.reduce(UserAction::Delete("user-1".into()));
    assert_eq!(d.articles.len(), 1);
    let d = d.reduce(UserAction::UndoDelete);
    assert_eq!(d.articles.len(), 2);
    // Storage that loads late never drops what was added meanwhile.
    let d = d.reduce(UserAction::Loaded {
        articles: vec![article("user-0")],
        corrections: vec![],
        unreadable: vec![],
        upgraded: vec![],
    });
    let ids: Vec<&str> = d.articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["user-0", "user-2", "user-1"]);
}

#[wasm_bindgen_test]
fn unreadable_records_are_exported_exactly_as_stored() {
    use js_sys::{Object, Reflect, Uint8Array, JSON};
    use newslens::ui::storage::raw_json;
    use newslens::ui::user_data::Unreadable;
    use wasm_bindgen::JsValue;

    // Text that is not valid Unicode, bytes and a BigInt: JSON alone would drop or refuse them.
    let record = Object::new();
    let lone = JSON::parse(r#""a\ud800b""#).unwrap();
    Reflect::set(&record, &"text".into(), &lone).unwrap();
    let bytes = Uint8Array::from(&[1u8, 2, 255][..]).buffer();
    Reflect::set(&record, &"bytes".into(), &bytes).unwrap();
    Reflect::set(&record, &"big".into(), &js_sys::BigInt::from(7u64).into()).unwrap();
    let raw = raw_json(&record.into());
    assert_eq!(
        raw,
        r#"{"text":"a\ud800b","bytes":{"$bytes_hex":"0102ff"},"big":"7"}"#
    );
    // The export embeds the record verbatim: the lone surrogate comes back in JavaScript.
    let u = Unreadable {
        store: "articles",
        key: Some("user-1".into()),
        reason: "it holds text that is not valid Unicode".into(),
        raw,
    };
    let entry = JSON::parse(&u.export_entry()).unwrap();
    let text = Reflect::get(
        &Reflect::get(&entry, &"record".into()).unwrap(),
        &"text".into(),
    )
    .unwrap();
    assert_eq!(text, lone);
    assert_eq!(
        Reflect::get(&entry, &"key".into()).unwrap(),
        JsValue::from_str("user-1")
    );
    // A value JSON cannot write at all (a cycle) still gives valid JSON that says so.
    let cycle = Object::new();
    Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let raw = raw_json(&cycle.into());
    assert!(JSON::parse(&raw).is_ok(), "{raw}");
    assert!(raw.contains("JSON cannot hold"), "{raw}");
}

#[wasm_bindgen_test]
async fn a_finished_file_read_lets_go_of_its_reader() {
    use newslens::ui::file_reads::FileReads;
    use std::cell::RefCell;
    use std::rc::Rc;
    let reads = Rc::new(FileReads::default());
    let got = Rc::new(RefCell::new(None::<String>));
    let blob = gloo::file::Blob::new("backup text");
    {
        let got = got.clone();
        reads.start(move |ticket| {
            gloo::file::callbacks::read_as_text(&blob, move |text| {
                ticket.finished();
                *got.borrow_mut() = text.ok();
            })
        });
    }
    assert_eq!(reads.len(), 1, "kept alive while it reads");
    // The read completes in a later task, and the reader is let go in the one after.
    for _ in 0..100 {
        if got.borrow().is_some() && reads.is_empty() {
            break;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    assert_eq!(got.borrow().as_deref(), Some("backup text"));
    assert!(
        reads.is_empty(),
        "the finished reader (and the file it holds) is dropped"
    );
}

#[wasm_bindgen_test]
async fn a_file_read_in_chunks_is_whole_across_a_character_cut_in_two() {
    use newslens::ui::chunked_read::{read_text, CHUNK_BYTES};
    // "é" (two bytes) straddles the first chunk's end; the file ends in a partial chunk.
    let cut = usize::try_from(CHUNK_BYTES).unwrap();
    let mut text = "a".repeat(cut - 1);
    text.push_str("é Kirkuk");
    text.push_str(&"b".repeat(1000));
    let blob = gloo::file::Blob::new(text.as_str());
    assert_eq!(read_text(blob.as_ref()).await.as_deref(), Ok(text.as_str()));

    let empty = gloo::file::Blob::new("");
    assert_eq!(read_text(empty.as_ref()).await.as_deref(), Ok(""));

    // Latin-1 "é" alone is not UTF-8: refused with the reason.
    let latin1 = gloo::file::Blob::new(&[b'C', b'a', b'f', 0xe9][..]);
    assert_eq!(
        read_text(latin1.as_ref()).await,
        Err("it is not UTF-8 text".to_string())
    );
}

#[wasm_bindgen_test]
fn place_table_follows_the_corpus_as_analyses_replace_placeholders() {
    use newslens::engine::corpus::Article;
    use newslens::engine::document::Document;
    use newslens::engine::gazetteer::Gazetteer;
    use newslens::engine::places::digest::DocPlaces;
    use newslens::engine::places::place_list;
    use newslens::ui::analyses::placeholder;
    use newslens::ui::corpus::Corpus;
    use newslens::ui::gazetteer::GazetteerState;
    use newslens::ui::place_table::place_table;
    use std::rc::Rc;

    let article = |id: &str, text: &str| Article {
        meta: user_meta(id),
        text: text.into(),
    };
    let texts = [
        (
            "a",
            "Fighting was reported near Kirkuk and in Baghdad on Monday.",
        ),
        ("b", "Troops left Baghdad for Kirkuk."),
        ("c", "Families fled Kirkuk for Erbil."),
    ];
    let analysed: Vec<Rc<Document>> = texts
        .iter()
        .map(|(id, t)| Rc::new(Document::analyse(article(id, t))))
        .collect();
    let waiting = Rc::new(placeholder(&analysed[1].meta, &analysed[1].text));
    let g = Gazetteer::core();
    let gaz = GazetteerState::Ready(g);
    let counts = |corpus: &Corpus| -> Vec<(String, usize)> {
        place_table(corpus, &gaz)
            .rows
            .iter()
            .map(|r| (r.canonical.clone(), r.mentions.len()))
            .collect()
    };
    let expected = |docs: &[Rc<Document>]| -> Vec<(String, usize)> {
        let digests: Vec<DocPlaces> = docs
            .iter()
            .map(|d| DocPlaces::resolve(g, &d.text, &d.mentions))
            .collect();
        let pairs: Vec<(&str, &DocPlaces)> = docs.iter().map(|d| &*d.text).zip(&digests).collect();
        place_list(g, &pairs)
            .iter()
            .map(|r| (r.canonical.clone(), r.mentions.len()))
            .collect()
    };

    let kirkuk = |listed: &[(String, usize)]| {
        listed
            .iter()
            .find(|(n, _)| n.starts_with("Kirkuk"))
            .map_or(0, |(_, c)| *c)
    };
    let total = |listed: &[(String, usize)]| listed.iter().map(|(_, c)| c).sum::<usize>();

    // The second article is still waiting: its places are not listed yet…
    let before = vec![analysed[0].clone(), waiting.clone(), analysed[2].clone()];
    let listed = counts(&Corpus(Rc::new(before.clone())));
    assert_eq!(listed, expected(&before));
    assert_eq!(kirkuk(&listed), 2, "{listed:?}");
    // …and are once its analysis replaces the placeholder.
    let after = analysed.clone();
    let grown = counts(&Corpus(Rc::new(after.clone())));
    assert_eq!(grown, expected(&after));
    assert_eq!(kirkuk(&grown), 3, "{grown:?}");
    assert!(total(&grown) >= total(&listed) + 2, "{listed:?} {grown:?}");
    // An article removed from the middle takes its places with it.
    let removed = vec![analysed[0].clone(), analysed[2].clone()];
    let listed = counts(&Corpus(Rc::new(removed.clone())));
    assert_eq!(listed, expected(&removed));
    assert_eq!(kirkuk(&listed), 2, "{listed:?}");
}

/// The search's SIMD path (wasm only) finds exactly what character-by-character matching
/// finds, on texts long enough for many 16-byte blocks and with the bytes that differ from a
/// letter by the case bit alone.
#[wasm_bindgen_test]
fn search_in_wasm_agrees_with_the_reference() {
    use newslens::engine::search::{find_all, find_all_by_chars};
    const TEXT: &[&str] = &[
        "a", "A", "b", "K", "k", "i", "I", " ", "@", "`", "{", "[", "_", "é", "İ",
    ];
    const QUERY: &[&str] = &["a", "A", "b", "k", "i", " ", "@", "`", "{", "_"];
    // A small linear congruential generator: the same cases on every run.
    let mut seed = 0x2545_f491_u32;
    let mut next = |below: usize| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) as usize % below
    };
    for _ in 0..2_000 {
        let text: String = (0..next(120)).map(|_| TEXT[next(TEXT.len())]).collect();
        let query: String = (0..1 + next(5)).map(|_| QUERY[next(QUERY.len())]).collect();
        assert_eq!(
            find_all(&text, &query),
            find_all_by_chars(&text, &query),
            "{text:?} / {query:?}"
        );
    }
    let long = "Iraqi forces entered Kirkuk. FORCES left; the forces' base. ".repeat(50);
    assert_eq!(find_all(&long, "forces").len(), 150);
}

#[wasm_bindgen_test]
async fn address_writes_wait_merged_and_can_be_dropped() {
    use newslens::ui::url;
    use newslens::view_state::ViewState;
    // Writes other tests' apps left waiting are made first.
    url::flush();
    let window = gloo::utils::window();
    let history = window.history().unwrap();
    let (start, entries) = (window.location().href().unwrap(), history.length().unwrap());
    let search = |q: &str| ViewState {
        q: q.into(),
        ..ViewState::default()
    };
    let query = || window.location().search().unwrap();
    let before = query();
    // A new entry, then a replacement of it: one entry, with the last state.
    url::write_after_paint(search("first"), true);
    url::write_after_paint(search("second"), false);
    assert_eq!(
        query(),
        before,
        "nothing is written before the page is idle"
    );
    for _ in 0..500 {
        if query() == search("second").to_query() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(1)).await;
    }
    assert_eq!(query(), search("second").to_query());
    assert_eq!(history.length().unwrap(), entries + 1);
    // A write still waiting when the user goes back or forward is dropped.
    url::write_after_paint(search("third"), true);
    url::forget_waiting();
    url::flush();
    assert_eq!(query(), search("second").to_query());
    assert_eq!(history.length().unwrap(), entries + 1);
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
}

thread_local! {
    /// The mention totals each render of [`IndexProbe`] saw.
    static SEEN_TOTALS: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Props of [`IndexProbe`].
#[derive(yew::Properties, PartialEq)]
struct IndexProbeProps {
    corpus: newslens::ui::corpus::Corpus,
}

/// Shows the mention total of the corpus index its hook keeps.
#[yew::component]
fn IndexProbe(props: &IndexProbeProps) -> yew::Html {
    let index = newslens::ui::index_slices::use_corpus_index(&props.corpus);
    let total: usize = index.entities.iter().map(|e| e.total).sum();
    SEEN_TOTALS.with(|s| s.borrow_mut().push(total));
    yew::html! { <p data-total={total.to_string()}></p> }
}

#[wasm_bindgen_test]
async fn a_large_index_is_counted_in_slices_and_completes() {
    use newslens::engine::corpus::Article;
    use newslens::engine::corpus_index::CorpusIndex;
    use newslens::engine::document::Document;
    use newslens::ui::corpus::Corpus;
    use std::rc::Rc;

    let one = Document::analyse(Article {
        meta: user_meta("x"),
        text: "Haider al-Abadi met Masoud Barzani in Baghdad on Monday. Kirkuk, Erbil and \
               Mosul were quiet, the United Nations said, and 3,000 people left Kirkuk."
            .into(),
    });
    assert!(one.mentions.len() >= 8, "{:?}", one.mentions);
    // Thousands of articles: far more than one slice can count.
    let docs: Vec<Rc<Document>> = (0..6000).map(|_| Rc::new(one.clone())).collect();
    let expected: usize = CorpusIndex::build(&docs)
        .entities
        .iter()
        .map(|e| e.total)
        .sum();
    assert_eq!(expected, 6000 * one.mentions.len());
    SEEN_TOTALS.with(|s| s.borrow_mut().clear());
    let root = fresh_root();
    let probe = yew::Renderer::<IndexProbe>::with_root_and_props(
        root.clone(),
        IndexProbeProps {
            corpus: Corpus(Rc::new(docs)),
        },
    )
    .render();
    let shown = || {
        root.query_selector("[data-total]")
            .unwrap()
            .map(|p| attr(&p, "data-total"))
    };
    for _ in 0..2000 {
        if shown() == Some(expected.to_string()) {
            break;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    assert_eq!(shown(), Some(expected.to_string()));
    // The first render went on with the index it had (none), the count finished later.
    let seen = SEEN_TOTALS.with(|s| s.borrow().clone());
    assert_eq!(seen.first(), Some(&0), "{seen:?}");
    assert_eq!(seen.last(), Some(&expected), "{seen:?}");
    probe.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn an_analysis_of_another_text_under_the_same_id_is_not_used() {
    use newslens::engine::backup::{Backup, StoredArticle};
    use newslens::engine::label::Label;
    use newslens::engine::mention::{Mention, Why};
    use newslens::engine::span::Span;
    use newslens::ui::analyses::{placeholder, Analyses, AnalysesAction};
    use newslens::ui::corpus::Corpus;
    use newslens::ui::user_data::{UserAction, UserData};
    use std::rc::Rc;
    use std::sync::Arc;
    use yew::Reducible;

    let meta = user_meta("user-1");
    let old: Arc<str> = Arc::from("Kirkuk fell.");
    let new: Arc<str> = Arc::from("Mosul stood."); // as long, another text
    let mut analysed = placeholder(&meta, &old);
    analysed.mentions.push(Mention {
        span: Span::new(0, 6),
        label: Label::Place,
        canonical: "Kirkuk".into(),
        why: Why::new("test", ""),
    });
    let a = Rc::new(Analyses::default()).reduce(AnalysesAction::Done(vec![(analysed, true)], 1.0));

    // The corpus shows the article's own text, waiting, not the old analysis.
    let corpus = Corpus::assemble([(&meta, &new)], &a.docs, &[]);
    assert_eq!(&*corpus.0[0].text, "Mosul stood.");
    assert!(corpus.0[0].mentions.is_empty());
    // The same text (another copy of it) keeps its analysis.
    let copy: Arc<str> = Arc::from("Kirkuk fell.");
    let corpus = Corpus::assemble([(&meta, &copy)], &a.docs, &[]);
    assert_eq!(corpus.0[0].mentions.len(), 1);

    // Waiting for the new text replaces the old analysis; for an equal text it keeps it.
    let kept = a
        .clone()
        .reduce(AnalysesAction::Waiting(vec![Rc::new(placeholder(
            &meta, &copy,
        ))]));
    assert!(!kept.docs["user-1"].waiting);
    let replaced = a.reduce(AnalysesAction::Waiting(vec![Rc::new(placeholder(
        &meta, &new,
    ))]));
    assert!(replaced.docs["user-1"].waiting);
    assert_eq!(&*replaced.docs["user-1"].doc.text, "Mosul stood.");

    // A restore that brings the text an article has keeps the shared text (its analysis
    // still fits without comparing); another text replaces it.
    let stored = |text: &Arc<str>| StoredArticle {
        text: text.clone(),
        ..StoredArticle::new(meta.clone(), "", "2026-11-24T00:00:00Z")
    };
    let restore = |text: &Arc<str>| {
        UserAction::Restore(Backup {
            articles: vec![stored(text)],
            corrections: Vec::new(),
            settings: serde_json::Value::Null,
            skipped: Vec::new(),
        })
    };
    let d = Rc::new(UserData::default()).reduce(UserAction::Add(stored(&old)));
    let d = d.reduce(restore(&copy));
    assert!(Arc::ptr_eq(&d.articles[0].text, &old));
    let d = d.reduce(restore(&new));
    assert_eq!(&*d.articles[0].text, "Mosul stood.");
}

#[wasm_bindgen_test]
async fn the_status_line_says_why_the_worker_stopped_while_articles_wait_for_it() {
    use newslens::ui::analyses::{Analyses, AnalysesAction, Progress};
    use newslens::ui::tagging_status::{TaggingStatus, TaggingStatusProps};
    use std::cell::Cell;
    use std::rc::Rc;
    use yew::{AttrValue, Reducible};

    let left = |cancelled| {
        AnalysesAction::Progress(Progress {
            done: 0,
            total: 0,
            cancelled,
        })
    };
    let analyses = Rc::new(Analyses::default())
        .reduce(AnalysesAction::Stopped("it crashed".into()))
        .reduce(left(2));
    assert_eq!(analyses.stopped.as_deref(), Some("it crashed"));

    let root = fresh_root();
    let resumed = Rc::new(Cell::new(0));
    let sink = resumed.clone();
    let props = TaggingStatusProps {
        progress: analyses.progress,
        stopped: analyses.stopped.clone().map(AttrValue::from),
        on_cancel: yew::Callback::noop(),
        on_resume: yew::Callback::from(move |()| sink.set(sink.get() + 1)),
    };
    let app = yew::Renderer::<TaggingStatus>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let status = &all(&root, "[data-testid=\"tagging-cancelled\"]")[0];
    assert_eq!(attr(status, "role"), "alert");
    assert_eq!(attr(status, "data-stopped"), "true");
    assert_eq!(
        status.text_content().unwrap_or_default(),
        "The worker that analyses articles stopped (it crashed): 2 articles are shown without \
         highlights.Analyse now"
    );
    all(&root, "[data-testid=\"tagging-resume\"]")[0]
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert_eq!(resumed.get(), 1);
    app.destroy();
    root.remove();

    // Once nothing the stopped worker left is waiting, the reason is dropped.
    assert_eq!(analyses.reduce(left(0)).stopped, None);
}

/// Props of [`KeptProbe`].
#[derive(yew::Properties, PartialEq, Clone)]
struct KeptProbeProps {
    outer: bool,
    inner: bool,
    text: String,
}

/// A kept part holding a hooked paragraph (with an id and a class), a hooked span only while
/// the text is "two", and another kept part with a mark whose hook is the text.
#[yew::component]
fn KeptProbe(props: &KeptProbeProps) -> yew::Html {
    use newslens::ui::kept::Kept;
    yew::html! {
        <Kept live={props.outer} class="outer">
            <p class="top" id="probe" data-entity="Kirkuk" data-side="a">{props.text.clone()}</p>
            if props.text == "two" {
                <span data-place="Erbil">{"only with two"}</span>
            }
            <Kept live={props.inner} class="inner">
                <mark data-label="PLACE" data-canonical={props.text.clone()} data-start="3">{props.text.clone()}</mark>
            </Kept>
        </Kept>
    }
}

/// Lets the microtasks queued so far run, and those they queue, but no task.
async fn microtasks() {
    for _ in 0..10 {
        let done = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    }
}

/// Waits for the browser's idle callbacks (those asked for before, then those they asked
/// for), and for the renders they start.
async fn idle() {
    for _ in 0..2 {
        let asked = js_sys::Promise::new(&mut |resolve, _| {
            gloo::utils::window()
                .request_idle_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(asked).await.unwrap();
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn a_kept_part_hides_without_its_hooks_and_comes_back_as_the_app_left_it() {
    use newslens::ui::kept::TAKEN;
    let root = fresh_root();
    let props = |outer, inner, text: &str| KeptProbeProps {
        outer,
        inner,
        text: text.into(),
    };
    let hooked = |root: &Element| -> usize {
        TAKEN
            .iter()
            .map(|h| all(root, &format!("[{h}]")).len())
            .sum::<usize>()
            + all(root, ".top").len()
    };
    // Hidden by its class alone: not `inert` as well, which would style its content inert
    // and have all of it restyled when shown (src/ui/kept.rs).
    let hidden = |root: &Element, class: &str| {
        let el = root.query_selector(class).unwrap().unwrap();
        (
            el.class_list().contains("kept-hidden"),
            el.has_attribute("inert"),
        )
    };
    let text =
        |root: &Element, sel: &str| root.query_selector(sel).unwrap().unwrap().text_content();
    let mut app =
        yew::Renderer::<KeptProbe>::with_root_and_props(root.clone(), props(true, true, "one"))
            .render();
    settle().await;
    assert_eq!(
        hooked(&root),
        6,
        "shown: data-entity, data-side, id, the top element's class, data-label, data-canonical"
    );
    assert_eq!(hidden(&root, ".outer"), (false, false));

    app.update(props(false, true, "two"));
    // Yew renders in microtasks; the browser's idle callbacks come in tasks, later.
    microtasks().await;
    assert_eq!(hidden(&root, ".outer"), (true, false), "hidden, not inert");
    assert_eq!(
        hooked(&root),
        0,
        "no hook, id or top element's class matches in a hidden part"
    );
    assert_eq!(
        all(&root, "mark[data-start=\"3\"]").len(),
        1,
        "other attributes stay"
    );
    assert_eq!(
        text(&root, "p").as_deref(),
        Some("one"),
        "not re-rendered in the task that hid it"
    );
    settle().await;

    // Re-rendered at idle, still hidden, and its new hooks taken at once.
    idle().await;
    assert_eq!(
        text(&root, "p").as_deref(),
        Some("two"),
        "re-rendered at idle"
    );
    assert_eq!(text(&root, "mark").as_deref(), Some("two"));
    assert_eq!(hidden(&root, ".outer"), (true, false));
    assert_eq!(
        hooked(&root),
        0,
        "neither the hook a render changed nor the one on a new element matches"
    );
    app.update(props(true, true, "two"));
    settle().await;
    assert_eq!(
        attr(
            &root.query_selector("mark").unwrap().unwrap(),
            "data-canonical"
        ),
        "two",
        "the value a hidden render gave wins over the one taken before"
    );
    assert_eq!(
        attr(&root.query_selector("span").unwrap().unwrap(), "data-place"),
        "Erbil",
        "a hook on an element added while hidden comes back"
    );
    assert_eq!(hooked(&root), 7);
    assert_eq!(
        all(
            &root,
            "[kept-data-canonical], [kept-data-place], [kept-class]"
        )
        .len(),
        0,
        "nothing is left parked in a part shown"
    );

    app.update(props(true, false, "three"));
    settle().await;
    assert_eq!(hidden(&root, ".outer"), (false, false));
    assert_eq!(hidden(&root, ".inner"), (true, false));
    let p = root.query_selector("p").unwrap().unwrap();
    assert_eq!(
        (attr(&p, "data-entity"), attr(&p, "data-side")),
        ("Kirkuk".into(), "a".into())
    );
    assert_eq!(
        text(&root, "p").as_deref(),
        Some("three"),
        "shown with the changes made meanwhile"
    );
    assert_eq!(
        all(&root, "mark[data-label], mark[data-canonical]").len(),
        0
    );

    app.update(props(false, false, "four"));
    settle().await;
    assert_eq!(hooked(&root), 0);
    idle().await;
    assert_eq!(
        text(&root, "mark").as_deref(),
        Some("four"),
        "a hidden part in a hidden part is re-rendered too"
    );
    assert_eq!(hooked(&root), 0);
    assert_eq!(all(&root, ".kept-hidden").len(), 2);
    assert_eq!(all(&root, "[inert]").len(), 0, "hidden parts are not inert");

    // The outer part shown, the inner still hidden: only the outer part's hooks come back,
    // though the inner's new ones were parked while both were hidden.
    app.update(props(true, false, "four"));
    settle().await;
    assert_eq!(hidden(&root, ".inner"), (true, false));
    assert_eq!(
        hooked(&root),
        4,
        "data-entity, data-side, id and the top element's class"
    );
    assert_eq!(
        all(&root, "mark[data-label], mark[data-canonical]").len(),
        0,
        "nothing of the part still hidden"
    );

    app.update(props(true, true, "five"));
    settle().await;
    let mark = root.query_selector("mark").unwrap().unwrap();
    assert_eq!(
        (attr(&mark, "data-label"), attr(&mark, "data-canonical")),
        ("PLACE".into(), "five".into()),
        "each part puts back exactly what it took"
    );
    assert_eq!(hooked(&root), 6);
    assert_eq!(
        attr(&root.query_selector("p").unwrap().unwrap(), "id"),
        "probe"
    );
    assert_eq!(text(&root, "mark").as_deref(), Some("five"));
    assert_eq!(all(&root, ".kept-hidden, [inert]").len(), 0);

    app.destroy();
    root.remove();

    // Built hidden (ahead of a visit): hidden and without hooks once rendered, and shown
    // with them.
    let root = fresh_root();
    let mut app =
        yew::Renderer::<KeptProbe>::with_root_and_props(root.clone(), props(false, false, "six"))
            .render();
    settle().await;
    assert_eq!(hidden(&root, ".outer"), (true, false), "built hidden");
    assert_eq!(text(&root, "p").as_deref(), Some("six"), "with its content");
    assert_eq!(hooked(&root), 0);
    assert_eq!(
        all(
            &root,
            "[kept-data-entity], [kept-id], [kept-class], [kept-data-label], [kept-data-canonical]"
        )
        .len(),
        0,
        "what was parked while it was filled is held as taken at hiding (one call to put back)"
    );
    app.update(props(true, true, "seven"));
    settle().await;
    assert_eq!(hidden(&root, ".outer"), (false, false));
    assert_eq!(hidden(&root, ".inner"), (false, false));
    assert_eq!(hooked(&root), 6);
    assert_eq!(text(&root, "mark").as_deref(), Some("seven"));
    app.destroy();
    root.remove();
}

/// The bytes of `message` (a `Uint8Array`): none once freed.
fn message_bytes(message: &wasm_bindgen::JsValue) -> u32 {
    message
        .dyn_ref::<js_sys::Uint8Array>()
        .expect("a message is a Uint8Array")
        .buffer()
        .byte_length()
}

#[wasm_bindgen_test]
fn worker_messages_free_their_bytes_once_posted_or_read() {
    use gloo::worker::Codec;
    use newslens::worker_codec::Freeing;
    use newslens::worker_protocol::Request;
    let table = "x".repeat(100_000);
    let first = Freeing::encode(Request::UseGazetteer(table.clone()));
    assert!(message_bytes(&first) > 100_000, "encoded whole");
    // Posted in the call that encoded it: freed when the next message is sent.
    let second = Freeing::encode(Request::UseGazetteer("y".into()));
    assert_eq!(
        message_bytes(&first),
        0,
        "the message posted before is freed"
    );
    assert!(message_bytes(&second) > 0, "the one being posted is not");
    // A received message is decoded, then its bytes are freed; and so is the last one sent.
    let received = Freeing::encode(Request::UseGazetteer(table.clone()));
    let copy = js_sys::Uint8Array::new(&received).slice(0, message_bytes(&received));
    let decoded: Request = Freeing::decode(copy.clone().into());
    assert_eq!(decoded, Request::UseGazetteer(table));
    assert_eq!(message_bytes(&copy.into()), 0, "a decoded message is freed");
    assert_eq!(message_bytes(&received), 0, "so is the last one posted");
}
