//! The interner shares one copy per string and lets go of copies nobody holds.

use newslens::engine::intern::Interner;
use std::sync::Arc;

#[test]
fn equal_strings_share_one_copy_and_unequal_ones_do_not() {
    let mut strings = Interner::default();
    let a = strings.intern("Islamic State");
    let b = strings.intern(&String::from("Islamic State"));
    let c = strings.intern("Islamic state");
    assert!(Arc::ptr_eq(&a, &b));
    assert!(!Arc::ptr_eq(&a, &c));
    assert_eq!(strings.len(), 2);
}

#[test]
fn strings_nobody_holds_are_swept_and_held_ones_kept() {
    let mut strings = Interner::default();
    let kept = strings.intern("kept");
    // A long run of strings that are dropped at once, as when articles are deleted.
    for i in 0..100_000 {
        drop(strings.intern(&format!("gone {i}")));
    }
    assert!(strings.len() < 4096, "the set grew to {}", strings.len());
    // What is still held is the same copy after the sweeps.
    assert!(Arc::ptr_eq(&kept, &strings.intern("kept")));
}
