//! Address-bar writes merged while they wait: the history they leave is the history the
//! writes one by one would have left.

use newslens::address_writes::AddressWrites;
use proptest::prelude::*;

/// A browser history: its entries and the current one.
#[derive(Debug, PartialEq)]
struct History {
    entries: Vec<u8>,
    current: usize,
}

impl History {
    fn new() -> History {
        History {
            entries: vec![0],
            current: 0,
        }
    }

    /// `pushState` drops the entries after the current one and adds one; `replaceState`
    /// changes the current one.
    fn write(&mut self, state: u8, push: bool) {
        if push {
            self.entries.truncate(self.current + 1);
            self.entries.push(state);
            self.current += 1;
        } else {
            self.entries[self.current] = state;
        }
    }
}

#[test]
fn a_replacement_alone_stays_a_replacement() {
    let mut w = AddressWrites::default();
    w.add(1, false);
    w.add(2, false);
    assert_eq!(w.take(), vec![(2, false)]);
    assert_eq!(w.take(), vec![]);
}

proptest! {
    #[test]
    fn merged_writes_leave_the_same_history(writes in prop::collection::vec((any::<u8>(), any::<bool>()), 0..40)) {
        let mut one_by_one = History::new();
        let mut waiting = AddressWrites::default();
        for &(state, push) in &writes {
            one_by_one.write(state, push);
            waiting.add(state, push);
        }
        let merged = waiting.take();
        // Never more writes than were made, and never a replacement after another write.
        prop_assert!(merged.len() <= writes.len());
        prop_assert!(merged.iter().skip(1).all(|&(_, push)| push));
        let mut at_once = History::new();
        for (state, push) in merged {
            at_once.write(state, push);
        }
        prop_assert_eq!(at_once, one_by_one);
    }
}
