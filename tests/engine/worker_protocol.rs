//! What crosses between the page and the tagging worker rebuilds the same document.

use newslens::engine::corpus;
use newslens::engine::document::Document;
use newslens::worker_protocol::{Analysis, ArticleIn, Request, Response};

fn first_article() -> corpus::Article {
    corpus::bundled().expect("bundled corpus").remove(0)
}

#[test]
fn an_analysis_sent_through_serde_rebuilds_the_document() {
    let article = first_article();
    let doc = Document::analyse(article.clone());
    assert!(!doc.mentions.is_empty());
    let sent = Response::Analysed {
        batch: 7,
        analyses: vec![Analysis::of(&doc, true)],
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
    let back = analyses
        .remove(0)
        .into_document(article.meta, article.text)
        .expect("fits its own text");
    assert_eq!(back, doc);
}

#[test]
fn an_analysis_does_not_join_another_text() {
    let article = first_article();
    let doc = Document::analyse(article.clone());
    let analysis = Analysis::of(&doc, false);
    let shorter = article.text[..article.text.len() / 2].to_string();
    assert!(analysis
        .clone()
        .into_document(article.meta.clone(), shorter)
        .is_none());
    let mut other = article.meta.clone();
    other.id.push('x');
    assert!(analysis.into_document(other, article.text).is_none());
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
