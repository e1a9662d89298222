//! The duplicate check of the app: the text hash of every article already there, kept from one
//! import to the next, so that an import hashes only the texts it has not seen. (Hashing the
//! whole corpus at each import took a third of a second at 10,000 articles, all of it on the
//! page's main thread.)

use super::{text_hash, ImportDraft, ImportError};
use crate::engine::corpus::ArticleMeta;
use std::collections::HashMap;
use std::sync::Arc;

/// Text hashes by article id, each with the text it was made from.
///
/// ```
/// use newslens::engine::import::{convert_import, ImportError, KnownTexts};
/// use std::sync::Arc;
/// let draft = convert_import(None, b"Floods in Kirkuk\n\nRain fell on Monday.", "seed").unwrap();
/// let mut there = draft.meta.clone();
/// there.id = "a".into();
/// let mut known = KnownTexts::default();
/// let other: Arc<str> = "Another story entirely.".into();
/// assert_eq!(known.check(&draft, [(&there, &other)]), Ok(()));
/// let same: Arc<str> = draft.text.as_str().into();
/// assert!(matches!(known.check(&draft, [(&there, &same)]), Err(ImportError::Duplicate { .. })));
/// ```
#[derive(Debug, Default)]
pub struct KnownTexts {
    by_id: HashMap<String, (Arc<str>, String)>,
}

impl KnownTexts {
    /// Refuses `draft` when its text is already one of `articles` (compared as
    /// [`check_duplicate`](super::check_duplicate) compares them), and remembers the hashes
    /// of `articles` for the next check. A text is hashed again only when its article is new
    /// or has another text than when last seen; articles no longer there are forgotten.
    ///
    /// # Errors
    /// [`ImportError::Duplicate`], naming the first article with the same text.
    pub fn check<'a>(
        &mut self,
        draft: &ImportDraft,
        articles: impl IntoIterator<Item = (&'a ArticleMeta, &'a Arc<str>)>,
    ) -> Result<(), ImportError> {
        let mut seen = HashMap::with_capacity(self.by_id.len() + 1);
        let mut duplicate = None;
        for (meta, text) in articles {
            let hash = hash_of(self.by_id.remove(&meta.id), text);
            if duplicate.is_none() && hash == draft.hash {
                duplicate = Some(ImportError::Duplicate {
                    id: meta.id.clone(),
                    title: meta.title.clone(),
                });
            }
            seen.insert(meta.id.clone(), (Arc::clone(text), hash));
        }
        self.by_id = seen;
        duplicate.map_or(Ok(()), Err)
    }

    /// Hashes one article's text ahead of a [`check`](KnownTexts::check), unless it is known
    /// already: the app does this in short slices while the user moves to add an article, so
    /// that even the first check after a large restore hashes nothing.
    pub fn learn(&mut self, meta: &ArticleMeta, text: &Arc<str>) {
        let known = self.by_id.get(&meta.id);
        if known.is_some_and(|(was, _)| Arc::ptr_eq(was, text)) {
            return;
        }
        let hash = hash_of(self.by_id.remove(&meta.id), text);
        self.by_id.insert(meta.id.clone(), (Arc::clone(text), hash));
    }

    /// How many texts' hashes are kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when no hash is kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// The hash of `text`: the one kept for its article when it was made from this same text,
/// else made now.
fn hash_of(kept: Option<(Arc<str>, String)>, text: &Arc<str>) -> String {
    match kept {
        Some((was, hash)) if Arc::ptr_eq(&was, text) => hash,
        _ => text_hash(text),
    }
}
