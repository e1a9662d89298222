//! The analysed corpus shared by every view, behind an `Rc` compared by pointer.

use crate::engine::corpus::{self, Article, ArticleMeta};
use crate::engine::corrections::{apply, ArticleCorrections};
use crate::engine::document::Document;
use crate::ui::analyses::{placeholder, Analysed};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

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

    /// The corpus from analyses already made (by the page or the tagging worker): `articles`
    /// in order, each with its current metadata, its analysis (or, while none has arrived, its
    /// text without mentions) and the user's corrections replayed over its mentions.
    #[must_use]
    pub fn assemble<'a>(
        articles: impl IntoIterator<Item = (&'a ArticleMeta, &'a Arc<str>)>,
        analyses: &HashMap<String, Analysed>,
        corrections: &[ArticleCorrections],
    ) -> Corpus {
        Corpus(Rc::new(
            articles
                .into_iter()
                .map(|(meta, text)| {
                    let found = analyses.get(&meta.id).filter(|x| x.fits(text));
                    let mut doc = match found {
                        Some(x) if x.doc.meta == *meta => x.doc.clone(),
                        Some(x) => {
                            let mut d = (*x.doc).clone();
                            d.meta = meta.clone();
                            Rc::new(d)
                        }
                        None => Rc::new(placeholder(meta, text)),
                    };
                    if let Some(c) = corrections.iter().find(|c| c.article == doc.meta.id) {
                        let mut d = (*doc).clone();
                        d.mentions = apply(&d.mentions, &d.text, &c.items).mentions;
                        doc = Rc::new(d);
                    }
                    doc
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
