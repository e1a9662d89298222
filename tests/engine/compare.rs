//! Source comparison: coverage, prominence, contexts, figures, voices, framing, similarity, CSV.
//! The bundled pair first (A = 000 Breitbart News, B = 002 The Week), then one small synthetic
//! table per rule.

use newslens::engine::compare::figures::{class_of, read_canonical, verdict};
use newslens::engine::compare::framing::{features, framing, TermKind};
use newslens::engine::compare::{
    compare, contexts, csv, to_csv, Amount, Attribution, Comparison, EntityRow, Layout, Placement,
    Side, Similarity, Verdict,
};
use newslens::engine::corpus::{bundled, Article, ArticleMeta};
use newslens::engine::document::Document;
use newslens::engine::fxhash::FxHashMap;
use newslens::engine::label::Label;
use newslens::engine::mention::{Mention, Why};
use newslens::engine::span::Span;
use std::sync::OnceLock;

/// The bundled pair, analysed once.
fn pair() -> &'static (Document, Document) {
    static CELL: OnceLock<(Document, Document)> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut arts = bundled().expect("bundled corpus").into_iter();
        let a = Document::analyse(arts.next().expect("article 000"));
        let b = Document::analyse(arts.next().expect("article 002"));
        (a, b)
    })
}

/// The bundled comparison, computed once.
fn bundled_cmp() -> &'static Comparison {
    static CELL: OnceLock<Comparison> = OnceLock::new();
    CELL.get_or_init(|| compare(&pair().0, &pair().1))
}

/// A document from a text whose first line is the title.
fn doc(text: &str) -> Document {
    doc_with(text, None)
}

fn doc_with(text: &str, standfirst: Option<&str>) -> Document {
    let meta = ArticleMeta {
        id: "t".into(),
        file: "t.txt".into(),
        title: text.lines().next().unwrap_or("").to_string(),
        outlet: "Test".into(),
        section: None,
        standfirst: standfirst.map(str::to_string),
        published: Some("2017-10-17".into()),
        url: None,
        certainty: "confirmed".into(),
        evidence: String::new(),
    };
    Document::analyse(Article {
        meta,
        text: text.into(),
    })
}

/// The row of the entity written `surface` with `label` (by surface, so that the test does not
/// depend on which canonical name the tagger picks).
fn row<'a>(c: &'a Comparison, label: Label, surface: &str) -> &'a EntityRow {
    c.entities
        .iter()
        .find(|r| {
            r.label == label
                && (r.canonical == surface
                    || r.surfaces_a
                        .iter()
                        .chain(&r.surfaces_b)
                        .any(|s| s == surface))
        })
        .unwrap_or_else(|| panic!("no {label} row written {surface:?}"))
}

// ---------------------------------------------------------------- bundled pair

#[test]
fn bundled_coverage_puts_each_entity_on_its_side() {
    let cases = [
        (Label::Place, "Kirkuk", Side::Both),
        (Label::Place, "Iraq", Side::Both),
        (Label::Person, "Haider al-Abadi", Side::Both),
        (Label::Org, "Kurdistan Regional Government", Side::Both),
        (Label::Org, "Al Jazeera", Side::OnlyA),
        (Label::Place, "Tuz Khormato", Side::OnlyA),
        (Label::Org, "BBC", Side::OnlyB),
        (Label::Org, "Pentagon", Side::OnlyB),
        (Label::Person, "Robert Manning", Side::OnlyB),
    ];
    let c = bundled_cmp();
    for (label, surface, side) in cases {
        let r = row(c, label, surface);
        assert_eq!(r.side, side, "{surface}");
        assert_eq!(r.count_a > 0, side != Side::OnlyB, "{surface} count in A");
        assert_eq!(r.count_b > 0, side != Side::OnlyA, "{surface} count in B");
        assert_eq!(r.first_a.is_some(), r.count_a > 0, "{surface} first in A");
        assert!(!r.is_value);
    }
    let thousands = row(c, Label::Number, "thousands");
    assert!(thousands.is_value, "NUMBER rows are flagged as values");
    assert_eq!(thousands.side, Side::Both);
}

#[test]
fn bundled_overlap_summary_counts_the_rows() {
    let c = bundled_cmp();
    assert_eq!(c.overlap.len(), Label::ALL.len());
    let total: usize = c.overlap.iter().map(|o| o.both + o.only_a + o.only_b).sum();
    assert_eq!(total, c.entities.len());
    let org = c.overlap.iter().find(|o| o.label == Label::Org).unwrap();
    assert!(
        org.both >= 1 && org.only_a >= 2 && org.only_b >= 2,
        "{org:?}"
    );
}

#[test]
fn comparing_b_with_a_mirrors_a_with_b() {
    let (a, b) = pair();
    let ab = bundled_cmp();
    let ba = compare(b, a);
    assert_eq!(ba, ab.swapped());
    assert_eq!(ba.swapped(), *ab);
    assert_eq!(row(&ba, Label::Org, "Al Jazeera").side, Side::OnlyB);
    assert_eq!(row(&ba, Label::Org, "BBC").side, Side::OnlyA);
    assert_eq!(ba.a.outlet, "The Week");
    assert_eq!(ba.similarity.score, ab.similarity.score);
}

#[test]
fn bundled_layouts_find_headline_standfirst_caption_and_lede() {
    let c = bundled_cmp();
    let (a, b) = pair();
    assert_eq!(c.a.layout.headline, Some(0));
    assert_eq!(c.a.layout.captions, [1], "000's photo caption");
    let lede_a = c.a.layout.lede.map(|i| a.paragraphs[i].span.slice(&a.text));
    assert!(lede_a.unwrap().starts_with("Advancing Iraqi troops"));
    assert_eq!(c.b.layout.standfirst, Some(1));
    assert_eq!(c.b.layout.captions, [2]);
    let lede_b = c.b.layout.lede.map(|i| b.paragraphs[i].span.slice(&b.text));
    assert!(lede_b
        .unwrap()
        .starts_with("Iraqi government forces have taken control"));
    assert_eq!(c.b.layout.placements.len(), b.paragraphs.len());
}

#[test]
fn bundled_prominence_says_where_entities_first_appear() {
    let cases = [
        (
            Label::Place,
            "Kirkuk",
            Some(Placement::Headline),
            Some(Placement::Headline),
        ),
        (Label::Place, "Tuz Khormato", Some(Placement::Caption), None),
        (Label::Org, "Al Jazeera", Some(Placement::Body), None),
        (
            Label::Group,
            "Kurdish",
            Some(Placement::Headline),
            Some(Placement::Standfirst),
        ),
        (
            Label::Person,
            "Haider al-Abadi",
            Some(Placement::Body),
            Some(Placement::Body),
        ),
    ];
    let c = bundled_cmp();
    for (label, surface, pa, pb) in cases {
        let r = row(c, label, surface);
        assert_eq!(r.first_a.map(|f| f.placement), pa, "{surface} in A");
        assert_eq!(r.first_b.map(|f| f.placement), pb, "{surface} in B");
    }
    let (a, _) = pair();
    let k = row(c, Label::Place, "Kirkuk").first_a.unwrap();
    assert_eq!((k.paragraph, k.span.slice(&a.text)), (0, "Kirkuk"));
}

#[test]
fn bundled_contexts_are_each_sides_sentences_naming_the_entity() {
    let (a, b) = pair();
    let c = bundled_cmp();
    let kirkuk = &row(c, Label::Place, "Kirkuk").canonical;
    let (ca, cb) = contexts(a, b, kirkuk);
    assert!(ca.len() >= 10 && cb.len() >= 3, "{} {}", ca.len(), cb.len());
    assert!(
        ca.windows(2).all(|w| w[0].end() <= w[1].start()),
        "in order, distinct"
    );
    assert!(cb.iter().all(|s| s.slice(&b.text).contains("Kirkuk")));
    let (ja, jb) = contexts(a, b, "Al Jazeera");
    assert_eq!(ja.len(), 5);
    assert!(jb.is_empty());
    assert!(ja[0].slice(&a.text).ends_with("observed Al Jazeera."));
    assert_eq!(contexts(a, b, "No Such Entity"), (vec![], vec![]));
}

#[test]
fn bundled_figures_say_what_they_count_and_line_up() {
    let c = bundled_cmp();
    let find = |figs: &[newslens::engine::compare::Figure], text: &str| {
        figs.iter()
            .position(|f| f.text == text)
            .unwrap_or_else(|| panic!("no figure {text:?}"))
    };
    /// (in A?, figure text, nth such figure, counted, class)
    type Case = (bool, &'static str, usize, Noun, Noun);
    type Noun = Option<&'static str>;
    let cases: &[Case] = &[
        (true, "61,000 people", 0, Some("people"), Some("persons")),
        (true, "thousands", 0, Some("residents"), Some("persons")),
        (true, "Thousands", 1, Some("cars"), Some("vehicles")),
        (true, "about a million", 0, Some("Arabs"), Some("persons")),
        (true, "130 miles", 0, Some("mi"), Some("length")),
        (false, "Thousands", 0, Some("residents"), Some("persons")),
        (false, "Thousands", 1, Some("residents"), Some("persons")),
    ];
    for &(in_a, text, nth, counted, class) in cases {
        let figs = if in_a { &c.a.figures } else { &c.b.figures };
        let f = figs
            .iter()
            .filter(|f| f.text == text)
            .nth(nth)
            .unwrap_or_else(|| panic!("figure {text:?} #{nth}"));
        assert_eq!(f.counted.as_deref(), counted, "{text} #{nth}");
        assert_eq!(f.class.as_deref(), class, "{text} #{nth}");
    }
    let km = find(&c.a.figures, "210 kilometers");
    assert_eq!(
        c.a.figures[km].restates,
        Some(find(&c.a.figures, "130 miles"))
    );

    let people = find(&c.a.figures, "61,000 people");
    let m: Vec<_> = c.figure_matches.iter().filter(|m| m.a == people).collect();
    assert!(!m.is_empty(), "61,000 people lines up with B's thousands");
    for m in m {
        assert_eq!(c.b.figures[m.b].text, "Thousands");
        assert_eq!(m.verdict, Verdict::Compatible);
        assert_eq!(m.class, "persons");
    }
    assert!(
        c.figure_matches.iter().all(|m| m.class != "vehicles"),
        "B counts no cars"
    );
}

#[test]
fn bundled_voices_name_their_speakers() {
    let c = bundled_cmp();
    let speaker_of = |voices: &[newslens::engine::compare::Voice], start: &str| {
        let v = voices
            .iter()
            .find(|v| v.text.contains(start))
            .unwrap_or_else(|| panic!("no quotation {start:?}"));
        v.speaker
            .clone()
            .map(|s| (s.canonical, s.how, s.affiliation))
    };
    use Attribution::*;
    let pmf = row(c, Label::Org, "PMF").canonical.clone();
    let krsc = row(c, Label::Org, "KRSC").canonical.clone();
    let cases: Vec<(bool, &str, &str, Attribution, Option<&str>)> = vec![
        (true, "Thousands of cars", "Al Jazeera", After, None),
        (
            true,
            "there has been no major displacement",
            "Stéphane Dujarric",
            Before,
            None,
        ),
        (
            true,
            "multi-ethnic city, home to about a million",
            "Al Jazeera",
            Before,
            None,
        ),
        (true, "achieved all our goals", &pmf, Before, None),
        (true, "the Iraqi army said", "Al Jazeera", After, None),
        (
            true,
            "It is my constitutional duty",
            "Haider al-Abadi",
            After,
            None,
        ),
        (
            true,
            "The referendum came",
            "Haider al-Abadi",
            Pronoun,
            None,
        ),
        (true, "Peshmerga will continue", &krsc, Before, None),
        (
            true,
            "This was an unprovoked attack",
            &krsc,
            Continued,
            None,
        ),
        (
            false,
            "Coalition leaders",
            "Robert Manning",
            After,
            Some("Pentagon"),
        ),
        (false, "Iraq’s prime minister", "BBC", After, None),
        (
            false,
            "We call upon all citizens",
            "Haider al-Abadi",
            After,
            None,
        ),
    ];
    for (in_a, start, who, how, affiliation) in cases {
        let voices = if in_a { &c.a.voices } else { &c.b.voices };
        assert_eq!(
            speaker_of(voices, start),
            Some((who.to_string(), how, affiliation.map(str::to_string))),
            "{start}"
        );
    }
    assert!(
        !c.a.voices.iter().any(|v| v.text == "thousands"),
        "a one-word scare quote is not a quotation"
    );
}

#[test]
fn bundled_sources_list_who_each_side_cites() {
    let c = bundled_cmp();
    let count = |sources: &[newslens::engine::compare::Source], name: &str| {
        sources
            .iter()
            .find(|s| s.canonical == name)
            .map(|s| (s.quotes, s.reports))
    };
    /// (in A?, source, (quotes, reports))
    type Case = (bool, &'static str, Counts);
    type Counts = Option<(usize, usize)>;
    let cases: &[Case] = &[
        (true, "Al Jazeera", Some((5, 0))),
        (true, "Associated Press", Some((0, 1))),
        (true, "U.N. Migration Agency", Some((0, 1))),
        (true, "BBC", None),
        (false, "BBC", Some((1, 0))),
        (false, "Robert Manning", Some((1, 0))),
        (false, "Haider al-Abadi", Some((1, 0))),
        (false, "Al Jazeera", None),
    ];
    for &(in_a, name, expected) in cases {
        let sources = if in_a { &c.a.sources } else { &c.b.sources };
        assert_eq!(count(sources, name), expected, "{name}");
    }
    assert_eq!(c.a.sources[0].canonical, "Al Jazeera", "most cited first");
}

#[test]
fn bundled_framing_ranks_each_sides_distinctive_terms() {
    let c = bundled_cmp();
    let f = &c.framing;
    assert!(!f.a.is_empty() && !f.b.is_empty());
    assert!(f.a.iter().all(|t| t.z > 0.0) && f.b.iter().all(|t| t.z < 0.0));
    assert!(f.a.windows(2).all(|w| w[0].z >= w[1].z));
    assert!(f.b.windows(2).all(|w| w[0].z <= w[1].z));
    let has =
        |terms: &[newslens::engine::compare::Term], t: &str| terms.iter().any(|x| x.term == t);
    assert!(
        has(&f.a, "militias") && has(&f.a, "Shiite militias"),
        "{:?}",
        f.a
    );
    assert!(
        has(&f.b, "forces") && has(&f.b, "Iraqi forces"),
        "{:?}",
        f.b
    );
    assert!(f.a.iter().any(|t| t.kind == TermKind::Name));
    for t in f.a.iter().chain(&f.b) {
        assert_ne!(t.term, "the", "stopwords are dropped");
        assert!(!t.term.chars().all(|c| c.is_ascii_digit()));
    }
}

#[test]
fn bundled_similarity_is_a_symmetric_fraction_with_its_reasons() {
    let c = bundled_cmp();
    let s = &c.similarity;
    assert!(s.score > 0.0 && s.score < 1.0, "{s:?}");
    assert!(s.jaccard > 0.0 && s.jaccard < 1.0, "{s:?}");
    assert!(s.shared >= 4 && s.only_a > s.only_b);
    let named = c.entities.iter().filter(|r| !r.is_value).count();
    assert_eq!(s.shared + s.only_a + s.only_b, named);
    assert!(s.formula.contains("min(pA, pB)"));
}

#[test]
fn bundled_csv_has_a_header_and_one_line_per_entity() {
    let c = bundled_cmp();
    let out = to_csv(c);
    let lines: Vec<&str> = out.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), c.entities.len() + 1);
    assert_eq!(lines[0], csv::HEADER);
    assert!(out.ends_with("\r\n"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("ORG,Al Jazeera,a,5,0,false,body,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("ORG,BBC,b,0,1,false,,,body,")));
}

#[test]
fn comparison_serialises_to_json() {
    let json = serde_json::to_value(bundled_cmp()).expect("serialisable");
    assert_eq!(json["entities"][0]["side"], "both");
    assert!(json["a"]["figures"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
    assert!(json["framing"]["formula"]
        .as_str()
        .unwrap()
        .contains("Monroe"));
}

// ---------------------------------------------------------------- synthetic rules

#[test]
fn sides_follow_which_article_mentions_the_entity() {
    let a = doc("Troops enter Kirkuk\nTroops entered Kirkuk and Baghdad, Al Jazeera reported.");
    let b = doc("Forces enter Kirkuk\nForces entered Kirkuk and Iran, the BBC says.");
    let c = compare(&a, &b);
    let cases = [
        ("Kirkuk", Side::Both, 2, 2),
        ("Baghdad", Side::OnlyA, 1, 0),
        ("Iran", Side::OnlyB, 0, 1),
        ("Al Jazeera", Side::OnlyA, 1, 0),
        ("BBC", Side::OnlyB, 0, 1),
    ];
    for (surface, side, na, nb) in cases {
        let r = c
            .entities
            .iter()
            .find(|r| {
                r.surfaces_a
                    .iter()
                    .chain(&r.surfaces_b)
                    .any(|s| s == surface)
            })
            .unwrap_or_else(|| panic!("{surface}"));
        assert_eq!((r.side, r.count_a, r.count_b), (side, na, nb), "{surface}");
        assert_eq!(r.side.as_str(), ["both", "a", "b"][side as usize]);
    }
    assert_eq!(compare(&b, &a), c.swapped());
}

#[test]
fn an_entity_tagged_with_two_labels_is_one_row() {
    let with = |text: &str, labels: &[Label]| {
        let mut d = doc(text);
        d.mentions = text
            .match_indices("Al Jazeera")
            .zip(labels)
            .map(|((at, s), &label)| Mention {
                span: Span::new(at, at + s.len()),
                label,
                canonical: "Al Jazeera".into(),
                why: Why::new("test", ""),
            })
            .collect();
        d
    };
    let a = with("T\nAl Jazeera reported it.", &[Label::Person]);
    let b = with(
        "T\nAl Jazeera said so. Al Jazeera added more.",
        &[Label::Org, Label::Org],
    );
    let c = compare(&a, &b);
    assert_eq!(c.entities.len(), 1);
    let r = &c.entities[0];
    assert_eq!(
        (r.label, r.side, r.count_a, r.count_b),
        (Label::Org, Side::Both, 1, 2)
    );
    assert_eq!(c.entity("Al Jazeera"), Some(r));
}

#[test]
fn layout_rules() {
    struct Case {
        name: &'static str,
        text: &'static str,
        standfirst: Option<&'static str>,
        expected: &'static [Option<Placement>],
    }
    use Placement::*;
    let cases = [
        Case {
            name: "headline then story",
            text: "Title here\nFirst story paragraph.\nSecond one.",
            standfirst: None,
            expected: &[Some(Headline), Some(Lede), Some(Body)],
        },
        Case {
            name: "standfirst without punctuation, caption before a credit",
            text: "Title here\nA short standfirst\nFighters patrol the ruined town at dawn\nReuters Photo\nThe story starts.\nMore.",
            standfirst: None,
            expected: &[Some(Headline), Some(Standfirst), Some(Caption), None, Some(Lede), Some(Body)],
        },
        Case {
            name: "manifest standfirst wins, a sentence is not a standfirst",
            text: "Title here\nIt ends with a dot.\nMore.",
            standfirst: None,
            expected: &[Some(Headline), Some(Lede), Some(Body)],
        },
        Case {
            name: "manifest standfirst",
            text: "Title here\nKnown standfirst.\nStory.",
            standfirst: Some("Known standfirst."),
            expected: &[Some(Headline), Some(Standfirst), Some(Lede)],
        },
        Case {
            name: "no headline: the first paragraph is the lede",
            text: "Something else entirely\nStory.",
            standfirst: None,
            expected: &[Some(Lede), Some(Body)],
        },
    ];
    for case in cases {
        let mut d = doc_with(case.text, case.standfirst);
        if case.name.starts_with("no headline") {
            d.meta.title = "Another title".into();
        }
        assert_eq!(Layout::of(&d).placements, case.expected, "{}", case.name);
    }
}

#[test]
fn read_canonical_rules() {
    let cases: &[(&str, Option<Amount>, Option<&str>)] = &[
        (
            "61000 people",
            Some(Amount::Exact { value: 61000.0 }),
            Some("people"),
        ),
        ("~1000000", Some(Amount::Approx { value: 1e6 }), None),
        (
            "thousands",
            Some(Amount::Vague {
                low: 1e3,
                high: 1e6,
            }),
            None,
        ),
        (
            "hundreds",
            Some(Amount::Vague {
                low: 100.0,
                high: 1e3,
            }),
            None,
        ),
        (
            "tens of thousands",
            Some(Amount::Vague {
                low: 1e4,
                high: 1e5,
            }),
            None,
        ),
        (
            "210 km",
            Some(Amount::Exact { value: 210_000.0 }),
            Some("km"),
        ),
        ("12%", Some(Amount::Exact { value: 12.0 }), Some("%")),
        ("25th", None, None),
    ];
    for (canonical, amount, unit) in cases {
        let (a, u) = read_canonical(canonical);
        assert_eq!((a, u.as_deref()), (*amount, *unit), "{canonical}");
    }
}

#[test]
fn verdict_rules() {
    use Amount::*;
    let thousands = Vague {
        low: 1e3,
        high: 1e6,
    };
    let hundreds = Vague {
        low: 100.0,
        high: 1e3,
    };
    let cases = [
        (
            "same exact",
            Exact { value: 61000.0 },
            Exact { value: 61000.0 },
            Verdict::Agree,
        ),
        (
            "exact within 10 %",
            Exact { value: 61000.0 },
            Exact { value: 60000.0 },
            Verdict::Compatible,
        ),
        (
            "exact apart",
            Exact { value: 61000.0 },
            Exact { value: 40000.0 },
            Verdict::Disagree,
        ),
        (
            "approx within 25 %",
            Approx { value: 1e6 },
            Exact { value: 800_000.0 },
            Verdict::Compatible,
        ),
        (
            "value inside vague",
            Exact { value: 61000.0 },
            thousands,
            Verdict::Compatible,
        ),
        (
            "vague around value",
            thousands,
            Exact { value: 61000.0 },
            Verdict::Compatible,
        ),
        (
            "value outside vague",
            Exact { value: 500.0 },
            thousands,
            Verdict::Disagree,
        ),
        ("same vague", thousands, thousands, Verdict::Agree),
        ("disjoint vague", hundreds, thousands, Verdict::Disagree),
        (
            "overlapping vague",
            Vague {
                low: 10.0,
                high: 100.0,
            },
            Vague {
                low: 12.0,
                high: 100.0,
            },
            Verdict::Compatible,
        ),
    ];
    for (name, x, y, expected) in cases {
        assert_eq!(verdict(x, y), expected, "{name}");
        assert_eq!(verdict(y, x), expected, "{name} (swapped)");
    }
}

#[test]
fn count_noun_classes() {
    let cases = [
        ("people", "persons"),
        ("residents", "persons"),
        ("civilians", "persons"),
        ("troops", "combatants"),
        ("cars", "vehicles"),
        ("mi", "length"),
        ("km", "length"),
        ("%", "percent"),
        ("barrels", "barrel"),
    ];
    for (noun, class) in cases {
        assert_eq!(class_of(noun), class, "{noun}");
    }
}

#[test]
fn figures_read_the_counted_noun_and_line_up() {
    let a = doc(
        "Title A\nAbout 5,000 people fled the town on Monday.\nThousands of cars filled the roads.",
    );
    let b = doc("Title B\n“Thousands” of residents have fled the town.\nHundreds of trucks filled the roads.\nSome 300 civilians stayed.");
    let c = compare(&a, &b);
    let counted: Vec<Option<&str>> = c.b.figures.iter().map(|f| f.counted.as_deref()).collect();
    assert_eq!(
        counted,
        [Some("residents"), Some("trucks"), Some("civilians")]
    );
    let pairs: Vec<(&str, &str, Verdict)> = c
        .figure_matches
        .iter()
        .map(|m| {
            (
                c.a.figures[m.a].text.as_str(),
                c.b.figures[m.b].text.as_str(),
                m.verdict,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("About 5,000 people", "Thousands", Verdict::Compatible),
            ("Thousands", "Hundreds", Verdict::Disagree),
        ]
    );
    assert_eq!(compare(&b, &a), c.swapped());
}

#[test]
fn quotation_attribution_rules() {
    struct Case {
        name: &'static str,
        text: &'static str,
        expected: &'static [(&'static str, Option<&'static str>)],
    }
    let cases = [
        Case {
            name: "inverted verb after a curly quote",
            text: "T\n“The city is calm tonight,” reported Al Jazeera.",
            expected: &[("The city is calm tonight,", Some("Al Jazeera"))],
        },
        Case {
            name: "straight quotes, speaker before the verb",
            text: "T\n\"We will not leave the city,\" Haider al-Abadi said.",
            expected: &[("We will not leave the city,", Some("Haider al-Abadi"))],
        },
        Case {
            name: "he added refers to the previous speaker",
            text: "T\n“We will win this war,” Haider al-Abadi said.\n“Nobody can stop us now,” he added.",
            expected: &[
                ("We will win this war,", Some("Haider al-Abadi")),
                ("Nobody can stop us now,", Some("Haider al-Abadi")),
            ],
        },
        Case {
            name: "according to",
            text: "T\n“The roads are full of cars,” according to the BBC.",
            expected: &[("The roads are full of cars,", Some("BBC"))],
        },
        Case {
            name: "multi-sentence quotation, no attribution",
            text: "T\nShe wrote “It was over. Nobody came back.” Then silence.",
            expected: &[("It was over. Nobody came back.", None)],
        },
        Case {
            name: "British single quotes keep apostrophes inside",
            text: "T\n‘Iraq’s forces will not stop here,’ the BBC says.",
            expected: &[("Iraq’s forces will not stop here,", Some("BBC"))],
        },
        Case {
            name: "a closing mark used as an opening one, speaker before",
            text: "T\nAl Jazeera said that ”the roads are full of cars.”",
            expected: &[("the roads are full of cars.", Some("Al Jazeera"))],
        },
        Case {
            name: "scare quotes are not quotations",
            text: "T\nThe “victory” was short.",
            expected: &[],
        },
    ];
    for case in cases {
        let d = doc(case.text);
        let c = compare(&d, &d);
        let got: Vec<(&str, Option<&str>)> =
            c.a.voices
                .iter()
                .map(|v| {
                    (
                        v.text.as_str(),
                        v.speaker.as_ref().map(|s| s.canonical.as_str()),
                    )
                })
                .collect();
        assert_eq!(got, case.expected, "{}", case.name);
    }
}

#[test]
fn framing_log_odds_rules() {
    let counts = |pairs: &[(&str, usize)]| -> FxHashMap<(TermKind, String), usize> {
        pairs
            .iter()
            .map(|&(w, n)| ((TermKind::Word, w.to_string()), n))
            .collect()
    };
    let a = counts(&[("militias", 6), ("city", 5), ("troops", 2), ("shared", 3)]);
    let b = counts(&[("forces", 6), ("city", 5), ("army", 2), ("shared", 3)]);
    let f = framing(&a, &b);
    let terms: Vec<&str> = f.a.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(
        terms,
        ["militias", "troops"],
        "only A's own words lean to A"
    );
    assert_eq!(f.b[0].term, "forces");
    assert!(
        (f.a[0].z + f.b[0].z).abs() < 1e-12,
        "mirror-image counts, mirror-image z"
    );
    assert!(f.a[0].z > f.a[1].z, "more uses, more evidence");
    let swapped = framing(&b, &a);
    assert_eq!(swapped, f.swapped());
    // Equal rates on both sides score zero and are on neither list.
    assert!(!f.a.iter().chain(&f.b).any(|t| t.term == "city"));
}

#[test]
fn framing_features_are_content_words_names_and_adjacent_pairs() {
    let d =
        doc("T\nThe militias entered the city, and militias left Kirkuk on Monday.\nReuters Photo");
    let story: Vec<bool> = Layout::of(&d)
        .placements
        .iter()
        .map(Option::is_some)
        .collect();
    let f = features(&d, &story);
    let cases: &[(TermKind, &str, usize)] = &[
        (TermKind::Word, "militias", 2),
        (TermKind::Word, "entered", 1),
        (TermKind::Word, "city", 1),
        (TermKind::Phrase, "militias entered", 1),
        (TermKind::Phrase, "militias left", 1),
        (TermKind::Phrase, "left Kirkuk", 1),
        (TermKind::Name, "Kirkuk", 1),
        // Stopwords, punctuation and dates break pairs and are no features.
        (TermKind::Word, "the", 0),
        (TermKind::Phrase, "entered city", 0),
        (TermKind::Phrase, "city militias", 0),
        (TermKind::Word, "monday", 0),
        // Boilerplate is left out.
        (TermKind::Word, "reuters", 0),
    ];
    for &(kind, term, n) in cases {
        let got = f.get(&(kind, term.to_string())).copied().unwrap_or(0);
        assert_eq!(got, n, "{kind:?} {term}");
    }
}

#[test]
fn similarity_rules() {
    let r = |c: &str, a: usize, b: usize, label: Label| EntityRow {
        label,
        canonical: c.into(),
        side: match (a > 0, b > 0) {
            (true, true) => Side::Both,
            (true, false) => Side::OnlyA,
            _ => Side::OnlyB,
        },
        count_a: a,
        count_b: b,
        is_value: matches!(label, Label::Date | Label::Number),
        surfaces_a: vec![],
        surfaces_b: vec![],
        first_a: None,
        first_b: None,
    };
    let cases: &[(&str, Vec<EntityRow>, f64, f64)] = &[
        (
            "identical shares",
            vec![r("X", 2, 4, Label::Place), r("Y", 1, 2, Label::Org)],
            1.0,
            1.0,
        ),
        (
            "disjoint",
            vec![r("X", 2, 0, Label::Place), r("Y", 0, 3, Label::Org)],
            0.0,
            0.0,
        ),
        (
            "half shared, values ignored",
            vec![
                r("X", 1, 1, Label::Place),
                r("Y", 1, 0, Label::Org),
                r("5", 0, 9, Label::Number),
            ],
            1.0 / 3.0,
            0.5,
        ),
        ("empty", vec![], 0.0, 0.0),
    ];
    for (name, rows, score, jaccard) in cases {
        let s = Similarity::of(rows);
        assert!((s.score - score).abs() < 1e-9, "{name}: {s:?}");
        assert!((s.jaccard - jaccard).abs() < 1e-9, "{name}: {s:?}");
        let mirrored: Vec<EntityRow> = rows.iter().map(EntityRow::swapped).collect();
        assert_eq!(Similarity::of(&mirrored), s.swapped(), "{name} symmetric");
    }
}

#[test]
fn csv_quoting_follows_rfc_4180() {
    let cases = [
        ("Kirkuk", "Kirkuk"),
        ("Arbil, Iraq", "\"Arbil, Iraq\""),
        ("the \"PMF\"", "\"the \"\"PMF\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("", ""),
    ];
    for (raw, quoted) in cases {
        assert_eq!(csv::field(raw), quoted, "{raw:?}");
    }
}

#[test]
fn figure_matches_that_read_alike_are_one_line() {
    use newslens::engine::compare::figures::match_lines;
    let c = bundled_cmp();
    let lines = match_lines(&c.figure_matches, &c.a.figures, &c.b.figures);
    // B says "Thousands" flee in its headline and in its body: each lines up with A's
    // "thousands" and with A's "61,000 people", two matches each, one line each.
    assert_eq!(c.figure_matches.len(), 4);
    let read = |l: &newslens::engine::compare::figures::MatchLine| {
        let m = &c.figure_matches[l.matches[0]];
        (
            c.a.figures[m.a].text.as_str(),
            c.b.figures[m.b].text.as_str(),
            l.a,
            l.b,
        )
    };
    let got: Vec<_> = lines.iter().map(read).collect();
    assert_eq!(
        got,
        vec![
            ("thousands", "Thousands", 1, 2),
            ("61,000 people", "Thousands", 1, 2)
        ]
    );
    // Every match is on exactly one line.
    let mut all: Vec<usize> = lines.iter().flat_map(|l| l.matches.clone()).collect();
    all.sort_unstable();
    assert_eq!(all, (0..c.figure_matches.len()).collect::<Vec<_>>());
    // Matches that differ in their verdict are not merged.
    let mut two = c.figure_matches[..2].to_vec();
    two[1].verdict = Verdict::Disagree;
    assert_eq!(match_lines(&two, &c.a.figures, &c.b.figures).len(), 2);
}
