//! Conversion of byte offsets to Unicode code-point offsets, for the contract's edge.

/// Maps byte offsets of one text to code-point offsets in `O(log n)` per lookup.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// For every non-ASCII char: its byte offset, its code-point index and its UTF-8 length.
    marks: Vec<(usize, usize, usize)>,
}

impl CodePoints {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> CodePoints {
        let marks = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, c))| !c.is_ascii())
            .map(|(cp, (byte, c))| (byte, cp, c.len_utf8()))
            .collect();
        CodePoints { marks }
    }

    /// The code-point offset of byte offset `byte` (a char boundary of the indexed text).
    ///
    /// ```
    /// use newslens::engine::offsets::CodePoints;
    /// let text = "“Kirkuk” é";
    /// let cp = CodePoints::new(text);
    /// assert_eq!(cp.of(text.find('K').unwrap()), 1);
    /// assert_eq!(cp.of(text.len()), 10);
    /// ```
    #[must_use]
    pub fn of(&self, byte: usize) -> usize {
        let n = self.marks.partition_point(|&(b, _, _)| b < byte);
        match n.checked_sub(1).map(|i| self.marks[i]) {
            None => byte,
            // Everything between the last non-ASCII char and `byte` is ASCII: one byte each.
            Some((b, cp, len)) => cp + 1 + (byte - b - len),
        }
    }
}
