//! The six entity labels of the contract.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of an entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A named person, without titles.
    Person,
    /// A named organisation: forces, militias, agencies, outlets, armed groups.
    Org,
    /// Countries, regions, provinces, cities, towns, facilities.
    Place,
    /// Nationalities, ethnic and religious groups and their adjectives.
    Group,
    /// Dates, times, relative dates and durations.
    Date,
    /// Quantities with their unit or noun, and vague magnitudes.
    Number,
}

impl Label {
    /// Every label, in the contract's order.
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Group,
        Label::Date,
        Label::Number,
    ];

    /// The label's position in [`Label::ALL`], for arrays with one slot per label.
    ///
    /// ```
    /// use newslens::engine::label::Label;
    /// assert!(Label::ALL.iter().enumerate().all(|(i, l)| l.index() == i));
    /// ```
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Label::Person => 0,
            Label::Org => 1,
            Label::Place => 2,
            Label::Group => 3,
            Label::Date => 4,
            Label::Number => 5,
        }
    }

    /// The contract's name of the label (`"PERSON"`, `"ORG"`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Group => "GROUP",
            Label::Date => "DATE",
            Label::Number => "NUMBER",
        }
    }

    /// Parses a contract name, case-insensitively; `None` for anything else.
    #[must_use]
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// A short human word for the label, for legends and badges.
    #[must_use]
    pub fn human(self) -> &'static str {
        match self {
            Label::Person => "Person",
            Label::Org => "Organisation",
            Label::Place => "Place",
            Label::Group => "Group",
            Label::Date => "Date",
            Label::Number => "Number",
        }
    }

    /// The plural of [`Label::human`], lower-cased, for counts: "people", "organisations".
    ///
    /// ```
    /// use newslens::engine::label::Label;
    /// assert_eq!(Label::Org.plural(), "organisations");
    /// ```
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            Label::Person => "people",
            Label::Org => "organisations",
            Label::Place => "places",
            Label::Group => "groups",
            Label::Date => "dates",
            Label::Number => "numbers",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
