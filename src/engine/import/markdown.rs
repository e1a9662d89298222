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
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let bang = rest.starts_with("![");
        if rest.starts_with('[') || bang {
            let open = usize::from(bang) + 1;
            if let Some((label, after)) = link(&rest[open..]) {
                out.push_str(&emphasis(label));
                rest = after;
                continue;
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    emphasis(&out)
}

/// After a `[`: `label](target)` gives `(label, rest after ')')`.
fn link(s: &str) -> Option<(&str, &str)> {
    let close = s.find(']')?;
    let after = s[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&s[..close], &after[end + 1..]))
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
