//! Imports: every bad input gets its own error and message; hostile HTML becomes inert text;
//! title, outlet and date are pre-filled from what the input reveals.

use newslens::engine::corpus::bundled;
use newslens::engine::import::{
    check_duplicate, check_file_size, convert_import, prepare_import, text_hash, Fingerprint,
    Format, ImportError, KnownTexts, MAX_FILE_BYTES, MAX_TEXT_BYTES,
};
use std::sync::Arc;

/// An ordinary article body, long enough not to be furniture.
const BODY: &str = "Iraqi forces entered Kirkuk on Monday after a short standoff.\n\n\
                    Thousands of residents fled north towards Erbil, officials said.";

fn bundled_fingerprints() -> Vec<Fingerprint> {
    bundled().unwrap().iter().map(Fingerprint::of).collect()
}

/// A refused input: its name, bytes, the error, and words its message must contain.
struct Refused {
    name: &'static str,
    file: Option<&'static str>,
    bytes: Vec<u8>,
    expected: fn(&ImportError) -> bool,
    message: &'static [&'static str],
}

#[test]
fn bad_inputs_are_refused_each_with_its_own_message() {
    let bundled = bundled().unwrap();
    let first = &bundled[0];
    let mut fifty_mb = BODY.as_bytes().repeat(50_000_000 / BODY.len() + 1);
    fifty_mb.truncate(50_000_000);
    let six_mb_text = format!("{BODY}\n").repeat(MAX_TEXT_BYTES / BODY.len() + 10);
    let mut latin1 = b"Caf".to_vec();
    latin1.push(0xe9); // é in Latin-1
    latin1.extend_from_slice(b" in Kirkuk reopened on Monday after the fighting.");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let controls: Vec<u8> = (0..400u32)
        .map(|i| [b'a', 0x01, 0x02, b'b'][(i % 4) as usize])
        .collect();
    let mut dup_rewrapped = first.text.replace('\n', "\r\n\r\n");
    dup_rewrapped.push_str("   \n");

    let cases = vec![
        Refused {
            name: "empty bytes",
            file: None,
            bytes: Vec::new(),
            expected: |e| *e == ImportError::Empty,
            message: &["nothing to import", "empty"],
        },
        Refused {
            name: "whitespace only",
            file: Some("blank.txt"),
            bytes: b" \n\t\r\n   \n".to_vec(),
            expected: |e| *e == ImportError::Empty,
            message: &["nothing to import"],
        },
        Refused {
            name: "a 50 MB file",
            file: Some("huge.txt"),
            bytes: fifty_mb,
            expected: |e| matches!(e, ImportError::TooLarge { bytes: 50_000_000, .. }),
            message: &["too large", "50 MB", "up to 5 MB"],
        },
        Refused {
            name: "6 MB of text under the file limit",
            file: Some("long.txt"),
            bytes: six_mb_text.into_bytes(),
            expected: |e| matches!(e, ImportError::TooLarge { limit: MAX_TEXT_BYTES, .. }),
            message: &["too large", "up to 5 MB"],
        },
        Refused {
            name: "a PNG image",
            file: Some("photo.png"),
            bytes: png,
            expected: |e| *e == ImportError::Binary,
            message: &["not text", ".txt"],
        },
        Refused {
            name: "NUL bytes in a .txt",
            file: Some("story.txt"),
            bytes: b"Kirkuk\0\0\0 story".to_vec(),
            expected: |e| *e == ImportError::Binary,
            message: &["not text"],
        },
        Refused {
            name: "many control characters",
            file: None,
            bytes: controls,
            expected: |e| *e == ImportError::Binary,
            message: &["not text"],
        },
        Refused {
            name: "Latin-1 text",
            file: Some("latin1.txt"),
            bytes: latin1,
            expected: |e| *e == ImportError::NotUtf8 { at: 3 },
            message: &["not UTF-8", "position 3", "does not guess"],
        },
        Refused {
            name: "UTF-16 with an unpaired surrogate",
            file: None,
            bytes: vec![0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b', 0],
            expected: |e| matches!(e, ImportError::NotUtf8 { .. }),
            message: &["not UTF-8"],
        },
        Refused {
            name: "only boilerplate lines",
            file: None,
            bytes: b"Sign up for our newsletter\nAP Photo\nSubscribe to The Daily Star\nhttps://example.com/a.jpg\n"
                .to_vec(),
            expected: |e| *e == ImportError::OnlyBoilerplate { lines: 4 },
            message: &["No article text", "all 4 lines", "page furniture"],
        },
        Refused {
            name: "HTML with nothing but scripts and navigation",
            file: Some("empty.html"),
            bytes: b"<html><head><title>x</title><script>alert(1)</script></head><body><nav>Home | World</nav></body></html>"
                .to_vec(),
            expected: |e| *e == ImportError::OnlyBoilerplate { lines: 0 },
            message: &["No article text", "nothing is left"],
        },
        Refused {
            name: "a bundled article again",
            file: Some("copy.txt"),
            bytes: first.text.as_bytes().to_vec(),
            expected: |e| matches!(e, ImportError::Duplicate { id, .. } if id == "000_d9b921036b694c82"),
            message: &["already in NewsLens", "Fleeing Iraqi Invasion", "000_d9b921036b694c82"],
        },
        Refused {
            name: "a bundled article re-wrapped with CRLF and blank lines",
            file: None,
            bytes: dup_rewrapped.into_bytes(),
            expected: |e| matches!(e, ImportError::Duplicate { id, .. } if id == "000_d9b921036b694c82"),
            message: &["already in NewsLens"],
        },
    ];
    let existing = bundled_fingerprints();
    // The size is refused before reading, with the same message.
    assert_eq!(
        check_file_size(50_000_000),
        Err(ImportError::TooLarge {
            bytes: 50_000_000,
            limit: MAX_TEXT_BYTES
        })
    );
    assert_eq!(check_file_size(MAX_FILE_BYTES), Ok(()));
    for case in cases {
        let err = prepare_import(case.file, &case.bytes, &existing, "seed").expect_err(case.name);
        assert!((case.expected)(&err), "{}: got {err:?}", case.name);
        let message = err.to_string();
        for part in case.message {
            assert!(
                message.contains(part),
                "{}: {message:?} lacks {part:?}",
                case.name
            );
        }
    }
}

#[test]
fn every_error_kind_has_a_distinct_message() {
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge {
            bytes: 50_000_000,
            limit: MAX_TEXT_BYTES,
        },
        ImportError::Binary,
        ImportError::NotUtf8 { at: 3 },
        ImportError::OnlyBoilerplate { lines: 0 },
        ImportError::OnlyBoilerplate { lines: 1 },
        ImportError::Duplicate {
            id: "a".into(),
            title: "T".into(),
        },
    ];
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for (i, m) in messages.iter().enumerate() {
        assert!(m.ends_with('.'), "{m}");
        assert!(!messages[..i].contains(m), "repeated message {m}");
    }
    assert!(
        messages[5].contains("its only line looks like page furniture"),
        "{}",
        messages[5]
    );
    const { assert!(MAX_FILE_BYTES >= MAX_TEXT_BYTES) };
}

#[test]
fn accepted_inputs_decode_and_keep_their_text() {
    struct Case {
        name: &'static str,
        file: Option<&'static str>,
        bytes: Vec<u8>,
        format: Format,
        text: &'static str,
    }
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "Kirkuk story\r\nLine two é"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let utf16be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain("Kirkuk story".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let cases = [
        Case {
            name: "plain text, CRLF, trailing spaces",
            file: Some("a.txt"),
            bytes: b"  Title here  \r\n\r\nBody text.  \r\n".to_vec(),
            format: Format::Text,
            text: "Title here\n\nBody text.",
        },
        Case {
            name: "UTF-8 BOM",
            file: None,
            bytes: b"\xef\xbb\xbfTitle\nBody".to_vec(),
            format: Format::Text,
            text: "Title\nBody",
        },
        Case {
            name: "UTF-16 LE with BOM",
            file: Some("w.txt"),
            bytes: utf16,
            format: Format::Text,
            text: "Kirkuk story\nLine two é",
        },
        Case {
            name: "UTF-16 BE with BOM",
            file: None,
            bytes: utf16be,
            format: Format::Text,
            text: "Kirkuk story",
        },
        Case {
            name: "Markdown",
            file: Some("notes.md"),
            bytes: b"# Kirkuk *falls*\n\n> **Iraqi** forces [entered](http://x.example) the city.\n\n---\n\n![map](m.png) snake_case stays\n"
                .to_vec(),
            format: Format::Markdown,
            text: "Kirkuk falls\n\nIraqi forces entered the city.\n\n\n\nmap snake_case stays",
        },
        Case {
            name: "HTML sniffed from pasted content",
            file: None,
            bytes: b"<!doctype html><html><body><p>First &amp; <b>second</b></p><p>Third</p></body></html>".to_vec(),
            format: Format::Html,
            text: "First & second\n\nThird",
        },
        Case {
            name: "a .txt file with markup stays text",
            file: Some("raw.txt"),
            bytes: b"<p>Kirkuk</p> is a city in Iraq, residents said.".to_vec(),
            format: Format::Text,
            text: "<p>Kirkuk</p> is a city in Iraq, residents said.",
        },
        Case {
            name: "stray control characters dropped",
            file: None,
            bytes: b"Title\x07 line\nBody\x1b text".to_vec(),
            format: Format::Text,
            text: "Title line\nBody text",
        },
    ];
    for case in cases {
        let draft = prepare_import(case.file, &case.bytes, &[], "seed")
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(draft.format, case.format, "{}", case.name);
        assert_eq!(draft.text, case.text, "{}", case.name);
        assert_eq!(draft.hash, text_hash(case.text), "{}", case.name);
    }
}

#[test]
fn hostile_html_becomes_inert_text() {
    let page = r#"<!DOCTYPE html><html><head><title>Kirkuk &lt;b&gt; report</title>
<style>body{background:url(javascript:alert(1))}</style>
<script>alert('head')</script></head><body>
<p>Forces entered Kirkuk.<script>document.cookie</script></p>
<p><img src=x onerror="alert(1)">Residents fled <a href="javascript:alert(2)">north</a>.</p>
<svg onload="alert(3)"><script>alert(4)</script><text>svg text</text></svg>
<p style="position:fixed">Styled &lt;script&gt;alert(5)&lt;/script&gt; shown as text</p>
<iframe src="data:text/html,<script>alert(6)</script>"></iframe>
<p onclick="alert(7)">Click <object data="x.swf">obj</object>handler</p>
</body></html>"#;
    let draft = prepare_import(Some("hostile.html"), page.as_bytes(), &[], "seed").unwrap();
    let t = &draft.text;
    for gone in [
        "alert('head')",
        "document.cookie",
        "onerror",
        "javascript:",
        "svg text",
        "alert(3)",
        "alert(4)",
        "alert(6)",
        "onclick",
        "background:url",
    ] {
        assert!(!t.contains(gone), "{gone:?} survived in {t:?}");
    }
    assert!(t.contains("Forces entered Kirkuk."), "{t}");
    assert!(t.contains("Residents fled north."), "{t}");
    // Escaped markup in the page is the page's text: it stays as literal characters.
    assert!(
        t.contains("Styled <script>alert(5)</script> shown as text"),
        "{t}"
    );
    assert!(
        !t.contains("<img") && !t.contains("<a ") && !t.contains("<p"),
        "{t}"
    );
    assert_eq!(draft.meta.title, "Kirkuk <b> report");
}

#[test]
fn hostile_plain_text_is_kept_verbatim_as_text() {
    // Plain text is never parsed as markup: what the user wrote stays, as characters.
    let text = "Report: <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\
                A <a href=\"javascript:alert(3)\">link</a>, RTL \u{202e}override\u{202c}, zero\u{200b}width, \
                and a very long word ";
    let long_word = "x".repeat(10_000);
    let input = format!("{text}{long_word}");
    let draft = prepare_import(Some("hostile.txt"), input.as_bytes(), &[], "seed").unwrap();
    assert_eq!(draft.format, Format::Text);
    assert_eq!(draft.text, input);
    assert_eq!(
        draft.meta.title,
        "Report: <script>alert(1)</script> and <img src=x onerror=alert(2)>"
    );
}

#[test]
fn html_metadata_is_prefilled() {
    struct Case {
        name: &'static str,
        html: &'static str,
        title: &'static str,
        outlet: &'static str,
        published: Option<&'static str>,
        url: Option<&'static str>,
    }
    let cases = [
        Case {
            name: "Open Graph",
            html: r#"<html><head><title>Ignored | Site</title>
<meta property="og:title" content="Kirkuk &amp; the Kurds">
<meta property='og:site_name' content='The Daily Star'>
<meta property="article:published_time" content="2017-10-16T09:30:00+03:00">
<meta property="og:url" content="https://example.com/kirkuk">
<meta name="description" content="What happened.">
</head><body><p>Forces entered Kirkuk on Monday.</p></body></html>"#,
            title: "Kirkuk & the Kurds",
            outlet: "The Daily Star",
            published: Some("2017-10-16"),
            url: Some("https://example.com/kirkuk"),
        },
        Case {
            name: "title tag with site suffix and <time datetime>",
            html: r#"<html><head><title>Thousands flee Kirkuk | Rudaw</title></head><body>
<article><time datetime="2017-10-17">Oct 17</time><p>Thousands fled the city on Tuesday.</p></article></body></html>"#,
            title: "Thousands flee Kirkuk",
            outlet: "Rudaw",
            published: Some("2017-10-17"),
            url: None,
        },
        Case {
            name: "JSON-LD",
            html: r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Peshmerga withdraw","datePublished":"2017-10-18T01:00:00Z","publisher":{"@type":"Organization","name":"Kurdistan 24"}}]}</script>
<link rel="canonical" href="javascript:alert(1)"></head><body><p>The Peshmerga withdrew from the area.</p></body></html>"#,
            title: "Peshmerga withdraw",
            outlet: "Kurdistan 24",
            published: Some("2017-10-18"),
            url: None,
        },
        Case {
            name: "nothing in the head: first line of text",
            html: "<body><h1>A headline in the body</h1><p>By Jane Roe | Reuters</p><p>Story text goes here, at length.</p></body>",
            title: "A headline in the body",
            outlet: "Reuters",
            published: None,
            url: None,
        },
    ];
    for case in cases {
        let d = prepare_import(Some("page.html"), case.html.as_bytes(), &[], "s")
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(d.meta.title, case.title, "{}", case.name);
        assert_eq!(d.meta.outlet, case.outlet, "{}", case.name);
        assert_eq!(d.meta.published.as_deref(), case.published, "{}", case.name);
        assert_eq!(d.meta.url.as_deref(), case.url, "{}", case.name);
        assert_eq!(d.meta.certainty, "user", "{}", case.name);
        assert!(
            d.meta
                .evidence
                .starts_with("imported by the user from page.html (HTML)"),
            "{}",
            case.name
        );
    }
}

#[test]
fn plain_text_metadata_is_prefilled() {
    struct Case {
        name: &'static str,
        text: &'static str,
        title: &'static str,
        outlet: &'static str,
        published: Option<&'static str>,
    }
    let cases = [
        Case {
            name: "Month D, YYYY and a subscription prompt",
            text: "Iraqi forces take Kirkuk\nOctober 16, 2017\nForces entered the city.\nSubscribe to The Washington Post",
            title: "Iraqi forces take Kirkuk",
            outlet: "The Washington Post",
            published: Some("2017-10-16"),
        },
        Case {
            name: "D Month YYYY and a copyright line",
            text: "Kurds leave Kirkuk\n\nPublished 16 October 2017\n\nStory.\n\n© 2017 Middle East Eye. All rights reserved.",
            title: "Kurds leave Kirkuk",
            outlet: "Middle East Eye",
            published: Some("2017-10-16"),
        },
        Case {
            name: "ISO date, byline with outlet",
            text: "Standoff ends\nBy John Smith | Al Jazeera\n2017-10-16\nThe standoff ended.",
            title: "Standoff ends",
            outlet: "Al Jazeera",
            published: Some("2017-10-16"),
        },
        Case {
            name: "byline with outlet and a date after it",
            text: "Talks resume\n\nBy Ana Ruiz | Northern Gazette | May 21, 2015\n\nTalks resumed.",
            title: "Talks resume",
            outlet: "Northern Gazette",
            published: Some("2015-05-21"),
        },
        Case {
            name: "byline with the outlet after a comma, then a place",
            text: "Floods in Cumbria\nBy Jane Smith, BBC News, Carlisle\nRivers burst their banks.",
            title: "Floods in Cumbria",
            outlet: "BBC News",
            published: None,
        },
        Case {
            name: "byline with two names and an agency's acronym after a comma",
            text: "Markets fall\nBy John Brown and Lisa Chen, AFP\nShares fell.",
            title: "Markets fall",
            outlet: "AFP",
            published: None,
        },
        Case {
            name: "byline with a job title after the comma: no outlet",
            text: "Budget passes\nBy Jane Smith, Political Correspondent\nThe budget passed.",
            title: "Budget passes",
            outlet: "",
            published: None,
        },
        Case {
            name: "byline with a job title naming a newsroom word: no outlet",
            text: "Budget passes\nBy Jane Smith, Senior News Editor, Washington\nThe budget passed.",
            title: "Budget passes",
            outlet: "",
            published: None,
        },
        Case {
            name: "abbreviated month, newsletter prompt",
            text: "Kirkuk falls\nMon., Oct. 16, 2017\nText.\nSign up for Rudaw's newsletter to get the news",
            title: "Kirkuk falls",
            outlet: "Rudaw",
            published: Some("2017-10-16"),
        },
        Case {
            name: "furniture first, no date, no outlet",
            text: "AP Photo\nThe real first line\nSubscribe to our newsletter\nMore text.",
            title: "The real first line",
            outlet: "",
            published: None,
        },
        Case {
            name: "an impossible date is not a date",
            text: "Headline\nFebruary 30, 2017\nText.",
            title: "Headline",
            outlet: "",
            published: None,
        },
    ];
    for case in cases {
        let d = prepare_import(None, case.text.as_bytes(), &[], "s")
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(d.meta.title, case.title, "{}", case.name);
        assert_eq!(d.meta.outlet, case.outlet, "{}", case.name);
        assert_eq!(d.meta.published.as_deref(), case.published, "{}", case.name);
    }
}

#[test]
fn ids_are_stable_and_prefixed() {
    let a = prepare_import(None, BODY.as_bytes(), &[], "2026-11-23T04:00").unwrap();
    let b = prepare_import(Some("x.txt"), BODY.as_bytes(), &[], "2026-11-23T04:00").unwrap();
    let c = prepare_import(None, BODY.as_bytes(), &[], "2026-11-23T04:01").unwrap();
    assert_eq!(a.meta.id, b.meta.id);
    assert_ne!(a.meta.id, c.meta.id);
    assert!(
        a.meta.id.starts_with("user-") && a.meta.id.len() == 5 + 16,
        "{}",
        a.meta.id
    );
    assert_eq!(a.meta.file, format!("{}.txt", a.meta.id));
    assert_eq!(b.meta.file, "x.txt");
    let nested =
        prepare_import(Some("C:\\Users\\me\\story.md"), BODY.as_bytes(), &[], "s").unwrap();
    assert_eq!(nested.meta.file, "story.md");
    // A second import of the same text is a duplicate of the first.
    let err = prepare_import(
        None,
        BODY.as_bytes(),
        &[Fingerprint::new(&a.meta.id, &a.meta.title, &a.text)],
        "later",
    );
    assert!(matches!(err, Err(ImportError::Duplicate { ref id, .. }) if *id == a.meta.id));
}

/// The app's path: the worker converts without the corpus, the page checks for duplicates.
/// Together they must refuse and accept exactly what `prepare_import` does.
#[test]
fn converting_then_checking_duplicates_is_preparing() {
    let existing = bundled_fingerprints();
    let first = bundled().unwrap()[0].text.to_string();
    let inputs: [(Option<&str>, Vec<u8>); 4] = [
        (None, BODY.as_bytes().to_vec()),
        (Some("copy.txt"), first.as_bytes().to_vec()),
        (
            Some("page.html"),
            format!("<html><body><p>{BODY}</p></body></html>").into_bytes(),
        ),
        (None, b"   ".to_vec()),
    ];
    for (name, bytes) in inputs {
        let whole = prepare_import(name, &bytes, &existing, "seed");
        let split = convert_import(name, &bytes, "seed")
            .and_then(|d| check_duplicate(&d, &existing).map(|()| d));
        assert_eq!(split, whole, "{name:?}");
    }
    // The duplicate is found by the page's check, not by the conversion.
    let draft = convert_import(None, first.as_bytes(), "seed").expect("converted");
    assert!(matches!(
        check_duplicate(&draft, &existing),
        Err(ImportError::Duplicate { ref id, .. }) if id == "000_d9b921036b694c82"
    ));
    assert_eq!(check_duplicate(&draft, &[]), Ok(()));
}

/// The app keeps the corpus's text hashes between imports; what it refuses must follow the
/// corpus as it is now: a text replaced under the same id, an article removed.
#[test]
fn kept_text_hashes_follow_the_corpus() {
    let bundled = bundled().unwrap();
    let (first, second) = (&bundled[0], &bundled[1]);
    let draft_of = |text: &str| convert_import(None, text.as_bytes(), "seed").expect("converts");
    let (dup_first, dup_second) = (draft_of(&first.text), draft_of(&second.text));
    let fresh = draft_of(BODY);
    let mut known = KnownTexts::default();
    let corpus = |a: &Arc<str>| {
        vec![
            (first.meta.clone(), Arc::clone(a)),
            (second.meta.clone(), Arc::clone(&second.text)),
        ]
    };
    let check = |known: &mut KnownTexts, draft, articles: &[(_, Arc<str>)]| {
        known.check(draft, articles.iter().map(|(m, t)| (m, t)))
    };

    // As `check_duplicate` over the fingerprints, first time and again from the kept hashes.
    let now = corpus(&first.text);
    for _ in 0..2 {
        for draft in [&dup_first, &dup_second, &fresh] {
            let fingerprints: Vec<Fingerprint> = now
                .iter()
                .map(|(m, t)| Fingerprint::new(&m.id, &m.title, t))
                .collect();
            assert_eq!(
                check(&mut known, draft, &now),
                check_duplicate(draft, &fingerprints)
            );
        }
    }
    assert_eq!(known.len(), 2);
    // The first article's text replaced by BODY under the same id: its old text is no longer
    // there, BODY is.
    let replaced = corpus(&Arc::from(fresh.text.as_str()));
    assert_eq!(check(&mut known, &dup_first, &replaced), Ok(()));
    assert!(matches!(
        check(&mut known, &fresh, &replaced),
        Err(ImportError::Duplicate { ref id, .. }) if *id == first.meta.id
    ));
    // An article removed is forgotten.
    assert_eq!(check(&mut known, &dup_second, &replaced[..1]), Ok(()));
    assert_eq!(known.len(), 1);
    // Hashes learnt ahead give the same answers; a text learnt under an id and then replaced
    // there is not taken for the new one.
    let mut ahead = KnownTexts::default();
    for (meta, text) in &now {
        ahead.learn(meta, text);
    }
    assert_eq!(ahead.len(), 2);
    assert!(check(&mut ahead, &dup_first, &now).is_err());
    assert_eq!(check(&mut ahead, &dup_first, &replaced), Ok(()));
    // Learning again what is known keeps it; learning the replaced text replaces its hash.
    let mut again = KnownTexts::default();
    for (meta, text) in now.iter().chain(&now).chain(&replaced) {
        again.learn(meta, text);
    }
    assert_eq!(again.len(), 2);
    assert_eq!(check(&mut again, &dup_first, &replaced), Ok(()));
    assert!(check(&mut again, &dup_second, &replaced).is_err());
}

#[test]
fn long_first_line_is_shortened_for_the_title() {
    let line = "word ".repeat(100);
    let d = prepare_import(None, format!("{line}\nSecond line.").as_bytes(), &[], "s").unwrap();
    assert!(d.meta.title.ends_with('…'), "{}", d.meta.title);
    assert!(d.meta.title.chars().count() <= 161, "{}", d.meta.title);
}

/// Inputs built to make a careless parser quadratic: each must finish quickly (a quadratic
/// walk over 300 KB takes minutes in a debug build) and give a sensible result.
#[test]
fn pathological_inputs_stay_linear() {
    let n = 300_000;
    let cases: Vec<(&str, String, Result<&str, ImportError>)> = vec![
        ("a.md", format!("# t\n\n{}", "[".repeat(n)), Ok("t")),
        ("a.md", format!("# t\n\n{}", "[a](".repeat(n / 4)), Ok("t")),
        ("a.md", format!("# t\n\n{}", "![a] ".repeat(n / 5)), Ok("t")),
        ("a.md", format!("# t\n\n{}", "*_".repeat(n / 2)), Ok("t")),
        (
            "a.txt",
            "AP Photo\n".repeat(n / 9) + "The one line of story.\n",
            Ok("The one line of story."),
        ),
        ("a.html", "<meta ".repeat(n / 6) + "<p>text</p>", Ok("text")),
        (
            "a.html",
            "<time datetime=x>".repeat(n / 17) + "<p>text</p>",
            Ok("text"),
        ),
        (
            "a.html",
            "<script type=application/ld+json>".repeat(n / 34) + "<p>text</p>",
            Err(ImportError::OnlyBoilerplate { lines: 0 }),
        ),
        (
            "a.html",
            format!("<title>{}", "x".repeat(n)),
            Ok("xxxxxxxx"),
        ),
        (
            "a.html",
            "<!--".repeat(n / 4),
            Err(ImportError::OnlyBoilerplate { lines: 0 }),
        ),
        ("a.txt", "x\n".repeat(n), Ok("x")),
        ("a.txt", "Subscribe to ".repeat(n / 13), Ok("Subscribe to")),
    ];
    for (name, input, expected) in cases {
        let started = std::time::Instant::now();
        let got = prepare_import(Some(name), input.as_bytes(), &[], "s");
        let elapsed = started.elapsed();
        match (&got, &expected) {
            (Ok(d), Ok(title)) => {
                assert!(d.meta.title.starts_with(title), "{name}: {}", d.meta.title)
            }
            (Err(e), Err(x)) => assert_eq!(e, x, "{name}"),
            _ => panic!("{name} {:?}: got {got:?}", &input[..12]),
        }
        // Generous for a loaded debug build; a quadratic walk is orders of magnitude slower.
        assert!(
            elapsed.as_secs() < 20,
            "{name} {:?}: {elapsed:?}",
            &input[..12]
        );
    }
}

/// FNV-1a (64-bit) of the words of `text` joined by single spaces: what `text_hash` is defined
/// as, written the obvious way.
fn reference_hash(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let h = joined.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{h:016x}")
}

proptest::proptest! {
    /// The byte-by-byte hash agrees with its definition on any text, Unicode spaces included.
    #[test]
    fn text_hash_is_the_hash_of_the_words(
        text in "([a-zé€😀,.]{0,6}[ \t\n\r\u{0B}\u{0C}\u{85}\u{A0}\u{1680}\u{2000}\u{2009}\u{200B}\u{2028}\u{202F}\u{3000}]{0,3}){0,12}"
    ) {
        proptest::prop_assert_eq!(text_hash(&text), reference_hash(&text));
    }
}

#[test]
fn text_hash_examples() {
    for text in [
        "",
        "   ",
        "one",
        " one  two\n\tthree ",
        "a\u{A0}b\u{200B}c",
        "é😀 x\u{3000}",
    ] {
        assert_eq!(text_hash(text), reference_hash(text), "{text:?}");
    }
    assert_eq!(text_hash("a  b"), text_hash("a\nb"));
    assert_ne!(text_hash("ab"), text_hash("a b"));
}
