//! Place-name lookup for the recogniser: the one door through which recognition asks
//! "is this surface a known place?", backed by the GeoNames gazetteer
//! ([`super::gazetteer`]).
//!
//! By default the compiled-in core table is used (countries, first-level divisions, large
//! cities). A caller that has the full table (the native command line, or the browser once it
//! has fetched it) installs it once with [`install`]; later tagging then also knows towns.

use super::fxhash::FxHashMap;
use super::gazetteer::{Candidate, Gazetteer, MatchKind, PlaceKind};
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
    // Articles repeat their names: remember recent answers (bounded, per thread).
    thread_local! {
        static MEMO: RefCell<(usize, FxHashMap<String, Option<PlaceHit>>)> = RefCell::new((0, FxHashMap::default()));
    }
    let installed = INSTALLED
        .get()
        .map_or(0, |g| std::ptr::from_ref::<Gazetteer>(g) as usize);
    if let Some(hit) = MEMO.with(|m| {
        let m = m.borrow();
        if m.0 == installed {
            m.1.get(surface).cloned()
        } else {
            None
        }
    }) {
        return hit;
    }
    let hit = lookup_uncached(surface);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.0 != installed || m.1.len() > 50_000 {
            m.1.clear();
            m.0 = installed;
        }
        m.1.insert(surface.to_string(), hit.clone());
    });
    hit
}

/// [`lookup`] without the memo.
fn lookup_uncached(surface: &str) -> Option<PlaceHit> {
    let g = gazetteer();
    let first = surface.split(' ').next().unwrap_or("");
    if !g.could_start(first) {
        return None;
    }
    g.lookup(surface).into_iter().next().map(hit)
}

/// The hit a gazetteer candidate makes.
fn hit(c: Candidate<'_>) -> PlaceHit {
    let p = c.place;
    PlaceHit {
        canonical: p.name.clone(),
        kind: p.kind.as_str().to_string(),
        id: p.id.to_string(),
        exact: c.how == MatchKind::Exact,
        prominent: matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::Province | PlaceKind::City
        ),
    }
}

/// Like [`lookup`], but only a first-level division of that name (`Kirkuk` → Kirkuk
/// Governorate), for text that points to the province ("the province of Kirkuk").
#[must_use]
pub fn lookup_division(surface: &str) -> Option<PlaceHit> {
    let g = gazetteer();
    g.lookup(surface)
        .into_iter()
        .find(|c| matches!(c.place.kind, PlaceKind::Region | PlaceKind::Province))
        .map(hit)
}
