//! Offline use: registers the service worker (`sw.js`, written at build time by
//! `scripts/sw.mjs`) once the page has loaded everything it needs, and offers a waiting new
//! version to the user instead of switching files under a running page.
//!
//! The worker answers only from the cache of its own build, so a page is always made of one
//! build's files. A new build installs beside the old one and waits; the notice's "Reload"
//! tells it to take over and reloads the page once it controls it.

use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};
use yew::prelude::*;

/// The worker's address, relative to the page: its scope is the app's own directory, so any
/// path prefix works.
pub const SCRIPT: &str = "sw.js";

/// Props of [`Offline`].
#[derive(Properties, PartialEq)]
pub struct OfflineProps {
    /// The page has fetched what it needs (the full gazetteer has arrived or failed): the
    /// worker may now be registered without competing with the first load.
    pub ready: bool,
}

/// What the page knows about its service worker.
#[derive(Default)]
struct Worker {
    registration: Option<ServiceWorkerRegistration>,
    /// The user asked for the new version: reload when it takes control.
    asked: bool,
    listeners: Vec<EventListener>,
}

/// The worker container, when this browser and context offer one (secure contexts only;
/// `127.0.0.1` and `localhost` count as secure).
fn container() -> Option<ServiceWorkerContainer> {
    let window = gloo::utils::window();
    if !window.is_secure_context() {
        return None;
    }
    let navigator = window.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    has.then(|| navigator.service_worker())
}

fn reload() {
    let _ = gloo::utils::window().location().reload();
}

/// Shows "Update ready" once `worker` has installed (only when an older version controls the
/// page: the very first install needs no reload).
fn watch(
    worker: &ServiceWorker,
    container: &ServiceWorkerContainer,
    ready: &UseStateSetter<bool>,
) -> EventListener {
    let (w, c, ready) = (worker.clone(), container.clone(), ready.clone());
    EventListener::new(worker, "statechange", move |_| {
        if w.state() == ServiceWorkerState::Installed && c.controller().is_some() {
            ready.set(true);
        }
    })
}

/// Registers the worker and follows its updates; the notice appears when one is waiting.
async fn register(state: Rc<RefCell<Worker>>, ready: UseStateSetter<bool>) {
    let Some(container) = container() else {
        return;
    };
    let controlled = container.controller().is_some();
    let options = RegistrationOptions::new();
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registration = match JsFuture::from(container.register_with_options(SCRIPT, &options))
        .await
        .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
    {
        Ok(Ok(r)) => r,
        // Blocked or refused (a test harness, a host without sw.js): the app works online.
        Ok(Err(_)) => return,
        Err(e) => {
            gloo::console::warn!(
                "NewsLens works online only: the service worker did not register",
                e
            );
            return;
        }
    };
    if controlled && registration.waiting().is_some() {
        ready.set(true);
    }
    let mut listeners = Vec::new();
    if let Some(installing) = registration.installing() {
        listeners.push(watch(&installing, &container, &ready));
    }
    {
        let (r, c, s, ready) = (
            registration.clone(),
            container.clone(),
            state.clone(),
            ready.clone(),
        );
        listeners.push(EventListener::new(
            &registration,
            "updatefound",
            move |_| {
                if let Some(installing) = r.installing() {
                    let l = watch(&installing, &c, &ready);
                    s.borrow_mut().listeners.push(l);
                }
            },
        ));
    }
    {
        let (s, ready) = (state.clone(), ready.clone());
        listeners.push(EventListener::new(
            &container,
            "controllerchange",
            move |_| {
                if s.borrow().asked {
                    reload();
                } else if controlled {
                    // Another tab switched to the new version: this page's files are still the
                    // old build's, in memory; offer the reload rather than forcing it.
                    ready.set(true);
                }
            },
        ));
    }
    let mut s = state.borrow_mut();
    s.registration = Some(registration);
    s.listeners.extend(listeners);
}

/// Registers the service worker once `ready`, and shows "A new version is ready — Reload"
/// when an update waits.
#[component]
pub fn Offline(props: &OfflineProps) -> Html {
    let update = use_state(|| false);
    let worker = use_mut_ref(Worker::default);
    let started = use_mut_ref(|| false);
    {
        let (worker, started, setter) = (worker.clone(), started.clone(), update.setter());
        use_effect_with(props.ready, move |ready| {
            if *ready && !*started.borrow() {
                *started.borrow_mut() = true;
                wasm_bindgen_futures::spawn_local(register(worker, setter));
            }
        });
    }
    let on_reload = {
        let worker = worker.clone();
        Callback::from(move |_: MouseEvent| {
            let waiting = {
                let mut w = worker.borrow_mut();
                w.asked = true;
                w.registration
                    .as_ref()
                    .and_then(ServiceWorkerRegistration::waiting)
            };
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
            match waiting {
                // The page reloads on `controllerchange`, when the new version controls it.
                Some(w) if w.post_message(&message).is_ok() => {}
                _ => reload(),
            }
        })
    };
    html! {
        <div class="update-notice" role="status" data-testid="update-notice">
            if *update {
                <span>{"A new version of NewsLens is ready."}</span>
                <button type="button" class="tool" data-action="update-reload" onclick={on_reload}>{"Reload"}</button>
            }
        </div>
    }
}
