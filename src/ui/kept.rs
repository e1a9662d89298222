//! A part of the page kept laid out while hidden, so that showing it again costs a frame
//! rather than a rebuild (see [`crate::kept_views`] and [`crate::kept_readers`]).
//!
//! Hidden, it is `content-visibility: hidden`: the browser keeps its layout but skips its
//! style, layout and paint, and leaves its content out of the tab order, focus, clicks,
//! find-in-page and the accessibility tree. (Not `inert` too: content styled while its part
//! was inert had to be restyled whole when shown, 527 elements and 3-4 ms for the
//! comparison's first opening; BENCHMARKS.md, "Nineteenth pass".)
//!
//! Nothing in a hidden part matches what finds the part shown: the hooks of [`TAKEN`] are
//! taken off its elements, and the classes off its top elements, when it is hidden, and put
//! back when it is shown. So a hook never matches in a hidden part nor twice (the reader and
//! the comparison both have `mark[data-label]`, and three readers may be kept), an id names
//! one element, and `.reader mark` finds the article shown. This is done on the DOM directly,
//! because re-rendering a part only to change its hooks costs as much as building it; and a
//! hidden part's style is not computed, so that a class taken off and put back costs no
//! layout.
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
//! A part built hidden, ahead of its first showing, is hidden from its first render,
//! which is empty: the observer is set on it, and its content is rendered next, each hook
//! parked as it comes. (Yew 0.23 yields to the browser between a long render and its
//! `rendered` calls: a part hidden, or its hooks taken, only there would show for a frame.)
//! Once its content is in, it is laid out once, so that the browser keeps its layout.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, NodeList};
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
    /// What was taken off its elements when it was hidden: element, hook (index in
    /// `HOOKS`), value.
    taken: Vec<(Element, usize, JsValue)>,
    /// Parks the hooks a render adds while the part is hidden.
    watch: Option<Watch>,
    /// Hidden (rendered with [`HIDDEN_CLASS`]).
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
            <div {class} ref={self.node.clone()}>
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
            // What it parked is held as if taken at hiding, so that the first showing puts
            // each hook back in one call rather than renaming it in three (now, at idle).
            if let Some(watch) = &self.watch {
                unpark_hooks(&el, Some(&mut self.taken));
                watch.observer.take_records();
                watch.parked.set(false);
            }
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
        put_back(&mut self.taken);
        if parked {
            unpark_hooks(&el, None);
        }
        let _ = el.class_list().remove_1(HIDDEN_CLASS);
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

// The DOM calls that move hooks, with names and values as JavaScript strings: a hook's value
// is never copied into Rust and back, and its names are made once (`HOOKS`). web-sys's
// `String` versions copied each value twice per move (BENCHMARKS.md, "Nineteenth pass").
#[wasm_bindgen]
extern "C" {
    /// An element, seen through these calls (`Element::unchecked_ref`).
    #[wasm_bindgen(extends = Element)]
    type Hooked;
    /// `getAttribute`: the value, or null.
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn attr(this: &Hooked, name: &JsValue) -> JsValue;
    /// `setAttribute`.
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn put_attr(this: &Hooked, name: &JsValue, value: &JsValue);
    /// `removeAttribute`.
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn drop_attr(this: &Hooked, name: &JsValue);
    /// `querySelectorAll`.
    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn select_all(this: &Hooked, selectors: &JsValue) -> NodeList;
}

/// A hook's names: the attribute, its parked name (`kept-` before it), and selectors for the
/// elements with either.
struct HookName {
    name: JsValue,
    parked: JsValue,
    with: JsValue,
    with_parked: JsValue,
}

/// Index of `class` in `HOOKS`, after [`TAKEN`]'s: taken off a part's top elements only.
const CLASS: usize = TAKEN.len();

thread_local! {
    /// [`TAKEN`]'s names, then `class`'s.
    static HOOKS: Vec<HookName> = TAKEN.into_iter().chain(["class"]).map(|name| HookName {
        name: name.into(),
        parked: format!("kept-{name}").into(),
        with: format!("[{name}]").into(),
        with_parked: format!("[kept-{name}]").into(),
    }).collect();
}

/// Moves attribute `from` of `el` to `to`, if `el` has it (true then).
fn rename(el: &Element, from: &JsValue, to: &JsValue) -> bool {
    let el = el.unchecked_ref::<Hooked>();
    let value = el.attr(from);
    if value.is_null() {
        return false;
    }
    el.put_attr(to, &value);
    el.drop_attr(from);
    true
}

/// The elements under `root` that `selectors` match.
fn with(root: &Element, selectors: &JsValue) -> Vec<Element> {
    let list = root.unchecked_ref::<Hooked>().select_all(selectors);
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into())
        .collect()
}

/// The top elements of `root`, whose classes are hooks; but not another kept part, whose
/// classes say whether it is hidden itself.
fn tops(root: &Element) -> Vec<Element> {
    let children = root.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| !el.class_list().contains(KEPT_CLASS))
        .collect()
}

/// The elements under `root` that hook `i` of `HOOKS` concerns: the top elements for `class`,
/// else those with the attribute (`parked`: with its parked name).
fn hooked(root: &Element, hook: &HookName, i: usize, parked: bool) -> Vec<Element> {
    match (i == CLASS, parked) {
        (true, _) => tops(root),
        (false, false) => with(root, &hook.with),
        (false, true) => with(root, &hook.with_parked),
    }
}

/// Takes attribute `name` off `el`, if it has it, into `taken` as hook `i` of `HOOKS`.
fn take(el: Element, name: &JsValue, i: usize, taken: &mut Vec<(Element, usize, JsValue)>) {
    let h = el.unchecked_ref::<Hooked>();
    let value = h.attr(name);
    if !value.is_null() {
        h.drop_attr(name);
        taken.push((el, i, value));
    }
}

/// Takes every attribute of [`TAKEN`] off `root`'s descendants, and the classes off its top
/// elements, into `taken` (element, index in `HOOKS`, value).
fn take_hooks(root: &Element, taken: &mut Vec<(Element, usize, JsValue)>) {
    HOOKS.with(|hooks| {
        for (i, hook) in hooks.iter().enumerate() {
            for el in hooked(root, hook, i, false) {
                take(el, &hook.name, i, taken);
            }
        }
    });
}

/// Puts back what [`take_hooks`] took.
fn put_back(taken: &mut Vec<(Element, usize, JsValue)>) {
    HOOKS.with(|hooks| {
        for (el, i, value) in taken.drain(..) {
            el.unchecked_ref::<Hooked>()
                .put_attr(&hooks[i].name, &value);
        }
    });
}

/// Parks every attribute of [`TAKEN`] under `root`, and the classes of its top elements:
/// each moves to the same name with `kept-` before it. True if there was any.
fn park_hooks(root: &Element) -> bool {
    HOOKS.with(|hooks| {
        let mut any = false;
        for (i, hook) in hooks.iter().enumerate() {
            for el in hooked(root, hook, i, false) {
                any |= rename(&el, &hook.name, &hook.parked);
            }
        }
        any
    })
}

/// Puts back what [`park_hooks`] parked under `root` (still hidden), but not in a kept part
/// inside it that is hidden itself; or, with `into`, moves it there as [`take_hooks`] would
/// have taken it.
fn unpark_hooks(root: &Element, mut into: Option<&mut Vec<(Element, usize, JsValue)>>) {
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
    HOOKS.with(|hooks| {
        for (i, hook) in hooks.iter().enumerate() {
            for el in hooked(root, hook, i, true)
                .into_iter()
                .filter(|el| mine(el))
            {
                match into.as_deref_mut() {
                    None => {
                        rename(&el, &hook.parked, &hook.name);
                    }
                    Some(taken) => take(el, &hook.parked, i, taken),
                }
            }
        }
    });
}
