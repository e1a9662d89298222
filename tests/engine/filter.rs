//! Search hits are counted in story paragraphs only, and the filters combine.

use newslens::engine::corpus::bundled;
use newslens::engine::corpus_index::CorpusIndex;
use newslens::engine::document::Document;
use newslens::engine::search::{find_all, Query};
use newslens::filter::{story_hits, Filtered};
use newslens::view_state::ViewState;
use std::rc::Rc;

fn docs() -> Vec<Rc<Document>> {
    bundled()
        .unwrap()
        .into_iter()
        .map(|a| Rc::new(Document::analyse(a)))
        .collect()
}

/// The definition: matches found paragraph by paragraph, boilerplate left out.
fn by_paragraph(doc: &Document, q: &str) -> usize {
    doc.paragraphs
        .iter()
        .filter(|p| p.boilerplate.is_none())
        .map(|p| find_all(p.span.slice(&doc.text), q).len())
        .sum()
}

#[test]
fn hits_are_the_story_paragraphs_matches() {
    let docs = docs();
    let mut boilerplate_matched = false;
    for doc in &docs {
        // Every word of the text, boilerplate included, and a few phrases.
        let mut queries: Vec<&str> = doc.text.split_whitespace().collect();
        queries.extend(["Kirkuk", "the", "e", "Iraqi forces", "  kirkuk  ", "é", "İ"]);
        for q in queries {
            let hits = story_hits(doc, &Query::new(q));
            assert_eq!(hits, by_paragraph(doc, q), "{q:?} in {}", doc.meta.id);
            boilerplate_matched |= find_all(&doc.text, q).len() > hits;
        }
    }
    assert!(
        boilerplate_matched,
        "no query matched boilerplate: the test shows nothing"
    );
}

#[test]
fn search_entity_and_outlet_filters_combine() {
    let docs = docs();
    let index = CorpusIndex::build(&docs);
    let ids = |query: &str| Filtered::of(&docs, &index, &ViewState::from_query(query)).visible;
    let all: Vec<String> = docs.iter().map(|d| d.meta.id.clone()).collect();
    assert_eq!(ids(""), all);
    assert_eq!(ids("q=Kirkuk"), all);
    assert!(ids("q=zzzzqqq").is_empty());
    let outlet = docs[0].meta.outlet.clone();
    assert_eq!(ids(&format!("outlet={outlet}&q=Kirkuk")), [all[0].clone()]);
    assert!(ids(&format!("outlet={outlet}&q=zzzzqqq")).is_empty());
    assert!(ids("entity=No%20Such%20Entity").is_empty());
    let f = Filtered::of(&docs, &index, &ViewState::from_query("q=Kirkuk"));
    assert_eq!(
        f.hits,
        docs.iter()
            .map(|d| by_paragraph(d, "Kirkuk"))
            .sum::<usize>()
    );
    assert!(f.hits > 0);
}
