//! What the user added — articles and corrections — and what must still be written to the
//! browser's storage. One reducer, no side effects: an effect of the app drains `pending`
//! into IndexedDB and reports back.

use crate::display::counted;
use crate::engine::backup::{Backup, StoredArticle};
use crate::engine::corpus::ArticleMeta;
use crate::engine::corrections::{ArticleCorrections, Correction};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

/// A write the storage still owes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Store (or replace) an article (shared with [`UserData::articles`], not copied).
    PutArticle(Rc<StoredArticle>),
    /// Delete an article and its corrections.
    DeleteArticle(String),
    /// Store (or replace) an article's corrections.
    PutCorrections(ArticleCorrections),
}

/// A stored record that could not be read: left in storage as it was, listed, and offered
/// for export. A write that would replace it first sets it aside (see `storage::Db::apply`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The object store it is in.
    pub store: &'static str,
    /// Its key in that store, when the key is text.
    pub key: Option<String>,
    /// What is wrong, in plain words.
    pub reason: String,
    /// The record as JSON text (always valid JSON; see `storage::raw_json`).
    pub raw: String,
}

impl Unreadable {
    /// The record as an entry of the export file, JSON text:
    /// `{"store": …, "key": …, "reason": …, "record": <the record exactly as read>}`. The
    /// record is embedded verbatim, so even text that is not valid Unicode survives (as the
    /// `\udXXX` escapes `JSON.stringify` wrote).
    #[must_use]
    pub fn export_entry(&self) -> String {
        let text = |s: &str| serde_json::Value::String(s.to_string()).to_string();
        format!(
            "{{\"store\": {}, \"key\": {}, \"reason\": {}, \"record\": {}}}",
            text(self.store),
            self.key.as_deref().map_or_else(|| "null".to_string(), text),
            text(&self.reason),
            if self.raw.is_empty() {
                "null"
            } else {
                &self.raw
            },
        )
    }
}

/// Where storage stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StorageStatus {
    /// Not opened yet.
    #[default]
    Opening,
    /// Everything is saved.
    Saved,
    /// Storage cannot be used at all (private mode, disabled): data lives in this tab only.
    Unavailable(String),
    /// The last save failed; the data is still here, unsaved.
    Failed(String),
}

/// Everything the user added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserData {
    /// The user's articles, in the order added. Shared, so that a change copies pointers, not
    /// texts.
    pub articles: Vec<Rc<StoredArticle>>,
    /// Corrections, one list per article (bundled or the user's).
    pub corrections: Vec<ArticleCorrections>,
    /// Records that could not be read, kept apart.
    pub unreadable: Vec<Unreadable>,
    /// Writes still owed to storage, in order.
    pub pending: Vec<Op>,
    /// Storage state.
    pub status: StorageStatus,
    /// The last deleted article, for undo.
    pub deleted: Option<(Rc<StoredArticle>, Option<ArticleCorrections>)>,
    /// Bumped on every change to articles or corrections (cheap change detection).
    pub revision: u64,
    /// A message for the user about the last action (restored, skipped…).
    pub notice: Option<String>,
}

/// Everything that changes the user's data.
#[derive(Clone, Debug, PartialEq)]
pub enum UserAction {
    /// What storage held at start.
    Loaded {
        /// Readable articles.
        articles: Vec<StoredArticle>,
        /// Readable corrections.
        corrections: Vec<ArticleCorrections>,
        /// Unreadable records.
        unreadable: Vec<Unreadable>,
        /// Records upgraded from an older version, to write back.
        upgraded: Vec<StoredArticle>,
    },
    /// Storage cannot be used; keep working in memory.
    StorageUnavailable(String),
    /// Add an imported article.
    Add(StoredArticle),
    /// Replace an article's metadata (rename, edit outlet or date).
    EditMeta(ArticleMeta),
    /// Delete an article (undoable).
    Delete(String),
    /// Bring back the last deleted article.
    UndoDelete,
    /// Add a correction to an article.
    Correct(String, Correction),
    /// Take back an article's last correction.
    UndoCorrection(String),
    /// Merge a restored backup in (its articles replace those with the same id).
    Restore(Backup),
    /// The storage wrote the first `n` pending ops.
    Saved(usize),
    /// The storage failed; nothing is dropped.
    SaveFailed(String),
    /// Dismiss the notice.
    Dismiss,
}

impl UserData {
    /// The corrections of `article`, if any.
    #[must_use]
    pub fn corrections_of(&self, article: &str) -> Option<&ArticleCorrections> {
        self.corrections.iter().find(|c| c.article == article)
    }

    fn corrections_mut(&mut self, article: &str) -> &mut ArticleCorrections {
        if let Some(i) = self.corrections.iter().position(|c| c.article == article) {
            return &mut self.corrections[i];
        }
        self.corrections.push(ArticleCorrections::new(article));
        self.corrections.last_mut().expect("just pushed")
    }
}

impl Reducible for UserData {
    type Action = UserAction;

    fn reduce(self: Rc<Self>, action: UserAction) -> Rc<Self> {
        let mut d = (*self).clone();
        let mut changed = true;
        match action {
            UserAction::Loaded {
                articles,
                corrections,
                unreadable,
                upgraded,
            } => {
                // Anything added before storage answered stays, after what was stored.
                let mut all: Vec<Rc<StoredArticle>> = articles.into_iter().map(Rc::new).collect();
                let stored: std::collections::HashSet<String> =
                    all.iter().map(|a| a.meta.id.clone()).collect();
                for a in d.articles.drain(..) {
                    if !stored.contains(&a.meta.id) {
                        all.push(a);
                    }
                }
                d.articles = all;
                for c in corrections {
                    if d.corrections_of(&c.article).is_none() {
                        d.corrections.push(c);
                    }
                }
                d.unreadable = unreadable;
                if !d.unreadable.is_empty() {
                    d.notice = Some(format!(
                        "{} could not be read; they are kept untouched, listed under “Your data” with the reason, and can be exported from there.",
                        counted(d.unreadable.len(), "stored item")
                    ));
                }
                d.pending
                    .extend(upgraded.into_iter().map(|a| Op::PutArticle(Rc::new(a))));
                if matches!(d.status, StorageStatus::Opening) {
                    d.status = StorageStatus::Saved;
                }
            }
            UserAction::StorageUnavailable(why) => {
                d.status = StorageStatus::Unavailable(why);
                changed = false;
            }
            UserAction::Add(a) => {
                let a = Rc::new(a);
                d.pending.push(Op::PutArticle(a.clone()));
                d.articles.retain(|x| x.meta.id != a.meta.id);
                d.articles.push(a);
            }
            UserAction::EditMeta(meta) => {
                if let Some(a) = d.articles.iter_mut().find(|a| a.meta.id == meta.id) {
                    Rc::make_mut(a).meta = meta;
                    d.pending.push(Op::PutArticle(a.clone()));
                }
            }
            UserAction::Delete(id) => {
                if let Some(i) = d.articles.iter().position(|a| a.meta.id == id) {
                    let a = d.articles.remove(i);
                    let c = d
                        .corrections
                        .iter()
                        .position(|c| c.article == id)
                        .map(|j| d.corrections.remove(j));
                    d.deleted = Some((a.clone(), c));
                    d.pending.push(Op::DeleteArticle(id));
                    d.notice = Some(format!("Deleted “{}”.", a.meta.title));
                }
            }
            UserAction::UndoDelete => {
                if let Some((a, c)) = d.deleted.take() {
                    d.pending.push(Op::PutArticle(a.clone()));
                    d.articles.push(a);
                    if let Some(c) = c {
                        d.pending.push(Op::PutCorrections(c.clone()));
                        d.corrections.push(c);
                    }
                    d.notice = None;
                }
            }
            UserAction::Correct(article, correction) => {
                let list = d.corrections_mut(&article);
                list.items.push(correction);
                let list = list.clone();
                d.pending.push(Op::PutCorrections(list));
            }
            UserAction::UndoCorrection(article) => {
                let list = d.corrections_mut(&article);
                list.items.pop();
                let list = list.clone();
                d.pending.push(Op::PutCorrections(list));
            }
            UserAction::Restore(backup) => {
                let n = backup.articles.len();
                let incoming: std::collections::HashSet<&str> =
                    backup.articles.iter().map(|a| a.meta.id.as_str()).collect();
                // An article restored with the text it has here keeps that shared text, so
                // that its analysis is still known to fit it without comparing the texts.
                let kept: HashMap<String, Arc<str>> = d
                    .articles
                    .iter()
                    .filter(|x| incoming.contains(x.meta.id.as_str()))
                    .map(|x| (x.meta.id.clone(), x.text.clone()))
                    .collect();
                d.articles
                    .retain(|x| !incoming.contains(x.meta.id.as_str()));
                for mut a in backup.articles {
                    if let Some(text) = kept.get(&a.meta.id).filter(|t| **t == a.text) {
                        a.text = text.clone();
                    }
                    let a = Rc::new(a);
                    d.pending.push(Op::PutArticle(a.clone()));
                    d.articles.push(a);
                }
                for c in backup.corrections {
                    d.corrections.retain(|x| x.article != c.article);
                    d.pending.push(Op::PutCorrections(c.clone()));
                    d.corrections.push(c);
                }
                let skipped = if backup.skipped.is_empty() {
                    String::new()
                } else {
                    format!(" Could not read: {}.", backup.skipped.join("; "))
                };
                d.notice = Some(format!(
                    "Restored {} and their corrections.{skipped}",
                    counted(n, "article")
                ));
            }
            UserAction::Saved(n) => {
                d.pending.drain(..n.min(d.pending.len()));
                if !matches!(d.status, StorageStatus::Unavailable(_)) {
                    d.status = StorageStatus::Saved;
                }
                changed = false;
            }
            UserAction::SaveFailed(why) => {
                d.status = StorageStatus::Failed(why);
                changed = false;
            }
            UserAction::Dismiss => {
                d.notice = None;
                changed = false;
            }
        }
        if changed {
            d.revision += 1;
        }
        Rc::new(d)
    }
}
