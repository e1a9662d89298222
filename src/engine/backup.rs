//! The user's data at rest: the record stored per article in the browser, and the one-file
//! backup of everything the user added.
//!
//! Both are versioned JSON. Reading is tolerant: a record from an older version is upgraded, a
//! record from a newer version is kept raw and reported (so it can still be exported), and a
//! backup keeps every readable article and correction list, naming the ones it could not read.
//!
//! ```
//! use newslens::engine::backup::{parse_backup, write_backup, StoredArticle};
//! use newslens::engine::corpus::ArticleMeta;
//! let meta: ArticleMeta = serde_json::from_str(
//!     r#"{"id":"user-1","file":"a.txt","title":"T","outlet":"","certainty":"user"}"#).unwrap();
//! let a = StoredArticle::new(meta, "Text.", "2026-11-23T04:00:00Z");
//! let file = write_backup(&[a.clone()], &[], &serde_json::Value::Null, "2026-11-23T05:00:00Z");
//! let back = parse_backup(&file).unwrap();
//! assert_eq!(back.articles, [a]);
//! assert!(back.skipped.is_empty());
//! ```

use super::corpus::ArticleMeta;
use super::corrections::{ArticleCorrections, Correction, CORRECTIONS_VERSION};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::fmt;
use std::sync::Arc;

/// The `format` marker of a backup file.
pub const BACKUP_FORMAT: &str = "newslens-backup";

/// The backup version this build writes and the newest it reads.
pub const BACKUP_VERSION: u64 = 1;

/// The [`StoredArticle`] record version this build writes and the newest it reads.
pub const RECORD_VERSION: u32 = 1;

/// One of the user's articles as stored in the browser (and in backups).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// Record version ([`RECORD_VERSION`]).
    pub version: u32,
    /// Metadata, as edited by the user.
    pub meta: ArticleMeta,
    /// The article text.
    pub text: Arc<str>,
    /// When it was added, as the UI wrote it (ISO 8601, e.g. `2026-11-23T04:00:00.000Z`).
    pub added_at: String,
}

impl StoredArticle {
    /// A record at the current version.
    #[must_use]
    pub fn new(meta: ArticleMeta, text: impl Into<Arc<str>>, added_at: &str) -> StoredArticle {
        StoredArticle {
            version: RECORD_VERSION,
            meta,
            text: text.into(),
            added_at: added_at.to_string(),
        }
    }
}

/// What reading one stored record gave.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordRead {
    /// A record of the current version.
    Current(StoredArticle),
    /// A record of an older version, upgraded (write it back to finish the upgrade).
    Upgraded {
        /// The record at the current version.
        article: StoredArticle,
        /// The version it had.
        from: u32,
    },
    /// A record written by a newer NewsLens: kept raw, to be left alone and offered for export.
    Newer {
        /// Its version.
        version: u64,
        /// Its id, when readable.
        id: Option<String>,
        /// The record as stored.
        raw: Value,
    },
    /// A record that cannot be read: kept raw, to be offered for export.
    Unreadable {
        /// Its id, when readable.
        id: Option<String>,
        /// What is wrong, in plain words.
        reason: String,
        /// The record as stored.
        raw: Value,
    },
}

/// Reads a stored article record of any version.
///
/// Version 0 is a record written before records had versions: `{meta, text}` with neither
/// `version` nor `added_at`; it is upgraded with an empty `added_at`.
#[must_use]
pub fn read_record(raw: Value) -> RecordRead {
    let id = raw
        .pointer("/meta/id")
        .and_then(Value::as_str)
        .map(str::to_string);
    let version = match raw.get("version") {
        None | Some(Value::Null) => 0,
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => {
                return RecordRead::Unreadable {
                    id,
                    reason: format!("its version is not a number ({v})"),
                    raw,
                }
            }
        },
    };
    if version > u64::from(RECORD_VERSION) {
        return RecordRead::Newer { version, id, raw };
    }
    // A current record is read in place: `raw` is kept for the message if it is unreadable,
    // and copying it first cost as much as reading it (a restore reads thousands).
    let read = if version == 0 {
        let mut upgraded = raw.clone();
        if let Some(obj) = upgraded.as_object_mut() {
            obj.insert("version".into(), json!(RECORD_VERSION));
            obj.entry("added_at").or_insert(json!(""));
        }
        StoredArticle::deserialize(&upgraded)
    } else {
        StoredArticle::deserialize(&raw)
    };
    match read {
        Ok(a) if a.meta.id.trim().is_empty() => RecordRead::Unreadable {
            id,
            reason: "it has no id".into(),
            raw,
        },
        Ok(article) if version == 0 => RecordRead::Upgraded { article, from: 0 },
        Ok(article) => RecordRead::Current(article),
        Err(e) => RecordRead::Unreadable {
            id,
            reason: shape_problem(&raw).unwrap_or_else(|| format!("it cannot be read ({e})")),
            raw,
        },
    }
}

/// What a JSON value holds, in words ("a number", "text"…).
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The first thing wrong with the shape of a stored article record, in plain words (`None`
/// when the shape is right and the problem is elsewhere).
fn shape_problem(raw: &Value) -> Option<String> {
    let Some(obj) = raw.as_object() else {
        return Some(format!(
            "it is not an article record (it holds {})",
            kind(raw)
        ));
    };
    let text_field = |v: Option<&Value>, what: &str| match v {
        None | Some(Value::Null) => Some(format!("its {what} is missing")),
        Some(Value::String(_)) => None,
        Some(other) => Some(format!("its {what} is {}, not text", kind(other))),
    };
    let meta = match obj.get("meta") {
        None | Some(Value::Null) => {
            return Some("its title, outlet and id (“meta”) are missing".into())
        }
        Some(Value::Object(m)) => m,
        Some(other) => {
            return Some(format!(
                "its title, outlet and id (“meta”) are {}, not an object",
                kind(other)
            ))
        }
    };
    text_field(meta.get("id"), "id")
        .or_else(|| text_field(obj.get("text"), "article text"))
        .or_else(|| text_field(meta.get("title"), "title"))
        .or_else(|| text_field(meta.get("outlet"), "outlet"))
        .or_else(|| text_field(meta.get("file"), "file name"))
        .or_else(|| match obj.get("added_at") {
            None | Some(Value::String(_)) => None,
            Some(other) => Some(format!("its date added is {}, not text", kind(other))),
        })
}

/// Reads a stored record from its JSON text (see [`read_record`]).
#[must_use]
pub fn read_record_str(json: &str) -> RecordRead {
    match serde_json::from_str::<Value>(json) {
        Ok(v) => read_record(v),
        Err(e) => RecordRead::Unreadable {
            id: None,
            reason: format!("it is not JSON ({e})"),
            raw: Value::String(json.to_string()),
        },
    }
}

/// A restored backup: everything readable, and what was not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// The articles, in file order, ids unique (the first of a repeated id wins).
    pub articles: Vec<StoredArticle>,
    /// The corrections, one list per article, unreadable items left out.
    pub corrections: Vec<ArticleCorrections>,
    /// The UI's settings as backed up (`null` when absent); the engine does not read them.
    pub settings: Value,
    /// One plain-language line per part that could not be read.
    pub skipped: Vec<String>,
}

/// Why a backup file cannot be restored at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BackupError {
    /// Not JSON (a different file, or cut short).
    NotJson {
        /// Line of the first error (1-based).
        line: usize,
        /// Column of the first error (1-based).
        column: usize,
    },
    /// JSON, but not a NewsLens backup (no or another `format` marker).
    WrongFormat {
        /// The marker found, if any.
        found: Option<String>,
    },
    /// Written by a newer NewsLens.
    TooNew {
        /// The file's version.
        version: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// A required part is missing or of the wrong type.
    MissingField {
        /// The part: `version`, `articles` or `corrections`.
        field: String,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotJson { line, column } => write!(
                f,
                "This file cannot be read as a NewsLens backup: it is not valid JSON (the \
                 problem starts at line {line}, column {column}). It may be a different file or \
                 may have been cut short. Nothing was restored."
            ),
            BackupError::WrongFormat { found: None } => f.write_str(
                "This file is not a NewsLens backup (it has no \"format\": \"newslens-backup\" \
                 marker). Nothing was restored.",
            ),
            BackupError::WrongFormat { found: Some(m) } => write!(
                f,
                "This file is not a NewsLens backup (its format is \u{201c}{m}\u{201d}). \
                 Nothing was restored."
            ),
            BackupError::TooNew { version, supported } => write!(
                f,
                "This backup was made by a newer version of NewsLens (backup version {version}; \
                 this version reads up to {supported}). Update NewsLens to restore it. Nothing \
                 was restored."
            ),
            BackupError::MissingField { field } => write!(
                f,
                "This backup is damaged: its \u{201c}{field}\u{201d} part is missing or \
                 unreadable. Nothing was restored."
            ),
        }
    }
}

impl std::error::Error for BackupError {}

/// The backup file of everything the user added, pretty-printed JSON:
/// `{"format":"newslens-backup","version":1,"created_at":…,"articles":[…],"corrections":[…],"settings":…}`.
#[must_use]
pub fn write_backup<'s>(
    articles: impl IntoIterator<Item = &'s StoredArticle>,
    corrections: &[ArticleCorrections],
    settings: &Value,
    created_at: &str,
) -> String {
    /// The file's shape, fields in the order written (marker first).
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        version: u64,
        created_at: &'a str,
        articles: Vec<&'a StoredArticle>,
        corrections: &'a [ArticleCorrections],
        settings: &'a Value,
    }
    let doc = File {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        created_at,
        articles: articles.into_iter().collect(),
        corrections,
        settings,
    };
    serde_json::to_string_pretty(&doc).expect("strings, numbers and JSON values always serialise")
}

/// Reads a backup file, keeping every readable article and correction.
///
/// # Errors
/// A [`BackupError`] when the file as a whole cannot be used: not JSON, not a backup, a newer
/// version, or a missing `version`, `articles` or `corrections`. Parts that cannot be read are
/// not errors: they are listed in [`Backup::skipped`].
pub fn parse_backup(json: &str) -> Result<Backup, BackupError> {
    let mut doc: Value =
        serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| {
            BackupError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        })?;
    let Some(obj) = doc.as_object_mut() else {
        return Err(BackupError::WrongFormat { found: None });
    };
    check_header(obj, obj.get("articles").is_some_and(Value::is_array))?;
    let Some(Value::Array(corrections)) = obj.remove("corrections") else {
        unreachable!("checked by check_header")
    };
    // Taken out of the document, so that each record is moved, not copied, into its article.
    let Some(Value::Array(articles)) = obj.remove("articles") else {
        unreachable!("checked by check_header")
    };
    let mut out = Collected::new(obj.get("settings").cloned().unwrap_or(Value::Null));
    for (i, raw) in articles.into_iter().enumerate() {
        out.article(i + 1, read_record(raw));
    }
    Ok(out.finish(&corrections))
}

/// Checks a backup's top-level fields (all but the articles, of which it is told only whether
/// they are a list): the format marker, a version this build reads, and the two lists.
///
/// # Errors
/// The first [`BackupError`] found, in the order the fields are listed above.
pub(crate) fn check_header(
    obj: &Map<String, Value>,
    articles_are_a_list: bool,
) -> Result<(), BackupError> {
    match obj.get("format") {
        Some(Value::String(s)) if s == BACKUP_FORMAT => {}
        Some(Value::String(s)) => {
            return Err(BackupError::WrongFormat {
                found: Some(s.clone()),
            })
        }
        _ => return Err(BackupError::WrongFormat { found: None }),
    }
    let missing = |field: &str| BackupError::MissingField {
        field: field.to_string(),
    };
    let version = obj
        .get("version")
        .and_then(Value::as_u64)
        .filter(|&v| v >= 1)
        .ok_or_else(|| missing("version"))?;
    if version > BACKUP_VERSION {
        return Err(BackupError::TooNew {
            version,
            supported: BACKUP_VERSION,
        });
    }
    if !articles_are_a_list {
        return Err(missing("articles"));
    }
    if !obj.get("corrections").is_some_and(Value::is_array) {
        return Err(missing("corrections"));
    }
    Ok(())
}

/// A backup's parts gathered as they are read: the first article of each id is kept, and
/// each part that cannot be read is named in [`Backup::skipped`].
pub(crate) struct Collected {
    out: Backup,
    seen: std::collections::HashSet<String>,
}

impl Collected {
    /// Nothing gathered yet, with the file's settings.
    pub(crate) fn new(settings: Value) -> Collected {
        Collected {
            out: Backup {
                articles: Vec::new(),
                corrections: Vec::new(),
                settings,
                skipped: Vec::new(),
            },
            seen: std::collections::HashSet::new(),
        }
    }

    /// Gathers article record `n` (1-based, in file order) as it was read.
    pub(crate) fn article(&mut self, n: usize, read: RecordRead) {
        let named = |id: &Option<String>| match id {
            Some(id) => format!("article {n} ({id})"),
            None => format!("article {n}"),
        };
        let out = &mut self.out;
        match read {
            RecordRead::Current(a) | RecordRead::Upgraded { article: a, .. } => {
                if !self.seen.insert(a.meta.id.clone()) {
                    out.skipped.push(format!(
                        "{}: the same id appears earlier in the file; the first one was kept",
                        named(&Some(a.meta.id.clone()))
                    ));
                } else {
                    out.articles.push(a);
                }
            }
            RecordRead::Newer { version, id, .. } => out.skipped.push(format!(
                "{}: written by a newer NewsLens (record version {version})",
                named(&id)
            )),
            RecordRead::Unreadable { id, reason, .. } => {
                out.skipped
                    .push(format!("{}: cannot be read: {reason}", named(&id)));
            }
        }
    }

    /// Gathers the file's correction lists and gives the backup.
    pub(crate) fn finish(mut self, corrections: &[Value]) -> Backup {
        let out = &mut self.out;
        for (i, raw) in corrections.iter().enumerate() {
            match read_corrections(raw) {
                Ok((list, bad)) => {
                    for b in bad {
                        out.skipped.push(format!(
                            "correction {} of article {}: cannot be read: {}",
                            b.0 + 1,
                            list.article,
                            b.1
                        ));
                    }
                    out.corrections.push(list);
                }
                Err(reason) => out.skipped.push(format!(
                    "corrections list {}: cannot be read: {reason}",
                    i + 1
                )),
            }
        }
        self.out
    }
}

/// A correction list read item by item: the readable items, and `(index, reason)` of the others.
pub type ReadCorrections = (ArticleCorrections, Vec<(usize, String)>);

/// Reads one stored correction list, item by item (see [`ReadCorrections`]).
///
/// # Errors
/// The reason, when the list has no article id, a newer version, or no items array.
pub fn read_corrections(raw: &Value) -> Result<ReadCorrections, String> {
    let obj: &Map<String, Value> = raw.as_object().ok_or("it is not an object")?;
    let article = obj
        .get("article")
        .and_then(Value::as_str)
        .filter(|a| !a.trim().is_empty())
        .ok_or("it names no article")?;
    let version = obj.get("version").and_then(Value::as_u64).unwrap_or(1);
    if version > u64::from(CORRECTIONS_VERSION) {
        return Err(format!(
            "it was written by a newer NewsLens (corrections version {version})"
        ));
    }
    let items = obj
        .get("items")
        .and_then(Value::as_array)
        .ok_or("it has no list of corrections")?;
    let mut list = ArticleCorrections::new(article);
    let mut bad = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match Correction::from_json(item) {
            Ok(c) => list.items.push(c),
            Err(e) => bad.push((i, e)),
        }
    }
    Ok((list, bad))
}
