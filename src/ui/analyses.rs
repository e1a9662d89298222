//! Every article's analysis as the page knows it: done (with the core or the full gazetteer)
//! or still waiting for the tagging worker, plus how far the worker has got.

use crate::engine::corpus::{Article, ArticleMeta};
use crate::engine::document::{Document, Paragraph};
use crate::engine::intern::Interner;
use crate::engine::text::paragraphs;
use crate::worker_protocol::Analysis;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

/// The bundled articles' analyses, one JSON line each (`newslens bundle`; a native test
/// checks that the file is current).
const BUNDLED_ANALYSES: &str = include_str!("../../www/corpus/analysis.jsonl");

/// One article's analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// The document, without the user's corrections.
    pub doc: Rc<Document>,
    /// True when tagged with the full gazetteer (final).
    pub full: bool,
    /// True while only a placeholder: text in paragraphs, no mentions yet.
    pub waiting: bool,
}

impl Analysed {
    /// True when this analysis was made of `text`: the same shared text, or an equal one. An
    /// id alone is not enough: a restored backup may bring another text under a known id.
    #[must_use]
    pub fn fits(&self, text: &Arc<str>) -> bool {
        Arc::ptr_eq(&self.doc.text, text) || self.doc.text == *text
    }
}

/// How far the worker has got with what it was asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles analysed since the worker last went idle.
    pub done: usize,
    /// Articles asked for since then.
    pub total: usize,
    /// Articles whose analysis the user cancelled (they stay unanalysed until resumed).
    pub cancelled: usize,
}

impl Progress {
    /// True while the worker has work.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.done < self.total
    }
}

/// What the engine has done in the worker so far: the in-page throughput.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EngineStats {
    /// Bytes of text analysed.
    pub bytes: usize,
    /// Mentions found.
    pub mentions: usize,
    /// Milliseconds the engine spent, measured in the worker.
    pub ms: f64,
}

/// Every analysis, by article id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analyses {
    /// Analyses by article id; shared, so that progress reports do not copy it.
    pub docs: Rc<HashMap<String, Analysed>>,
    /// Bumped on every change to `docs`.
    pub revision: u64,
    /// The worker's progress.
    pub progress: Progress,
    /// Why the worker could not use the full gazetteer, if it could not.
    pub gazetteer_failed: Option<String>,
    /// Why the worker stopped, while articles it left are shown without highlights.
    pub stopped: Option<String>,
    /// The engine's work in the worker so far.
    pub engine: EngineStats,
}

/// What changes the analyses.
#[derive(Clone, Debug, PartialEq)]
pub enum AnalysesAction {
    /// Show these articles as text until their analysis arrives: their placeholders
    /// ([`placeholder`]), kept unless the article already has an analysis of that text.
    Waiting(Vec<Rc<Document>>),
    /// Analyses arrived: (document, tagged with the full gazetteer), and the engine's time.
    Done(Vec<(Document, bool)>, f64),
    /// The worker's progress changed.
    Progress(Progress),
    /// The worker could not read the full gazetteer.
    GazetteerFailed(String),
    /// The worker stopped, and why.
    Stopped(String),
}

impl Analyses {
    /// The bundled articles' analyses made when the app was built (`newslens bundle`, with the
    /// full gazetteer), so that the first article is highlighted at once and the page's own
    /// module needs no tagger. An article whose analysis is missing or does not fit its text
    /// is left to the worker.
    #[must_use]
    pub fn first(bundled: &[Article]) -> Analyses {
        let mut made: HashMap<String, Analysis> = BUNDLED_ANALYSES
            .lines()
            .filter_map(|line| serde_json::from_str::<Analysis>(line).ok())
            .map(|a| (a.id.clone(), a))
            .collect();
        let mut strings = Interner::default();
        let docs: HashMap<String, Analysed> = bundled
            .iter()
            .filter_map(|a| {
                let doc = made.remove(&a.meta.id)?.into_document(
                    a.meta.clone(),
                    a.text.clone(),
                    None,
                    &mut strings,
                )?;
                let analysed = Analysed {
                    doc: Rc::new(doc),
                    full: true,
                    waiting: false,
                };
                Some((a.meta.id.clone(), analysed))
            })
            .collect();
        Analyses {
            docs: Rc::new(docs),
            ..Analyses::default()
        }
    }

    /// True when every analysis is final (tagged with the full gazetteer).
    #[must_use]
    pub fn all_full(&self) -> bool {
        self.docs.values().all(|a| a.full && !a.waiting)
    }
}

/// A document that shows the text in paragraphs and has no mentions yet.
#[must_use]
pub fn placeholder(meta: &ArticleMeta, text: &Arc<str>) -> Document {
    Document {
        meta: meta.clone(),
        paragraphs: paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                boilerplate: None,
            })
            .collect(),
        mentions: Vec::new(),
        places: None,
        text: text.clone(),
    }
}

impl Reducible for Analyses {
    type Action = AnalysesAction;

    fn reduce(self: Rc<Self>, action: AnalysesAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AnalysesAction::Waiting(placeholders) => {
                let docs = Rc::make_mut(&mut next.docs);
                for doc in placeholders {
                    // Kept when known for this text; replaced when made of another one.
                    if docs.get(&doc.meta.id).is_some_and(|x| x.fits(&doc.text)) {
                        continue;
                    }
                    let waiting = Analysed {
                        doc,
                        full: false,
                        waiting: true,
                    };
                    docs.insert(waiting.doc.meta.id.clone(), waiting);
                }
                next.revision += 1;
            }
            AnalysesAction::Done(docs, ms) => {
                next.engine.ms += ms;
                let known = Rc::make_mut(&mut next.docs);
                for (doc, full) in docs {
                    next.engine.bytes += doc.text.len();
                    next.engine.mentions += doc.mentions.len();
                    known.insert(
                        doc.meta.id.clone(),
                        Analysed {
                            doc: Rc::new(doc),
                            full,
                            waiting: false,
                        },
                    );
                }
                next.revision += 1;
            }
            AnalysesAction::Progress(p) => {
                // Nothing left of what the stopped worker had to do: the reason is old news.
                if p.cancelled == 0 {
                    next.stopped = None;
                }
                next.progress = p;
            }
            AnalysesAction::GazetteerFailed(why) => next.gazetteer_failed = Some(why),
            AnalysesAction::Stopped(why) => next.stopped = Some(why),
        }
        Rc::new(next)
    }
}
