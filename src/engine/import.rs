//! User imports: bytes from a file or the clipboard checked, reduced to article text, and
//! turned into a draft article with its metadata pre-filled.
//!
//! Everything imported ends up as plain text: HTML is reduced by [`crate::engine::html::to_text`]
//! (scripts, styles, navigation, comments dropped), Markdown loses its markup, and the views
//! never insert any of it as HTML. Bad input is refused with an [`ImportError`] whose
//! `Display` is the message to show; nothing is changed by a refused import.
//!
//! ```
//! use newslens::engine::import::{prepare_import, ImportError};
//! let draft = prepare_import(Some("story.txt"), b"Floods in Kirkuk\n\nOctober 16, 2017\n\nRain fell.", &[], "seed")
//!     .expect("a plain article imports");
//! assert_eq!(draft.meta.title, "Floods in Kirkuk");
//! assert_eq!(draft.meta.published.as_deref(), Some("2017-10-16"));
//! assert_eq!(draft.meta.certainty, "user");
//! assert_eq!(prepare_import(None, b"  \n ", &[], "seed"), Err(ImportError::Empty));
//! ```

mod decode;
mod known_texts;
mod markdown;
mod prefill;

pub use known_texts::KnownTexts;

use super::boilerplate;
use super::corpus::{Article, ArticleMeta};
use super::html;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most text an article may have after conversion, in bytes (5 MB).
pub const MAX_TEXT_BYTES: usize = 5_000_000;

/// The largest file read at all, in bytes (20 MB): HTML pages shrink a lot when reduced to
/// text, but anything bigger is refused before it is decoded.
pub const MAX_FILE_BYTES: usize = 20_000_000;

/// Fewer words than this and an import is short for a news article (a brief runs to about a
/// hundred): it is kept, with a note that there is little to find in it.
pub const SHORT_WORDS: usize = 30;

/// The number of words of `text` when there are fewer than [`SHORT_WORDS`] (a word has a letter
/// or a digit), else `None`.
///
/// ```
/// use newslens::engine::import::short_text_words;
/// assert_eq!(short_text_words("hello"), Some(1));
/// assert_eq!(short_text_words("Hello, world — again."), Some(3));
/// assert_eq!(short_text_words(&"word ".repeat(29)), Some(29));
/// assert_eq!(short_text_words(&"word ".repeat(30)), None);
/// ```
#[must_use]
pub fn short_text_words(text: &str) -> Option<usize> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(SHORT_WORDS)
        .count();
    (words < SHORT_WORDS).then_some(words)
}

/// How the imported bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, kept as it is.
    Text,
    /// Markdown: heading markers, emphasis and link syntax removed.
    Markdown,
    /// An HTML page, reduced to its article text.
    Html,
}

impl Format {
    /// The format of an input: by the file name's extension (`.txt`, `.md`/`.markdown`,
    /// `.html`/`.htm`/`.xhtml`), else by content (a document starting like HTML).
    ///
    /// ```
    /// use newslens::engine::import::Format;
    /// assert_eq!(Format::detect(Some("a.HTM"), "plain"), Format::Html);
    /// assert_eq!(Format::detect(None, "<!DOCTYPE html><p>x</p>"), Format::Html);
    /// assert_eq!(Format::detect(Some("notes.txt"), "<p>x</p>"), Format::Text);
    /// assert_eq!(Format::detect(None, "Kirkuk, <Iraq>"), Format::Text);
    /// ```
    #[must_use]
    pub fn detect(name: Option<&str>, text: &str) -> Format {
        let ext = name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("txt" | "text") => Format::Text,
            _ if looks_like_html(text) => Format::Html,
            _ => Format::Text,
        }
    }

    /// A human name: `"plain text"`, `"Markdown"`, `"HTML"`.
    #[must_use]
    pub fn human(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }
}

/// True when `text` starts like an HTML document or fragment.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    head.starts_with('<')
        && [
            "<head", "<body", "<meta", "<title", "</p>", "</div>", "<article",
        ]
        .iter()
        .any(|t| head.contains(t))
}

/// What identifies an article's text for duplicate detection, without keeping the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The article's id.
    pub id: String,
    /// Its title, to name it in the duplicate message.
    pub title: String,
    /// [`text_hash`] of its text.
    pub hash: String,
}

impl Fingerprint {
    /// The fingerprint of an article given by parts.
    #[must_use]
    pub fn new(id: &str, title: &str, text: &str) -> Fingerprint {
        Fingerprint {
            id: id.to_string(),
            title: title.to_string(),
            hash: text_hash(text),
        }
    }

    /// The fingerprint of an article.
    #[must_use]
    pub fn of(article: &Article) -> Fingerprint {
        Fingerprint::new(&article.meta.id, &article.meta.title, &article.text)
    }
}

/// A stable 64-bit hash (FNV-1a, 16 hex digits) of `text` with whitespace normalised: runs of
/// whitespace count as one space and the ends are trimmed, so re-wrapped copies match.
///
/// ```
/// use newslens::engine::import::text_hash;
/// assert_eq!(text_hash("Kirkuk  fell.\r\n\r\nThen"), text_hash(" Kirkuk fell.\nThen "));
/// assert_ne!(text_hash("Kirkuk fell."), text_hash("Kirkuk fell!"));
/// ```
#[must_use]
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", fnv(Fnv::new(), text).0)
}

/// FNV-1a state.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// Feeds `text`, whitespace-normalised, into `h`.
fn fnv(mut h: Fnv, text: &str) -> Fnv {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            h.byte(b' ');
        }
        word.bytes().for_each(|b| h.byte(b));
    }
    h
}

/// An import that passed every check: the article to add, metadata pre-filled and editable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDraft {
    /// Metadata: `id` is `user-<16 hex digits>`, `certainty` is `"user"`, `file` is the file
    /// name as given (without folders) or `<id>.txt` for pasted text; `outlet` is `""` when
    /// nothing revealed it; `evidence` says where each pre-filled value came from.
    pub meta: ArticleMeta,
    /// The article text (never HTML markup to render): `\n` line breaks, trimmed.
    pub text: String,
    /// How the input was read.
    pub format: Format,
    /// [`text_hash`] of `text`, for the next imports' duplicate checks.
    pub hash: String,
    /// How many lines of the text are page furniture (kept, shown apart).
    pub boilerplate_lines: usize,
}

/// Why an import was refused. `Display` gives the plain-language message for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportError {
    /// Nothing but whitespace.
    Empty,
    /// More than the limit.
    TooLarge {
        /// Size of the input (or of its text), in bytes.
        bytes: usize,
        /// The limit it exceeds, in bytes.
        limit: usize,
    },
    /// Not text: NUL bytes, a known binary signature, or many control characters.
    Binary,
    /// Text in an encoding other than UTF-8 (or UTF-16 with a byte-order mark).
    NotUtf8 {
        /// Byte offset of the first byte that is not valid.
        at: usize,
    },
    /// Every line is page furniture, or nothing is left once markup is removed.
    OnlyBoilerplate {
        /// Lines found, all of them furniture (0: nothing left at all).
        lines: usize,
    },
    /// The same text (whitespace aside) is already there.
    Duplicate {
        /// The existing article's id.
        id: String,
        /// Its title.
        title: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str(
                "There is nothing to import: the text is empty or only spaces and blank lines.",
            ),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "This is too large to import: {} MB. NewsLens takes articles of up to {} MB \
                 of text; import the article on its own rather than a whole site or archive.",
                mb(*bytes),
                mb(*limit)
            ),
            ImportError::Binary => f.write_str(
                "This file is not text (it looks like an image, a PDF, an archive or a \
                 word-processor file). Save the article as plain text (.txt), Markdown (.md) \
                 or a web page (.html) and import that.",
            ),
            ImportError::NotUtf8 { at } => write!(
                f,
                "This file is not UTF-8 text (the first unreadable byte is at position {at}). \
                 NewsLens does not guess other encodings: save the file as UTF-8 and import it \
                 again, or paste its text."
            ),
            ImportError::OnlyBoilerplate { lines: 0 } => f.write_str(
                "No article text was found: once scripts, menus and markup are removed, \
                 nothing is left.",
            ),
            ImportError::OnlyBoilerplate { lines } => write!(
                f,
                "No article text was found: {} like page furniture (newsletter or \
                 subscription prompts, image credits, links, comment footers).",
                if *lines == 1 {
                    "its only line looks".to_string()
                } else {
                    format!("all {lines} lines look")
                }
            ),
            ImportError::Duplicate { id, title } => write!(
                f,
                "This article is already in NewsLens as \u{201c}{title}\u{201d} ({id}); \
                 it was not imported again."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Megabytes with one decimal, trailing `.0` dropped (`50`, `5.2`).
fn mb(bytes: usize) -> String {
    // Exact for any realistic size; the lossy cast only rounds the display.
    #[allow(clippy::cast_precision_loss)]
    let s = format!("{:.1}", bytes as f64 / 1_000_000.0);
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// The size check [`prepare_import`] starts with, for a file not read yet (`len` in bytes):
/// the UI can refuse a 50 MB file before reading it into memory.
///
/// # Errors
/// [`ImportError::TooLarge`] above [`MAX_FILE_BYTES`].
///
/// ```
/// use newslens::engine::import::check_file_size;
/// assert!(check_file_size(1_000).is_ok());
/// assert!(check_file_size(50_000_000).unwrap_err().to_string().contains("50 MB"));
/// ```
pub fn check_file_size(len: usize) -> Result<(), ImportError> {
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: len,
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(())
}

/// Checks an input and turns it into a draft article: [`convert_import`], then
/// [`check_duplicate`] against `existing`, the fingerprints of every article already there
/// (bundled and the user's).
///
/// The app runs the two halves apart: the conversion in the tagging worker, which has the
/// code for it, and the duplicate check on the page, which has the corpus.
///
/// # Errors
/// [`convert_import`]'s, then [`ImportError::Duplicate`].
pub fn prepare_import(
    name: Option<&str>,
    bytes: &[u8],
    existing: &[Fingerprint],
    now_id_seed: &str,
) -> Result<ImportDraft, ImportError> {
    let draft = convert_import(name, bytes, now_id_seed)?;
    check_duplicate(&draft, existing)?;
    Ok(draft)
}

/// Refuses a draft whose text (compared by [`text_hash`]) is already one of `existing`.
///
/// # Errors
/// [`ImportError::Duplicate`], naming the article already there.
pub fn check_duplicate(draft: &ImportDraft, existing: &[Fingerprint]) -> Result<(), ImportError> {
    match existing.iter().find(|f| f.hash == draft.hash) {
        Some(dup) => Err(ImportError::Duplicate {
            id: dup.id.clone(),
            title: dup.title.clone(),
        }),
        None => Ok(()),
    }
}

/// Checks an input and turns it into a draft article, without looking for duplicates.
///
/// `name` is the file name (`None` for pasted text); `now_id_seed` (the import time, say) makes
/// the id: the same seed and text always give the same id, so a retried import is idempotent.
///
/// Steps: size (≤ [`MAX_FILE_BYTES`] read at all), decoding (UTF-8, BOM dropped, or UTF-16 with a
/// BOM; NUL bytes and control characters mean binary), format ([`Format::detect`]), conversion
/// to text (≤ [`MAX_TEXT_BYTES`]), boilerplate, then metadata.
///
/// # Errors
/// One [`ImportError`] per kind of bad input, checked in the order above.
pub fn convert_import(
    name: Option<&str>,
    bytes: &[u8],
    now_id_seed: &str,
) -> Result<ImportDraft, ImportError> {
    check_file_size(bytes.len())?;
    let raw = decode::decode(bytes)?;
    if raw.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let format = Format::detect(name, &raw);
    let mut found = prefill::Prefill::default();
    let converted = match format {
        Format::Html => {
            found = prefill::from_html(&raw);
            html::to_text(&raw)
        }
        Format::Markdown => markdown::to_text(&raw),
        Format::Text => raw,
    };
    let text = clean_text(&converted);
    if text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    if text.is_empty() {
        return Err(ImportError::OnlyBoilerplate { lines: 0 });
    }
    let furniture = boilerplate::detect(&text);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if furniture.len() >= lines {
        return Err(ImportError::OnlyBoilerplate { lines });
    }
    let hash = text_hash(&text);
    prefill::from_text(&text, &furniture, &mut found);

    let mut h = Fnv::new();
    now_id_seed.bytes().for_each(|b| h.byte(b));
    h.byte(0);
    let id = format!("user-{:016x}", fnv(h, &text).0);
    let file = name
        .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("{id}.txt"));
    let mut evidence = format!("imported by the user from {file} ({})", format.human());
    for (what, guess) in [
        ("title", &found.title),
        ("outlet", &found.outlet),
        ("date", &found.published),
    ] {
        if let Some((_, from)) = guess {
            evidence.push_str(&format!("; {what} from {from}"));
        }
    }
    let title = found.title.map(|(t, _)| t).unwrap_or_else(|| file.clone());
    Ok(ImportDraft {
        meta: ArticleMeta {
            id,
            file,
            title,
            outlet: found.outlet.map(|(o, _)| o).unwrap_or_default(),
            section: None,
            standfirst: found.standfirst,
            published: found.published.map(|(d, _)| d),
            url: found.url,
            certainty: "user".to_string(),
            evidence,
        },
        text,
        format,
        hash,
        boilerplate_lines: furniture.len(),
    })
}

/// Trims the text, drops control characters other than line breaks and tabs, and drops
/// trailing spaces on lines.
fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.trim().split('\n') {
        let line = line.trim_end();
        if line.contains(|c: char| c.is_control() && c != '\t') {
            out.extend(line.chars().filter(|c| !c.is_control() || *c == '\t'));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.pop();
    out
}
