//! The tagging worker's progress: how many articles are analysed, a way to cancel, and a way
//! to analyse what was cancelled or left when the worker stopped.

use crate::ui::analyses::Progress;
use yew::prelude::*;

/// Props of [`TaggingStatus`].
#[derive(Properties, PartialEq)]
pub struct TaggingStatusProps {
    /// The worker's progress.
    pub progress: Progress,
    /// Why the worker stopped, if it did.
    #[prop_or_default]
    pub stopped: Option<AttrValue>,
    /// Stops analysing what is still queued.
    pub on_cancel: Callback<()>,
    /// Analyses what was cancelled.
    pub on_resume: Callback<()>,
}

/// A status line while articles are being analysed, or after the user cancelled or the
/// worker stopped.
#[component]
pub fn TaggingStatus(props: &TaggingStatusProps) -> Html {
    let p = props.progress;
    if p.busy() {
        let label = format!(
            "Analysing articles: {} of {} done",
            p.done.min(p.total),
            p.total
        );
        let on_cancel = props.on_cancel.reform(|_| ());
        html! {
            <div class="tagging-status" role="status" data-testid="tagging-progress"
                data-done={p.done.to_string()} data-total={p.total.to_string()}>
                <label for="tagging-bar">{label}</label>
                <progress id="tagging-bar" max={p.total.to_string()} value={p.done.to_string()} />
                <button type="button" class="tool" data-testid="tagging-cancel" onclick={on_cancel}>
                    {"Cancel"}
                </button>
            </div>
        }
    } else if p.cancelled > 0 {
        let on_resume = props.on_resume.reform(|_| ());
        let n = p.cancelled;
        let shown = format!(
            "{n} article{} shown without highlights.",
            if n == 1 { " is" } else { "s are" }
        );
        let (said, role) = match &props.stopped {
            Some(why) => (
                format!("The worker that analyses articles stopped ({why}): {shown}"),
                "alert",
            ),
            None => (format!("Analysis cancelled: {shown}"), "status"),
        };
        html! {
            <div class="tagging-status" {role} data-testid="tagging-cancelled"
                data-stopped={props.stopped.is_some().then_some("true")}>
                <span>{said}</span>
                <button type="button" class="tool" data-testid="tagging-resume" onclick={on_resume}>
                    {"Analyse now"}
                </button>
            </div>
        }
    } else {
        html! {}
    }
}
