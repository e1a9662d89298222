//! Accuracy on the hand-checked gold (`../shared/gold`), scored like `score.py`: exact start,
//! end (code points) and label; skipped with a note when the gold is not beside the repo.

use newslens::engine::eval::{parse_gold, triples, Tally};
use newslens::engine::label::Label;
use newslens::engine::tag::{tag, TagOptions};
use std::path::Path;

/// The floor this engine reached (micro exact F1); the test fails on a regression below it.
const MICRO_FLOOR: f64 = 0.97;
/// The per-label floor of the targets.
const LABEL_FLOOR: f64 = 0.85;

#[test]
fn gold_micro_f1_stays_above_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let gold_dir = root.join("gold");
    let Ok(entries) = std::fs::read_dir(&gold_dir) else {
        println!(
            "note: {} not found, accuracy test skipped",
            gold_dir.display()
        );
        return;
    };
    let published = |file: &str| match file {
        f if f.starts_with("000_") => Some("2017-10-17".to_string()),
        f if f.starts_with("002_") => Some("2017-10-16".to_string()),
        _ => None,
    };
    let mut tally = Tally::default();
    let mut files = 0;
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "json") || p.ends_with("boilerplate.json") {
            continue;
        }
        let (file, gold) = parse_gold(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let text = std::fs::read_to_string(root.join("corpus").join(&file)).unwrap();
        let mentions = tag(
            &text,
            &TagOptions {
                published: published(&file),
            },
        );
        tally.add(&gold, &triples(&text, &mentions));
        files += 1;
    }
    println!("{files} gold files\n{tally}");
    assert!(files >= 2);
    assert!(
        tally.micro_f1() >= MICRO_FLOOR,
        "micro F1 {:.3} < {MICRO_FLOOR}\n{tally}",
        tally.micro_f1()
    );
    for l in Label::ALL {
        assert!(
            tally.f1(l) >= LABEL_FLOOR,
            "{l} F1 {:.3} < {LABEL_FLOOR}\n{tally}",
            tally.f1(l)
        );
    }
}
