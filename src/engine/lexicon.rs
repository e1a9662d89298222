//! Word lists the recogniser consults: a generated table of groups and general
//! closed-class lists (titles, organisation and place head words, months, units).
//!
//! The generated table lives in `lexicon/groups.tsv` and is rebuilt by
//! `scripts/data/build_lexicons.py` from registry packages; never edit it by hand. The
//! closed-class lists below are general English vocabulary: none of them names an entity.

use super::fxhash::FxHashMap as HashMap;
use std::sync::OnceLock;

mod wordset;

use wordset::WordSet;

/// A nationality, ethnic or religious word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupEntry {
    /// The group's plural noun, e.g. `Kurds` for `Kurdish`.
    pub canonical: &'static str,
    /// Where the entry comes from, e.g. `iso639:kur` or `religion`.
    pub source: &'static str,
}

/// Rows of a generated TSV, comments and blank lines skipped.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// The group table, keyed by surface form (case-sensitive).
#[must_use]
pub fn groups() -> &'static HashMap<&'static str, GroupEntry> {
    static MAP: OnceLock<HashMap<&'static str, GroupEntry>> = OnceLock::new();
    MAP.get_or_init(|| {
        rows(include_str!("lexicon/groups.tsv"))
            .filter(|r| r.len() >= 3)
            .map(|r| {
                (
                    r[0],
                    GroupEntry {
                        canonical: r[1],
                        source: r[2],
                    },
                )
            })
            .collect()
    })
}

/// Titles and roles written before a name; lowercase, multi-word titles as one string.
/// A title is never part of a PERSON span.
pub const TITLES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "interior minister",
    "pm",
    "secretary",
    "secretary-general",
    "secretary general",
    "secretary of state",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "department spokesperson",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "general",
    "gen",
    "major",
    "maj",
    "captain",
    "capt",
    "sergeant",
    "sgt",
    "commander",
    "admiral",
    "adm",
    "brigadier",
    "marshal",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "shaikh",
    "sultan",
    "ayatollah",
    "imam",
    "cleric",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "rabbi",
    "reverend",
    "rev",
    "father",
    "governor",
    "gov",
    "mayor",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "ambassador",
    "envoy",
    "chancellor",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "chief",
    "ceo",
    "leader",
    "judge",
    "justice",
    "attorney general",
    "deputy",
    "official",
    "officer",
    "correspondent",
    "reporter",
    "analyst",
    "adviser",
    "advisor",
    "aide",
    "mp",
    "lawmaker",
    "speaker",
    "president-elect",
    "premier",
    "vice-president",
    "commander-in-chief",
    "director of press operations",
];

/// True when `lower` (lowercased, dots removed) is a title.
#[must_use]
pub fn is_title(lower: &str) -> bool {
    is_title_phrase(lower)
}

/// The longest title length, in words.
pub const TITLE_MAX_WORDS: usize = 4;

/// Head nouns that end an organisation's proper name (`… Forces`, `… Agency`).
pub const ORG_HEADS: &[&str] = &[
    "Forces",
    "Force",
    "Agency",
    "Council",
    "Government",
    "Ministry",
    "Party",
    "Army",
    "News",
    "Press",
    "Nations",
    "Organization",
    "Organisation",
    "Committee",
    "Commission",
    "Front",
    "Movement",
    "Brigade",
    "Brigades",
    "Corps",
    "Guard",
    "Guards",
    "Police",
    "Union",
    "Institute",
    "University",
    "Department",
    "Office",
    "Bank",
    "Court",
    "Assembly",
    "Parliament",
    "Company",
    "Corporation",
    "Inc",
    "Coalition",
    "Alliance",
    "Association",
    "Federation",
    "Foundation",
    "Network",
    "Times",
    "Post",
    "Service",
    "Services",
    "Authority",
    "Administration",
    "Units",
    "Battalion",
    "Battalions",
    "Regiment",
    "Division",
    "State",
    "Congress",
    "Senate",
    "Cabinet",
    "Bureau",
    "Center",
    "Centre",
    "Programme",
    "Program",
    "Fund",
    "League",
    "Society",
    "Church",
    "Board",
    "Tribunal",
    "Channel",
    "Radio",
    "Broadcasting",
    "Media",
    "Group",
    "Mission",
    "Command",
    "Navy",
    "Ltd",
    "Airlines",
    "Telegraph",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Monitor",
    "Observatory",
    "Watch",
    "International",
    "Brotherhood",
    "Jihad",
    "Directorate",
    "Secretariat",
    "Caucus",
    "Club",
];

/// Head nouns that make a given name and the words after it a thing's or an event's name, not a
/// person's (`Summer Olympics`, `Rose Garden`, `Christian Democrats`, `Grace Hospital`), besides
/// [`ORG_HEADS`] and [`PLACE_HEADS`].
pub const NOT_PERSON_HEADS: &[&str] = &[
    "Olympics",
    "Games",
    "Cup",
    "League",
    "Championship",
    "Championships",
    "Open",
    "Prize",
    "Award",
    "Awards",
    "Medal",
    "Trophy",
    "Cross",
    "Garden",
    "Gardens",
    "Park",
    "Avenue",
    "Road",
    "Lane",
    "Boulevard",
    "Tower",
    "Towers",
    "Hall",
    "House",
    "Palace",
    "Castle",
    "Center",
    "Centre",
    "Stadium",
    "Arena",
    "Station",
    "Hospital",
    "Clinic",
    "School",
    "Academy",
    "College",
    "Church",
    "Cathedral",
    "Chapel",
    "Mosque",
    "Temple",
    "Museum",
    "Gallery",
    "Library",
    "Theatre",
    "Theater",
    "Hotel",
    "Memorial",
    "Monument",
    "Day",
    "Week",
    "Festival",
    "Democrats",
    "Republicans",
    "Conservatives",
    "Liberals",
    "Socialists",
    "Act",
    "Law",
    "Treaty",
    "Accord",
    "Agreement",
    "Plan",
    "Doctrine",
    "Report",
    "Index",
    "Fund",
    "Foundation",
    "Trust",
    "Company",
    "Inc",
    "Ltd",
    "Corp",
    "Corporation",
    "Holdings",
    "Partners",
    "Capital",
    "Airlines",
    "Airways",
    "Motors",
    "Bay",
    "Coast",
    "Beach",
    "Falls",
    "Forest",
    "Hills",
    "Hill",
    "Harbour",
    "Harbor",
    "Port",
    "Point",
    "Series",
    "Show",
];

/// Head nouns that end a place's proper name (`Kurdistan Region`, `Nineveh Province`).
pub const PLACE_HEADS: &[&str] = &[
    "Region",
    "Province",
    "Governorate",
    "District",
    "County",
    "City",
    "Island",
    "Islands",
    "Valley",
    "Mountains",
    "Mountain",
    "Desert",
    "Sea",
    "River",
    "Gulf",
    "Peninsula",
    "Strait",
    "Lake",
    "Ocean",
    "Plain",
    "Plains",
    "Square",
    "Street",
    "Airport",
    "Base",
    "Dam",
    "Bridge",
    "Camp",
    "Oblast",
    "Prefecture",
    "Territories",
    "Heights",
    "Strip",
];

/// Lowercase nouns that, right after a capitalised name, make it a place (`the X district`).
pub const PLACE_NOUNS_AFTER: &[&str] = &[
    "district",
    "province",
    "governorate",
    "city",
    "town",
    "village",
    "region",
    "airport",
    "base",
    "border",
    "crossing",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "subdistrict",
    "county",
    "municipality",
    "refinery",
    "dam",
    "oilfield",
    "camp",
    "area",
    "valley",
    "mountains",
    "river",
    "checkpoint",
    "compound",
    "prison",
    "hospital",
    "port",
];

/// Lowercase words that, followed by `of`, introduce a place (`the city of X`, `north of X`).
pub const PLACE_NOUNS_BEFORE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "governorate",
    "district",
    "capital",
    "outskirts",
    "suburbs",
    "centre",
    "center",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "east",
    "governor",
    "mayor",
    "streets",
    "residents",
    "people",
    "citizens",
    "outside",
    "heart",
    "edge",
    "parts",
    "areas",
    "regions",
    "west",
];

/// Prepositions after which an unknown capitalised name is taken as a place.
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "into", "near", "outside", "toward", "towards", "across", "from",
];

/// Military and armed-group nouns: a capitalised name right before one is an organisation
/// (`X fighters`), unless it is a nationality.
pub const FORCE_NOUNS: &[&str] = &[
    "fighters",
    "troops",
    "forces",
    "militia",
    "militias",
    "soldiers",
    "units",
    "militants",
    "rebels",
    "commanders",
    "force",
    "guerrillas",
    "insurgents",
    "gunmen",
    "members",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "leadership",
    "statement",
];

/// Verbs of reporting that outlets use in inverted quotes (`…,” reports X`).
pub const OUTLET_VERBS: &[&str] = &[
    "reports",
    "reported",
    "observed",
    "observes",
    "adds",
    "added",
    "notes",
    "noted",
    "writes",
    "wrote",
    "reporting",
    "according",
    "via",
    "told",
    "cited",
    "quoted",
    "broadcast",
    "aired",
];

/// Verbs of saying that follow a speaker (`X said`).
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "declared",
    "explained",
    "argued",
    "asserted",
    "claimed",
    "insisted",
    "warned",
    "announced",
    "tweeted",
    "wrote",
    "noted",
    "reported",
    "reports",
    "confirmed",
    "denied",
];

/// Lowercase particles inside names (`Haider al-Abadi`, `Charles de Gaulle`).
pub const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ul", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del", "della", "van",
    "von", "der", "den", "la", "le", "dos", "das", "ben", "ter",
];

/// Full and abbreviated month names with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Weekday names, Monday first (ISO numbering 1..=7).
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("a", 1),
    ("an", 1),
];

/// Multipliers that follow a number (`2 million`, `a thousand`).
pub const MULTIPLIERS: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

/// Vague magnitudes, annotated on their own (`thousands` of cars).
pub const VAGUE_MAGNITUDES: &[&str] = &[
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "tens",
];

/// Approximators included in a NUMBER span (`about a million`).
pub const APPROXIMATORS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "over",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "at least",
];

/// Units with their normalised symbol.
pub const UNITS: &[(&str, &str)] = &[
    ("miles", "mi"),
    ("mile", "mi"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("km", "km"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("yards", "yd"),
    ("kilograms", "kg"),
    ("kg", "kg"),
    ("tons", "t"),
    ("tonnes", "t"),
    ("pounds", "lb"),
    ("percent", "%"),
    ("per cent", "%"),
    ("barrels", "bbl"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("acres", "acre"),
    ("hectares", "ha"),
];

/// Time units for durations, with their ISO 8601 designator.
pub const TIME_UNITS: &[(&str, &str)] = &[
    ("day", "D"),
    ("days", "D"),
    ("week", "W"),
    ("weeks", "W"),
    ("month", "M"),
    ("months", "M"),
    ("year", "Y"),
    ("years", "Y"),
    ("hour", "H"),
    ("hours", "H"),
    ("minute", "MIN"),
    ("minutes", "MIN"),
    ("decade", "DEC"),
    ("decades", "DEC"),
];

/// Irregular plural nouns a count may take (`61,000 people`).
pub const COUNT_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "troops",
    "civilians",
    "refugees",
];

/// All-caps words that are not organisation acronyms.
pub const NOT_ACRONYMS: &[&str] = &[
    "PM",
    "AM",
    "TV",
    "OK",
    "CEO",
    "GMT",
    "UTC",
    "EST",
    "PST",
    "BST",
    "CET",
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
    "A",
    "I",
    "AP",
    "DC",
    "MP",
    "MPS",
    "PR",
    "ID",
    "FAQ",
    "PDF",
    "URL",
    "HTML",
    "RSS",
    "USD",
    "EUR",
    "GBP",
    "KM",
    "MPH",
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "LIVE",
    "WATCH",
    "READ",
    "MORE",
    "NEW",
    "SUBSCRIBE",
    "SAVE",
    "AND",
    "THE",
    "OF",
    "IN",
    "TO",
    "FOR",
    "ON",
    "AT",
    "BY",
    "WITH",
    "FROM",
    "IS",
    "IT",
    "WE",
    "HE",
    "SHE",
    "US",
    "PHOTO",
    "VIDEO",
    "OR",
    "NOT",
    "NO",
    "YES",
    "ALL",
    "COVID",
    "SOS",
];

/// Capitalised function words (determiners, pronouns, prepositions, conjunctions, common
/// sentence adverbs) that never start a proper name.
pub const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "As",
    "But",
    "And",
    "Or",
    "Nor",
    "If",
    "When",
    "While",
    "Whereas",
    "After",
    "Before",
    "Since",
    "Until",
    "During",
    "Despite",
    "Although",
    "Though",
    "Because",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "My",
    "Your",
    "There",
    "Here",
    "Now",
    "Then",
    "Meanwhile",
    "However",
    "Nevertheless",
    "Furthermore",
    "Moreover",
    "Also",
    "Even",
    "Still",
    "Yet",
    "So",
    "Thus",
    "Both",
    "Most",
    "Many",
    "Some",
    "Several",
    "All",
    "Each",
    "Every",
    "No",
    "Not",
    "Only",
    "Other",
    "Another",
    "Such",
    "What",
    "Which",
    "Who",
    "Whom",
    "Whose",
    "Where",
    "Why",
    "How",
    "Under",
    "Over",
    "Into",
    "Onto",
    "Upon",
    "About",
    "Against",
    "Between",
    "Among",
    "Amid",
    "Through",
    "Across",
    "Near",
    "Around",
    "Behind",
    "Beyond",
    "Inside",
    "Outside",
    "Within",
    "To",
    "Of",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Has",
    "Have",
    "Had",
    "Do",
    "Does",
    "Did",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Shall",
    "Prior",
    "According",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "First",
    "Second",
    "Finally",
    "Instead",
    "Indeed",
    "Already",
    "Please",
    "Yes",
    "Let",
    "Sign",
    "Read",
    "See",
    "Click",
    "Follow",
    "Share",
];

/// Calls `f` with `s` in ASCII lowercase, without allocating for short ASCII words.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        // Already lowercase ASCII (most words): no copy.
        f(s)
    } else if s.len() <= buf.len() && s.is_ascii() {
        buf[..s.len()].copy_from_slice(s.as_bytes());
        buf[..s.len()].make_ascii_lowercase();
        f(std::str::from_utf8(&buf[..s.len()]).unwrap_or(""))
    } else {
        f(&s.to_lowercase())
    }
}

/// True when `word` (any case) can start a DATE or NUMBER: number words, vague magnitudes,
/// approximators, date modifiers and deictic words.
#[must_use]
pub fn is_quantity_or_date_trigger(word: &str) -> bool {
    word.len() <= 12 && trigger_words().contains_lower(word)
}

/// [`is_quantity_or_date_trigger`] for a word known to be ASCII.
#[must_use]
pub fn is_quantity_or_date_trigger_ascii(word: &str) -> bool {
    Triggers::get().ascii(word)
}

/// The words of [`is_quantity_or_date_trigger`], fetched once by a caller that asks about
/// many words (the tokeniser).
#[derive(Clone, Copy)]
pub(crate) struct Triggers {
    words: &'static WordSet,
    shapes: &'static TriggerShapes,
}

/// Per length (up to 12) and lowercase first letter, the lowercase last letters of the
/// trigger words: a word whose shape is not there is no trigger, which turns most words
/// away before any hashing. `None` if some trigger word had a shape this cannot hold.
type TriggerShapes = Option<[[u32; 26]; 13]>;

impl Triggers {
    /// The set.
    pub(crate) fn get() -> Triggers {
        static SHAPES: OnceLock<TriggerShapes> = OnceLock::new();
        let shapes = SHAPES.get_or_init(|| {
            let mut t = [[0u32; 26]; 13];
            // Longer words are never triggers ([`Triggers::ascii`]).
            for w in trigger_list().filter(|w| w.len() <= 12) {
                let b = w.as_bytes();
                match (b.first(), b.last()) {
                    (Some(f), Some(l)) if f.is_ascii_lowercase() && l.is_ascii_lowercase() => {
                        t[b.len()][usize::from(f - b'a')] |= 1 << (l - b'a');
                    }
                    _ => return None,
                }
            }
            Some(t)
        });
        Triggers {
            words: trigger_words(),
            shapes,
        }
    }

    /// False when the ASCII word `b` is surely no trigger, by its length and its first and
    /// last letters (what [`Triggers::ascii`] asks first).
    #[inline]
    pub(crate) fn may_be(self, b: &[u8]) -> bool {
        if let (Some(shapes), Some(&f), Some(&l)) = (self.shapes, b.first(), b.last()) {
            // Only asked of ASCII ends: setting 0x20 lowercases an ASCII letter, and makes
            // no other ASCII byte a letter.
            if f.is_ascii() && l.is_ascii() {
                let (f, l) = (f | 0x20, l | 0x20);
                return b.len() <= 12
                    && f.is_ascii_lowercase()
                    && l.is_ascii_lowercase()
                    && shapes[b.len()][usize::from(f - b'a')] & (1 << (l - b'a')) != 0;
            }
        }
        true
    }

    /// [`is_quantity_or_date_trigger_ascii`].
    pub(crate) fn ascii(self, word: &str) -> bool {
        self.may_be(word.as_bytes()) && word.len() <= 12 && self.words.contains_ascii_lower(word)
    }
}

/// Date modifiers and deictic words: the words other than numbers that can start a DATE.
const DATE_WORDS: &[&str] = &[
    "late",
    "early",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "mid",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "predawn",
];

/// True when `word` (any case) is a word that can start a DATE (`late`, `yesterday`, `two`
/// in `two weeks`): a date modifier, a deictic word, or a number word other than `a`/`an`.
/// Month and weekday names are not asked here (they are capitalised, and looked up apart).
#[must_use]
pub fn is_date_trigger(word: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| {
        WordSet::new(
            DATE_WORDS.iter().copied().chain(
                NUMBER_WORDS
                    .iter()
                    .map(|(w, _)| *w)
                    .filter(|w| !matches!(*w, "a" | "an")),
            ),
        )
    })
    .contains_lower(word)
}

/// The lowercase words of [`is_quantity_or_date_trigger`].
fn trigger_list() -> impl Iterator<Item = &'static str> {
    DATE_WORDS
        .iter()
        .copied()
        .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
        .chain(VAGUE_MAGNITUDES.iter().copied())
        .chain(APPROXIMATORS.iter().filter_map(|w| w.split(' ').next()))
}

/// The set of [`trigger_list`].
fn trigger_words() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| WordSet::new(trigger_list()))
}

/// True when `word` (exact case) is a capitalised function word.
#[must_use]
pub fn is_function_word(word: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| WordSet::new(FUNCTION_WORDS.iter().copied()))
        .contains(word)
}

/// The words of [`ends_a_title`].
fn title_ends() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| {
        WordSet::new(
            TITLES
                .iter()
                .filter_map(|t| t.rsplit([' ', '-']).next())
                .chain(TITLES.iter().copied()),
        )
    })
}

/// True when `lower` (lowercase, dots removed) is the last word of some title.
#[must_use]
pub fn ends_a_title(lower: &str) -> bool {
    title_ends().contains(lower)
}

/// [`ends_a_title`] of an ASCII word in any case, lowercased as [`with_lower`] does (most
/// words are turned away before they are lowercased).
#[must_use]
pub fn ends_a_title_ascii(word: &str) -> bool {
    title_ends().contains_ascii_lower(word)
}

/// True when `lower` (lowercase, dots removed, words joined by one space) is a title.
#[must_use]
pub fn is_title_phrase(lower: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| WordSet::new(TITLES.iter().map(|t| t.to_lowercase())))
        .contains(lower)
}

/// The group entry of `word` (exact case), if it is a nationality, ethnic or religious word.
#[must_use]
pub fn group(word: &str) -> Option<&'static GroupEntry> {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    let filter = CELL.get_or_init(|| WordSet::new(groups().keys().copied()));
    if filter.may_contain(word) {
        groups().get(word)
    } else {
        None
    }
}

/// Defines a membership test over static word lists, exact case.
macro_rules! word_test {
    ($(#[$doc:meta])* $name:ident: $($list:expr),+) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(word: &str) -> bool {
            static CELL: OnceLock<WordSet> = OnceLock::new();
            CELL.get_or_init(|| WordSet::new([$($list),+].into_iter().flatten().copied()))
                .contains(word)
        }
    };
}

word_test!(
    /// True when `word` is one of [`ORG_HEADS`].
    is_org_head: ORG_HEADS
);
word_test!(
    /// True when `word` is one of [`PLACE_HEADS`].
    is_place_head: PLACE_HEADS
);
word_test!(
    /// True when `word` is one of [`NOT_PERSON_HEADS`].
    is_not_person_head: NOT_PERSON_HEADS
);
word_test!(
    /// True when `word` is one of [`PLACE_NOUNS_AFTER`].
    is_place_noun_after: PLACE_NOUNS_AFTER
);
word_test!(
    /// True when `word` is one of [`PLACE_NOUNS_BEFORE_OF`].
    is_place_noun_before_of: PLACE_NOUNS_BEFORE_OF
);
word_test!(
    /// True when `word` is one of [`PLACE_PREPOSITIONS`].
    is_place_preposition: PLACE_PREPOSITIONS
);
word_test!(
    /// True when `word` is one of [`FORCE_NOUNS`].
    is_force_noun: FORCE_NOUNS
);
word_test!(
    /// True when `word` is one of [`OUTLET_VERBS`].
    is_outlet_verb: OUTLET_VERBS
);
word_test!(
    /// True when `word` is one of [`SPEECH_VERBS`].
    is_speech_verb: SPEECH_VERBS
);
word_test!(
    /// True when `word` is one of [`NAME_PARTICLES`].
    is_name_particle: NAME_PARTICLES
);
word_test!(
    /// True when `word` is one of [`NOT_ACRONYMS`].
    is_not_acronym: NOT_ACRONYMS
);

/// True when `word` (as written: `Viktor`) is a given name of `lexicon/given_names.txt`: the
/// names of Jörg Michael's nam_dict.txt that are at least uncommon in some country
/// (scripts/data/build_given_names.py; GNU FDL 1.2).
///
/// ```
/// use newslens::engine::lexicon::is_given_name;
/// assert!(is_given_name("Viktor") && is_given_name("Stéphane"));
/// assert!(!is_given_name("viktor") && !is_given_name("Kirkuk"));
/// ```
#[must_use]
pub fn is_given_name(word: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| {
        WordSet::new(
            include_str!("lexicon/given_names.txt")
                .lines()
                .filter(|l| !l.starts_with('#')),
        )
    })
    .contains(word)
}
