//! No input makes the tagger panic or hang, and its output keeps its invariants: sorted,
//! non-overlapping, non-empty spans on char boundaries, outside boilerplate.

use newslens::engine::html::to_text;
use newslens::engine::mention::Mention;
use newslens::engine::tag::{tag, TagOptions};
use proptest::prelude::*;
use std::time::Instant;

fn check(text: &str, m: &[Mention]) {
    for w in m.windows(2) {
        assert!(
            w[0].span.end() <= w[1].span.start(),
            "overlap or disorder: {w:?}"
        );
    }
    for x in m {
        assert!(!x.span.is_empty());
        assert!(text.is_char_boundary(x.span.start()) && text.is_char_boundary(x.span.end()));
        assert!(x.span.end() <= text.len());
    }
}

/// Pieces that exercise the rules: names, titles, acronyms, quotes, numbers, scripts, marks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Prime Minister ".to_string()),
        Just("Haider al-Abadi".to_string()),
        Just(" (ISIS/ISIL) ".to_string()),
        Just("the city of ".to_string()),
        Just("Kirkuk".to_string()),
        Just("U.S.-backed".to_string()),
        Just("’s".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("130 miles (210 kilometers)".to_string()),
        Just("Monday, Oct. 16, 2017".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        Just("كركوك".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just(" said ".to_string()),
        Just("Forces/Units".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[0-9,.]{1,6}",
        "[ .,;:()/\\-'\"]{1,3}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn tag_keeps_invariants(pieces in proptest::collection::vec(piece(), 0..40)) {
        let text: String = pieces.concat();
        let m = tag(&text, &TagOptions { published: Some("2017-10-17".into()) });
        check(&text, &m);
    }

    #[test]
    fn tag_survives_arbitrary_strings(text in any::<String>()) {
        check(&text, &tag(&text, &TagOptions::default()));
    }

    #[test]
    fn html_reducer_never_panics(html in "(<[a-z/!-]{0,8}[^>]{0,10}>?|&[#a-z0-9]{0,8};?|[^<&]{0,20}){0,30}") {
        let _ = to_text(&html);
    }
}

#[test]
fn hostile_inputs() {
    // ~10 MB on one line: ordinary prose with a name, a number and a date now and then.
    let long_line =
        "the convoy moved slowly along the road while residents watched from doorways and \
                     officials said little about Kirkuk or 300 people on Monday; "
            .repeat(70_000);
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "“unbalanced ‘quotes (ISIS/ ".into(),
        "(((((((((((".into(),
        "A".repeat(100_000),
        "ا".repeat(50_000),
        "\u{301}".repeat(10_000),
        "🙂".repeat(10_000),
        (0..200_000u32).filter_map(char::from_u32).collect(),
        long_line,
    ];
    for text in &cases {
        let t0 = Instant::now();
        let m = tag(
            text,
            &TagOptions {
                published: Some("2017-10-17".into()),
            },
        );
        check(text, &m);
        // A hang guard, not a speed test (speed is measured in benches/ and BENCHMARKS.md):
        // generous enough for an unoptimised build on a loaded 2-core machine.
        assert!(
            t0.elapsed().as_secs() < 300,
            "no answer after 300 s on {} bytes",
            text.len()
        );
    }
}

/// What `resolve` must keep: the candidates best first (priority, then length, then
/// position, then list order), each taken when it overlaps none taken before, by position.
fn resolve_reference(c: &[(usize, usize, u8)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..c.len()).collect();
    order.sort_by_key(|&i| {
        let (start, len, priority) = c[i];
        (
            std::cmp::Reverse(priority),
            std::cmp::Reverse(len),
            start,
            i,
        )
    });
    let mut taken: Vec<usize> = Vec::new();
    for i in order {
        let (s, l, _) = c[i];
        if taken.iter().all(|&j| {
            let (t, m, _) = c[j];
            s + l <= t || t + m <= s
        }) {
            taken.push(i);
        }
    }
    taken.sort_by_key(|&i| c[i].0);
    taken
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn resolve_keeps_the_best_candidates(
        c in prop::collection::vec(
            (0usize..120, 1usize..12, prop::sample::select(vec![50u8, 55, 60, 70])),
            0..40,
        )
    ) {
        use newslens::engine::label::Label;
        use newslens::engine::mention::{Candidate, Why};
        use newslens::engine::span::Span;
        use newslens::engine::tag::resolve;
        let candidates: Vec<Candidate> = c
            .iter()
            .enumerate()
            .map(|(i, &(start, len, priority))| Candidate {
                mention: Mention {
                    span: Span::new(start, start + len),
                    label: Label::Place,
                    canonical: i.to_string().into(),
                    why: Why::new("test", ""),
                },
                priority,
            })
            .collect();
        let got: Vec<String> = resolve(candidates).into_iter().map(|m| m.canonical.to_string()).collect();
        let want: Vec<String> = resolve_reference(&c).iter().map(usize::to_string).collect();
        prop_assert_eq!(got, want);
    }
}
