//! The analysed corpus shared by every view, behind an `Rc` compared by pointer.

use crate::engine::corpus::{self, Article};
use crate::engine::corrections::{apply, ArticleCorrections};
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
    /// Analyses `articles` (bundled first, then the user's, as given) and replays the user's
    /// corrections over each article's mentions.
    #[must_use]
    pub fn analyse(articles: &[Article], corrections: &[ArticleCorrections]) -> Corpus {
        Corpus(Rc::new(
            articles
                .iter()
                .map(|a| {
                    let mut doc = Document::analyse(a.clone());
                    if let Some(c) = corrections.iter().find(|c| c.article == doc.meta.id) {
                        doc.mentions = apply(&doc.mentions, &doc.text, &c.items).mentions;
                    }
                    Rc::new(doc)
                })
                .collect(),
        ))
    }

    /// The bundled articles (not yet analysed). An inconsistent build yields none and the
    /// error message, which the app shows.
    #[must_use]
    pub fn bundled_articles() -> (Vec<Article>, Option<String>) {
        match corpus::bundled() {
            Ok(articles) => (articles, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        }
    }

    /// The bundled articles, analysed, and the error message of an inconsistent build.
    #[must_use]
    pub fn bundled() -> (Corpus, Option<String>) {
        let (articles, error) = Self::bundled_articles();
        (Self::analyse(&articles, &[]), error)
    }

    /// The article with id `id`.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Rc<Document>> {
        self.0.iter().find(|d| d.meta.id == id)
    }

    /// True when the article was added by the user (not bundled).
    #[must_use]
    pub fn is_user(doc: &Document) -> bool {
        doc.meta.certainty == "user"
    }

    /// True when an article with this id exists.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
}
