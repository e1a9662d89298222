//! The web worker that tags articles off the page's main thread (gloo worker).
//!
//! The page sends [`Request`]s; each batch of articles is analysed with the same engine the
//! page and the command line use, and answered as one [`Response::Analysed`]. The worker's
//! entry point is `src/bin/newslens-worker.rs`; Trunk builds it next to the app
//! (`data-type="worker"` in index.html) and `www/worker-loader.js` starts it.

use crate::engine::corpus::Article;
use crate::engine::document::Document;
use crate::engine::gazetteer::Gazetteer;
use crate::engine::toponyms;
use crate::worker_protocol::{Analysis, Request, Response};
use gloo::worker::{HandlerId, Worker, WorkerScope};

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
                let analyses = articles
                    .into_iter()
                    .map(|a| {
                        Analysis::of(&Document::analyse(Article::from(a)), self.full_gazetteer)
                    })
                    .collect();
                scope.respond(id, Response::Analysed { batch, analyses });
            }
        }
    }
}
