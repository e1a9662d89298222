//! DATE recognition and normalisation against the article's publication date.
//!
//! Recognised: calendar dates (`Monday, Oct. 16, 2017`, `September 25`, `25 September`,
//! `October 2017`), weekdays with modifiers (`late Sunday`), deictic words (`yesterday`,
//! `early this morning`), relative periods (`last month`), durations (`Two weeks`), years
//! (`2017`) and clock times (`10:30 a.m.`). Canonical values are ISO 8601: `2017-10-17`,
//! `2017-09`, `P2W`, with a qualifier in parentheses (`2017-10-15 (late)`). Without an anchor,
//! relative dates keep a descriptive canonical (`Sunday (late)`).

use super::calendar::Ymd;
use super::intern::{self, Interner};
use super::label::Label;
use super::lexicon::{self, MONTHS, NUMBER_WORDS, TIME_UNITS, WEEKDAYS};
use super::mention::{Candidate, Mention, Why};
use super::rule::Rule;
use super::text::{TokenKind, TokenView};

/// Priority of DATE candidates in overlap resolution.
const PRIORITY: u8 = 50;

/// Finds the DATE mentions among `v`'s tokens; `anchor` is the publication date.
///
/// ```
/// use newslens::engine::calendar::Ymd;
/// use newslens::engine::dates::find;
/// use newslens::engine::span::Span;
/// use newslens::engine::text::{tokens, TokenView};
/// let text = "He spoke on Tuesday about late Sunday.";
/// let toks = tokens(text, Span::new(0, text.len()));
/// let found = find(TokenView { text, toks: &toks }, Ymd::parse("2017-10-17"));
/// let c: Vec<&str> = found.iter().map(|c| &*c.mention.canonical).collect();
/// assert_eq!(c, ["2017-10-17", "2017-10-15 (late)"]);
/// ```
#[must_use]
pub fn find(v: TokenView<'_>, anchor: Option<Ymd>) -> Vec<Candidate> {
    intern::with_local(|strings| {
        let mut out = Vec::new();
        find_into(v, anchor, strings, &mut out);
        out
    })
}

/// [`find`], appending the candidates to `out` (the tagger's list of all candidates), with
/// their canonical values and evidence shared through `strings`.
pub fn find_into(
    v: TokenView<'_>,
    anchor: Option<Ymd>,
    strings: &mut Interner,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < v.len() {
        if !may_start(v, i) {
            i += 1;
            continue;
        }
        if let Some((end, canonical, rule)) = at(v, i, anchor) {
            out.push(Candidate {
                mention: Mention {
                    span: v.span(i, end),
                    label: Label::Date,
                    canonical: strings.intern(&canonical),
                    why: Why::new(Rule::DATE, strings.intern_static(rule)),
                },
                priority: PRIORITY,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// A cheap test that a date may start at token `i`: a number, a capitalised month or weekday,
/// or a date trigger word (`late`, `yesterday`, `two`; not the other DATE-or-NUMBER triggers
/// such as `a`, `about` or `thousands`, which start no date pattern).
fn may_start(v: TokenView<'_>, i: usize) -> bool {
    match v.kind(i) {
        TokenKind::Number => true,
        TokenKind::Word => {
            v.is_trigger(i) && lexicon::is_date_trigger(v.s(i))
                || v.is_cap(i)
                    // The capitals month and weekday names start with, asked before slicing.
                    && matches!(
                        v.text.as_bytes()[v.toks[i].span.start()],
                        b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W'
                    )
                    && {
                        let s = v.s(i);
                        weekday_of(s).is_some() || month_of(s).is_some()
                    }
        }
        _ => false,
    }
}

/// The month number of a month word (`Oct`, `September`), case-sensitive on the capital.
#[must_use]
pub fn month_of(word: &str) -> Option<u32> {
    // Every month name starts with one of these capitals.
    if !matches!(
        word.as_bytes().first(),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
    ) {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

/// The ISO weekday index (0 = Monday) of a weekday name.
fn weekday_of(word: &str) -> Option<u32> {
    // Every weekday name starts with one of these capitals.
    if !matches!(
        word.as_bytes().first(),
        Some(b'M' | b'T' | b'W' | b'F' | b'S')
    ) {
        return None;
    }
    WEEKDAYS.iter().position(|w| *w == word).map(|p| p as u32)
}

/// A day-of-month token (`16`, `25th`).
fn day_of(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year 1000..=2999.
fn year_of(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// A small count: digits or a number word.
fn count_of(s: &str) -> Option<u64> {
    if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() && s.len() < 6 {
        return s.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(s) && !matches!(*w, "a" | "an"))
        .map(|&(_, n)| n)
}

/// Skips one `.` glued to token `i - 1` (the dot of `Oct.`).
fn skip_dot(v: TokenView<'_>, i: usize) -> usize {
    if v.s(i) == "." && !v.spaced(i) {
        i + 1
    } else {
        i
    }
}

/// Tries every pattern at token `i`: `(end, canonical, rule)`.
fn at(v: TokenView<'_>, i: usize, anchor: Option<Ymd>) -> Option<(usize, String, &'static str)> {
    calendar_date(v, i, anchor)
        .or_else(|| weekday(v, i, anchor))
        .or_else(|| deictic(v, i, anchor))
        .or_else(|| relative_period(v, i, anchor))
        .or_else(|| duration(v, i))
        .or_else(|| clock(v, i))
        .or_else(|| year(v, i))
}

/// `[Weekday ,] Month[.] Day[,] [Year]`, `[Weekday ,] Day Month [Year]`, `Month Year`.
fn calendar_date(
    v: TokenView<'_>,
    i: usize,
    anchor: Option<Ymd>,
) -> Option<(usize, String, &'static str)> {
    let mut j = i;
    let mut has_weekday = false;
    if weekday_of(v.s(j)).is_some() {
        let k = if v.s(j + 1) == "," { j + 2 } else { j + 1 };
        if month_of(v.s(k)).is_some() || day_of(v.s(k)).is_some() && month_of(v.s(k + 1)).is_some()
        {
            j = k;
            has_weekday = true;
        }
    }
    let (month, day, mut end);
    if let Some(m) = month_of(v.s(j)) {
        let k = skip_dot(v, j + 1);
        if let Some(d) = day_of(v.s(k)).filter(|_| v.kind(k) == TokenKind::Number) {
            month = m;
            day = Some(d);
            end = k + 1;
        } else if let Some(y) = year_of(v.s(k)) {
            // "October 2017"
            return Some((k + 1, format!("{y:04}-{m:02}"), "month-year"));
        } else {
            // A bare month name: "in September". "May" and "March" are too often other words.
            if matches!(v.s(j), "May" | "March") || v.s(j).len() <= 4 && !has_weekday {
                return None;
            }
            let canonical = anchor.map_or_else(
                || format!("XXXX-{m:02}"),
                |a| format!("{:04}-{m:02}", year_for(a, m)),
            );
            return Some((j + 1, canonical, "month"));
        }
    } else if let Some(d) = day_of(v.s(j)).filter(|_| v.kind(j) == TokenKind::Number) {
        let m = month_of(v.s(j + 1))?;
        month = m;
        day = Some(d);
        end = skip_dot(v, j + 2);
        if end == j + 2 && v.s(end) != "." {
            end = j + 2;
        }
        end = end.min(j + 3);
        if v.s(end - 1) == "." && year_of(v.s(end)).is_none() {
            end -= 1;
        }
    } else {
        return None;
    }
    // Optional year: ", 2017" or " 2017".
    let mut year = None;
    let k = if v.s(end) == "," { end + 1 } else { end };
    if let Some(y) = year_of(v.s(k)) {
        year = Some(y);
        end = k + 1;
    }
    let day = day?;
    let y = year.or_else(|| anchor.map(|a| year_for(a, month)));
    let canonical = match y.and_then(|y| Ymd::new(y, month, day)) {
        Some(d) => d.to_string(),
        None => format!("XXXX-{month:02}-{day:02}"),
    };
    Some((
        end,
        canonical,
        if has_weekday {
            "weekday-date"
        } else {
            "calendar-date"
        },
    ))
}

/// The year of a month mentioned without one: the anchor's year, or the previous year when
/// the month lies more than two months after the anchor.
fn year_for(anchor: Ymd, month: u32) -> i32 {
    if month > anchor.month + 2 {
        anchor.year - 1
    } else {
        anchor.year
    }
}

/// A modifier before a weekday or deictic word, with its qualifier.
fn modifier(s: &str) -> Option<&'static str> {
    ["late", "early", "last", "next", "this", "mid"]
        .into_iter()
        .find(|m| s.eq_ignore_ascii_case(m))
}

/// A part of day after a weekday or deictic word.
fn part_of_day(s: &str) -> bool {
    matches!(
        s,
        "morning" | "afternoon" | "evening" | "night" | "overnight"
    )
}

/// `[late|early|last|next|this] Weekday [morning|night…]`.
fn weekday(
    v: TokenView<'_>,
    i: usize,
    anchor: Option<Ymd>,
) -> Option<(usize, String, &'static str)> {
    let (start_mod, wd_at) = match modifier(v.s(i)) {
        Some(m) if weekday_of(v.s(i + 1)).is_some() => (Some(m), i + 1),
        _ => (None, i),
    };
    let wd = weekday_of(v.s(wd_at))?;
    let mut end = wd_at + 1;
    let mut qual = start_mod.filter(|m| matches!(*m, "late" | "early" | "mid"));
    if part_of_day(v.s(end)) {
        qual = Some(match v.s(end) {
            "morning" => "morning",
            "afternoon" => "afternoon",
            "evening" => "evening",
            _ => "night",
        });
        end += 1;
    }
    let canonical = match anchor {
        Some(a) => {
            let delta = (i64::from(wd) - i64::from(a.weekday())).rem_euclid(7);
            let date = match start_mod {
                Some("next") => a.add_days(if delta == 0 { 7 } else { delta }),
                Some("last") => a.add_days(-(if delta == 0 { 7 } else { 7 - delta })),
                // A news story's bare weekday is the most recent one, the anchor day included.
                _ => a.add_days(-((7 - delta) % 7)),
            };
            qualify(date.to_string(), qual)
        }
        None => qualify(WEEKDAYS[wd as usize].to_string(), qual),
    };
    Some((end, canonical, "weekday"))
}

/// `value (qualifier)` or just `value`.
fn qualify(value: String, qual: Option<&str>) -> String {
    match qual {
        Some(q) => format!("{value} ({q})"),
        None => value,
    }
}

/// `yesterday`, `today`, `tomorrow`, `tonight`, `[early|late] this morning`, and a part of day
/// after them.
fn deictic(
    v: TokenView<'_>,
    i: usize,
    anchor: Option<Ymd>,
) -> Option<(usize, String, &'static str)> {
    let mut j = i;
    let mut qual = None;
    if v.s(j).eq_ignore_ascii_case("early") || v.s(j).eq_ignore_ascii_case("late") {
        qual = modifier(v.s(j));
        j += 1;
    }
    let w = v.s(j);
    let is = |word: &str| w.eq_ignore_ascii_case(word);
    let (offset, mut end, this_part) = if is("yesterday") {
        (-1, j + 1, None)
    } else if is("today") {
        (0, j + 1, None)
    } else if is("tonight") {
        (0, j + 1, Some("night"))
    } else if is("tomorrow") {
        (1, j + 1, None)
    } else if is("this") && part_of_day(v.s(j + 1)) {
        (0, j + 2, Some(v.s(j + 1)))
    } else if (is("predawn") || is("pre-dawn")) && v.s(j + 1) == "hours" {
        (0, j + 2, Some("predawn"))
    } else {
        return None;
    };
    let mut part = this_part.map(str::to_string);
    if part.is_none() && part_of_day(v.s(end)) {
        part = Some(v.s(end).to_string());
        end += 1;
    }
    let q = match (qual, part.as_deref()) {
        (Some(q), Some(p)) => Some(format!("{q} {p}")),
        (Some(q), None) => Some(q.to_string()),
        (None, Some(p)) => Some(p.to_string()),
        (None, None) => None,
    };
    let value = match anchor {
        Some(a) => a.add_days(offset).to_string(),
        None => w.to_ascii_lowercase(),
    };
    Some((end, qualify(value, q.as_deref()), "deictic"))
}

/// `last|next|this week|month|year|weekend`, and `N units ago`.
fn relative_period(
    v: TokenView<'_>,
    i: usize,
    anchor: Option<Ymd>,
) -> Option<(usize, String, &'static str)> {
    let m = v.s(i);
    let is = |word: &str| m.eq_ignore_ascii_case(word);
    let step: i32 = if is("last") || is("past") {
        -1
    } else if is("next") || is("coming") {
        1
    } else if is("this") {
        0
    } else {
        return None;
    };
    let unit = v.s(i + 1);
    let canonical = match (unit, anchor) {
        ("month", Some(a)) => {
            let (y, mo) = a.add_months(step);
            format!("{y:04}-{mo:02}")
        }
        ("year", Some(a)) => format!("{:04}", a.year + step),
        ("week", Some(a)) => {
            let d = a.add_days(i64::from(step) * 7);
            format!("{} (week)", d)
        }
        ("weekend", Some(a)) => {
            // The Saturday of the relevant weekend.
            let delta = (5 - i64::from(a.weekday())).rem_euclid(7);
            let sat = a.add_days(
                delta + if step < 0 { -7 } else { 0 } + if step > 0 && delta == 0 { 7 } else { 0 },
            );
            format!("{sat} (weekend)")
        }
        ("month" | "year" | "week" | "weekend", None) => {
            format!("{} {unit}", m.to_ascii_lowercase())
        }
        _ => return None,
    };
    Some((i + 2, canonical, "relative-period"))
}

/// `N days|weeks|months|years [ago]` as an ISO 8601 duration (or a date with `ago`).
fn duration(v: TokenView<'_>, i: usize) -> Option<(usize, String, &'static str)> {
    let n = count_of(v.s(i))?;
    let unit = v.s(i + 1);
    let &(_, des) = TIME_UNITS.iter().find(|(u, _)| *u == unit)?;
    let value = match des {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "DEC" => format!("P{}Y", n * 10),
        d => format!("P{n}{d}"),
    };
    Some((i + 2, value, "duration"))
}

/// `10:30`, `10:30 a.m.`, `9 p.m.`.
fn clock(v: TokenView<'_>, i: usize) -> Option<(usize, String, &'static str)> {
    let h: u32 = v.s(i).parse().ok().filter(|h| *h <= 24)?;
    if v.kind(i) != TokenKind::Number {
        return None;
    }
    let (mut end, mut min) = (i + 1, 0);
    if v.s(i + 1) == ":" && !v.spaced(i + 1) && !v.spaced(i + 2) {
        min = v
            .s(i + 2)
            .parse()
            .ok()
            .filter(|m| *m < 60 && v.s(i + 2).len() == 2)?;
        end = i + 3;
    }
    let ampm = v.s(end).to_ascii_lowercase();
    let pm = match ampm.as_str() {
        "a.m." | "am" => Some(false),
        "p.m." | "pm" => Some(true),
        _ => None,
    };
    if pm.is_none() && end == i + 1 {
        return None;
    }
    let hour = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    if pm.is_some() {
        end += 1;
    }
    Some((end, format!("T{hour:02}:{min:02}"), "clock-time"))
}

/// A bare year `2017`, not followed by a unit-like word.
fn year(v: TokenView<'_>, i: usize) -> Option<(usize, String, &'static str)> {
    let y = year_of(v.s(i)).filter(|y| (1900..2100).contains(y))?;
    if v.kind(i) != TokenKind::Number {
        return None;
    }
    Some((i + 1, format!("{y:04}"), "year"))
}
