//! The reader: one article's headline, metadata and paragraphs, with highlights; page
//! boilerplate collapsed and set apart, never highlighted.

use crate::display::{certainty_phrase, human_date, outlet_name};
use crate::engine::boilerplate::BoilerplateKind;
use crate::engine::document::{Document, Paragraph};
use crate::engine::span::Span;
use crate::ui::highlight::{highlighted, mark_handlers, HighlightOptions};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Reader`]. The document is compared by pointer (see [`ReaderProps::eq`]).
#[derive(Properties)]
pub struct ReaderProps {
    /// The article.
    pub doc: Rc<Document>,
    /// Highlight and search options.
    pub options: HighlightOptions,
    /// Called with a canonical name when a highlight is activated.
    pub on_select: Callback<(String, Span)>,
    /// Tools shown under the byline (exports, edit, corrections).
    #[prop_or_default]
    pub tools: Html,
    /// True while the article waits for the tagging worker (shown as plain text).
    #[prop_or_default]
    pub waiting: bool,
}

impl PartialEq for ReaderProps {
    /// Same document `Rc` (not its whole text), same options, tools and state.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && self.options == other.options
            && self.on_select == other.on_select
            && self.tools == other.tools
            && self.waiting == other.waiting
    }
}

/// Renders an article for reading.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let doc = &props.doc;
    let meta = &doc.meta;
    let date = meta.published.as_deref().map(human_date);
    let (onclick, onkeydown) = mark_handlers(&props.on_select);
    let headline = match doc.headline() {
        Some(p) => highlighted(doc, p.span, &props.options),
        None => html! { {&meta.title} },
    };
    html! {
        <article class="reader" aria-labelledby="headline" data-reader={meta.id.clone()}
            data-analysis={if props.waiting { "waiting" } else { "done" }} {onclick} {onkeydown}>
            <header class="reader-head">
                <p class="kicker">
                    <span class="outlet">{outlet_name(&meta.outlet)}</span>
                    if let Some(section) = &meta.section {
                        <span class="section">{section}</span>
                    }
                </p>
                <h1 id="headline" data-para={doc.headline().map(|p| p.span.start().to_string())}>{headline}</h1>
                <p class="byline">
                    if let Some(d) = date {
                        <time datetime={meta.published.clone().unwrap_or_default()}>{d}</time>
                    } else {
                        <span>{"Undated"}</span>
                    }
                    <span class={classes!("certainty", format!("c-{}", meta.certainty))} title={meta.evidence.clone()}>
                        {certainty_phrase(&meta.certainty)}
                    </span>
                    if let Some(url) = meta.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                        <a class="source-link" href={url.clone()} rel="noopener noreferrer nofollow" target="_blank">{"original page"}</a>
                    }
                </p>
                if !meta.evidence.is_empty() {
                    <p class="evidence small muted">{&meta.evidence}</p>
                }
                {props.tools.clone()}
                if props.waiting {
                    <p class="notice small" role="status">{"Not analysed yet: the text is shown without highlights until the analysis is done."}</p>
                }
            </header>
            <div class="reader-body">
                { for numbered(group(doc.body())).map(|(g, n)| render_group(doc, g, n, props)) }
            </div>
        </article>
    }
}

/// A run of story paragraphs or a run of boilerplate lines.
enum Group<'a> {
    Story(&'a Paragraph),
    Furniture(Vec<&'a Paragraph>),
}

fn group(paragraphs: &[Paragraph]) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    for p in paragraphs {
        match (p.boilerplate, out.last_mut()) {
            (Some(_), Some(Group::Furniture(run))) => run.push(p),
            (Some(_), _) => out.push(Group::Furniture(vec![p])),
            (None, _) => out.push(Group::Story(p)),
        }
    }
    out
}

/// Each group with its furniture run's number and the number of runs ((0, n) for a story
/// paragraph).
fn numbered(groups: Vec<Group<'_>>) -> impl Iterator<Item = (Group<'_>, (usize, usize))> {
    let runs = groups
        .iter()
        .filter(|g| matches!(g, Group::Furniture(_)))
        .count();
    let mut n = 0;
    groups.into_iter().map(move |g| {
        if matches!(g, Group::Furniture(_)) {
            n += 1;
            (g, (n, runs))
        } else {
            (g, (0, runs))
        }
    })
}

/// A story paragraph, or a furniture run as a landmark of its own: `(n, runs)` numbers it in
/// its label, which must differ from the other runs' (a landmark's name is how a screen
/// reader's landmark list tells them apart).
fn render_group(
    doc: &Rc<Document>,
    g: Group<'_>,
    (n, runs): (usize, usize),
    props: &ReaderProps,
) -> Html {
    match g {
        Group::Story(p) => html! {
            <p class="para" key={p.span.start()} data-para={p.span.start().to_string()}>
                { highlighted(doc, p.span, &props.options) }
            </p>
        },
        Group::Furniture(run) => {
            let mut kinds: Vec<BoilerplateKind> = Vec::new();
            for p in &run {
                if let Some(k) = p.boilerplate.filter(|k| !kinds.contains(k)) {
                    kinds.push(k);
                }
            }
            let what: Vec<&str> = kinds.iter().map(|k| k.human()).collect();
            let lines = run.len();
            html! {
                <aside class="boilerplate" key={run[0].span.start()}
                    aria-label={if runs > 1 {
                        format!("Page furniture {n} of {runs}, not part of the article")
                    } else {
                        "Page furniture, not part of the article".to_string()
                    }}>
                    <details>
                        <summary>
                            <span class="bp-tag">{"Page furniture"}</span>
                            {format!(" {} · {} line{} · not analysed", what.join(", "), lines, if lines == 1 { "" } else { "s" })}
                        </summary>
                        { for run.iter().map(|p| html! {
                            <p class="bp-line" data-boilerplate={p.boilerplate.map_or("", BoilerplateKind::human)}>
                                {p.span.slice(&doc.text)}
                            </p>
                        }) }
                    </details>
                </aside>
            }
        }
    }
}
