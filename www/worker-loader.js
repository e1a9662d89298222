// Starts the tagging web worker: the wasm-bindgen glue Trunk emits for the `newslens-worker`
// binary, then its wasm module. Paths are relative to this file, so any path prefix works.
importScripts('./newslens-worker.js');
wasm_bindgen({ module_or_path: './newslens-worker_bg.wasm' });
