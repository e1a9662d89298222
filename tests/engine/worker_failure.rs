//! Telling the tagging worker's own errors from the page's (`worker_failure`).

use newslens::worker_failure::worker_stopped;

#[test]
fn a_module_that_failed_to_load_is_reported_in_the_loaders_words() {
    let why = worker_stopped(
        "Uncaught Error: its code could not be loaded: Failed to fetch",
        "http://127.0.0.1:8080/app/worker-loader.js",
        false,
    );
    assert_eq!(
        why.as_deref(),
        Some("its code could not be loaded: Failed to fetch")
    );
}

#[test]
fn the_glue_script_counts_with_or_without_a_hash_or_query() {
    for file in [
        "http://h/newslens-worker.js",
        "http://h/x/newslens-worker-1a2b.js?v=3",
        "http://h/x/newslens-worker.js?from=a/b#c/d",
    ] {
        assert!(worker_stopped("Uncaught NetworkError: x", file, false).is_some());
    }
}

#[test]
fn the_pages_own_errors_are_not_the_workers() {
    // Same file name pattern but carrying its error object: thrown on the page.
    assert_eq!(
        worker_stopped("Uncaught Error: x", "http://h/worker-loader.js", true),
        None
    );
    assert_eq!(
        worker_stopped("Uncaught Error: x", "http://h/newslens-web-1a2b.js", false),
        None
    );
    assert_eq!(
        worker_stopped(
            "Uncaught Error: x",
            "http://h/newslens-worker_bg.wasm",
            false
        ),
        None
    );
    assert_eq!(
        worker_stopped("Uncaught RuntimeError: unreachable", "wasm://wasm/1", true),
        None
    );
}

#[test]
fn an_empty_message_still_says_something() {
    assert_eq!(
        worker_stopped("", "http://h/worker-loader.js", false).as_deref(),
        Some("it reported an error")
    );
}
