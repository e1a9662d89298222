//! Formatting for display: human dates, metadata certainty, coordinates, distances, outlet
//! names and entity names. Pure, tested natively.

use crate::engine::calendar::Ymd;
use crate::engine::label::Label;
use crate::engine::lexicon::{MONTHS, WEEKDAYS};
use std::borrow::Cow;

/// The full English name of month `m` (1..=12): the first entry of the lexicon's month list.
fn month_name(m: u32) -> Option<&'static str> {
    MONTHS.iter().find(|(_, n)| *n == m).map(|(name, _)| *name)
}

/// Formats an ISO date `YYYY-MM-DD` as "Tuesday 17 October 2017"; anything else is returned
/// as it is (a month `YYYY-MM` becomes "October 2017").
///
/// ```
/// use newslens::display::human_date;
/// assert_eq!(human_date("2017-10-17"), "Tuesday 17 October 2017");
/// assert_eq!(human_date("2017-09"), "September 2017");
/// assert_eq!(human_date("2017-02-30"), "2017-02-30");
/// assert_eq!(human_date("soon"), "soon");
/// ```
#[must_use]
pub fn human_date(iso: &str) -> String {
    if let Some(d) = Ymd::parse(iso) {
        let weekday = WEEKDAYS[d.weekday() as usize];
        let month = month_name(d.month).expect("Ymd months are 1..=12");
        return format!("{weekday} {} {month} {}", d.day, d.year);
    }
    match iso.split_once('-') {
        Some((y, m)) if y.len() == 4 && y.parse::<u32>().is_ok() => {
            match m.parse().ok().and_then(month_name) {
                Some(month) => format!("{month} {y}"),
                None => iso.to_string(),
            }
        }
        _ => iso.to_string(),
    }
}

/// A short phrase for a manifest's `certainty` value, for the reader's metadata line.
///
/// ```
/// use newslens::display::certainty_phrase;
/// assert_eq!(certainty_phrase("inferred"), "metadata inferred");
/// ```
#[must_use]
pub fn certainty_phrase(certainty: &str) -> &'static str {
    match certainty {
        "confirmed" => "metadata confirmed",
        "likely" => "metadata likely",
        "inferred" => "metadata inferred",
        "user" => "metadata from you",
        _ => "metadata unverified",
    }
}

/// Formats coordinates as text with hemispheres: "35.30° N, 44.33° E".
///
/// ```
/// use newslens::display::lat_lon;
/// assert_eq!(lat_lon(35.30236, 44.32637), "35.30° N, 44.33° E");
/// assert_eq!(lat_lon(-33.9, -70.05), "33.90° S, 70.05° W");
/// ```
#[must_use]
pub fn lat_lon(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}

/// Formats a distance in kilometres for a sentence: whole kilometres from 10 km up, one
/// decimal below ("75 km", "4.2 km").
///
/// ```
/// use newslens::display::km;
/// assert_eq!(km(74.6), "75 km");
/// assert_eq!(km(4.24), "4.2 km");
/// assert_eq!(km(1234.0), "1,234 km");
/// ```
#[must_use]
pub fn km(distance: f64) -> String {
    if distance < 10.0 {
        return format!("{distance:.1} km");
    }
    format!("{} km", grouped(distance.round() as u64))
}

/// A whole number with its thousands set apart by commas, as English prose writes them.
///
/// ```
/// use newslens::display::grouped;
/// assert_eq!(grouped(327_167_434), "327,167,434");
/// assert_eq!(grouped(999), "999");
/// assert_eq!(grouped(0), "0");
/// ```
#[must_use]
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An outlet's name as shown: "Unknown outlet" when the article has none.
///
/// ```
/// use newslens::display::outlet_name;
/// assert_eq!(outlet_name("The Week"), "The Week");
/// assert_eq!(outlet_name(""), "Unknown outlet");
/// ```
#[must_use]
pub fn outlet_name(outlet: &str) -> &str {
    if outlet.is_empty() {
        "Unknown outlet"
    } else {
        outlet
    }
}

/// An entity's name as shown. A DATE's or NUMBER's canonical is a normalised value (what
/// merges "Two weeks" with "two weeks"); where that value is not plain English it is shown in
/// words: a duration `P2W` as "2 weeks", `~1000000`
/// as "about 1,000,000", long numbers with their thousands set apart. Other names, and the
/// canonical itself in the page's hooks and address, are unchanged.
///
/// ```
/// use newslens::display::entity_name;
/// use newslens::engine::label::Label;
/// assert_eq!(entity_name(Label::Date, "P2W"), "2 weeks");
/// assert_eq!(entity_name(Label::Date, "P1D"), "1 day");
/// assert_eq!(entity_name(Label::Date, "PT3H"), "3 hours");
/// assert_eq!(entity_name(Label::Date, "2017-10-15 (late)"), "2017-10-15 (late)");
/// assert_eq!(entity_name(Label::Number, "~1000000"), "about 1,000,000");
/// assert_eq!(entity_name(Label::Number, "61000 people"), "61,000 people");
/// assert_eq!(entity_name(Label::Number, "130 mi"), "130 mi");
/// assert_eq!(entity_name(Label::Org, "Agenda 2030"), "Agenda 2030");
/// ```
#[must_use]
pub fn entity_name(label: Label, canonical: &str) -> Cow<'_, str> {
    match label {
        Label::Date => duration_words(canonical).map_or(Cow::Borrowed(canonical), Cow::Owned),
        Label::Number => {
            let (about, value) = match canonical.strip_prefix('~') {
                Some(rest) => ("about ", rest),
                None => ("", canonical),
            };
            let grouped_value = group_long_numbers(value);
            if about.is_empty() && grouped_value == value {
                Cow::Borrowed(canonical)
            } else {
                Cow::Owned(format!("{about}{grouped_value}"))
            }
        }
        _ => Cow::Borrowed(canonical),
    }
}

/// An ISO 8601 duration of one unit (`P2W`, `PT3H`) in words.
fn duration_words(value: &str) -> Option<String> {
    let (time, rest) = match value.strip_prefix("PT") {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix('P')?),
    };
    let unit_at = rest.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = rest.split_at(unit_at);
    let n: usize = n.parse().ok()?;
    let unit = match (time, unit) {
        (false, "D") => "day",
        (false, "W") => "week",
        (false, "M") => "month",
        (false, "Y") => "year",
        (true, "H") => "hour",
        (true, "M") => "minute",
        _ => return None,
    };
    Some(counted(n, unit))
}

/// `text` with each whole number of four digits or more written with thousands commas.
fn group_long_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let len = from
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(from.len());
        let (digits, after) = from.split_at(len);
        let fraction = out.ends_with('.');
        match digits.parse::<u64>() {
            Ok(n) if digits.len() >= 4 && !fraction && !digits.starts_with('0') => {
                out.push_str(&grouped(n));
            }
            _ => out.push_str(digits),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `n` and a regular English `noun`, plural unless `n` is 1: "1 article", "300 articles".
///
/// ```
/// use newslens::display::counted;
/// assert_eq!(counted(1, "article"), "1 article");
/// assert_eq!(counted(0, "change"), "0 changes");
/// assert_eq!(counted(1000, "article"), "1000 articles");
/// ```
#[must_use]
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
