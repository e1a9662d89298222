// Starts the tagging web worker: the wasm-bindgen glue Trunk emits for the `newslens-worker`
// binary, then its wasm module. Paths are relative to this file, so any path prefix works.
//
// The page's worker bridge never hears that a worker died, but the page sees the worker's
// uncaught errors as `error` events of its own window (src/worker_failure.rs). So: a module
// that fails to load is thrown as such an error, and any uncaught error closes the worker
// (its state is not to be trusted, and its memory is freed); the page starts a new one when
// it is next needed.
self.addEventListener('error', () => self.close());
importScripts('./newslens-worker.js');
wasm_bindgen({ module_or_path: './newslens-worker_bg.wasm' }).catch((e) => {
  setTimeout(() => {
    throw new Error(`its code could not be loaded: ${(e && e.message) || e}`);
  });
});
