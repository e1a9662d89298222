//! A small dependency-free HTML-to-text reducer for imported pages.
//!
//! It keeps the readable text, one paragraph per line: block elements (`p`, `div`, `li`,
//! headings, `br`, …) end a line, comments and non-content elements (`script`, `style`, `nav`,
//! `header`, `footer`, `aside`, `form`, `svg`, `noscript`, `template`, `iframe`, `head`) are
//! dropped with everything inside them, and character references are decoded. It never fails:
//! malformed markup degrades to text. Time is linear in the input.

/// Elements dropped together with their content.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "svg", "noscript", "template",
    "iframe", "head", "button", "select", "object", "canvas", "math",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "figcaption",
    "figure",
    "hr",
    "title",
    "main",
    "dd",
    "dt",
    "dl",
    "pre",
    "address",
    "caption",
    "body",
    "html",
];

/// Reduces an HTML document to its text, one block per line, blank line between blocks.
///
/// ```
/// use newslens::engine::html::to_text;
/// let html = "<html><head><title>T</title><script>x<y</script></head>\
///             <body><nav>Menu</nav><p>Fleeing &amp; <b>Kirkuk</b>&nbsp;now</p><!-- c --><p>Two</p></body></html>";
/// assert_eq!(to_text(html), "Fleeing & Kirkuk\u{a0}now\n\nTwo");
/// ```
#[must_use]
pub fn to_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut pending_space = false;
    while i < b.len() {
        if starts_tag(b, i) {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
                continue;
            }
            let Some(close) = tag_end(html, i) else {
                break;
            };
            let inner = &html[i + 1..close];
            let (closing, name) = tag_name(inner);
            i = close + 1;
            if !closing && DROPPED.contains(&name.as_str()) && !inner.ends_with('/') {
                i = skip_element(html, i, &name);
                pending_space = true;
                continue;
            }
            if BLOCKS.contains(&name.as_str()) {
                end_line(&mut out);
                pending_space = false;
            }
            continue;
        }
        // Text up to the next tag (a `<` that starts none is text: "a < b", "<3").
        let end = next_tag(b, i + 1);
        for c in decode(&html[i..end]).chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                pending_space = true;
            } else {
                if pending_space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
        i = end;
    }
    // Trim every line, keep one blank line between paragraphs.
    let mut text = String::with_capacity(out.len());
    for line in out.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(line);
    }
    text
}

/// True when the `<` at byte `i` starts markup: HTML treats `<` as text unless a letter, `/`,
/// `!` or `?` follows it.
fn starts_tag(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'<')
        && b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
}

/// The first byte at or after `from` that starts markup, or the end.
fn next_tag(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() {
        match b[i..].iter().position(|&c| c == b'<') {
            Some(rel) if starts_tag(b, i + rel) => return i + rel,
            Some(rel) => i += rel + 1,
            None => return b.len(),
        }
    }
    b.len()
}

/// The `>` that ends the tag starting at `at`, skipping quoted attribute values
/// (`alt="a>b"`). A quote left open falls back to the first `>`, so that the rest of the
/// page is not swallowed.
fn tag_end(html: &str, at: usize) -> Option<usize> {
    let b = html.as_bytes();
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&q) = b.get(i).filter(|&&q| q == b'"' || q == b'\'') {
                    match b[i + 1..].iter().position(|&c| c == q) {
                        Some(rel) => i += rel + 2,
                        None => return html[at..].find('>').map(|e| at + e),
                    }
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Ends the current line, if it has text.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `(is_closing, lowercase name)` of a tag's inside (`/p`, `div class=x`).
fn tag_name(inner: &str) -> (bool, String) {
    let t = inner.trim_start();
    let (closing, t) = match t.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let name: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (closing, name)
}

/// Skips to just after the `</name>` matching an element opened before `i` (nested same-name
/// elements counted), or to the end.
fn skip_element(html: &str, mut i: usize, name: &str) -> usize {
    let raw = matches!(name, "script" | "style");
    let mut depth = 1;
    while let Some(rel) = html[i..].find('<') {
        let at = i + rel;
        if !starts_tag(html.as_bytes(), at) {
            i = at + 1;
            continue;
        }
        // Script and style content is not markup: its quotes mean nothing to the page.
        let close = if raw {
            html[at..].find('>').map(|e| at + e)
        } else {
            tag_end(html, at)
        };
        let Some(close) = close else {
            return html.len();
        };
        let (closing, n) = tag_name(&html[at + 1..close]);
        i = close + 1;
        if n == name {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            } else if !raw && !html[at + 1..close].ends_with('/') {
                depth += 1;
            }
        }
    }
    html.len()
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, common named ones).
#[must_use]
pub fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The character a reference name (between `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    })
}
