//! Title, outlet and date guessed from what an imported page or text reveals.
//!
//! From HTML: `og:title`, JSON-LD `headline`, `<title>`; `og:site_name`, JSON-LD publisher,
//! the `<title>` suffix; `article:published_time`, JSON-LD `datePublished`, `<time datetime>`.
//! From text: the first line that is not page furniture as the title; a date written near the
//! top (`October 16, 2017`, `16 October 2017`, `2017-10-16`); the outlet from a byline
//! (`By … | X`), a copyright line (`© 2017 X`), or a promo (`Subscribe to X`,
//! `Sign up for X's newsletter`). Every guess says where it came from; all are editable.

use crate::engine::boilerplate::Boilerplate;
use crate::engine::calendar::Ymd;
use crate::engine::dates::month_of;
use crate::engine::html::decode;
use crate::engine::lexicon::is_title;

/// A guessed value and where it came from.
pub(super) type Guess = Option<(String, &'static str)>;

/// What the input reveals about its own metadata.
#[derive(Debug, Default)]
pub(super) struct Prefill {
    /// Headline.
    pub title: Guess,
    /// Outlet.
    pub outlet: Guess,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Guess,
    /// Canonical URL (`og:url` or `<link rel=canonical>`), `http(s)` only.
    pub url: Option<String>,
    /// Description (`og:description` or `<meta name=description>`).
    pub standfirst: Option<String>,
}

/// Longest title kept; a longer first line is cut at a word.
const MAX_TITLE_CHARS: usize = 160;

/// Metadata from the markup of an HTML page (before it is reduced to text).
pub(super) fn from_html(html: &str) -> Prefill {
    let lower = html.to_ascii_lowercase();
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut time_datetime = None;
    let mut canonical = None;
    for (at, end) in tags(&lower, "meta") {
        let attrs = attributes(&html[at..end]);
        let key = attr(&attrs, "property").or_else(|| attr(&attrs, "name"));
        if let (Some(k), Some(v)) = (key, attr(&attrs, "content")) {
            metas.push((k.to_ascii_lowercase(), v));
        }
    }
    for (at, end) in tags(&lower, "time") {
        if let Some(d) = attr(&attributes(&html[at..end]), "datetime").and_then(|d| iso_date(&d)) {
            time_datetime = Some(d);
            break;
        }
    }
    for (at, end) in tags(&lower, "link") {
        let attrs = attributes(&html[at..end]);
        if attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
            canonical = attr(&attrs, "href");
            break;
        }
    }
    let meta = |k: &str| {
        metas
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| collapse(v))
    };
    let ld = json_ld(html, &lower);
    let title_tag = element_text(html, &lower, "title");
    let (title_head, title_tail) = match &title_tag {
        Some(t) => split_title(t),
        None => (None, None),
    };

    Prefill {
        title: first(&[
            (meta("og:title"), "og:title"),
            (meta("twitter:title"), "twitter:title"),
            (ld.headline.clone(), "JSON-LD headline"),
            (title_head, "<title>"),
        ]),
        outlet: first(&[
            (meta("og:site_name"), "og:site_name"),
            (ld.publisher.clone(), "JSON-LD publisher"),
            (meta("application-name"), "application-name"),
            (title_tail, "<title> suffix"),
        ]),
        published: first(&[
            (
                meta("article:published_time").and_then(|d| iso_date(&d)),
                "article:published_time",
            ),
            (ld.date.clone(), "JSON-LD datePublished"),
            (time_datetime, "<time datetime>"),
            (meta("date").and_then(|d| iso_date(&d)), "meta date"),
        ]),
        url: meta("og:url")
            .or(canonical)
            .map(|u| u.trim().to_string())
            .filter(|u| is_web_url(u)),
        standfirst: meta("og:description").or_else(|| meta("description")),
    }
}

/// Metadata from plain text and its boilerplate lines (as [`boilerplate::detect`] found
/// them); fills only what `p` does not have yet.
pub(super) fn from_text(text: &str, furniture: &[Boilerplate], p: &mut Prefill) {
    let lines: Vec<(usize, &str)> = line_offsets(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    // `detect` returns lines in text order: a binary search keeps this linear-logarithmic.
    let is_furniture = |at: usize| {
        furniture
            .binary_search_by_key(&at, |b| b.span.start())
            .is_ok()
    };

    if p.title.is_none() {
        p.title = lines
            .iter()
            .find(|(at, l)| {
                !is_furniture(*at + (l.len() - l.trim_start().len())) && !is_byline(l.trim())
            })
            .map(|(_, l)| (shorten(l.trim()), "first line"));
    }
    if p.published.is_none() {
        // A date line stands near the top (or, less often, at the very end).
        let near = lines.iter().take(20).chain(lines.iter().rev().take(5));
        p.published = near
            .filter_map(|(_, l)| written_date(l))
            .next()
            .map(|d| (d, "a date near the top"));
    }
    if p.outlet.is_none() {
        // Bylines stand near the top, copyright lines and promos near the end or as furniture.
        let edge = 40;
        let candidates: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, (at, l))| {
                *i < edge
                    || *i + edge >= lines.len()
                    || is_furniture(*at + (l.len() - l.trim_start().len()))
            })
            .map(|(_, (_, l))| l.trim())
            .collect();
        p.outlet = candidates
            .iter()
            .find_map(|l| outlet_of_line(l))
            .or_else(|| candidates.iter().find_map(|l| promo_outlet(l)));
    }
}

/// The first present guess.
fn first(options: &[(Option<String>, &'static str)]) -> Guess {
    options
        .iter()
        .find_map(|(v, from)| v.clone().filter(|v| !v.is_empty()).map(|v| (v, *from)))
}

/// `(byte offset, line)` for every line of `text`.
fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split('\n').map(move |l| {
        let start = at;
        at += l.len() + 1;
        (start, l)
    })
}

/// A title cut to [`MAX_TITLE_CHARS`] at a word, with an ellipsis when cut.
fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX_TITLE_CHARS).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > MAX_TITLE_CHARS / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// `By …` lines are bylines, not titles.
fn is_byline(line: &str) -> bool {
    line.len() < 120 && (line.starts_with("By ") || line.starts_with("BY "))
}

/// The outlet named by a byline (`By Jane Doe | Reuters`) or a copyright line (`© 2017 X`).
fn outlet_of_line(line: &str) -> Guess {
    if is_byline(line) {
        // `By Jane Doe | Reuters | October 16, 2017`: the last part that is not a date.
        let unified = [" — ", " – ", " / "]
            .iter()
            .fold(line.to_string(), |l, sep| l.replace(sep, " | "));
        for part in unified
            .split(" | ")
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            if written_date(part).is_some() || iso_in(part).is_some() {
                continue;
            }
            if let Some(o) = outlet_name(part) {
                return Some((o, "byline"));
            }
        }
        // `By Jane Doe, BBC News, London`: a part after a comma that names an outlet (a job
        // title or a place there is no outlet).
        if let Some(o) = line.split(", ").skip(1).find_map(outlet_after_comma) {
            return Some((o, "byline"));
        }
    }
    let lower = line.to_lowercase();
    let rest = line.strip_prefix('©').or_else(|| {
        lower
            .starts_with("copyright")
            .then(|| &line["copyright".len()..])
    })?;
    let rest = rest.trim_start().trim_start_matches('©').trim_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–');
    let rest = rest.split(['.', '|']).next().unwrap_or("").trim();
    let rest = rest
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',')
        .trim();
    let rest = rest
        .strip_suffix("All rights reserved")
        .unwrap_or(rest)
        .trim();
    outlet_name(rest).map(|o| (o, "copyright line"))
}

/// Words that make a byline's part after a comma an outlet's name (`BBC News`, `The Irish
/// Times`), rather than a job title or a place.
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Press",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Guardian",
    "Telegraph",
    "Observer",
    "Independent",
    "Chronicle",
    "Mail",
    "Express",
    "Mirror",
    "Daily",
    "Weekly",
    "Magazine",
    "Radio",
    "Television",
    "TV",
    "Broadcasting",
    "Network",
    "Agency",
    "Media",
    "Wire",
    "Monitor",
    "Review",
];

/// Newsroom jobs that a byline's part after a comma names (`Senior News Editor`), besides the
/// titles of [`is_title`].
const JOB_WORDS: &[&str] = &[
    "editor",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "staff",
    "analyst",
    "photographer",
    "journalist",
    "presenter",
    "anchor",
    "intern",
];

/// A byline's part after a comma as an outlet: an outlet's name by [`OUTLET_WORDS`] (not a
/// job such as `Senior News Editor`), or an acronym of two to five capitals (`CNN`, `AFP`).
fn outlet_after_comma(part: &str) -> Option<String> {
    let name = outlet_name(part)?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = words.len() == 1
        && (2..=5).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_uppercase());
    let job = words.iter().any(|w| {
        let lower = w.to_lowercase();
        JOB_WORDS.contains(&lower.as_str()) || is_title(&lower)
    });
    let outlet = words.iter().any(|w| OUTLET_WORDS.contains(w)) && !job;
    (acronym || outlet).then_some(name)
}

/// The outlet named by a promo line: `Subscribe to X`, `Sign up for X's newsletter`.
fn promo_outlet(line: &str) -> Guess {
    let lower = line.to_lowercase();
    if let Some(at) = lower.find("subscribe to ") {
        let rest = &line[at + "subscribe to ".len()..];
        let rest = rest.split(['.', '!', ':', '|']).next().unwrap_or("");
        let rest = rest.split(" for ").next().unwrap_or("").trim();
        let rest = rest.strip_suffix(" today").unwrap_or(rest);
        let rest = rest.strip_suffix(" now").unwrap_or(rest);
        if let Some(o) = outlet_name(rest) {
            return Some((o, "subscription prompt"));
        }
    }
    if let Some(at) = lower.find("sign up for ") {
        let rest = &line[at + "sign up for ".len()..];
        let end = ["'s ", "’s ", " newsletter", " daily", " weekly"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()?;
        let rest = rest[..end].trim();
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        if let Some(o) = outlet_name(rest) {
            return Some((o, "newsletter prompt"));
        }
    }
    None
}

/// A plausible outlet name: 1–6 words, capitalised, short, not a pronoun phrase.
fn outlet_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':', '!']).trim();
    let words = s.split_whitespace().count();
    let first = s.chars().next()?;
    let lower = s.to_lowercase();
    let generic = [
        "our ",
        "my ",
        "your ",
        "this ",
        "all ",
        "newsletter",
        "updates",
    ];
    ((1..=6).contains(&words)
        && s.chars().count() <= 60
        && (first.is_uppercase() || first.is_ascii_digit())
        && !generic
            .iter()
            .any(|g| lower.starts_with(g) || lower == g.trim()))
    .then(|| s.to_string())
}

/// A date written in `line`: `October 16, 2017`, `Oct. 16, 2017`, `16 October 2017`, `2017-10-16`.
fn written_date(line: &str) -> Option<String> {
    if let Some(d) = iso_in(line) {
        return Some(d);
    }
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        let found = match (month_of(a), month_of(b)) {
            (Some(m), _) => day(b).zip(year(c)).and_then(|(d, y)| Ymd::new(y, m, d)),
            (None, Some(m)) => day(a).zip(year(c)).and_then(|(d, y)| Ymd::new(y, m, d)),
            _ => None,
        };
        if let Some(d) = found {
            return Some(d.to_string());
        }
    }
    None
}

/// The first `YYYY-MM-DD` in `line` that is a real date.
fn iso_in(line: &str) -> Option<String> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        let after = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !boundary || !after {
            return None;
        }
        line.get(i..i + 10)
            .filter(|s| s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-')
            .and_then(Ymd::parse)
            .map(|d| d.to_string())
    })
}

/// A `YYYY-MM-DD` date at the start of a machine date (`2017-10-16T09:00:00Z`).
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    s.get(..10)
        .filter(|d| d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
        .and_then(Ymd::parse)
        .map(|d| d.to_string())
}

/// A day of month: `16`, `16th`.
fn day(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A four-digit year 1900..=2999.
fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1900..3000).contains(y))
}

/// `(start, end)` byte ranges of every `<name …>` start tag, found in the lowercased page.
fn tags<'a>(lower: &'a str, name: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let open = format!("<{name}");
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + lower[from..].find(&open)?;
        let after = at + open.len();
        // A tag ends at the first `>`; a `<` before it means the tag was never closed. Either
        // way the next search starts past this point, which keeps the whole walk linear.
        let stop = after + lower[after..].find(['<', '>'])?;
        from = stop;
        if lower.as_bytes()[stop] == b'<' {
            continue;
        }
        let next = lower.as_bytes()[after];
        if next.is_ascii_whitespace() || next == b'>' || next == b'/' {
            return Some((at, stop + 1));
        }
    })
}

/// The attributes of one start tag `<name a="1" b='2' c=3 d>`, values decoded.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let inner = inner.trim_end_matches('/');
    let mut rest = inner.trim_start_matches(|c: char| !c.is_whitespace());
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let (v, after) = match r.chars().next() {
                Some(q @ ('"' | '\'')) => match r[1..].find(q) {
                    Some(e) => (&r[1..=e], &r[e + 2..]),
                    None => (&r[1..], ""),
                },
                _ => {
                    let e = r.find(char::is_whitespace).unwrap_or(r.len());
                    (&r[..e], &r[e..])
                }
            };
            value = decode(v).into_owned();
            rest = after;
        }
        out.push((name, value));
    }
}

/// The value of attribute `name`.
fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// The text inside the first `<name>…</name>`, decoded, whitespace collapsed.
fn element_text(html: &str, lower: &str, name: &str) -> Option<String> {
    let (_, start) = tags(lower, name).next()?;
    let end = start + lower[start..].find(&format!("</{name}"))?;
    let t = clean(&html[start..end]);
    (!t.is_empty()).then_some(t)
}

/// Markup text: tags removed, then entities decoded, whitespace collapsed.
fn clean(s: &str) -> String {
    let mut no_tags = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => no_tags.push(c),
            _ => {}
        }
    }
    collapse(&decode(&no_tags))
}

/// Whitespace runs collapsed to one space, ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Headline | Outlet` → (`Headline`, `Outlet`); a title without a short suffix stays whole.
fn split_title(t: &str) -> (Option<String>, Option<String>) {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            if let Some(o) = outlet_name(tail) {
                if tail.split_whitespace().count() <= 4 && !head.trim().is_empty() {
                    return (Some(head.trim().to_string()), Some(o));
                }
            }
        }
    }
    (Some(t.to_string()), None)
}

/// True for an absolute `http:` or `https:` URL.
fn is_web_url(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && !u.contains(char::is_whitespace)
}

/// What JSON-LD blocks say.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
}

/// Reads every `<script type="application/ld+json">` block (invalid ones are ignored).
fn json_ld(html: &str, lower: &str) -> LinkedData {
    let mut ld = LinkedData::default();
    let mut done_through = 0;
    for (at, start) in tags(lower, "script") {
        if at < done_through || !lower[at..start].contains("ld+json") {
            continue;
        }
        let Some(end) = lower[start..].find("</script").map(|e| start + e) else {
            break;
        };
        done_through = end;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&html[start..end]) {
            walk(&v, &mut ld, 0);
        }
    }
    ld
}

/// Collects the first headline, publisher name and publication date in a JSON-LD tree.
fn walk(v: &serde_json::Value, ld: &mut LinkedData, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|x| walk(x, ld, depth + 1)),
        Value::Object(map) => {
            let text = |k: &str| {
                map.get(k)
                    .and_then(Value::as_str)
                    .map(|s| collapse(&decode(s)))
            };
            if ld.headline.is_none() {
                ld.headline = text("headline").filter(|s| !s.is_empty());
            }
            if ld.date.is_none() {
                ld.date = text("datePublished").and_then(|d| iso_date(&d));
            }
            if ld.publisher.is_none() {
                ld.publisher = match map.get("publisher") {
                    Some(Value::Object(p)) => p.get("name").and_then(Value::as_str).map(collapse),
                    Some(Value::String(s)) => Some(collapse(s)),
                    _ => None,
                }
                .filter(|s| !s.is_empty());
            }
            map.values().for_each(|x| walk(x, ld, depth + 1));
        }
        _ => {}
    }
}
