//! Turning the user's text selection in the reader into a byte span of the article, for
//! "tag the selected text".

use crate::engine::span::Span;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The byte span of the current selection when it lies within one paragraph of the reader
/// (an element with `data-para`, the paragraph's byte start), trimmed of spaces; `None`
/// otherwise. `text` is the article's text.
#[must_use]
pub fn selected_span(text: &str) -> Option<Span> {
    let window = gloo::utils::window();
    let selection = window.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let para_of = |node: web_sys::Node| -> Option<Element> {
        let el = match node.dyn_ref::<Element>() {
            Some(e) => e.clone(),
            None => node.parent_element()?,
        };
        el.closest(".reader [data-para]").ok()?
    };
    let start_para = para_of(range.start_container().ok()?)?;
    let end_para = para_of(range.end_container().ok()?)?;
    if !start_para.is_same_node(Some(&end_para)) {
        return None;
    }
    let para_start: usize = start_para.get_attribute("data-para")?.parse().ok()?;
    let document = gloo::utils::document();
    let before = document.create_range().ok()?;
    before.set_start(&start_para, 0).ok()?;
    before
        .set_end(&range.start_container().ok()?, range.start_offset().ok()?)
        .ok()?;
    let prefix_units = before.to_string().length() as usize;
    let selected_units = range.to_string().length() as usize;
    let para_text = text.get(para_start..)?;
    let start = para_start + utf16_to_byte(para_text, prefix_units)?;
    let end = para_start + utf16_to_byte(para_text, prefix_units + selected_units)?;
    trim(text, Span::new(start, end))
}

/// The byte offset of the `units`-th UTF-16 code unit of `s`.
fn utf16_to_byte(s: &str, units: usize) -> Option<usize> {
    let mut count = 0;
    for (i, c) in s.char_indices() {
        if count >= units {
            return Some(i);
        }
        count += c.len_utf16();
    }
    (count >= units).then_some(s.len())
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    (!body.is_empty()).then(|| Span::new(span.start() + lead, span.start() + lead + body.len()))
}
