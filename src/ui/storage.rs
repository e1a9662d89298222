//! The browser's IndexedDB, through `web-sys`: the user's articles and corrections as plain
//! objects (`serde-wasm-bindgen`), in one database with a version. Every failure is a value
//! with a plain-language message; nothing here ever deletes what it cannot read.

use js_sys::{Array, Function, Promise};
use serde::Serialize;
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

    /// Every record of `store`, as raw JS values (decoded by the caller, who keeps what it
    /// cannot decode).
    ///
    /// # Errors
    /// When the store cannot be read at all.
    pub async fn all(&self, store: &str) -> Result<Vec<JsValue>, StorageError> {
        let (_tx, s) = self.store(store, IdbTransactionMode::Readonly)?;
        let req = s.get_all().map_err(|e| describe(&e))?;
        let values = request(&req).await?;
        Ok(values
            .dyn_into::<Array>()
            .map(|a| a.iter().collect())
            .unwrap_or_default())
    }

    /// Writes `value` (as a plain object) into `store`, replacing the record with its key.
    ///
    /// # Errors
    /// [`StorageError::Full`] on quota errors; others with the browser's words.
    pub async fn put<T: Serialize>(&self, store: &str, value: &T) -> Result<(), StorageError> {
        let js = value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| StorageError::Other(e.to_string()))?;
        let (tx, s) = self.store(store, IdbTransactionMode::Readwrite)?;
        s.put(&js).map_err(|e| describe(&e))?;
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

/// A JS value as JSON text, for showing or exporting a record that could not be decoded.
#[must_use]
pub fn raw_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "(unreadable)".into())
}
