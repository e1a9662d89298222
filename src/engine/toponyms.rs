//! Place-name lookup for the recogniser: the one door through which recognition asks
//! "is this surface a known place?".
//!
//! Backed by the generated country-and-capital table ([`super::lexicon::countries`]); the
//! GeoNames gazetteer plugs in here without the recogniser changing.

use super::lexicon;

/// A known place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceHit {
    /// The place's canonical name (`United States` for `U.S.`).
    pub canonical: String,
    /// Its kind: `country`, `city`, `region`, ….
    pub kind: String,
    /// Its gazetteer id, e.g. `geonames:99237`.
    pub id: String,
}

/// Looks `surface` up as a place name, case-sensitively; dots are ignored (`U.S.` = `US`).
///
/// ```
/// use newslens::engine::toponyms::lookup;
/// assert_eq!(lookup("U.S.").unwrap().canonical, "United States");
/// assert!(lookup("Tuesday").is_none());
/// ```
#[must_use]
pub fn lookup(surface: &str) -> Option<PlaceHit> {
    let table = lexicon::countries();
    let hit = table.get(surface).or_else(|| {
        if surface.contains('.') {
            let bare: String = surface.chars().filter(|&c| c != '.').collect();
            table.get(bare.as_str())
        } else {
            None
        }
    })?;
    Some(PlaceHit {
        canonical: hit.canonical.to_string(),
        kind: hit.kind.to_string(),
        id: hit.id.to_string(),
    })
}
