//! Stated distances and directions ("130 miles (210 kilometers) north of Baghdad") checked
//! against the gazetteer's coordinates.

use super::geo::{angle_between, Compass, LatLon, Relative, KM_PER_MILE};
use super::{Decision, MentionResolution};
use crate::engine::span::Span;
use serde::{Deserialize, Serialize};

/// How a stated figure compares with the gazetteer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Agreement {
    /// Distance within 15 %, direction within one 16-point step (22.5°).
    Agrees,
    /// Distance within 35 % (roads are longer than great circles), direction within 45°.
    Roughly,
    /// Further off than that.
    Disagrees,
}

impl Agreement {
    /// "agrees", "roughly", "disagrees".
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Agrees => "agrees",
            Agreement::Roughly => "roughly",
            Agreement::Disagrees => "disagrees",
        }
    }

    fn of_distance(stated: f64, actual: f64) -> Agreement {
        let off = (stated - actual).abs() / actual.max(1.0);
        if off <= 0.15 {
            Agreement::Agrees
        } else if off <= 0.35 {
            Agreement::Roughly
        } else {
            Agreement::Disagrees
        }
    }

    fn of_direction(stated: Compass, bearing: f64) -> Agreement {
        let off = angle_between(stated.degrees(), bearing);
        if off <= 22.5 {
            Agreement::Agrees
        } else if off <= 45.0 {
            Agreement::Roughly
        } else {
            Agreement::Disagrees
        }
    }
}

/// A distance or direction a text states between two place mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The claim's text in the article: from the figure (or direction word) to "of".
    pub span: Span,
    /// That text, e.g. "130 miles (210 kilometers) north of".
    pub text: String,
    /// Index (into the resolutions given to [`find_claims`]) of the place the claim is about.
    pub subject: usize,
    /// Index of the place it is measured from (the one after "of").
    pub reference: usize,
    /// The stated distance in kilometres (a metric figure when the text gives one).
    pub stated_km: Option<f64>,
    /// The stated direction of the subject as seen from the reference.
    pub stated_direction: Compass,
    /// The gazetteer's figures, when both places are resolved.
    pub actual: Option<Relative>,
    /// How the stated distance compares (`None` without a stated distance or coordinates).
    pub distance: Option<Agreement>,
    /// How the stated direction compares (`None` without coordinates).
    pub direction: Option<Agreement>,
}

impl Claim {
    /// The worse of the two comparisons, `None` when nothing could be checked.
    #[must_use]
    pub fn verdict(&self) -> Option<Agreement> {
        let rank = |a: Agreement| match a {
            Agreement::Agrees => 0,
            Agreement::Roughly => 1,
            Agreement::Disagrees => 2,
        };
        [self.distance, self.direction]
            .into_iter()
            .flatten()
            .max_by_key(|&a| rank(a))
    }
}

/// Finds every "[N unit [(M unit)]] DIRECTION of PLACE" whose PLACE is one of `resolved`
/// and that follows another resolved place mention in the same line (within 250 bytes), and
/// compares it with the gazetteer.
///
/// `resolved` must be sorted by span (as [`super::resolve_mentions`] returns them).
///
/// ```
/// use newslens::engine::gazetteer::Gazetteer;
/// use newslens::engine::places::{claims::find_claims, resolve_mentions, place_mentions_in};
/// let g = Gazetteer::parse(
///     "P\t98182\tBaghdad\t33.34058\t44.40088\tIQ\t\t7216000\t\n\
///      P\t90026\tTuz Khurmatu\t34.88808\t44.63256\tIQ\t\t120712\t\n",
/// )
/// .unwrap();
/// let text = "They patrol in Tuz Khormato, 130 miles (210 kilometers) north of Baghdad.";
/// let r = resolve_mentions(&g, text, &place_mentions_in(&g, text));
/// let c = find_claims(text, &r);
/// assert_eq!(c[0].text, "130 miles (210 kilometers) north of");
/// assert_eq!(c[0].stated_km, Some(210.0));
/// assert!((c[0].actual.unwrap().km - 173.0).abs() < 2.0);
/// ```
#[must_use]
pub fn find_claims<M: Located>(text: &str, resolved: &[M]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (ri, reference) in resolved.iter().enumerate() {
        let before = &text[..reference.span().start()];
        // "... north of " right before the reference.
        let Some(head) = before.trim_end().strip_suffix("of") else {
            continue;
        };
        if !head.ends_with(char::is_whitespace) || !before.ends_with(char::is_whitespace) {
            continue;
        }
        let head = head.trim_end();
        let word_start = head
            .rfind(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
            .map_or(0, |i| i + 1);
        let Some(direction) = Compass::parse_word(&head[word_start..]) else {
            continue;
        };
        let (stated_km, claim_start) = distance_before(head, word_start);
        // The subject: the nearest resolved mention before the claim, on the same line.
        let Some(si) = (0..ri).rev().find(|&i| {
            let s = resolved[i].span();
            s.end() <= claim_start
                && claim_start - s.end() <= 250
                && !text[s.end()..claim_start].contains('\n')
        }) else {
            continue;
        };
        let claim_end = before.trim_end().len();
        let span = Span::new(claim_start, claim_end);
        let actual = match (resolved[si].location(), reference.location()) {
            (Some(a), Some(b)) => Some(Relative::between(a, b)),
            _ => None,
        };
        out.push(Claim {
            span,
            text: span.slice(text).to_string(),
            subject: si,
            reference: ri,
            stated_km,
            stated_direction: direction,
            actual,
            distance: match (stated_km, actual) {
                (Some(s), Some(a)) => Some(Agreement::of_distance(s, a.km)),
                _ => None,
            },
            direction: actual.map(|a| Agreement::of_direction(direction, a.bearing)),
        });
    }
    out
}

/// A stated distance ending right before byte `end` of `head` ("130 miles (210 kilometers)"),
/// in km, and where it starts; `(None, end)` when there is none.
fn distance_before(head: &str, end: usize) -> (Option<f64>, usize) {
    let s = head[..end].trim_end();
    // An optional parenthesised second figure, "(210 kilometers)".
    let (metric, s) = match s.strip_suffix(')') {
        Some(inner) => match inner.rfind('(') {
            Some(open) => (figure(&inner[open + 1..]), inner[..open].trim_end()),
            None => (None, s),
        },
        None => (None, s),
    };
    // The main figure: the last two words, or one word such as "210km".
    for from in last_word_starts(s, 2) {
        if let Some(km) = figure(&s[from..]) {
            return (metric.or(Some(km)), from);
        }
    }
    match metric {
        // "(210 km) north of" without a first figure is unusual; keep the metric one.
        Some(km) => (Some(km), s.len()),
        None => (None, end),
    }
}

/// Byte offsets of the last `n` words of `s` (split on whitespace), first to last. Only the
/// end of `s` is read: `s` is everything before a mention, up to the start of the text.
fn last_word_starts(s: &str, n: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(n);
    let mut in_word = false;
    for (i, c) in s.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                starts.push(i + c.len_utf8());
                if starts.len() == n {
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word && starts.len() < n {
        starts.push(0);
    }
    starts.reverse();
    starts
}

/// "130 miles", "210 kilometers", "210km", "1,200 km", "about 20 mi" → kilometres.
fn figure(s: &str) -> Option<f64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let value = crate::engine::decimal::parse(&num.replace(',', ""))?;
    let unit = unit.trim().trim_end_matches('.').to_ascii_lowercase();
    match unit.as_str() {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(value),
        "mi" | "mile" | "miles" => Some(value * KM_PER_MILE),
        _ => None,
    }
}

/// A place mention as [`find_claims`] sees it: where it is, and where its record is.
pub trait Located {
    /// Where the mention is in its text (bytes).
    fn span(&self) -> Span;
    /// The resolved record's coordinates; `None` when unresolved.
    fn location(&self) -> Option<LatLon>;
}

impl Located for MentionResolution {
    fn span(&self) -> Span {
        self.span
    }

    fn location(&self) -> Option<LatLon> {
        self.place.as_ref().map(LatLon::from)
    }
}

impl Located for Decision<'_, '_> {
    fn span(&self) -> Span {
        Decision::span(self)
    }

    fn location(&self) -> Option<LatLon> {
        Decision::location(self)
    }
}
