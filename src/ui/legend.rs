//! The label legend: mention counts per label, each a toggle for its highlights.

use crate::engine::label::Label;
use crate::view_state::LabelSet;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Mentions per label, in [`Label::ALL`] order.
    pub counts: [usize; 6],
    /// Labels highlighted.
    pub types: LabelSet,
    /// Called with the label to toggle.
    pub on_toggle: Callback<Label>,
}

/// A row of toggle buttons, one per label, with the label's highlight style as a swatch.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <div class="legend" role="group" aria-label="Highlighted entity types">
            { for Label::ALL.into_iter().zip(props.counts).map(|(label, n)| {
                let on = props.types.contains(label);
                let cb = props.on_toggle.clone();
                html! {
                    <button
                        type="button"
                        class={classes!("legend-item", (!on).then_some("off"))}
                        aria-pressed={on.to_string()}
                        data-toggle={label.as_str()}
                        data-count={n.to_string()}
                        title={format!("{} {} highlights", if on { "Hide" } else { "Show" }, label.human().to_lowercase())}
                        onclick={Callback::from(move |_| cb.emit(label))}
                    >
                        <span class={classes!("swatch", format!("m-{}", label.as_str().to_ascii_lowercase()))} aria-hidden="true">{"Ab"}</span>
                        <span class="legend-name">{label.human()}</span>
                        <span class="count">{n}</span>
                    </button>
                }
            }) }
        </div>
    }
}
