//! A part of the page kept laid out while hidden, so that showing it again costs a frame
//! rather than a rebuild (see [`crate::kept_views`] and [`crate::kept_readers`]).
//!
//! Hidden, it is `content-visibility: hidden` (the browser keeps its layout but skips its
//! style, layout and paint, and leaves it out of find-in-page and the accessibility tree) and
//! `inert` (no focus, no clicks). Nothing in it matches what finds the part shown: the hooks
//! of [`TAKEN`] are taken off its elements, and the classes off its top elements, when it is
//! hidden, and put back when it is shown. So a hook never matches in a hidden part nor twice
//! (the reader and the comparison both have `mark[data-label]`, and three readers may be
//! kept), an id names one element, and `.reader mark` finds the article shown. This is done
//! on the DOM directly, because re-rendering a part only to change its hooks costs as much as
//! building it; and a hidden part's style is not computed, so that a class taken off and put
//! back costs no layout.
//!
//! A hidden part whose props change is re-rendered once the page is idle, so that showing it
//! costs no more than showing an unchanged one. While it is hidden, a `MutationObserver`
//! parks the hooks that any render adds or changes in it under other names (`data-entity` as
//! `kept-data-entity`), before the task that made them ends (its callback is a microtask):
//! nothing else runs while they are in the page. Showing puts back what was taken at hiding,
//! then what was parked since, so the newest value wins. A parked value is overwritten by a
//! newer one, and goes with its element when a render removes it, so nothing accumulates
//! however often a hidden part is re-rendered. (A hook attribute must not be rendered on an
//! element only sometimes: one a render dropped would come back on showing. None of
//! [`TAKEN`] is.)
//!
//! A part built hidden, ahead of its first showing, is hidden and inert from its first render,
//! which is empty: the observer is set on it, and its content is rendered next, each hook
//! parked as it comes. (Yew 0.23 yields to the browser between a long render and its
//! `rendered` calls: a part hidden, or its hooks taken, only there would show for a frame.)
//! Once its content is in, it is laid out once, so that the browser keeps its layout.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver};
use yew::prelude::*;

/// The attributes taken off (or parked on) a hidden part's elements: the contract's DOM hooks
/// (`../shared/CONTRACT.md`), the app's own hooks for the article shown and its tools
/// (`data-reader`, `data-action`, `data-export`), and ids. (The import box's `data-testid`
/// hooks are not among them: the tools to add articles are never in a kept part, only hidden
/// with the corpus layout while comparing, and there is one copy of them.)
pub const TAKEN: [&str; 14] = [
    "data-label",
    "data-canonical",
    "data-article",
    "data-entity",
    "data-count",
    "data-side",
    "data-place",
    "data-kind",
    "data-lat",
    "data-lon",
    "data-reader",
    "data-action",
    "data-export",
    "id",
];

/// The class a hidden part has (style.css: `content-visibility: hidden`).
pub const HIDDEN_CLASS: &str = "kept-hidden";

/// The class every kept part's element has. A kept part at the top of another keeps its
/// classes when the other is hidden: they say whether it is hidden itself.
const KEPT_CLASS: &str = "kept";

/// Props of [`Kept`].
#[derive(Properties, PartialEq)]
pub struct KeptProps {
    /// Shown (true) or kept hidden.
    pub live: bool,
    /// Classes of the element that holds the part (fixed for its lifetime).
    #[prop_or_default]
    pub class: Classes,
    /// The part.
    pub children: Html,
}

/// The element holding a part that is kept in the page while hidden.
pub struct Kept {
    node: NodeRef,
    /// What was taken off its elements when it was hidden: element, attribute, value.
    taken: Vec<(Element, &'static str, String)>,
    /// Parks the hooks a render adds while the part is hidden.
    watch: Option<Watch>,
    /// Hidden (rendered with [`HIDDEN_CLASS`] and `inert`).
    hidden: bool,
    /// Built ahead of its first showing, and not yet laid out.
    ahead: bool,
    /// Its content is rendered (not yet, in the first render of a part built ahead).
    filled: bool,
    /// Hidden with props it was not rendered with.
    stale: bool,
    /// A re-render at idle is asked for.
    refresh_due: bool,
}

/// A `MutationObserver`, the callback it holds, and whether a hook has been parked.
struct Watch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(JsValue)>,
    parked: Rc<Cell<bool>>,
}

/// Re-render a hidden part that has gone stale.
pub struct Refresh;

impl Component for Kept {
    type Message = Refresh;
    type Properties = KeptProps;

    fn create(ctx: &Context<Self>) -> Self {
        let hidden = !ctx.props().live;
        Self {
            node: NodeRef::default(),
            taken: Vec::new(),
            watch: None,
            hidden,
            ahead: hidden,
            filled: !hidden,
            stale: false,
            refresh_due: false,
        }
    }

    /// Renders at once while shown, and at idle while hidden.
    fn changed(&mut self, ctx: &Context<Self>, old: &KeptProps) -> bool {
        let live = ctx.props().live;
        match (old.live, live) {
            (true, false) => self.hide(),
            // Back as Yew last rendered it (at idle, maybe), before it renders the rest.
            (false, true) => {
                self.ahead = false;
                self.filled = true;
                self.stale = false;
                self.show();
            }
            _ => {}
        }
        if !live && ctx.props().children != old.children {
            self.stale = true;
            if !self.refresh_due {
                self.refresh_due = true;
                let link = ctx.link().clone();
                crate::ui::next_task::when_idle(None, move || link.send_message(Refresh));
            }
        }
        live
    }

    fn update(&mut self, _: &Context<Self>, _: Refresh) -> bool {
        self.refresh_due = false;
        std::mem::take(&mut self.stale) && self.hidden
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let class = classes!(
            KEPT_CLASS,
            ctx.props().class.clone(),
            self.hidden.then_some(HIDDEN_CLASS)
        );
        html! {
            <div {class} inert={self.hidden} ref={self.node.clone()}>
                {self.filled.then(|| ctx.props().children.clone())}
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _: bool) {
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        // `ahead` until a part built hidden, and not shown since, is filled and laid out.
        if self.ahead && !self.filled {
            // Watched before its content comes in.
            self.watch = watch(&el);
            self.filled = true;
            self.stale = true;
            ctx.link().send_message(Refresh);
            return;
        }
        // Hidden and rendered: what the observer has not been told yet, now.
        if let Some(watch) = &self.watch {
            watch.flush(&el);
        }
        if self.ahead {
            self.ahead = false;
            // Any hook the observer could not park (were there none).
            take_hooks(&el, &mut self.taken);
            // Laid out now, in the page's flow (in one task: never painted), so that the
            // browser keeps that layout while it is hidden.
            let _ = el.class_list().remove_1(HIDDEN_CLASS);
            let _ = el.get_bounding_client_rect();
            let _ = el.class_list().add_1(HIDDEN_CLASS);
        }
    }

    fn destroy(&mut self, _: &Context<Self>) {
        if let Some(watch) = self.watch.take() {
            watch.observer.disconnect();
        }
    }
}

impl Kept {
    fn hide(&mut self) {
        self.hidden = true;
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        let _ = el.class_list().add_1(HIDDEN_CLASS);
        let _ = el.set_attribute("inert", "");
        take_hooks(&el, &mut self.taken);
        self.watch = watch(&el);
    }

    fn show(&mut self) {
        self.hidden = false;
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        let parked = self.watch.take().is_some_and(|watch| {
            // Hooks a render has just added, not parked yet, are parked first.
            watch.flush(&el);
            watch.observer.disconnect();
            watch.parked.get()
        });
        for (el, name, value) in self.taken.drain(..) {
            let _ = el.set_attribute(name, &value);
        }
        if parked {
            unpark_hooks(&el);
        }
        let _ = el.class_list().remove_1(HIDDEN_CLASS);
        let _ = el.remove_attribute("inert");
    }
}

impl Watch {
    /// Parks now what the observer has seen but not yet handled.
    fn flush(&self, root: &Element) {
        if self.observer.take_records().length() > 0 {
            park_seen(root, &self.observer, &self.parked);
        }
    }
}

/// Parks the hooks under `root`, notes whether there were any, and drops the observer's
/// records of that parking.
fn park_seen(root: &Element, observer: &MutationObserver, parked: &Cell<bool>) {
    if park_hooks(root) {
        parked.set(true);
    }
    observer.take_records();
}

/// Watches `root` for hooks added or changed in it, and parks them.
fn watch(root: &Element) -> Option<Watch> {
    let observer = Rc::new(std::cell::OnceCell::<MutationObserver>::new());
    let parked = Rc::new(Cell::new(false));
    let (root_in, observer_in, parked_in) = (root.clone(), observer.clone(), parked.clone());
    // Any change in the part: its attributes are not filtered, since the work is the same
    // scan whichever attribute changed.
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(observer) = observer_in.get() {
            park_seen(&root_in, observer, &parked_in);
        }
    });
    let made = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let init = js_sys::Object::new();
    for key in ["subtree", "childList", "attributes"] {
        js_sys::Reflect::set(&init, &key.into(), &JsValue::TRUE).ok()?;
    }
    made.observe_with_options(root, init.unchecked_ref::<web_sys::MutationObserverInit>())
        .ok()?;
    let _ = observer.set(made.clone());
    Some(Watch {
        observer: made,
        _callback: callback,
        parked,
    })
}

/// Moves attribute `from` of `el` to `to`, if `el` has it (true then).
fn rename(el: &Element, from: &str, to: &str) -> bool {
    let Some(value) = el.get_attribute(from) else {
        return false;
    };
    let _ = el.set_attribute(to, &value);
    let _ = el.remove_attribute(from);
    true
}

/// The elements under `root` with attribute `name`.
fn with(root: &Element, name: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(&format!("[{name}]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The top elements of `root`, whose classes are hooks; but not another kept part, whose
/// classes say whether it is hidden itself.
fn tops(root: &Element) -> Vec<Element> {
    let children = root.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| {
            el.get_attribute("class")
                .is_some_and(|c| !c.split_whitespace().any(|c| c == KEPT_CLASS))
        })
        .collect()
}

/// Takes every attribute of [`TAKEN`] off `root`'s descendants, and the classes off its top
/// elements, into `taken`.
fn take_hooks(root: &Element, taken: &mut Vec<(Element, &'static str, String)>) {
    let mut take = |el: Element, name: &'static str| {
        if let Some(value) = el.get_attribute(name) {
            let _ = el.remove_attribute(name);
            taken.push((el, name, value));
        }
    };
    for name in TAKEN {
        for el in with(root, name) {
            take(el, name);
        }
    }
    for el in tops(root) {
        take(el, "class");
    }
}

/// Parks every attribute of [`TAKEN`] under `root`, and the classes of its top elements:
/// each moves to the same name with `kept-` before it. True if there was any.
fn park_hooks(root: &Element) -> bool {
    let mut any = false;
    for name in TAKEN.into_iter().chain(["class"]) {
        let parked = format!("kept-{name}");
        let found = if name == "class" {
            tops(root)
        } else {
            with(root, name)
        };
        for el in found {
            any |= rename(&el, name, &parked);
        }
    }
    any
}

/// Puts back what [`park_hooks`] parked under `root` (still hidden), but not in a kept part
/// inside it that is hidden itself.
fn unpark_hooks(root: &Element) {
    let nested = root.query_selector(".kept-hidden").ok().flatten().is_some();
    let root_value = JsValue::from(root.clone());
    let mine = |el: &Element| {
        !nested
            || el
                .closest(".kept-hidden")
                .ok()
                .flatten()
                .is_some_and(|h| JsValue::from(h) == root_value)
    };
    for name in TAKEN.into_iter().chain(["class"]) {
        let parked = format!("kept-{name}");
        for el in with(root, &parked).iter().filter(|el| mine(el)) {
            let _ = rename(el, &parked, name);
        }
    }
}
