//! The map-free place list (`view=places`): every place the corpus mentions, resolved against
//! the gazetteer, with kind, hierarchy, coordinates as text, distance and direction from a
//! reference place, mentions per outlet, the sentences, candidates and stated-distance checks.

use crate::display::{grouped, km, lat_lon, outlet_name};
use crate::engine::places::digest::explain;
use crate::engine::places::geo::{LatLon, Relative};
use crate::engine::places::{ClaimGroup, MentionRef, PlaceRow};
use crate::engine::span::Span;
use crate::runs::runs_by;
use crate::ui::contexts::kwic_item;
use crate::ui::corpus::Corpus;
use crate::ui::find_select::FindSelect;
use crate::ui::gazetteer::GazetteerState;
use crate::ui::outlets::{outlets, Outlets};
use crate::ui::place_table::{empty_gazetteer, place_table, PlaceTable};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Places`].
#[derive(Properties, PartialEq)]
pub struct PlacesProps {
    /// The corpus.
    pub corpus: Corpus,
    /// The gazetteer's state (the core table serves until the full one is ready).
    pub gazetteer: GazetteerState,
    /// The reference place's canonical name (default: the most mentioned resolved place).
    pub reference: Option<AttrValue>,
    /// `mentions`, `name` or `distance`.
    pub sort: Option<AttrValue>,
    /// `country` or `division`.
    pub group: Option<AttrValue>,
    /// Called with new (reference, sort, group).
    pub on_options: Callback<(Option<String>, Option<String>, Option<String>)>,
    /// Called with (article id, mention start) to open an article at a mention.
    pub on_goto: Callback<(String, usize)>,
}

fn location(row: &PlaceRow) -> Option<LatLon> {
    row.place.as_ref().map(LatLon::from)
}

/// Places listed at first; a large corpus has thousands, shown on request.
const FIRST_ROWS: usize = 50;
/// Places added by each "Show more".
const MORE_ROWS: usize = 150;
/// Sentences quoted per place.
const KWIC_ROWS: usize = 12;
/// Distinct distance claims a row shows before the rest are folded away.
const CLAIMS_SHOWN: usize = 3;

/// The place list.
#[component]
pub fn Places(props: &PlacesProps) -> Html {
    let table = use_memo(
        (props.corpus.clone(), props.gazetteer.clone()),
        |(corpus, gaz)| place_table(corpus, gaz),
    );
    let limit = use_state(|| FIRST_ROWS);
    let rows = &table.rows;
    let outlets_of = outlets(&props.corpus);
    let resolved_rows: Vec<&PlaceRow> = rows.iter().filter(|r| r.place.is_some()).collect();
    let reference = props
        .reference
        .as_deref()
        .and_then(|r| resolved_rows.iter().find(|row| row.canonical == r))
        .or_else(|| resolved_rows.first())
        .copied();
    let ref_at = reference.and_then(location);
    let relative =
        |row: &PlaceRow| -> Option<Relative> { Some(Relative::between(location(row)?, ref_at?)) };

    let mut ordered: Vec<&PlaceRow> = rows.iter().collect();
    match props.sort.as_deref() {
        Some("name") => ordered.sort_by_key(|r| r.canonical.to_lowercase()),
        Some("distance") => ordered.sort_by(|a, b| {
            let d = |r: &PlaceRow| relative(r).map_or(f64::INFINITY, |x| x.km);
            d(a).total_cmp(&d(b))
        }),
        _ => {}
    }
    let group_of = |row: &PlaceRow| -> String {
        match (props.group.as_deref(), &row.place) {
            (Some("country"), Some(p)) => p.country.clone(),
            (Some("division"), Some(p)) => p
                .admin1
                .clone()
                .or_else(|| p.kind.is_division().then(|| p.name.clone()))
                .unwrap_or_else(|| format!("{} (no division)", p.country)),
            (Some(_), None) => "Unresolved".to_string(),
            _ => String::new(),
        }
    };
    let total_rows = ordered.len();
    let mut groups: Vec<(String, Vec<&PlaceRow>)> = Vec::new();
    for row in ordered.into_iter().take(*limit) {
        let key = group_of(row);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(row),
            None => groups.push((key, vec![row])),
        }
    }

    let emit = {
        let on = props.on_options.clone();
        let (r, s, g) = (
            props.reference.as_ref().map(|v| v.to_string()),
            props.sort.as_ref().map(|v| v.to_string()),
            props.group.as_ref().map(|v| v.to_string()),
        );
        move |which: usize, value: String| {
            let value = (!value.is_empty()).then_some(value);
            let mut next = (r.clone(), s.clone(), g.clone());
            match which {
                0 => next.0 = value,
                1 => next.1 = value,
                _ => next.2 = value,
            }
            on.emit(next);
        }
    };
    let select = |which: usize| {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            emit(
                which,
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
        })
    };
    let status = match &props.gazetteer {
        GazetteerState::Ready(_) => html! {},
        GazetteerState::Failed(why) => html! {
            <p class="notice" role="status">{format!("The gazetteer could not be loaded ({why}); the places below stay unresolved. Reload to try again.")}</p>
        },
        _ => {
            html! { <p class="notice" role="status">{"Loading the gazetteer (GeoNames places and their names)… until it arrives the places below are unresolved."}</p> }
        }
    };

    html! {
        <section class="places" aria-label="Places">
            <div class="places-tools">
                <label>{"Distances from "}
                    <FindSelect id="place-ref" label="Distances from" options={table.references.clone()}
                        current={reference.map(|r| AttrValue::from(r.canonical.clone())).unwrap_or_default()}
                        on_change={{ let emit = emit.clone(); Callback::from(move |v| emit(0, v)) }} />
                </label>
                <label>{"Sort by "}
                    <select id="place-sort" onchange={select(1)}>
                        <option value="" selected={props.sort.is_none()}>{"mentions"}</option>
                        <option value="name" selected={props.sort.as_deref() == Some("name")}>{"name"}</option>
                        <option value="distance" selected={props.sort.as_deref() == Some("distance")}>{"distance"}</option>
                    </select>
                </label>
                <label>{"Group by "}
                    <select id="place-group" onchange={select(2)}>
                        <option value="" selected={props.group.is_none()}>{"nothing"}</option>
                        <option value="country" selected={props.group.as_deref() == Some("country")}>{"country"}</option>
                        <option value="division" selected={props.group.as_deref() == Some("division")}>{"governorate / province"}</option>
                    </select>
                </label>
                <span class="count" title="places">{rows.len()}</span>
            </div>
            {status}
            { for groups.into_iter().map(|(name, list)| html! {
                <div class="place-group" key={name.clone()}>
                    if !name.is_empty() {
                        <h3 class="group-title">{name}<span class="count">{list.len()}</span></h3>
                    }
                    <ol class="place-list">
                        { for list.into_iter().map(|row| place_row(props, &outlets_of, &table, row, reference, relative(row))) }
                    </ol>
                </div>
            }) }
            if total_rows > *limit {
                <button type="button" class="link more-places" onclick={{
                    let limit = limit.clone();
                    Callback::from(move |_| limit.set(*limit + MORE_ROWS))
                }}>{format!("Show {} more of {total_rows} places", MORE_ROWS.min(total_rows - *limit))}</button>
            }
            <p class="small muted attribution">{crate::engine::gazetteer::ATTRIBUTION}</p>
        </section>
    }
}

fn place_row(
    props: &PlacesProps,
    outlets_of: &Outlets,
    table: &Rc<PlaceTable>,
    row: &PlaceRow,
    reference: Option<&PlaceRow>,
    rel: Option<Relative>,
) -> Html {
    let kind = row.kind.map_or("unknown", |k| k.as_str());
    let (lat, lon) = row
        .place
        .as_ref()
        .map_or((String::new(), String::new()), |p| {
            (format!("{:.5}", p.lat), format!("{:.5}", p.lon))
        });
    let is_ref = reference.is_some_and(|r| r.canonical == row.canonical);
    let distance = match (rel, reference) {
        _ if is_ref => html! { <span class="distance ref">{"reference place"}</span> },
        (Some(r), Some(reference)) => html! {
            <span class="distance">{format!("{} {} of {}", km(r.km), r.compass.abbrev(), reference.canonical)}</span>
        },
        _ => html! {},
    };
    // Mentions per outlet, in order of first mention. A row of a large corpus has tens of
    // thousands of mentions: each adds one to its outlet's slot, no name compared.
    let mut counts = vec![0usize; outlets_of.names.len()];
    let mut order: Vec<usize> = Vec::new();
    for m in &row.mentions {
        if let Some(&o) = outlets_of.of_doc.get(m.doc) {
            if counts[o] == 0 {
                order.push(o);
            }
            counts[o] += 1;
        }
    }
    let outlets: Vec<(&str, usize)> = order
        .iter()
        .map(|&o| (outlet_name(&outlets_of.names[o]), counts[o]))
        .collect();
    // The quotations are made only when the user opens the row's details: a long list stays
    // cheap to show.
    let quotations = {
        // The corpus is shared, not copied: a row costs no more at 10,000 articles.
        let (corpus, table, on_goto) = (props.corpus.clone(), table.clone(), props.on_goto.clone());
        let mentions: Vec<_> = row.mentions.iter().take(KWIC_ROWS).cloned().collect();
        Callback::from(move |()| -> Html {
            // Mentions that share a sentence are one quotation with each of them marked.
            let sentence_of = |m: &MentionRef| {
                table
                    .sentences
                    .of(m.doc, &corpus.0[m.doc].text)
                    .iter()
                    .find(|s| s.contains(m.span))
                    .copied()
                    .unwrap_or(m.span)
            };
            let located = mentions.iter().map(|m| (m.doc, sentence_of(m), m.span));
            runs_by(located, |(doc, sentence, _)| (*doc, *sentence))
                .into_iter()
                .map(|run| {
                    let spans: Vec<Span> = run.iter().map(|(_, _, span)| *span).collect();
                    kwic_item(&corpus.0[run[0].0], run[0].1, &spans, &on_goto)
                })
                .collect()
        })
    };
    // Repeated claims are folded, and only the first few shown: at 10,000 articles a place
    // can carry hundreds of claims, which cost more to lay out than the rest of the list.
    let groups = row.claim_groups();
    let more_claims = {
        let (table, canonical) = (table.clone(), row.canonical.clone());
        Callback::from(move |()| -> Html {
            table
                .rows
                .iter()
                .find(|r| r.canonical == canonical)
                .map(|r| {
                    r.claim_groups()
                        .iter()
                        .skip(CLAIMS_SHOWN)
                        .map(claim_line)
                        .collect::<Html>()
                })
                .unwrap_or_default()
        })
    };
    // Why this record, and the candidates: the explaining mention's article is resolved again
    // when the details open (the table keeps only record indexes).
    let resolution = {
        let (corpus, gaz, at) = (
            props.corpus.clone(),
            props.gazetteer.clone(),
            row.explained_by,
        );
        Callback::from(move |()| -> Html {
            let doc = &corpus.0[at.doc];
            let g = gaz.ready().unwrap_or_else(empty_gazetteer);
            let Some(r) = explain(g, &doc.text, &doc.mentions, at.span) else {
                return html! {};
            };
            let candidates = (r.candidates.len() > 1).then(|| {
                r.candidates
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({}, {}, score {:.2})",
                            c.name,
                            c.kind.as_str(),
                            c.country,
                            c.score
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            html! {
                <>
                    <p class="small">{r.reason}</p>
                    if let Some(c) = candidates {
                        <p class="small">{"Candidates: "}{c}</p>
                    }
                </>
            }
        })
    };
    let details = {
        let more = row.mentions.len().saturating_sub(KWIC_ROWS);
        Callback::from(move |()| -> Html {
            html! {
                <>
                    {resolution.emit(())}
                    <ol class="kwic">{quotations.emit(())}</ol>
                    if more > 0 {
                        <p class="small muted">{format!("… and {more} more mentions")}</p>
                    }
                </>
            }
        })
    };
    html! {
        <li class={classes!("place", row.place.is_none().then_some("unresolved"))} key={row.canonical.clone()}
            data-place={row.canonical.clone()} data-kind={kind} data-lat={lat} data-lon={lon}>
            <div class="place-head">
                <span class="place-name">{&row.canonical}</span>
                <span class="kind">{kind}</span>
                if row.place.is_none() {
                    <span class="badge warn">{"unresolved"}</span>
                }
                {distance}
            </div>
            <p class="path">{row.path()}</p>
            if let Some(p) = &row.place {
                <p class="coords small">
                    <span>{lat_lon(p.lat, p.lon)}</span>
                    <span class="muted">{format!(" · {}", p.id)}</span>
                    if p.population > 0 {
                        <span class="muted">{format!(" · population {}", grouped(p.population))}</span>
                    }
                </p>
            }
            <p class="small">
                {format!("{} mention{}", row.mentions.len(), if row.mentions.len() == 1 { "" } else { "s" })}
                {" · "}
                {outlets.iter().map(|(o, n)| format!("{o}: {n}")).collect::<Vec<_>>().join(", ")}
                if row.surfaces.iter().any(|s| *s != row.canonical) {
                    <span class="muted">{format!(" · written {}", row.surfaces.join(", "))}</span>
                }
            </p>
            { for groups.iter().take(CLAIMS_SHOWN).map(claim_line) }
            if groups.len() > CLAIMS_SHOWN {
                <LazyDetails class="more-claims"
                    summary={more_claims_summary(groups.len() - CLAIMS_SHOWN)}
                    content={more_claims} />
            }
            <LazyDetails class="place-more" summary="Sentences and how it was resolved" content={details} />
        </li>
    }
}

/// One claim group: the claim, its verdict as a word, the gazetteer's figure, and how often
/// it was made.
fn claim_line(g: &ClaimGroup<'_>) -> Html {
    let c = g.first;
    let verdict = c.claim.verdict().map_or("unchecked", |v| v.as_str());
    let actual = c
        .claim
        .actual
        .map(|a| format!("{} {}", km(a.km), a.compass.abbrev()));
    html! {
        <p class={classes!("claim", format!("claim-{verdict}"))} data-claim={verdict}>
            <span class="badge">{verdict}</span>
            {format!(" The text says “{}” {}", c.claim.text, c.reference)}
            {format!("; the gazetteer gives {} of {}.", actual.unwrap_or_else(|| "no figure".into()), c.reference)}
            if g.times > 1 {
                <span class="muted">{format!(" Made {} times.", g.times)}</span>
            }
        </p>
    }
}

/// "1 more distinct claim", "5 more distinct claims".
fn more_claims_summary(n: usize) -> String {
    format!("{n} more distinct claim{}", if n == 1 { "" } else { "s" })
}

/// Props of [`LazyDetails`].
#[derive(Properties, PartialEq)]
struct LazyDetailsProps {
    /// The element's class.
    class: AttrValue,
    /// The summary line.
    summary: AttrValue,
    /// Makes the content (called only while open).
    content: Callback<(), Html>,
}

/// A `<details>` whose content is made only while it is open.
#[component]
fn LazyDetails(props: &LazyDetailsProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            );
        })
    };
    html! {
        <details class={props.class.clone()} {ontoggle}>
            <summary>{props.summary.clone()}</summary>
            if *open {
                {props.content.emit(())}
            }
        </details>
    }
}
