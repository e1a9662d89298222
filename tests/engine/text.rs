//! The text layer: tokens and sentences, table-driven.

use newslens::engine::span::Span;
use newslens::engine::text::{sentences, tokens, TokenKind};

struct Case {
    name: &'static str,
    text: &'static str,
    expected: &'static [&'static str],
}

const TOKEN_CASES: &[Case] = &[
    Case {
        name: "curly possessive",
        text: "Iraq’s army",
        expected: &["Iraq", "’s", "army"],
    },
    Case {
        name: "straight possessive",
        text: "Baghdad's offensive",
        expected: &["Baghdad", "'s", "offensive"],
    },
    Case {
        name: "contraction stays",
        text: "don't go",
        expected: &["don't", "go"],
    },
    Case {
        name: "initials",
        text: "the U.S. and U.N. said",
        expected: &["the", "U.S.", "and", "U.N.", "said"],
    },
    Case {
        name: "initials then hyphen",
        text: "U.S.-backed",
        expected: &["U.S.", "-", "backed"],
    },
    Case {
        name: "particle name",
        text: "Haider al-Abadi",
        expected: &["Haider", "al", "-", "Abadi"],
    },
    Case {
        name: "slash acronyms",
        text: "(ISIS/ISIL)",
        expected: &["(", "ISIS", "/", "ISIL", ")"],
    },
    Case {
        name: "numbers",
        text: "61,000 people, 3.5 km, 25th",
        expected: &["61,000", "people", ",", "3.5", "km", ",", "25th"],
    },
    Case {
        name: "no-break space",
        text: "spokesman\u{a0}Stéphane Dujarric",
        expected: &["spokesman", "Stéphane", "Dujarric"],
    },
    Case {
        name: "combining mark",
        text: "Ste\u{301}phane went",
        expected: &["Ste\u{301}phane", "went"],
    },
    Case {
        name: "curly quotes",
        text: "“thousands” of",
        expected: &["“", "thousands", "”", "of"],
    },
    Case {
        name: "alphanumeric",
        text: "the K1 base",
        expected: &["the", "K1", "base"],
    },
    Case {
        name: "emoji",
        text: "Kirkuk 🙂!",
        expected: &["Kirkuk", "🙂", "!"],
    },
    Case {
        name: "rtl",
        text: "كركوك city",
        expected: &["كركوك", "city"],
    },
    Case {
        name: "plural possessive",
        text: "the Kurds’ city",
        expected: &["the", "Kurds", "’", "city"],
    },
];

#[test]
fn tokens_table() {
    for c in TOKEN_CASES {
        let got: Vec<&str> = tokens(c.text, Span::new(0, c.text.len()))
            .iter()
            .map(|t| t.span.slice(c.text))
            .collect();
        assert_eq!(got, c.expected, "case {}", c.name);
    }
}

#[test]
fn token_kinds_and_spacing() {
    let text = "Iraq’s U.S.-led 61,000";
    let t = tokens(text, Span::new(0, text.len()));
    let kinds: Vec<TokenKind> = t.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TokenKind::Word,
            TokenKind::Possessive,
            TokenKind::Initials,
            TokenKind::Punct,
            TokenKind::Word,
            TokenKind::Number
        ]
    );
    let spaced: Vec<bool> = t.iter().map(|t| t.space_before).collect();
    assert_eq!(spaced, [true, false, true, false, false, true]);
}

#[test]
fn tokens_of_a_subrange_are_absolute() {
    let text = "skip this. Kirkuk now";
    let start = text.find('K').unwrap();
    let t = tokens(text, Span::new(start, text.len()));
    assert_eq!(t[0].span, Span::new(start, start + 6));
}

const SENTENCE_CASES: &[Case] = &[
    Case {
        name: "two sentences",
        text: "Kirkuk fell. Baghdad won.",
        expected: &["Kirkuk fell.", "Baghdad won."],
    },
    Case {
        name: "abbreviated month",
        text: "On Oct. 16 they left. Then",
        expected: &["On Oct. 16 they left.", "Then"],
    },
    Case {
        name: "title abbreviation",
        text: "Col. Rob Manning said so.",
        expected: &["Col. Rob Manning said so."],
    },
    Case {
        name: "initials mid-sentence",
        text: "the U.S. military said.",
        expected: &["the U.S. military said."],
    },
    Case {
        name: "closing quote",
        text: "“It is over.” He left.",
        expected: &["“It is over.”", "He left."],
    },
    Case {
        name: "lines",
        text: "Headline\nBody text.",
        expected: &["Headline", "Body text."],
    },
    Case {
        name: "question and bang",
        text: "Why? Because! Yes",
        expected: &["Why?", "Because!", "Yes"],
    },
    Case {
        name: "empty",
        text: "",
        expected: &[],
    },
];

#[test]
fn sentences_table() {
    for c in SENTENCE_CASES {
        let got: Vec<&str> = sentences(c.text).iter().map(|s| s.slice(c.text)).collect();
        assert_eq!(got, c.expected, "case {}", c.name);
    }
}
