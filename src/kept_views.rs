//! Which views stay laid out in the page while another is shown.
//!
//! Switching views by taking one out of the page and building the other costs the browser
//! a full style and layout of both (35-75 ms on the bundled corpus, BENCHMARKS.md). A view
//! visited once is instead kept, hidden, and shown again as it was. Views are kept only
//! while the corpus they show is the current one: a hidden view of an older corpus would
//! hold its documents and index in memory, and would be rebuilt when shown anyway. Views not
//! visited yet are built ahead, hidden, once the page is idle, so that the first visit is
//! as quick as the next.

use crate::view_state::View;

/// The set of views built so far for the current corpus (the one shown among them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeptViews(u8);

impl KeptViews {
    /// Notes that `view` is in the page from now on (shown, or built hidden ahead of a visit).
    pub fn keep(&mut self, view: View) {
        self.0 |= Self::bit(view);
    }

    /// Forgets every view but `shown` (the corpus changed: hidden views are stale).
    pub fn keep_only(&mut self, shown: View) {
        self.0 = Self::bit(shown);
    }

    /// Whether `view` is in the page (shown or kept hidden).
    #[must_use]
    pub fn has(self, view: View) -> bool {
        self.0 & Self::bit(view) != 0
    }

    /// The first view, in tab order, not yet in the page.
    #[must_use]
    pub fn next_missing(self) -> Option<View> {
        View::ALL.into_iter().find(|v| !self.has(*v))
    }

    fn bit(view: View) -> u8 {
        1 << View::ALL.iter().position(|v| *v == view).unwrap_or(0)
    }
}
