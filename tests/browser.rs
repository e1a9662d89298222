//! Browser tests of the Yew components: the one wasm test binary, run in headless Chromium.
//!
//! Each test mounts into its own fresh `div`, acts like a user, waits for Yew to render,
//! asserts through selectors scoped to its root, and destroys the app.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh root element attached to the document.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew run its scheduled renders.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_lists_articles_and_opens_one_on_click() {
    let root = fresh_root();
    let app = yew::Renderer::<newslens::ui::app::App>::with_root(root.clone()).render();
    settle().await;

    let ids: Vec<String> = all(&root, "[data-article]")
        .iter()
        .map(|e| attr(e, "data-article"))
        .collect();
    assert_eq!(ids, ["000_d9b921036b694c82", "002_08ae971f51795d28"]);

    let second = all(&root, "[data-article='002_08ae971f51795d28']").remove(0);
    second.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let reader = root.query_selector("[data-reader]").unwrap().unwrap();
    assert_eq!(attr(&reader, "data-reader"), "002_08ae971f51795d28");
    let h1 = root.query_selector(".reader h1").unwrap().unwrap();
    assert_eq!(
        h1.text_content().unwrap().trim(),
        "Iraqi military enters Kirkuk"
    );
    // Page furniture is set apart, not among the story paragraphs.
    let paras: String = all(&root, ".reader-body .para")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert!(!paras.contains("Subscribe to The Week"));
    assert!(!all(&root, ".boilerplate").is_empty());

    app.destroy();
    root.remove();
}
