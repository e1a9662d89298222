//! Which articles pass the current filters: entity, outlet and text search combined.
//! Pure and tested natively; the article list and the reader use it.

use crate::engine::corpus_index::CorpusIndex;
use crate::engine::document::Document;
use crate::engine::search::Query;
use crate::view_state::ViewState;

/// One article's standing under the filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocFilter {
    /// True when the article passes every filter.
    pub visible: bool,
    /// Search matches in the article's story text (boilerplate excluded).
    pub hits: usize,
}

/// Applies `state`'s entity, outlet and search filters to `docs` (in index order).
///
/// Label toggles do not hide articles: they only change what is highlighted.
#[must_use]
pub fn filter_docs<D: AsRef<Document>>(
    docs: &[D],
    index: &CorpusIndex,
    state: &ViewState,
) -> Vec<DocFilter> {
    let entity = state.entity.as_deref().map(|e| index.entity(e));
    let query = Query::new(&state.q);
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let doc = d.as_ref();
            let by_entity = match entity {
                None => true,
                Some(None) => false,
                Some(Some(row)) => row.count_in(i) > 0,
            };
            let by_outlet = state.outlet.as_deref().is_none_or(|o| doc.meta.outlet == o);
            let hits = if query.is_empty() {
                0
            } else {
                story_hits(doc, &query)
            };
            let by_text = query.is_empty() || hits > 0;
            DocFilter {
                visible: by_entity && by_outlet && by_text,
                hits,
            }
        })
        .collect()
}

/// Matches of `q` in `doc` that lie inside a story paragraph (not boilerplate).
///
/// The text is searched once as a whole, since one call per paragraph cost more than the
/// search itself; a match that crosses a paragraph break (only a query with a line break can
/// make one) is not counted.
#[must_use]
pub fn story_hits(doc: &Document, q: &Query) -> usize {
    let mut story = doc
        .paragraphs
        .iter()
        .filter(|p| p.boilerplate.is_none())
        .map(|p| p.span)
        .peekable();
    q.find_in(&doc.text)
        .into_iter()
        .filter(|m| {
            while story.next_if(|p| p.end() <= m.start()).is_some() {}
            story.peek().is_some_and(|p| p.contains(*m))
        })
        .count()
}

/// The filters' outcome for the whole corpus, as the views use it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    /// Each article's standing, in corpus order.
    pub filters: Vec<DocFilter>,
    /// Ids of the articles that pass, in corpus order.
    pub visible: Vec<String>,
    /// Search matches in the articles that pass.
    pub hits: usize,
}

impl Filtered {
    /// Applies `state`'s filters to `docs` (see [`filter_docs`]).
    #[must_use]
    pub fn of<D: AsRef<Document>>(docs: &[D], index: &CorpusIndex, state: &ViewState) -> Filtered {
        let filters = filter_docs(docs, index, state);
        let visible = docs
            .iter()
            .zip(&filters)
            .filter(|(_, f)| f.visible)
            .map(|(d, _)| d.as_ref().meta.id.clone())
            .collect();
        let hits = filters.iter().filter(|f| f.visible).map(|f| f.hits).sum();
        Filtered {
            filters,
            visible,
            hits,
        }
    }
}
