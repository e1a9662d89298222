//! The text layer: paragraphs (and, built on them, sentences and tokens).

use super::span::Span;

/// The paragraphs of `text`: every non-blank line, trimmed, in order.
///
/// Captured news pages put one paragraph, caption or credit per line; a blank line between
/// paragraphs is common but not guaranteed, so each non-blank line is its own paragraph.
///
/// ```
/// use newslens::engine::text::paragraphs;
/// let text = "Title\n\n  First para.\r\nSecond\n";
/// let p: Vec<&str> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(p, ["Title", "First para.", "Second"]);
/// ```
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push(Span::new(start + lead, start + lead + body.len()));
        }
        start += line.len() + 1;
    }
    out
}
