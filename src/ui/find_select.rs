//! A drop-down list that stays fast with thousands of options: past [`SHOWN`] options a search
//! box appears beside it, and the list holds the current choice and the first matches only
//! (see [`crate::choice_list`]).

use crate::choice_list::choices;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Options a list shows at most (more are reached by typing). Each costs an element to make
/// whenever the list is shown: at 100 the comparison's two pickers make 200.
pub const SHOWN: usize = 100;

/// Props of [`FindSelect`].
#[derive(Properties, PartialEq)]
pub struct FindSelectProps {
    /// The `<select>`'s id.
    pub id: AttrValue,
    /// Its accessible name.
    pub label: AttrValue,
    /// The options: (value, label), in order.
    pub options: Rc<Vec<(String, String)>>,
    /// The value chosen now.
    pub current: AttrValue,
    /// Called with the value chosen.
    pub on_change: Callback<String>,
}

/// The list, with its search box when it is long.
#[component]
pub fn FindSelect(props: &FindSelectProps) -> Html {
    let query = use_state(String::new);
    let long = props.options.len() > SHOWN;
    let shown = use_memo(
        (
            props.options.clone(),
            (*query).clone(),
            props.current.clone(),
        ),
        |(options, query, current)| {
            let labels: Vec<&str> = options.iter().map(|(_, l)| l.as_str()).collect();
            let at = options.iter().position(|(v, _)| v == current.as_str());
            choices(&labels, query, at, SHOWN)
        },
    );
    let on_change = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    html! {
        <span class={classes!("find-select", long.then_some("long"))}>
            if long {
                <input type="search" class="find" placeholder="Find…" value={(*query).clone()}
                    aria-label={format!("Find: {}", props.label)} oninput={on_input} />
            }
            <select id={props.id.clone()} aria-label={props.label.clone()} onchange={on_change}>
                { for shown.shown.iter().map(|&i| {
                    let (value, label) = &props.options[i];
                    html! { <option value={value.clone()} selected={*value == *props.current}>{label}</option> }
                }) }
                if shown.more > 0 {
                    <option disabled=true value="">{format!("… {} more: type in the box to find them", shown.more)}</option>
                }
            </select>
        </span>
    }
}
