//! Recognition rules, one table row per rule, on texts that are not in the bundled corpus.

use newslens::engine::tag::{tag, TagOptions};

struct Case {
    name: &'static str,
    text: &'static str,
    /// Every mention, in order: (surface, label).
    expected: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "title before name",
        text: "Foreign Minister Sergei Lavrov arrived.",
        expected: &[("Sergei Lavrov", "PERSON")],
    },
    Case {
        name: "lowercase title",
        text: "Her spokesman Jean Dupont said nothing.",
        expected: &[("Jean Dupont", "PERSON")],
    },
    Case {
        name: "appositive title",
        text: "Syria’s president, Bashar al-Assad, spoke.",
        expected: &[("Syria", "PLACE"), ("Bashar al-Assad", "PERSON")],
    },
    Case {
        name: "abbreviated title",
        text: "It was Gen. Mark Milley who spoke.",
        expected: &[("Mark Milley", "PERSON")],
    },
    Case {
        name: "surname after full name",
        text: "President Emmanuel Macron left. Later Macron said no.",
        expected: &[("Emmanuel Macron", "PERSON"), ("Macron", "PERSON")],
    },
    Case {
        name: "speaker",
        text: "Analysts agree, Maria Fernanda Lopez said.",
        expected: &[("Maria Fernanda Lopez", "PERSON")],
    },
    Case {
        name: "speaker set off by an apposition",
        text: "Maria Garcia, a local resident, said the water rose. Tom Reed, 45, told us more.",
        expected: &[
            ("Maria Garcia", "PERSON"),
            ("Tom Reed", "PERSON"),
            ("45", "NUMBER"),
        ],
    },
    Case {
        name: "byline",
        text: "By John Brown and Lisa Chen, Reuters\n\nBy Anna Kowalski\n\nBy Tuesday the rain By Kirk Lane had stopped.",
        expected: &[
            ("John Brown", "PERSON"),
            ("Lisa Chen", "PERSON"),
            ("Anna Kowalski", "PERSON"),
            ("Tuesday", "DATE"),
        ],
    },
    Case {
        name: "a name that who refers to",
        text: "Critics included Rand Paul, who spoke late. Rand Paul of Kentucky agreed.",
        expected: &[
            ("Rand Paul", "PERSON"),
            ("Rand Paul", "PERSON"),
            ("Kentucky", "PLACE"),
        ],
    },
    Case {
        name: "a division's name after a given name is no place: a person",
        text: "They met John Paul in Rome.",
        expected: &[("John Paul", "PERSON"), ("Rome", "PLACE")],
    },
    Case {
        name: "a division's name after an unknown first word is no place",
        text: "They met Xqz Paul in Rome.",
        expected: &[("Rome", "PLACE")],
    },
    Case {
        name: "a division's code after a city and a comma",
        text: "Protests spread from Los Angeles, CA to Toronto, ON on Monday.",
        expected: &[
            ("Los Angeles", "PLACE"),
            ("CA", "PLACE"),
            ("Toronto", "PLACE"),
            ("ON", "PLACE"),
            ("Monday", "DATE"),
        ],
    },
    Case {
        name: "capitals after a city and a comma that are no code of its country's divisions",
        text: "In Paris, AFP reported the strike.",
        expected: &[("Paris", "PLACE"), ("AFP", "ORG")],
    },
    Case {
        name: "a given name and a surname, with no other cue",
        text: "Hungary's Viktor Orban vetoed the plan. Harry Kane scored twice.",
        expected: &[
            ("Hungary", "PLACE"),
            ("Viktor Orban", "PERSON"),
            ("Harry Kane", "PERSON"),
        ],
    },
    Case {
        name: "a given name that also names a division, before a word that names no place",
        text: "Victoria Beckham and Sam Altman spoke in Victoria.",
        expected: &[
            ("Victoria Beckham", "PERSON"),
            ("Sam Altman", "PERSON"),
            ("Victoria", "PLACE"),
        ],
    },
    Case {
        name: "a given name before a thing's, an organisation's or a place's head is no person",
        text: "The Summer Olympics opened near the Rose Garden as Grace Hospital and Jordan Valley Council met.",
        expected: &[("Jordan Valley Council", "ORG")],
    },
    Case {
        name: "a given name after 'at' or 'the', or before a month or a title, is no person",
        text: "Analysts at Morgan Stanley cut targets. The Harry Potter films returned. Will May come?",
        expected: &[],
    },
    Case {
        name: "two name particles",
        text: "The bloc's president Ursula von der Leyen spoke.",
        expected: &[("Ursula von der Leyen", "PERSON")],
    },
    Case {
        name: "a speaker after the verb that closes a quotation",
        text: "“We agree,” said Giorgia Meloni, Italy’s prime minister.",
        expected: &[("Giorgia Meloni", "PERSON"), ("Italy", "PLACE")],
    },
    Case {
        name: "a name before a country's possessive is no place",
        text: "Officials met Qwen Tarrow, Italy’s envoy.",
        expected: &[("Italy", "PLACE")],
    },
    Case {
        name: "a division's two-letter abbreviation is a place only after a comma",
        text: "Markets fell (AP) as UP officials met in Delhi.",
        expected: &[("UP", "ORG"), ("Delhi", "PLACE")],
    },
    Case {
        name: "a dateline of two words in capitals",
        text: "NEW YORK (AP) — Shares fell.",
        expected: &[("NEW YORK", "PLACE")],
    },
    Case {
        name: "a score or a tally is no quantity",
        text: "The bill passed 74-24 on Friday and the club won 3-1. Some 10-15 people left.",
        expected: &[("Friday", "DATE"), ("15 people", "NUMBER")],
    },
    Case {
        name: "an apposition without a speech verb names no one",
        text: "Qwelby Marsh, a quiet old estate, burned down.",
        expected: &[],
    },
    Case {
        name: "org head",
        text: "The World Health Organization warned.",
        expected: &[("World Health Organization", "ORG")],
    },
    Case {
        name: "org of tail",
        text: "A report by the Ministry of Defence came.",
        expected: &[("Ministry of Defence", "ORG")],
    },
    Case {
        name: "demonym plus head is a group",
        text: "The Syrian Government refused.",
        expected: &[("Syrian", "GROUP")],
    },
    Case {
        name: "acronym definition",
        text: "The Syrian Democratic Forces (SDF) advanced. The SDF held.",
        expected: &[
            ("Syrian Democratic Forces", "ORG"),
            ("SDF", "ORG"),
            ("SDF", "ORG"),
        ],
    },
    Case {
        name: "acronym before definition",
        text: "NATO met. The North Atlantic Treaty Organization (NATO) agreed.",
        expected: &[
            ("NATO", "ORG"),
            ("North Atlantic Treaty Organization", "ORG"),
            ("NATO", "ORG"),
        ],
    },
    Case {
        name: "slash acronyms",
        text: "the Kurdistan Workers’ Party (PKK/KGK) fought",
        expected: &[
            ("Kurdistan", "PLACE"),
            ("Party", "ORG"),
            ("PKK", "ORG"),
            ("KGK", "ORG"),
        ],
    },
    Case {
        name: "outlet cue",
        text: "“It is calm,” reports Sky News.",
        expected: &[("Sky News", "ORG")],
    },
    Case {
        name: "outlet cue unknown head",
        text: "“It is calm,” observed Deutsche Welle.",
        expected: &[("Deutsche Welle", "ORG")],
    },
    Case {
        name: "according to",
        text: "Nobody died, according to Reuters.",
        expected: &[("Reuters", "ORG")],
    },
    Case {
        name: "force noun",
        text: "Many Houthi fighters fled.",
        expected: &[("Houthi", "ORG")],
    },
    Case {
        name: "spokesman of org",
        text: "Kremlin spokesman Dmitry Peskov said.",
        expected: &[("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON")],
    },
    Case {
        name: "city of",
        text: "They reached the city of Zakho on foot.",
        expected: &[("Zakho", "PLACE")],
    },
    Case {
        name: "direction of",
        text: "The road runs north of Dohuk today.",
        expected: &[("Dohuk", "PLACE"), ("today", "DATE")],
    },
    Case {
        name: "in place",
        text: "Fighting continued in Qaraqosh overnight.",
        expected: &[("Qaraqosh", "PLACE")],
    },
    Case {
        name: "place noun after",
        text: "the Bashiqa district was quiet",
        expected: &[("Bashiqa", "PLACE")],
    },
    Case {
        name: "facility",
        text: "near the Q2 air base",
        expected: &[("Q2", "PLACE")],
    },
    Case {
        name: "place, country",
        text: "It happened in Zummar, Iraq.",
        expected: &[("Zummar", "PLACE"), ("Iraq", "PLACE")],
    },
    Case {
        name: "country and initials",
        text: "U.S. and French troops",
        expected: &[("U.S.", "PLACE"), ("French", "GROUP")],
    },
    Case {
        name: "demonym plus region",
        text: "Syrian Kurdistan is not Iraqi territory.",
        expected: &[("Syrian Kurdistan", "PLACE"), ("Iraqi", "GROUP")],
    },
    Case {
        name: "hyphen compound",
        text: "Iran-backed and anti-NATO and Turkish-held",
        expected: &[("Iran", "PLACE"), ("NATO", "ORG"), ("Turkish", "GROUP")],
    },
    Case {
        name: "religion and ethnicity",
        text: "Sunni Arabs and Yazidis and Christians",
        expected: &[
            ("Sunni", "GROUP"),
            ("Arabs", "GROUP"),
            ("Yazidis", "GROUP"),
            ("Christians", "GROUP"),
        ],
    },
    Case {
        name: "no determiner",
        text: "the United Nations said",
        expected: &[("United Nations", "ORG")],
    },
    Case {
        name: "sentence-initial unknown",
        text: "Meanwhile Residents fled. Later they came.",
        expected: &[],
    },
    Case {
        name: "title alone",
        text: "The Secretary-General spoke.",
        expected: &[],
    },
    Case {
        name: "propagation",
        text: "Many Houthi fighters fled. Houthi leaders met.",
        expected: &[("Houthi", "ORG"), ("Houthi", "ORG")],
    },
    Case {
        name: "dates and numbers",
        text: "On Monday, Oct. 16, 2017, about 5,000 people and two sides met.",
        expected: &[
            ("Monday, Oct. 16, 2017", "DATE"),
            ("about 5,000 people", "NUMBER"),
            ("two sides", "NUMBER"),
        ],
    },
    Case {
        name: "not quantities",
        text: "Both of them hit one another in the first place.",
        expected: &[],
    },
];

#[test]
fn recognition_table() {
    let mut failures = Vec::new();
    for c in CASES {
        let got: Vec<(String, &str)> = tag(c.text, &TagOptions::default())
            .iter()
            .map(|m| (m.span.slice(c.text).to_string(), m.label.as_str()))
            .collect();
        let want: Vec<(String, &str)> = c
            .expected
            .iter()
            .map(|(s, l)| ((*s).to_string(), *l))
            .collect();
        if got != want {
            failures.push(format!("{}: got {got:?}, want {want:?}", c.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_mention_explains_itself() {
    let text =
        "Prime Minister Haider al-Abadi met the Kurdistan Regional Government (KRG) in Baghdad.";
    for m in tag(text, &TagOptions::default()) {
        assert!(!m.why.rule.as_str().is_empty(), "{m:?}");
        assert!(!m.why.to_string().is_empty());
    }
    let baghdad = tag(text, &TagOptions::default())
        .into_iter()
        .find(|m| m.span.slice(text) == "Baghdad")
        .unwrap();
    assert!(
        baghdad.why.to_string().starts_with("gazetteer geonames:"),
        "{}",
        baghdad.why
    );
}

#[test]
fn boilerplate_is_skipped() {
    let text = "Kirkuk fell to Iraqi forces.\nReuters Photo\nSign up for our newsletter";
    let m = tag(text, &TagOptions::default());
    assert!(
        m.iter().all(|m| m.span.end() <= text.find('\n').unwrap()),
        "{m:?}"
    );
}

/// With only the core table (no towns), a division's bare name is read as the town it is named
/// after; "province"/"governorate" in the text still make it the division.
#[test]
fn bare_division_name_is_a_town_with_the_core_table() {
    use newslens::engine::gazetteer::Gazetteer;
    use newslens::engine::toponyms;
    assert!(
        std::ptr::eq(toponyms::gazetteer(), Gazetteer::core()),
        "the engine tests tag with the core table"
    );
    let text = "Iraqi forces entered Kirkuk on Monday. The governor of Kirkuk province fled, \
                and the province of Kirkuk is tense. Fighting spread to Kirkuk Governorate.";
    let m = tag(text, &TagOptions::default());
    let places: Vec<(&str, &str)> = m
        .iter()
        .filter(|m| m.label.as_str() == "PLACE")
        .map(|m| (m.span.slice(text), &*m.canonical))
        .collect();
    assert_eq!(
        places,
        [
            ("Kirkuk", "Kirkuk"),
            ("Kirkuk", "Kirkuk Governorate"),
            ("Kirkuk", "Kirkuk Governorate"),
            ("Kirkuk Governorate", "Kirkuk Governorate"),
        ]
    );
    let first = m.iter().find(|m| m.label.as_str() == "PLACE").unwrap();
    assert!(
        first.why.evidence.contains("read as the town"),
        "{}",
        first.why
    );
}

/// `(surface, label)` of every mention `newslens tag` (full gazetteer) finds in `text`.
fn tag_with_full_gazetteer(text: &str) -> Vec<(String, String)> {
    let dir = std::env::temp_dir().join(format!("newslens-recognise-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("article.txt");
    std::fs::write(&file, format!("A headline\n\n{text}\n")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newslens"))
        .arg("tag")
        .arg(&file)
        .output()
        .expect("the newslens binary runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let m: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                m["text"].as_str().unwrap().to_owned(),
                m["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_town_of_several_words_may_start_a_sentence_or_follow_a_day_word() {
    let got = tag_with_full_gazetteer(
        "Tuz Khurmatu was calm. Yesterday Taza Khurmatu, a town, was calm too.",
    );
    let want = [
        ("Tuz Khurmatu", "PLACE"),
        ("Yesterday", "DATE"),
        ("Taza Khurmatu", "PLACE"),
    ];
    assert_eq!(
        got.iter()
            .map(|(s, l)| (s.as_str(), l.as_str()))
            .collect::<Vec<_>>(),
        want
    );
}
