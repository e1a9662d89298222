//! Rendering one range of an article with its highlights and search hits.

use crate::engine::document::Document;
use crate::engine::mention::Mention;
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
/// hits as `<span class="hit">`. `on_select` receives a mention's canonical name and span when
/// it is clicked or activated with Enter or Space.
pub fn render_range(
    doc: &Document,
    range: Span,
    options: &HighlightOptions,
    on_select: &Callback<(String, Span)>,
) -> Html {
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
        .map(|seg| render_segment(doc, mentions, &seg, options, on_select))
        .collect()
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
    on_select: &Callback<(String, Span)>,
) -> Html {
    let Some(m) = seg.mention.map(|i| &mentions[i]) else {
        return render_text(doc, seg);
    };
    if !options.types.contains(m.label) {
        return render_text(doc, seg);
    }
    let label = m.label.as_str();
    let selected = options.entity.as_deref() == Some(m.canonical.as_str());
    let class = classes!(
        "m",
        format!("m-{}", label.to_ascii_lowercase()),
        selected.then_some("selected")
    );
    let tip = format!("{} · {} — {}", m.canonical, m.label.human(), m.why);
    let canonical = m.canonical.clone();
    let span = m.span;
    let onclick = on_select.reform(move |_: MouseEvent| (canonical.clone(), span));
    let canonical = m.canonical.clone();
    let on_key = on_select.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            on_key.emit((canonical.clone(), span));
        }
    });
    html! {
        <mark
            class={class}
            data-label={label}
            data-canonical={m.canonical.clone()}
            data-start={m.span.start().to_string()}
            data-tip={tip.clone()}
            title={tip}
            tabindex="0"
            {onclick}
            {onkeydown}
        >
            { render_text(doc, seg) }
        </mark>
    }
}
