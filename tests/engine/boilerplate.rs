//! Boilerplate detection matches the hand-checked ranges of the bundled articles and
//! leaves story text alone.

use newslens::engine::boilerplate::{detect, BoilerplateKind};
use newslens::engine::corpus::bundled;
use newslens::engine::offsets::CodePoints;

/// The gold ranges (code points) from `shared/gold/boilerplate.json`.
const GOLD: &[(&str, &[(usize, usize)])] = &[
    ("000_d9b921036b694c82", &[(398, 406), (5438, 5497)]),
    (
        "002_08ae971f51795d28",
        &[
            (167, 220),
            (568, 589),
            (591, 689),
            (691, 707),
            (708, 778),
            (780, 819),
            (821, 944),
            (946, 1069),
            (1071, 1078),
            (2054, 2066),
        ],
    ),
];

#[test]
fn bundled_articles_boilerplate_matches_gold_exactly() {
    for article in bundled().unwrap() {
        let cp = CodePoints::new(&article.text);
        let found: Vec<(usize, usize)> = detect(&article.text)
            .iter()
            .map(|b| (cp.of(b.span.start()), cp.of(b.span.end())))
            .collect();
        let gold = GOLD
            .iter()
            .find(|(id, _)| *id == article.meta.id)
            .unwrap()
            .1;
        assert_eq!(found, gold, "{}", article.meta.id);
    }
}

struct Case {
    name: &'static str,
    text: &'static str,
    expected: &'static [BoilerplateKind],
}

#[test]
fn general_rules() {
    use BoilerplateKind::*;
    let cases = [
        Case {
            name: "plain story",
            text: "Troops entered the city.\nThey met no resistance.",
            expected: &[],
        },
        Case {
            name: "wire credit",
            text: "Story.\nREUTERS/Ahmed Jadallah Photo",
            expected: &[PhotoCredit],
        },
        Case {
            name: "getty",
            text: "Story.\nGetty Images",
            expected: &[PhotoCredit],
        },
        Case {
            name: "image url",
            text: "Story.\nhttps://example.com/a.jpg\nMore.",
            expected: &[ImageUrl],
        },
        Case {
            name: "read more mid-story is story",
            text: "Read more about it below.\nStory goes on.",
            expected: &[],
        },
        Case {
            name: "read more at end",
            text: "Story.\nRead more",
            expected: &[RelatedLinks],
        },
        Case {
            name: "comment footer",
            text: "Story.\nComments are closed for this article.",
            expected: &[CommentsWidget],
        },
        Case {
            name: "promo sandwich",
            text: "Story.\nSubscribe to The Daily\nThe best news, daily.\nSubscribe now\nStory.",
            expected: &[SubscriptionPromo, SubscriptionPromo, SubscriptionPromo],
        },
        Case {
            name: "a long sentence about subscriptions is story",
            text: "Subscribers to the service complained on Monday that prices rose sharply.",
            expected: &[],
        },
    ];
    for c in cases {
        let kinds: Vec<BoilerplateKind> = detect(c.text).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, c.expected, "{}", c.name);
    }
}
