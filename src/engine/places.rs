//! Places: PLACE mentions resolved to gazetteer records, grouped into one row per canonical
//! place, with distances, directions and the distance claims a text makes.
//!
//! Resolution ([`resolve_mentions`]) looks each mention's surface up in the
//! [`Gazetteer`] and, when several records share the name,
//! scores them by:
//!
//! - how the name matched (exactly, or through transliteration folding);
//! - the kind of record (countries, then cities, divisions, towns);
//! - cue words in the text: "province of X", "governor of X", "X Governorate" point to the
//!   first-level division; "city of X" to the city;
//! - the article's countries: every mention votes for the country of its best candidate, and
//!   candidates in the most-voted countries gain;
//! - proximity to the other places of the article, and population.
//!
//! Every resolution keeps its candidates and a human-readable reason; a mention no record
//! matches stays, marked unresolved (`place: None`), with a kind guessed from its context
//! ("the K1 military base" → facility).
//!
//! [`place_list`] then groups each document's [`digest::DocPlaces`] (the resolutions reduced to
//! record indexes) by record into [`PlaceRow`]s, most mentioned first, with the
//! stated-distance [`claims`] checked against the gazetteer.

pub mod claims;
pub mod digest;
pub mod geo;
pub mod rows;

use crate::engine::fxhash::FxHashMap;
use crate::engine::gazetteer::fold::fold;
use crate::engine::gazetteer::{Candidate, Gazetteer, MatchKind, Place, PlaceIndex, PlaceKind};
use crate::engine::label::Label;
use crate::engine::mention::{Mention, Why};
use crate::engine::span::Span;
use crate::engine::tag::{tag, TagOptions};
use claims::Claim;
use digest::DocPlaces;
use geo::{apart_by_latitude, distance_km, LatLon};
use rows::PlaceRows;
use serde::Serialize;
use std::borrow::Borrow;

/// A record one mention may name, with the score the resolver gave it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoredCandidate {
    /// The record's gazetteer id, e.g. `geonames:94787`.
    pub id: String,
    /// The record's name.
    pub name: String,
    /// Its kind.
    pub kind: PlaceKind,
    /// Its country.
    pub country: String,
    /// Its first-level division, if any.
    pub admin1: Option<String>,
    /// Its population (0 for divisions).
    pub population: u64,
    /// The resolver's score: higher is likelier.
    pub score: f64,
}

/// One PLACE mention and the record it was resolved to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionResolution {
    /// Where the mention is in its text (bytes).
    pub span: Span,
    /// The mention's text.
    pub surface: String,
    /// The place's canonical name: the record's name, or for an unresolved mention the
    /// tagger's canonical.
    pub canonical: String,
    /// The chosen record; `None` when no record matches (unresolved).
    pub place: Option<Place>,
    /// The chosen record's index in the gazetteer it was resolved against.
    pub index: Option<PlaceIndex>,
    /// The record's kind, or a kind guessed from the context for an unresolved mention.
    pub kind: Option<PlaceKind>,
    /// Every record considered, best first (empty when unresolved).
    pub candidates: Vec<ScoredCandidate>,
    /// Why this record was chosen, or why none was.
    pub reason: String,
}

impl MentionResolution {
    /// True when the mention was resolved to a gazetteer record.
    #[must_use]
    pub fn is_resolved(&self) -> bool {
        self.place.is_some()
    }
}

/// What the text around a mention says about the kind of place it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    None,
    /// "province of X", "governor of X", "X Governorate".
    Division,
    /// "city of X", "X city", "town of X".
    Settlement,
    /// "X district".
    District,
    /// "X military base", "X airport".
    Facility,
}

/// Words before "of X" that point to a first-level division.
const DIVISION_BEFORE: [&str; 9] = [
    "province",
    "provinces",
    "governorate",
    "governorates",
    "governor",
    "region",
    "regions",
    "state",
    "emirate",
];
/// Words before "of X" that point to a city or town.
const SETTLEMENT_BEFORE: [&str; 5] = ["city", "town", "village", "mayor", "outskirts"];
/// Words after "X" that say what it is.
const FACILITY_AFTER: [&str; 12] = [
    "base", "airport", "airbase", "air", "airfield", "dam", "refinery", "camp", "prison", "bridge",
    "crossing", "port",
];

/// Resolves every PLACE mention of `mentions` (other labels are skipped) against `g`, using
/// the whole text as context. The result is in text order.
#[must_use]
pub fn resolve_mentions(g: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<MentionResolution> {
    decide(g, text, mentions)
        .iter()
        .map(|d| d.resolution(text))
        .collect()
}

/// The resolver's decision about one PLACE mention, before any of it is written out as text:
/// [`Decision::resolution`] spells it out, the place list's digest keeps only its outcome.
pub(crate) struct Decision<'a, 'g> {
    mention: &'a Mention,
    /// Every record considered, scored, best first (empty when no record has the name).
    scored: Vec<Scored<'g>>,
    /// The form of the surface that found the records.
    via: &'a str,
    cue: Cue,
    /// For "Northern Iraq": the name of the place it is a part of.
    part_of: Option<&'g str>,
    /// The best record is a small place far from the article's others: left unresolved.
    far: bool,
    /// The best record is a small place outside the article's main country, named here only
    /// by one of its alternate names: left unresolved.
    stray: bool,
}

/// A candidate record with its score and the factors that raised it.
struct Scored<'g> {
    score: f64,
    why: Reasons,
    candidate: Candidate<'g>,
    /// A settlement named here only by one of its alternate names (GeoNames lists "Cumbria"
    /// for Cumberland, Maryland, and "Luguvalium" for Carlisle): weaker evidence than its name.
    by_alternate: bool,
}

/// Decides every PLACE mention of `mentions` (other labels are skipped), in text order.
pub(crate) fn decide<'a, 'g>(
    g: &'g Gazetteer,
    text: &'a str,
    mentions: &'a [Mention],
) -> Vec<Decision<'a, 'g>> {
    // Pass 1: candidates and cues, context-free. An article names the same place many
    // times: each surface is looked up once.
    let mut looked_up: FxHashMap<(&str, &str), Found<'a, 'g>> = FxHashMap::default();
    let mut found: Vec<Decision<'a, 'g>> = mentions
        .iter()
        .filter(|m| m.label == Label::Place)
        .map(|m| {
            let surface = m.span.slice(text);
            let records = looked_up
                .entry((surface, &m.canonical))
                .or_insert_with(|| candidates_for(g, surface, &m.canonical))
                .clone();
            let (cands, via, part_of) = match records {
                Found::Name(c, via) => (c, via, None),
                Found::PartOf(c) => (Vec::new(), "", Some(c[0].place.name.as_str())),
                Found::Nothing => (Vec::new(), "", None),
            };
            let named = fold(via);
            let scored: Vec<Scored> = cands
                .into_iter()
                .map(|candidate| Scored {
                    score: 0.0,
                    why: Reasons::default(),
                    by_alternate: candidate.place.kind.is_settlement()
                        && fold(&candidate.place.name) != named,
                    candidate,
                })
                .collect();
            Decision {
                mention: m,
                scored,
                via,
                cue: cue(text, m.span),
                part_of,
                far: false,
                stray: false,
            }
        })
        .collect();
    // The article's countries: one vote per mention, for its most populous candidate's
    // country; a quarter of one when that is a settlement named by an alternate name.
    let mut votes: FxHashMap<&str, f64> = FxHashMap::default();
    for d in &found {
        if let Some(c) = most_populous(&d.scored) {
            *votes
                .entry(c.candidate.place.country_code.as_str())
                .or_default() += if c.by_alternate { 0.25 } else { 1.0 };
        }
    }
    let max_votes = votes.values().copied().fold(0.0_f64, f64::max).max(1.0);
    // Where each mention's likeliest place is, for the far-away check (a settlement named by
    // an alternate name says too little about where the article is).
    let tops: Vec<Option<LatLon>> = found
        .iter()
        .map(|d| {
            most_populous(&d.scored)
                .filter(|c| !c.by_alternate)
                .map(|c| LatLon::from(c.candidate.place))
        })
        .collect();
    // Where the unambiguous places are (countries excluded: too large to be neighbours).
    let anchors: Vec<(usize, LatLon)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match d.scored.as_slice() {
            [only] if only.candidate.place.kind != PlaceKind::Country => {
                Some((i, LatLon::from(only.candidate.place)))
            }
            _ => None,
        })
        .collect();
    // Pass 2: score with context.
    for (i, d) in found.iter_mut().enumerate() {
        let ctx = Context {
            index: i,
            cue: d.cue,
            votes: &votes,
            max_votes,
            anchors: &anchors,
            tops: &tops,
        };
        for s in &mut d.scored {
            (s.score, s.why) = score(&s.candidate, &ctx);
            if s.by_alternate {
                s.score -= 1.0;
            }
        }
        d.scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        d.far = d
            .scored
            .first()
            .is_some_and(|best| far_away(best.candidate.place, &ctx));
        d.stray = d
            .scored
            .first()
            .is_some_and(|best| stray_alternate(best, &ctx));
    }
    found
}

impl<'a, 'g> Decision<'a, 'g> {
    /// Where the mention is (bytes).
    pub(crate) fn span(&self) -> Span {
        self.mention.span
    }

    /// The chosen record, if any.
    pub(crate) fn chosen(&self) -> Option<&Candidate<'g>> {
        match self.scored.first() {
            Some(best) if !self.far && !self.stray => Some(&best.candidate),
            _ => None,
        }
    }

    /// The record's kind, or the kind the context suggests for an unresolved mention.
    pub(crate) fn kind(&self) -> Option<PlaceKind> {
        if self.scored.is_empty() {
            match self.cue {
                _ if self.part_of.is_some() => Some(PlaceKind::Region),
                Cue::Facility => Some(PlaceKind::Facility),
                Cue::District => Some(PlaceKind::District),
                Cue::Division => Some(PlaceKind::Province),
                Cue::Settlement => Some(PlaceKind::City),
                Cue::None => None,
            }
        } else {
            self.chosen().map(|c| c.place.kind)
        }
    }

    /// How many records were considered.
    pub(crate) fn choices(&self) -> usize {
        self.scored.len()
    }

    /// The canonical name: the record's, or for an unresolved mention the tagger's (the
    /// surface when the tagger's is blank, or when the only records of the name are far away,
    /// since the tagger's canonical may be that far-away record's name).
    pub(crate) fn canonical<'s>(&'s self, text: &'s str) -> &'s str {
        let surface = self.mention.span.slice(text);
        match self.chosen() {
            Some(c) => &c.place.name,
            None if self.far || self.stray => strip_possessive(surface),
            None if self.mention.canonical.trim().is_empty() => surface,
            None => &self.mention.canonical,
        }
    }

    /// The resolved record's coordinates, if resolved.
    pub(crate) fn location(&self) -> Option<LatLon> {
        self.chosen().map(|c| LatLon::from(c.place))
    }

    /// The decision spelled out: the record, every candidate and the reason in words.
    fn resolution(&self, text: &str) -> MentionResolution {
        let surface = self.mention.span.slice(text).to_string();
        let candidates: Vec<ScoredCandidate> = self
            .scored
            .iter()
            .map(|s| {
                let p = s.candidate.place;
                ScoredCandidate {
                    id: p.id.to_string(),
                    name: p.name.clone(),
                    kind: p.kind,
                    country: p.country.clone(),
                    admin1: p.admin1.clone(),
                    population: p.population,
                    score: (s.score * 100.0).round() / 100.0,
                }
            })
            .collect();
        let reason = match (self.scored.first(), self.chosen()) {
            (None, _) => match self.part_of {
                Some(whole) => format!("unresolved: a part of {whole}, which has no record"),
                None => "unresolved: no gazetteer record has this name".to_string(),
            },
            (Some(best), None) if !self.far => format!(
                "unresolved: this is only an alternate name of a small place outside the \
                 country the article is mostly about ({} in {})",
                best.candidate.place.kind, best.candidate.place.country
            ),
            (Some(best), None) => format!(
                "unresolved: the records of this name ({} in {}) lie far from the article's \
                 other places",
                best.candidate.place.kind, best.candidate.place.country
            ),
            (Some(best), Some(_)) => {
                let mut reason = format!(
                    "{} match of {:?}",
                    match best.candidate.how {
                        MatchKind::Exact => "exact",
                        MatchKind::Folded => "transliteration",
                    },
                    self.via
                );
                if self.scored.len() > 1 {
                    reason.push_str(&format!(" among {} candidates", self.scored.len()));
                    let why: Vec<&str> = best.why.phrases().collect();
                    if !why.is_empty() {
                        reason.push_str(": ");
                        reason.push_str(&why.join(", "));
                    }
                }
                reason
            }
        };
        MentionResolution {
            span: self.mention.span,
            canonical: self.canonical(text).to_string(),
            surface,
            place: self.chosen().map(|c| c.place.clone()),
            index: self.chosen().map(|c| c.index),
            kind: self.kind(),
            candidates,
            reason,
        }
    }
}

struct Context<'a> {
    index: usize,
    cue: Cue,
    votes: &'a FxHashMap<&'a str, f64>,
    max_votes: f64,
    anchors: &'a [(usize, LatLon)],
    /// The likeliest place of every mention.
    tops: &'a [Option<LatLon>],
}

/// A small place further than this from every other place of the article, in a country no
/// other mention names, is taken for a homonym and left unresolved (Rawa, Iraq, is not in
/// the table; Rawa Mazowiecka, Poland, is).
const FAR_KM: f64 = 1500.0;

/// Proximity to an unambiguous place of the article within this distance raises a candidate.
const NEAR_KM: f64 = 300.0;

/// The records a mention may name, and which form of it found them.
///
/// When the whole surface names nothing, a leading demonym is dropped ("Iraqi Kurdistan" →
/// "Kurdistan"); a leading direction ("Northern Iraq") is reported as [`Found::PartOf`], a part
/// of the place the rest names, which the gazetteer does not have.
fn candidates_for<'a, 'g>(g: &'g Gazetteer, surface: &'a str, canonical: &'a str) -> Found<'a, 'g> {
    let surface = strip_possessive(surface.trim());
    let mut forms: Vec<&str> = vec![surface];
    if !canonical.is_empty() && canonical != surface {
        forms.push(canonical);
    }
    for f in forms {
        let c = g.lookup(f);
        if !c.is_empty() {
            return Found::Name(c, f);
        }
    }
    if let Some((first, rest)) = surface.split_once(' ') {
        let c = g.lookup(rest);
        if !c.is_empty() {
            if DIRECTIONS.contains(&first) {
                return Found::PartOf(c);
            }
            if is_demonym(first) {
                return Found::Name(c, rest);
            }
        }
    }
    Found::Nothing
}

/// What [`candidates_for`] found.
#[derive(Clone)]
enum Found<'a, 'g> {
    /// Records named by the surface (or the form of it given).
    Name(Vec<Candidate<'g>>, &'a str),
    /// A part ("Northern …") of the records named by the rest of the surface.
    PartOf(Vec<Candidate<'g>>),
    /// Nothing.
    Nothing,
}

/// Capitalised words that make a place name a part of a larger place.
const DIRECTIONS: [&str; 12] = [
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Upper",
    "Lower",
    "Greater",
];

/// A capitalised adjective of nationality: "Iraqi", "Syrian", "Lebanese", "Kurdish".
fn is_demonym(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.len() > 3
        && ["i", "ian", "ese", "ish", "an"]
            .iter()
            .any(|s| w.ends_with(s))
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// The cue words right around `span`.
fn cue(text: &str, span: Span) -> Cue {
    let before = &text[..span.start()];
    let mut prev = before.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    });
    let after = &text[span.end()..];
    let next: Vec<String> = after
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    // Only a word directly after the name counts (no punctuation between).
    let joined = after.starts_with(' ');
    if joined {
        if let Some(n) = next.first() {
            match n.as_str() {
                "province" | "governorate" => return Cue::Division,
                "city" | "town" | "village" => return Cue::Settlement,
                "district" | "subdistrict" => return Cue::District,
                _ => {}
            }
            if FACILITY_AFTER.contains(&n.as_str())
                || next
                    .get(1)
                    .is_some_and(|w| FACILITY_AFTER.contains(&w.as_str()))
                    && matches!(n.as_str(), "military" | "air" | "international" | "oil")
            {
                return Cue::Facility;
            }
        }
    }
    if prev.next().as_deref() == Some("of") {
        if let Some(w) = prev.next() {
            if DIVISION_BEFORE.contains(&w.as_str()) {
                return Cue::Division;
            }
            if SETTLEMENT_BEFORE.contains(&w.as_str()) {
                return Cue::Settlement;
            }
        }
    }
    Cue::None
}

/// The record of the most inhabitants among `scored` (the first of them on a tie): before the
/// context is weighed, the likeliest.
fn most_populous<'s, 'g>(scored: &'s [Scored<'g>]) -> Option<&'s Scored<'g>> {
    // `max_by_key` keeps the last of equals: reversed, that is the first.
    scored
        .iter()
        .rev()
        .max_by_key(|s| s.candidate.place.population)
}

/// A small place named only by an alternate name, in a country with fewer of the article's
/// places than another: an English article that says "Cumbria" next to Carlisle and London
/// does not mean Cumberland, Maryland. Alone, with nothing to compare with, it stands.
fn stray_alternate(best: &Scored<'_>, ctx: &Context<'_>) -> bool {
    let p = best.candidate.place;
    let here = ctx
        .votes
        .get(p.country_code.as_str())
        .copied()
        .unwrap_or(0.0);
    best.by_alternate
        && matches!(
            p.kind,
            PlaceKind::Town | PlaceKind::District | PlaceKind::Facility
        )
        && ctx.votes.values().any(|&v| v > here)
}

/// True for a town (or smaller) in a country no other mention points to, further than
/// [`FAR_KM`] from every other mention's likeliest place.
fn far_away(p: &Place, ctx: &Context<'_>) -> bool {
    if !matches!(
        p.kind,
        PlaceKind::Town | PlaceKind::District | PlaceKind::Facility
    ) {
        return false;
    }
    if ctx
        .votes
        .get(p.country_code.as_str())
        .copied()
        .unwrap_or(0.0)
        > 1.0
    {
        return false;
    }
    let here = LatLon::from(p);
    let mut others = ctx
        .tops
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != ctx.index)
        .filter_map(|(_, t)| *t)
        .peekable();
    others.peek().is_some()
        && others.all(|t| apart_by_latitude(here, t, FAR_KM) || distance_km(here, t) > FAR_KM)
}

/// The factors that raised a candidate's score, for the reason given to the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Reasons(u8);

impl Reasons {
    const DIVISION_CUE: u8 = 1;
    const SETTLEMENT_CUE: u8 = 2;
    const MAIN_COUNTRY: u8 = 4;
    const NEAR: u8 = 8;
    /// Each factor's words, in the order the reason lists them.
    const PHRASES: [(u8, &'static str); 4] = [
        (
            Self::DIVISION_CUE,
            "the text calls it a province or governorate",
        ),
        (Self::SETTLEMENT_CUE, "the text calls it a city or town"),
        (
            Self::MAIN_COUNTRY,
            "in the country the article is mostly about",
        ),
        (Self::NEAR, "near other places the article names"),
    ];

    /// The words of each factor present.
    fn phrases(self) -> impl Iterator<Item = &'static str> {
        Self::PHRASES
            .into_iter()
            .filter(move |&(bit, _)| self.0 & bit != 0)
            .map(|(_, words)| words)
    }
}

/// A candidate's score and the factors that raised it.
fn score(c: &Candidate<'_>, ctx: &Context<'_>) -> (f64, Reasons) {
    let p = c.place;
    let mut why = 0;
    let mut s = match c.how {
        MatchKind::Exact => 2.0,
        MatchKind::Folded => 1.0,
    };
    s += match p.kind {
        PlaceKind::Country => 3.0,
        PlaceKind::City => 2.0,
        PlaceKind::Region | PlaceKind::Province => 1.0,
        PlaceKind::Town | PlaceKind::District | PlaceKind::Facility => 0.5,
    };
    match ctx.cue {
        Cue::Division if p.kind.is_division() => {
            s += 4.0;
            why |= Reasons::DIVISION_CUE;
        }
        Cue::Division if p.kind.is_settlement() => s -= 1.0,
        Cue::Settlement if p.kind.is_settlement() => {
            s += 1.5;
            why |= Reasons::SETTLEMENT_CUE;
        }
        Cue::District | Cue::Facility if p.kind.is_settlement() => s += 0.5,
        _ => {}
    }
    let v = ctx
        .votes
        .get(p.country_code.as_str())
        .copied()
        .unwrap_or(0.0);
    if v > 0.0 {
        s += 3.0 * v / ctx.max_votes;
        if v >= ctx.max_votes {
            why |= Reasons::MAIN_COUNTRY;
        }
    }
    if p.kind != PlaceKind::Country {
        let here = LatLon::from(p);
        let near = ctx.anchors.iter().any(|&(i, a)| {
            i != ctx.index
                && !apart_by_latitude(here, a, NEAR_KM)
                && distance_km(here, a) <= NEAR_KM
        });
        if near {
            s += 1.5;
            why |= Reasons::NEAR;
        }
    }
    s += crate::engine::float_math::log10((p.population as f64) + 1.0) / 8.0;
    (s, Reasons(why))
}

/// One mention of a place in a corpus: which document and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MentionRef {
    /// Index of the document in the slice given to [`place_list`].
    pub doc: usize,
    /// The mention's span in that document (bytes).
    pub span: Span,
}

/// A claim about a place, with the document it is in and the reference place's name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowClaim {
    /// Index of the document.
    pub doc: usize,
    /// Canonical name of the place the distance is measured from.
    pub reference: String,
    /// The claim and its comparison with the gazetteer.
    pub claim: Claim,
}

/// One canonical place of a corpus: the place list's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceRow {
    /// Canonical name ("Tuz Khurmatu", "Kirkuk Governorate"; the tagger's canonical when
    /// unresolved).
    pub canonical: String,
    /// Its kind (guessed from the context when unresolved, `None` if there was no cue).
    pub kind: Option<PlaceKind>,
    /// The gazetteer record; `None` when unresolved.
    pub place: Option<Place>,
    /// Every mention, in document then text order.
    pub mentions: Vec<MentionRef>,
    /// The distinct surface forms, in order of first appearance.
    pub surfaces: Vec<String>,
    /// The mention whose resolution explains the row best ([`digest::explain`]): the first
    /// with more than one candidate (where the choice was hardest), else the first.
    pub explained_by: MentionRef,
    /// Distances and directions the texts state for this place.
    pub claims: Vec<RowClaim>,
}

impl PlaceRow {
    /// The contract's `parent`: the first-level division of a city or town, `None` for a
    /// country, a division, or an unresolved place.
    #[must_use]
    pub fn parent(&self) -> Option<&str> {
        self.place.as_ref().and_then(Place::parent)
    }

    /// The real-world unit containing it (division, else country): see [`Place::container`].
    #[must_use]
    pub fn container(&self) -> Option<&str> {
        self.place.as_ref().and_then(Place::container)
    }

    /// The gazetteer id (`geonames:90199`), `None` when unresolved.
    #[must_use]
    pub fn gazetteer_id(&self) -> Option<String> {
        self.place.as_ref().map(|p| p.id.to_string())
    }

    /// The hierarchy as a path, the place first: "Taza Khurmatu › Kirkuk Governorate › Iraq".
    #[must_use]
    pub fn path(&self) -> String {
        let mut parts = vec![self.canonical.as_str()];
        if let Some(p) = &self.place {
            if let Some(a) = p.admin1.as_deref() {
                parts.push(a);
            }
            if p.kind != PlaceKind::Country && !p.country.is_empty() {
                parts.push(&p.country);
            }
        }
        parts.join(" › ")
    }

    /// The row's claims with repeats folded: one group per claim text, reference place and
    /// verdict, in order of first appearance, with how many times it was made. (A large
    /// corpus repeats the same "130 miles north of Baghdad" in hundreds of articles.)
    #[must_use]
    pub fn claim_groups(&self) -> Vec<ClaimGroup<'_>> {
        let mut groups: Vec<ClaimGroup<'_>> = Vec::new();
        for c in &self.claims {
            let same = |g: &&mut ClaimGroup<'_>| {
                g.first.claim.text == c.claim.text
                    && g.first.reference == c.reference
                    && g.first.claim.verdict() == c.claim.verdict()
            };
            match groups.iter_mut().find(same) {
                Some(g) => g.times += 1,
                None => groups.push(ClaimGroup { first: c, times: 1 }),
            }
        }
        groups
    }
}

/// Claims of one row that say the same thing: see [`PlaceRow::claim_groups`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimGroup<'r> {
    /// The first of them.
    pub first: &'r RowClaim,
    /// How many claims the group holds (1 or more).
    pub times: usize,
}

/// Groups the place digests of several documents into one row per place, most mentioned
/// first (ties by name). `docs[i]` is document `i`'s text and its [`DocPlaces`], resolved
/// against `g`.
#[must_use]
pub fn place_list<D: Borrow<DocPlaces>>(g: &Gazetteer, docs: &[(&str, D)]) -> Vec<PlaceRow> {
    let mut rows = PlaceRows::new(g);
    for (text, places) in docs {
        rows.add(text, places.borrow());
    }
    rows.into_sorted()
}

/// Tags each text, resolves its PLACE mentions against `g` and groups them: the whole
/// pipeline behind `newslens places`.
#[must_use]
pub fn place_list_for_texts(g: &Gazetteer, texts: &[&str], options: &TagOptions) -> Vec<PlaceRow> {
    let docs: Vec<(&str, DocPlaces)> = texts
        .iter()
        .map(|t| (*t, DocPlaces::resolve(g, t, &tag(t, options))))
        .collect();
    place_list(g, &docs)
}

/// The whole output of `newslens places` for these texts: one contract line per place, each
/// ending in a newline, most mentioned first.
#[must_use]
pub fn contract_lines(g: &Gazetteer, texts: &[&str], options: &TagOptions) -> String {
    let mut out = String::new();
    for row in place_list_for_texts(g, texts, options) {
        out.push_str(&contract_json(&row));
        out.push('\n');
    }
    out
}

/// One output line of `newslens places`, in the contract's field order.
#[derive(Serialize)]
struct ContractLine<'a> {
    canonical: &'a str,
    kind: Option<&'static str>,
    lat: Option<f64>,
    lon: Option<f64>,
    parent: Option<&'a str>,
    country: Option<&'a str>,
    gazetteer_id: Option<String>,
    mentions: usize,
    surface: &'a [String],
}

/// The row as the contract's JSON object (one line, no newline).
///
/// ```
/// use newslens::engine::gazetteer::Gazetteer;
/// use newslens::engine::places::digest::DocPlaces;
/// use newslens::engine::places::{contract_json, place_list, place_mentions_in};
/// // A two-record table in the generated format (the app uses the core or full table).
/// let g = Gazetteer::parse(
///     "C\t99237\tIQ\tIraq\t33.5\t44.6\t38433600\t\n\
///      A\tIQ-KI\tGovernorate\tKirkuk Governorate\t35.3\t44.0\t\t\n\
///      P\t90199\tTaza Khurmatu\t35.30236\t44.32637\tIQ\tIQ-KI\t21788\tTazah Khurmatu\n",
/// )
/// .unwrap();
/// let text = "Fighting near Taza Khormatu.";
/// let rows = place_list(&g, &[(text, DocPlaces::resolve(&g, text, &place_mentions_in(&g, text)))]);
/// assert_eq!(
///     contract_json(&rows[0]),
///     r#"{"canonical":"Taza Khurmatu","kind":"town","lat":35.30236,"lon":44.32637,"parent":"Kirkuk Governorate","country":"Iraq","gazetteer_id":"geonames:90199","mentions":1,"surface":["Taza Khormatu"]}"#
/// );
/// ```
#[must_use]
pub fn contract_json(row: &PlaceRow) -> String {
    let line = ContractLine {
        canonical: &row.canonical,
        kind: row.kind.map(PlaceKind::as_str),
        lat: row.place.as_ref().map(|p| p.lat),
        lon: row.place.as_ref().map(|p| p.lon),
        parent: row.parent(),
        country: row.place.as_ref().map(|p| p.country.as_str()),
        gazetteer_id: row.gazetteer_id(),
        mentions: row.mentions.len(),
        surface: &row.surfaces,
    };
    serde_json::to_string(&line).unwrap_or_default()
}

/// A gazetteer-only recogniser: every capitalised word sequence of `text` that names a
/// place, as PLACE mentions (longest match, possessives left out). Coarser than the entity
/// engine's tagger; for tests, examples, and texts tagged without it.
#[must_use]
pub fn place_mentions_in(g: &Gazetteer, text: &str) -> Vec<Mention> {
    // Words: (span of the word without surrounding punctuation, ends a phrase?).
    let mut words: Vec<(Span, bool)> = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, words: &mut Vec<(Span, bool)>| {
        let raw = &text[s..e];
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let mut core = &raw[lead..];
        let mut ends = false;
        // Keep the dots of abbreviations ("U.S."), drop other trailing punctuation.
        let trimmed = core.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if trimmed.len() < core.len() {
            ends = true;
        }
        core = trimmed;
        if core.ends_with('.') && !core[..core.len() - 1].contains('.') {
            core = &core[..core.len() - 1];
            ends = true;
        }
        let core = strip_possessive(core);
        if !core.is_empty() {
            let b = s + lead;
            words.push((Span::new(b, b + core.len()), ends));
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                push(s, i, &mut words);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut words);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].0.slice(text);
        if !w.starts_with(char::is_uppercase) || !g.could_start(w) {
            i += 1;
            continue;
        }
        let end = (i..words.len())
            .find(|&k| words[k].1)
            .map_or(words.len(), |k| k + 1)
            .min(i + g.max_words());
        let seq: Vec<&str> = words[i..end].iter().map(|(s, _)| s.slice(text)).collect();
        match g.match_words(&seq) {
            Some(m)
                if m.candidates[0].how == MatchKind::Exact
                    || m.words > 1
                    || m.candidates[0].place.population >= 100_000 =>
            {
                let span = Span::new(words[i].0.start(), words[i + m.words - 1].0.end());
                let p = m.candidates[0].place;
                out.push(Mention {
                    span,
                    label: Label::Place,
                    canonical: p.name.as_str().into(),
                    why: Why::new(crate::engine::rule::Rule::GAZETTEER, p.id.to_string()),
                });
                i += m.words;
            }
            _ => i += 1,
        }
    }
    out
}
