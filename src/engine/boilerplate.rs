//! Page boilerplate: newsletter prompts, image credits and URLs, comment footers, related links.
//!
//! Captured articles carry page furniture that is not part of the story. It is recognised here
//! by general rules (what the line says and where it stands), kept, and reported as spans so
//! that the reader can show it apart and the tagger can skip it. Nothing is deleted.

use super::span::Span;
use super::text::paragraphs;
use serde::{Deserialize, Serialize};

/// What kind of page furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// A photo or image credit ("AP Photo", "(Image credit: …)").
    PhotoCredit,
    /// A bare image or asset URL.
    ImageUrl,
    /// A subscription prompt ("Subscribe to …", "SUBSCRIBE & SAVE").
    SubscriptionPromo,
    /// A newsletter sign-up prompt.
    NewsletterPromo,
    /// A comment-section footer.
    CommentsWidget,
    /// Related-links furniture ("Explore More", "Read more").
    RelatedLinks,
}

impl BoilerplateKind {
    /// A short human description for the reader.
    #[must_use]
    pub fn human(self) -> &'static str {
        match self {
            BoilerplateKind::PhotoCredit => "image credit",
            BoilerplateKind::ImageUrl => "image link",
            BoilerplateKind::SubscriptionPromo => "subscription prompt",
            BoilerplateKind::NewsletterPromo => "newsletter prompt",
            BoilerplateKind::CommentsWidget => "comments footer",
            BoilerplateKind::RelatedLinks => "related links",
        }
    }
}

/// One line of boilerplate: its span (without the newline) and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// The line, without its line break.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// Finds the boilerplate lines of `text`, in text order.
///
/// A line is boilerplate when it matches one of the general rules below, or when it is a short
/// line standing between two promo lines of the same block (the blurb of a subscription box).
///
/// ```
/// use newslens::engine::boilerplate::{detect, BoilerplateKind};
/// let text = "Story.\nReuters Photo\nMore story.\nSign up for our newsletter";
/// let found = detect(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].kind, BoilerplateKind::PhotoCredit);
/// assert_eq!(found[1].kind, BoilerplateKind::NewsletterPromo);
/// ```
#[must_use]
pub fn detect(text: &str) -> Vec<Boilerplate> {
    detect_in(text, &paragraphs(text))
}

/// [`detect`] for a caller that already has the paragraphs of `text` (every non-blank line,
/// trimmed, as [`paragraphs`] finds them): only those lines can be boilerplate.
#[must_use]
pub fn detect_in(text: &str, paragraphs: &[Span]) -> Vec<Boilerplate> {
    let lines: Vec<&str> = paragraphs.iter().map(|p| p.slice(text)).collect();
    let mut lower = String::new();
    let mut kinds: Vec<Option<BoilerplateKind>> = lines
        .iter()
        .map(|line| classify(line, &mut lower))
        .collect();

    // A short blurb between two promo lines belongs to the promo box.
    for w in 1..lines.len().saturating_sub(1) {
        if kinds[w].is_some() {
            continue;
        }
        let (prev, next) = (kinds[w - 1], kinds[w + 1]);
        let is_promo = |k: Option<BoilerplateKind>| {
            matches!(
                k,
                Some(BoilerplateKind::SubscriptionPromo | BoilerplateKind::NewsletterPromo)
            )
        };
        if is_promo(prev) && is_promo(next) && lines[w].chars().count() <= 200 {
            kinds[w] = prev;
        }
    }

    // Related-links and comment furniture only count at the end of the text: a line saying
    // "Read more" in the middle of a story is more likely a sentence of the story.
    let last = lines.len().checked_sub(1);
    for (i, k) in kinds.iter_mut().enumerate() {
        if matches!(k, Some(BoilerplateKind::RelatedLinks)) && Some(i) != last {
            *k = None;
        }
    }

    paragraphs
        .iter()
        .zip(kinds)
        .filter_map(|(&span, kind)| Some(Boilerplate { span, kind: kind? }))
        .collect()
}

/// True when byte offset range `span` touches any boilerplate line.
#[must_use]
pub fn covers(boilerplate: &[Boilerplate], span: Span) -> bool {
    boilerplate.iter().any(|b| b.span.overlaps(span))
}

/// Classifies one trimmed line on its own; `lower` is a scratch buffer.
fn classify(line: &str, lower: &mut String) -> Option<BoilerplateKind> {
    if line.is_empty() {
        return None;
    }
    if is_url(line) {
        return Some(BoilerplateKind::ImageUrl);
    }
    let ascii = line.is_ascii();
    let words = word_count(line, ascii);
    if words > MAX_WORDS_ASKED {
        return classify_long(line, lower);
    }
    lowercase_into(line, ascii, lower);
    let lower = lower.as_str();
    if lower.starts_with("(image credit")
        || lower.starts_with("image credit")
        || lower.starts_with("photo credit")
        || (words <= 6 && ends_with_any(lower, &["photo", "photos", "images", "image"]))
        || (words <= 8 && (lower.starts_with("photo:") || lower.starts_with("credit:")))
        || (words <= 8 && line.starts_with('©'))
    {
        return Some(BoilerplateKind::PhotoCredit);
    }
    if lower.contains("newsletter")
        && (lower.contains("sign up") || words <= 12 || lower.contains("inbox"))
        || lower.contains("delivered directly to your inbox")
        || lower == "sign up"
        || lower == "sign up now"
    {
        return Some(BoilerplateKind::NewsletterPromo);
    }
    if words <= 8 && (lower.starts_with("subscribe") || lower.contains("subscribe & save"))
        || lower.starts_with("subscribe to ") && words <= 10
    {
        return Some(BoilerplateKind::SubscriptionPromo);
    }
    if words <= 20
        && lower.contains("comment")
        && [
            "issues with commenting",
            "comment policy",
            "comments section",
            "join the conversation",
            "leave a comment",
            "comments are closed",
            "view comments",
            "show comments",
        ]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Some(BoilerplateKind::CommentsWidget);
    }
    if words <= 5
        && [
            "explore more",
            "read more",
            "related",
            "related articles",
            "related stories",
            "more from",
            "more stories",
            "recommended",
            "you might also like",
            "most read",
            "most popular",
            "see also",
        ]
        .iter()
        .any(|p| lower.trim_end_matches([':', '.']).starts_with(p))
    {
        return Some(BoilerplateKind::RelatedLinks);
    }
    None
}

/// [`classify`] for a line of more than [`MAX_WORDS_ASKED`] words (most paragraphs of a
/// story): only the rules without a word limit can fire. Their phrases are ASCII, without a
/// `k` and without an `i` at the end, so lowercasing the ASCII letters alone finds them
/// exactly where full lowercasing does (the only other chars whose lowercase has ASCII in it
/// are the Kelvin sign, `k`, and `İ`, `i` plus a combining dot).
fn classify_long(line: &str, lower: &mut String) -> Option<BoilerplateKind> {
    lower.clear();
    lower.push_str(line);
    lower.make_ascii_lowercase();
    let lower = lower.as_str();
    if lower.starts_with("(image credit")
        || lower.starts_with("image credit")
        || lower.starts_with("photo credit")
    {
        return Some(BoilerplateKind::PhotoCredit);
    }
    if lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("inbox"))
        || lower.contains("delivered directly to your inbox")
    {
        return Some(BoilerplateKind::NewsletterPromo);
    }
    None
}

/// The most words any rule of [`classify`] asks about; counting stops after it.
const MAX_WORDS_ASKED: usize = 20;

/// Writes `line` lowercased into `out` (as `str::to_lowercase` does, but for the Greek final
/// sigma, which no rule looks at); `ascii` tells that `line` is ASCII.
fn lowercase_into(line: &str, ascii: bool, out: &mut String) {
    out.clear();
    let b = line.as_bytes();
    if ascii {
        // Most lines: lowercase in bulk.
        out.push_str(line);
        out.make_ascii_lowercase();
    } else {
        // ASCII runs are copied whole and lowercased in bulk at the end (the lowercase of any
        // other char has no ASCII capital); other chars go one by one.
        let (mut i, mut run) = (0, 0);
        while let Some(k) = b[i..].iter().position(|&x| x >= 0x80) {
            let at = i + k;
            let Some(c) = line.get(at..).and_then(|r| r.chars().next()) else {
                break;
            };
            out.push_str(&line[run..at]);
            out.extend(c.to_lowercase());
            i = at + c.len_utf8();
            run = i;
        }
        out.push_str(&line[run..]);
        out.make_ascii_lowercase();
    }
}

/// The number of whitespace-separated words of `line`, or [`MAX_WORDS_ASKED`] + 1 when it
/// has more (counting stops soon after); `ascii` tells that `line` is ASCII.
fn word_count(line: &str, ascii: bool) -> usize {
    let b = line.as_bytes();
    if ascii {
        let (mut words, mut after_space) = (0usize, true);
        // In blocks without a branch per byte, stopping after the block where the count
        // passes what any rule asks about (most lines are paragraphs of many words).
        for block in b.chunks(32) {
            for &x in block {
                let space = matches!(x, b' ' | b'\t'..=b'\r');
                words += usize::from(after_space && !space);
                after_space = space;
            }
            if words > MAX_WORDS_ASKED {
                break;
            }
        }
        return words.min(MAX_WORDS_ASKED + 1);
    }
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        // ASCII bytes are tested as bytes; other chars are decoded (a no-break space is
        // whitespace too).
        let space = if b[i] < 0x80 {
            i += 1;
            matches!(b[i - 1], b' ' | b'\t'..=b'\r')
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_whitespace()
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > MAX_WORDS_ASKED {
                break;
            }
        }
    }
    words
}

fn ends_with_any(lower: &str, words: &[&str]) -> bool {
    let last = lower
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    words.contains(&last)
}

fn is_url(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
        && !line.contains(char::is_whitespace)
}
