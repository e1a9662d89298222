use newslens::kept_readers::{KeptReaders, KEPT_READERS};

fn ids(kept: &KeptReaders) -> Vec<&str> {
    kept.ids().collect()
}

#[test]
fn each_article_read_keeps_one_slot() {
    let mut kept = KeptReaders::default();
    assert!(ids(&kept).is_empty(), "nothing before a read");
    kept.read("a");
    kept.read("b");
    kept.read("a");
    assert_eq!(
        ids(&kept),
        ["a", "b"],
        "read again, an article keeps its slot"
    );
}

#[test]
fn a_new_article_takes_the_slot_read_longest_ago_and_the_others_stay_put() {
    let mut kept = KeptReaders::default();
    let names: Vec<String> = (0..KEPT_READERS).map(|i| format!("a{i}")).collect();
    for id in &names {
        kept.read(id);
    }
    // The first article is read again: the second is now the one read longest ago.
    kept.read(&names[0]);
    kept.read("new");
    let mut expected: Vec<&str> = names.iter().map(String::as_str).collect();
    expected[1] = "new";
    assert_eq!(ids(&kept), expected, "only the oldest slot changes");
    assert_eq!(ids(&kept).len(), KEPT_READERS, "never more than the limit");
}

#[test]
fn articles_that_left_the_corpus_are_forgotten() {
    let mut kept = KeptReaders::default();
    kept.read("a");
    kept.read("gone");
    kept.read("b");
    kept.retain(|id| id != "gone");
    assert_eq!(ids(&kept), ["a", "b"]);
    kept.read("c");
    assert_eq!(
        ids(&kept),
        ["a", "b", "c"],
        "a freed slot is used before any is replaced"
    );
}
