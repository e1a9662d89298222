//! A static word set with a cheap pre-filter: most words of a text are in none of the
//! recogniser's lists, and the filter turns them away without hashing them.

use crate::engine::fxhash::FxHashSet;

/// Bits in the filter (a power of two).
const FILTER_BITS: usize = 4096;

/// A set of words, looked up exactly or ASCII-case-insensitively.
///
/// The filter holds one bit per (first byte, last byte, length) of the entries (hashed into
/// [`FILTER_BITS`]); a word whose bit is clear is not in the set.
#[derive(Debug)]
pub struct WordSet {
    filter: Box<[u64; FILTER_BITS / 64]>,
    set: FxHashSet<Box<str>>,
}

/// The filter bit of a word with these first and last bytes and this length.
fn bit(first: u8, last: u8, len: usize) -> usize {
    let len = u32::try_from(len.min(255)).unwrap_or(255);
    let key = u32::from(first) | u32::from(last) << 8 | len << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize & (FILTER_BITS - 1)
}

impl WordSet {
    /// A set of these words, as given.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> WordSet {
        let mut ws = WordSet {
            filter: Box::new([0; FILTER_BITS / 64]),
            set: FxHashSet::default(),
        };
        for w in words {
            let w = w.as_ref();
            if let (Some(&f), Some(&l)) = (w.as_bytes().first(), w.as_bytes().last()) {
                let b = bit(f, l, w.len());
                ws.filter[b / 64] |= 1 << (b % 64);
            }
            ws.set.insert(w.into());
        }
        ws
    }

    fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        let b = bit(first, last, len);
        self.filter[b / 64] & (1 << (b % 64)) != 0
    }

    /// False when `word` is surely not in the set (letter for letter); true when it may be.
    pub fn may_contain(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => self.may_hold(f, l, b.len()),
            _ => true,
        }
    }

    /// True when `word` is in the set, letter for letter.
    pub fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => self.may_hold(f, l, b.len()) && self.set.contains(word),
            _ => self.set.contains(word),
        }
    }

    /// [`WordSet::contains_lower`] for a word known to be ASCII (no test of that).
    pub fn contains_ascii_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => {
                self.may_hold(f.to_ascii_lowercase(), l.to_ascii_lowercase(), b.len())
                    && super::with_lower(word, |w| self.set.contains(w))
            }
            _ => self.set.contains(word),
        }
    }

    /// True when `word` lowercased (as [`super::with_lower`] does) is in the set; meant for sets
    /// of lowercase words.
    pub fn contains_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
            // Only ASCII words lowercase byte for byte; others take the slow path.
            if f.is_ascii() && l.is_ascii() && word.is_ascii() {
                let (f, l) = (f.to_ascii_lowercase(), l.to_ascii_lowercase());
                if !self.may_hold(f, l, b.len()) {
                    return false;
                }
            }
        }
        super::with_lower(word, |w| self.set.contains(w))
    }
}
