//! Place-name lookup for the recogniser: the one door through which recognition asks
//! "is this surface a known place?", backed by the GeoNames gazetteer
//! ([`super::gazetteer`]).
//!
//! By default the compiled-in core table is used (countries, first-level divisions, large
//! cities). A caller that has the full table (the native command line, or the browser once it
//! has fetched it) installs it once with [`install`]; later tagging then also knows towns.

use super::fxhash::FxHashMap;
use super::gazetteer::{Gazetteer, MatchKind, Place, PlaceIndex, PlaceKind};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The gazetteer installed with [`install`], if any.
static INSTALLED: OnceLock<&'static Gazetteer> = OnceLock::new();

/// Makes tagging use `g` instead of the core table. Only the first call has an effect;
/// returns whether it did.
pub fn install(g: &'static Gazetteer) -> bool {
    INSTALLED.set(g).is_ok()
}

/// The gazetteer tagging uses now.
#[must_use]
pub fn gazetteer() -> &'static Gazetteer {
    INSTALLED.get().copied().unwrap_or_else(Gazetteer::core)
}

/// A known place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceHit {
    /// The place's canonical name (`United States` for `U.S.`).
    pub canonical: String,
    /// Its kind: `country`, `region`, `province`, `city`, `town`, `district`, `facility`.
    pub kind: String,
    /// Its gazetteer id, e.g. `geonames:94787` (empty when not from the gazetteer).
    pub id: String,
    /// True when the surface is one of the place's names letter for letter; false for a
    /// transliteration-folded match (`Tuz Khormato` for Tuz Khurmatu).
    pub exact: bool,
    /// True for a country, a first-level division or a city: names prominent enough to trust
    /// anywhere; towns, districts and facilities want more evidence.
    pub prominent: bool,
}

/// Looks `surface` up as a place name (case-aware; dots ignored for `U.S.`), best record first.
///
/// ```
/// use newslens::engine::toponyms::lookup;
/// let us = lookup("U.S.").unwrap();
/// assert_eq!((us.canonical.as_str(), us.kind.as_str()), ("United States", "country"));
/// assert!(lookup("Tuesday").is_none());
/// ```
#[must_use]
pub fn lookup(surface: &str) -> Option<PlaceHit> {
    find(surface).map(Hit::to_place_hit)
}

/// A known place as the recogniser sees it: the best record of a surface, borrowed from the
/// gazetteer in use (no allocation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Hit {
    /// The record.
    pub place: &'static Place,
    /// See [`PlaceHit::exact`].
    pub exact: bool,
}

impl Hit {
    /// See [`PlaceHit::prominent`].
    pub fn prominent(self) -> bool {
        matches!(
            self.place.kind,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::Province | PlaceKind::City
        )
    }

    /// The owned form of the public API.
    pub fn to_place_hit(self) -> PlaceHit {
        PlaceHit {
            canonical: self.place.name.clone(),
            kind: self.place.kind.as_str().to_string(),
            id: self.place.id.to_string(),
            exact: self.exact,
            prominent: self.prominent(),
        }
    }
}

/// For a first-level division that `surface` names by its bare name ("Kirkuk" for Kirkuk
/// Governorate, "X" for "X Province"), when the gazetteer in use lists no towns (the core
/// table, before the full one arrives): that bare name, which is just as likely the town the
/// division is named after. `None` otherwise, and always with a table that lists towns (there
/// a town of that name would have been found first).
pub(crate) fn bare_division_name(hit: Hit, surface: &str) -> Option<&'static str> {
    let p = hit.place;
    let ty = p.division_type.as_str();
    if !p.kind.is_division() || !matches!(ty, "Governorate" | "Province") {
        return None;
    }
    let last = surface.rsplit(' ').next().unwrap_or(surface);
    if last.eq_ignore_ascii_case(ty) || lists_towns(gazetteer()) {
        return None;
    }
    p.name.strip_suffix(ty)?.strip_suffix(' ')
}

/// True when `g` has town records (the full table does, the core table does not).
fn lists_towns(g: &'static Gazetteer) -> bool {
    thread_local! {
        static SEEN: std::cell::Cell<(usize, bool)> = const { std::cell::Cell::new((0, false)) };
    }
    let who = std::ptr::from_ref::<Gazetteer>(g) as usize;
    let (seen, towns) = SEEN.with(std::cell::Cell::get);
    if seen == who {
        return towns;
    }
    let towns = g.places().iter().any(|p| p.kind == PlaceKind::Town);
    SEEN.with(|c| c.set((who, towns)));
    towns
}

/// The first-level division of `place`'s country whose ISO 3166-2 code ends in `code`
/// (`CA` for a city of the United States: California), if any.
pub(crate) fn division_by_code(place: &Place, code: &str) -> Option<Hit> {
    let g = gazetteer();
    let full = format!("{}-{code}", place.country_code);
    g.by_code(&full)
        .filter(|d| d.kind.is_division())
        .map(|d| Hit {
            place: d,
            exact: true,
        })
}

/// Remembered answers of [`find`]: surface → best record's index and whether it matched
/// exactly.
type Memo = FxHashMap<Box<str>, Option<(PlaceIndex, bool)>>;

/// [`lookup`] without allocating: the best record of `surface`, if any.
pub(crate) fn find(surface: &str) -> Option<Hit> {
    // Articles repeat their names: remember recent answers (bounded, per thread). The memo
    // holds record indexes of the gazetteer it was filled from.
    thread_local! {
        static MEMO: RefCell<(usize, Memo)> = RefCell::new((0, FxHashMap::default()));
    }
    let g = gazetteer();
    let who = std::ptr::from_ref::<Gazetteer>(g) as usize;
    let to_hit = |(i, exact): (PlaceIndex, bool)| g.place(i).map(|place| Hit { place, exact });
    let memo = MEMO.with(|m| {
        let m = m.try_borrow().ok()?;
        if m.0 == who {
            m.1.get(surface).copied()
        } else {
            None
        }
    });
    if let Some(hit) = memo {
        return hit.and_then(to_hit);
    }
    let hit = find_uncached(g, surface);
    MEMO.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.0 != who || m.1.len() > 50_000 {
                m.1.clear();
                m.0 = who;
            }
            m.1.insert(surface.into(), hit);
        }
    });
    hit.and_then(to_hit)
}

/// [`find`] without the memo: the best record's index and whether it matched exactly.
fn find_uncached(g: &Gazetteer, surface: &str) -> Option<(PlaceIndex, bool)> {
    let first = surface.split(' ').next().unwrap_or("");
    if !g.could_start(first) {
        return None;
    }
    g.lookup(surface)
        .into_iter()
        .next()
        .map(|c| (c.index, c.how == MatchKind::Exact))
}

/// Like [`lookup`], but only a first-level division of that name (`Kirkuk` → Kirkuk
/// Governorate), for text that points to the province ("the province of Kirkuk").
#[must_use]
pub fn lookup_division(surface: &str) -> Option<PlaceHit> {
    let g = gazetteer();
    g.lookup(surface)
        .into_iter()
        .find(|c| matches!(c.place.kind, PlaceKind::Region | PlaceKind::Province))
        .map(|c| {
            Hit {
                place: c.place,
                exact: c.how == MatchKind::Exact,
            }
            .to_place_hit()
        })
}
