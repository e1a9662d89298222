//! Keyword in context: every sentence of the corpus that mentions the selected entity.

use crate::display::{counted, entity_name, outlet_name};
use crate::engine::corpus_index::CorpusIndex;
use crate::engine::document::Document;
use crate::engine::span::Span;
use crate::runs::runs_by;
use crate::ui::corpus::Corpus;
use crate::ui::highlight::quoted;
use std::borrow::Cow;
use std::rc::Rc;
use yew::prelude::*;

/// Mentions whose sentences are shown at first in the entity view.
const FIRST_MENTIONS: usize = 50;
/// The same beside an article, where the list sits above the entity list: ten keep a selection
/// quick (a frequent entity's 50 were about a quarter of the browser's work per selection) and
/// the entity list near where it was clicked.
const FIRST_MENTIONS_BESIDE: usize = 10;
/// Mentions added by "Show more".
const MORE_MENTIONS: usize = 200;

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
    /// Shown beside an article (the read view's panel) rather than in the entity view: fewer
    /// sentences at first.
    #[prop_or_default]
    pub beside: bool,
}

/// The sentences that mention an entity, each with its article and a link to the mention.
///
/// The first 50 mentions are shown (10 beside an article), 200 more on each request: an entity
/// of a large corpus can have tens of thousands.
#[component]
pub fn Contexts(props: &ContextsProps) -> Html {
    let beside = props.beside;
    let limit = use_state(|| {
        if beside {
            FIRST_MENTIONS_BESIDE
        } else {
            FIRST_MENTIONS
        }
    });
    let docs = &props.corpus.0;
    let contexts = props.index.contexts(docs, &props.entity, *limit);
    let row = props.index.entity(&props.entity);
    let total = row.map_or(0, |r| r.total);
    html! {
        <section class="contexts" aria-label={format!("Sentences mentioning {}", row.map_or(Cow::Borrowed(&*props.entity), |r| entity_name(r.label, &props.entity)))}>
            <h2 class="panel-title">{"In context"}<span class="count">{total}</span></h2>
            if let Some(row) = row {
                <p class="small muted">
                    {format!("{} · {} in {}", row.label.human(), counted(row.total, "mention"), counted(row.doc_count(), "article"))}
                </p>
            } else {
                <p class="small muted">{"No article mentions this entity."}</p>
            }
            <ol class="kwic">
                // Mentions that share a sentence are one quotation (the index gives them in
                // text order).
                { for runs_by(contexts.iter(), |c| (c.doc, c.sentence)).into_iter().map(|run| {
                    let spans: Vec<Span> = run.iter().map(|c| c.mention).collect();
                    kwic_item(&docs[run[0].doc], run[0].sentence, &spans, &props.on_goto)
                }) }
            </ol>
            if total > contexts.len() {
                <button type="button" class="link more-contexts" onclick={{
                    let limit = limit.clone();
                    Callback::from(move |_| limit.set(*limit + MORE_MENTIONS))
                }}>{format!("Show {} more of {total} mentions", MORE_MENTIONS.min(total - contexts.len()))}</button>
            }
        </section>
    }
}

/// One quotation of a keyword-in-context list: `sentence` of `doc` with each of `mentions`
/// (sorted, at least one) marked, and a button that goes to the first of them.
pub fn kwic_item(
    doc: &Document,
    sentence: Span,
    mentions: &[Span],
    on_goto: &Callback<(String, usize)>,
) -> Html {
    let target = (doc.meta.id.clone(), mentions[0].start());
    let on_goto = on_goto.clone();
    html! {
        <li key={format!("{}-{}", doc.meta.id, sentence.start())} data-mentions={mentions.len().to_string()}>
            {quoted(&doc.text, sentence, mentions.iter().copied())}
            <button type="button" class="goto link"
                onclick={Callback::from(move |_| on_goto.emit(target.clone()))}>
                {format!("{} — go to mention", outlet_name(&doc.meta.outlet))}
            </button>
        </li>
    }
}
