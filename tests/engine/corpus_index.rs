//! The corpus index, and the incremental builder that keeps it up to date.

use newslens::engine::corpus::{self, Article, ArticleMeta};
use newslens::engine::corpus_index::{in_order, CorpusIndex, IndexBuilder};
use newslens::engine::document::Document;
use newslens::engine::label::Label;
use newslens::engine::text::sentences;
use proptest::prelude::*;
use std::rc::Rc;

fn doc(id: &str, text: &str) -> Document {
    let meta = ArticleMeta {
        id: id.into(),
        file: format!("{id}.txt"),
        title: id.into(),
        outlet: "Test".into(),
        section: None,
        standfirst: None,
        published: Some("2017-10-17".into()),
        url: None,
        certainty: "user".into(),
        evidence: String::new(),
    };
    Document::analyse(Article {
        meta,
        text: text.into(),
    })
}

/// The bundled articles and a few short ones that share entities with them and each other.
fn pool() -> Vec<Document> {
    let mut docs: Vec<Document> = corpus::bundled()
        .expect("bundled corpus")
        .into_iter()
        .map(Document::analyse)
        .collect();
    for (i, text) in [
        "Iraqi forces entered Kirkuk on Monday, the Kurdistan Regional Government (KRG) said.",
        "Prime Minister Haider al-Abadi spoke in Baghdad. Abadi said 61,000 people had left.",
        "The United Nations said the U.S. had no role. Kurds in Erbil protested on Tuesday.",
        "",
        "Kirkuk, Kirkuk and Kirkuk again: the KRG and the United Nations met in Erbil.",
    ]
    .iter()
    .enumerate()
    {
        docs.push(doc(&format!("t{i}"), text));
    }
    docs
}

#[test]
fn counts_entities_per_document_with_aliases_and_label() {
    let docs: Vec<Rc<Document>> = pool().into_iter().skip(2).map(Rc::new).collect();
    let index = CorpusIndex::build(&docs);
    let kirkuk = index.entity("Kirkuk").expect("Kirkuk is indexed");
    assert_eq!(kirkuk.label, Label::Place);
    assert_eq!(kirkuk.per_doc, [(0, 1), (4, 3)]);
    assert_eq!(kirkuk.total, 4);
    assert_eq!(kirkuk.doc_count(), 2);
    assert_eq!(kirkuk.count_in(4), 3);
    assert_eq!(kirkuk.count_in(1), 0);
    let abadi = index
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == "Abadi"))
        .expect("Abadi is indexed");
    assert_eq!(abadi.aliases.len(), 2, "{abadi:?}");
    // Most mentioned first, then by name.
    let order: Vec<(usize, &str)> = index
        .entities
        .iter()
        .map(|e| (usize::MAX - e.total, e.canonical.as_str()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
}

#[test]
fn an_emptied_corpus_has_no_entities_left() {
    let docs: Vec<Rc<Document>> = pool().into_iter().map(Rc::new).collect();
    let mut builder = IndexBuilder::default();
    assert!(!builder.update(&docs).entities.is_empty());
    assert_eq!(builder.update(&[]), CorpusIndex::default());
}

/// The corpus after `step` changes `current`: each position keeps its document (same `Rc`),
/// or gets another from `pool` (`(pick, false)`) or a fresh copy of one (`(pick, true)`).
fn next_corpus(
    current: &[Rc<Document>],
    step: &[(usize, bool)],
    pool: &[Rc<Document>],
) -> Vec<Rc<Document>> {
    step.iter()
        .enumerate()
        .map(|(i, &(pick, fresh))| match current.get(i) {
            Some(was) if !fresh => was.clone(),
            _ if fresh => Rc::new((*pool[pick]).clone()),
            _ => pool[pick].clone(),
        })
        .collect()
}

/// Checks `index` against `docs` without the builder: one row per distinct canonical name,
/// found by that name, with every mention counted (per document, per surface form, and its
/// most frequent label, the earlier label on a tie), the rows in [`in_order`].
fn check_against(index: &CorpusIndex, docs: &[Rc<Document>]) -> Result<(), TestCaseError> {
    use std::collections::BTreeMap;
    #[derive(Default)]
    struct Naive<'a> {
        per_doc: BTreeMap<usize, usize>,
        labels: [usize; 6],
        aliases: BTreeMap<&'a str, usize>,
    }
    let mut naive: BTreeMap<&str, Naive> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for m in &doc.mentions {
            let n = naive.entry(&m.canonical).or_default();
            *n.per_doc.entry(d).or_default() += 1;
            n.labels[m.label.index()] += 1;
            *n.aliases.entry(m.span.slice(&doc.text)).or_default() += 1;
        }
    }
    prop_assert_eq!(index.entities.len(), naive.len());
    for (name, n) in naive {
        let row = index.entity(name);
        prop_assert!(row.is_some(), "{} is indexed", name);
        let row = row.expect("checked");
        let per_doc: Vec<(usize, usize)> = n.per_doc.into_iter().collect();
        prop_assert_eq!(
            row.total,
            per_doc.iter().map(|(_, c)| c).sum::<usize>(),
            "{}",
            name
        );
        prop_assert_eq!(&row.per_doc, &per_doc, "{}", name);
        let most = *n.labels.iter().max().expect("six labels");
        let label = n.labels.iter().position(|&c| c == most).expect("a maximum");
        prop_assert_eq!(row.label, Label::ALL[label], "{}", name);
        let mut aliases: Vec<(&str, usize)> = n.aliases.into_iter().collect();
        aliases.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
        let aliases: Vec<&str> = aliases.into_iter().map(|(a, _)| a).collect();
        prop_assert_eq!(&row.aliases, &aliases, "{}", name);
    }
    for pair in index.entities.windows(2) {
        prop_assert!(
            in_order(&pair[0], &pair[1]).is_lt(),
            "{:?} before {:?}",
            pair[0].canonical,
            pair[1].canonical
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever arrives, changes or goes, in any order, the incremental index equals the
    /// index built from scratch.
    #[test]
    fn incremental_updates_equal_a_fresh_build(
        steps in proptest::collection::vec(
            proptest::collection::vec((0usize..7, any::<bool>()), 0..9), 1..6)
    ) {
        let pool: Vec<Rc<Document>> = pool().into_iter().map(Rc::new).collect();
        let mut builder = IndexBuilder::default();
        let mut current: Vec<Rc<Document>> = Vec::new();
        for step in steps {
            let next = next_corpus(&current, &step, &pool);
            let incremental = builder.update(&next);
            prop_assert_eq!(&incremental, &CorpusIndex::build(&next));
            check_against(&incremental, &next)?;
            current = next;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// An update cut into slices of a few documents, some left unfinished when the corpus
    /// changes again, ends in the index built from scratch.
    #[test]
    fn sliced_updates_equal_a_fresh_build(
        steps in proptest::collection::vec(
            (proptest::collection::vec((0usize..7, any::<bool>()), 0..9), 1usize..4, any::<bool>()),
            1..6)
    ) {
        let pool: Vec<Rc<Document>> = pool().into_iter().map(Rc::new).collect();
        let mut builder = IndexBuilder::default();
        let mut current: Vec<Rc<Document>> = Vec::new();
        let last = steps.len() - 1;
        for (n, (step, slice, abandon)) in steps.into_iter().enumerate() {
            current = next_corpus(&current, &step, &pool);
            loop {
                let mut left = slice;
                // `slice` documents per call.
                let done = builder.advance(&current, || {
                    let more = left > 0;
                    left = left.saturating_sub(1);
                    more
                });
                if let Some(index) = done {
                    prop_assert!(builder.is_up_to(&current));
                    prop_assert_eq!(&index, &CorpusIndex::build(&current));
                    check_against(&index, &current)?;
                    break;
                }
                prop_assert!(!builder.is_up_to(&current));
                if abandon && n < last {
                    break; // the corpus changes before this update is done
                }
            }
        }
    }
}

#[test]
fn contexts_are_every_mention_in_order_and_the_first_of_them_on_request() {
    let docs: Vec<Rc<Document>> = pool().into_iter().map(Rc::new).collect();
    let index = CorpusIndex::build(&docs);
    let kirkuk = index.entity("Kirkuk").expect("Kirkuk is indexed");
    let all = index.contexts(&docs, "Kirkuk", usize::MAX);
    assert_eq!(all.len(), kirkuk.total);
    assert!(all.len() > 3);
    for c in &all {
        let doc = &docs[c.doc];
        assert!(c.sentence.contains(c.mention));
        // The sentence is one of the article's, though only its paragraph was split.
        assert!(
            sentences(&doc.text).contains(&c.sentence),
            "{:?}",
            c.sentence
        );
        assert_eq!(&*doc.mentions[c.index].canonical, "Kirkuk");
    }
    assert!(all
        .windows(2)
        .all(|w| (w[0].doc, w[0].mention.start()) < (w[1].doc, w[1].mention.start())));
    assert_eq!(index.contexts(&docs, "Kirkuk", 3), all[..3]);
    assert!(index.contexts(&docs, "Kirkuk", 0).is_empty());
    assert!(index.contexts(&docs, "No Such Entity", 10).is_empty());
}
