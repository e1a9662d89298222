//! The options a long drop-down list shows.

use newslens::choice_list::choices;

fn labels(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("Outlet {} — Story number {i}", i % 7))
        .collect()
}

#[test]
fn a_short_list_shows_everything() {
    let l = labels(5);
    let c = choices(&l, "", Some(3), 200);
    assert_eq!(c.shown, [0, 1, 2, 3, 4]);
    assert_eq!(c.more, 0);
}

#[test]
fn a_long_list_shows_the_limit_and_counts_the_rest() {
    let l = labels(10_000);
    let c = choices(&l, "", Some(9_999), 100);
    assert_eq!(c.shown.len(), 101, "100 matches and the current one");
    assert_eq!(c.shown.last(), Some(&9_999));
    assert_eq!(c.more, 10_000 - 101);
}

#[test]
fn every_word_must_match_in_any_case() {
    let l = labels(100);
    let c = choices(&l, "OUTLET 3   numBER 43", None, 100);
    let shown: Vec<&str> = c.shown.iter().map(|&i| l[i].as_str()).collect();
    assert!(shown.contains(&"Outlet 1 — Story number 43"), "{shown:?}");
    let all = |s: &&String| {
        ["Outlet", "3", "number", "43"]
            .iter()
            .all(|w| s.contains(w))
    };
    for s in &shown {
        assert!(all(&&s.to_string()), "{s}");
    }
    let expected = l.iter().filter(all).count();
    assert_eq!(shown.len(), expected);
}

#[test]
fn the_current_choice_stays_when_it_does_not_match() {
    let l = labels(50);
    let c = choices(&l, "no such words", Some(7), 10);
    assert_eq!(c.shown, [7]);
    assert_eq!(c.more, 0);
}
