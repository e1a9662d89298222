//! DATE and NUMBER normalisation, distance linking, and alias canonicals.

use newslens::engine::label::Label;
use newslens::engine::numbers::linked_quantities;
use newslens::engine::tag::{tag, TagOptions};

struct Case {
    text: &'static str,
    published: Option<&'static str>,
    /// (surface, canonical) of the first mention.
    expected: (&'static str, &'static str),
}

const DATES: &[Case] = &[
    Case {
        text: "on Tuesday",
        published: Some("2017-10-17"),
        expected: ("Tuesday", "2017-10-17"),
    },
    Case {
        text: "since late Sunday",
        published: Some("2017-10-17"),
        expected: ("late Sunday", "2017-10-15 (late)"),
    },
    Case {
        text: "since yesterday’s advance",
        published: Some("2017-10-17"),
        expected: ("yesterday", "2017-10-16"),
    },
    Case {
        text: "early this morning",
        published: Some("2017-10-16"),
        expected: ("early this morning", "2017-10-16 (early morning)"),
    },
    Case {
        text: "the vote last month",
        published: Some("2017-10-17"),
        expected: ("last month", "2017-09"),
    },
    Case {
        text: "last month",
        published: Some("2017-01-05"),
        expected: ("last month", "2016-12"),
    },
    Case {
        text: "the September 25 vote",
        published: Some("2017-10-17"),
        expected: ("September 25", "2017-09-25"),
    },
    Case {
        text: "the 25 September vote",
        published: Some("2017-10-16"),
        expected: ("25 September", "2017-09-25"),
    },
    Case {
        text: "Monday, Oct. 16, 2017.",
        published: None,
        expected: ("Monday, Oct. 16, 2017", "2017-10-16"),
    },
    Case {
        text: "in December",
        published: Some("2018-01-10"),
        expected: ("December", "2017-12"),
    },
    Case {
        text: "Two weeks after",
        published: None,
        expected: ("Two weeks", "P2W"),
    },
    Case {
        text: "for three days",
        published: None,
        expected: ("three days", "P3D"),
    },
    Case {
        text: "in October 2017",
        published: None,
        expected: ("October 2017", "2017-10"),
    },
    Case {
        text: "the 2017 conflict",
        published: None,
        expected: ("2017", "2017"),
    },
    Case {
        text: "at 10:30 p.m. local",
        published: None,
        expected: ("10:30 p.m.", "T22:30"),
    },
    Case {
        text: "on Tuesday",
        published: None,
        expected: ("Tuesday", "Tuesday"),
    },
    Case {
        text: "next Friday",
        published: Some("2017-10-17"),
        expected: ("next Friday", "2017-10-20"),
    },
    Case {
        text: "last Tuesday",
        published: Some("2017-10-17"),
        expected: ("last Tuesday", "2017-10-10"),
    },
];

const NUMBERS: &[Case] = &[
    Case {
        text: "61,000 people had fled",
        published: None,
        expected: ("61,000 people", "61000 people"),
    },
    // Decimals: with a multiplier the value is whole; without, its decimals are kept (their
    // trailing zeros aside).
    Case {
        text: "Some 2.5 million people voted",
        published: None,
        expected: ("Some 2.5 million people", "~2500000 people"),
    },
    Case {
        text: "a $1.2 trillion package",
        published: None,
        expected: ("1.2 trillion", "1200000000000 USD"),
    },
    Case {
        text: "a 3.5% rise",
        published: None,
        expected: ("3.5%", "3.5%"),
    },
    Case {
        text: "it cost $12.50 then",
        published: None,
        expected: ("12.50", "12.5 USD"),
    },
    Case {
        text: "About $50 billion was added",
        published: None,
        expected: ("About $50 billion", "~50000000000 USD"),
    },
    Case {
        text: "130 miles north",
        published: None,
        expected: ("130 miles", "130 mi"),
    },
    Case {
        text: "210 kilometers",
        published: None,
        expected: ("210 kilometers", "210 km"),
    },
    Case {
        text: "home to about a million Arabs",
        published: None,
        expected: ("about a million", "~1000000"),
    },
    Case {
        text: "“thousands” of",
        published: None,
        expected: ("thousands", "thousands"),
    },
    Case {
        text: "Hundreds of armed men",
        published: None,
        expected: ("Hundreds", "hundreds"),
    },
    Case {
        text: "between the two sides",
        published: None,
        expected: ("two sides", "2 sides"),
    },
    Case {
        text: "tens of thousands fled",
        published: None,
        expected: ("tens of thousands", "tens of thousands"),
    },
    Case {
        text: "up 5% today",
        published: None,
        expected: ("5%", "5%"),
    },
    Case {
        text: "2 million barrels",
        published: None,
        expected: ("2 million barrels", "2000000 bbl"),
    },
];

fn check(cases: &[Case], label: Label) {
    for c in cases {
        let opts = TagOptions {
            published: c.published.map(str::to_string),
        };
        let m = tag(c.text, &opts);
        let first = m
            .iter()
            .find(|m| m.label == label)
            .unwrap_or_else(|| panic!("no {label} in {:?}: {m:?}", c.text));
        assert_eq!(
            (first.span.slice(c.text), &*first.canonical),
            c.expected,
            "text {:?}",
            c.text
        );
    }
}

#[test]
fn dates_table() {
    check(DATES, Label::Date);
}

#[test]
fn numbers_table() {
    check(NUMBERS, Label::Number);
}

#[test]
fn one_distance_in_two_units_is_linked() {
    let text = "Tuz Khormato, 130 miles (210 kilometers) north of Baghdad, and 5 people (3 cars).";
    let m = tag(text, &TagOptions::default());
    let links = linked_quantities(text, &m);
    assert_eq!(links.len(), 1, "{m:?}");
    let (a, b) = links[0];
    assert_eq!(
        (m[a].span.slice(text), m[b].span.slice(text)),
        ("130 miles", "210 kilometers")
    );
}

#[test]
fn aliases_share_a_canonical() {
    let text = "ISIS grew. The Islamic State (ISIS/ISIL) attacked. ISIL fled. \
                The United Nations (UN) and U.N. agencies. U.S. and US and the United States. \
                Prime Minister Haider al-Abadi spoke. Abadi left. \
                The Popular Mobilization Forces (PMF) or Hashd al-Shaabi came.";
    let m = tag(text, &TagOptions::default());
    let canon = |s: &str| -> Vec<String> {
        m.iter()
            .filter(|m| m.span.slice(text) == s)
            .map(|m| m.canonical.to_string())
            .collect()
    };
    assert_eq!(canon("ISIS"), ["Islamic State", "Islamic State"]);
    assert_eq!(canon("ISIL"), ["Islamic State", "Islamic State"]);
    assert_eq!(canon("UN"), ["United Nations"]);
    assert_eq!(canon("U.N."), ["United Nations"]);
    assert_eq!(canon("U.S."), ["United States"]);
    assert_eq!(canon("US"), ["United States"]);
    assert_eq!(canon("Abadi"), ["Haider al-Abadi"]);
    assert_eq!(canon("Hashd al-Shaabi"), ["Popular Mobilization Forces"]);
}
