//! The URL view state: round trips, defaults, and garbage ignored.

use newslens::engine::label::Label;
use newslens::view_state::{LabelSet, View, ViewState};

struct Case {
    name: &'static str,
    query: &'static str,
    expected: ViewState,
}

#[test]
fn parses_contract_parameters_and_ignores_garbage() {
    let types = LabelSet::NONE.toggled(Label::Person).toggled(Label::Place);
    let cases = [
        Case { name: "empty", query: "", expected: ViewState::default() },
        Case { name: "just ?", query: "?", expected: ViewState::default() },
        Case {
            name: "every parameter",
            query: "?view=compare&article=x&types=PERSON,PLACE&entity=Haider%20al-Abadi&q=oil&a=one&b=two",
            expected: ViewState {
                view: View::Compare,
                article: Some("x".into()),
                types,
                entity: Some("Haider al-Abadi".into()),
                q: "oil".into(),
                outlet: None,
                place_ref: None,
                place_sort: None,
                place_group: None,
                a: Some("one".into()),
                b: Some("two".into()),
            },
        },
        Case {
            name: "bad view and bad labels ignored",
            query: "?view=map&types=COLOUR,,&foo=bar",
            expected: ViewState::default(),
        },
        Case {
            name: "explicitly empty types means none",
            query: "?types=",
            expected: ViewState { types: LabelSet::NONE, ..ViewState::default() },
        },
        Case {
            name: "broken escapes kept as text",
            query: "?q=100%&entity=%E2%82",
            expected: ViewState { q: "100%".into(), entity: Some("\u{FFFD}".into()), ..ViewState::default() },
        },
        Case {
            name: "unknown place sort and group ignored",
            query: "?view=places&sort=height&group=planet&ref=Kirkuk",
            expected: ViewState { view: View::Places, place_ref: Some("Kirkuk".into()), ..ViewState::default() },
        },
        Case {
            name: "duplicate labels and case",
            query: "?types=place,PLACE,Place",
            expected: ViewState { types: LabelSet::NONE.toggled(Label::Place), ..ViewState::default() },
        },
    ];
    for c in cases {
        assert_eq!(ViewState::from_query(c.query), c.expected, "{}", c.name);
    }
}

#[test]
fn query_round_trips() {
    let states = [
        ViewState::default(),
        ViewState {
            view: View::Entities,
            entity: Some("Kurds & Arabs / ñ".into()),
            ..Default::default()
        },
        ViewState {
            types: LabelSet::NONE,
            q: "  spaced  ".into(),
            ..Default::default()
        },
        ViewState {
            view: View::Places,
            article: Some("a b".into()),
            ..Default::default()
        },
    ];
    for s in states {
        assert_eq!(ViewState::from_query(&s.to_query()), s, "{}", s.to_query());
    }
}

#[test]
fn label_set_toggles() {
    let s = LabelSet::ALL.toggled(Label::Org);
    assert!(!s.contains(Label::Org) && s.contains(Label::Date));
    assert_eq!(s.toggled(Label::Org), LabelSet::ALL);
    assert_eq!(s.iter().count(), 5);
}
