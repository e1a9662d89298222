//! The coverage table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
//! they hold a comma, a quote or a line break, quotes doubled).

use super::coverage::EntityRow;
use super::prominence::FirstMention;

/// The header of [`coverage_csv`].
pub const HEADER: &str =
    "label,canonical,side,count_a,count_b,is_value,first_a,paragraph_a,first_b,paragraph_b";

/// One field, quoted when RFC 4180 requires it.
///
/// ```
/// use newslens::engine::compare::csv::field;
/// assert_eq!(field("Kirkuk"), "Kirkuk");
/// assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
/// ```
#[must_use]
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The coverage rows as CSV, header first, one line per row, each line ended by CRLF.
///
/// Columns: [`HEADER`]. `first_*` is the placement of the first mention on that side
/// (`headline`, `standfirst`, `lede`, `caption`, `body`) and `paragraph_*` its paragraph index;
/// both are empty when the side does not mention the entity. `surfaces_*` lists the distinct
/// surface forms, separated by `"; "`.
#[must_use]
pub fn coverage_csv(rows: &[EntityRow]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    out.push_str(HEADER);
    out.push_str("\r\n");
    let first = |f: &Option<FirstMention>| {
        f.map_or((String::new(), String::new()), |f| {
            (f.placement.as_str().to_string(), f.paragraph.to_string())
        })
    };
    for r in rows {
        let (pa, ia) = first(&r.first_a);
        let (pb, ib) = first(&r.first_b);
        let cells = [
            r.label.as_str().to_string(),
            field(&r.canonical),
            r.side.as_str().to_string(),
            r.count_a.to_string(),
            r.count_b.to_string(),
            r.is_value.to_string(),
            pa,
            ia,
            pb,
            ib,
            field(&r.surfaces_a.join("; ")),
            field(&r.surfaces_b.join("; ")),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
