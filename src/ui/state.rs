//! The app's one reducer: the URL view state plus transient UI state. No side effects here;
//! URL updates happen in an effect of the app component.

use crate::engine::label::Label;
use crate::view_state::{View, ViewState};
use std::rc::Rc;
use yew::Reducible;

/// How a state change should reach the browser history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new history entry (a navigation the user may want to go back from).
    #[default]
    Push,
    /// Replace the current entry (typing in the search box).
    Replace,
    /// Do not touch history (the change came from history itself).
    Keep,
}

/// App state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// What the URL carries.
    pub view: ViewState,
    /// How the last change should be written to history.
    pub history: HistoryMode,
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Switch view.
    SetView(View),
    /// Show an article in the reader.
    OpenArticle(String),
    /// Turn a label's highlights on or off.
    ToggleLabel(Label),
    /// Select an entity (by canonical name) or clear the selection.
    SelectEntity(Option<String>),
    /// Set the text search.
    Search(String),
    /// Show only one outlet's articles, or all.
    FilterOutlet(Option<String>),
    /// Clear labels, entity, search and outlet at once.
    ClearFilters,
    /// Set the compared articles.
    Compare(Option<String>, Option<String>),
    /// Set the place list's reference place, order and grouping.
    PlaceOptions {
        /// Reference place.
        reference: Option<String>,
        /// Order.
        sort: Option<String>,
        /// Grouping.
        group: Option<String>,
    },
    /// Restore a state read from the URL (back/forward).
    Restore(ViewState),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut view = self.view.clone();
        let mut history = HistoryMode::Push;
        match action {
            Action::SetView(v) => view.view = v,
            Action::OpenArticle(id) => {
                view.view = View::Read;
                view.article = Some(id);
            }
            Action::ToggleLabel(l) => view.types = view.types.toggled(l),
            Action::SelectEntity(e) => view.entity = e,
            Action::Search(q) => {
                view.q = q;
                history = HistoryMode::Replace;
            }
            Action::FilterOutlet(o) => view.outlet = o,
            Action::ClearFilters => {
                view.types = Default::default();
                view.entity = None;
                view.q.clear();
                view.outlet = None;
            }
            Action::Compare(a, b) => {
                view.view = View::Compare;
                view.a = a;
                view.b = b;
            }
            Action::PlaceOptions {
                reference,
                sort,
                group,
            } => {
                view.place_ref = reference;
                view.place_sort = sort;
                view.place_group = group;
            }
            Action::Restore(v) => {
                view = v;
                history = HistoryMode::Keep;
            }
        }
        if view == self.view {
            return self;
        }
        Rc::new(State { view, history })
    }
}
