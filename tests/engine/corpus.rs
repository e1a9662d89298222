//! The bundled corpus is complete and consistent.

use newslens::engine::corpus::{assemble, bundled, CorpusError};

#[test]
fn bundled_corpus_has_both_articles_with_metadata() {
    let articles = bundled().expect("bundled corpus assembles");
    let ids: Vec<&str> = articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["000_d9b921036b694c82", "002_08ae971f51795d28"]);
    for a in &articles {
        assert!(a.meta.file.starts_with(&a.meta.id), "id is the file stem");
        assert!(!a.meta.title.is_empty() && !a.meta.outlet.is_empty());
        assert!(
            a.text.starts_with(&a.meta.title[..10]),
            "text starts with its headline"
        );
    }
    assert_eq!(articles[0].meta.outlet, "Breitbart News");
    assert_eq!(articles[1].meta.published.as_deref(), Some("2017-10-16"));
}

#[test]
fn manifest_errors_are_reported_not_ignored() {
    let files = [("a.txt", "text")];
    assert!(matches!(
        assemble("{not json", &files),
        Err(CorpusError::BadManifestLine { line: 1, .. })
    ));
    let line = r#"{"id":"b","file":"b.txt","title":"T","outlet":"O"}"#;
    assert_eq!(
        assemble(line, &files),
        Err(CorpusError::MissingFile("b.txt".into()))
    );
    let line = r#"{"id":"a","file":"a.txt","title":"T","outlet":"O"}"#;
    let extra = [("a.txt", "text"), ("c.txt", "more")];
    assert_eq!(
        assemble(line, &extra),
        Err(CorpusError::Unlisted("c.txt".into()))
    );
    let ok = assemble(line, &files).unwrap();
    assert_eq!(ok[0].meta.certainty, "unknown");
}
