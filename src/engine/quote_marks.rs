//! Whether a passage shown in quotation marks brings its own: a sentence taken from an article
//! may open or close a quotation, and marks put around it would double them (““Thousands…).

/// Marks that open a quotation in English news text.
const OPENING: &[char] = &['“', '"', '‘', '«', '„'];
/// Marks that close one.
const CLOSING: &[char] = &['”', '"', '’', '»'];

/// Whether `passage` (white space around it aside) begins with an opening quotation mark or
/// ends with a closing one. Such a passage is shown as it is, without marks of our own.
///
/// ```
/// use newslens::engine::quote_marks::brings_quote_marks;
/// assert!(brings_quote_marks("“Thousands of cars are filling the roads."));
/// assert!(brings_quote_marks("“We will not leave,” he said."));
/// assert!(brings_quote_marks(" and the numbers are increasing.” "));
/// assert!(!brings_quote_marks("Thousands fled, “fearing the worst”, on Monday."));
/// assert!(!brings_quote_marks("Thousands fled."));
/// ```
#[must_use]
pub fn brings_quote_marks(passage: &str) -> bool {
    let passage = passage.trim();
    passage.starts_with(OPENING) || passage.ends_with(CLOSING)
}
