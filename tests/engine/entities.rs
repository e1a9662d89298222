//! The cross-article entity index.

use newslens::engine::entities::{entity_id, EntityIndex};
use newslens::engine::label::Label;
use newslens::engine::tag::{tag, TagOptions};

#[test]
fn merges_aliases_across_articles() {
    let a = "The Islamic State (ISIS/ISIL) and the Kurdistan Regional Government (KRG). Prime Minister Haider al-Abadi.";
    let b =
        "ISIS fighters clashed with the KRG. PM Abadi said so. He met President Haider al-Abadi.";
    let o = TagOptions::default();
    let (ma, mb) = (tag(a, &o), tag(b, &o));
    let index = EntityIndex::build([("a", a, &ma[..]), ("b", b, &mb[..])]);
    let isis = index.find("ORG", "ISIS").expect("ISIS is indexed");
    assert_eq!(isis.canonical, "Islamic State");
    assert_eq!(isis.id, "org:islamic-state");
    assert!(isis.aliases.contains(&"ISIL".to_string()));
    assert_eq!(isis.mentions.get("b"), Some(&1));
    let krg = index.find("ORG", "KRG").unwrap();
    assert_eq!(krg.canonical, "Kurdistan Regional Government");
    assert_eq!(krg.total, 3);
    let abadi = index.find("PERSON", "Abadi").unwrap();
    assert_eq!(abadi.canonical, "Haider al-Abadi");
    assert_eq!(abadi.total, 3);
    assert_eq!(index.get(&abadi.id).unwrap().canonical, "Haider al-Abadi");
    for m in ma.iter().chain(&mb) {
        assert!(index.of_mention(m).is_some(), "{m:?}");
    }
}

#[test]
fn ids_are_stable_and_sorted_by_mentions() {
    assert_eq!(
        entity_id(Label::Place, "Washington, D.C."),
        "place:washington-d-c"
    );
    let t = "Baghdad and Baghdad and Iraq.";
    let m = tag(t, &TagOptions::default());
    let index = EntityIndex::build([("x", t, &m[..])]);
    let e = index.entities();
    assert_eq!(e[0].canonical, "Baghdad");
    assert_eq!(e[0].total, 2);
    assert_eq!(EntityIndex::build([("x", t, &m[..])]), index);
}
