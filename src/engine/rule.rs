//! The rule or lexicon that tagged a mention, in one byte.
//!
//! A large corpus holds millions of mentions, and each names the rule that found it. As a
//! `&'static str` that name took 8 bytes of every mention in the page (16 natively); a [`Rule`]
//! takes one. The engine's own rules are constants; any other name (a test's, or a name from
//! the wire the engine does not know) is registered once, up to [`Rule::CAPACITY`] names.

use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::Mutex;

/// The name of a rule, as a small number. Two rules are equal when their names are.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule(u8);

/// The engine's rule names; a rule's number is its place in this list.
const KNOWN: [&str; 23] = [
    "gazetteer",
    "number",
    "date",
    "speaker",
    "user-correction",
    "title",
    "surname",
    "same-name",
    "place-head",
    "org-head",
    "org-context",
    "place-context",
    "outlet-cue",
    "the-name",
    "acronym",
    "acronym-definition",
    "demonym+place",
    "direction+place",
    "group-lexicon",
    "list-with-places",
    "other",
    // Added after the others: a rule's number stays what it was.
    "byline",
    "given-name",
];

/// Names registered at run time (after [`KNOWN`]).
static REGISTERED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

impl Rule {
    /// A place name found in the gazetteer.
    pub const GAZETTEER: Rule = Rule::known("gazetteer");
    /// A quantity (its evidence says which pattern).
    pub const NUMBER: Rule = Rule::known("number");
    /// A date or time (its evidence says which pattern).
    pub const DATE: Rule = Rule::known("date");
    /// A name before a speech verb ("X said").
    pub const SPEAKER: Rule = Rule::known("speaker");
    /// A name in a byline ("By X and Y").
    pub const BYLINE: Rule = Rule::known("byline");
    /// A given name and the capitalised words after it (`Viktor Orban`).
    pub const GIVEN_NAME: Rule = Rule::known("given-name");
    /// A mention the user added, relabelled or merged.
    pub const USER_CORRECTION: Rule = Rule::known("user-correction");
    /// A name after a title ("Prime Minister X").
    pub const TITLE: Rule = Rule::known("title");
    /// A surname standing for a full name found earlier.
    pub const SURNAME: Rule = Rule::known("surname");
    /// The same name as one found elsewhere in the text.
    pub const SAME_NAME: Rule = Rule::known("same-name");
    /// A name ending in a place word ("Kirkuk Province").
    pub const PLACE_HEAD: Rule = Rule::known("place-head");
    /// A name ending in an organisation word ("… Council").
    pub const ORG_HEAD: Rule = Rule::known("org-head");
    /// A name before a force or office word ("X fighters", "X spokesman").
    pub const ORG_CONTEXT: Rule = Rule::known("org-context");
    /// A name after a place phrase ("the city of X", "north of X").
    pub const PLACE_CONTEXT: Rule = Rule::known("place-context");
    /// A name cited as a source ("according to X", "reports X").
    pub const OUTLET_CUE: Rule = Rule::known("outlet-cue");
    /// One capitalised word after "the", read as an institution ("the Pentagon").
    pub const THE_NAME: Rule = Rule::known("the-name");
    /// An acronym.
    pub const ACRONYM: Rule = Rule::known("acronym");
    /// An acronym defined by the name before it ("Kurdistan Regional Government (KRG)").
    pub const ACRONYM_DEFINITION: Rule = Rule::known("acronym-definition");
    /// A nationality word before a place name ("Iraqi Kurdistan").
    pub const DEMONYM_PLACE: Rule = Rule::known("demonym+place");
    /// A capitalised direction that is part of a place's name ("Northern Iraq").
    pub const DIRECTION_PLACE: Rule = Rule::known("direction+place");
    /// A word from the lexicon of groups (nationalities, peoples, religions).
    pub const GROUP_LEXICON: Rule = Rule::known("group-lexicon");
    /// A name listed among places, read as one.
    pub const LIST_WITH_PLACES: Rule = Rule::known("list-with-places");
    /// Stands for a name that could not be registered (more than [`Rule::CAPACITY`] names).
    pub const OTHER: Rule = Rule::known("other");

    /// How many distinct names there can be.
    pub const CAPACITY: usize = 256;

    /// The constant for one of the engine's names; fails to compile for any other.
    const fn known(name: &str) -> Rule {
        let mut i = 0;
        while i < KNOWN.len() {
            if eq(KNOWN[i].as_bytes(), name.as_bytes()) {
                #[allow(clippy::cast_possible_truncation)] // KNOWN has fewer than 256 names
                return Rule(i as u8);
            }
            i += 1;
        }
        panic!("not one of the engine's rule names");
    }

    /// The rule of this name, registered if it is new; [`Rule::OTHER`] once
    /// [`Rule::CAPACITY`] names are taken. For names outside the engine's own (tests, or a
    /// name sent by another version): it takes a lock, so hot paths use the constants.
    #[must_use]
    pub fn named(name: &str) -> Rule {
        if let Some(i) = KNOWN.iter().position(|k| *k == name) {
            return Rule(u8::try_from(i).expect("fewer than 256 known names"));
        }
        let mut registered = REGISTERED.lock().unwrap_or_else(|e| e.into_inner());
        let at = match registered.iter().position(|r| *r == name) {
            Some(at) => at,
            None if KNOWN.len() + registered.len() < Rule::CAPACITY => {
                registered.push(Box::leak(name.to_owned().into_boxed_str()));
                registered.len() - 1
            }
            None => return Rule::OTHER,
        };
        Rule(u8::try_from(KNOWN.len() + at).expect("at most CAPACITY names"))
    }

    /// Its name, e.g. `"gazetteer"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        let i = usize::from(self.0);
        if let Some(name) = KNOWN.get(i) {
            return name;
        }
        let registered = REGISTERED.lock().unwrap_or_else(|e| e.into_inner());
        registered.get(i - KNOWN.len()).copied().unwrap_or("other")
    }
}

/// Byte-wise equality, usable in constants.
const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl From<&str> for Rule {
    fn from(name: &str) -> Rule {
        Rule::named(name)
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Rule> for &str {
    fn eq(&self, other: &Rule) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
