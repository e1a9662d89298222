//! The text layer: paragraphs (and, built on them, sentences and tokens).

use super::span::Span;
use super::swar::{word_at, zero_bytes, ONES};

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
    loop {
        // `\n` is ASCII: the line ends on char boundaries.
        let end = find_newline(text.as_bytes(), start).unwrap_or(text.len());
        let line = &text[start..end];
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push(Span::new(start + lead, start + lead + body.len()));
        }
        if end == text.len() {
            return out;
        }
        start = end + 1;
    }
}

/// The first `\n` in `b` at or after `from`, sixteen bytes at a time.
fn find_newline(b: &[u8], from: usize) -> Option<usize> {
    let newlines = |w: &[u8], i| zero_bytes(word_at(w, i) ^ (ONES * u64::from(b'\n')));
    let rest = b.get(from..)?;
    let mut blocks = rest.chunks_exact(16);
    let mut at = from;
    for block in &mut blocks {
        let (lo, hi) = (newlines(block, 0), newlines(block, 8));
        if lo | hi != 0 {
            let bit = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return Some(at + bit as usize / 8);
        }
        at += 16;
    }
    blocks
        .remainder()
        .iter()
        .position(|&c| c == b'\n')
        .map(|p| at + p)
}

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of letters and digits starting with a letter (`Kirkuk`, `K1`, `don't`), combining
    /// marks included.
    Word,
    /// A run starting with a digit, with inner `,` or `.` between digits (`61,000`, `3.5`, `25th`).
    Number,
    /// Single letters each followed by a dot (`U.S.`, `U.N.`, `D.C.`), final dot included.
    Initials,
    /// The possessive ending `’s` / `'s` (or a bare `’` after a plural `s`).
    Possessive,
    /// Any other single non-space character: punctuation, quotes, dashes, symbols, emoji.
    Punct,
}

/// How a [`TokenKind::Word`] or [`TokenKind::Initials`] token is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// It starts with an uppercase letter (`Kirkuk`, `U.S.`), and is not [`Case::AllCaps`].
    Capitalised,
    /// A word starting with an ASCII capital, with two or more letters and no lowercase one
    /// (`ISIS`, `K1`).
    AllCaps,
    /// It starts with a lowercase letter.
    Lower,
    /// Anything else: other kinds of token, words starting with a digit-like or caseless char.
    Other,
}

/// One token: where it is, what it is, and whether whitespace precedes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text (on char boundaries).
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
    /// True when whitespace (any Unicode space, no-break space included) or the start of the
    /// tokenised range comes right before it.
    pub space_before: bool,
    /// Its capitalisation (always [`Case::Other`] for numbers and punctuation).
    pub case: Case,
    /// True for a word that can start a DATE or NUMBER
    /// ([`super::lexicon::is_quantity_or_date_trigger`]), asked once here for both recognisers.
    pub trigger: bool,
}

/// True for characters that belong inside a word: letters, digits and combining marks.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General punctuation (dashes, curly quotes and apostrophes, ellipsis: common in news
    // text) holds no letter, digit or mark: no need for the Unicode tables.
    if matches!(c, '\u{2010}'..='\u{2027}') {
        return false;
    }
    c.is_alphanumeric() || is_combining(c)
}

/// True for the common combining-mark blocks (accents written as separate code points).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True for an apostrophe, straight or curly.
#[must_use]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Cuts `text[range]` into tokens; spans are absolute offsets into `text`.
///
/// Whitespace separates tokens and is dropped. Apostrophes between letters stay inside the word
/// (`don't`), except the possessive `’s`, which is its own [`TokenKind::Possessive`] token.
/// Hyphens, slashes and dashes are [`TokenKind::Punct`] tokens, so `al-Abadi` is three tokens
/// with `space_before == false` on the last two: callers decide what a hyphen joins.
///
/// ```
/// use newslens::engine::span::Span;
/// use newslens::engine::text::{tokens, TokenKind};
/// let text = "Iraq’s U.S.-backed PMF/PMU, 61,000 people";
/// let t = tokens(text, Span::new(0, text.len()));
/// let s: Vec<&str> = t.iter().map(|t| t.span.slice(text)).collect();
/// assert_eq!(s, ["Iraq", "’s", "U.S.", "-", "backed", "PMF", "/", "PMU", ",", "61,000", "people"]);
/// assert_eq!(t[1].kind, TokenKind::Possessive);
/// assert_eq!(t[2].kind, TokenKind::Initials);
/// ```
#[must_use]
pub fn tokens(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
    tokens_into(text, range, &mut out);
    out
}

/// [`tokens`], appended to `out` (so that one buffer can hold the tokens of many
/// paragraphs).
pub fn tokens_into(text: &str, range: Span, out: &mut Vec<Token>) {
    let first = out.len();
    let base = range.start();
    let s = range.slice(text);
    let b = s.as_bytes();
    let triggers = super::lexicon::Triggers::get();
    let mut i = 0;
    let mut space = true;
    while i < b.len() {
        let x = b[i];
        if matches!(x, b' ' | b'\t'..=b'\r') {
            // ASCII whitespace, the common case of the test below.
            space = true;
            i += 1;
            continue;
        }
        if x.is_ascii_alphabetic() && b.get(i + 1) != Some(&b'.') {
            // The common case: a word starting with an ASCII letter (not initials, which need
            // a dot right after the letter). Its case is worked out while scanning.
            let start = i;
            let (mut letters, mut lower) = (0usize, false);
            if x.is_ascii_lowercase() {
                // Its case is Lower whatever follows.
                while i < b.len() && ASCII_CLASS[usize::from(b[i])] & ALNUM != 0 {
                    i += 1;
                }
            } else {
                while i < b.len() {
                    let class = ASCII_CLASS[usize::from(b[i])];
                    if class & ALNUM == 0 {
                        break;
                    }
                    letters += usize::from(class & ALPHA != 0);
                    lower |= class & LOWER != 0;
                    i += 1;
                }
            }
            let plain = i == b.len() || b[i] < 0x80 && b[i] != b'\'';
            if !plain {
                i = scan_word(s, i);
            }
            let (case, trigger) = if plain {
                let case = if x.is_ascii_lowercase() {
                    Case::Lower
                } else if letters >= 2 && !lower {
                    Case::AllCaps
                } else {
                    Case::Capitalised
                };
                // Most words are no trigger by their shape alone, told from the bytes.
                let trigger = triggers.may_be(&b[start..i]) && triggers.ascii(&s[start..i]);
                (case, trigger)
            } else {
                let word = &s[start..i];
                let case = if x.is_ascii_lowercase() {
                    Case::Lower
                } else {
                    case_of(word, TokenKind::Word)
                };
                (case, super::lexicon::is_quantity_or_date_trigger(word))
            };
            out.push(Token {
                span: Span::new(base + start, base + i),
                kind: TokenKind::Word,
                space_before: space,
                case,
                trigger,
            });
            space = false;
            continue;
        }
        if x < 0x80 && !x.is_ascii_alphanumeric() && x != b'\'' {
            // ASCII punctuation: one token.
            out.push(Token {
                span: Span::new(base + i, base + i + 1),
                kind: TokenKind::Punct,
                space_before: space,
                case: Case::Other,
                trigger: false,
            });
            space = false;
            i += 1;
            continue;
        }
        let c = next_char(s, i);
        let cl = c.len_utf8();
        if matches!(c, '\u{2010}'..='\u{2018}' | '\u{201A}'..='\u{2027}') {
            // Dashes, quotes (not the apostrophe ’), bullets, ellipsis: punctuation, one token.
            out.push(Token {
                span: Span::new(base + i, base + i + cl),
                kind: TokenKind::Punct,
                space_before: space,
                case: Case::Other,
                trigger: false,
            });
            space = false;
            i += cl;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i = scan_number(s, i);
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            if let Some(end) = scan_initials(b, i) {
                i = end;
                kind = TokenKind::Initials;
            } else {
                i = scan_word(s, i);
                kind = TokenKind::Word;
            }
        } else if is_apostrophe(c) && possessive_at(s, i, &out[first..], base) {
            i += cl;
            if i < b.len() && (b[i] == b's' || b[i] == b'S') {
                i += 1;
            }
            kind = TokenKind::Possessive;
        } else {
            i += cl;
            kind = TokenKind::Punct;
        }
        let case = match kind {
            TokenKind::Word | TokenKind::Initials => case_of(&s[start..i], kind),
            _ => Case::Other,
        };
        out.push(Token {
            span: Span::new(base + start, base + i),
            kind,
            space_before: space,
            case,
            trigger: kind == TokenKind::Word
                && super::lexicon::is_quantity_or_date_trigger(&s[start..i]),
        });
        space = false;
    }
}

/// [`ASCII_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`ASCII_CLASS`] bit: an ASCII letter.
const ALPHA: u8 = 2;
/// [`ASCII_CLASS`] bit: an ASCII lowercase letter.
const LOWER: u8 = 4;

/// What each byte is, for the tokeniser's word loop (zero for every byte outside ASCII).
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        if c.is_ascii_digit() {
            t[i] = ALNUM;
        } else if c.is_ascii_uppercase() {
            t[i] = ALNUM | ALPHA;
        } else if c.is_ascii_lowercase() {
            t[i] = ALNUM | ALPHA | LOWER;
        }
        i += 1;
    }
    t
};

/// The capitalisation of a word or initials token.
fn case_of(word: &str, kind: TokenKind) -> Case {
    let wb = word.as_bytes();
    match wb.first() {
        Some(f) if f.is_ascii_lowercase() => return Case::Lower,
        Some(f) if f.is_ascii_uppercase() => {
            // One pass: all ASCII? how many letters? any lowercase one?
            let (mut ascii, mut letters, mut lower) = (true, 0usize, false);
            for &c in wb {
                ascii &= c.is_ascii();
                letters += usize::from(c.is_ascii_alphabetic());
                lower |= c.is_ascii_lowercase();
            }
            if ascii {
                let all_caps = kind == TokenKind::Word && letters >= 2 && !lower;
                return if all_caps {
                    Case::AllCaps
                } else {
                    Case::Capitalised
                };
            }
        }
        _ => {}
    }
    let Some(first) = word.chars().next() else {
        return Case::Other;
    };
    if first.is_uppercase() {
        let all_caps = kind == TokenKind::Word
            && first.is_ascii_uppercase()
            && word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && !word.chars().any(char::is_lowercase);
        if all_caps {
            Case::AllCaps
        } else {
            Case::Capitalised
        }
    } else if first.is_lowercase() {
        Case::Lower
    } else {
        Case::Other
    }
}

/// The char at byte `i` of `s` (a char boundary).
fn next_char(s: &str, i: usize) -> char {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        _ => s[i..].chars().next().unwrap_or(' '),
    }
}

/// End of a number starting at `i`: digits, inner `,`/`.` followed by a digit, then letters
/// (`25th`).
fn scan_number(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        let inner_sep =
            (b[i] == b',' || b[i] == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit();
        if !b[i].is_ascii_digit() && !inner_sep {
            break;
        }
        i += 1;
    }
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// End of a word starting at `i`: word chars, and apostrophes between letters unless they start
/// a possessive `’s`.
fn scan_word(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if b[i] < 0x80 && b[i] != b'\'' {
            break;
        }
        let c = next_char(s, i);
        if is_word_char(c) {
            i += c.len_utf8();
        } else if is_apostrophe(c) {
            let after = i + c.len_utf8();
            let rest = &s[after..];
            let n = rest.chars().next();
            if n.is_some_and(is_word_char) && !is_possessive_s(rest) {
                i = after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// True when `rest` (after an apostrophe) is `s` alone as a word.
fn is_possessive_s(rest: &str) -> bool {
    let mut ch = rest.chars();
    matches!(ch.next(), Some('s' | 'S')) && !ch.next().is_some_and(is_word_char)
}

/// True when the apostrophe at `i` is a possessive: `’s` after a word, or a bare `’` after a
/// word ending in `s` and not followed by a letter.
fn possessive_at(s: &str, i: usize, out: &[Token], base: usize) -> bool {
    let Some(prev) = out.last() else {
        return false;
    };
    if prev.span.end() != base + i
        || prev.kind != TokenKind::Word && prev.kind != TokenKind::Initials
    {
        return false;
    }
    let rest = &s[i + next_char(s, i).len_utf8()..];
    is_possessive_s(rest)
}

/// End of `U.S.`-style initials at `i` (two or more single ASCII letters each followed by a dot),
/// or `None`.
fn scan_initials(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut n = 0;
    while i + 1 < b.len() && b[i].is_ascii_alphabetic() && b[i + 1] == b'.' {
        if i > start && b[i - 1] != b'.' {
            break;
        }
        n += 1;
        i += 2;
    }
    let next_is_word = i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80);
    (n >= 2 && !next_is_word).then_some(i)
}

/// Words that end with a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt", "Capt", "Maj", "Sgt",
    "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc", "approx", "Inc", "Corp", "Ltd", "Co",
    "Mt", "Ft",
];

/// True when `word` is a common abbreviation written with a final dot (`Oct`, `Col`, `Mr`).
#[must_use]
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// The sentences of `text`: split at paragraph breaks and after `.`, `!`, `?` or `…` (with any
/// closing quotes or brackets) followed by whitespace, except after abbreviations (`Oct.`,
/// `Col.`) and initials followed by a lowercase word.
///
/// ```
/// use newslens::engine::text::sentences;
/// let text = "On Oct. 16 the U.S. army moved. “It is over,” he said! Next\nLine two";
/// let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(s, ["On Oct. 16 the U.S. army moved.", "“It is over,” he said!", "Next", "Line two"]);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        sentences_into(text, para, &mut out);
    }
    out
}

/// The sentences of one paragraph of `text` (a span from [`paragraphs`]): the part of
/// [`sentences`] that lies in it, found without splitting the rest of the text.
///
/// ```
/// use newslens::engine::text::{paragraphs, sentences, sentences_in};
/// let text = "First one. Second one.\n\nThird. Fourth";
/// let by_para: Vec<_> = paragraphs(text).into_iter().flat_map(|p| sentences_in(text, p)).collect();
/// assert_eq!(by_para, sentences(text));
/// ```
#[must_use]
pub fn sentences_in(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, para, &mut out);
    out
}

/// Appends the sentences of paragraph `para` of `text` to `out`.
fn sentences_into(text: &str, para: Span, out: &mut Vec<Span>) {
    let toks = tokens(text, para);
    let mut start = para.start();
    for i in 0..toks.len() {
        if !ends_sentence(text, &toks, i) {
            continue;
        }
        // Take closing quotes and brackets that hug the terminator.
        let mut j = i;
        while j + 1 < toks.len()
            && !toks[j + 1].space_before
            && is_closer(toks[j + 1].span.slice(text))
        {
            j += 1;
        }
        if j + 1 < toks.len() && toks[j + 1].space_before {
            out.push(Span::new(start, toks[j].span.end()));
            start = toks[j + 1].span.start();
        }
    }
    if start < para.end() {
        out.push(Span::new(start, para.end()));
    }
}

/// True when token `i` is a sentence terminator.
fn ends_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let t = toks[i];
    let s = t.span.slice(text);
    match t.kind {
        TokenKind::Punct if matches!(s, "!" | "?" | "…") => true,
        TokenKind::Punct if s == "." => {
            let prev = i.checked_sub(1).map(|p| toks[p]);
            !prev.is_some_and(|p| {
                !t.space_before && p.kind == TokenKind::Word && is_abbreviation(p.span.slice(text))
            })
        }
        // "the U.S." may end a sentence, but more often it does not: never split after initials.
        _ => false,
    }
}

/// True for closing quotes and brackets.
fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

/// Tokens of one stretch of text with cheap accessors, as the recognisers read them.
#[derive(Clone, Copy, Debug)]
pub struct TokenView<'a> {
    /// The whole text the spans index.
    pub text: &'a str,
    /// The tokens.
    pub toks: &'a [Token],
}

impl<'a> TokenView<'a> {
    /// Number of tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there is no token.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text of token `i`, or `""` past the end.
    #[must_use]
    pub fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The kind of token `i`, or `Punct` past the end.
    #[must_use]
    pub fn kind(&self, i: usize) -> TokenKind {
        self.toks.get(i).map_or(TokenKind::Punct, |t| t.kind)
    }

    /// True when token `i` exists and is preceded by whitespace.
    #[must_use]
    pub fn spaced(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.space_before)
    }

    /// True when token `i` equals `word` ignoring ASCII case.
    #[must_use]
    pub fn is(&self, i: usize, word: &str) -> bool {
        // Compared as bytes: the token need not be sliced as text.
        match self.toks.get(i) {
            Some(t) => self.text.as_bytes()[t.span.start()..t.span.end()]
                .eq_ignore_ascii_case(word.as_bytes()),
            None => word.is_empty(),
        }
    }

    /// True when token `i` is a word or initials starting with an uppercase letter.
    #[must_use]
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.case, Case::Capitalised | Case::AllCaps))
    }

    /// True when token `i` is a word written in lowercase letters.
    #[must_use]
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Lower)
    }

    /// True when token `i` is a word of two or more letters, all uppercase (`ISIS`, `K1`).
    #[must_use]
    pub fn is_all_caps(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.case == Case::AllCaps)
    }

    /// True when token `i` is a word that can start a DATE or NUMBER ([`Token::trigger`]).
    #[must_use]
    pub fn is_trigger(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.trigger)
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    #[must_use]
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start(), self.toks[b - 1].span.end())
    }

    /// True when token `i` starts a sentence: the first of the stretch, or after `.`, `!`, `?`,
    /// `:` or `…` (not after an abbreviation), or after an opening quote or bracket that does.
    #[must_use]
    pub fn sentence_initial(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && is_opener(self.s(j - 1)) {
            j -= 1;
            // An opening quote in mid-sentence still starts a quoted sentence.
            if matches!(self.s(j), "“" | "\"" | "”" | "‘" | "«") {
                return true;
            }
        }
        if j == 0 {
            return true;
        }
        match self.s(j - 1) {
            "!" | "?" | "…" | ":" => true,
            // A dateline "WASHINGTON, Oct. 16, 2017 — Coalition forces …": the story starts
            // after the dash.
            "—" | "–" => (0..j - 1).all(|k| !self.is_lower_word(k)),
            "." => !(j >= 2 && !self.spaced(j - 1) && is_abbreviation(self.s(j - 2))),
            _ => false,
        }
    }
}

/// True for opening quotes and brackets.
fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "(" | "[" | "«" | "”" | "'")
}
