//! Formatting for display: human dates and metadata certainty. Pure, tested natively.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Formats an ISO date `YYYY-MM-DD` as "Tuesday 17 October 2017"; anything else is returned
/// as it is (a month `YYYY-MM` becomes "October 2017").
///
/// ```
/// use newslens::display::human_date;
/// assert_eq!(human_date("2017-10-17"), "Tuesday 17 October 2017");
/// assert_eq!(human_date("2017-09"), "September 2017");
/// assert_eq!(human_date("soon"), "soon");
/// ```
#[must_use]
pub fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (num(y), num(m), num(d)) {
            (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => {
                let wd = WEEKDAYS[weekday(y, m, d)];
                format!("{wd} {d} {} {y}", MONTHS[(m - 1) as usize])
            }
            _ => iso.to_string(),
        },
        [y, m] if y.len() == 4 => match (num(y), num(m)) {
            (Some(y), Some(m @ 1..=12)) => format!("{} {y}", MONTHS[(m - 1) as usize]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// Day of the week, 0 = Monday, of a proleptic Gregorian date (days-from-civil algorithm).
fn weekday(y: i64, m: i64, d: i64) -> usize {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468; // days since 1970-01-01, a Thursday
    (days + 3).rem_euclid(7) as usize
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
    let whole = distance.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} km")
}
