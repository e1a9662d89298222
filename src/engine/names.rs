//! Proper-name recognition: PERSON, ORG, PLACE and GROUP.
//!
//! The recogniser works on capitalised *chunks* (runs of capitalised words, with name
//! particles such as `al-` and `de`), in four steps:
//!
//! 1. **Titles** split a chunk; the name after a title is a PERSON (`Prime Minister Haider
//!    al-Abadi`, `spokesman Stéphane Dujarric`, `prime minister, Haider al-Abadi`).
//! 2. **Head words**: a chunk ending in an organisation head (`… Forces`, `… Agency`) is an ORG,
//!    one ending in a place head (`… Region`) a PLACE; `of` tails extend an ORG (`Islamic State
//!    of Iraq and Syria`). A nationality plus a head (`Iraqi Government`) is only a GROUP.
//! 3. **Lexicons**: places ([`super::toponyms`]), nationality/ethnic/religious words
//!    ([`super::lexicon::groups`]); a nationality before a place makes one place (`Iraqi
//!    Kurdistan`).
//! 4. **Context** for what is left: `the city of X`, `in X`, `X district`, `X, <country>` → PLACE;
//!    `X fighters`, `X spokesman`, `…,” reports X` → ORG; `X said` → PERSON; bare acronyms → ORG.
//!
//! Then acronym definitions in the text (`Kurdistan Regional Government (KRG)`, `Islamic State
//! (ISIS/ISIL)`, `(PMF/PMU) or Hashd al-Shaabi`) and initials (`UN` ↔ `United Nations`) link
//! aliases, surnames link to full names, and every name found once is tagged everywhere in the
//! article, sentence-initial positions included.

use super::fxhash::{FxHashMap as HashMap, FxHashSet, FxHasher};
use super::gazetteer::PlaceKind;
use super::intern::{self, Interner};
use super::label::Label;
use super::lexicon::{self, NAME_PARTICLES, TITLE_MAX_WORDS, WEEKDAYS};
use super::mention::{Candidate, Mention, Why};
use super::rule::Rule;
use super::text::{is_abbreviation, Case, Token, TokenKind, TokenView};
use super::toponyms;
use std::borrow::Cow;
use std::hash::Hasher;
use std::sync::Arc;

/// Priority of a name found by a rule at its own position.
const DIRECT: u8 = 70;
/// Priority of a name found because the same name was found elsewhere in the article.
const PROPAGATED: u8 = 60;
/// Priority of a town or transliterated gazetteer match: a name the article established
/// elsewhere (a surname, an organisation) wins over it.
const WEAK_PLACE: u8 = 55;
/// What the evidence says of a division's bare name read as its town
/// ([`toponyms::bare_division_name`]).
const TOWN_READING: &str = "; bare name, read as the town";
/// Longest name, in units, that propagation looks for.
const MAX_NAME_UNITS: usize = 8;

/// One capitalised word of a chunk: tokens `a..b` (`al-Abadi` is three tokens, one unit).
#[derive(Clone, Copy, Debug)]
struct Unit {
    a: usize,
    b: usize,
}

/// A name decided at one place, before canonicalisation.
#[derive(Clone, Debug)]
struct Found {
    para: usize,
    a: usize,
    b: usize,
    label: Label,
    canonical: Option<Arc<str>>,
    rule: Rule,
    evidence: Arc<str>,
    /// Whether this finding may be copied to other occurrences of the same name.
    propagate: bool,
    /// Its priority in overlap resolution.
    priority: u8,
}

/// The names decided so far in one article, and the shared strings they are written with.
struct Findings<'s> {
    list: Vec<Found>,
    strings: &'s mut Interner,
    /// Room to write a string before it is looked up in `strings`.
    buf: String,
    /// The canonical name and evidence of each gazetteer record found so far (by its address,
    /// and whether it was read as the town), made once per article.
    places: HashMap<(usize, bool), (Arc<str>, Arc<str>)>,
}

impl Findings<'_> {
    /// `parts` joined into one shared string (allocated only the first time it is seen).
    fn cat(&mut self, parts: &[&str]) -> Arc<str> {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        self.strings.intern(&self.buf)
    }
}

/// Finds PERSON, ORG, PLACE and GROUP mentions in an article given as tokenised paragraphs.
///
/// `paras` holds the tokens of each (non-boilerplate) paragraph of `text`.
#[must_use]
pub fn find(text: &str, paras: &[Vec<Token>]) -> Vec<Candidate> {
    let paras: Vec<&[Token]> = paras.iter().map(Vec::as_slice).collect();
    intern::with_local(|strings| {
        let mut out = Vec::new();
        find_into(text, &paras, strings, &mut out);
        out
    })
}

/// [`find`], appending the candidates to `out` (the tagger's list of all candidates, so that
/// they are written once, in place), with their canonical names and evidence shared through
/// `strings`.
pub fn find_into(text: &str, paras: &[&[Token]], strings: &mut Interner, out: &mut Vec<Candidate>) {
    // About one name per eight tokens in news text: room for them without regrowing.
    let tokens: usize = paras.iter().map(|t| t.len()).sum();
    let Reused {
        mut list,
        chunks: mut chunks_of,
        mut decided,
    } = REUSED.take();
    list.reserve(tokens / 8);
    chunks_of.units.reserve(tokens / 4);
    chunks_of.bounds.reserve(tokens / 6);
    chunks_of.firsts.reserve(paras.len());
    let mut findings = Findings {
        list,
        strings,
        buf: String::new(),
        places: HashMap::default(),
    };
    let mut scratch = Vec::new();
    for (p, &toks) in paras.iter().enumerate() {
        let v = TokenView { text, toks };
        chunks(v, &mut chunks_of);
        for c in chunks_of.of(p) {
            classify(v, p, c, &mut findings, &mut scratch);
        }
    }
    // Twice, so that a list place found once can make its neighbour one; a pass that finds
    // nothing new leaves the next one nothing new to find either.
    if list_places(text, paras, &chunks_of, &mut findings) {
        list_places(text, paras, &chunks_of, &mut findings);
    }
    let Findings {
        list: mut found,
        strings,
        buf: mut scratch_text,
        ..
    } = findings;
    // Longer names first, so that a surname learns its full name before standing alone.
    let mut learn: Vec<&Found> = Vec::with_capacity(found.len());
    learn.extend(found.iter().filter(|f| f.propagate));
    learn.sort_by_key(|f| std::cmp::Reverse(f.b - f.a));
    let mut names = NameTable::with_capacity(learn.len() + learn.len() / 4);
    // Aliases the text defines come first: they win over a name learnt from a finding.
    definitions(text, paras, &found, &mut names, strings);
    for f in learn {
        let v = TokenView {
            text,
            toks: paras[f.para],
        };
        names.learn(strings, v, f);
    }
    // Propagation: every occurrence of a known name, except where a finding of higher
    // priority has the same span (it would win the overlap anyway).
    decided.reserve(found.len());
    decided.extend(
        found
            .iter()
            .filter(|f| f.priority > PROPAGATED)
            .map(|f| (f.para, f.a, f.b)),
    );
    for (p, &toks) in paras.iter().enumerate() {
        let v = TokenView { text, toks };
        for c in chunks_of.of(p) {
            let mut k = 0;
            while k < c.len() {
                let mut hit = None;
                let first = surface(v, c[k].a, c[k].b);
                if !names.firsts.may_contain(&first) {
                    k += 1;
                    continue;
                }
                for m in (1..=MAX_NAME_UNITS.min(c.len() - k)).rev() {
                    let key = surface(v, c[k].a, c[k + m - 1].b);
                    if let Some(e) = names.map.get_mut(&*key) {
                        let (a, b) = (c[k].a, c[k + m - 1].b);
                        if !decided.contains(&(p, a, b)) {
                            found.push(Found {
                                para: p,
                                a,
                                b,
                                label: e.label,
                                canonical: e.canonical.clone(),
                                rule: Rule::SAME_NAME,
                                evidence: e.same_name(strings, &mut names.buf),
                                propagate: false,
                                priority: PROPAGATED,
                            });
                        }
                        hit = Some(m);
                        break;
                    }
                }
                k += hit.unwrap_or(1);
            }
        }
    }
    out.reserve(found.len());
    out.extend(found.drain(..).map(|f| {
        let v = TokenView {
            text,
            toks: paras[f.para],
        };
        let span = v.span(f.a, f.b);
        let surf = surface(v, f.a, f.b);
        let mut evidence = f.evidence;
        let mut canonical = f.canonical;
        if canonical.is_none() {
            // The name as the article linked it, if it did.
            if let Some(e) = names.map.get_mut(surf.as_ref()) {
                if e.label == f.label {
                    canonical.clone_from(&e.canonical);
                    if let Some(c) = canonical.as_deref().filter(|c| *c != surf.as_ref()) {
                        // "KRG" tagged as an acronym: say which long form the text gave it.
                        scratch_text.clear();
                        scratch_text.push_str(&evidence);
                        scratch_text.push_str("; alias of ");
                        scratch_text.push_str(c);
                        evidence = strings.intern(&scratch_text);
                    } else if canonical.is_none() && f.label != Label::Place {
                        // Its own name as written (a place may still be canonicalised below).
                        canonical = Some(e.written(strings, &surf));
                    }
                }
            }
        }
        if f.label == Label::Place && f.a >= 2 && v.is(f.a - 1, "of") {
            // "the province of Kirkuk", "the governor of Kirkuk": the division.
            let cue = ascii_lower(v.s(f.a - 2));
            if matches!(
                cue.as_ref(),
                "province" | "governor" | "governorate" | "provinces"
            ) {
                if let Some(hit) = toponyms::lookup_division(&surf) {
                    // The text names the division: no town reading.
                    let kept = evidence.strip_suffix(TOWN_READING).unwrap_or(&evidence);
                    evidence =
                        strings.intern(&format!("{kept}; '{cue} of' → gazetteer {}", hit.id));
                    canonical = Some(strings.intern(&hit.canonical));
                }
            }
        }
        if canonical.is_none() && f.label == Label::Place {
            // A place found by its context: the gazetteer may still know its name.
            if let Some(hit) = toponyms::find(&surf) {
                scratch_text.clear();
                scratch_text.push_str(&evidence);
                scratch_text.push_str("; gazetteer ");
                hit.place.id.push_to(&mut scratch_text);
                canonical = Some(match town_reading(v, f.a, f.b, hit) {
                    Some(bare) => {
                        scratch_text.push_str(TOWN_READING);
                        strings.intern(bare)
                    }
                    None => strings.intern(&hit.place.name),
                });
                evidence = strings.intern(&scratch_text);
            }
        }
        Candidate {
            mention: Mention {
                span,
                label: f.label,
                canonical: canonical.unwrap_or_else(|| strings.intern(&surf)),
                why: Why::new(f.rule, evidence),
            },
            priority: f.priority,
        }
    }));
    Reused {
        list: found,
        chunks: chunks_of,
        decided,
    }
    .put_back();
}

/// The largest buffers of one [`find_into`], kept for the next call on the thread: a large
/// text needs megabytes of them, and made afresh each time their pages went back to the
/// system and were faulted in again (see the tagger's scratch buffers in `tag.rs`). Taken out
/// for a call (a call made meanwhile gets empty ones) and put back after it.
#[derive(Default)]
struct Reused {
    list: Vec<Found>,
    chunks: Chunks,
    decided: FxHashSet<(usize, usize, usize)>,
}

thread_local! {
    static REUSED: std::cell::RefCell<Reused> = std::cell::RefCell::new(Reused::default());
}

impl Reused {
    /// Entries kept between calls at most, per buffer; a larger text's are given back.
    const KEEP: usize = 1 << 18;

    /// Empties the buffers and keeps them for the next call.
    fn put_back(mut self) {
        self.list.clear();
        self.list.shrink_to(Self::KEEP);
        self.chunks.units.clear();
        self.chunks.units.shrink_to(Self::KEEP);
        self.chunks.bounds.clear();
        self.chunks.bounds.shrink_to(Self::KEEP);
        self.chunks.firsts.clear();
        self.chunks.firsts.shrink_to(Self::KEEP);
        self.decided.clear();
        self.decided.shrink_to(Self::KEEP);
        REUSED.set(self);
    }
}

/// Names listed beside places are places: "Sinjar, Jalawla, Makhmur and Tuz Khurmatu".
/// A chunk nothing else claimed, not sentence-initial, joined by `,`, `and` or `or` to a PLACE
/// on either side, becomes a PLACE. Returns whether it found any.
fn list_places(text: &str, paras: &[&[Token]], chunks_of: &Chunks, out: &mut Findings<'_>) -> bool {
    let found = &mut out.list;
    // Per paragraph: token → is covered, starts a place, ends a place (flat, one stretch of
    // `len + 3` entries per paragraph so that `b + 2` stays inside).
    let mut base = Vec::with_capacity(paras.len());
    let mut n = 0;
    for t in paras {
        base.push(n);
        n += t.len() + 3;
    }
    const COVERED: u8 = 1;
    const STARTS: u8 = 2;
    const ENDS: u8 = 4;
    let mut marks = vec![0u8; n];
    let mut any_place = false;
    for f in found.iter() {
        let o = base[f.para];
        for m in &mut marks[o + f.a..o + f.b] {
            *m |= COVERED;
        }
        if f.label == Label::Place {
            any_place = true;
            marks[o + f.a] |= STARTS;
            marks[o + f.b] |= ENDS;
        }
    }
    if !any_place {
        return false;
    }
    let mut new = Vec::new();
    let mut evidence = None;
    for (p, &toks) in paras.iter().enumerate() {
        let v = TokenView { text, toks };
        let o = base[p];
        let stretch = &marks[o..o + toks.len() + 3];
        let mark = |i: usize, m: u8| stretch.get(i).is_some_and(|x| x & m != 0);
        let place_ending = |end: usize| mark(end, ENDS);
        let place_starting = |start: usize| mark(start, STARTS);
        let joiner = |i: usize| matches!(v.s(i), "," | "and" | "or");
        for c in chunks_of.of(p) {
            let (a, b) = (c[0].a, c[c.len() - 1].b);
            if stretch[a..b].iter().any(|&x| x & COVERED != 0)
                || v.sentence_initial(a)
                || v.is_all_caps(a)
            {
                continue;
            }
            let left = a >= 2
                && joiner(a - 1)
                && (place_ending(a - 1) || a >= 3 && v.s(a - 2) == "," && place_ending(a - 2));
            // A place that owns what follows ("…, Italy’s prime minister") is no list member.
            let listed = |start: usize| {
                place_starting(start)
                    && (start + 1..=toks.len())
                        .find(|&e| place_ending(e))
                        .is_none_or(|e| v.kind(e) != TokenKind::Possessive)
            };
            let right =
                joiner(b) && (listed(b + 1) || v.s(b) == "," && joiner(b + 1) && listed(b + 2));
            if left || right {
                new.push(Found {
                    para: p,
                    a,
                    b,
                    label: Label::Place,
                    canonical: None,
                    rule: Rule::LIST_WITH_PLACES,
                    evidence: Arc::clone(
                        evidence.get_or_insert_with(|| {
                            out.strings.intern_static("listed beside places")
                        }),
                    ),
                    propagate: true,
                    priority: DIRECT,
                });
            }
        }
    }
    let found_any = !new.is_empty();
    out.list.extend(new);
    found_any
}

/// The text of tokens `a..b` with every whitespace run written as one space.
///
/// Borrowed from the text when it is already written that way (nearly always).
#[inline]
fn surface<'a>(v: TokenView<'a>, a: usize, b: usize) -> std::borrow::Cow<'a, str> {
    if b == a + 1 {
        // One token (most units): its text.
        return std::borrow::Cow::Borrowed(v.s(a));
    }
    surface_of_several(v, a, b)
}

/// [`surface`] of tokens `a..b` other than a single token.
fn surface_of_several<'a>(v: TokenView<'a>, a: usize, b: usize) -> std::borrow::Cow<'a, str> {
    if a < b && b <= v.len() {
        let bytes = v.text.as_bytes();
        // Tokens not preceded by whitespace touch the one before; a spaced token must be
        // one ASCII space away from it.
        let plain = (a + 1..b).all(|i| {
            let prev_end = v.toks[i - 1].span.end();
            !v.toks[i].space_before
                || v.toks[i].span.start() == prev_end + 1 && bytes.get(prev_end) == Some(&b' ')
        });
        if plain {
            return std::borrow::Cow::Borrowed(v.span(a, b).slice(v.text));
        }
    }
    let mut s = String::new();
    for i in a..b {
        if i > a && v.spaced(i) {
            s.push(' ');
        }
        s.push_str(v.s(i));
    }
    std::borrow::Cow::Owned(s)
}

/// What the article taught about one name.
#[derive(Clone, Debug)]
struct NameEntry {
    label: Label,
    canonical: Option<Arc<str>>,
    /// The name as written (its surface), shared, once asked for.
    written: Option<Arc<str>>,
    /// The evidence of a mention found because this name was found elsewhere, made the first
    /// time it is needed (most names are never found elsewhere).
    same_name: SameName,
}

/// [`NameEntry::same_name`].
#[derive(Clone, Debug)]
enum SameName {
    /// Made.
    Made(Arc<str>),
    /// To be made of the rule that found the name, a fixed phrase and a text.
    Parts(&'static str, &'static str, Option<Arc<str>>),
}

/// The evidence a name is recorded with in the [`NameTable`].
enum Evidence {
    /// A finding's own evidence.
    Own(Arc<str>),
    /// A fixed phrase before the name's canonical form (`surname of `).
    BeforeCanonical(&'static str),
}

impl NameEntry {
    /// The name as written, `surface` (the entry's key), shared.
    fn written(&mut self, strings: &mut Interner, surface: &str) -> Arc<str> {
        Arc::clone(self.written.get_or_insert_with(|| strings.intern(surface)))
    }

    /// The evidence of a mention found because this name was found elsewhere (`buf` is room
    /// to write it).
    fn same_name(&mut self, strings: &mut Interner, buf: &mut String) -> Arc<str> {
        let made = match &self.same_name {
            SameName::Made(s) => return Arc::clone(s),
            SameName::Parts(rule, phrase, text) => {
                buf.clear();
                buf.push_str(rule);
                let text = text.as_deref().unwrap_or("");
                if !phrase.is_empty() || !text.is_empty() {
                    buf.push(' ');
                    buf.push_str(phrase);
                    buf.push_str(text);
                }
                strings.intern(buf.trim())
            }
        };
        self.same_name = SameName::Made(Arc::clone(&made));
        made
    }
}

/// Names found in the article, by surface, for propagation and canonicalisation. Surfaces
/// are borrowed from the text where they are written as they are (nearly always).
struct NameTable<'a> {
    map: HashMap<Cow<'a, str>, NameEntry>,
    /// The first word of every name in `map`, to skip most positions cheaply.
    firsts: FirstWords,
    /// Room to write an evidence string before it is looked up in the shared strings.
    buf: String,
}

/// A set of words that may answer "yes" for a word it does not hold (one hash bit per word),
/// but never "no" for one it holds: a cheap test before a lookup that decides.
struct FirstWords {
    bits: Vec<u64>,
    /// How far the 64-bit hash is shifted to give a bit index.
    shift: u32,
}

impl FirstWords {
    /// An empty set sized for about `n` words (a few percent of false "yes" answers).
    fn with_capacity(n: usize) -> FirstWords {
        let bits = (n * 32).next_power_of_two().max(4096);
        FirstWords {
            bits: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        }
    }

    /// The bit of `word`.
    fn bit(&self, word: &str) -> usize {
        let mut h = FxHasher::default();
        h.write(word.as_bytes());
        // The high bits of the Fx hash are the well-mixed ones.
        (h.finish() >> self.shift) as usize
    }

    /// Adds `word`.
    fn insert(&mut self, word: &str) {
        let b = self.bit(word);
        self.bits[b / 64] |= 1 << (b % 64);
    }

    /// False when `word` was surely never added.
    fn may_contain(&self, word: &str) -> bool {
        let b = self.bit(word);
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }
}

/// `part`, a slice of `whole`, borrowed for as long as `whole` borrows.
fn part_of<'a>(whole: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(w) => {
            let at = (part.as_ptr() as usize).wrapping_sub(w.as_ptr() as usize);
            match w.get(at..at + part.len()) {
                Some(p) if p.as_ptr() == part.as_ptr() => Cow::Borrowed(p),
                _ => Cow::Owned(part.to_string()),
            }
        }
        Cow::Owned(_) => Cow::Owned(part.to_string()),
    }
}

impl<'a> NameTable<'a> {
    /// An empty table with room for `n` names.
    fn with_capacity(n: usize) -> NameTable<'a> {
        NameTable {
            map: HashMap::with_capacity_and_hasher(n, Default::default()),
            firsts: FirstWords::with_capacity(n),
            buf: String::new(),
        }
    }

    /// True when [`NameTable::insert`] would not record a name with this surface: it is
    /// empty, known already, or a group word.
    fn refuses(&self, key: &str) -> bool {
        key.is_empty() || self.map.contains_key(key) || lexicon::group(key).is_some()
    }

    /// Records a name unless the surface is already known; the canonical name is only made
    /// for a new name.
    fn insert(
        &mut self,
        strings: &mut Interner,
        key: Cow<'a, str>,
        label: Label,
        canonical: impl FnOnce(&mut Interner) -> Option<Arc<str>>,
        rule: Rule,
        evidence: Evidence,
    ) {
        if self.refuses(&key) {
            return;
        }
        let first = key.split([' ', '\u{a0}']).next().unwrap_or("");
        self.firsts.insert(first);
        let canonical = canonical(strings);
        let same_name = match evidence {
            Evidence::Own(e) => SameName::Parts(rule.as_str(), "", Some(e)),
            Evidence::BeforeCanonical(phrase) => {
                SameName::Parts(rule.as_str(), phrase, canonical.clone())
            }
        };
        self.map.insert(
            key,
            NameEntry {
                label,
                canonical,
                written: None,
                same_name,
            },
        );
    }

    /// Learns a finding, and for a person also the surname (`al-Abadi`, `Abadi`).
    fn learn(&mut self, strings: &mut Interner, v: TokenView<'a>, f: &Found) {
        let key = surface(v, f.a, f.b);
        // The canonical name, shared.
        let canon = |s: &mut Interner| Some(f.canonical.clone().unwrap_or_else(|| s.intern(&key)));
        if f.label == Label::Person {
            // The surname: the last unit, and the last unit without its particle.
            let mut last = f.b - 1;
            while last > f.a && !v.spaced(last) {
                last -= 1;
            }
            if last > f.a {
                let sur = surface(v, last, f.b);
                if let Some((particle, bare)) = sur.split_once('-') {
                    if NAME_PARTICLES
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(particle))
                    {
                        self.insert(
                            strings,
                            part_of(&sur, bare),
                            Label::Person,
                            canon,
                            Rule::SURNAME,
                            Evidence::BeforeCanonical("surname of "),
                        );
                    }
                }
                let evidence = Evidence::BeforeCanonical("surname of ");
                self.insert(strings, sur, Label::Person, canon, Rule::SURNAME, evidence);
            }
        }
        if f.label == Label::Place && f.rule == Rule::PLACE_HEAD {
            // "Kurdistan Region" also goes by "Kurdistan".
            let mut last = f.b - 1;
            while last > f.a && !v.spaced(last) {
                last -= 1;
            }
            if last > f.a {
                let short = surface(v, f.a, last);
                if toponyms::find(&short).is_none() {
                    let evidence = Evidence::BeforeCanonical("short for ");
                    self.insert(
                        strings,
                        short,
                        Label::Place,
                        canon,
                        Rule::PLACE_HEAD,
                        evidence,
                    );
                }
            }
        }
        let canonical = |_: &mut Interner| f.canonical.clone();
        let evidence = Evidence::Own(Arc::clone(&f.evidence));
        self.insert(strings, key, f.label, canonical, f.rule, evidence);
    }
}

/// True for word prefixes written with a hyphen before a name (`Non-`, `Anti-`, `Pro-`).
fn is_prefix(s: &str) -> bool {
    lexicon::with_lower(s, |w| {
        matches!(
            w,
            "non"
                | "anti"
                | "pro"
                | "ex"
                | "pre"
                | "post"
                | "neo"
                | "pan"
                | "mid"
                | "sub"
                | "trans"
                | "inter"
                | "multi"
                | "semi"
                | "counter"
                | "co"
        )
    })
}

/// The end of the capitalised unit starting at token `i`, if one starts there.
fn unit_at(v: TokenView<'_>, i: usize) -> Option<usize> {
    if v.is_cap(i) {
        let s = v.s(i);
        // Month and weekday names and the days named from today ("Yesterday Tuz Khurmatu
        // was calm") never start a proper name here; an abbreviated month ("Oct") does not
        // either before a dot or a number.
        let month = super::dates::month_of(s).is_some();
        let calendar = month && (s.len() > 3 || s == "May")
            || WEEKDAYS.contains(&s)
            || matches!(s, "Yesterday" | "Today" | "Tomorrow" | "Tonight");
        let abbreviated_month = month && (v.s(i + 1) == "." || v.kind(i + 1) == TokenKind::Number);
        if calendar || abbreviated_month || lexicon::is_function_word(s) {
            return None;
        }
        let mut end = i + 1;
        if v.s(end) == "-" && !v.spaced(end) && is_prefix(s) {
            // "Non-Kurdish", "Anti-Western": the prefix is not part of the name.
            return None;
        }
        // "Secretary-General": two capitalised words joined by a hyphen (not acronyms).
        while v.s(end) == "-"
            && !v.spaced(end)
            && !v.spaced(end + 1)
            && v.kind(end + 1) == TokenKind::Word
            && v.is_cap(end + 1)
            && !v.is_all_caps(end + 1)
            && !v.is_all_caps(end - 1)
        {
            end += 2;
        }
        return Some(end);
    }
    // "al-Abadi": a lowercase particle glued to a capitalised word.
    // (The cheap token tests first: most tokens are not followed by a glued hyphen.)
    if v.kind(i) == TokenKind::Word
        && !v.spaced(i + 1)
        && v.s(i + 1) == "-"
        && !v.spaced(i + 2)
        && v.is_cap(i + 2)
        && lexicon::is_name_particle(v.s(i))
    {
        return Some(i + 3);
    }
    None
}

/// The capitalised chunks of every paragraph: runs of units in one buffer.
#[derive(Default)]
struct Chunks {
    units: Vec<Unit>,
    /// Each chunk's range in `units`.
    bounds: Vec<(usize, usize)>,
    /// Each paragraph's first chunk in `bounds`; the next entry ends it.
    firsts: Vec<usize>,
}

impl Chunks {
    /// The chunks of paragraph `p`.
    fn of(&self, p: usize) -> impl Iterator<Item = &[Unit]> + '_ {
        let lo = self.firsts.get(p).copied().unwrap_or(self.bounds.len());
        let hi = self.firsts.get(p + 1).copied().unwrap_or(self.bounds.len());
        self.bounds[lo..hi].iter().map(|&(a, b)| &self.units[a..b])
    }
}

/// Appends the capitalised chunks of the next paragraph, as runs of units, to `out`.
fn chunks(v: TokenView<'_>, out: &mut Chunks) {
    out.firsts.push(out.bounds.len());
    let mut i = 0;
    while i < v.len() {
        // Most tokens start no unit: only a capitalised token or a word glued to a hyphen (a
        // particle, `al-`) can; skip the others without asking.
        let t = v.toks[i];
        let may_start = matches!(t.case, Case::Capitalised | Case::AllCaps)
            || t.kind == TokenKind::Word
                && v.toks.get(i + 1).is_some_and(|n| {
                    !n.space_before && v.text.as_bytes().get(n.span.start()) == Some(&b'-')
                });
        if !may_start {
            i += 1;
            continue;
        }
        let Some(end) = unit_at(v, i) else {
            i += 1;
            continue;
        };
        let first = out.units.len();
        let units = &mut out.units;
        units.push(Unit { a: i, b: end });
        let mut j = end;
        loop {
            // "Col. Rob Manning": an abbreviated title keeps its dot inside the chunk.
            let mut k = j;
            if v.s(k) == "." && !v.spaced(k) && is_abbreviation(v.s(k - 1)) {
                k += 1;
            }
            if !v.spaced(k) {
                break;
            }
            if let Some(e) = unit_at(v, k) {
                units.push(Unit { a: k, b: e });
                j = e;
            } else if v.kind(k) == TokenKind::Word
                && lexicon::is_name_particle(v.s(k))
                && v.spaced(k + 1)
                && v.is_cap(k + 1)
            {
                // "Charles de Gaulle": the particle joins the next unit.
                let Some(e) = unit_at(v, k + 1) else { break };
                units.push(Unit { a: k, b: e });
                j = e;
            } else if v.kind(k) == TokenKind::Word
                && lexicon::is_name_particle(v.s(k))
                && v.spaced(k + 1)
                && v.kind(k + 1) == TokenKind::Word
                && lexicon::is_name_particle(v.s(k + 1))
                && v.spaced(k + 2)
                && v.is_cap(k + 2)
            {
                // "Ursula von der Leyen": two particles join the next unit.
                let Some(e) = unit_at(v, k + 2) else { break };
                units.push(Unit { a: k, b: e });
                j = e;
            } else {
                break;
            }
        }
        out.bounds.push((first, out.units.len()));
        i = j.max(i + 1);
    }
}

/// The title ending at unit `k` of a chunk, as the number of units it spans, longest first.
fn title_at(v: TokenView<'_>, units: &[Unit], k: usize) -> Option<usize> {
    let u = units[k];
    let last = surface(v, u.a, u.b);
    // A single word token holds no dot (only initials do).
    let one_word = u.b == u.a + 1 && v.kind(u.a) == TokenKind::Word;
    let ends = if !one_word && last.contains('.') {
        lexicon::with_lower(&last.replace('.', ""), lexicon::ends_a_title)
    } else if last.is_ascii() {
        lexicon::ends_a_title_ascii(&last)
    } else {
        lexicon::with_lower(&last, lexicon::ends_a_title)
    };
    if !ends {
        return None;
    }
    let mut words = String::new();
    (1..=TITLE_MAX_WORDS.min(k + 1)).rev().find(|&n| {
        // The units lowercased without dots, joined by spaces.
        words.clear();
        for (i, u) in units[k + 1 - n..=k].iter().enumerate() {
            if i > 0 {
                words.push(' ');
            }
            let unit = surface(v, u.a, u.b);
            if unit.is_ascii() {
                words.extend(
                    unit.bytes()
                        .filter(|&b| b != b'.')
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
            } else {
                words.push_str(&unit.replace('.', "").to_lowercase());
            }
        }
        lexicon::is_title(&words)
    })
}

/// The lowercase title ending at token `i` (outside a chunk), in tokens.
fn lower_title_before(v: TokenView<'_>, end: usize) -> Option<&'static str> {
    if end == 0 || !v.is_lower_word(end - 1) || !lexicon::ends_a_title(v.s(end - 1)) {
        return None;
    }
    for n in (1..=TITLE_MAX_WORDS).rev() {
        if n > end {
            continue;
        }
        let a = end - n;
        if !(a..end).all(|i| v.is_lower_word(i) || v.s(i) == "-") {
            continue;
        }
        let words = surface(v, a, end).to_lowercase();
        if let Some(t) = lexicon::TITLES.iter().find(|t| **t == words) {
            return Some(t);
        }
    }
    None
}

/// Classifies one chunk, pushing what it finds.
fn classify(
    v: TokenView<'_>,
    p: usize,
    units: &[Unit],
    out: &mut Findings<'_>,
    segs: &mut Vec<(usize, Seg)>,
) {
    // 1. Titles split the chunk.
    let mut k = 0;
    let mut start = 0;
    let mut after_title: Option<String> = None;
    while k < units.len() {
        if let Some(n) = title_at(v, units, k).filter(|&n| {
            // A title word is a title only before a name or at the chunk's end ("the Army").
            k + 1 < units.len() || n > 1 || units.len() == 1 || v.is(units[k].b, "of")
        }) {
            let t0 = k + 1 - n;
            if t0 > start {
                part(v, p, &units[start..t0], after_title.take(), true, out, segs);
            }
            after_title = Some(surface(v, units[t0].a, units[k].b).into_owned());
            start = k + 1;
        }
        k += 1;
    }
    if start < units.len() {
        part(v, p, &units[start..], after_title, false, out, segs);
    }
}

/// True when every unit is a nationality/ethnic word (not a religion).
fn all_demonyms(v: TokenView<'_>, units: &[Unit]) -> bool {
    units.iter().all(|u| {
        lexicon::group(surface(v, u.a, u.b).as_ref()).is_some_and(|g| g.source != "religion")
    })
}

/// Classifies part of a chunk; `title` is the title right before it, `before_title` tells that
/// a title follows it inside the chunk.
fn part(
    v: TokenView<'_>,
    p: usize,
    units: &[Unit],
    title: Option<String>,
    before_title: bool,
    out: &mut Findings<'_>,
    segs: &mut Vec<(usize, Seg)>,
) {
    let a = units[0].a;
    let b = units[units.len() - 1].b;
    let push = |out: &mut Findings<'_>,
                a: usize,
                b: usize,
                label: Label,
                canonical: Option<&str>,
                rule: Rule,
                evidence: &[&str],
                propagate: bool| {
        let canonical = canonical.map(|c| out.strings.intern(c));
        let evidence = out.cat(evidence);
        out.list.push(Found {
            para: p,
            a,
            b,
            label,
            canonical,
            rule,
            evidence,
            propagate,
            priority: DIRECT,
        });
    };
    if let Some(t) = title {
        let surf = surface(v, a, b);
        let trusted_place = toponyms::find(&surf).is_some_and(|h| h.exact && h.prominent());
        if lexicon::group(surf.as_ref()).is_none() && !trusted_place {
            push(
                out,
                a,
                b,
                Label::Person,
                None,
                Rule::TITLE,
                &["after '", &t, "'"],
                true,
            );
            return;
        }
    }
    // A lowercase title before the chunk: "spokesman X", "prime minister, X".
    if let Some(t) = lower_title_before(v, a).or_else(|| {
        (a >= 1 && v.s(a - 1) == ",")
            .then(|| lower_title_before(v, a - 1))
            .flatten()
    }) {
        let surf = surface(v, a, b);
        let known = lexicon::group(surf.as_ref()).is_some()
            || toponyms::find(&surf).is_some()
            || v.is_all_caps(a) && units.len() == 1;
        if !known && !head_is(v, units, lexicon::is_org_head) {
            push(
                out,
                a,
                b,
                Label::Person,
                None,
                Rule::TITLE,
                &["after '", t, "'"],
                true,
            );
            return;
        }
    }
    let last = surface(v, units[units.len() - 1].a, b);
    // 2. Organisation heads.
    if (units.len() >= 2 || v.is(b, "of") && v.is_cap(b + 1)) && lexicon::is_org_head(&last) {
        if units.len() >= 2 && all_demonyms(v, &units[..units.len() - 1]) {
            lexical(v, p, units, out, segs);
            return;
        }
        let (end, canonical) = org_tail(v, a, b);
        push(
            out,
            a,
            end,
            Label::Org,
            canonical.as_deref(),
            Rule::ORG_HEAD,
            &["head word '", &last, "'"],
            true,
        );
        return;
    }
    // Place heads.
    if units.len() >= 2
        && lexicon::is_place_head(&last)
        && !all_demonyms(v, &units[..units.len() - 1])
    {
        push(
            out,
            a,
            b,
            Label::Place,
            None,
            Rule::PLACE_HEAD,
            &["head word '", &last, "'"],
            true,
        );
        return;
    }
    // "Pentagon Director of …": an unknown name right before a title is its organisation.
    if before_title && units.len() == 1 && !v.sentence_initial(a) {
        let surf = surface(v, a, b);
        if lexicon::group(surf.as_ref()).is_none() && toponyms::find(&surf).is_none() {
            let t = units[0];
            push(
                out,
                t.a,
                t.b,
                Label::Org,
                None,
                Rule::ORG_CONTEXT,
                &["before a title"],
                true,
            );
            return;
        }
    }
    lexical(v, p, units, out, segs);
}

/// True when the last unit is one of `heads`.
fn head_is(v: TokenView<'_>, units: &[Unit], heads: fn(&str) -> bool) -> bool {
    let u = units[units.len() - 1];
    heads(&surface(v, u.a, u.b))
}

/// Extends an organisation name `a..b`: `/Units`, `of Iraq and Syria`; returns the end and the
/// canonical name when it differs from the span (`Forces/Units` → `Forces`).
fn org_tail<'a>(v: TokenView<'a>, a: usize, b: usize) -> (usize, Option<Cow<'a, str>>) {
    let mut end = b;
    let mut canonical = None;
    // "Forces/Units": a slash and a capitalised common word (not an acronym).
    if v.s(end) == "/"
        && !v.spaced(end)
        && !v.spaced(end + 1)
        && v.is_cap(end + 1)
        && !v.is_all_caps(end + 1)
    {
        end += 2;
        canonical = Some(surface(v, a, b));
    }
    // "of Iraq and Syria"
    if v.is(end, "of") && v.spaced(end + 1) {
        if let Some(e) = cap_run(v, end + 1) {
            end = e;
            if v.is(end, "and") {
                if let Some(e2) = cap_run(v, end + 1) {
                    end = e2;
                }
            }
        }
    }
    (end, canonical)
}

/// The end of a run of spaced capitalised units starting at `i`.
fn cap_run(v: TokenView<'_>, i: usize) -> Option<usize> {
    let mut end = unit_at(v, i)?;
    while v.spaced(end) {
        match unit_at(v, end) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// A place the lexicons know: a gazetteer record, or a name in "-stan" over tokens `a..b`
/// that the gazetteer lacks (a region).
#[derive(Clone, Copy, Debug)]
enum PlaceRef {
    Known(toponyms::Hit),
    Stan { a: usize, b: usize },
}

impl PlaceRef {
    fn exact(self) -> bool {
        match self {
            PlaceRef::Known(h) => h.exact,
            PlaceRef::Stan { .. } => true,
        }
    }

    fn prominent(self) -> bool {
        match self {
            PlaceRef::Known(h) => h.prominent(),
            PlaceRef::Stan { .. } => true,
        }
    }

    fn is_country(self) -> bool {
        matches!(self, PlaceRef::Known(h) if h.place.kind == PlaceKind::Country)
    }
}

/// What the lexicons say about units: a place over `m` units, a group, or nothing.
enum Seg {
    Place(usize, PlaceRef),
    Group(lexicon::GroupEntry),
    Unknown,
}

/// Step 3 and 4: lexicon segmentation, then context for unknown runs.
fn lexical(
    v: TokenView<'_>,
    p: usize,
    units: &[Unit],
    out: &mut Findings<'_>,
    segs: &mut Vec<(usize, Seg)>,
) {
    let mut k = 0;
    segs.clear();
    while k < units.len() {
        let mut seg = None;
        for m in (1..=4.min(units.len() - k)).rev() {
            let surf = surface(v, units[k].a, units[k + m - 1].b);
            if m == 1 && is_direction(&surf) {
                // "Northern", "Central": division names too generic to stand alone.
                continue;
            }
            if let Some(hit) = toponyms::find(&surf) {
                // Towns and transliterated matches want the whole chunk and no sentence-initial
                // capital ("Most", "Robert Manning" are not places), unless the name is several
                // words matched exactly ("Tuz Khurmatu was calm.": a capital there says nothing).
                let trusted = hit.prominent() && hit.exact;
                // "Rand Paul", "John Paul": an unknown capitalised word and one that names a
                // division or a city make a person's name more often than a place.
                let after_a_name = k == 1
                    && m == 1
                    && units.len() == 2
                    && hit.place.kind != PlaceKind::Country
                    && matches!(segs.last(), Some((_, Seg::Unknown)))
                    && !v.is_all_caps(units[0].a);
                // "(AP)", "UP": a short capitalised abbreviation of a division or a city is a
                // place only after a comma ("Cupertino, CA"); otherwise it is an acronym.
                let bare_abbreviation = m == 1
                    && surf.len() <= 3
                    && v.is_all_caps(units[k].a)
                    && hit.place.kind != PlaceKind::Country
                    && !(units[k].a >= 1 && v.s(units[k].a - 1) == ",");
                // "Victoria Beckham", "Sam Altman": a given name that also names a division or a
                // town, before a capitalised word that names no place, is a first name.
                let first_name = k == 0
                    && m == 1
                    && units.len() == 2
                    && hit.place.kind != PlaceKind::Country
                    && given_name_then_surname(v, units)
                    && toponyms::find(&surface(v, units[1].a, units[1].b)).is_none();
                if after_a_name || bare_abbreviation || first_name {
                    continue;
                }
                let several_exact = m >= 2 && hit.exact;
                let whole = k == 0
                    && m == units.len()
                    && (several_exact || !v.sentence_initial(units[0].a));
                if trusted || whole && (m >= 2 || hit.exact) {
                    seg = Some((m, Seg::Place(m, PlaceRef::Known(hit))));
                    break;
                }
            }
        }
        if seg.is_none() && k == 0 && units[0].a == 0 && units.len() <= 3 {
            // A dateline "WASHINGTON, Oct. 16", "NEW YORK (AP) —": the place in capitals.
            let m = units.len();
            let last = units[m - 1].b;
            if units.iter().all(|u| v.is_all_caps(u.a))
                && matches!(v.s(last), "," | "(" | "—" | "–")
            {
                let title: String = (0..m)
                    .map(|j| {
                        let w = v.s(units[j].a);
                        w.chars()
                            .take(1)
                            .chain(w.chars().skip(1).flat_map(char::to_lowercase))
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(hit) = toponyms::find(&title).filter(|h| h.exact && h.prominent()) {
                    seg = Some((m, Seg::Place(m, PlaceRef::Known(hit))));
                }
            }
        }
        if seg.is_none() {
            let surf = surface(v, units[k].a, units[k].b);
            if let Some(g) = lexicon::group(surf.as_ref()) {
                seg = Some((1, Seg::Group(*g)));
            } else if surf.len() > 5 && surf.ends_with("stan") && !v.is_all_caps(units[k].a) {
                let u = units[k];
                seg = Some((1, Seg::Place(1, PlaceRef::Stan { a: u.a, b: u.b })));
            }
        }
        let (m, s) = seg.unwrap_or((1, Seg::Unknown));
        segs.push((k, s));
        k += m;
    }
    let mut s = 0;
    while s < segs.len() {
        let (k, seg) = &segs[s];
        let u = units[*k];
        match seg {
            Seg::Group(g) => {
                // "Iraqi Kurdistan": a nationality before a place is part of the place.
                if let Some((k2, Seg::Place(m2, hit))) = segs.get(s + 1) {
                    if !hit.is_country() {
                        let end = units[k2 + m2 - 1].b;
                        let f = found_place(v, p, u.a, end, *hit, Rule::DEMONYM_PLACE, out);
                        out.list.push(f);
                        s += 2;
                        continue;
                    }
                }
                let canonical = Some(out.strings.intern_static(g.canonical));
                let evidence = out.strings.intern_static(g.source);
                out.list.push(Found {
                    para: p,
                    a: u.a,
                    b: u.b,
                    label: Label::Group,
                    canonical,
                    rule: Rule::GROUP_LEXICON,
                    evidence,
                    propagate: false,
                    priority: DIRECT,
                });
            }
            Seg::Place(m, hit) => {
                let end = units[k + m - 1].b;
                let f = found_place(v, p, u.a, end, *hit, Rule::GAZETTEER, out);
                out.list.push(f);
            }
            Seg::Unknown
                if is_direction(&surface(v, u.a, u.b))
                    && matches!(segs.get(s + 1), Some((_, Seg::Place(..)))) =>
            {
                // "Northern Iraq": a capitalised direction before a place is part of its name.
                if let Some((k2, Seg::Place(m2, hit))) = segs.get(s + 1) {
                    let end = units[k2 + m2 - 1].b;
                    let mut f = found_place(v, p, u.a, end, *hit, Rule::DIRECTION_PLACE, out);
                    f.canonical = Some(out.strings.intern(&surface(v, u.a, end)));
                    out.list.push(f);
                }
                s += 2;
                continue;
            }
            Seg::Unknown => {
                let mut e = s + 1;
                while e < segs.len() && matches!(segs[e].1, Seg::Unknown) {
                    e += 1;
                }
                let run = &units[*k..=segs[e - 1].0];
                context(v, p, run, s == 0, e == segs.len(), out);
                s = e;
                continue;
            }
        }
        s += 1;
    }
}

/// True for capitalised compass and position words (`Northern`, `West`, `Central`).
fn is_direction(s: &str) -> bool {
    matches!(
        s,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Northeastern"
            | "Northwestern"
            | "Southeastern"
            | "Southwestern"
            | "Upper"
            | "Lower"
            | "Middle"
            | "Greater"
            | "Inner"
            | "Outer"
            | "Capital"
    )
}

/// A PLACE finding from a lexicon hit, its strings shared through `out`.
fn found_place(
    v: TokenView<'_>,
    p: usize,
    a: usize,
    b: usize,
    hit: PlaceRef,
    rule: Rule,
    out: &mut Findings<'_>,
) -> Found {
    let (canonical, evidence) = match hit {
        PlaceRef::Known(h) => {
            let bare = town_reading(v, a, b, h);
            let key = (std::ptr::from_ref(h.place) as usize, bare.is_some());
            let (strings, buf) = (&mut *out.strings, &mut out.buf);
            let (canonical, evidence) = out.places.entry(key).or_insert_with(|| {
                buf.clear();
                h.place.id.push_to(buf);
                let canonical = match bare {
                    Some(bare) => {
                        buf.push_str(TOWN_READING);
                        strings.intern(bare)
                    }
                    None => strings.intern(&h.place.name),
                };
                (canonical, strings.intern(buf))
            });
            (Arc::clone(canonical), Arc::clone(evidence))
        }
        PlaceRef::Stan { a, b } => {
            let name = surface(v, a, b);
            let evidence = out.cat(&[&name, " (region)"]);
            (out.strings.intern(&name), evidence)
        }
    };
    Found {
        para: p,
        a,
        b,
        label: Label::Place,
        canonical: Some(canonical),
        rule,
        evidence,
        propagate: rule == Rule::DEMONYM_PLACE,
        priority: if hit.prominent() && hit.exact() {
            DIRECT
        } else {
            WEAK_PLACE
        },
    }
}

/// The town reading of a division named bare ("Kirkuk" for Kirkuk Governorate) at tokens
/// `a..b`, when the gazetteer lacks towns (see [`toponyms::bare_division_name`]) and the text
/// does not say "province" or "governorate" right after the name.
fn town_reading(v: TokenView<'_>, a: usize, b: usize, hit: toponyms::Hit) -> Option<&'static str> {
    let next = v.s(b);
    let says_division = ["province", "provinces", "governorate", "governorates"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w));
    if says_division {
        return None;
    }
    toponyms::bare_division_name(hit, &surface(v, a, b))
}

/// Step 4: an unknown run of units, classified by its context.
fn context(
    v: TokenView<'_>,
    p: usize,
    run: &[Unit],
    at_chunk_start: bool,
    at_chunk_end: bool,
    out: &mut Findings<'_>,
) {
    let a = run[0].a;
    let b = run[run.len() - 1].b;
    // "Cupertino, CA", "Toronto, ON": two or three capitals after a town's name and a comma,
    // that end the ISO 3166-2 code of a division of its country, name that division.
    if run.len() == 1 && b == a + 1 {
        if let Some(hit) = division_code_after_town(v, a) {
            let f = found_place(v, p, a, b, PlaceRef::Known(hit), Rule::PLACE_CONTEXT, out);
            out.list.push(f);
            return;
        }
    }
    let mut push = |label: Label, rule: Rule, evidence: &[&str]| {
        let evidence = out.cat(evidence);
        out.list.push(Found {
            para: p,
            a,
            b,
            label,
            canonical: None,
            rule,
            evidence,
            propagate: true,
            priority: DIRECT,
        });
    };
    let initial = at_chunk_start && v.sentence_initial(a);
    // Some word of the name is in capitals (`ISIS`, a dateline): the person and district cues
    // below leave it alone.
    let in_capitals = run.iter().any(|u| v.is_all_caps(u.a));
    let prev = |n: usize| {
        if a >= n {
            ascii_lower(v.s(a - n))
        } else {
            Cow::Borrowed("")
        }
    };
    let next = |n: usize| ascii_lower(v.s(b + n - 1));
    // Acronym definition follows: "Xyz Abc (XA)".
    if at_chunk_end && v.s(b) == "(" && v.is_all_caps(b + 1) && !initial {
        push(
            Label::Org,
            Rule::ACRONYM_DEFINITION,
            &["defines ", v.s(b + 1)],
        );
        return;
    }
    if at_chunk_start {
        // "…,” reports X", "according to X", "described by X".
        let p1 = prev(1);
        let outlet = lexicon::is_outlet_verb(&p1) && !matches!(&*p1, "according" | "via")
            || (p1 == "to" && prev(2) == "according")
            || (p1 == "by"
                && matches!(
                    &*prev(2),
                    "described" | "reported" | "cited" | "quoted" | "published"
                ));
        if outlet && (a < 2 || !v.is_cap(a - 2) || p1 == "to" || p1 == "by") {
            push(
                Label::Org,
                Rule::OUTLET_CUE,
                &[
                    "after '",
                    &surface(
                        v,
                        a.saturating_sub(if p1 == "to" || p1 == "by" { 2 } else { 1 }),
                        a,
                    ),
                    "'",
                ],
            );
            return;
        }
        // A byline: "By John Brown", "By John Brown and Lisa Chen, Reuters".
        if v.s(0) == "By"
            && (a == 1 || matches!(&*p1, "and" | ","))
            && (2..=3).contains(&run.len())
            && !in_capitals
            && v.len() <= 16
            && (b == v.len() || matches!(v.s(b), "," | "and"))
        {
            push(Label::Person, Rule::BYLINE, &["after 'By'"]);
            return;
        }
        // "“…,” said Giorgia Meloni": a name of several words after a speech verb that closes a
        // quotation.
        if lexicon::is_speech_verb(&p1)
            && matches!(&*prev(2), "," | "\"" | "”" | "’" | "'")
            && run.len() >= 2
            && !in_capitals
        {
            push(Label::Person, Rule::SPEAKER, &["after '", &p1, "'"]);
            return;
        }
        // "the city of X", "north of X".
        if p1 == "of" && lexicon::is_place_noun_before_of(&prev(2)) {
            push(
                Label::Place,
                Rule::PLACE_CONTEXT,
                &["after '", &prev(2), " of'"],
            );
            return;
        }
        // "in X", "into X".
        if lexicon::is_place_preposition(&p1)
            && p1 != "from"
            && !v.is_all_caps(a)
            && a >= 1
            && v.kind(a - 1) == TokenKind::Word
        {
            push(Label::Place, Rule::PLACE_CONTEXT, &["after '", &p1, "'"]);
            return;
        }
    }
    if at_chunk_end {
        let n1 = next(1);
        // "the Taza Khormatu district", "the K1 military base".
        if v.spaced(b)
            && !in_capitals
            && (lexicon::is_place_noun_after(&n1)
                || v.is_lower_word(b)
                    && v.spaced(b + 1)
                    && matches!(
                        &*next(2),
                        "base" | "airport" | "field" | "district" | "camp"
                    ))
        {
            // The noun, or the two words before the noun.
            let (sep, n2) = if lexicon::is_place_noun_after(&n1) {
                ("", Cow::Borrowed(""))
            } else {
                (" ", next(2))
            };
            push(
                Label::Place,
                Rule::PLACE_CONTEXT,
                &["before '", &n1, sep, &n2, "'"],
            );
            return;
        }
        // "Kirkuk, Iraq": a name followed by a country (not "Giorgia Meloni, Italy's prime
        // minister").
        if n1 == ","
            && v.is_cap(b + 1)
            && toponyms::find(v.s(b + 1)).is_some_and(|h| h.place.kind == PlaceKind::Country)
            && v.kind(b + 2) != TokenKind::Possessive
            && !initial
        {
            push(
                Label::Place,
                Rule::PLACE_CONTEXT,
                &["before ', ", v.s(b + 1), "'"],
            );
            return;
        }
        // "X fighters", "X spokesman".
        if v.spaced(b)
            && lexicon::is_force_noun(&n1)
            && v.is_lower_word(b)
            && !v.is_all_caps(a)
            && (!initial || n1.starts_with("spokes"))
        {
            push(Label::Org, Rule::ORG_CONTEXT, &["before '", &n1, "'"]);
            return;
        }
        if v.spaced(b) && v.is_lower_word(b) && lower_title_after(v, b) && !initial {
            push(Label::Org, Rule::ORG_CONTEXT, &["before '", &n1, "'"]);
            return;
        }
        // "Rand Paul, who spoke": a name of several words that "who" refers to.
        if n1 == "," && v.is(b + 1, "who") && run.len() >= 2 && !in_capitals {
            push(Label::Person, Rule::SPEAKER, &["before ', who'"]);
            return;
        }
        // "Maria Garcia, a local resident, said", "Maria Garcia, 45, told …": a name set off
        // by a short apposition before a speech verb.
        if n1 == "," && run.len() >= 2 && !in_capitals {
            if let Some(verb) = apposition_then_speech(v, b + 1) {
                push(Label::Person, Rule::SPEAKER, &["before ', …, ", verb, "'"]);
                return;
            }
        }
        // "X said".
        if v.spaced(b) && lexicon::is_speech_verb(&n1) && v.is_lower_word(b) {
            if prev(1) == "the" {
                push(Label::Org, Rule::SPEAKER, &["'the … ", &n1, "'"]);
                return;
            }
            if run.len() >= 2 && !in_capitals {
                push(Label::Person, Rule::SPEAKER, &["before '", &n1, "'"]);
                return;
            }
        }
    }
    // "Hungary's Viktor Orban", "Harry Kane scored": a given name and one or two capitalised
    // words that end no thing's name ("Summer Olympics", "Rose Garden"); not after "the" or
    // "at", where a firm named after its founders stands ("analysts at Morgan Stanley").
    if !in_capitals && !matches!(&*prev(1), "the" | "at") && given_name_then_surname(v, run) {
        push(
            Label::Person,
            Rule::GIVEN_NAME,
            &["given name '", v.s(a), "'"],
        );
        return;
    }
    // "the Pentagon", "the Peshmerga": a single unknown proper name after "the" in mid-sentence
    // names an institution (plurals such as "the Houthis" are left alone).
    if at_chunk_start
        && at_chunk_end
        && run.len() == 1
        && b == a + 1
        && !initial
        && prev(1) == "the"
        && !v.is(b, "of")
        && !v.s(a).ends_with('s')
        && !is_direction(v.s(a))
        && v.kind(a) == TokenKind::Word
    {
        push(Label::Org, Rule::THE_NAME, &["'the ", v.s(a), "'"]);
        return;
    }
    // A bare acronym.
    if run.len() == 1
        && v.is_all_caps(a)
        && b == a + 1
        && !lexicon::is_not_acronym(v.s(a))
        && v.s(a).len() <= 6
    {
        push(Label::Org, Rule::ACRONYM, &[v.s(a)]);
        return;
    }
    if run.len() == 1 && v.kind(a) == TokenKind::Initials && b == a + 1 {
        let bare: String = v.s(a).chars().filter(|c| *c != '.').collect();
        if !lexicon::is_not_acronym(&bare) {
            push(Label::Org, Rule::ACRONYM, &[v.s(a)]);
        }
    }
}

/// True when `run` is two or three words, the first a given name
/// ([`lexicon::is_given_name`]) and the others capitalised like a surname (`Orban`,
/// `McDonald`): none a function word, a title, a month or a direction, and the last
/// no head of an organisation's, a place's or a thing's name.
fn given_name_then_surname(v: TokenView<'_>, run: &[Unit]) -> bool {
    if !(2..=3).contains(&run.len()) {
        return false;
    }
    let word = |u: &Unit| (u.b == u.a + 1 && v.kind(u.a) == TokenKind::Word).then(|| v.s(u.a));
    // Weekdays and full month names never start a unit (`unit_at`); an abbreviated month
    // (`Jan`) can, and is no name here.
    let plain = |w: &str| {
        let lower = w.to_lowercase();
        !lexicon::is_function_word(&lower)
            && !lexicon::is_title(&lower)
            && super::dates::month_of(w).is_none()
            && !is_direction(w)
    };
    let surname = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && plain(w)
    };
    let Some(words) = run.iter().map(word).collect::<Option<Vec<&str>>>() else {
        return false;
    };
    let last = words[words.len() - 1];
    lexicon::is_given_name(words[0])
        && plain(words[0])
        && words[1..].iter().all(|w| surname(w))
        && !lexicon::is_org_head(last)
        && !lexicon::is_place_head(last)
        && !lexicon::is_not_person_head(last)
}

/// The division that token `i` names by its code when it is two or three capitals after a
/// comma and a city's or a town's name of one to three words (`San Jose, CA`).
fn division_code_after_town(v: TokenView<'_>, i: usize) -> Option<toponyms::Hit> {
    let code = v.s(i);
    if !(2..=3).contains(&code.len()) || !code.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    if i < 2 || v.s(i - 1) != "," || !v.is_cap(i - 2) {
        return None;
    }
    let end = i - 1;
    let town = (1..=3.min(end)).rev().find_map(|n| {
        let start = end - n;
        if (start..end).any(|t| !v.is_cap(t)) {
            return None;
        }
        toponyms::find(&surface(v, start, end))
            .filter(|h| h.exact && matches!(h.place.kind, PlaceKind::City | PlaceKind::Town))
    })?;
    toponyms::division_by_code(town.place, code)
}

/// `s` with ASCII letters lowercased, borrowed when it has no uppercase ASCII letter.
fn ascii_lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The speech verb after a short apposition that starts at token `i` (`a local resident,
/// said`, `45, told`): "a", "an" or a number, at most six lowercase words, a comma and the
/// verb.
fn apposition_then_speech(v: TokenView<'_>, i: usize) -> Option<&str> {
    if !(v.is(i, "a") || v.is(i, "an") || v.kind(i) == TokenKind::Number) {
        return None;
    }
    let mut j = i + 1;
    while j <= i + 6 && v.is_lower_word(j) {
        j += 1;
    }
    (v.s(j) == "," && v.is_lower_word(j + 1) && lexicon::is_speech_verb(v.s(j + 1)))
        .then(|| v.s(j + 1))
}

/// True when a lowercase title word starts at token `i` (`Pentagon spokesman`).
fn lower_title_after(v: TokenView<'_>, i: usize) -> bool {
    matches!(
        v.s(i),
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
            | "chief"
            | "commander"
            | "commanders"
            | "leader"
            | "leaders"
            | "envoy"
    )
}

/// Acronym definitions and alternative names stated in the text:
/// `Long Name (ACR)`, `Long Name (AB/CD)`, `(ACR) or Other Name`, and initials of long names.
/// Each alias is recorded in `names` (the first long form given for it wins).
fn definitions<'a>(
    text: &'a str,
    paras: &[&'a [Token]],
    found: &[Found],
    names: &mut NameTable<'a>,
    strings: &mut Interner,
) {
    let mut define = |names: &mut NameTable<'a>, alias: Cow<'a, str>, label, long: &str| {
        names.insert(
            strings,
            alias,
            label,
            |s| Some(s.intern(long)),
            Rule::ACRONYM_DEFINITION,
            Evidence::BeforeCanonical("defined as "),
        );
    };
    // Long forms by (paragraph, end token).
    let mut by_end: HashMap<(usize, usize), &Found> = HashMap::default();
    for f in found {
        // Only names right before a "(" can be defined.
        let before_paren = paras[f.para].get(f.b).map(|t| t.span.slice(text)) == Some("(");
        if before_paren && matches!(f.label, Label::Org | Label::Place | Label::Person) {
            let e = by_end.entry((f.para, f.b)).or_insert(f);
            if f.b - f.a > e.b - e.a {
                *e = f;
            }
        }
    }
    // Every "(" that ends a long form, in text order (no scan of all the tokens).
    let mut ends: Vec<(usize, usize)> = by_end.keys().copied().collect();
    ends.sort_unstable();
    let mut acrs = Vec::new();
    for (p, i) in ends {
        let v = TokenView {
            text,
            toks: paras[p],
        };
        let f = by_end[&(p, i)];
        // (ACR) or (AB/CD)
        let mut j = i + 1;
        acrs.clear();
        while v.is_all_caps(j) || v.kind(j) == TokenKind::Initials {
            acrs.push(v.s(j));
            if v.s(j + 1) == "/" {
                j += 2;
            } else {
                j += 1;
                break;
            }
        }
        // A name in capitals is a dateline, not a long form: "NEW YORK (AP)".
        if acrs.is_empty() || v.s(j) != ")" || (f.a..f.b).all(|t| v.is_all_caps(t)) {
            continue;
        }
        let long = f
            .canonical
            .as_deref()
            .map_or_else(|| surface(v, f.a, f.b), Cow::Borrowed);
        let label = if f.label == Label::Person {
            Label::Org
        } else {
            f.label
        };
        for &acr in &acrs {
            define(names, Cow::Borrowed(acr), label, &long);
        }
        // ") or Other Name"
        if v.is(j + 1, "or") {
            if let Some(e) = cap_run(v, j + 2) {
                define(names, surface(v, j + 2, e), label, &long);
            }
        }
    }
    // Initials: "UN" / "U.N." for "United Nations", when the article names the long form.
    let (mut initials, mut dotted) = (String::new(), String::new());
    for f in found {
        if f.label != Label::Org || f.b - f.a < 2 {
            continue;
        }
        let v = TokenView {
            text,
            toks: paras[f.para],
        };
        initials.clear();
        initials.extend(
            (f.a..f.b)
                .filter(|&i| v.is_cap(i) && v.kind(i) == TokenKind::Word)
                .filter_map(|i| v.s(i).chars().next()),
        );
        if initials.chars().count() >= 2 {
            dotted.clear();
            dotted.extend(initials.chars().flat_map(|c| [c, '.']));
            let plain_known = names.refuses(&initials);
            let dotted_known = names.refuses(&dotted);
            if plain_known && dotted_known {
                continue;
            }
            let long = surface(v, f.a, f.b);
            if !plain_known {
                define(names, Cow::Owned(initials.clone()), Label::Org, &long);
            }
            if !dotted_known {
                define(names, Cow::Owned(dotted.clone()), Label::Org, &long);
            }
        }
    }
}
