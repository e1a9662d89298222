//! Telling that the tagging worker has stopped, from the page.
//!
//! The worker bridge answers requests but never reports that its worker died: a module that
//! could not be loaded, or a panic (a wasm trap), leaves every request unanswered. An error
//! the worker does not handle is reported again on the page's `window` as an `error` event,
//! without its error object (it stayed in the worker). [`worker_stopped`] reads such an event;
//! `www/worker-loader.js` turns a module that fails to load into one. A loader script that
//! cannot be fetched at all is reported to the `Worker` object only, never to the window; the
//! page then fetches the script itself, and [`loader_missing`] words what it found.

/// Why the worker stopped, if the page's `error` event with this `message`, `filename` and
/// no error object (`has_error` false) came from the worker; `None` for the page's own errors.
///
/// The worker's scripts are named `worker-loader.js` and `newslens-worker*.js`; a trap in its
/// module is reported from `wasm://`. The page's own errors carry their error object.
///
/// ```
/// use newslens::worker_failure::worker_stopped;
/// let why = worker_stopped("Uncaught RuntimeError: unreachable", "wasm://wasm/0a1b2c3d", false);
/// assert_eq!(why.as_deref(), Some("it crashed with RuntimeError: unreachable"));
/// assert_eq!(worker_stopped("Uncaught TypeError: x", "https://a.example/app.js", false), None);
/// ```
#[must_use]
pub fn worker_stopped(message: &str, filename: &str, has_error: bool) -> Option<String> {
    let path = filename.split(['?', '#']).next().unwrap_or(filename);
    let file = path.rsplit('/').next().unwrap_or(path);
    let ours = file == "worker-loader.js"
        || (file.starts_with("newslens-worker") && file.ends_with(".js"))
        || filename.starts_with("wasm://");
    if has_error || !ours {
        return None;
    }
    let message = message.trim();
    let message = message.strip_prefix("Uncaught ").unwrap_or(message);
    Some(if message.starts_with("RuntimeError") {
        format!("it crashed with {message}")
    } else {
        let plain = message.strip_prefix("Error: ").unwrap_or(message);
        if plain.is_empty() {
            "it reported an error".to_string()
        } else {
            plain.to_string()
        }
    })
}

/// Why the worker could not start when its loader script could not be fetched: the HTTP
/// status of the answer, or `None` when no answer came. A worker whose own script is missing
/// is reported only to its `Worker` object, which the page's bridge keeps to itself, so the
/// page fetches the script as well to find out.
///
/// ```
/// use newslens::worker_failure::loader_missing;
/// assert_eq!(loader_missing(Some(404)), "its script could not be fetched (HTTP 404)");
/// assert_eq!(loader_missing(None), "its script could not be fetched (are you offline?)");
/// ```
#[must_use]
pub fn loader_missing(status: Option<u16>) -> String {
    match status {
        Some(code) => format!("its script could not be fetched (HTTP {code})"),
        None => "its script could not be fetched (are you offline?)".to_string(),
    }
}
