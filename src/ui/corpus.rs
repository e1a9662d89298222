//! The analysed corpus shared by every view, behind an `Rc` compared by pointer.

use crate::engine::corpus;
use crate::engine::document::Document;
use std::rc::Rc;

/// Every analysed article. Cheap to clone; equality is pointer identity.
#[derive(Clone, Debug)]
pub struct Corpus(pub Rc<Vec<Rc<Document>>>);

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Corpus {
    /// The bundled articles, analysed. An inconsistent build yields an empty corpus and the
    /// error message, which the app shows.
    #[must_use]
    pub fn bundled() -> (Corpus, Option<String>) {
        match corpus::bundled() {
            Ok(articles) => (
                Corpus(Rc::new(
                    articles
                        .into_iter()
                        .map(|a| Rc::new(Document::analyse(a)))
                        .collect(),
                )),
                None,
            ),
            Err(e) => (Corpus(Rc::new(Vec::new())), Some(e.to_string())),
        }
    }

    /// The article with id `id`.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Rc<Document>> {
        self.0.iter().find(|d| d.meta.id == id)
    }

    /// True when an article with this id exists.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
}
