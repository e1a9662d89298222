//! One shared copy of each string that recurs across a corpus: canonical names and evidence.

use super::fxhash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::sync::Arc;

/// The set never shrinks below this many strings before it is swept.
const FIRST_SWEEP: usize = 1024;

/// Hands out one shared `Arc<str>` per distinct string, so that a corpus of thousands of
/// articles holds "United States" once rather than once per mention. Strings that nobody
/// holds any more are dropped when the set has doubled since the last sweep, so the set stays
/// within twice what is in use, at amortised constant cost per call.
#[derive(Debug)]
pub struct Interner {
    set: FxHashSet<Arc<str>>,
    sweep_at: usize,
    /// The shared copies of `'static` strings (rule names, lexicon entries) by address and
    /// length, so that asking for one again hashes two words instead of its text.
    statics: FxHashMap<(usize, usize), Arc<str>>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            set: FxHashSet::default(),
            sweep_at: FIRST_SWEEP,
            statics: FxHashMap::default(),
        }
    }
}

impl Interner {
    /// The shared copy of `s`, made on first use.
    ///
    /// ```
    /// # use newslens::engine::intern::Interner;
    /// # use std::sync::Arc;
    /// let mut strings = Interner::default();
    /// let a = strings.intern("Kirkuk");
    /// let b = strings.intern("Kirkuk");
    /// assert!(Arc::ptr_eq(&a, &b));
    /// ```
    pub fn intern(&mut self, s: &str) -> Arc<str> {
        if let Some(known) = self.set.get(s) {
            return Arc::clone(known);
        }
        if self.set.len() >= self.sweep_at {
            self.set.retain(|a| Arc::strong_count(a) > 1);
            self.sweep_at = (self.set.len() * 2).max(FIRST_SWEEP);
        }
        let shared: Arc<str> = Arc::from(s);
        self.set.insert(Arc::clone(&shared));
        shared
    }

    /// [`Interner::intern`] for a string that lives as long as the program (a rule name, a
    /// lexicon entry): the same shared copy, found by the string's address.
    ///
    /// ```
    /// # use newslens::engine::intern::Interner;
    /// # use std::sync::Arc;
    /// let mut strings = Interner::default();
    /// let a = strings.intern_static("iso639:kur");
    /// let b = strings.intern("iso639:kur");
    /// assert!(Arc::ptr_eq(&a, &b));
    /// ```
    pub fn intern_static(&mut self, s: &'static str) -> Arc<str> {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(known) = self.statics.get(&key) {
            return Arc::clone(known);
        }
        let shared = self.intern(s);
        self.statics.insert(key, Arc::clone(&shared));
        shared
    }

    /// How many distinct strings the set holds (some perhaps no longer in use).
    #[must_use]
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// True when nothing has been interned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

/// Calls `f` with this thread's interner for the tagger's own output, which keeps one copy of
/// each canonical name and evidence string across the articles tagged on the thread (a
/// corpus names the same places and cites the same rules over and over), so that a mention
/// costs no allocation when its strings are already known.
pub(crate) fn with_local<R>(f: impl FnOnce(&mut Interner) -> R) -> R {
    thread_local! {
        static LOCAL: RefCell<Interner> = RefCell::new(Interner::default());
    }
    LOCAL.with(|local| match local.try_borrow_mut() {
        Ok(mut strings) => f(&mut strings),
        // Only if tagging were re-entered on this thread: a private set then.
        Err(_) => f(&mut Interner::default()),
    })
}
