//! Offline use: once the page has loaded everything it needs, adds `sw-register.js` (written
//! at build time by `scripts/sw.mjs`, beside `sw.js`) to it. That script registers the service
//! worker in secure contexts and shows "A new version of NewsLens is ready. Reload" when an
//! update waits; the worker answers only from its own build's cache, so a page never mixes
//! files of two builds. The registration lives in a separate file ('self' under the CSP) so
//! that it costs neither the first load nor the WebAssembly's size.

use yew::prelude::*;

/// The registration script's address, relative to the page (any path prefix works).
pub const REGISTER_SCRIPT: &str = "sw-register.js";

/// Adds the registration script once `ready` (the full gazetteer has arrived: the worker's
/// install then fetches nothing the first load still needs). Adds it at most once per page.
#[hook]
pub fn use_offline(ready: bool) {
    use_effect_with(ready, |ready| {
        if *ready {
            add_register_script();
        }
    });
}

fn add_register_script() {
    let document = gloo::utils::document();
    let selector = format!("script[src=\"{REGISTER_SCRIPT}\"]");
    if document.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let (Ok(script), Some(body)) = (document.create_element("script"), document.body()) else {
        return;
    };
    if script.set_attribute("src", REGISTER_SCRIPT).is_ok() {
        let _ = body.append_child(&script);
    }
}
