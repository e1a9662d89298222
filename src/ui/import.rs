//! Adding articles: paste text, or choose or drop `.txt`, `.md` and `.html` files. Imported
//! text is only ever shown as text. Bad input gets its own message and changes nothing.

use crate::display::counted;
use crate::engine::backup::StoredArticle;
use crate::engine::import::{
    check_file_size, short_text_words, ImportDraft, ImportError, KnownTexts,
};
use crate::ui::corpus::Corpus;
use crate::ui::file_reads::FileReads;
use crate::ui::next_task::{next_task, Slice};
use crate::ui::tagger::{NotRead, Tagger};
use crate::worker_protocol::ImportInput;
use gloo::file::File;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// An article the import added: its title, and its number of words when it is short.
struct Added {
    title: String,
    short: Option<usize>,
}

impl Added {
    /// A sentence for the import message when the text is short, else nothing.
    fn short_note(&self) -> String {
        self.short.map_or_else(String::new, |n| {
            format!(
                " It is only {} long, so there is little to find in it: a news article runs to hundreds.",
                counted(n, "word")
            )
        })
    }
}

/// Props of [`Import`].
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// The corpus (for duplicate checks).
    pub corpus: Corpus,
    /// Reads the imports (in its worker).
    pub tagger: Tagger,
    /// Called with the new article.
    pub on_add: Callback<StoredArticle>,
}

/// The current time as ISO 8601 text.
#[must_use]
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// The draft as a new article, unless its text is already in `corpus`.
fn admit(
    known: &mut KnownTexts,
    corpus: &Corpus,
    draft: ImportDraft,
) -> Result<StoredArticle, ImportError> {
    known.check(&draft, corpus.0.iter().map(|d| (&d.meta, &d.text)))?;
    Ok(StoredArticle::new(draft.meta, draft.text, &now_iso()))
}

/// Hashes, a slice per task, the texts of the corpus (as last rendered, `latest`) that `known`
/// does not hold yet; returns once it holds them all.
async fn learn_all(latest: &RefCell<Corpus>, known: &RefCell<KnownTexts>) {
    let mut next = 0;
    loop {
        let slice = Slice::new();
        let corpus = latest.borrow().clone();
        let docs = &corpus.0;
        while next < docs.len() && slice.left() {
            known.borrow_mut().learn(&docs[next].meta, &docs[next].text);
            next += 1;
        }
        if next >= docs.len() {
            return;
        }
        next_task().await;
    }
}

/// How many imports are being read; the panel says so while any is.
#[derive(Clone, Copy, Default, PartialEq)]
struct Reading(usize);

impl Reducible for Reading {
    type Action = bool;
    fn reduce(self: Rc<Self>, started: bool) -> Rc<Self> {
        Rc::new(Reading(if started {
            self.0 + 1
        } else {
            self.0.saturating_sub(1)
        }))
    }
}

/// The import panel.
#[component]
pub fn Import(props: &ImportProps) -> Html {
    let text = use_state(String::new);
    let message = use_state(|| None::<(bool, String)>);
    let reads = use_memo((), |()| FileReads::default());
    let dragging = use_state(|| false);
    let reading = use_reducer(Reading::default);
    // The corpus as last rendered: an import is checked for duplicates when the worker has
    // read it, against what is there by then (an article added meanwhile included).
    let latest = use_mut_ref(|| props.corpus.clone());
    latest.replace(props.corpus.clone());
    let known = use_mut_ref(KnownTexts::default);
    let textarea = use_node_ref();

    // As the user moves to add an article, the corpus's texts are hashed ahead, a few hundred
    // per slice, so that the duplicate check of the import does not hash them all in one task.
    let learning = use_mut_ref(|| false);
    let learn = {
        let (latest, known, learning) = (latest.clone(), known.clone(), learning.clone());
        Callback::from(move |()| {
            if learning.replace(true) {
                return;
            }
            let (latest, known, learning) = (latest.clone(), known.clone(), learning.clone());
            wasm_bindgen_futures::spawn_local(async move {
                learn_all(&latest, &known).await;
                learning.replace(false);
            });
        })
    };

    // Sends one import to the worker; `done` gets the new article's title or the refusal.
    let convert = {
        let (tagger, on_add, latest, known, reading) = (
            props.tagger.clone(),
            props.on_add.clone(),
            latest.clone(),
            known.clone(),
            reading.dispatcher(),
        );
        Rc::new(
            move |name: Option<String>,
                  bytes: Vec<u8>,
                  done: Rc<dyn Fn(Result<Added, NotRead>)>| {
                reading.dispatch(true);
                let (on_add, latest, known, reading) = (
                    on_add.clone(),
                    latest.clone(),
                    known.clone(),
                    reading.clone(),
                );
                let input = ImportInput {
                    name,
                    bytes,
                    seed: now_iso(),
                };
                tagger.convert(
                    input,
                    Callback::from(move |result: Result<ImportDraft, NotRead>| {
                        let (on_add, latest, known, reading) = (
                            on_add.clone(),
                            latest.clone(),
                            known.clone(),
                            reading.clone(),
                        );
                        let done = done.clone();
                        // An import answered before the texts were all hashed ahead (the
                        // user was quick after a large restore) waits for the rest, hashed
                        // in slices as well, rather than hashing them in one task.
                        wasm_bindgen_futures::spawn_local(async move {
                            if result.is_ok() {
                                learn_all(&latest, &known).await;
                            }
                            reading.dispatch(false);
                            let admitted = result.and_then(|draft| {
                                admit(&mut known.borrow_mut(), &latest.borrow(), draft)
                                    .map_err(NotRead::Refused)
                            });
                            done(admitted.map(|article| {
                                let added = Added {
                                    title: article.meta.title.clone(),
                                    short: short_text_words(&article.text),
                                };
                                on_add.emit(article);
                                added
                            }));
                        });
                    }),
                );
            },
        )
    };

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let submit = {
        let (text, message, convert, textarea) = (
            text.clone(),
            message.clone(),
            convert.clone(),
            textarea.clone(),
        );
        Callback::from(move |_| {
            let sent = (*text).clone();
            message.set(None);
            let (text, message, textarea) = (text.clone(), message.clone(), textarea.clone());
            convert(
                None,
                sent.clone().into_bytes(),
                Rc::new(move |result| match result {
                    Ok(added) => {
                        // Emptied only if it still holds what was added: text typed or pasted
                        // meanwhile stays.
                        let now = textarea.cast::<HtmlTextAreaElement>().map(|t| t.value());
                        if now.is_none_or(|now| now == sent) {
                            text.set(String::new());
                        }
                        message.set(Some((
                            true,
                            format!(
                                "Added “{}”. Edit its title, outlet or date from the reader.{}",
                                added.title,
                                added.short_note()
                            ),
                        )));
                    }
                    // The pasted text stays in the box so nothing is lost.
                    Err(e) => message.set(Some((false, e.to_string()))),
                }),
            );
        })
    };
    let read_files = {
        let (message, reads, convert) = (message.clone(), reads.clone(), convert.clone());
        Rc::new(move |files: Vec<web_sys::File>| {
            message.set(None);
            for f in files {
                let file = File::from(f);
                let name = file.name();
                if let Err(e) = check_file_size(file.size() as usize) {
                    message.set(Some((false, format!("{name}: {e}"))));
                    continue;
                }
                let (message, convert) = (message.clone(), convert.clone());
                reads.start(|ticket| {
                    gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                        ticket.finished();
                        match bytes {
                            Err(e) => message.set(Some((
                                false,
                                format!("{name}: the file could not be read ({e})."),
                            ))),
                            Ok(bytes) => {
                                let message = message.clone();
                                let shown = name.clone();
                                convert(
                                    Some(name),
                                    bytes,
                                    Rc::new(move |result| match result {
                                        Ok(added) => message.set(Some((
                                            true,
                                            format!(
                                                "Added “{}” from {shown}.{}",
                                                added.title,
                                                added.short_note()
                                            ),
                                        ))),
                                        Err(e) => {
                                            message.set(Some((false, format!("{shown}: {e}"))))
                                        }
                                    }),
                                );
                            }
                        }
                    })
                });
            }
        })
    };
    let onchange = {
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read_files((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
            input.set_value("");
        })
    };
    let ondrop = {
        let (read_files, dragging) = (read_files.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read_files((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    html! {
        <section class={classes!("import", dragging.then_some("dragging"))} aria-label="Add an article"
            {ondrop} {ondragover} {ondragleave} onpointerenter={learn.reform(|_: PointerEvent| ())}
            onfocusin={learn.reform(|_: FocusEvent| ())} ondragenter={learn.reform(|_: DragEvent| ())}>
            <h2 class="panel-title">{"Add an article"}</h2>
            <label class="visually-hidden" for="import-text">{"Article text"}</label>
            <textarea id="import-text" data-testid="import-text" rows="4" value={(*text).clone()} {oninput} ref={textarea}
                placeholder="Paste an article’s text here, or drop a .txt, .md or .html file on this box" />
            <div class="import-actions">
                <button type="button" class="primary" data-testid="import-submit" onclick={submit}>{"Add pasted text"}</button>
                <label class="file-button">
                    <input type="file" data-testid="import-file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" multiple=true {onchange} />
                    <span>{"Choose files…"}</span>
                </label>
            </div>
            if reading.0 > 0 && message.is_none() {
                <p class="import-message" role="status">{"Reading the article…"}</p>
            }
            if let Some((ok, text)) = &*message {
                <p class={classes!("import-message", if *ok { "ok" } else { "bad" })} role={if *ok { "status" } else { "alert" }} data-testid="import-message">{text}</p>
            }
            <p class="small muted">{"Stays in this browser. Nothing is uploaded."}</p>
        </section>
    }
}
