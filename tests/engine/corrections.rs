//! Corrections: each kind does what the user asked, bad ones are skipped and reported, and
//! the mention invariants hold for any list of corrections (property test).

use newslens::engine::corrections::{
    apply, ArticleCorrections, Correction, SkipReason, CORRECTIONS_VERSION, USER_RULE,
};
use newslens::engine::label::Label;
use newslens::engine::mention::{Mention, Why};
use newslens::engine::span::Span;
use proptest::prelude::*;

const TEXT: &str = "Abadi met Barzani in Erbil and Kirkuk, “Tuz Khurmatu” too.";

fn at(word: &str) -> Span {
    let s = TEXT.find(word).unwrap();
    Span::new(s, s + word.len())
}

fn m(word: &str, label: Label, canonical: &str) -> Mention {
    Mention {
        span: at(word),
        label,
        canonical: canonical.into(),
        why: Why::new("lexicon", "test"),
    }
}

fn engine() -> Vec<Mention> {
    vec![
        m("Abadi", Label::Person, "Haider al-Abadi"),
        m("Barzani", Label::Person, "Masoud Barzani"),
        m("Erbil", Label::Place, "Erbil"),
        m("Kirkuk", Label::Place, "Kirkuk"),
        m("Tuz Khurmatu", Label::Place, "Tuz Khurmatu"),
    ]
}

/// `(surface, label, canonical, why rule)` of every mention.
fn summary(ms: &[Mention]) -> Vec<(String, Label, String, &'static str)> {
    ms.iter()
        .map(|m| {
            (
                m.span.slice(TEXT).to_string(),
                m.label,
                m.canonical.to_string(),
                m.why.rule.as_str(),
            )
        })
        .collect()
}

struct Case {
    name: &'static str,
    corrections: Vec<Correction>,
    expected: Vec<(&'static str, Label, &'static str, &'static str)>,
    skipped: Vec<(usize, SkipReason)>,
}

#[test]
fn each_correction_kind() {
    let erbil_a = at("Erbil");
    let cases = vec![
        Case {
            name: "remove",
            corrections: vec![Correction::RemoveMention { span: at("Erbil") }],
            expected: vec![
                ("Abadi", Label::Person, "Haider al-Abadi", "lexicon"),
                ("Barzani", Label::Person, "Masoud Barzani", "lexicon"),
                ("Kirkuk", Label::Place, "Kirkuk", "lexicon"),
                ("Tuz Khurmatu", Label::Place, "Tuz Khurmatu", "lexicon"),
            ],
            skipped: vec![],
        },
        Case {
            name: "relabel an exact mention keeps its canonical",
            corrections: vec![Correction::Relabel {
                span: at("Barzani"),
                label: Label::Org,
            }],
            expected: vec![
                ("Abadi", Label::Person, "Haider al-Abadi", "lexicon"),
                ("Barzani", Label::Org, "Masoud Barzani", USER_RULE.as_str()),
                ("Erbil", Label::Place, "Erbil", "lexicon"),
                ("Kirkuk", Label::Place, "Kirkuk", "lexicon"),
                ("Tuz Khurmatu", Label::Place, "Tuz Khurmatu", "lexicon"),
            ],
            skipped: vec![],
        },
        Case {
            name: "relabel part of a mention replaces it",
            corrections: vec![Correction::Relabel {
                span: at("Tuz"),
                label: Label::Group,
            }],
            expected: vec![
                ("Abadi", Label::Person, "Haider al-Abadi", "lexicon"),
                ("Barzani", Label::Person, "Masoud Barzani", "lexicon"),
                ("Erbil", Label::Place, "Erbil", "lexicon"),
                ("Kirkuk", Label::Place, "Kirkuk", "lexicon"),
                ("Tuz", Label::Group, "Tuz", USER_RULE.as_str()),
            ],
            skipped: vec![],
        },
        Case {
            name: "add replaces what it overlaps; empty canonical means its text",
            corrections: vec![
                Correction::AddMention {
                    span: at("Erbil and Kirkuk"),
                    label: Label::Place,
                    canonical: String::new(),
                },
                Correction::AddMention {
                    span: at("met"),
                    label: Label::Date,
                    canonical: "x".into(),
                },
            ],
            expected: vec![
                ("Abadi", Label::Person, "Haider al-Abadi", "lexicon"),
                ("met", Label::Date, "x", USER_RULE.as_str()),
                ("Barzani", Label::Person, "Masoud Barzani", "lexicon"),
                (
                    "Erbil and Kirkuk",
                    Label::Place,
                    "Erbil and Kirkuk",
                    USER_RULE.as_str(),
                ),
                ("Tuz Khurmatu", Label::Place, "Tuz Khurmatu", "lexicon"),
            ],
            skipped: vec![],
        },
        Case {
            name: "merge then split",
            corrections: vec![
                Correction::Merge {
                    from: "Erbil".into(),
                    into: "Kirkuk".into(),
                },
                Correction::Split {
                    spans: vec![erbil_a],
                    canonical: "Hewlêr".into(),
                },
            ],
            expected: vec![
                ("Abadi", Label::Person, "Haider al-Abadi", "lexicon"),
                ("Barzani", Label::Person, "Masoud Barzani", "lexicon"),
                ("Erbil", Label::Place, "Hewlêr", USER_RULE.as_str()),
                ("Kirkuk", Label::Place, "Kirkuk", "lexicon"),
                ("Tuz Khurmatu", Label::Place, "Tuz Khurmatu", "lexicon"),
            ],
            skipped: vec![],
        },
        Case {
            name: "invalid corrections are skipped and reported, valid ones still apply",
            corrections: vec![
                Correction::RemoveMention {
                    span: Span::new(1000, 1005),
                },
                // Inside the 3-byte opening quote.
                Correction::AddMention {
                    span: Span::new(at("Tuz").start() - 1, at("Tuz").end()),
                    label: Label::Place,
                    canonical: "x".into(),
                },
                Correction::AddMention {
                    span: Span::new(5, 6),
                    label: Label::Place,
                    canonical: "x".into(),
                },
                Correction::Merge {
                    from: "Nowhere".into(),
                    into: "Kirkuk".into(),
                },
                Correction::Merge {
                    from: "Erbil".into(),
                    into: " ".into(),
                },
                Correction::Split {
                    spans: vec![at("met")],
                    canonical: "New".into(),
                },
                Correction::RemoveMention { span: at("Abadi") },
            ],
            expected: vec![
                ("Barzani", Label::Person, "Masoud Barzani", "lexicon"),
                ("Erbil", Label::Place, "Erbil", "lexicon"),
                ("Kirkuk", Label::Place, "Kirkuk", "lexicon"),
                ("Tuz Khurmatu", Label::Place, "Tuz Khurmatu", "lexicon"),
            ],
            skipped: vec![
                (
                    0,
                    SkipReason::OutOfRange {
                        span: Span::new(1000, 1005),
                        len: TEXT.len(),
                    },
                ),
                (
                    1,
                    SkipReason::NotCharBoundary {
                        span: Span::new(at("Tuz").start() - 1, at("Tuz").end()),
                    },
                ),
                (
                    2,
                    SkipReason::EmptySpan {
                        span: Span::new(5, 6),
                    },
                ),
                (3, SkipReason::NoEffect),
                (4, SkipReason::EmptyName),
                (5, SkipReason::NoEffect),
            ],
        },
    ];
    for case in cases {
        let out = apply(&engine(), TEXT, &case.corrections);
        let expected: Vec<_> = case
            .expected
            .iter()
            .map(|(s, l, c, r)| (s.to_string(), *l, c.to_string(), *r))
            .collect();
        assert_eq!(summary(&out.mentions), expected, "{}", case.name);
        let skipped: Vec<_> = out
            .skipped
            .iter()
            .map(|s| (s.index, s.reason.clone()))
            .collect();
        assert_eq!(skipped, case.skipped, "{}", case.name);
    }
}

#[test]
fn skip_reasons_read_as_sentences() {
    let reasons = [
        SkipReason::OutOfRange {
            span: Span::new(10, 20),
            len: 5,
        },
        SkipReason::NotCharBoundary {
            span: Span::new(1, 2),
        },
        SkipReason::EmptySpan {
            span: Span::new(1, 1),
        },
        SkipReason::EmptyName,
        SkipReason::NoEffect,
    ];
    let texts: Vec<String> = reasons.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts[0],
        "the range 10..20 is past the end of the text (5 bytes); the text has changed"
    );
    assert!(texts[1].contains("cuts a character in two"));
    for (i, t) in texts.iter().enumerate() {
        assert!(!texts[..i].contains(t), "{t}");
    }
}

#[test]
fn an_inverted_span_from_a_corrupt_record_is_skipped_not_a_panic() {
    let raw = r#"{"op":"add_mention","span":{"start":9,"end":2},"label":"PLACE","canonical":"x"}"#;
    // As the backup and storage readers read it.
    let c = Correction::from_json(&serde_json::from_str(raw).unwrap()).unwrap();
    assert_eq!(c, serde_json::from_str::<Correction>(raw).unwrap());
    let out = apply(&engine(), TEXT, &[c]);
    assert_eq!(out.mentions, engine());
    assert!(matches!(out.skipped[0].reason, SkipReason::Inverted { .. }));
}

#[test]
fn corrections_serialise_with_their_version_and_op_names() {
    let mut list = ArticleCorrections::new("user-00ff");
    list.items.push(Correction::Relabel {
        span: Span::new(0, 5),
        label: Label::Org,
    });
    list.items.push(Correction::Merge {
        from: "a".into(),
        into: "b".into(),
    });
    let json = serde_json::to_string(&list).unwrap();
    assert_eq!(
        json,
        r#"{"version":1,"article":"user-00ff","items":[{"op":"relabel","span":{"start":0,"end":5},"label":"ORG"},{"op":"merge","from":"a","into":"b"}]}"#
    );
    assert_eq!(list.version, CORRECTIONS_VERSION);
    assert_eq!(
        serde_json::from_str::<ArticleCorrections>(&json).unwrap(),
        list
    );
}

/// Any span over the text, valid or not (ends up to 8 bytes past the end, any boundary).
fn any_span() -> impl Strategy<Value = Span> {
    (0..TEXT.len() + 8, 0..24usize).prop_map(|(s, l)| Span::new(s, s + l))
}

fn any_label() -> impl Strategy<Value = Label> {
    prop::sample::select(Label::ALL.to_vec())
}

fn any_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "Erbil",
        "Kirkuk",
        "Haider al-Abadi",
        "Tuz Khurmatu",
        "New",
    ])
    .prop_map(str::to_string)
}

fn any_correction() -> impl Strategy<Value = Correction> {
    prop_oneof![
        any_span().prop_map(|span| Correction::RemoveMention { span }),
        (any_span(), any_label()).prop_map(|(span, label)| Correction::Relabel { span, label }),
        (any_span(), any_label(), any_name()).prop_map(|(span, label, canonical)| {
            Correction::AddMention {
                span,
                label,
                canonical,
            }
        }),
        (any_name(), any_name()).prop_map(|(from, into)| Correction::Merge { from, into }),
        (prop::collection::vec(any_span(), 0..3), any_name())
            .prop_map(|(spans, canonical)| Correction::Split { spans, canonical }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn from_json_reads_what_serde_writes(c in any_correction(), extra in any_name()) {
        let mut v = serde_json::to_value(&c).unwrap();
        prop_assert_eq!(Correction::from_json(&v), Ok(c.clone()));
        // A field a later version might add is ignored, as serde's derived reader does.
        v.as_object_mut().unwrap().insert("note".into(), extra.into());
        prop_assert_eq!(Correction::from_json(&v), Ok(c));
    }

    #[test]
    fn invariants_hold_for_any_corrections(cs in prop::collection::vec(any_correction(), 0..12)) {
        let out = apply(&engine(), TEXT, &cs);
        for w in out.mentions.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start(), "overlap or unsorted: {:?}", w);
        }
        for m in &out.mentions {
            prop_assert!(m.span.start() < m.span.end() && m.span.end() <= TEXT.len());
            prop_assert!(TEXT.is_char_boundary(m.span.start()) && TEXT.is_char_boundary(m.span.end()));
            prop_assert!(!m.span.slice(TEXT).trim().is_empty());
            prop_assert!(!m.canonical.is_empty());
        }
        // Every correction is either applied or reported, never both, never twice.
        let mut idx: Vec<usize> = out.skipped.iter().map(|s| s.index).collect();
        idx.dedup();
        prop_assert_eq!(idx.len(), out.skipped.len());
        prop_assert!(idx.iter().all(|&i| i < cs.len()));
        // The last valid addition is always there, exactly.
        if let Some(Correction::AddMention { span, label, .. }) = cs.last() {
            if !out.skipped.iter().any(|s| s.index == cs.len() - 1) {
                prop_assert!(out.mentions.iter().any(|m| m.span == *span && m.label == *label));
            }
        }
        // Mentions the corrections touched say so.
        for m in &out.mentions {
            prop_assert!(m.why.rule == USER_RULE || engine().contains(m));
        }
    }

    #[test]
    fn applying_is_deterministic_and_idempotent_for_removals(spans in prop::collection::vec(any_span(), 0..6)) {
        let cs: Vec<Correction> = spans.iter().map(|&span| Correction::RemoveMention { span }).collect();
        let once = apply(&engine(), TEXT, &cs);
        let twice = apply(&once.mentions, TEXT, &cs);
        prop_assert_eq!(&once.mentions, &twice.mentions);
        prop_assert!(once.mentions.iter().all(|m| engine().contains(m)));
    }
}

#[test]
fn a_corrected_document_shows_the_correction() {
    use newslens::engine::corpus::bundled;
    use newslens::engine::corrections::apply_to_document;
    use newslens::engine::document::Document;
    let mut doc = Document::analyse(bundled().unwrap().remove(0));
    let first = doc.mentions[0].clone();
    let before = doc.mentions.len();
    let skipped = apply_to_document(
        &mut doc,
        &[
            Correction::RemoveMention { span: first.span },
            Correction::RemoveMention {
                span: Span::new(usize::MAX - 1, usize::MAX),
            },
        ],
    );
    assert_eq!(doc.mentions.len(), before - 1);
    assert!(!doc.mentions.contains(&first));
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].index, 1);
}

#[test]
fn from_json_refuses_what_serde_refuses_and_says_why() {
    let cases = [
        (serde_json::json!("relabel"), "it is not an object"),
        (
            serde_json::json!({"span": {"start": 0, "end": 1}}),
            "it has no op",
        ),
        (
            serde_json::json!({"op": "teleport"}),
            "unknown op \"teleport\"",
        ),
        (
            serde_json::json!({"op": "relabel", "span": {"start": 0, "end": 1}}),
            "its label is missing",
        ),
        (
            serde_json::json!({"op": "relabel", "span": {"start": 0, "end": 1}, "label": "ALIEN"}),
            "its label cannot be read",
        ),
        (
            serde_json::json!({"op": "merge", "from": "a"}),
            "its into is missing",
        ),
        (
            serde_json::json!({"op": "split", "spans": [{"start": "x"}], "canonical": "c"}),
            "its spans cannot be read",
        ),
        (
            serde_json::json!({"op": "remove_mention", "span": {"start": -1, "end": 1}}),
            "its span cannot be read",
        ),
    ];
    for (v, why) in cases {
        let derived = serde_json::from_value::<Correction>(v.clone());
        assert!(derived.is_err(), "serde accepts {v}");
        let err = Correction::from_json(&v).expect_err(&v.to_string());
        assert!(
            err.starts_with(why),
            "{v}: {err:?} does not start with {why:?}"
        );
    }
}
