//! Formatting for display: human dates, metadata certainty, coordinates, distances and
//! outlet names. Pure, tested natively.

use crate::engine::calendar::Ymd;
use crate::engine::lexicon::{MONTHS, WEEKDAYS};

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
