//! The web worker that tags articles off the page's main thread (gloo worker).
//!
//! The page sends [`Request`]s; each batch of articles is analysed with the same engine the
//! page and the command line use, and answered as one [`Response::Analysed`]. The worker's
//! entry point is `src/bin/newslens-worker.rs`; Trunk builds it next to the app
//! (`data-type="worker"` in index.html) and `www/worker-loader.js` starts it.

use crate::engine::corpus::Article;
use crate::engine::document::Document;
use crate::engine::gazetteer::Gazetteer;
use crate::engine::places::digest::DocPlaces;
use crate::engine::toponyms;
use crate::worker_protocol::{Analysis, Request, Response};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::JsCast;

/// Where the page finds the worker's loader script (relative, so any path prefix works).
pub const LOADER: &str = "worker-loader.js";

/// The tagging worker. It holds nothing between requests except the installed gazetteer.
#[derive(Debug, Default)]
pub struct TaggingWorker {
    full_gazetteer: bool,
}

impl Worker for TaggingWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        TaggingWorker::default()
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        match msg {
            Request::UseGazetteer(table) => match Gazetteer::parse(&table) {
                Ok(g) => {
                    toponyms::install(Box::leak(Box::new(g)));
                    self.full_gazetteer = true;
                }
                Err(e) => scope.respond(id, Response::GazetteerFailed(e.to_string())),
            },
            Request::Analyse { batch, articles } => {
                let started = now_ms();
                let analyses = articles
                    .into_iter()
                    .map(|a| {
                        let doc = Document::analyse(Article::from(a));
                        // Places are resolved here, off the page's thread, for the place list.
                        let places = self.full_gazetteer.then(|| {
                            DocPlaces::resolve(toponyms::gazetteer(), &doc.text, &doc.mentions)
                        });
                        (Analysis::of(&doc, self.full_gazetteer), places)
                    })
                    .collect();
                let engine_ms = now_ms() - started;
                scope.respond(
                    id,
                    Response::Analysed {
                        batch,
                        analyses,
                        engine_ms,
                    },
                );
            }
        }
    }
}

/// The worker's clock (`performance.now()`), in milliseconds; 0 where there is none.
fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}
