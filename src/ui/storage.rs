//! The browser's IndexedDB, through `web-sys`: the user's articles and corrections as plain
//! objects (`serde-wasm-bindgen`), in one database with a version. Every failure is a value
//! with a plain-language message; nothing here ever deletes what it cannot read.

use crate::engine::backup::{read_corrections, read_record, RecordRead, StoredArticle};
use crate::ui::user_data::{Op, Unreadable, UserAction};
use js_sys::{Array, Function, Promise};
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The database's name.
pub const DB_NAME: &str = "newslens";
/// The schema version of the database (object stores), not of the records.
pub const DB_VERSION: u32 = 1;
/// The object store of the user's articles (key: `meta.id`).
pub const ARTICLES: &str = "articles";
/// The object store of corrections (key: `article`).
pub const CORRECTIONS: &str = "corrections";

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is missing or disabled (private browsing, blocked by settings).
    Unavailable(String),
    /// The browser refused to store more (quota exceeded).
    Full,
    /// Another failure, with the browser's words.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser is not letting NewsLens store anything ({why}). What you add stays until you close the tab; export a backup to keep it."
            ),
            StorageError::Full => f.write_str(
                "The browser's storage for this site is full, so the last change was not saved. Nothing already saved was lost; export a backup, or delete articles you no longer need.",
            ),
            StorageError::Other(why) => write!(f, "Saving failed: {why}. Nothing already saved was lost."),
        }
    }
}

fn describe(e: &JsValue) -> StorageError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    match name.as_str() {
        "QuotaExceededError" => StorageError::Full,
        "SecurityError" | "InvalidStateError" | "NotAllowedError" => {
            StorageError::Unavailable(message)
        }
        _ => StorageError::Other(if message.is_empty() { name } else { message }),
    }
}

/// Resolves when `request` succeeds (with its result), rejects with its error.
async fn request(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let req2 = req.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let r = req2.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req2.clone();
        let err = Closure::once_into_js(move || {
            let e = r
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req2.set_onsuccess(Some(ok.unchecked_ref()));
        req2.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Resolves when `tx` commits; rejects when it aborts or fails (quota errors surface here).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let tx2 = tx.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx2.clone();
        let reject2 = reject.clone();
        let err = Closure::once_into_js(move || {
            let e = t.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        let t = tx2.clone();
        let abort = Closure::once_into_js(move || {
            let e = t.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx2.set_oncomplete(Some(ok.unchecked_ref()));
        tx2.set_onerror(Some(err.unchecked_ref()));
        tx2.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// An open database.
#[derive(Clone, Debug)]
pub struct Db(IdbDatabase);

impl PartialEq for Db {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

/// Opens (and on first use creates) the database.
///
/// # Errors
/// [`StorageError::Unavailable`] when IndexedDB is missing or disabled.
pub async fn open() -> Result<Db, StorageError> {
    let factory = gloo::utils::window()
        .indexed_db()
        .map_err(|e| StorageError::Unavailable(describe(&e).to_string()))?
        .ok_or_else(|| StorageError::Unavailable("IndexedDB is not available".into()))?;
    let req = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StorageError::Unavailable(format!("{:?}", describe(&e))))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(db) = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        let names = db.object_store_names();
        for (store, key) in [(ARTICLES, "meta.id"), (CORRECTIONS, "article")] {
            if !names.contains(store) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str(key));
                let _ = db.create_object_store_with_optional_parameters(store, &params);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    drop(upgrade);
    let db = result.map_err(|e| match e {
        StorageError::Other(why) => StorageError::Unavailable(why),
        other => other,
    })?;
    db.dyn_into::<IdbDatabase>()
        .map(Db)
        .map_err(|_| StorageError::Unavailable("the database did not open".into()))
}

impl Db {
    fn store(
        &self,
        name: &str,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageError> {
        let tx = self
            .0
            .transaction_with_str_and_mode(name, mode)
            .map_err(|e| describe(&e))?;
        let store = tx.object_store(name).map_err(|e| describe(&e))?;
        Ok((tx, store))
    }

    /// Every record of `store` with its key, as raw JS values (decoded by the caller, who
    /// keeps what it cannot decode).
    ///
    /// # Errors
    /// When the store cannot be read at all.
    pub async fn all(&self, store: &str) -> Result<Vec<(JsValue, JsValue)>, StorageError> {
        let (_tx, s) = self.store(store, IdbTransactionMode::Readonly)?;
        // Both requests go out at once, in one transaction: the same records, in key order.
        let keys = s.get_all_keys().map_err(|e| describe(&e))?;
        let values = s.get_all().map_err(|e| describe(&e))?;
        let keys = request(&keys).await?;
        let values = request(&values).await?;
        let list = |v: JsValue| -> Vec<JsValue> {
            v.dyn_into::<Array>()
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        };
        Ok(list(keys).into_iter().zip(list(values)).collect())
    }

    /// The record with key `key` in `store` (`undefined` when there is none).
    ///
    /// # Errors
    /// When the store cannot be read.
    pub async fn get(&self, store: &str, key: &str) -> Result<JsValue, StorageError> {
        let (_tx, s) = self.store(store, IdbTransactionMode::Readonly)?;
        let req = s.get(&JsValue::from_str(key)).map_err(|e| describe(&e))?;
        request(&req).await
    }

    /// Writes a raw JS value into `store` as it is.
    async fn put_raw(&self, store: &str, value: &JsValue) -> Result<(), StorageError> {
        let (tx, s) = self.store(store, IdbTransactionMode::Readwrite)?;
        s.put(value).map_err(|e| describe(&e))?;
        committed(&tx).await
    }

    /// Writes `value` (as a plain object) into `store`, replacing the record with its key.
    ///
    /// # Errors
    /// [`StorageError::Full`] on quota errors; others with the browser's words.
    pub async fn put<T: Serialize>(&self, store: &str, value: &T) -> Result<(), StorageError> {
        self.put_all(store, &[value]).await
    }

    /// Writes `values` into `store` in one transaction: all of them or, on failure, none.
    ///
    /// # Errors
    /// As [`Db::put`].
    pub async fn put_all<T: Serialize>(
        &self,
        store: &str,
        values: &[&T],
    ) -> Result<(), StorageError> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let (tx, s) = self.store(store, IdbTransactionMode::Readwrite)?;
        for value in values {
            let js = value
                .serialize(&serializer)
                .map_err(|e| StorageError::Other(e.to_string()))?;
            s.put(&js).map_err(|e| describe(&e))?;
        }
        committed(&tx).await
    }

    /// Deletes the record with key `key` from `store`.
    ///
    /// # Errors
    /// As [`Db::put`].
    pub async fn delete(&self, store: &str, key: &str) -> Result<(), StorageError> {
        let (tx, s) = self.store(store, IdbTransactionMode::Readwrite)?;
        s.delete(&JsValue::from_str(key))
            .map_err(|e| describe(&e))?;
        committed(&tx).await
    }
}

/// A JS value as JSON text, for decoding, showing or exporting a stored record. Always valid
/// JSON: what JSON cannot hold is written out rather than dropped (a BigInt as text, bytes as
/// `{"$bytes_hex": …}`, a Blob as `{"$blob": {type, size}}`); a value that cannot be written
/// at all (a cycle) becomes a JSON string saying what it is.
#[must_use]
pub fn raw_json(value: &JsValue) -> String {
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(|_key, v: JsValue| {
        let object = |k: &str, inner: JsValue| {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &k.into(), &inner);
            JsValue::from(o)
        };
        let hex = |bytes: Vec<u8>| {
            let text: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            JsValue::from_str(&text)
        };
        if v.is_bigint() {
            v.unchecked_into::<js_sys::BigInt>()
                .to_string(10)
                .map_or(JsValue::NULL, JsValue::from)
        } else if let Some(buffer) = v.dyn_ref::<js_sys::ArrayBuffer>() {
            object("$bytes_hex", hex(js_sys::Uint8Array::new(buffer).to_vec()))
        } else if js_sys::ArrayBuffer::is_view(&v) {
            let get = |k: &str| js_sys::Reflect::get(&v, &k.into()).unwrap_or_default();
            let bytes = js_sys::Uint8Array::new_with_byte_offset_and_length(
                &get("buffer"),
                get("byteOffset").as_f64().unwrap_or(0.0) as u32,
                get("byteLength").as_f64().unwrap_or(0.0) as u32,
            );
            object("$bytes_hex", hex(bytes.to_vec()))
        } else if let Some(blob) = v.dyn_ref::<web_sys::Blob>() {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"type".into(), &blob.type_().into());
            let _ = js_sys::Reflect::set(&o, &"size".into(), &blob.size().into());
            object("$blob", o.into())
        } else {
            v
        }
    });
    js_sys::JSON::stringify_with_replacer(value, replacer.as_ref())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| {
            serde_json::Value::String(format!("(a value JSON cannot hold: {value:?})")).to_string()
        })
}

/// Reads every stored record, keeping what cannot be read apart (never deleting it).
pub async fn load(db: &Db) -> UserAction {
    let mut articles = Vec::new();
    let mut upgraded = Vec::new();
    let mut unreadable = Vec::new();
    let mut corrections = Vec::new();
    let unread = |store: &'static str, key: &JsValue, reason: String, raw: String| Unreadable {
        store,
        key: key.as_string(),
        reason,
        raw,
    };
    match db.all(ARTICLES).await {
        Ok(records) => {
            for (key, value) in records {
                let json = raw_json(&value);
                let parsed = serde_json::from_str::<Value>(&json);
                let record = match parsed {
                    Ok(v) => match kept_aside(&v) {
                        Some(reason) => {
                            unreadable.push(unread(ARTICLES, &key, reason, json));
                            continue;
                        }
                        None => read_record(v),
                    },
                    Err(e) => RecordRead::Unreadable {
                        id: None,
                        reason: invalid_text(&e),
                        raw: Value::Null,
                    },
                };
                match record {
                    RecordRead::Current(a) => articles.push(a),
                    RecordRead::Upgraded { article, .. } => {
                        articles.push(article.clone());
                        upgraded.push(article);
                    }
                    RecordRead::Newer { version, .. } => unreadable.push(unread(
                        ARTICLES,
                        &key,
                        format!("it was written by a newer version of NewsLens (record version {version}); update NewsLens to read it"),
                        json,
                    )),
                    RecordRead::Unreadable { reason, .. } => {
                        unreadable.push(unread(ARTICLES, &key, reason, json));
                    }
                }
            }
        }
        Err(e) => unreadable.push(unread(
            ARTICLES,
            &JsValue::UNDEFINED,
            format!("the stored articles could not be read at all ({e})"),
            "null".into(),
        )),
    }
    match db.all(CORRECTIONS).await {
        Ok(records) => {
            for (key, value) in records {
                let json = raw_json(&value);
                let read = serde_json::from_str::<Value>(&json)
                    .map_err(|e| invalid_text(&e))
                    .and_then(|v| match kept_aside(&v) {
                        Some(reason) => Err(reason),
                        None => read_corrections(&v),
                    });
                match read {
                    Ok((list, bad)) => {
                        if !bad.is_empty() {
                            let why: Vec<String> = bad
                                .iter()
                                .map(|(i, why)| format!("correction {}: {why}", i + 1))
                                .collect();
                            unreadable.push(unread(
                                CORRECTIONS,
                                &key,
                                format!(
                                    "{} of its corrections cannot be read ({}); the others apply",
                                    bad.len(),
                                    why.join("; ")
                                ),
                                json,
                            ));
                        }
                        corrections.push(list);
                    }
                    Err(reason) => unreadable.push(unread(CORRECTIONS, &key, reason, json)),
                }
            }
        }
        Err(e) => unreadable.push(unread(
            CORRECTIONS,
            &JsValue::UNDEFINED,
            format!("the stored corrections could not be read at all ({e})"),
            "null".into(),
        )),
    }
    UserAction::Loaded {
        articles,
        corrections,
        unreadable,
        upgraded,
    }
}

/// The reason for a record whose JSON text does not parse: JSON.stringify always writes valid
/// JSON, so what fails is text that is not valid Unicode (a lone surrogate).
fn invalid_text(_: &serde_json::Error) -> String {
    "it holds text that is not valid Unicode (a broken character), so it cannot be shown".into()
}

/// Marks a record set aside by [`Db::set_aside`]: `{"kept": {store, key, reason, at, record}}`.
const KEPT: &str = "kept";

/// The reason to show for a record that was set aside, or `None` for any other record.
fn kept_aside(v: &Value) -> Option<String> {
    let kept = v.get(KEPT)?.as_object()?;
    let text = |k: &str| {
        kept.get(k)
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string()
    };
    Some(format!(
        "set aside on {} when “{}” was saved again; it could not be read: {}",
        text("at"),
        text("key"),
        text("reason")
    ))
}

impl Db {
    /// Before `key` of `store` is overwritten or deleted: if it still holds the unreadable
    /// record `u`, copies that record, untouched, to a new key of the same store, so nothing
    /// unreadable is ever lost (it stays listed and exportable).
    async fn set_aside(&self, u: &Unreadable) -> Result<(), StorageError> {
        let Some(key) = &u.key else {
            return Ok(());
        };
        let current = self.get(u.store, key).await?;
        if current.is_undefined() || raw_json(&current) != u.raw {
            return Ok(());
        }
        let at = crate::ui::import::now_iso();
        let new_key = JsValue::from_str(&format!("kept:{at}:{key}"));
        let kept = js_sys::Object::new();
        for (k, v) in [
            ("store", JsValue::from_str(u.store)),
            ("key", JsValue::from_str(key)),
            ("reason", JsValue::from_str(&u.reason)),
            ("at", JsValue::from_str(&at)),
            ("record", current),
        ] {
            let _ = js_sys::Reflect::set(&kept, &k.into(), &v);
        }
        let wrapper = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&wrapper, &KEPT.into(), &kept);
        if u.store == ARTICLES {
            let meta = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&meta, &"id".into(), &new_key);
            let _ = js_sys::Reflect::set(&wrapper, &"meta".into(), &meta);
        } else {
            let _ = js_sys::Reflect::set(&wrapper, &"article".into(), &new_key);
        }
        self.put_raw(u.store, &wrapper).await
    }

    /// Writes `ops` in order, first setting aside any unreadable record a write would replace.
    ///
    /// # Errors
    /// The first failure; the ops before it are written (the caller keeps the rest).
    pub async fn apply(&self, ops: &[Op], unreadable: &[Unreadable]) -> Result<(), StorageError> {
        let mut i = 0;
        while i < ops.len() {
            // Articles that replace nothing unreadable go in batches, one transaction each
            // (thousands of restored articles are written in seconds, not minutes).
            let batch: Vec<&StoredArticle> = ops[i..]
                .iter()
                .map_while(|op| match op {
                    Op::PutArticle(a) if replaced_unreadable(op, unreadable).is_empty() => {
                        Some(&**a)
                    }
                    _ => None,
                })
                .take(PUT_BATCH)
                .collect();
            if batch.is_empty() {
                self.apply_one(&ops[i], unreadable).await?;
                i += 1;
            } else {
                self.put_all(ARTICLES, &batch).await?;
                i += batch.len();
            }
        }
        Ok(())
    }

    /// Writes one op, first setting aside any unreadable record it would replace.
    async fn apply_one(&self, op: &Op, unreadable: &[Unreadable]) -> Result<(), StorageError> {
        for u in replaced_unreadable(op, unreadable) {
            self.set_aside(u).await?;
        }
        match op {
            Op::PutArticle(a) => self.put(ARTICLES, &**a).await?,
            Op::DeleteArticle(id) => {
                self.delete(ARTICLES, id).await?;
                self.delete(CORRECTIONS, id).await?;
            }
            Op::PutCorrections(c) => self.put(CORRECTIONS, c).await?,
        }
        Ok(())
    }
}

/// Articles written per transaction.
const PUT_BATCH: usize = 100;

/// The (store, key) records `op` writes.
fn targets(op: &Op) -> Vec<(&'static str, &str)> {
    match op {
        Op::PutArticle(a) => vec![(ARTICLES, a.meta.id.as_str())],
        Op::DeleteArticle(id) => vec![(ARTICLES, id.as_str()), (CORRECTIONS, id.as_str())],
        Op::PutCorrections(c) => vec![(CORRECTIONS, c.article.as_str())],
    }
}

/// The records that could not be read which `op` would replace (they are set aside first).
fn replaced_unreadable<'u>(op: &Op, unreadable: &'u [Unreadable]) -> Vec<&'u Unreadable> {
    let targets = targets(op);
    unreadable
        .iter()
        .filter(|u| {
            targets
                .iter()
                .any(|(store, key)| *store == u.store && u.key.as_deref() == Some(key))
        })
        .collect()
}
