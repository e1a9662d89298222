//! Great-circle distance and compass direction between two points on the Earth.

use crate::engine::float_math::{asin, atan2, cos, degrees_0_360, sin};
use crate::engine::gazetteer::Place;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Mean Earth radius in kilometres (IUGG), the radius of the haversine formula.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Kilometres in one statute mile.
pub const KM_PER_MILE: f64 = 1.609_344;

/// A point in degrees: latitude, longitude.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LatLon {
    /// Latitude in degrees, −90..=90.
    pub lat: f64,
    /// Longitude in degrees, −180..=180.
    pub lon: f64,
}

impl LatLon {
    /// A point from degrees.
    #[must_use]
    pub fn new(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }
}

impl From<&Place> for LatLon {
    /// A gazetteer record's coordinates.
    fn from(p: &Place) -> LatLon {
        LatLon::new(p.lat, p.lon)
    }
}

/// Great-circle (haversine) distance in kilometres.
///
/// ```
/// use newslens::engine::places::geo::{distance_km, LatLon};
/// let kirkuk = LatLon::new(35.46806, 44.39222);
/// let baghdad = LatLon::new(33.34058, 44.40088);
/// assert!((distance_km(kirkuk, baghdad) - 236.5).abs() < 1.0);
/// ```
#[must_use]
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = sin(dp / 2.0).powi(2) + cos(p1) * cos(p2) * sin(dl / 2.0).powi(2);
    2.0 * EARTH_RADIUS_KM * asin(h.sqrt().min(1.0))
}

/// True when `a` and `b` are certainly more than `km` apart, judged by their latitudes alone:
/// the great-circle distance is never less than the arc between the two parallels. A cheap
/// test before [`distance_km`]; `false` says nothing.
///
/// ```
/// use newslens::engine::places::geo::{apart_by_latitude, LatLon};
/// let (kirkuk, baghdad) = (LatLon::new(35.46806, 44.39222), LatLon::new(33.34058, 44.40088));
/// assert!(apart_by_latitude(kirkuk, baghdad, 200.0)); // 236 km along a meridian
/// assert!(!apart_by_latitude(kirkuk, baghdad, 300.0));
/// ```
#[must_use]
pub fn apart_by_latitude(a: LatLon, b: LatLon, km: f64) -> bool {
    // One kilometre of slack for rounding: the bound must never claim a pair it should not.
    (b.lat - a.lat).abs().to_radians() * EARTH_RADIUS_KM > km + 1.0
}

/// Initial bearing from `from` to `to`, in degrees clockwise from north, 0..360.
#[must_use]
pub fn bearing_deg(from: LatLon, to: LatLon) -> f64 {
    let (p1, p2) = (from.lat.to_radians(), to.lat.to_radians());
    let dl = (to.lon - from.lon).to_radians();
    let y = sin(dl) * cos(p2);
    let x = cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl);
    degrees_0_360(atan2(y, x).to_degrees())
}

/// The 16 points of the compass, clockwise from north.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Compass {
    /// North, 0°.
    N,
    /// North-northeast, 22.5°.
    NNE,
    /// Northeast, 45°.
    NE,
    /// East-northeast, 67.5°.
    ENE,
    /// East, 90°.
    E,
    /// East-southeast, 112.5°.
    ESE,
    /// Southeast, 135°.
    SE,
    /// South-southeast, 157.5°.
    SSE,
    /// South, 180°.
    S,
    /// South-southwest, 202.5°.
    SSW,
    /// Southwest, 225°.
    SW,
    /// West-southwest, 247.5°.
    WSW,
    /// West, 270°.
    W,
    /// West-northwest, 292.5°.
    WNW,
    /// Northwest, 315°.
    NW,
    /// North-northwest, 337.5°.
    NNW,
}

impl Compass {
    /// All 16 points, clockwise from north.
    pub const ALL: [Compass; 16] = [
        Compass::N,
        Compass::NNE,
        Compass::NE,
        Compass::ENE,
        Compass::E,
        Compass::ESE,
        Compass::SE,
        Compass::SSE,
        Compass::S,
        Compass::SSW,
        Compass::SW,
        Compass::WSW,
        Compass::W,
        Compass::WNW,
        Compass::NW,
        Compass::NNW,
    ];

    /// The point nearest to a bearing in degrees (any value; taken modulo 360).
    ///
    /// ```
    /// use newslens::engine::places::geo::Compass;
    /// assert_eq!(Compass::from_bearing(0.0), Compass::N);
    /// assert_eq!(Compass::from_bearing(160.0), Compass::SSE);
    /// assert_eq!(Compass::from_bearing(350.0), Compass::N);
    /// ```
    #[must_use]
    pub fn from_bearing(deg: f64) -> Compass {
        let d = degrees_0_360(deg);
        // Each point covers 22.5°, centred on its bearing.
        let i = ((d + 11.25) / 22.5) as usize % 16;
        Compass::ALL[i]
    }

    /// Its bearing in degrees.
    #[must_use]
    pub fn degrees(self) -> f64 {
        Compass::ALL.iter().position(|&c| c == self).unwrap_or(0) as f64 * 22.5
    }

    /// Its abbreviation, "N", "SSE", ….
    #[must_use]
    pub fn abbrev(self) -> &'static str {
        [
            "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
            "NW", "NNW",
        ][Compass::ALL.iter().position(|&c| c == self).unwrap_or(0)]
    }

    /// Parses a direction word as news text writes it: "north", "Northeast", "north-east",
    /// "south-southwest"; `None` for anything else.
    #[must_use]
    pub fn parse_word(word: &str) -> Option<Compass> {
        let w: String = word
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut abbrev = String::new();
        let mut rest = w.as_str();
        while !rest.is_empty() {
            let (letter, len) = [("n", "north"), ("s", "south"), ("e", "east"), ("w", "west")]
                .iter()
                .find(|(_, full)| rest.starts_with(full))
                .map(|(l, full)| (*l, full.len()))?;
            abbrev.push_str(&letter.to_ascii_uppercase());
            rest = &rest[len..];
        }
        Compass::ALL.into_iter().find(|c| c.abbrev() == abbrev)
    }

    /// Angular difference between two points in degrees, 0..=180.
    #[must_use]
    pub fn difference(self, other: Compass) -> f64 {
        angle_between(self.degrees(), other.degrees())
    }
}

impl fmt::Display for Compass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbrev())
    }
}

/// The smaller angle between two bearings in degrees, 0..=180.
#[must_use]
pub fn angle_between(a: f64, b: f64) -> f64 {
    let d = degrees_0_360(a - b);
    d.min(360.0 - d)
}

/// Where one point lies from another: distance and direction.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relative {
    /// Great-circle distance in kilometres.
    pub km: f64,
    /// Bearing from the reference to the point, degrees clockwise from north.
    pub bearing: f64,
    /// That bearing as one of 16 compass points.
    pub compass: Compass,
}

impl Relative {
    /// Where `point` lies as seen from `reference`.
    ///
    /// ```
    /// use newslens::engine::places::geo::{LatLon, Relative};
    /// let kirkuk = LatLon::new(35.46806, 44.39222);
    /// let tuz = LatLon::new(34.88808, 44.63256);
    /// let r = Relative::between(tuz, kirkuk);
    /// assert_eq!(format!("{r}"), "68 km SSE");
    /// ```
    #[must_use]
    pub fn between(point: LatLon, reference: LatLon) -> Relative {
        let bearing = bearing_deg(reference, point);
        Relative {
            km: distance_km(reference, point),
            bearing,
            compass: Compass::from_bearing(bearing),
        }
    }
}

impl fmt::Display for Relative {
    /// "68 km SSE" (append `" of <reference>"` in the sentence that uses it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.km < 0.5 {
            f.write_str("0 km")
        } else {
            write!(f, "{:.0} km {}", self.km, self.compass)
        }
    }
}
