//! Markdown to plain text, minimally: the words stay, the markup goes.
//!
//! Heading markers, block quotes, emphasis, code fences, rules, link and image syntax are
//! removed; list items, paragraphs and line structure are kept. Anything that looks like HTML
//! stays as literal text (it is never rendered).

/// The text of a Markdown document, one paragraph per line.
pub(super) fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") || is_rule(t) {
            out.push('\n');
            continue;
        }
        let mut t = t;
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start();
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            t = t[hashes..].trim().trim_end_matches('#').trim_end();
        }
        out.push_str(&inline(t));
        out.push('\n');
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(t: &str) -> bool {
    let c: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    c.len() >= 3 && ['-', '*', '_'].iter().any(|m| c.iter().all(|x| x == m))
}

/// Inline markup of one line: images and links keep their text, emphasis markers go.
///
/// `[label](target)` and `![alt](target)` become their label (labels without brackets,
/// targets without whitespace). Linear in the line: a bracket scan stops at the next bracket,
/// so scans never overlap, and a failed target scan is remembered.
fn inline(line: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut plain_from) = (0, 0);
    // Target scans starting at or before this byte find no `)`.
    let mut no_target_through: Option<usize> = None;
    while i < b.len() {
        let open = match b[i] {
            b'[' => i,
            b'!' if b.get(i + 1) == Some(&b'[') => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        // The first bracket after `[`: a link only if it is `]` followed by `(`.
        let Some(close) = (open + 1..b.len()).find(|&j| matches!(b[j], b'[' | b']')) else {
            break;
        };
        if b[close] == b'[' || b.get(close + 1) != Some(&b'(') {
            i = close;
            continue;
        }
        let from = close + 2;
        if no_target_through.is_some_and(|t| from <= t) {
            i = close + 1;
            continue;
        }
        let stop = (from..b.len())
            .find(|&k| b[k] == b')' || b[k].is_ascii_whitespace())
            .unwrap_or(b.len());
        if stop == b.len() || b[stop] != b')' {
            no_target_through = Some(stop);
            i = close + 1;
            continue;
        }
        out.push_str(&line[plain_from..i]);
        out.push_str(&line[open + 1..close]);
        i = stop + 1;
        plain_from = i;
    }
    out.push_str(&line[plain_from..]);
    emphasis(&out)
}

/// Drops `**`, `__`, `~~`, backticks, and single `*`/`_` that open or close a word.
fn emphasis(s: &str) -> String {
    let s = s.replace("**", "").replace("__", "").replace("~~", "");
    let s = s.replace('`', "");
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '*' || c == '_' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // Inside a word (snake_case, 2*3) the marker is a character, not markup.
            if !(word(before) && word(after)) && (word(before) || word(after)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}
