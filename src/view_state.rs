//! The view state the URL carries: which view, article, labels, entity, search and comparison.
//!
//! Pure and DOM-free, so it is tested natively. The UI mirrors it into the query string
//! (see `../shared/CONTRACT.md`): a link restores the view, back and forward move between views.
//! Unknown or invalid values are ignored, never an error.

use crate::engine::label::Label;

/// The four views of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// One article with its highlights (default).
    #[default]
    Read,
    /// The corpus's canonical entities.
    Entities,
    /// The place list.
    Places,
    /// Two articles side by side.
    Compare,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [View::Read, View::Entities, View::Places, View::Compare];

    /// The URL value (`read`, `entities`, `places`, `compare`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            View::Read => "read",
            View::Entities => "entities",
            View::Places => "places",
            View::Compare => "compare",
        }
    }

    /// The tab's title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            View::Read => "Read",
            View::Entities => "Entities",
            View::Places => "Places",
            View::Compare => "Compare",
        }
    }

    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A set of labels, as a bit mask in [`Label::ALL`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LabelSet(u8);

impl LabelSet {
    /// Every label.
    pub const ALL: LabelSet = LabelSet(0b11_1111);
    /// No label.
    pub const NONE: LabelSet = LabelSet(0);

    fn bit(label: Label) -> u8 {
        let i = Label::ALL
            .iter()
            .position(|l| *l == label)
            .expect("every label is in Label::ALL");
        1 << i
    }

    /// True when `label` is in the set.
    #[must_use]
    pub fn contains(self, label: Label) -> bool {
        self.0 & Self::bit(label) != 0
    }

    /// The set with `label` added or removed.
    #[must_use]
    pub fn toggled(self, label: Label) -> LabelSet {
        LabelSet(self.0 ^ Self::bit(label))
    }

    /// The labels in the set, in contract order.
    pub fn iter(self) -> impl Iterator<Item = Label> {
        Label::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

impl Default for LabelSet {
    fn default() -> Self {
        LabelSet::ALL
    }
}

/// Everything the URL restores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The view shown.
    pub view: View,
    /// The article shown in `read` (an id; validated by the app against the corpus).
    pub article: Option<String>,
    /// The labels highlighted.
    pub types: LabelSet,
    /// The canonical name of the selected entity.
    pub entity: Option<String>,
    /// The text search.
    pub q: String,
    /// Only articles from this outlet.
    pub outlet: Option<String>,
    /// The place list's reference place (canonical name); default: the most mentioned.
    pub place_ref: Option<String>,
    /// The place list's order: `mentions` (default), `name` or `distance`.
    pub place_sort: Option<String>,
    /// The place list's grouping: `country` or `division`; none by default.
    pub place_group: Option<String>,
    /// Left article of the comparison.
    pub a: Option<String>,
    /// Right article of the comparison.
    pub b: Option<String>,
}

impl ViewState {
    /// True when any filter (labels, entity, search, outlet) differs from the default.
    #[must_use]
    pub fn filtered(&self) -> bool {
        self.types != LabelSet::ALL
            || self.entity.is_some()
            || !self.q.trim().is_empty()
            || self.outlet.is_some()
    }

    /// Reads a query string (with or without the leading `?`). Unknown keys and invalid
    /// values are ignored.
    ///
    /// ```
    /// use newslens::view_state::{View, ViewState};
    /// use newslens::engine::label::Label;
    /// let s = ViewState::from_query("?view=entities&types=PERSON,place,bogus&q=al+Abadi");
    /// assert_eq!(s.view, View::Entities);
    /// assert!(s.types.contains(Label::Place) && !s.types.contains(Label::Org));
    /// assert_eq!(s.q, "al Abadi");
    /// ```
    #[must_use]
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            let non_empty = || Some(value.trim().to_string()).filter(|v| !v.is_empty());
            match decode(key).as_str() {
                "view" => state.view = View::parse(value.trim()).unwrap_or_default(),
                "article" => state.article = non_empty(),
                "types" => {
                    let labels: Vec<Label> = value.split(',').filter_map(Label::parse).collect();
                    // An explicitly empty value (or `none`) highlights nothing; a value with
                    // no valid label is garbage and is ignored.
                    if !labels.is_empty() {
                        state.types = labels.into_iter().fold(LabelSet::NONE, |set, l| {
                            if set.contains(l) {
                                set
                            } else {
                                set.toggled(l)
                            }
                        });
                    } else if value.trim().is_empty() || value.trim().eq_ignore_ascii_case("none") {
                        state.types = LabelSet::NONE;
                    }
                }
                "entity" => state.entity = non_empty(),
                "q" => state.q = value,
                "outlet" => state.outlet = non_empty(),
                "ref" => state.place_ref = non_empty(),
                "sort" => {
                    state.place_sort =
                        non_empty().filter(|v| ["name", "distance"].contains(&v.as_str()))
                }
                "group" => {
                    state.place_group =
                        non_empty().filter(|v| ["country", "division"].contains(&v.as_str()))
                }
                "a" => state.a = non_empty(),
                "b" => state.b = non_empty(),
                _ => {}
            }
        }
        state
    }

    /// The query string for this state, starting with `?`, listing only what differs from the
    /// default (so the plain address means the default view). Empty when all is default.
    ///
    /// ```
    /// use newslens::view_state::{View, ViewState};
    /// let mut s = ViewState::default();
    /// assert_eq!(s.to_query(), "");
    /// s.view = View::Compare;
    /// s.a = Some("x".into());
    /// s.q = "a&b c".into();
    /// assert_eq!(s.to_query(), "?view=compare&q=a%26b%20c&a=x");
    /// assert_eq!(ViewState::from_query(&s.to_query()), s);
    /// ```
    #[must_use]
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::Read {
            parts.push(format!("view={}", self.view.as_str()));
        }
        if let Some(a) = &self.article {
            parts.push(format!("article={}", encode(a)));
        }
        if self.types != LabelSet::ALL {
            let names: Vec<&str> = self.types.iter().map(Label::as_str).collect();
            parts.push(format!("types={}", names.join(",")));
        }
        if let Some(e) = &self.entity {
            parts.push(format!("entity={}", encode(e)));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(o) = &self.outlet {
            parts.push(format!("outlet={}", encode(o)));
        }
        for (key, value) in [
            ("ref", &self.place_ref),
            ("sort", &self.place_sort),
            ("group", &self.place_group),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}={}", encode(v)));
            }
        }
        if let Some(a) = &self.a {
            parts.push(format!("a={}", encode(a)));
        }
        if let Some(b) = &self.b {
            parts.push(format!("b={}", encode(b)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space); invalid escapes and invalid UTF-8 are kept
/// or replaced, never an error.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
