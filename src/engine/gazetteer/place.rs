//! One gazetteer record: a country, a first-level division, a city or a town.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of place a record is.
///
/// The contract's `kind` strings are [`PlaceKind::as_str`]: `country`, `region`, `province`,
/// `city`, `town`, `district`, `facility`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign country or dependent territory (ISO 3166-1).
    Country,
    /// A region that groups first-level divisions, or a first-level division whose type is
    /// "Region" (the Kurdistan Region).
    Region,
    /// A first-level division: governorate, province, state, emirate… (the local word is in
    /// [`Place::division_type`]).
    Province,
    /// A populated place of at least [`CITY_MIN_POPULATION`] inhabitants.
    City,
    /// A smaller populated place.
    Town,
    /// A district (second-level division); the gazetteer has none, the resolver may use it.
    District,
    /// A facility: an air base, an airport, a dam; the gazetteer has none yet.
    Facility,
}

/// Populated places with at least this many inhabitants are [`PlaceKind::City`], the others
/// [`PlaceKind::Town`].
pub const CITY_MIN_POPULATION: u64 = 200_000;

impl PlaceKind {
    /// The contract's lowercase name of the kind.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::Province => "province",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::District => "district",
            PlaceKind::Facility => "facility",
        }
    }

    /// True for [`PlaceKind::Region`] and [`PlaceKind::Province`]: the records that may be a
    /// place's first-level parent.
    #[must_use]
    pub fn is_division(self) -> bool {
        matches!(self, PlaceKind::Region | PlaceKind::Province)
    }

    /// True for cities and towns.
    #[must_use]
    pub fn is_settlement(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Town)
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable identity of a record in its source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceId {
    /// A GeoNames feature id (countries, cities, towns).
    GeoNames(u32),
    /// An ISO 3166-2 subdivision code such as `IQ-KI`.
    Iso3166_2(String),
    /// A GeoNames admin1 code with no ISO 3166-2 counterpart, as `CC.code` (`PL.78`).
    Admin1(String),
}

impl fmt::Display for PlaceId {
    /// `geonames:94787`, `iso3166-2:IQ-KI` or `geonames-admin1:PL.78`: the contract's
    /// `gazetteer_id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(24);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

impl PlaceId {
    /// Appends the [`fmt::Display`] form to `out`, without the formatting machinery (the
    /// recogniser writes one per place it finds).
    pub fn push_to(&self, out: &mut String) {
        match self {
            PlaceId::GeoNames(n) => {
                out.push_str("geonames:");
                let mut digits = [0u8; 10];
                let mut i = digits.len();
                let mut n = *n;
                loop {
                    i -= 1;
                    digits[i] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                out.extend(digits[i..].iter().map(|&d| char::from(d)));
            }
            PlaceId::Iso3166_2(c) => {
                out.push_str("iso3166-2:");
                out.push_str(c);
            }
            PlaceId::Admin1(c) => {
                out.push_str("geonames-admin1:");
                out.push_str(c);
            }
        }
    }
}

impl Serialize for PlaceId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One gazetteer record.
///
/// Invariant: `lat` is in −90..=90 and `lon` in −180..=180 (checked when parsed);
/// `country_code` is an ISO 3166-1 alpha-2 code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// Its identity in the source data.
    pub id: PlaceId,
    /// Its English name, the canonical of mentions resolved to it: "Tuz Khurmatu",
    /// "Kirkuk Governorate", "United States".
    pub name: String,
    /// Country, division, city or town.
    pub kind: PlaceKind,
    /// For a division, the local word for it ("Governorate", "State", "Region"); else empty.
    pub division_type: String,
    /// Latitude in degrees (a division's or country's is a representative point).
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of its country (its own for a country).
    pub country_code: String,
    /// English name of its country (its own name for a country).
    pub country: String,
    /// Code of the first-level division containing it (`IQ-KI`), for cities and towns, and
    /// for a division the region containing it (`IQ-KR` for Erbil Governorate).
    pub admin1_code: Option<String>,
    /// Name of that division ("Kirkuk Governorate"), when the gazetteer knows it.
    pub admin1: Option<String>,
    /// Inhabitants (0 when unknown; divisions have none in the data).
    pub population: u64,
    /// Other names it is known by (Latin script; its own name is not repeated).
    pub alternates: Vec<String>,
}

impl Place {
    /// The contract's `parent`: the first-level division of a city or town; `None` for a
    /// country or a division itself.
    #[must_use]
    pub fn parent(&self) -> Option<&str> {
        if self.kind.is_division() || self.kind == PlaceKind::Country {
            None
        } else {
            self.admin1.as_deref()
        }
    }

    /// The real-world unit that directly contains it: its first-level division when known,
    /// else its country; `None` for a country. (The gold annotations' `parent`.)
    #[must_use]
    pub fn container(&self) -> Option<&str> {
        match self.kind {
            PlaceKind::Country => None,
            k if k.is_division() => Some(&self.country),
            _ => self.admin1.as_deref().or(Some(&self.country)),
        }
    }
}
