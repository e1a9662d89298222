//! Tools for the article in the reader: exports, editing and deleting the user's own articles,
//! and corrections of the engine's highlights (remove, relabel, add, merge, split, undo).

use crate::display::entity_name;
use crate::engine::corpus_index::CorpusIndex;
use crate::engine::corrections::Correction;
use crate::engine::document::Document;
use crate::engine::export::{annotated_html, entities_csv, entities_jsonl, Annotated};
use crate::engine::label::Label;
use crate::engine::span::Span;
use crate::ui::download;
use crate::ui::selection::selected_span;
use crate::ui::user_data::UserAction;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ArticleTools`]. The document is compared by pointer, not by its whole text.
#[derive(Properties)]
pub struct ArticleToolsProps {
    /// The article.
    pub doc: Rc<Document>,
    /// True for the user's own article (editable, deletable).
    pub is_user: bool,
    /// The mention the user picked in this article, if any.
    pub picked: Option<Span>,
    /// The corpus index: its entities of the picked mention's label are offered for
    /// "merge into".
    pub index: Rc<CorpusIndex>,
    /// How many corrections this article has (for "undo").
    pub corrections: usize,
    /// Sends a change of the user's data.
    pub on_user: Callback<UserAction>,
}

impl PartialEq for ArticleToolsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && self.is_user == other.is_user
            && self.picked == other.picked
            && Rc::ptr_eq(&self.index, &other.index)
            && self.corrections == other.corrections
            && self.on_user == other.on_user
    }
}

fn save(name: &str, mime: &str, contents: &str) {
    if let Err(e) = download::save(name, mime, contents) {
        gloo::console::error!("download failed", e);
    }
}

fn label_select(id: &str, name: &str, current: Option<Label>) -> Html {
    html! {
        <select id={id.to_string()} aria-label={name.to_string()}>
            { for Label::ALL.into_iter().map(|l| html! {
                <option value={l.as_str()} selected={current == Some(l)}>{l.human()}</option>
            }) }
        </select>
    }
}

fn read_select(id: &str) -> String {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(e).ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn read_input(id: &str) -> String {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The tool bar under the reader's byline.
#[component]
pub fn ArticleTools(props: &ArticleToolsProps) -> Html {
    let editing = use_state(|| false);
    let notice = use_state(|| None::<String>);
    let doc = props.doc.clone();
    let id = doc.meta.id.clone();
    let stem = id.clone();

    let export = |kind: &'static str| {
        let doc = doc.clone();
        let stem = stem.clone();
        Callback::from(move |_| {
            let a = [Annotated {
                name: &doc.meta.file,
                text: &doc.text,
                mentions: &doc.mentions,
            }];
            match kind {
                "csv" => save(
                    &format!("{stem}-entities.csv"),
                    "text/csv;charset=utf-8",
                    &entities_csv(&a),
                ),
                "jsonl" => save(
                    &format!("{stem}-entities.jsonl"),
                    "application/x-ndjson",
                    &entities_jsonl(&a),
                ),
                _ => save(
                    &format!("{stem}-annotated.html"),
                    "text/html;charset=utf-8",
                    &annotated_html(&doc.meta, &doc.text, &doc.mentions),
                ),
            }
        })
    };

    let picked = props
        .picked
        .and_then(|s| doc.mentions.iter().find(|m| m.span == s))
        .cloned();
    let on_user = props.on_user.clone();
    let correct = move |c: Correction| on_user.emit(UserAction::Correct(id.clone(), c));

    let correction_bar = match &picked {
        Some(m) => {
            let span = m.span;
            let remove = {
                let correct = correct.clone();
                Callback::from(move |_| correct(Correction::RemoveMention { span }))
            };
            let relabel = {
                let correct = correct.clone();
                Callback::from(move |_| {
                    if let Some(label) = Label::parse(&read_select("relabel-to")) {
                        correct(Correction::Relabel { span, label });
                    }
                })
            };
            let split = {
                let correct = correct.clone();
                let notice = notice.clone();
                Callback::from(move |_| {
                    let name = read_input("split-name");
                    if name.trim().is_empty() {
                        notice.set(Some(
                            "Type the name of the entity this mention really is.".into(),
                        ));
                    } else {
                        correct(Correction::Split {
                            spans: vec![span],
                            canonical: name.trim().to_string(),
                        });
                    }
                })
            };
            let merge = {
                let correct = correct.clone();
                let from = m.canonical.to_string();
                Callback::from(move |_| {
                    let into = read_select("merge-into");
                    if !into.is_empty() && into != from {
                        correct(Correction::Merge {
                            from: from.clone(),
                            into,
                        });
                    }
                })
            };
            let same_label: Vec<&String> = props
                .index
                .entities
                .iter()
                .filter(|e| e.label == m.label && *e.canonical != *m.canonical)
                .map(|e| &e.canonical)
                .collect();
            html! {
                <div class="correct-bar" role="group" aria-label="Correct this highlight">
                    <p class="small"><strong>{format!("“{}”", m.span.slice(&doc.text))}</strong>{format!(" · {} · {} — {}", m.label.human(), entity_name(m.label, &m.canonical), m.why)}</p>
                    <button type="button" class="tool" data-action="remove" onclick={remove}>{"Remove highlight"}</button>
                    <span class="tool-group">{label_select("relabel-to", "New label for this highlight", Some(m.label))}
                        <button type="button" class="tool" data-action="relabel" onclick={relabel}>{"Change label"}</button></span>
                    if !same_label.is_empty() {
                        <span class="tool-group">
                            <select id="merge-into" aria-label="Merge into entity">
                                { for same_label.iter().map(|c| html! { <option value={(*c).clone()}>{*c}</option> }) }
                            </select>
                            <button type="button" class="tool" data-action="merge" onclick={merge}>{"Merge entity into"}</button>
                        </span>
                    }
                    <span class="tool-group">
                        <input id="split-name" type="text" placeholder="another entity’s name" aria-label="New entity for this mention" />
                        <button type="button" class="tool" data-action="split" onclick={split}>{"Split off"}</button>
                    </span>
                </div>
            }
        }
        None => html! {},
    };
    let add = {
        let correct = correct.clone();
        let notice = notice.clone();
        let text = doc.text.clone();
        Callback::from(move |_| match selected_span(&text) {
            Some(span) => {
                if let Some(label) = Label::parse(&read_select("add-label")) {
                    notice.set(None);
                    correct(Correction::AddMention {
                        span,
                        label,
                        canonical: String::new(),
                    });
                }
            }
            None => notice.set(Some(
                "First select the missed name in the article text (within one paragraph).".into(),
            )),
        })
    };
    let undo = {
        let on_user = props.on_user.clone();
        let id = doc.meta.id.clone();
        Callback::from(move |_| on_user.emit(UserAction::UndoCorrection(id.clone())))
    };

    let edit_form = if *editing {
        let on_user = props.on_user.clone();
        let editing2 = editing.clone();
        let meta = doc.meta.clone();
        let save_meta = Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut m = meta.clone();
            let title = read_input("edit-title");
            if !title.trim().is_empty() {
                m.title = title.trim().to_string();
            }
            m.outlet = read_input("edit-outlet").trim().to_string();
            let date = read_input("edit-date");
            m.published = (!date.trim().is_empty()).then(|| date.trim().to_string());
            on_user.emit(UserAction::EditMeta(m));
            editing2.set(false);
        });
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(false))
        };
        html! {
            <form class="edit-meta" onsubmit={save_meta}>
                <label>{"Title"}<input id="edit-title" type="text" value={doc.meta.title.clone()} required=true /></label>
                <label>{"Outlet"}<input id="edit-outlet" type="text" value={doc.meta.outlet.clone()} /></label>
                <label>{"Published"}<input id="edit-date" type="date" value={doc.meta.published.clone().unwrap_or_default()} /></label>
                <button type="submit" class="tool primary">{"Save"}</button>
                <button type="button" class="tool" onclick={cancel}>{"Cancel"}</button>
            </form>
        }
    } else {
        html! {}
    };
    let start_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let delete = {
        let on_user = props.on_user.clone();
        let id = doc.meta.id.clone();
        Callback::from(move |_| on_user.emit(UserAction::Delete(id.clone())))
    };

    html! {
        <div class="article-tools">
            <div class="tool-row">
                <span class="small muted">{"Export: "}</span>
                <button type="button" class="tool" data-export="csv" onclick={export("csv")}>{"entities CSV"}</button>
                <button type="button" class="tool" data-export="jsonl" onclick={export("jsonl")}>{"JSON lines"}</button>
                <button type="button" class="tool" data-export="html" onclick={export("html")}>{"annotated HTML"}</button>
                if props.is_user {
                    <span class="badge user">{"your article"}</span>
                    <button type="button" class="tool" data-action="edit" onclick={start_edit}>{"Edit details"}</button>
                    <button type="button" class="tool danger" data-action="delete" onclick={delete}>{"Delete"}</button>
                }
            </div>
            {edit_form}
            {correction_bar}
            <div class="tool-row">
                <span class="small muted">{"Missed a name? Select it, then "}</span>
                {label_select("add-label", "Label for the selected text", None)}
                <button type="button" class="tool" data-action="add" onclick={add}>{"Tag selection"}</button>
                if props.corrections > 0 {
                    <button type="button" class="tool" data-action="undo" onclick={undo}>{format!("Undo last correction ({})", props.corrections)}</button>
                }
            </div>
            if let Some(n) = &*notice {
                <p class="small import-message bad" role="alert">{n}</p>
            }
        </div>
    }
}
