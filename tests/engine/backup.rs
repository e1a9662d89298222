//! Backups and stored records: a round trip keeps everything, a corrupt or foreign file gets
//! its own message, and tolerant reading keeps every readable part.

use newslens::engine::backup::{
    parse_backup, read_corrections, read_record, read_record_str, write_backup, BackupError,
    RecordRead, StoredArticle, BACKUP_VERSION, RECORD_VERSION,
};
use newslens::engine::corpus::ArticleMeta;
use newslens::engine::corrections::{ArticleCorrections, Correction};
use newslens::engine::import::prepare_import;
use newslens::engine::label::Label;
use newslens::engine::span::Span;
use serde_json::{json, Value};

pub(super) fn article(id: &str, text: &str) -> StoredArticle {
    let meta = ArticleMeta {
        id: id.into(),
        file: format!("{id}.txt"),
        title: format!("Title of {id} <b>&amp;</b>"),
        outlet: "Rudaw".into(),
        section: None,
        standfirst: Some("“Quoted” standfirst".into()),
        published: Some("2017-10-16".into()),
        url: None,
        certainty: "user".into(),
        evidence: "imported".into(),
    };
    StoredArticle::new(meta, text, "2026-11-23T04:00:00.000Z")
}

fn corrections(id: &str) -> ArticleCorrections {
    let mut c = ArticleCorrections::new(id);
    c.items = vec![
        Correction::RemoveMention {
            span: Span::new(0, 3),
        },
        Correction::Relabel {
            span: Span::new(4, 9),
            label: Label::Org,
        },
        Correction::AddMention {
            span: Span::new(10, 12),
            label: Label::Place,
            canonical: "É".into(),
        },
        Correction::Merge {
            from: "a".into(),
            into: "b".into(),
        },
        Correction::Split {
            spans: vec![Span::new(1, 2), Span::new(5, 6)],
            canonical: "c".into(),
        },
    ];
    c
}

#[test]
fn backup_round_trip_keeps_articles_corrections_and_settings() {
    let draft = prepare_import(
        Some("hostile.txt"),
        "Kirkuk <script>alert(1)</script>\nText, “quoted”, é, \u{202e}rtl.".as_bytes(),
        &[],
        "s",
    )
    .unwrap();
    let articles = vec![
        article("user-0000000000000001", "One.\nTwo é “three”."),
        StoredArticle::new(draft.meta, draft.text, "2026-11-23T04:10:00Z"),
    ];
    let fixes = vec![
        corrections("user-0000000000000001"),
        ArticleCorrections::new("000_d9b921036b694c82"),
    ];
    let settings = json!({"theme": "dark", "types": ["PERSON", "PLACE"]});
    let file = write_backup(&articles, &fixes, &settings, "2026-11-23T05:00:00Z");
    let v: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(v["format"], "newslens-backup");
    assert_eq!(v["version"], 1);
    assert!(
        file.starts_with("{\n  \"format\": \"newslens-backup\",\n  \"version\": 1,"),
        "{}",
        &file[..80]
    );
    let back = parse_backup(&file).unwrap();
    assert_eq!(back.articles, articles);
    assert_eq!(back.corrections, fixes);
    assert_eq!(back.settings, settings);
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    // Writing the restored data again gives the same file.
    assert_eq!(
        write_backup(
            &back.articles,
            &back.corrections,
            &back.settings,
            "2026-11-23T05:00:00Z"
        ),
        file
    );
}

#[test]
fn corrupt_or_foreign_files_are_refused_each_with_its_own_message() {
    struct Case {
        name: &'static str,
        file: String,
        expected: BackupError,
        message: &'static [&'static str],
    }
    let good = write_backup(&[article("user-1", "x")], &[], &Value::Null, "t");
    let cases = vec![
        Case {
            name: "cut short",
            file: good[..good.len() / 2].to_string(),
            expected: BackupError::NotJson {
                line: good[..good.len() / 2].lines().count(),
                column: 0,
            },
            message: &["not valid JSON", "cut short", "Nothing was restored"],
        },
        Case {
            name: "not JSON at all",
            file: "PK\u{3}\u{4} zip".into(),
            expected: BackupError::NotJson { line: 1, column: 1 },
            message: &["not valid JSON", "line 1, column 1"],
        },
        Case {
            name: "JSON but an array",
            file: "[1,2]".into(),
            expected: BackupError::WrongFormat { found: None },
            message: &["not a NewsLens backup", "marker"],
        },
        Case {
            name: "another format",
            file: r#"{"format":"other-app","version":1,"articles":[],"corrections":[]}"#.into(),
            expected: BackupError::WrongFormat {
                found: Some("other-app".into()),
            },
            message: &["not a NewsLens backup", "other-app"],
        },
        Case {
            name: "a newer version",
            file: r#"{"format":"newslens-backup","version":7,"articles":[],"corrections":[]}"#
                .into(),
            expected: BackupError::TooNew {
                version: 7,
                supported: BACKUP_VERSION,
            },
            message: &[
                "newer version of NewsLens",
                "backup version 7",
                "reads up to 1",
                "Update",
            ],
        },
        Case {
            name: "no version",
            file: r#"{"format":"newslens-backup","articles":[],"corrections":[]}"#.into(),
            expected: BackupError::MissingField {
                field: "version".into(),
            },
            message: &["damaged", "version"],
        },
        Case {
            name: "no articles",
            file: r#"{"format":"newslens-backup","version":1,"corrections":[]}"#.into(),
            expected: BackupError::MissingField {
                field: "articles".into(),
            },
            message: &["damaged", "articles"],
        },
        Case {
            name: "corrections of the wrong type",
            file: r#"{"format":"newslens-backup","version":1,"articles":[],"corrections":{}}"#
                .into(),
            expected: BackupError::MissingField {
                field: "corrections".into(),
            },
            message: &["damaged", "corrections"],
        },
    ];
    let mut messages: Vec<String> = Vec::new();
    for case in cases {
        let err = parse_backup(&case.file).expect_err(case.name);
        match (&err, &case.expected) {
            // The exact column of a cut-short file depends on where it was cut.
            (BackupError::NotJson { line, .. }, BackupError::NotJson { line: l, column: 0 }) => {
                assert!(*line >= 1 && *line <= l + 1, "{}: {err:?}", case.name);
            }
            _ => assert_eq!(err, case.expected, "{}", case.name),
        }
        let message = err.to_string();
        for part in case.message {
            assert!(
                message.contains(part),
                "{}: {message:?} lacks {part:?}",
                case.name
            );
        }
        messages.push(message);
    }
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), 8);
}

#[test]
fn tolerant_reading_keeps_every_readable_part() {
    let good = serde_json::to_value(article("user-a", "Text A.")).unwrap();
    let file = json!({
        "format": "newslens-backup",
        "version": 1,
        "articles": [
            good,
            {"version": 1, "meta": {"id": "user-b"}, "text": "no title", "added_at": "t"},
            {"version": 9, "meta": {"id": "user-c"}, "whatever": true},
            "not an object",
            {"meta": serde_json::to_value(article("user-d", "Old.").meta).unwrap(), "text": "Old."},
            serde_json::to_value(article("user-a", "Same id again.")).unwrap(),
            {"version": "one", "meta": {"id": "user-e"}},
        ],
        "corrections": [
            {"version": 1, "article": "user-a", "items": [
                {"op": "remove_mention", "span": {"start": 0, "end": 4}},
                {"op": "teleport", "span": {"start": 0, "end": 4}},
                {"op": "relabel", "span": {"start": 0, "end": 4}, "label": "ALIEN"},
                {"op": "merge", "from": "a", "into": "b"}
            ]},
            {"version": 1, "items": []},
            {"version": 2, "article": "user-a", "items": []},
            42
        ],
        "settings": {"theme": "light"}
    })
    .to_string();
    let back = parse_backup(&file).unwrap();
    let ids: Vec<&str> = back.articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["user-a", "user-d"]);
    assert_eq!(&*back.articles[0].text, "Text A.");
    assert_eq!(back.articles[1].version, RECORD_VERSION);
    assert_eq!(back.articles[1].added_at, "");
    assert_eq!(back.corrections.len(), 1);
    assert_eq!(back.corrections[0].items.len(), 2);
    assert_eq!(back.settings, json!({"theme": "light"}));
    let skipped = back.skipped.join("\n");
    for part in [
        "article 2 (user-b): cannot be read: its title is missing",
        "article 3 (user-c): written by a newer NewsLens (record version 9)",
        "article 4: cannot be read",
        "article 6 (user-a): the same id appears earlier",
        "article 7 (user-e): cannot be read: its version is not a number",
        "correction 2 of article user-a: cannot be read",
        "correction 3 of article user-a: cannot be read",
        "corrections list 2: cannot be read: it names no article",
        "corrections list 3: cannot be read: it was written by a newer NewsLens (corrections version 2)",
        "corrections list 4: cannot be read: it is not an object",
    ] {
        assert!(skipped.contains(part), "{part:?} not in\n{skipped}");
    }
    assert_eq!(back.skipped.len(), 10, "{skipped}");
}

#[test]
fn stored_records_of_every_version() {
    let current = article("user-a", "Text.");
    let raw = serde_json::to_value(&current).unwrap();
    assert_eq!(
        read_record(raw.clone()),
        RecordRead::Current(current.clone())
    );
    assert_eq!(
        read_record_str(&raw.to_string()),
        RecordRead::Current(current.clone())
    );

    let mut old = raw.clone();
    old.as_object_mut().unwrap().remove("version");
    old.as_object_mut().unwrap().remove("added_at");
    let mut upgraded = current.clone();
    upgraded.added_at = String::new();
    assert_eq!(
        read_record(old),
        RecordRead::Upgraded {
            article: upgraded,
            from: 0
        }
    );

    let newer = json!({"version": 2, "meta": {"id": "user-z"}, "body": {"parts": []}});
    assert_eq!(
        read_record(newer.clone()),
        RecordRead::Newer {
            version: 2,
            id: Some("user-z".into()),
            raw: newer
        }
    );

    let truncated = &raw.to_string()[..20];
    match read_record_str(truncated) {
        RecordRead::Unreadable {
            id: None,
            reason,
            raw: Value::String(s),
        } => {
            assert!(reason.starts_with("it is not JSON"), "{reason}");
            assert_eq!(s, truncated);
        }
        other => panic!("{other:?}"),
    }
    let no_id = json!({"version": 1, "meta": {"id": " ", "file": "f", "title": "t", "outlet": ""}, "text": "x", "added_at": ""});
    assert!(
        matches!(read_record(no_id), RecordRead::Unreadable { ref reason, .. } if reason == "it has no id")
    );
}

#[test]
fn unreadable_records_say_plainly_what_is_wrong() {
    let good = serde_json::to_value(article("user-a", "Text.")).unwrap();
    let with = |path: &str, v: Value| {
        let mut r = good.clone();
        *r.pointer_mut(path).unwrap() = v;
        r
    };
    let without = |path: &str, field: &str| {
        let mut r = good.clone();
        r.pointer_mut(path)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(field);
        r
    };
    let cases = [
        (
            json!("just text"),
            "it is not an article record (it holds text)",
        ),
        (
            json!([1, 2]),
            "it is not an article record (it holds a list)",
        ),
        (
            without("", "meta"),
            "its title, outlet and id (“meta”) are missing",
        ),
        (
            with("/meta", json!(3)),
            "its title, outlet and id (“meta”) are a number, not an object",
        ),
        (without("", "text"), "its article text is missing"),
        (
            with("/text", json!(42)),
            "its article text is a number, not text",
        ),
        (
            with("/meta/title", json!({"a": 1})),
            "its title is an object, not text",
        ),
        (
            with("/added_at", json!(true)),
            "its date added is true or false, not text",
        ),
        (
            with("/meta/published", json!(2017)),
            "it cannot be read (invalid type: integer `2017`, expected a string)",
        ),
    ];
    for (raw, expected) in cases {
        match read_record(raw.clone()) {
            RecordRead::Unreadable {
                reason, raw: kept, ..
            } => {
                assert_eq!(reason, expected);
                assert_eq!(kept, raw, "the record is kept as it was");
            }
            other => panic!("{raw}: {other:?}"),
        }
    }
}

#[test]
fn correction_lists_are_read_item_by_item() {
    let list = corrections("user-a");
    let raw = serde_json::to_value(&list).unwrap();
    assert_eq!(read_corrections(&raw).unwrap(), (list, vec![]));
    let err = read_corrections(&json!({"article": "user-a"})).unwrap_err();
    assert_eq!(err, "it has no list of corrections");
}
