//! "Your data": where the user's articles and corrections are kept, a backup file of all of
//! it, restoring from one, and the export of stored records that could not be read.

use crate::display::counted;
use crate::engine::backup::{write_backup, Backup, BackupError, StoredArticle};
use crate::engine::backup_reading::BackupReading;
use crate::engine::document::Document;
use crate::ui::analyses::placeholder;
use crate::ui::chunked_read::read_text;
use crate::ui::download;
use crate::ui::import::now_iso;
use crate::ui::next_task::Slice;
use crate::ui::storage::ARTICLES;
use crate::ui::user_data::{StorageStatus, Unreadable, UserAction, UserData};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`YourData`].
#[derive(Properties, PartialEq)]
pub struct YourDataProps {
    /// The user's data.
    pub data: UseReducerHandle<UserData>,
    /// Sends a change.
    pub on_user: Callback<UserAction>,
    /// Receives the placeholders of a backup's articles (their text in paragraphs, shown until
    /// their analyses arrive), made a slice at a time before the backup is handed over.
    pub on_placeholders: Callback<Vec<Rc<Document>>>,
}

/// The panel.
#[component]
pub fn YourData(props: &YourDataProps) -> Html {
    let message = use_state(|| None::<(bool, String)>);
    // The name of the backup being read, while it is.
    let reading = use_state(|| None::<String>);
    let d = &props.data;
    let backup = {
        let d = d.clone();
        Callback::from(move |_| {
            let text = write_backup(
                d.articles.iter().map(|a| &**a),
                &d.corrections,
                &serde_json::Value::Null,
                &now_iso(),
            );
            if let Err(e) = download::save("newslens-backup.json", "application/json", &text) {
                gloo::console::error!("download failed", e);
            }
        })
    };
    let export_unreadable = {
        let d = d.clone();
        Callback::from(move |_| {
            let entries: Vec<String> = d.unreadable.iter().map(Unreadable::export_entry).collect();
            let text = format!("[\n{}\n]\n", entries.join(",\n"));
            if let Err(e) = download::save(
                "newslens-unreadable-records.json",
                "application/json",
                &text,
            ) {
                gloo::console::error!("download failed", e);
            }
        })
    };
    let restore = {
        let (message, on_user, on_placeholders, reading) = (
            message.clone(),
            props.on_user.clone(),
            props.on_placeholders.clone(),
            reading.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let (message, on_user, on_placeholders, reading) = (
                message.clone(),
                on_user.clone(),
                on_placeholders.clone(),
                reading.clone(),
            );
            message.set(None);
            reading.set(Some(name.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                // A chunk per task, then the backup read a slice per task: the page stays
                // responsive while a large backup comes in.
                let text = match read_text(&file).await {
                    Ok(text) => text,
                    Err(e) => {
                        reading.set(None);
                        message.set(Some((
                            false,
                            format!("{name} could not be read ({e}). Nothing was changed."),
                        )));
                        return;
                    }
                };
                let read = read_in_slices(&text).await;
                drop(text);
                match read {
                    Ok(b) => {
                        on_placeholders.emit(placeholders_in_slices(&b.articles).await);
                        reading.set(None);
                        on_user.emit(UserAction::Restore(b));
                    }
                    Err(e) => {
                        reading.set(None);
                        message.set(Some((false, format!("{name}: {e}"))));
                    }
                }
            });
        })
    };
    let status = match &d.status {
        StorageStatus::Opening => ("muted", "Opening this browser’s storage…".to_string()),
        // Until every owed write has landed the data is not saved yet: say so.
        StorageStatus::Saved if !d.pending.is_empty() => (
            "muted",
            format!(
                "Saving to this browser: {} still to write…",
                counted(d.pending.len(), "change")
            ),
        ),
        StorageStatus::Saved => (
            "ok",
            format!(
                "{} of yours, saved in this browser.",
                counted(d.articles.len(), "article")
            ),
        ),
        StorageStatus::Unavailable(why) => ("bad", why.clone()),
        StorageStatus::Failed(why) => ("bad", why.clone()),
    };
    html! {
        <section class="your-data" aria-label="Your data">
            <h2 class="panel-title">{"Your data"}</h2>
            <p class={classes!("small", "storage-status", status.0)} data-testid="storage-status" data-pending={d.pending.len().to_string()} role="status">{status.1}</p>
            <div class="tool-row">
                <button type="button" class="tool" data-action="backup" onclick={backup}>{"Back up everything"}</button>
                <label class="file-button">
                    <input type="file" data-testid="restore-file" accept=".json,application/json" onchange={restore} />
                    <span>{"Restore a backup…"}</span>
                </label>
            </div>
            if !d.unreadable.is_empty() {
                <div class="unreadable bad small" role="alert" data-testid="unreadable" data-count={d.unreadable.len().to_string()}>
                    <p>{format!(
                        "{} could not be read. They are left untouched in this browser; export them to keep a copy or to get help reading them.",
                        counted(d.unreadable.len(), "stored item")
                    )}</p>
                    <ul>
                        { for d.unreadable.iter().map(|u| html! {
                            <li data-key={u.key.clone().unwrap_or_default()}>
                                {format!(
                                    "{} {}: {}.",
                                    if u.store == ARTICLES { "Article" } else { "Corrections of" },
                                    u.key.as_deref().map_or_else(|| "(no key)".to_string(), |k| format!("“{k}”")),
                                    u.reason
                                )}
                            </li>
                        }) }
                    </ul>
                    <button type="button" class="tool" data-action="export-unreadable" onclick={export_unreadable}>{"Export what could not be read"}</button>
                </div>
            }
            if let Some(name) = &*reading {
                <p class="small muted" role="status" data-testid="restore-progress">{format!("Reading {name}…")}</p>
            }
            if let Some((ok, text)) = &*message {
                <p class={classes!("import-message", if *ok { "ok" } else { "bad" })} role="alert" data-testid="restore-message">{text}</p>
            }
        </section>
    }
}

/// Bytes read per step of a backup; steps run until a [`Slice`] is spent, then the page
/// paints and handles input before the next slice.
const STEP_BYTES: usize = 256 * 1024;

/// Reads a backup file a slice at a time (a 50 MB file read at once froze the page for a
/// third of a second).
async fn read_in_slices(text: &str) -> Result<Backup, BackupError> {
    let mut reading = BackupReading::new(text);
    let mut slice = Slice::new();
    loop {
        if let Some(read) = reading.step(STEP_BYTES) {
            return read;
        }
        slice.go_on().await;
    }
}

/// The placeholders of `articles` (each text found in paragraphs), made a [`Slice`] at a
/// time: for 10,000 articles this was 23 ms in the render that showed the restored corpus.
async fn placeholders_in_slices(articles: &[StoredArticle]) -> Vec<Rc<Document>> {
    let mut out = Vec::with_capacity(articles.len());
    let mut slice = Slice::new();
    for a in articles {
        slice.go_on().await;
        out.push(Rc::new(placeholder(&a.meta, &a.text)));
    }
    out
}
