//! What crosses between the page and the tagging worker rebuilds the same document.

use newslens::engine::corpus::{self, ArticleMeta};
use newslens::engine::document::Document;
use newslens::engine::gazetteer::Gazetteer;
use newslens::engine::import::convert_import;
use newslens::engine::intern::Interner;
use newslens::engine::places::digest::{DocPlaces, PlaceTarget};
use newslens::engine::span::Span;
use newslens::worker_protocol::{Analysis, ArticleIn, ImportInput, Request, Response};
use std::collections::HashSet;
use std::sync::Arc;

fn first_article() -> corpus::Article {
    corpus::bundled().expect("bundled corpus").remove(0)
}

/// True when `analysis` (with `places`) is refused as the analysis of `meta` and `text`.
fn refused(
    analysis: &Analysis,
    meta: &ArticleMeta,
    text: &Arc<str>,
    places: Option<DocPlaces>,
) -> bool {
    analysis
        .clone()
        .into_document(meta.clone(), text.clone(), places, &mut Interner::default())
        .is_none()
}

#[test]
fn an_analysis_sent_through_serde_rebuilds_the_document() {
    let article = first_article();
    let doc = Document::analyse(article.clone());
    assert!(!doc.mentions.is_empty());
    let sent = Response::Analysed {
        batch: 7,
        analyses: vec![(Analysis::of(&doc, true), None)],
        engine_ms: 1.5,
    };
    let wire = serde_json::to_string(&sent).expect("serialises");
    let Response::Analysed {
        batch,
        mut analyses,
        ..
    } = serde_json::from_str::<Response>(&wire).expect("deserialises")
    else {
        panic!("wrong variant");
    };
    assert_eq!(batch, 7);
    let (analysis, places) = analyses.remove(0);
    let back = analysis
        .into_document(article.meta, article.text, places, &mut Interner::default())
        .expect("fits its own text");
    assert_eq!(back, doc);
}

#[test]
fn resolved_places_cross_to_the_page_in_the_worker_codec() {
    let article = first_article();
    let g = Gazetteer::full();
    let doc = Document::analyse(article.clone());
    let places = DocPlaces::resolve(g, &doc.text, &doc.mentions);
    assert_eq!(places.table, g.fingerprint());
    assert!(places.hits.iter().any(
        |h| matches!(h.target, PlaceTarget::Record(i) if g.place(i).unwrap().name == "Kirkuk")
    ));
    // gloo's worker bridge encodes messages with bincode.
    let sent = Response::Analysed {
        batch: 1,
        analyses: vec![(Analysis::of(&doc, true), Some(places.clone()))],
        engine_ms: 1.0,
    };
    let wire = bincode::serialize(&sent).expect("serialises");
    let Response::Analysed { mut analyses, .. } =
        bincode::deserialize::<Response>(&wire).expect("deserialises")
    else {
        panic!("wrong variant");
    };
    let (analysis, received) = analyses.remove(0);
    let back = analysis
        .into_document(
            article.meta.clone(),
            article.text.clone(),
            received,
            &mut Interner::default(),
        )
        .expect("fits its own text");
    assert_eq!(back.places.as_deref(), Some(&places));
    assert_eq!(
        Document {
            places: None,
            ..back
        },
        doc
    );
    // A digest whose spans do not fit the text is refused with the rest of the analysis.
    let mut bad = places;
    bad.hits[0].span = Span::new(0, article.text.len() + 1);
    let analysis = Analysis::of(&doc, true);
    assert!(refused(&analysis, &article.meta, &article.text, Some(bad)));
}

#[test]
fn an_analysis_does_not_join_another_text() {
    let article = first_article();
    let doc = Document::analyse(article.clone());
    let analysis = Analysis::of(&doc, false);
    let shorter: Arc<str> = article.text[..article.text.len() / 2].into();
    assert!(refused(&analysis, &article.meta, &shorter, None));
    let mut other = article.meta.clone();
    other.id.push('x');
    assert!(refused(&analysis, &other, &article.text, None));
    assert!(!refused(&analysis, &article.meta, &article.text, None));
    // A string index past the analysis's table is refused, not followed.
    let mut broken = analysis;
    broken.mentions[0].evidence = u32::try_from(broken.strings.len()).unwrap();
    assert!(refused(&broken, &article.meta, &article.text, None));
}

#[test]
fn articles_joined_through_one_interner_share_their_strings() {
    let article = first_article();
    let doc = Document::analyse(article.clone());
    let analysis = Analysis::of(&doc, false);
    // Each distinct string crosses once per article.
    let distinct: HashSet<&str> = doc
        .mentions
        .iter()
        .flat_map(|m| [&*m.canonical, m.why.rule.as_str(), &*m.why.evidence])
        .collect();
    assert_eq!(analysis.strings.len(), distinct.len());
    let mut shared = Interner::default();
    let join = |shared: &mut Interner| {
        analysis
            .clone()
            .into_document(article.meta.clone(), article.text.clone(), None, shared)
            .expect("fits its own text")
    };
    let (a, b) = (join(&mut shared), join(&mut shared));
    assert_eq!(a, doc);
    assert!(a.mentions.iter().zip(&b.mentions).all(|(x, y)| Arc::ptr_eq(
        &x.canonical,
        &y.canonical
    ) && Arc::ptr_eq(
        &x.why.evidence,
        &y.why.evidence
    )));
}

#[test]
fn requests_round_trip() {
    let article = first_article();
    let request = Request::Analyse {
        batch: 1,
        articles: vec![ArticleIn {
            meta: article.meta,
            text: article.text,
        }],
    };
    let wire = serde_json::to_string(&request).expect("serialises");
    assert_eq!(
        serde_json::from_str::<Request>(&wire).expect("deserialises"),
        request
    );
}

/// An import crosses to the worker and its draft or refusal comes back whole, in the codec
/// gloo's worker bridge uses.
#[test]
fn imports_cross_to_the_worker_and_back_in_the_worker_codec() {
    let request = Request::Convert {
        ticket: 7,
        input: ImportInput {
            name: Some("story.html".into()),
            bytes: "<p>Floods in Valencia — «Spain» sends troops.</p>".into(),
            seed: "2026-11-24T15:00:00.000Z".into(),
        },
    };
    let wire = bincode::serialize(&request).expect("serialises");
    let back: Request = bincode::deserialize(&wire).expect("deserialises");
    assert_eq!(back, request);
    let Request::Convert { ticket, input } = back else {
        unreachable!()
    };
    for result in [
        convert_import(input.name.as_deref(), &input.bytes, &input.seed),
        convert_import(None, b"\0\x01binary", &input.seed),
    ] {
        let response = Response::Converted {
            ticket,
            result: Box::new(result),
        };
        let wire = bincode::serialize(&response).expect("serialises");
        assert_eq!(
            bincode::deserialize::<Response>(&wire).expect("deserialises"),
            response
        );
    }
}

#[test]
fn the_embedded_bundled_analysis_is_what_the_engine_says_now() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newslens"))
        .arg("bundle")
        .output()
        .expect("the newslens binary runs");
    assert!(output.status.success());
    let fresh = String::from_utf8(output.stdout).expect("UTF-8");
    let embedded = include_str!("../../www/corpus/analysis.jsonl");
    assert!(
        fresh == embedded,
        "www/corpus/analysis.jsonl is stale: regenerate it with \
         `cargo run --release --bin newslens -- bundle > www/corpus/analysis.jsonl`"
    );
}
