//! Adding articles: paste text, or choose or drop `.txt`, `.md` and `.html` files. Imported
//! text is only ever shown as text. Bad input gets its own message and changes nothing.

use crate::engine::backup::StoredArticle;
use crate::engine::import::{prepare_import, Fingerprint, ImportError, MAX_FILE_BYTES};
use crate::ui::corpus::Corpus;
use crate::ui::file_reads::FileReads;
use gloo::file::File;
use std::rc::Rc;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`Import`].
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// The corpus (for duplicate checks).
    pub corpus: Corpus,
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

fn fingerprints(corpus: &Corpus) -> Vec<Fingerprint> {
    corpus
        .0
        .iter()
        .map(|d| Fingerprint::new(&d.meta.id, &d.meta.title, &d.text))
        .collect()
}

/// Runs the import checks and, when they pass, hands the article on.
fn import(
    corpus: &Corpus,
    name: Option<&str>,
    bytes: &[u8],
    on_add: &Callback<StoredArticle>,
) -> Result<String, ImportError> {
    let now = now_iso();
    let draft = prepare_import(name, bytes, &fingerprints(corpus), &now)?;
    let title = draft.meta.title.clone();
    on_add.emit(StoredArticle::new(draft.meta, draft.text, &now));
    Ok(title)
}

/// The import panel.
#[component]
pub fn Import(props: &ImportProps) -> Html {
    let text = use_state(String::new);
    let message = use_state(|| None::<(bool, String)>);
    let reads = use_memo((), |()| FileReads::default());
    let dragging = use_state(|| false);

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let submit = {
        let (text, message, corpus, on_add) = (
            text.clone(),
            message.clone(),
            props.corpus.clone(),
            props.on_add.clone(),
        );
        Callback::from(
            move |_| match import(&corpus, None, text.as_bytes(), &on_add) {
                Ok(title) => {
                    text.set(String::new());
                    message.set(Some((
                        true,
                        format!("Added “{title}”. Edit its title, outlet or date from the reader."),
                    )));
                }
                // The pasted text stays in the box so nothing is lost.
                Err(e) => message.set(Some((false, e.to_string()))),
            },
        )
    };
    let read_files = {
        let (message, corpus, on_add, reads) = (
            message.clone(),
            props.corpus.clone(),
            props.on_add.clone(),
            reads.clone(),
        );
        Rc::new(move |files: Vec<web_sys::File>| {
            for f in files {
                let file = File::from(f);
                let name = file.name();
                if file.size() as usize > MAX_FILE_BYTES {
                    let e = ImportError::TooLarge {
                        bytes: file.size() as usize,
                        limit: crate::engine::import::MAX_TEXT_BYTES,
                    };
                    message.set(Some((false, format!("{name}: {e}"))));
                    continue;
                }
                let (message, corpus, on_add) = (message.clone(), corpus.clone(), on_add.clone());
                reads.start(|ticket| {
                    gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                        ticket.finished();
                        match bytes {
                            Err(e) => message.set(Some((
                                false,
                                format!("{name}: the file could not be read ({e})."),
                            ))),
                            Ok(bytes) => match import(&corpus, Some(&name), &bytes, &on_add) {
                                Ok(title) => message
                                    .set(Some((true, format!("Added “{title}” from {name}.")))),
                                Err(e) => message.set(Some((false, format!("{name}: {e}")))),
                            },
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
            {ondrop} {ondragover} {ondragleave}>
            <h2 class="panel-title">{"Add an article"}</h2>
            <label class="visually-hidden" for="import-text">{"Article text"}</label>
            <textarea id="import-text" data-testid="import-text" rows="4" value={(*text).clone()} {oninput}
                placeholder="Paste an article’s text here, or drop a .txt, .md or .html file on this box" />
            <div class="import-actions">
                <button type="button" class="primary" data-testid="import-submit" onclick={submit}>{"Add pasted text"}</button>
                <label class="file-button">
                    <input type="file" data-testid="import-file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" multiple=true {onchange} />
                    <span>{"Choose files…"}</span>
                </label>
            </div>
            if let Some((ok, text)) = &*message {
                <p class={classes!("import-message", if *ok { "ok" } else { "bad" })} role={if *ok { "status" } else { "alert" }} data-testid="import-message">{text}</p>
            }
            <p class="small muted">{"Stays in this browser. Nothing is uploaded."}</p>
        </section>
    }
}
