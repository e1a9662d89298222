//! Rendering one range of an article with its highlights and search hits.

use crate::display::entity_name;
use crate::engine::document::Document;
use crate::engine::mention::Mention;
use crate::engine::quote_marks::brings_quote_marks;
use crate::engine::search::find_all;
use crate::engine::segments::{segments, Segment};
use crate::engine::span::Span;
use crate::view_state::LabelSet;
use yew::prelude::*;

/// What the highlighter needs to know about the current filters.
#[derive(Clone, Debug, PartialEq)]
pub struct HighlightOptions {
    /// Labels highlighted.
    pub types: LabelSet,
    /// The selected entity's canonical name.
    pub entity: Option<AttrValue>,
    /// The search text.
    pub q: AttrValue,
    /// Whether to highlight at all (boilerplate is never highlighted).
    pub enabled: bool,
}

/// Renders `range` of `doc`: mentions of highlighted labels as `<mark>` (contract hooks), search
/// hits as `<span class="hit">`. Clicks and keys on highlights are handled once for the whole
/// article by [`mark_handlers`].
pub fn render_range(doc: &Document, range: Span, options: &HighlightOptions) -> Html {
    let mentions: &[Mention] = if options.enabled {
        doc.mentions_in(range)
    } else {
        &[]
    };
    let hits: Vec<Span> = find_all(range.slice(&doc.text), &options.q)
        .into_iter()
        .map(|h| h.shift(range.start()))
        .collect();
    segments(range, mentions, &hits)
        .into_iter()
        .map(|seg| render_segment(doc, mentions, &seg, options))
        .collect()
}

/// `sentence` of `text` as a quotation with each of `marks` (sorted spans inside it) in
/// `<strong>`: the keyword-in-context line of the entity panel, places and comparison.
pub fn quoted(text: &str, sentence: Span, marks: impl IntoIterator<Item = Span>) -> Html {
    let mut parts = Vec::new();
    let mut at = sentence.start();
    for m in marks {
        parts.push(html! { {&text[at..m.start()]} });
        parts.push(html! { <strong>{m.slice(text)}</strong> });
        at = m.end();
    }
    parts.push(html! { {&text[at..sentence.end()]} });
    html! { <q class={own_marks(sentence.slice(text))}>{for parts}</q> }
}

/// The class of a `<q>` around `passage` when it brings its own quotation marks (the style
/// sheet then adds none).
pub fn own_marks(passage: &str) -> Option<&'static str> {
    brings_quote_marks(passage).then_some("own-marks")
}

impl HighlightOptions {
    /// These options narrowed to what can change how `range` of `doc` looks: labels it has
    /// mentions of, the selected entity only if it is mentioned there, the search only if it
    /// matches there. Paragraphs whose narrowed options did not change skip re-rendering.
    #[must_use]
    pub fn narrowed(&self, doc: &Document, range: Span) -> HighlightOptions {
        let mentions = if self.enabled {
            doc.mentions_in(range)
        } else {
            &[]
        };
        let present = mentions.iter().fold(LabelSet::NONE, |set, m| {
            if set.contains(m.label) {
                set
            } else {
                set.toggled(m.label)
            }
        });
        let types = present
            .iter()
            .filter(|l| self.types.contains(*l))
            .fold(LabelSet::NONE, |set, l| set.toggled(l));
        let entity = self
            .entity
            .clone()
            .filter(|e| mentions.iter().any(|m| *m.canonical == **e));
        let q = if find_all(range.slice(&doc.text), &self.q).is_empty() {
            AttrValue::default()
        } else {
            self.q.clone()
        };
        HighlightOptions {
            types,
            entity,
            q,
            enabled: self.enabled,
        }
    }
}

/// Props of [`Highlighted`]. Equal when they show the same document (the same `Rc`: a
/// field-by-field comparison would compare the whole text once per paragraph).
#[derive(Properties)]
pub struct HighlightedProps {
    /// The article.
    pub doc: std::rc::Rc<Document>,
    /// The range to render (a paragraph).
    pub range: Span,
    /// Options, already [`HighlightOptions::narrowed`] to the range.
    pub options: HighlightOptions,
}

impl PartialEq for HighlightedProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.doc, &other.doc)
            && self.range == other.range
            && self.options == other.options
    }
}

/// One range rendered by [`render_range`], as a component so that it re-renders only when
/// its narrowed options change.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    render_range(&props.doc, props.range, &props.options)
}

/// A [`Highlighted`] range with `options` narrowed to it.
pub fn highlighted(doc: &std::rc::Rc<Document>, range: Span, options: &HighlightOptions) -> Html {
    let options = options.narrowed(doc, range);
    html! { <Highlighted doc={doc.clone()} {range} {options} /> }
}

fn render_text(doc: &Document, seg: &Segment) -> Html {
    let mut out = Vec::new();
    let mut at = seg.span.start();
    for h in &seg.hits {
        if h.start() > at {
            out.push(html! { {&doc.text[at..h.start()]} });
        }
        out.push(html! { <span class="hit">{h.slice(&doc.text)}</span> });
        at = h.end();
    }
    if at < seg.span.end() {
        out.push(html! { {&doc.text[at..seg.span.end()]} });
    }
    out.into_iter().collect()
}

fn render_segment(
    doc: &Document,
    mentions: &[Mention],
    seg: &Segment,
    options: &HighlightOptions,
) -> Html {
    let Some(m) = seg.mention.map(|i| &mentions[i]) else {
        return render_text(doc, seg);
    };
    if !options.types.contains(m.label) {
        return render_text(doc, seg);
    }
    let label = m.label.as_str();
    let selected = options.entity.as_deref() == Some(&*m.canonical);
    let class = classes!(
        "m",
        format!("m-{}", label.to_ascii_lowercase()),
        selected.then_some("selected")
    );
    let tip = format!(
        "{} · {} — {}",
        entity_name(m.label, &m.canonical),
        m.label.human(),
        m.why
    );
    html! {
        <mark
            class={class}
            data-label={label}
            data-canonical={m.canonical.to_string()}
            data-start={m.span.start().to_string()}
            data-end={m.span.end().to_string()}
            data-tip={tip}
            tabindex="0"
        >
            { render_text(doc, seg) }
        </mark>
    }
}

/// One pair of handlers for a whole rendered article (event delegation): a click on a highlight,
/// or Enter or Space on a focused one, emits its canonical name and span. Cheaper than two
/// closures per highlight, which every re-render would rebuild.
pub fn mark_handlers(
    on_select: &Callback<(String, Span)>,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    fn picked(target: Option<web_sys::EventTarget>) -> Option<(String, Span)> {
        use wasm_bindgen::JsCast;
        let el: web_sys::Element = target?.dyn_into().ok()?;
        let mark = el.closest("mark[data-label]").ok()??;
        let start = mark.get_attribute("data-start")?.parse().ok()?;
        let end = mark.get_attribute("data-end")?.parse().ok()?;
        (start <= end).then(|| {
            (
                mark.get_attribute("data-canonical").unwrap_or_default(),
                Span::new(start, end),
            )
        })
    }
    let on = on_select.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(p) = picked(e.target()) {
            on.emit(p);
        }
    });
    let on = on_select.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(p) = picked(e.target()) {
                e.prevent_default();
                on.emit(p);
            }
        }
    });
    (onclick, onkeydown)
}
