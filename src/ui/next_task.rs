//! Yielding to the browser from a long piece of work: [`next_task`] resolves in a new task,
//! after the browser has had the chance to paint and to handle input.

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a later task. A message to a `MessageChannel` port is used rather than a
/// zero timeout, which browsers stretch to 4 ms once timeouts nest.
pub async fn next_task() {
    // The channel is held until the message has arrived.
    let channel = MessageChannel::new().ok();
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        // No channel (never in a current browser): go on at once.
        None => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
    if let Some(channel) = channel {
        channel.port1().close();
    }
}
