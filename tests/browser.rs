//! Browser tests of the Yew components (the one wasm test binary).
#![cfg(target_arch = "wasm32")]
