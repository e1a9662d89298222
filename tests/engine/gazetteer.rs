//! The gazetteer: parsing, exact and transliteration-aware lookup, token-sequence matching.

use newslens::engine::gazetteer::fold::fold;
use newslens::engine::gazetteer::{Gazetteer, MatchKind, PlaceKind};

struct Case {
    name: &'static str,
    surface: &'static str,
    /// Expected best candidate's name, or `None` for no candidate at all.
    expected: Option<&'static str>,
}

const LOOKUPS: &[Case] = &[
    Case {
        name: "country",
        surface: "Iraq",
        expected: Some("Iraq"),
    },
    Case {
        name: "country initialism",
        surface: "US",
        expected: Some("United States"),
    },
    Case {
        name: "dotted initialism",
        surface: "U.S.",
        expected: Some("United States"),
    },
    Case {
        name: "official name",
        surface: "United States of America",
        expected: Some("United States"),
    },
    Case {
        name: "case-aware: us is a pronoun",
        surface: "us",
        expected: None,
    },
    Case {
        name: "case-aware: Us is a pronoun",
        surface: "Us",
        expected: None,
    },
    Case {
        name: "UK",
        surface: "UK",
        expected: Some("United Kingdom"),
    },
    Case {
        name: "pycountry name",
        surface: "Türkiye",
        expected: Some("Turkey"),
    },
    Case {
        name: "city over its governorate",
        surface: "Kirkuk",
        expected: Some("Kirkuk"),
    },
    Case {
        name: "capital",
        surface: "Baghdad",
        expected: Some("Baghdad"),
    },
    Case {
        name: "division with suffix",
        surface: "Kirkuk Governorate",
        expected: Some("Kirkuk Governorate"),
    },
    Case {
        name: "division English name",
        surface: "Saladin",
        expected: Some("Saladin Governorate"),
    },
    Case {
        name: "division ISO name",
        surface: "Salah ad Din",
        expected: Some("Saladin Governorate"),
    },
    Case {
        name: "region",
        surface: "Kurdistan",
        expected: Some("Kurdistan Region"),
    },
    Case {
        name: "region with suffix",
        surface: "Kurdistan Region",
        expected: Some("Kurdistan Region"),
    },
    Case {
        name: "Erbil",
        surface: "Erbil",
        expected: Some("Erbil"),
    },
    Case {
        name: "Irbil",
        surface: "Irbil",
        expected: Some("Erbil"),
    },
    Case {
        name: "Arbil",
        surface: "Arbil",
        expected: Some("Erbil"),
    },
    Case {
        name: "Sulaimaniya",
        surface: "Sulaimaniya",
        expected: Some("Sulaymaniyah"),
    },
    Case {
        name: "Sulaymaniyah",
        surface: "Sulaymaniyah",
        expected: Some("Sulaymaniyah"),
    },
    Case {
        name: "Suleimaniyah",
        surface: "Suleimaniyah",
        expected: Some("Sulaymaniyah"),
    },
    Case {
        name: "Tuz Khormato",
        surface: "Tuz Khormato",
        expected: Some("Tuz Khurmatu"),
    },
    Case {
        name: "Tuz Khurmatu",
        surface: "Tuz Khurmatu",
        expected: Some("Tuz Khurmatu"),
    },
    Case {
        name: "Taza Khormatu",
        surface: "Taza Khormatu",
        expected: Some("Taza Khurmatu"),
    },
    Case {
        name: "Tazah Khurmatu",
        surface: "Tazah Khurmatu",
        expected: Some("Taza Khurmatu"),
    },
    Case {
        name: "diacritics",
        surface: "Ţūz Khūrmātū",
        expected: Some("Tuz Khurmatu"),
    },
    Case {
        name: "al- prefix",
        surface: "al-Sulaymaniyah",
        expected: Some("Sulaymaniyah"),
    },
    Case {
        name: "Al prefix",
        surface: "Al Anbar",
        expected: Some("Anbar Governorate"),
    },
    Case {
        name: "common word",
        surface: "Tuesday",
        expected: None,
    },
    Case {
        name: "empty",
        surface: "",
        expected: None,
    },
];

#[test]
fn lookups() {
    let g = Gazetteer::full();
    for c in LOOKUPS {
        let got = g.lookup(c.surface);
        let best = got.first().map(|c| c.place.name.as_str());
        assert_eq!(
            best,
            c.expected,
            "{}: {:?} → {:?}",
            c.name,
            c.surface,
            got.first()
        );
    }
}

#[test]
fn the_two_khurmatus_stay_different() {
    let g = Gazetteer::full();
    let tuz = g.lookup("Tuz Khormato");
    let taza = g.lookup("Taza Khormatu");
    assert_ne!(tuz[0].place.id, taza[0].place.id);
    assert!(tuz.iter().all(|c| c.place.name != "Taza Khurmatu"));
    assert!(taza.iter().all(|c| c.place.name != "Tuz Khurmatu"));
    assert_ne!(fold("Tuz Khormato"), fold("Taza Khormatu"));
    assert_eq!(tuz[0].place.admin1.as_deref(), Some("Saladin Governorate"));
    assert_eq!(taza[0].place.admin1.as_deref(), Some("Kirkuk Governorate"));
    assert_eq!(taza[0].place.id.to_string(), "geonames:90199");
    assert_eq!(taza[0].place.kind, PlaceKind::Town);
}

#[test]
fn fold_rules() {
    let same = [
        ("Tuz Khormato", "Tuz Khurmatu"),
        ("Sulaimaniya", "Sulaymaniyah"),
        ("Al Anbar", "Anbar"),
        ("al-Anbar", "Anbar"),
        ("Qirkuk", "Kirkuk"),
        ("Kirkouk", "Kirkuk"),
        ("Mosul", "Mossul"),
        ("Tazah", "Taza"),
    ];
    for (a, b) in same {
        assert_eq!(fold(a), fold(b), "{a} ≈ {b}");
    }
    let different = [("Tuz", "Taza"), ("Erbil", "Arbil"), ("Basra", "Busra")];
    for (a, b) in different {
        assert_ne!(fold(a), fold(b), "{a} ≠ {b}");
    }
    assert_eq!(fold("كركوك"), "");
}

#[test]
fn exact_before_folded() {
    let g = Gazetteer::full();
    let c = g.lookup("Kirkuk");
    assert_eq!(c[0].how, MatchKind::Exact);
    assert!(c.iter().any(|c| c.place.name == "Kirkuk Governorate"));
    let c = g.lookup("Tuz Khormato");
    assert_eq!(c[0].how, MatchKind::Folded);
}

#[test]
fn match_words_takes_the_longest_name() {
    let g = Gazetteer::full();
    let m = g.match_words(&["Tuz", "Khormato", "on", "Monday"]).unwrap();
    assert_eq!(
        (m.words, m.candidates[0].place.name.as_str()),
        (2, "Tuz Khurmatu")
    );
    let m = g.match_words(&["Kurdistan", "Region", "held"]).unwrap();
    assert_eq!(
        (m.words, m.candidates[0].place.name.as_str()),
        (2, "Kurdistan Region")
    );
    let m = g.match_words(&["Kirkuk", "Governorate"]).unwrap();
    assert_eq!(m.words, 2);
    assert!(g.match_words(&["the", "city"]).is_none());
    assert!(g.match_words(&[]).is_none());
    assert!(g.could_start("Tuz"));
    assert!(!g.could_start("said"));
}

#[test]
fn core_has_countries_divisions_and_big_cities() {
    let g = Gazetteer::core();
    assert!(g.places().len() > 2500);
    assert_eq!(g.lookup("Baghdad")[0].place.kind, PlaceKind::City);
    assert_eq!(g.lookup("Kirkuk")[0].place.name, "Kirkuk Governorate");
    assert_eq!(g.lookup("Iran")[0].place.kind, PlaceKind::Country);
    assert!(g.attribution().contains("GeoNames"));
    assert!(g.attribution().contains("CC BY 4.0"));
}

#[test]
fn parents() {
    let g = Gazetteer::full();
    let p = |s: &str| g.lookup(s)[0].place.clone();
    assert_eq!(p("Kirkuk").parent(), Some("Kirkuk Governorate"));
    assert_eq!(p("Baghdad").parent(), Some("Baghdad Governorate"));
    assert_eq!(p("Iraq").parent(), None);
    assert_eq!(p("Kirkuk Governorate").parent(), None);
    assert_eq!(p("Kirkuk Governorate").container(), Some("Iraq"));
    assert_eq!(p("Kurdistan Region").container(), Some("Iraq"));
    assert_eq!(
        p("Erbil Governorate").admin1.as_deref(),
        Some("Kurdistan Region")
    );
    assert_eq!(p("Tuz Khurmatu").country, "Iraq");
}

#[test]
fn parse_errors_name_the_line() {
    let bad = "# header\nC\t1\tXX\tNowhere\tnorth\t0\t0\t\n";
    let e = Gazetteer::parse(bad).unwrap_err();
    assert_eq!(e.line(), 2);
    assert!(e.to_string().contains("latitude"), "{e}");
    assert!(Gazetteer::parse("Z\tx\n").is_err());
    assert!(Gazetteer::parse("P\t1\tX\n").is_err());
    assert!(Gazetteer::parse("C\t1\tXX\tN\t91\t0\t0\t\n").is_err());
    let ok = Gazetteer::parse("C\t1\tXX\tNowhere\t1\t2\t3\tNW|N.W.\n").unwrap();
    assert_eq!(ok.lookup("N.W.")[0].place.name, "Nowhere");
    assert!(Gazetteer::parse("").unwrap().places().is_empty());
}

#[test]
fn place_id_forms() {
    use newslens::engine::gazetteer::PlaceId;
    let ids = [
        (PlaceId::GeoNames(0), "geonames:0"),
        (PlaceId::GeoNames(94787), "geonames:94787"),
        (PlaceId::GeoNames(u32::MAX), "geonames:4294967295"),
        (PlaceId::Iso3166_2("IQ-KI".into()), "iso3166-2:IQ-KI"),
        (PlaceId::Admin1("PL.78".into()), "geonames-admin1:PL.78"),
    ];
    for (id, want) in ids {
        assert_eq!(id.to_string(), want);
        let mut s = String::from("x ");
        id.push_to(&mut s);
        assert_eq!(s, format!("x {want}"));
    }
}

/// A country sits at its centre of population, inside its main territory: the mean of its
/// subdivisions' positions once put the United States in Kentucky (overseas states and
/// territories pulling it east) and France in Spain.
#[test]
fn countries_sit_inside_their_main_territory() {
    // (country, south, north, west, east): around the centre of population of its contiguous
    // or metropolitan part (the United States': Missouri).
    let boxes = [
        ("United States", 36.0, 41.0, -95.0, -89.0),
        ("France", 44.5, 48.5, 0.0, 5.0),
        ("Russia", 50.0, 60.0, 35.0, 65.0),
        ("Iraq", 32.0, 35.0, 43.0, 46.0),
        ("Fiji", -19.5, -16.0, 177.0, 180.0),
    ];
    for g in [Gazetteer::core(), Gazetteer::full()] {
        for (name, south, north, west, east) in boxes {
            let p = &g.lookup(name)[0].place;
            assert_eq!(p.kind, PlaceKind::Country, "{name}");
            assert!(
                (south..=north).contains(&p.lat) && (west..=east).contains(&p.lon),
                "{name} at {}, {}",
                p.lat,
                p.lon
            );
        }
    }
}
