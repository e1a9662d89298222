use newslens::kept_views::KeptViews;
use newslens::view_state::View;

#[test]
fn a_visited_view_is_kept_until_the_corpus_changes() {
    let mut kept = KeptViews::default();
    assert!(
        View::ALL.iter().all(|v| !kept.has(*v)),
        "nothing is kept before a visit"
    );
    kept.keep(View::Read);
    kept.keep(View::Compare);
    assert!(kept.has(View::Read) && kept.has(View::Compare));
    assert!(!kept.has(View::Places) && !kept.has(View::Entities));
    kept.keep(View::Compare);
    assert!(kept.has(View::Compare), "visiting again keeps it");
    assert_eq!(
        kept.next_missing(),
        Some(View::Entities),
        "the first missing in tab order"
    );
    kept.keep_only(View::Places);
    assert!(kept.has(View::Places));
    assert!(
        !kept.has(View::Read) && !kept.has(View::Compare),
        "stale views are forgotten"
    );
}

#[test]
fn every_view_has_its_own_place_in_the_set() {
    let mut kept = KeptViews::default();
    for (i, v) in View::ALL.iter().enumerate() {
        kept.keep(*v);
        assert_eq!(kept.next_missing(), View::ALL.get(i + 1).copied());
        for (j, w) in View::ALL.iter().enumerate() {
            assert_eq!(kept.has(*w), j <= i, "{w:?} after visiting up to {v:?}");
        }
    }
}
