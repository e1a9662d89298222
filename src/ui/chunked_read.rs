//! Reading a large file a chunk per task: a 50 MB backup read at once held the page for one
//! long task (the whole file copied into the module and checked as UTF-8 together, and a
//! 50 MB `ArrayBuffer` made on the page's heap). Here each chunk's copy is a task of its own,
//! and the browser paints and handles input between chunks.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Bytes read per task.
pub const CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// The whole of `file` as UTF-8 text, read [`CHUNK_BYTES`] at a time. The error says why in
/// words for the user.
pub async fn read_text(file: &web_sys::Blob) -> Result<String, String> {
    // A file's size is a whole number of bytes, well below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = file.size() as u64;
    let mut bytes: Vec<u8> = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(size).map_err(|_| "it is too large".to_string())?)
        .map_err(|_| "there is not enough memory for it".to_string())?;
    let mut at = 0;
    while at < size {
        let end = (at + CHUNK_BYTES).min(size);
        #[allow(clippy::cast_precision_loss)]
        let chunk = file
            .slice_with_f64_and_f64(at as f64, end as f64)
            .map_err(unreadable)?;
        let buffer = JsFuture::from(chunk.array_buffer())
            .await
            .map_err(unreadable)?;
        let array = js_sys::Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
        at = end;
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// The browser's reason a read failed (the file was changed or removed meanwhile, most often).
fn unreadable(e: JsValue) -> String {
    let why = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser could not read it".to_string());
    format!("the browser said: {why}")
}
