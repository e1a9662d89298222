//! Entry point of the tagging web worker (see `newslens::tagging_worker`). Trunk builds it
//! with `data-type="worker"`; natively it only says what it is.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    newslens::tagging_worker::TaggingWorker::registrar()
        .encoding::<newslens::worker_codec::Freeing>()
        .register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("newslens-worker is the browser's tagging worker; build it with `trunk build`.");
    std::process::exit(2);
}
