//! The source comparison (`view=compare&a=…&b=…`): two articles side by side, entity by
//! entity: coverage diff, prominence, aligned contexts, figures, voices, framing, similarity,
//! and the two highlighted texts, scroll-synchronised.

use crate::display::{entity_name, outlet_name};
use crate::engine::compare::coverage::{EntityRow, Side};
use crate::engine::compare::figures::{match_lines, Verdict};
use crate::engine::compare::{compare, contexts, to_csv, Comparison};
use crate::engine::document::Document;
use crate::engine::label::Label;
use crate::engine::span::Span;
use crate::last_made::{LastMade, Same};
use crate::ui::corpus::Corpus;
use crate::ui::download;
use crate::ui::find_select::FindSelect;
use crate::ui::highlight::{highlighted, mark_handlers, own_marks, quoted, HighlightOptions};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The corpus.
    pub corpus: Corpus,
    /// Left article id.
    pub a: AttrValue,
    /// Right article id.
    pub b: AttrValue,
    /// Highlight options (labels, selected entity, search).
    pub options: HighlightOptions,
    /// Called with new (a, b).
    pub on_pick: Callback<(String, String)>,
    /// Called to select (or clear) an entity.
    pub on_select: Callback<Option<String>>,
}

/// The pickers' options: (article id, label).
type Options = Rc<Vec<(String, String)>>;
thread_local! {
    /// The last comparison made, for the two articles it compares: opening the view again
    /// on the same pair compares nothing.
    static LAST_COMPARISON: LastMade<(Same<Document>, Same<Document>), Rc<Comparison>> =
        const { LastMade::new() };
    /// The pickers' options for the last corpus shown: one label per article.
    static LAST_OPTIONS: LastMade<Corpus, Options> = const { LastMade::new() };
}

/// The comparison of `a` with `b`, the last one made when it was made for them.
fn comparison(a: &Rc<Document>, b: &Rc<Document>) -> Rc<Comparison> {
    LAST_COMPARISON.with(|last| {
        last.get_or_make((Same(a.clone()), Same(b.clone())), |_| {
            Rc::new(compare(a, b))
        })
    })
}

/// The pickers' options for `corpus`: (article id, "Outlet — title"), in corpus order.
fn picker_options(corpus: &Corpus) -> Options {
    LAST_OPTIONS.with(|last| {
        last.get_or_make(corpus.clone(), |corpus| {
            Rc::new(
                corpus
                    .0
                    .iter()
                    .map(|d| {
                        let label = format!("{} — {}", outlet_name(&d.meta.outlet), d.meta.title);
                        (d.meta.id.clone(), label)
                    })
                    .collect(),
            )
        })
    })
}

/// The comparison view.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let pair = (
        props.corpus.get(&props.a).cloned(),
        props.corpus.get(&props.b).cloned(),
    );
    // Every hook runs on every render, before the early return below: Yew matches hooks by
    // their order, so a hook after a return that is taken only sometimes breaks the component.
    let left = use_node_ref();
    let right = use_node_ref();
    let syncing = use_mut_ref(|| Cell::new(false));
    // The options and the comparison are kept between renders and openings by their
    // `LastMade`, which tells documents apart by identity (a memo hook on top compared the
    // two documents by value at every render).
    let options = picker_options(&props.corpus);
    let (Some(a), Some(b)) = pair else {
        return html! { <p class="empty">{"Choose two articles to compare."}</p> };
    };
    let cmp = comparison(&a, &b);

    let pick = |which: usize| {
        let on_pick = props.on_pick.clone();
        let (ida, idb) = (props.a.to_string(), props.b.to_string());
        Callback::from(move |v: String| {
            on_pick.emit(if which == 0 {
                (v, idb.clone())
            } else {
                (ida.clone(), v)
            });
        })
    };
    let swap = {
        let on_pick = props.on_pick.clone();
        let (ida, idb) = (props.a.to_string(), props.b.to_string());
        Callback::from(move |_| on_pick.emit((idb.clone(), ida.clone())))
    };
    let sync = |from: NodeRef, to: NodeRef| {
        let syncing = syncing.clone();
        Callback::from(move |_: Event| {
            let flag = syncing.borrow();
            if flag.get() {
                flag.set(false);
                return;
            }
            let (Some(f), Some(t)) = (from.cast::<Element>(), to.cast::<Element>()) else {
                return;
            };
            let range = (f.scroll_height() - f.client_height()).max(1) as f64;
            let ratio = f64::from(f.scroll_top()) / range;
            let target = (ratio * f64::from((t.scroll_height() - t.client_height()).max(0))) as i32;
            if (t.scroll_top() - target).abs() > 1 {
                flag.set(true);
                t.set_scroll_top(target);
            }
        })
    };
    let csv = {
        let cmp = cmp.clone();
        let name = format!("newslens-compare-{}-{}.csv", props.a, props.b);
        Callback::from(move |_| {
            if let Err(e) = download::save(&name, "text/csv;charset=utf-8", &to_csv(&cmp)) {
                gloo::console::error!("download failed", e);
            }
        })
    };
    let selected = props.options.entity.clone();
    let aligned = selected.as_deref().map(|e| {
        let (sa, sb) = contexts(&a, &b, e);
        html! {
            <section class="aligned" aria-label={format!("How each source mentions {e}")}>
                <h3>{format!("“{e}” in each source")}</h3>
                <div class="two">
                    {sentence_list(&a, &sa, e)}
                    {sentence_list(&b, &sb, e)}
                </div>
            </section>
        }
    });
    let article_select = |which: usize, current: &AttrValue| {
        html! {
            <FindSelect id={if which == 0 { "compare-a" } else { "compare-b" }}
                label={if which == 0 { "Left article" } else { "Right article" }}
                options={options.clone()} current={current.clone()} on_change={pick(which)} />
        }
    };

    html! {
        <section class="compare" aria-label="Source comparison">
            <div class="compare-tools">
                {article_select(0, &props.a)}
                <button type="button" class="clear" onclick={swap} aria-label="Swap the two articles">{"⇄ swap"}</button>
                {article_select(1, &props.b)}
                <button type="button" class="clear" onclick={csv}>{"Download tables (CSV)"}</button>
            </div>
            <div class="two heads">
                {side_head(&a, &cmp, true)}
                {side_head(&b, &cmp, false)}
            </div>
            {summary(&cmp)}
            {aligned}
            <div class="compare-grid">
                {coverage(&cmp, selected.as_deref(), &props.on_select)}
                <div class="compare-side-panels">
                    {figures(&a, &b, &cmp)}
                    {voices(&cmp)}
                    {framing(&cmp)}
                </div>
            </div>
            <h3 class="texts-title">{"Full texts"}<span class="muted small">{" · scrolling one scrolls the other"}</span></h3>
            <div class="two texts">
                <div class="text-col" ref={left.clone()} onscroll={sync(left.clone(), right.clone())} data-side="a" tabindex="0" role="region" aria-label={format!("Text of {}", outlet_name(&a.meta.outlet))}>
                    {full_text(&a, &props.options, &props.on_select)}
                </div>
                <div class="text-col" ref={right.clone()} onscroll={sync(right.clone(), left.clone())} data-side="b" tabindex="0" role="region" aria-label={format!("Text of {}", outlet_name(&b.meta.outlet))}>
                    {full_text(&b, &props.options, &props.on_select)}
                </div>
            </div>
        </section>
    }
}

fn side_head(doc: &Document, cmp: &Comparison, is_a: bool) -> Html {
    let side = if is_a { &cmp.a } else { &cmp.b };
    let lede = side
        .layout
        .lede
        .and_then(|i| doc.paragraphs.get(i))
        .map(|p| p.span.slice(&doc.text).to_string())
        .unwrap_or_default();
    html! {
        <header class="side-head">
            <p class="kicker"><span class="side-tag">{if is_a { "A" } else { "B" }}</span>{outlet_name(&doc.meta.outlet)}
                <span class="muted">{doc.meta.published.clone().unwrap_or_default()}</span></p>
            <h2>{&doc.meta.title}</h2>
            <p class="lede">{lede}</p>
        </header>
    }
}

fn summary(cmp: &Comparison) -> Html {
    let s = &cmp.similarity;
    html! {
        <section class="summary" aria-label="Overlap">
            <p class="similarity">
                <strong class="score" data-similarity={format!("{:.3}", s.score)}>{format!("{:.0}%", s.score * 100.0)}</strong>
                {" entity overlap"}
                <span class="muted small">{format!(" — {} shared, {} only in A, {} only in B; {}", s.shared, s.only_a, s.only_b, s.formula)}</span>
            </p>
            <div class="overlap-bars">
                { for cmp.overlap.iter().filter(|o| o.both + o.only_a + o.only_b > 0).map(|o| {
                    let total = (o.both + o.only_a + o.only_b) as f64;
                    let pct = |n: usize| format!("width: {:.1}%", n as f64 * 100.0 / total);
                    html! {
                        <div class="bar-row">
                            <span class="bar-label">{o.label.human()}</span>
                            <span class="bar" role="img" aria-label={format!("{}: {} only in A, {} in both, {} only in B", o.label.human(), o.only_a, o.both, o.only_b)}>
                                <span class="seg seg-a" style={pct(o.only_a)}>{(o.only_a > 0).then(|| o.only_a.to_string())}</span>
                                <span class="seg seg-both" style={pct(o.both)}>{(o.both > 0).then(|| o.both.to_string())}</span>
                                <span class="seg seg-b" style={pct(o.only_b)}>{(o.only_b > 0).then(|| o.only_b.to_string())}</span>
                            </span>
                        </div>
                    }
                }) }
                <p class="small muted legend-line"><span class="key seg-a"></span>{"only A "}<span class="key seg-both"></span>{"both "}<span class="key seg-b"></span>{"only B"}</p>
            </div>
        </section>
    }
}

fn coverage(
    cmp: &Comparison,
    selected: Option<&str>,
    on_select: &Callback<Option<String>>,
) -> Html {
    html! {
        <section class="coverage" aria-label="Entities in each source">
            <h3>{"Entities"}</h3>
            { for Label::ALL.into_iter().map(|label| {
                let rows: Vec<&EntityRow> = cmp.entities.iter().filter(|r| r.label == label).collect();
                if rows.is_empty() {
                    return html! {};
                }
                html! {
                    <div class="entity-group">
                        <h4 class="group-title">
                            <span class={classes!("swatch", format!("m-{}", label.as_str().to_ascii_lowercase()))} aria-hidden="true">{"Ab"}</span>
                            {label.human()}
                        </h4>
                        <table class="coverage-table">
                            <thead><tr><th scope="col">{"Entity"}</th><th scope="col">{"A"}</th><th scope="col">{"B"}</th><th scope="col">{"First seen A / B"}</th></tr></thead>
                            <tbody>
                            { for rows.into_iter().map(|r| {
                                let is_sel = selected == Some(r.canonical.as_str());
                                let name = r.canonical.clone();
                                let cb = on_select.clone();
                                let onclick = Callback::from(move |_| cb.emit((!is_sel).then(|| name.clone())));
                                let first = |f: &Option<crate::engine::compare::prominence::FirstMention>| {
                                    f.as_ref().map_or("—".to_string(), |f| f.placement.as_str().to_string())
                                };
                                html! {
                                    <tr class={classes!("side", format!("side-{}", r.side.as_str()), is_sel.then_some("selected"))}
                                        data-entity={r.canonical.clone()} data-side={r.side.as_str()}>
                                        <td><button type="button" class="entity-name" aria-pressed={is_sel.to_string()} {onclick}>
                                            <span class="side-badge">{side_word(r.side)}</span>{entity_name(r.label, &r.canonical).into_owned()}</button></td>
                                        <td class="num">{r.count_a}</td>
                                        <td class="num">{r.count_b}</td>
                                        <td class="small">{format!("{} / {}", first(&r.first_a), first(&r.first_b))}</td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                    </div>
                }
            }) }
        </section>
    }
}

/// A figure's words, with how many times the article says them when more than once.
fn times(text: &str, n: usize) -> String {
    match n {
        0 | 1 => text.to_string(),
        2 => format!("{text}, twice"),
        n => format!("{text}, {n} times"),
    }
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Both => "both",
        Side::OnlyA => "A only",
        Side::OnlyB => "B only",
    }
}

fn figures(a: &Document, b: &Document, cmp: &Comparison) -> Html {
    let line = |doc: &Document, f: &crate::engine::compare::figures::Figure| {
        let counted = f.counted.clone().unwrap_or_else(|| "—".into());
        html! { <li><strong>{&f.text}</strong>{format!(" — counts {counted}")}<q class={classes!("small", "muted", own_marks(f.sentence.slice(&doc.text)))}>{f.sentence.slice(&doc.text)}</q></li> }
    };
    html! {
        <section class="figures" aria-label="Figures each source cites">
            <h3>{"Figures"}</h3>
            if !cmp.figure_matches.is_empty() {
                <ul class="matches">
                { for match_lines(&cmp.figure_matches, &cmp.a.figures, &cmp.b.figures).into_iter().map(|line| {
                    let m = &cmp.figure_matches[line.matches[0]];
                    let (fa, fb) = (&cmp.a.figures[m.a], &cmp.b.figures[m.b]);
                    let verdict = match m.verdict { Verdict::Agree => "agree", Verdict::Compatible => "compatible", Verdict::Disagree => "disagree" };
                    html! {
                        <li class={classes!("match", format!("v-{verdict}"))} data-verdict={verdict}>
                            <span class="badge">{verdict}</span>
                            {format!(" A: {} · B: {} ({})", times(&fa.text, line.a), times(&fb.text, line.b), m.class)}
                            <span class="small muted">{format!(" — {}", m.because.join("; "))}</span>
                        </li>
                    }
                }) }
                </ul>
            }
            <div class="two">
                <ul class="fig-list" data-side="a">{ for cmp.a.figures.iter().map(|f| line(a, f)) }</ul>
                <ul class="fig-list" data-side="b">{ for cmp.b.figures.iter().map(|f| line(b, f)) }</ul>
            </div>
        </section>
    }
}

fn voices(cmp: &Comparison) -> Html {
    let side = |s: &crate::engine::compare::SideReport| {
        html! {
            <div class="voices-side">
                <p class="small"><strong>{&s.outlet}</strong>{" cites: "}
                    {s.sources.iter().map(|x| format!("{} ({})", x.canonical, x.quotes + x.reports)).collect::<Vec<_>>().join(", ")}
                </p>
                <ul class="quotes">
                    { for s.voices.iter().map(|v| html! {
                        <li>
                            <q>{&v.text}</q>
                            <span class="speaker small">{" — "}{v.speaker.as_ref().map_or("unattributed".to_string(), |sp| sp.canonical.clone())}</span>
                        </li>
                    }) }
                </ul>
            </div>
        }
    };
    html! {
        <section class="voices" aria-label="Quotations and sources">
            <h3>{"Voices"}</h3>
            <div class="two">{side(&cmp.a)}{side(&cmp.b)}</div>
        </section>
    }
}

fn framing(cmp: &Comparison) -> Html {
    let list = |terms: &[crate::engine::compare::framing::Term]| {
        html! {
            <ol class="terms">
                { for terms.iter().take(12).map(|t| html! {
                    <li><span class="term">{&t.term}</span><span class="small muted">{format!(" z={:.1} ({}:{})", t.z, t.count_a, t.count_b)}</span></li>
                }) }
            </ol>
        }
    };
    html! {
        <section class="framing" aria-label="Distinctive words">
            <h3>{"Framing"}</h3>
            <p class="small muted">{cmp.framing.formula}</p>
            <div class="two">{list(&cmp.framing.a)}{list(&cmp.framing.b)}</div>
        </section>
    }
}

fn sentence_list(doc: &Document, spans: &[Span], entity: &str) -> Html {
    html! {
        <div>
            <p class="small"><strong>{outlet_name(&doc.meta.outlet)}</strong>{format!(" · {} sentence{}", spans.len(), if spans.len() == 1 { "" } else { "s" })}</p>
            if spans.is_empty() {
                <p class="muted small">{format!("Does not mention {entity}.")}</p>
            }
            <ol class="kwic">
                { for spans.iter().map(|s| {
                    let marks = doc.mentions_in(*s).iter().filter(|m| &*m.canonical == entity).map(|m| m.span);
                    html! { <li>{quoted(&doc.text, *s, marks)}</li> }
                }) }
            </ol>
        </div>
    }
}

fn full_text(
    doc: &Rc<Document>,
    options: &HighlightOptions,
    on_select: &Callback<Option<String>>,
) -> Html {
    let on_mark = on_select.reform(|(c, _): (String, Span)| Some(c));
    let (onclick, onkeydown) = mark_handlers(&on_mark);
    html! {
        <div class="reader-body compact" {onclick} {onkeydown}>
            { for doc.paragraphs.iter().filter(|p| p.boilerplate.is_none()).map(|p| html! {
                <p class="para">{highlighted(doc, p.span, options)}</p>
            }) }
        </div>
    }
}
