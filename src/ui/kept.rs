//! A part of the page kept laid out while hidden, so that showing it again costs a frame
//! rather than a rebuild (see [`crate::kept_views`] and [`crate::kept_readers`]).
//!
//! Hidden, it is `content-visibility: hidden` (the browser keeps its layout but skips its
//! style, layout and paint, and leaves it out of find-in-page and the accessibility tree) and
//! `inert` (no focus, no clicks). It does not re-render while hidden: the app's changes reach
//! it when it is shown again. And nothing in it matches what finds the part shown: the
//! hooks of [`TAKEN`] are taken off its elements, and the classes off its top elements, when
//! it is hidden, and put back when it is shown. So a hook never matches in a hidden part nor
//! twice (the reader and the comparison both have `mark[data-label]`, and three readers may
//! be kept), an id names one element, and `.reader mark` finds the article shown. This is
//! done on the DOM directly, because re-rendering a part only to change its hooks costs as
//! much as building it; and a hidden part's style is not computed, so that a class taken off
//! and put back costs no layout.
//!
//! A part built hidden, ahead of its first showing, is hidden and inert from its first render.
//! It is laid out once, and its hooks taken, in Yew's `rendered`, which can come a task later:
//! Yew 0.23 yields to the browser between a long render and its `rendered` calls. Until then
//! its hooks are in the page, inside the hidden part.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// The attributes taken off a hidden part's elements: the contract's DOM hooks
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
    /// The hooks taken off while hidden: element, attribute, value.
    taken: Vec<(Element, &'static str, String)>,
    /// Built ahead of its first showing, and not yet laid out: rendered hidden from the start.
    /// (Yew may yield to the browser between a render and its `rendered`, so a part hidden
    /// only there would be on screen, and in the accessibility tree, for a frame.)
    ahead: bool,
}

impl Component for Kept {
    type Message = ();
    type Properties = KeptProps;

    fn create(ctx: &Context<Self>) -> Self {
        Self {
            node: NodeRef::default(),
            taken: Vec::new(),
            ahead: !ctx.props().live,
        }
    }

    /// Renders only while shown.
    fn changed(&mut self, ctx: &Context<Self>, old: &KeptProps) -> bool {
        let live = ctx.props().live;
        match (old.live, live) {
            (true, false) => self.hide(),
            // Back as Yew last rendered it, before it renders the changes made meanwhile.
            (false, true) => {
                self.ahead = false;
                self.show();
            }
            _ => {}
        }
        live
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let class = classes!(
            "kept",
            ctx.props().class.clone(),
            self.ahead.then_some(HIDDEN_CLASS)
        );
        html! {
            <div {class} inert={self.ahead} ref={self.node.clone()}>
                {ctx.props().children.clone()}
            </div>
        }
    }

    fn rendered(&mut self, _: &Context<Self>, _: bool) {
        // Still `ahead` only before the first `rendered` of a part that was not shown since.
        if self.ahead {
            // Laid out now, in the page's flow (in one task: never painted), so that the
            // browser keeps that layout while it is hidden.
            if let Some(el) = self.node.cast::<Element>() {
                let _ = el.class_list().remove_1(HIDDEN_CLASS);
                let _ = el.get_bounding_client_rect();
            }
            self.ahead = false;
            self.hide();
        }
    }
}

impl Kept {
    fn hide(&mut self) {
        let Some(el) = self.node.cast::<Element>() else {
            return;
        };
        let _ = el.class_list().add_1(HIDDEN_CLASS);
        let _ = el.set_attribute("inert", "");
        self.taken = take_hooks(&el);
    }

    fn show(&mut self) {
        for (el, name, value) in self.taken.drain(..) {
            let _ = el.set_attribute(name, &value);
        }
        if let Some(el) = self.node.cast::<Element>() {
            let _ = el.class_list().remove_1(HIDDEN_CLASS);
            let _ = el.remove_attribute("inert");
        }
    }
}

/// Takes every attribute of [`TAKEN`] off `root`'s descendants, and the classes off its
/// children, returning what it took.
fn take_hooks(root: &Element) -> Vec<(Element, &'static str, String)> {
    let mut taken = Vec::new();
    let mut take = |el: Element, name: &'static str| {
        if let Some(value) = el.get_attribute(name) {
            let _ = el.remove_attribute(name);
            taken.push((el, name, value));
        }
    };
    for name in TAKEN {
        let Ok(list) = root.query_selector_all(&format!("[{name}]")) else {
            continue;
        };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                take(el, name);
            }
        }
    }
    let children = root.children();
    for el in (0..children.length()).filter_map(|i| children.item(i)) {
        take(el, "class");
    }
    taken
}
