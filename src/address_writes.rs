//! Address-bar writes waiting for the page to be idle, merged so that the browser's history
//! ends up exactly as if each had been written at once. A history update costs milliseconds
//! (`pushState` about 1–3 ms in Chromium); a user who types a search or toggles labels in
//! quick succession should not pay one per keystroke before the next can be handled.

/// Writes waiting to be made, oldest first: each a state and whether it opens a new history
/// entry (`push`) or replaces the current one.
///
/// A replacing write merges into the write before it (it would have replaced the entry that
/// write made or replaced), so the waiting list never holds a replacement after another write:
///
/// ```
/// use newslens::address_writes::AddressWrites;
/// let mut w = AddressWrites::default();
/// w.add("a", true);
/// w.add("b", false); // replaces the entry "a" would have opened
/// w.add("c", true);
/// w.add("d", false);
/// assert_eq!(w.take(), vec![("b", true), ("d", true)]);
/// assert!(w.is_empty());
/// ```
#[derive(Debug)]
pub struct AddressWrites<S> {
    waiting: Vec<(S, bool)>,
}

impl<S> Default for AddressWrites<S> {
    fn default() -> Self {
        AddressWrites {
            waiting: Vec::new(),
        }
    }
}

impl<S> AddressWrites<S> {
    /// Adds a write of `state`: a new history entry when `push`, else a replacement of the
    /// current one, which takes the place of the last waiting write's state.
    pub fn add(&mut self, state: S, push: bool) {
        match self.waiting.last_mut() {
            Some(last) if !push => last.0 = state,
            _ => self.waiting.push((state, push)),
        }
    }

    /// The waiting writes, oldest first, leaving none.
    pub fn take(&mut self) -> Vec<(S, bool)> {
        std::mem::take(&mut self.waiting)
    }

    /// True when no write is waiting.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }
}
