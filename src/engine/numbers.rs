//! NUMBER recognition and normalisation: counts with their unit or noun (`61,000 people` →
//! `61000 people`, `130 miles` → `130 mi`), approximations (`about a million` → `~1000000`),
//! vague magnitudes (`thousands`), and the linking of one quantity stated in two units
//! (`130 miles (210 kilometers)`).

use super::intern::{self, Interner};
use super::label::Label;
use super::lexicon::{
    APPROXIMATORS, COUNT_NOUNS, MULTIPLIERS, NUMBER_WORDS, TIME_UNITS, UNITS, VAGUE_MAGNITUDES,
};
use super::mention::{Candidate, Mention, Why};
use super::rule::Rule;
use super::text::{TokenKind, TokenView};

/// Priority of NUMBER candidates in overlap resolution (below DATE).
const PRIORITY: u8 = 40;

/// Finds the NUMBER mentions among `v`'s tokens.
///
/// ```
/// use newslens::engine::numbers::find;
/// use newslens::engine::span::Span;
/// use newslens::engine::text::{tokens, TokenView};
/// let text = "Thousands fled; 61,000 people, about a million Arabs, two sides, one another.";
/// let toks = tokens(text, Span::new(0, text.len()));
/// let found = find(TokenView { text, toks: &toks });
/// let c: Vec<&str> = found.iter().map(|c| &*c.mention.canonical).collect();
/// assert_eq!(c, ["thousands", "61000 people", "~1000000", "2 sides"]);
/// ```
#[must_use]
pub fn find(v: TokenView<'_>) -> Vec<Candidate> {
    intern::with_local(|strings| {
        let mut out = Vec::new();
        find_into(v, strings, &mut out);
        out
    })
}

/// [`find`], appending the candidates to `out` (the tagger's list of all candidates), with
/// their canonical values and evidence shared through `strings`.
pub fn find_into(v: TokenView<'_>, strings: &mut Interner, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < v.len() {
        let trigger = match v.kind(i) {
            TokenKind::Number => true,
            TokenKind::Word => v.is_trigger(i),
            _ => false,
        };
        if !trigger {
            i += 1;
            continue;
        }
        if let Some((end, canonical, rule)) = at(v, i) {
            out.push(Candidate {
                mention: Mention {
                    span: v.span(i, end),
                    label: Label::Number,
                    canonical: strings.intern(&canonical),
                    why: Why::new(Rule::NUMBER, strings.intern_static(rule)),
                },
                priority: PRIORITY,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Words after a number that are not the counted noun although they end in `s`.
const NOT_NOUNS: &[&str] = &[
    "is",
    "was",
    "has",
    "does",
    "this",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "as",
    "us",
    "yes",
    "plus",
    "less",
    "thus",
    "across",
    "always",
    "perhaps",
    "towards",
    "whereas",
    "besides",
    "unless",
    "regardless",
    "afterwards",
    "various",
    "previous",
    "serious",
    "news",
    "miles",
    "percent",
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "minutes",
    "decades",
];

/// A quantity as written: its digits, and how many of them follow the decimal point
/// (`2.5` is 25 and 1). Shown without trailing decimal zeros (`12.50` → "12.5").
#[derive(Clone, Copy)]
struct Value {
    digits: u64,
    scale: u32,
}

impl Value {
    /// This value times `m` (a multiplier such as a million), as few decimals as it needs:
    /// 2.5 million is 2500000.
    fn times(self, m: u64) -> Value {
        let mut v = Value {
            digits: self.digits.saturating_mul(m),
            scale: self.scale,
        };
        while v.scale > 0 && v.digits % 10 == 0 {
            v.digits /= 10;
            v.scale -= 1;
        }
        v
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.digits);
        }
        let unit = 10u64.pow(self.scale);
        write!(
            f,
            "{}.{:0width$}",
            self.digits / unit,
            self.digits % unit,
            width = self.scale as usize
        )
    }
}

/// The value of a number token (`61,000` → 61000, `2.5`), or of a number word.
fn value_of(v: TokenView<'_>, i: usize) -> Option<Value> {
    let s = v.s(i);
    if v.kind(i) == TokenKind::Number {
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || fraction.len() > 6
            || s.ends_with('.')
        {
            return None;
        }
        // The digits as one number; `None` when it overflows.
        let mut n: u64 = 0;
        for b in s.bytes().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        let scale = u32::try_from(fraction.len()).ok()?;
        return Some(Value { digits: n, scale }.times(1));
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(s))
        .map(|&(_, n)| Value {
            digits: n,
            scale: 0,
        })
}

/// The multiplier word at `i` (`million`), if any.
fn multiplier(v: TokenView<'_>, i: usize) -> Option<u64> {
    MULTIPLIERS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(v.s(i)))
        .map(|&(_, n)| n)
}

/// The counted noun or unit at `i`: `(normalised, is_unit)`.
fn noun_at(v: TokenView<'_>, i: usize) -> Option<(String, bool)> {
    if !v.is_lower_word(i) {
        return None;
    }
    let w = v.s(i);
    if let Some(&(_, sym)) = UNITS.iter().find(|(u, _)| *u == w) {
        return Some((sym.to_string(), true));
    }
    if TIME_UNITS.iter().any(|(u, _)| *u == w) {
        return None;
    }
    if COUNT_NOUNS.contains(&w) {
        return Some((w.to_string(), false));
    }
    let plural = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !NOT_NOUNS.contains(&w);
    plural.then(|| (w.to_string(), false))
}

/// Tries the patterns at token `i`: `(end, canonical, rule)`.
fn at(v: TokenView<'_>, i: usize) -> Option<(usize, String, &'static str)> {
    if v.kind(i) == TokenKind::Number {
        // The second number of a score or a tally ("won 3-1", "passed 74-24") is no quantity
        // of its own (the first is a hyphenated word to `count`); a range's counts something
        // ("10-15 people").
        if i >= 2
            && v.s(i - 1) == "-"
            && !v.spaced(i - 1)
            && !v.spaced(i)
            && v.kind(i - 2) == TokenKind::Number
        {
            return count(v, i).filter(|&(_, _, rule)| rule != "bare-number");
        }
        // Digits are neither a vague magnitude nor an approximator (both words).
        return count(v, i);
    }
    let vague = |s: &str| VAGUE_MAGNITUDES.iter().any(|m| m.eq_ignore_ascii_case(s));
    let word = v.s(i);
    // "tens of thousands", "hundreds of thousands"
    if vague(word) {
        let lower = word.to_ascii_lowercase();
        if v.is(i + 1, "of") && vague(v.s(i + 2)) {
            return Some((
                i + 3,
                format!("{lower} of {}", v.s(i + 2).to_ascii_lowercase()),
                "vague-magnitude",
            ));
        }
        return Some((i + 1, lower, "vague-magnitude"));
    }
    // An approximator starts a span only when a number follows it.
    if let Some(end) = approximators().iter().find_map(|words| {
        let n = words.len();
        (word.eq_ignore_ascii_case(words[0])
            && words.iter().enumerate().all(|(k, w)| v.is(i + k, w))
            && (value_of(v, i + n).is_some()
                || v.s(i + n) == "$" && value_of(v, i + n + 1).is_some()))
        .then_some(if v.s(i + n) == "$" { i + n + 1 } else { i + n })
    }) {
        if let Some((e, canon, _)) = count(v, end) {
            return Some((e, format!("~{canon}"), "approximate-count"));
        }
    }
    count(v, i)
}

/// [`APPROXIMATORS`], each cut into its words.
fn approximators() -> &'static [Vec<&'static str>] {
    static CELL: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        APPROXIMATORS
            .iter()
            .map(|a| a.split(' ').collect())
            .collect()
    })
}

/// A count at `i`: number [multiplier] [unit|noun], or `$`/`%` forms.
fn count(v: TokenView<'_>, i: usize) -> Option<(usize, String, &'static str)> {
    let mut value = value_of(v, i)?;
    let is_digits = v.kind(i) == TokenKind::Number;
    let is_article = v.s(i).eq_ignore_ascii_case("a") || v.s(i).eq_ignore_ascii_case("an");
    let mut end = i + 1;
    if let Some(m) = multiplier(v, end) {
        value = value.times(m);
        end += 1;
    } else if is_article {
        return None;
    }
    // Hyphenated words ("one-third", "two-day") are not counts here.
    if v.s(end) == "-" && !v.spaced(end) {
        return None;
    }
    if v.s(end) == "%" && !v.spaced(end) {
        return Some((end + 1, format!("{value}%"), "percent"));
    }
    if i > 0 && v.s(i - 1) == "$" && !v.spaced(i) {
        return Some((end, format!("{value} USD"), "money"));
    }
    match noun_at(v, end) {
        Some((noun, true)) => Some((end + 1, format!("{value} {noun}"), "count-with-unit")),
        Some((noun, false)) => Some((end + 1, format!("{value} {noun}"), "count-with-noun")),
        None if end > i + 1 => Some((end, value.to_string(), "count")),
        // A bare number word ("one another", "Both") is not a quantity.
        None if !is_digits => None,
        None => Some((
            end,
            v.s(i).chars().filter(|c| *c != ',').collect(),
            "bare-number",
        )),
    }
}

/// Pairs of NUMBER mentions (indices into `mentions`) that state one quantity in two units,
/// written `A (B)`: `130 miles (210 kilometers)`.
///
/// ```
/// use newslens::engine::numbers::linked_quantities;
/// use newslens::engine::tag::{tag, TagOptions};
/// let text = "It lies 130 miles (210 kilometers) north.";
/// let m = tag(text, &TagOptions::default());
/// assert_eq!(linked_quantities(text, &m), [(0, 1)]);
/// ```
#[must_use]
pub fn linked_quantities(text: &str, mentions: &[super::mention::Mention]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in 1..mentions.len() {
        let (a, b) = (&mentions[k - 1], &mentions[k]);
        if a.label != Label::Number || b.label != Label::Number {
            continue;
        }
        let between = text.get(a.span.end()..b.span.start()).unwrap_or("");
        let after = text.get(b.span.end()..).unwrap_or("");
        let (da, db) = (dimension(&a.canonical), dimension(&b.canonical));
        if between.trim() == "(" && after.starts_with(')') && da.is_some() && da == db {
            out.push((k - 1, k));
        }
    }
    out
}

/// The physical dimension of a normalised quantity's unit, if it has one.
fn dimension(canonical: &str) -> Option<&'static str> {
    match canonical.rsplit(' ').next()? {
        "mi" | "km" | "m" | "ft" | "yd" => Some("length"),
        "kg" | "t" | "lb" => Some("mass"),
        "acre" | "ha" => Some("area"),
        "USD" | "EUR" => Some("money"),
        _ => None,
    }
}
