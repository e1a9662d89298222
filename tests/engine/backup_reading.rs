//! A backup read a slice at a time gives exactly what the one-pass reading gives, for good
//! files and damaged ones, at any slice size; and a good file really is read in slices.

use newslens::engine::backup::{parse_backup, write_backup, Backup, BackupError, StoredArticle};
use newslens::engine::backup_reading::BackupReading;
use newslens::engine::corrections::{ArticleCorrections, Correction};
use newslens::engine::span::Span;
use proptest::prelude::*;
use serde_json::{json, Value};

/// [`super::backup::article`], its title holding quotes, a backslash and brackets for the
/// scanner to step over.
fn article(id: &str, text: &str) -> StoredArticle {
    let mut a = super::backup::article(id, text);
    a.meta.title = format!("Title “{id}” \\ {{[,]}}");
    a
}

/// What reading `file` in steps of `budget` bytes gave: the result, the number of steps, and
/// whether the file went to the one-pass reading.
struct Stepped {
    read: Result<Backup, BackupError>,
    steps: usize,
    fell_back: bool,
}

fn stepped(file: &str, budget: usize) -> Stepped {
    let mut reading = BackupReading::new(file);
    for steps in 1.. {
        if let Some(read) = reading.step(budget) {
            assert_eq!(reading.step(budget), None, "a result is given once");
            let fell_back = reading.fell_back();
            return Stepped {
                read,
                steps,
                fell_back,
            };
        }
    }
    unreachable!()
}

fn a_backup(texts: &[String], ids: &[u8]) -> String {
    let articles: Vec<StoredArticle> = texts
        .iter()
        .zip(ids)
        .map(|(t, id)| article(&format!("user-{id}"), t))
        .collect();
    let mut c = ArticleCorrections::new("user-1");
    c.items.push(Correction::RemoveMention {
        span: Span::new(0, 3),
    });
    write_backup(
        &articles,
        &[c],
        &json!({"theme": "dark"}),
        "2026-11-24T05:00:00Z",
    )
}

#[test]
fn a_good_file_is_read_in_slices_one_record_per_step() {
    let texts: Vec<String> = (0..20)
        .map(|i| format!("Article {i}: “quoted”, \\ [x] {{y}}.\n\nMore."))
        .collect();
    let ids: Vec<u8> = (0..20).collect();
    let file = a_backup(&texts, &ids);
    let one = stepped(&file, 1);
    assert_eq!(one.read, parse_backup(&file));
    assert_eq!(one.read.unwrap().articles.len(), 20);
    // One byte scanned per step, then one record per step: had the reading fallen back to the
    // one-pass reading, it would have ended right after the scan.
    assert_eq!(one.steps, file.len() + 20);
    assert!(!one.fell_back);
    for budget in [8, 9, 100, 1000, usize::MAX] {
        let s = stepped(&file, budget);
        assert!(
            !s.fell_back && s.read == parse_backup(&file),
            "in steps of {budget}"
        );
    }
}

#[test]
fn damaged_or_unusual_files_get_the_one_pass_answer() {
    let good = a_backup(&["One.".into(), "Two.".into()], &[1, 2]);
    let good_value: Value = serde_json::from_str(&good).unwrap();
    let record = good_value["articles"][0].to_string();
    let files: Vec<String> = vec![
        good[..good.len() / 2].to_string(),
        format!("{good} x"),
        format!("\u{feff}{good}"),
        "[1,2]".into(),
        "".into(),
        "   ".into(),
        "{}".into(),
        r#"{"format":"other-app","version":1,"articles":[],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":7,"articles":[],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":[ ],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":[],"corrections":[],}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":[,],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":{},"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":[] [],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup","version":1,"articles":[1 2],"corrections":[]}"#.into(),
        r#"{"format":"newslens-backup" "version":1,"articles":[],"corrections":[]}"#.into(),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record},],"corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}],"articles":"no","corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":"no","\u0061rticles":[{record},{record}],"corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}, "text", {{"version":0,"meta":{{"id":"x"}}}}],"corrections":[42],"settings":null}}"#
        ),
        format!(
            r#"{{"fo\rmat":"newslens-backup","version":1,"articles":[{record}],"corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}],"corrections":[]}}}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}]],"corrections":[]}}"#
        ),
        // The list closed by a brace: the brackets balance in number, not in kind.
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}}},"corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record},{{"version":1]],"corrections":[]}}"#
        ),
        format!(
            r#"{{"format":"newslens-backup","version":1,"articles":[{record}],"corrections":[]"#
        ),
    ];
    for file in &files {
        for budget in [1, 7, 64, usize::MAX] {
            assert_eq!(
                stepped(file, budget).read,
                parse_backup(file),
                "{file:?} in steps of {budget}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any backup, whole or damaged by one edit, read in steps of any size.
    #[test]
    fn stepped_reading_equals_the_one_pass_reading(
        texts in prop::collection::vec("[a-z \"\\\\{}\\[\\],:\n\u{e9}\u{201c}]{0,40}", 0..6),
        ids in prop::collection::vec(0u8..4, 6),
        edit in prop::option::of((any::<prop::sample::Index>(), 0usize..4, "[\"\\\\{}\\[\\],: a1]{0,2}")),
        budget in 1usize..300,
    ) {
        let mut file = a_backup(&texts, &ids);
        // Every file as written is read in slices, without falling back.
        let whole = stepped(&file, budget);
        prop_assert!(!whole.fell_back);
        prop_assert_eq!(whole.read, parse_backup(&file));
        if let Some((at, cut, insert)) = edit {
            let mut at = at.index(file.len() + 1);
            while !file.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(file.len());
            while !file.is_char_boundary(end) {
                end += 1;
            }
            file.replace_range(at..end, &insert);
        }
        prop_assert_eq!(stepped(&file, budget).read, parse_backup(&file));
    }
}
