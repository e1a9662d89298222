//! Keyword in context: every sentence of the corpus that mentions the selected entity.

use crate::engine::corpus_index::CorpusIndex;
use crate::ui::corpus::Corpus;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Contexts`].
#[derive(Properties, PartialEq)]
pub struct ContextsProps {
    /// The corpus.
    pub corpus: Corpus,
    /// Its index.
    pub index: Rc<CorpusIndex>,
    /// The entity's canonical name.
    pub entity: AttrValue,
    /// Called with (article id, mention start) to open the article at that mention.
    pub on_goto: Callback<(String, usize)>,
}

/// The sentences that mention an entity, each with its article and a link to the mention.
#[component]
pub fn Contexts(props: &ContextsProps) -> Html {
    let docs = &props.corpus.0;
    let contexts = props.index.contexts(docs, &props.entity);
    let row = props.index.entity(&props.entity);
    html! {
        <section class="contexts" aria-label={format!("Sentences mentioning {}", props.entity)}>
            <h2 class="panel-title">{"In context"}<span class="count">{contexts.len()}</span></h2>
            if let Some(row) = row {
                <p class="small muted">
                    {format!("{} · {} mention{} in {} article{}", row.label.human(), row.total,
                        if row.total == 1 { "" } else { "s" }, row.doc_count(), if row.doc_count() == 1 { "" } else { "s" })}
                </p>
            } else {
                <p class="small muted">{"No article mentions this entity."}</p>
            }
            <ol class="kwic">
                { for contexts.iter().map(|c| {
                    let doc = &docs[c.doc];
                    let text = &doc.text;
                    let before = &text[c.sentence.start()..c.mention.start()];
                    let hit = c.mention.slice(text);
                    let after = &text[c.mention.end()..c.sentence.end()];
                    let target = (doc.meta.id.clone(), c.mention.start());
                    let on_goto = props.on_goto.clone();
                    html! {
                        <li key={format!("{}-{}", doc.meta.id, c.mention.start())}>
                            <q>{before}<strong>{hit}</strong>{after}</q>
                            <button type="button" class="goto link"
                                onclick={Callback::from(move |_| on_goto.emit(target.clone()))}>
                                {format!("{} — go to mention", doc.meta.outlet)}
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
