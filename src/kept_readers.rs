//! Which articles' readers stay in the page, hidden, while another article is read.
//!
//! Opening another article built its reader anew: every paragraph and highlight made and laid out
//! again (28-31 ms median to switch between the bundled articles, BENCHMARKS.md; selecting an
//! entity the article does not mention opens another too). The last few articles read are instead
//! kept, each in a slot of its own, hidden by the `Kept` component (`src/ui/kept.rs`), and shown
//! again as they were (12-15 ms). A slot is never moved: the least recently read article's slot is
//! given to the next new one, so that the readers kept keep their place in the page, and the
//! browser their layout.

/// How many readers are kept (the one shown among them).
pub const KEPT_READERS: usize = 3;

/// The articles whose readers are in the page, by slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptReaders {
    /// Article id and when it was last read, by slot.
    slots: Vec<(String, u64)>,
    /// Counts reads, to order them.
    clock: u64,
}

impl KeptReaders {
    /// Notes that `id` is read now: it keeps its slot, or takes a free one, or the slot of
    /// the article read longest ago.
    pub fn read(&mut self, id: &str) {
        self.clock += 1;
        let now = self.clock;
        if let Some(slot) = self.slots.iter_mut().find(|(s, _)| s == id) {
            slot.1 = now;
        } else if self.slots.len() < KEPT_READERS {
            self.slots.push((id.to_string(), now));
        } else if let Some(oldest) = self.slots.iter_mut().min_by_key(|(_, t)| *t) {
            *oldest = (id.to_string(), now);
        }
    }

    /// Forgets the articles for which `keep` says no (they left the corpus).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.slots.retain(|(id, _)| keep(id));
    }

    /// The kept articles' ids, in slot order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|(id, _)| id.as_str())
    }
}
