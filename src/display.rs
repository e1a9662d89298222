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
