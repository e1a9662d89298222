//! What a view made last, kept for the next time it is shown with the same inputs: switching
//! views unmounts a component and its hooks' memos with it, and a large corpus makes some of
//! them costly to make again.

use std::cell::RefCell;
use std::rc::Rc;

/// One kept value and the key it was made for. Meant for a `thread_local!` (the page has one
/// thread).
///
/// ```
/// use newslens::last_made::LastMade;
/// let last: LastMade<u32, String> = LastMade::new();
/// assert_eq!(last.get_or_make(1, |k| format!("made {k}")), "made 1");
/// assert_eq!(last.get_or_make(1, |_| unreachable!()), "made 1");
/// assert_eq!(last.get(&2), None);
/// last.clear();
/// assert_eq!(last.get(&1), None);
/// ```
pub struct LastMade<K, V>(RefCell<Option<(K, V)>>);

impl<K: PartialEq, V: Clone> LastMade<K, V> {
    /// Nothing kept yet.
    #[must_use]
    pub const fn new() -> LastMade<K, V> {
        LastMade(RefCell::new(None))
    }

    /// The value kept for `key`, if the last one was made for it.
    pub fn get(&self, key: &K) -> Option<V> {
        match &*self.0.borrow() {
            Some((k, v)) if k == key => Some(v.clone()),
            _ => None,
        }
    }

    /// The value kept for `key`, or `make(&key)`, which is then kept instead of the last.
    pub fn get_or_make(&self, key: K, make: impl FnOnce(&K) -> V) -> V {
        if let Some(v) = self.get(&key) {
            return v;
        }
        let v = make(&key);
        self.set(key, v.clone());
        v
    }

    /// Keeps `value` as made for `key`.
    pub fn set(&self, key: K, value: V) {
        *self.0.borrow_mut() = Some((key, value));
    }

    /// Forgets the kept value (and lets go of its memory).
    pub fn clear(&self) {
        self.0.borrow_mut().take();
    }
}

impl<K: PartialEq, V: Clone> Default for LastMade<K, V> {
    fn default() -> Self {
        LastMade::new()
    }
}

/// An `Rc` as a key that compares by identity, not by value: cheap, and right for values
/// that are replaced rather than changed (documents, indexes).
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(Rc::clone(&self.0))
    }
}
