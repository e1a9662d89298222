//! How messages cross between the page and the tagging worker: gloo's bincode, with each
//! message's bytes freed once read, and once posted (when the next message is sent or one is
//! received), rather than at some later garbage collection.
//!
//! A message is a `Uint8Array` that `postMessage` copies. Both copies are garbage once posted
//! or decoded, but an `ArrayBuffer`'s memory is outside the JavaScript heap, and the engine
//! collects it only once tens of megabytes of such buffers have piled up, in each of the two
//! heaps. Restoring 10,000 articles sends their texts one way and their mentions the other:
//! the page's memory peaked 30-70 MB higher with the buffers left to the collector
//! (BENCHMARKS.md, "Nineteenth pass"). Detaching a buffer with
//! `ArrayBuffer.prototype.transfer(0)` frees it at once; where a browser lacks `transfer`, the
//! buffer is left to the collector as before.

use gloo::worker::{Bincode, Codec};
use js_sys::Uint8Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// An `ArrayBuffer`, seen for its `transfer`.
    type Detachable;
    /// `transfer(length)`: a new buffer of `length` bytes; this one is detached and its memory
    /// freed. Throws where the browser has no `transfer` (or the buffer is detached already).
    #[wasm_bindgen(method, catch)]
    fn transfer(this: &Detachable, length: u32) -> Result<JsValue, JsValue>;
}

/// Frees the bytes of `message` (a `Uint8Array` holding a whole buffer) now, if the browser can.
fn free(message: &JsValue) {
    if let Some(bytes) = message.dyn_ref::<Uint8Array>() {
        let _ = bytes.buffer().unchecked_into::<Detachable>().transfer(0);
    }
}

/// gloo's [`Bincode`] codec, freeing each message's bytes once decoded, and once posted:
/// gloo posts a message in the call that encodes it, so the one sent before is freed when
/// the next is sent or one is received. Both the page's bridge and the worker's registrar
/// use it (a codec must be the same on both sides).
#[derive(Debug)]
pub struct Freeing;

thread_local! {
    /// The message posted last, not yet freed.
    static POSTED: std::cell::Cell<Option<JsValue>> = const { std::cell::Cell::new(None) };
}

/// Frees the message posted last, and holds `next` (posted next) in its place.
fn posted(next: Option<JsValue>) {
    if let Some(before) = POSTED.replace(next) {
        free(&before);
    }
}

impl Codec for Freeing {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let message = Bincode::encode(input);
        posted(Some(message.clone()));
        message
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let output = Bincode::decode(input.clone());
        free(&input);
        posted(None);
        output
    }
}
