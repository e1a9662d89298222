//! Exports: entity mentions as CSV and JSON lines, any table as CSV, and a standalone
//! annotated HTML file of one article.
//!
//! Offsets are Unicode code points, as in the command line's output (see CONTRACT.md). Every
//! export is safe to open: CSV cells that a spreadsheet would run as a formula are prefixed
//! with `'`, and the HTML file escapes all text, carries no script and forbids any through its
//! Content-Security-Policy.

use super::boilerplate::{self, Boilerplate};
use super::corpus::ArticleMeta;
use super::mention::Mention;
use super::offsets::CodePoints;
use super::span::Span;
use super::text::paragraphs;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The CSV header of [`entities_csv`].
pub const ENTITY_COLUMNS: [&str; 7] = [
    "article",
    "start",
    "end",
    "text",
    "label",
    "canonical",
    "why",
];

/// The Content-Security-Policy of the annotated HTML file: no script, no fetch, inline style only.
pub const EXPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// One article's mentions to export.
#[derive(Clone, Copy, Debug)]
pub struct Annotated<'a> {
    /// The name in the `file` (JSON lines) or `article` (CSV) column: the article's file name.
    pub name: &'a str,
    /// The article's text.
    pub text: &'a str,
    /// Its mentions (sorted, byte spans on char boundaries of `text`); others are left out.
    pub mentions: &'a [Mention],
}

/// One line of the command line's `tag` output, field order included.
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    canonical: &'a str,
    why: String,
}

/// Every exportable mention of every article as a contract line.
fn lines<'a>(articles: &'a [Annotated<'a>]) -> impl Iterator<Item = Line<'a>> + 'a {
    articles.iter().flat_map(|a| {
        let cp = CodePoints::new(a.text);
        a.mentions
            .iter()
            .filter(|m| a.text.get(m.span.start()..m.span.end()).is_some())
            .map(move |m| Line {
                file: a.name,
                start: cp.of(m.span.start()),
                end: cp.of(m.span.end()),
                text: m.span.slice(a.text),
                label: m.label.as_str(),
                canonical: &m.canonical,
                why: m.why.to_string(),
            })
    })
}

/// The mentions as JSON lines, exactly the `newslens tag` schema:
/// `{"file","start","end","text","label","canonical","why"}`, one object per line, each
/// line ending in `\n`.
///
/// ```
/// use newslens::engine::export::{entities_jsonl, Annotated};
/// use newslens::engine::tag::{tag, TagOptions};
/// let text = "Fleeing to Kirkuk.";
/// let mentions = tag(text, &TagOptions::default());
/// let out = entities_jsonl(&[Annotated { name: "a.txt", text, mentions: &mentions }]);
/// assert!(out.lines().all(|l| l.starts_with("{\"file\":\"a.txt\",\"start\":")));
/// ```
#[must_use]
pub fn entities_jsonl(articles: &[Annotated<'_>]) -> String {
    let mut out = String::new();
    for line in lines(articles) {
        out.push_str(&serde_json::to_string(&line).expect("a line of strings and numbers"));
        out.push('\n');
    }
    out
}

/// The mentions as CSV (RFC 4180, CRLF line ends, header [`ENTITY_COLUMNS`]), offsets in code
/// points, every cell protected by [`csv_cell`].
#[must_use]
pub fn entities_csv(articles: &[Annotated<'_>]) -> String {
    let rows = lines(articles).map(|l| {
        vec![
            l.file.to_string(),
            l.start.to_string(),
            l.end.to_string(),
            l.text.to_string(),
            l.label.to_string(),
            l.canonical.to_string(),
            l.why,
        ]
    });
    csv(&ENTITY_COLUMNS, rows)
}

/// Any table as CSV (RFC 4180, CRLF line ends): a header row, then `rows`, every cell
/// protected by [`csv_cell`]. For the comparison tables and other lists.
///
/// ```
/// use newslens::engine::export::csv;
/// let out = csv(&["entity", "count"], [vec!["=HYPERLINK(\"x\")".to_string(), "2".to_string()]]);
/// assert_eq!(out, "entity,count\r\n\"'=HYPERLINK(\"\"x\"\")\",2\r\n");
/// ```
#[must_use]
pub fn csv<I, R, S>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    push_row(&mut out, header.iter());
    for row in rows {
        push_row(&mut out, row.into_iter());
    }
    out
}

/// Appends one CSV record and its CRLF.
fn push_row<S: AsRef<str>>(out: &mut String, cells: impl Iterator<Item = S>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell.as_ref()));
    }
    out.push_str("\r\n");
}

/// One CSV cell, safe for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading `'` (so it is never read as a formula), and a cell containing a comma,
/// quote, line break or that leading `'` is quoted with inner quotes doubled (RFC 4180).
///
/// ```
/// use newslens::engine::export::csv_cell;
/// assert_eq!(csv_cell("Kirkuk"), "Kirkuk");
/// assert_eq!(csv_cell("=1+1"), "\"'=1+1\"");
/// assert_eq!(csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
/// ```
#[must_use]
pub fn csv_cell(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = risky || cell.contains([',', '"', '\n', '\r']);
    if !quote {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len() + 4);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&cell.replace('"', "\"\""));
    out.push('"');
    out
}

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`, `'`.
///
/// ```
/// use newslens::engine::export::escape_html;
/// assert_eq!(escape_html("<a href='x'>\"&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
/// ```
#[must_use]
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The style sheet of the annotated file: readable in light and dark, labels not by colour alone.
const STYLE: &str = "\
body{font:17px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#1a1a1a;background:#fff}\
header p,footer,aside{font-family:system-ui,sans-serif;font-size:.85em;color:#555}\
p{unicode-bidi:plaintext;overflow-wrap:anywhere}\
mark{unicode-bidi:isolate;padding:0 .15em;border-radius:3px;border-bottom:2px solid #333}\
mark::after{content:' ' attr(data-label);font:600 .6em system-ui,sans-serif;vertical-align:super}\
mark[data-label=PERSON]{background:#ffe0b2}mark[data-label=ORG]{background:#c8e6c9}\
mark[data-label=PLACE]{background:#bbdefb}mark[data-label=GROUP]{background:#e1bee7}\
mark[data-label=DATE]{background:#fff59d}mark[data-label=NUMBER]{background:#d7ccc8}\
aside{border-left:3px solid #bbb;padding-left:.8em;margin:1em 0}aside p{margin:.2em 0}\
table{border-collapse:collapse;font:.85em system-ui,sans-serif}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}\
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}header p,footer,aside{color:#bbb}\
mark{color:#111}}";

/// A standalone HTML file of one article with its mentions highlighted.
///
/// Every piece of text (title, outlet, URL, article text, labels, canonical names) is escaped;
/// the file has no script, no link, no external resource, and a CSP meta tag ([`EXPORT_CSP`]).
/// Each mention outside boilerplate is a `<mark data-label="…" data-canonical="…">`;
/// boilerplate paragraphs stand apart in `<aside data-boilerplate="…">`. An entity table
/// follows the text. Mentions that are not on char boundaries, overlap an earlier one, or lie
/// in boilerplate are left unmarked.
#[must_use]
pub fn annotated_html(meta: &ArticleMeta, text: &str, mentions: &[Mention]) -> String {
    let furniture = boilerplate::detect(text);
    let mut h = String::with_capacity(text.len() * 2 + 4096);
    let e = escape_html;
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"NewsLens\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<article data-article=\"{}\">\n<header>\n<h1>{}</h1>\n",
        e(EXPORT_CSP),
        e(&meta.title),
        e(&meta.id),
        e(&meta.title)
    );
    let byline: Vec<String> = [
        Some(meta.outlet.as_str()).filter(|o| !o.is_empty()),
        meta.published.as_deref(),
        meta.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(e)
    .collect();
    if !byline.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", byline.join(" · "));
    }
    h.push_str("</header>\n");

    let mut used: Vec<&Mention> = Vec::new();
    let mut last_end = 0;
    for m in mentions {
        let ok = text
            .get(m.span.start()..m.span.end())
            .is_some_and(|s| !s.is_empty())
            && m.span.start() >= last_end
            && !in_furniture(&furniture, m.span);
        if ok {
            last_end = m.span.end();
            used.push(m);
        }
    }
    let mut next = 0;
    let paras = paragraphs(text);
    let mut in_aside = false;
    for (i, p) in paras.iter().enumerate() {
        if i == 0 && p.slice(text).trim() == meta.title.trim() {
            while used.get(next).is_some_and(|m| m.span.start() < p.end()) {
                next += 1;
            }
            continue;
        }
        let kind: Option<&Boilerplate> = furniture_at(&furniture, *p);
        match (kind, in_aside) {
            (Some(b), false) => {
                let _ = writeln!(
                    h,
                    "<aside data-boilerplate=\"{}\" aria-label=\"page furniture: {}\">",
                    e(&serde_json::to_string(&b.kind)
                        .expect("a unit enum")
                        .replace('"', "")),
                    e(b.kind.human())
                );
                in_aside = true;
            }
            (None, true) => {
                h.push_str("</aside>\n");
                in_aside = false;
            }
            _ => {}
        }
        h.push_str("<p dir=\"auto\">");
        let mut at = p.start();
        while let Some(m) = used.get(next).filter(|m| m.span.start() < p.end()) {
            if m.span.end() > p.end() || m.span.start() < at {
                // A mention across a line break or the paragraph's margin: leave it unmarked.
                next += 1;
                continue;
            }
            h.push_str(&e(&text[at..m.span.start()]));
            let _ = write!(
                h,
                "<mark data-label=\"{}\" data-canonical=\"{}\" title=\"{}: {}\">{}</mark>",
                m.label.as_str(),
                e(&m.canonical),
                m.label.human(),
                e(&m.canonical),
                e(m.span.slice(text))
            );
            at = m.span.end();
            next += 1;
        }
        h.push_str(&e(&text[at..p.end()]));
        h.push_str("</p>\n");
    }
    if in_aside {
        h.push_str("</aside>\n");
    }
    h.push_str("</article>\n");

    // The entities, most mentioned first.
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for m in &used {
        *counts.entry((m.label.as_str(), &m.canonical)).or_default() += 1;
    }
    let mut entities: Vec<(&str, &str, usize)> =
        counts.into_iter().map(|((l, c), n)| (l, c, n)).collect();
    entities.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
    if !entities.is_empty() {
        h.push_str(
            "<section aria-label=\"entities\">\n<h2>Entities</h2>\n<table>\n\
             <tr><th>Entity</th><th>Label</th><th>Mentions</th></tr>\n",
        );
        for (label, canonical, n) in entities {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{label}</td><td>{n}</td></tr>",
                e(canonical)
            );
        }
        h.push_str("</table>\n</section>\n");
    }
    h.push_str(
        "<footer><p>Exported from NewsLens. Highlights are machine-made (and user-corrected); \
         check them against the text.</p></footer>\n</body>\n</html>\n",
    );
    h
}

/// The boilerplate line overlapping `span`, if any (`furniture` is in text order and its lines
/// do not overlap, so a binary search finds it).
fn furniture_at(furniture: &[Boilerplate], span: Span) -> Option<&Boilerplate> {
    let i = furniture.partition_point(|b| b.span.end() <= span.start());
    furniture.get(i).filter(|b| b.span.overlaps(span))
}

/// True when `span` touches a boilerplate line.
fn in_furniture(furniture: &[Boilerplate], span: Span) -> bool {
    furniture_at(furniture, span).is_some()
}
