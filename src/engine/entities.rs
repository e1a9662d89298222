//! Canonical entities across articles: every mention of every article grouped under one entity
//! with a stable id, its aliases and its mention counts per article.
//!
//! Within an article the tagger already gives aliases one canonical name (acronym ↔ long form,
//! surname ↔ full name, `U.S.` ↔ `United States`). Across articles the index merges:
//!
//! - entities with the same label and canonical name;
//! - a canonical that another article shows to be an alias: an acronym (`KRG`) one article
//!   defines, or a surname (`Abadi`) whose full name (`Haider al-Abadi`) another article gives.
//!
//! ```
//! use newslens::engine::entities::EntityIndex;
//! use newslens::engine::tag::{tag, TagOptions};
//! let a = "The Kurdistan Regional Government (KRG) met Prime Minister Haider al-Abadi.";
//! let b = "The KRG said PM Abadi was wrong.";
//! let o = TagOptions::default();
//! let (ma, mb) = (tag(a, &o), tag(b, &o));
//! let index = EntityIndex::build([("a", a, &ma[..]), ("b", b, &mb[..])]);
//! let krg = index.find("ORG", "KRG").unwrap();
//! assert_eq!(krg.canonical, "Kurdistan Regional Government");
//! assert_eq!(krg.mentions["b"], 1);
//! assert_eq!(index.find("PERSON", "Abadi").unwrap().canonical, "Haider al-Abadi");
//! ```

use super::label::Label;
use super::mention::Mention;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One canonical entity across the indexed articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Stable id: the label and a slug of the canonical name, e.g. `org:islamic-state`. The same
    /// entity gets the same id in every build of the index.
    pub id: String,
    /// Its label.
    pub label: Label,
    /// Its canonical name (for DATE and NUMBER, the normalised value).
    pub canonical: String,
    /// Every surface form seen, sorted (`ISIL`, `ISIS`, `Islamic State`).
    pub aliases: Vec<String>,
    /// Mentions per article id.
    pub mentions: BTreeMap<String, usize>,
    /// All mentions.
    pub total: usize,
}

/// What the index saw of one entity: its surfaces and its mentions per article.
type Seen = (BTreeSet<String>, BTreeMap<String, usize>);

/// The entities of a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntityIndex {
    /// Most mentioned first, then by label and canonical name.
    entities: Vec<Entity>,
    /// Lookup by `(label, canonical or alias)`.
    #[serde(skip)]
    by_name: HashMap<(Label, String), usize>,
}

/// The stable id of an entity.
///
/// ```
/// use newslens::engine::entities::entity_id;
/// use newslens::engine::label::Label;
/// assert_eq!(entity_id(Label::Org, "Islamic State"), "org:islamic-state");
/// assert_eq!(entity_id(Label::Person, "Stéphane Dujarric"), "person:stéphane-dujarric");
/// ```
#[must_use]
pub fn entity_id(label: Label, canonical: &str) -> String {
    let mut slug = String::with_capacity(canonical.len());
    for c in canonical.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("{}:{slug}", label.as_str().to_ascii_lowercase())
}

impl EntityIndex {
    /// Indexes `(article id, text, mentions of that text)` triples.
    #[must_use]
    pub fn build<'a>(
        articles: impl IntoIterator<Item = (&'a str, &'a str, &'a [Mention])>,
    ) -> EntityIndex {
        let articles: Vec<_> = articles.into_iter().collect();
        // Aliases any article establishes: (label, surface) → canonical, when they differ.
        let mut alias: HashMap<(Label, String), String> = HashMap::new();
        for (_, text, mentions) in &articles {
            for m in mentions.iter() {
                let s = m.span.slice(text);
                if s != &*m.canonical
                    && matches!(
                        m.label,
                        Label::Person | Label::Org | Label::Place | Label::Group
                    )
                {
                    alias
                        .entry((m.label, s.to_string()))
                        .or_insert_with(|| m.canonical.to_string());
                }
            }
        }
        // Surnames of full person names any article gives: "Abadi" and "al-Abadi" → "Haider
        // al-Abadi". A surname two different full names share links to neither.
        let mut surnames: HashMap<String, Option<String>> = HashMap::new();
        for (_, _, mentions) in &articles {
            for m in mentions.iter().filter(|m| m.label == Label::Person) {
                let Some((_, last)) = m.canonical.rsplit_once(' ') else {
                    continue;
                };
                let bare = last.split_once('-').map_or(last, |(_, b)| b);
                for s in [last, bare] {
                    let e = surnames
                        .entry(s.to_string())
                        .or_insert_with(|| Some(m.canonical.to_string()));
                    if e.as_deref() != Some(&*m.canonical) {
                        *e = None;
                    }
                }
            }
        }
        for (s, full) in surnames {
            if let Some(full) = full {
                alias.entry((Label::Person, s)).or_insert(full);
            }
        }
        let resolve = |label: Label, canonical: &str| -> String {
            let mut c = canonical.to_string();
            // Follow at most a few links (KRG → Kurdistan Regional Government).
            for _ in 0..4 {
                match alias.get(&(label, c.clone())) {
                    Some(next) if *next != c => c = next.clone(),
                    _ => break,
                }
            }
            c
        };
        let mut groups: BTreeMap<(Label, String), Seen> = BTreeMap::new();
        for (id, text, mentions) in &articles {
            for m in mentions.iter() {
                let canonical = resolve(m.label, &m.canonical);
                let e = groups.entry((m.label, canonical)).or_default();
                e.0.insert(m.span.slice(text).to_string());
                *e.1.entry((*id).to_string()).or_default() += 1;
            }
        }
        let mut entities: Vec<Entity> = groups
            .into_iter()
            .map(|((label, canonical), (aliases, mentions))| Entity {
                id: entity_id(label, &canonical),
                label,
                total: mentions.values().sum(),
                aliases: aliases.into_iter().collect(),
                canonical,
                mentions,
            })
            .collect();
        entities.sort_by(|a, b| {
            b.total
                .cmp(&a.total)
                .then(a.label.cmp(&b.label))
                .then(a.canonical.cmp(&b.canonical))
        });
        let mut by_name = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_name.insert((e.label, e.canonical.clone()), i);
            for a in &e.aliases {
                by_name.entry((e.label, a.clone())).or_insert(i);
            }
        }
        for ((label, surface), canonical) in alias {
            if let Some(&i) = by_name.get(&(label, canonical)) {
                by_name.entry((label, surface)).or_insert(i);
            }
        }
        EntityIndex { entities, by_name }
    }

    /// Every entity, most mentioned first.
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity a mention belongs to.
    #[must_use]
    pub fn of_mention(&self, mention: &Mention) -> Option<&Entity> {
        self.by_name
            .get(&(mention.label, mention.canonical.to_string()))
            .map(|&i| &self.entities[i])
    }

    /// The entity of `label` (`"ORG"`, …) known by `name` (canonical name or any alias).
    #[must_use]
    pub fn find(&self, label: &str, name: &str) -> Option<&Entity> {
        let label = Label::parse(label)?;
        self.by_name
            .get(&(label, name.to_string()))
            .map(|&i| &self.entities[i])
    }
}
