//! Yielding to the browser from a long piece of work: [`next_task`] resolves in a new task,
//! after the browser has had the chance to paint and to handle input, and a [`Slice`] says
//! when a task has worked long enough.

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

/// Milliseconds of work in one task before the browser gets its turn (half a 60 Hz frame).
pub const SLICE_MS: f64 = 8.0;

/// The time of one task's slice of work: [`SLICE_MS`] from when it was made.
pub struct Slice {
    clock: Option<web_sys::Performance>,
    deadline: f64,
}

impl Slice {
    /// A slice starting now.
    #[must_use]
    pub fn new() -> Slice {
        let clock = gloo::utils::window().performance();
        let deadline = clock.as_ref().map_or(0.0, web_sys::Performance::now) + SLICE_MS;
        Slice { clock, deadline }
    }

    /// True while the slice has time left (always, where the page has no clock). The clock is
    /// read at every question: one call out of the module.
    #[must_use]
    pub fn left(&self) -> bool {
        self.clock.as_ref().is_none_or(|c| c.now() < self.deadline)
    }

    /// When the slice's time is spent, waits for the next task and starts a new slice there.
    pub async fn go_on(&mut self) {
        if !self.left() {
            next_task().await;
            *self = Slice::new();
        }
    }
}

impl Default for Slice {
    fn default() -> Slice {
        Slice::new()
    }
}

/// Runs `f` once the browser is idle (`requestIdleCallback`), within `at_most_ms` if given, or
/// in a later task where the browser has no idle callbacks (Safari).
pub fn when_idle(at_most_ms: Option<u32>, f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let window = gloo::utils::window();
    let options = web_sys::IdleRequestOptions::new();
    if let Some(ms) = at_most_ms {
        options.set_timeout(ms);
    }
    if window
        .request_idle_callback_with_options(f.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    }
}
