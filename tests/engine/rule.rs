//! A mention's rule is one byte that names the rule, whatever the name.

use newslens::engine::mention::{Mention, Why};
use newslens::engine::rule::Rule;
use newslens::engine::tag::{tag, TagOptions};
use std::mem::size_of;
use std::sync::Arc;

#[test]
fn the_engines_rules_keep_their_names() {
    assert_eq!(Rule::GAZETTEER.as_str(), "gazetteer");
    assert_eq!(Rule::DEMONYM_PLACE.to_string(), "demonym+place");
    assert_eq!(Rule::named("acronym-definition"), Rule::ACRONYM_DEFINITION);
    assert_eq!(
        serde_json::to_string(&Why::new(Rule::TITLE, "Prime Minister")).unwrap(),
        r#"{"rule":"title","evidence":"Prime Minister"}"#
    );
    assert_eq!(format!("{:?}", Rule::SURNAME), r#""surname""#);
}

#[test]
fn any_other_name_is_registered_once_and_read_back() {
    let a = Rule::named("a-rule-only-this-test-uses");
    let b = Rule::named(&String::from("a-rule-only-this-test-uses"));
    assert_eq!(a, b);
    assert_ne!(a, Rule::named("another-rule-only-this-test-uses"));
    assert_eq!(a.as_str(), "a-rule-only-this-test-uses");
    assert!(a == "a-rule-only-this-test-uses");
    assert_ne!(a, Rule::OTHER);
}

#[test]
fn every_rule_the_engine_writes_reads_back_by_its_name() {
    let text = "Prime Minister Haider al-Abadi met the Kurdistan Regional Government (KRG) in \
                Baghdad on Monday, and 3,000 Kurds fled northern Iraq, Reuters reported.";
    let mentions = tag(text, &TagOptions::default());
    assert!(mentions.len() >= 6, "{mentions:?}");
    for m in mentions {
        assert_eq!(Rule::named(m.why.rule.as_str()), m.why.rule, "{m:?}");
    }
}

#[test]
fn a_reason_is_its_evidence_and_one_word() {
    // Millions of mentions in a large corpus each hold a reason: a rule as a `&str` took two
    // words of it (36 bytes a mention in the page, 32 now).
    assert_eq!(size_of::<Rule>(), 1);
    assert_eq!(size_of::<Why>(), size_of::<Arc<str>>() + size_of::<usize>());
    assert!(size_of::<Mention>() <= 2 * size_of::<usize>() + 3 * size_of::<Arc<str>>() + 8);
}
