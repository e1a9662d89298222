//! Byte ranges into a text, checked once and then trusted.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a UTF-8 text.
///
/// Invariant: `start <= end`. Spans produced by the engine also lie on `char` boundaries of
/// the text they were made from, so [`Span::slice`] never fails for them. Offsets are bytes;
/// convert to Unicode code points only at the edge (see [`crate::engine::offsets`]).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Makes a span. Panics if `start > end`, which is always a programmer error.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "Span::new: start {start} > end {end}");
        Span { start, end }
    }

    /// The first byte of the span.
    #[must_use]
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    #[must_use]
    pub fn end(&self) -> usize {
        self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same span moved `by` bytes to the right.
    #[must_use]
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// True when the span lies within `text` and on its character boundaries: a span that
    /// arrived from elsewhere (the worker, a file) fits the text it is joined to.
    ///
    /// ```
    /// use newslens::engine::span::Span;
    /// assert!(Span::new(0, 3).fits("né"));
    /// assert!(!Span::new(0, 2).fits("né")); // ends inside "é"
    /// assert!(!Span::new(1, 9).fits("né")); // past the end
    /// ```
    #[must_use]
    pub fn fits(&self, text: &str) -> bool {
        text.get(self.start..self.end).is_some()
    }

    /// The text this span covers, or `""` if it does not lie on char boundaries of `text`.
    ///
    /// ```
    /// use newslens::engine::span::Span;
    /// assert_eq!(Span::new(4, 10).slice("Fly Kirkuk now"), "Kirkuk");
    /// ```
    #[must_use]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}
