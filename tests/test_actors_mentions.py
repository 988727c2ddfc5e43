"""Tests of actor mentions: countries, agents, titles, IGOs, coreference, the seed article."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors import Mention, find_mentions, resolve

SEED = Path("/work/shared/examples/seed-article.txt")


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _codes(nlp: Language, text: str, date: str | None = "2024-10-30") -> dict[str, str]:
    doc = nlp(text)
    return {m.actor.text: m.actor.code for m in find_mentions(doc, date)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea", "PRK"),
        ("the DPRK", "PRK"),
        ("South Korea", "KOR"),
        ("the ROK", "KOR"),
        ("the US", "USA"),
        ("the UK", "GBR"),
        ("Britain", "GBR"),
        ("Côte d'Ivoire", "CIV"),
        ("Türkiye", "TUR"),
        ("Palestine", "PSE"),
        ("the Holy See", "VAT"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Ukrainians", "UKR"),
    ],
)
def test_actors_resolve_country_names(text: str, code: str) -> None:
    """Country names, short forms and demonyms resolve to ISO-3 codes."""
    actor = resolve(text)
    assert actor is not None and actor.code == code and actor.country == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Moscow", "RUSGOV"),
        ("the Kremlin", "RUSGOV"),
        ("Pyongyang", "PRKGOV"),
        ("Seoul", "KORGOV"),
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("Beijing", "CHNGOV"),
        ("Washington", "USAGOV"),
        ("the White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("Whitehall", "GBRGOV"),
        ("the Elysee", "FRAGOV"),
        ("Tehran", "IRNGOV"),
        ("Jerusalem", "ISRGOV"),
    ],
)
def test_actors_resolve_capital_metonyms(text: str, code: str) -> None:
    """Capitals and seats of power stand for the government (the Pentagon for the military)."""
    actor = resolve(text)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ukrainian military intelligence", "UKRSPY"),
        ("North Korean troops", "PRKMIL"),
        ("South Korean officials", "KORGOV"),
        ("Russian military bloggers", "RUSMED"),
        ("Russia's leader", "RUSGOV"),
        ("the army of Ukraine", "UKRMIL"),
        ("the U.S. military", "USAMIL"),
        ("U.K. officials", "GBRGOV"),
        ("officials in Seoul", "KORGOV"),
        ("officials from Moscow", "RUSGOV"),
        ("the Russian military", "RUSMIL"),
        ("Russian forces", "RUSMIL"),
        ("the Russian president", "RUSGOV"),
        ("the North Korean leader", "PRKGOV"),
        ("Chinese police", "CHNCOP"),
        ("Israeli settlers", "ISRSET"),
        ("troops", "---MIL"),
        ("rebels", "---REB"),
        ("the former Russian president", "RUSELI"),
        ("Turkish Kurds", "TURCVL"),
        ("Nigerian Christians", "NGACVL"),
        ("the Shiites", "---CVL"),
    ],
)
def test_actors_resolve_agents_with_countries(text: str, code: str) -> None:
    """A country (adjective, name's, of/in/from) and a generic agent give country+sector."""
    actor = resolve(text)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nato", "NATO"),
        ("NATO", "NATO"),
        ("the UN Security Council", "UNSC"),
        ("the Security Council", "UNSC"),
        ("the European Union", "EU"),
        ("the IAEA", "IAEA"),
        ("the Arab League", "AL"),
        ("the World Bank", "WB"),
        ("Nato's secretary-general", "NATO"),
        ("EU officials", "EU"),
    ],
)
def test_actors_resolve_igos(text: str, code: str) -> None:
    """IGO names and abbreviations resolve to their short code, with igo set."""
    actor = resolve(text)
    assert actor is not None and actor.code == code and actor.igo == code


@pytest.mark.parametrize("text", ["Brussels", "who", "the Korean War", "the Cold War", "us"])
def test_actors_resolve_not_actors(text: str) -> None:
    """Brussels, lower-case 'who'/'us' and wars named after countries are not actors."""
    assert resolve(text) is None


def test_actors_mentions_adjective_alone_is_no_actor(blank: Language) -> None:
    """An adjective without an agent ("the Russian lines", "the Korean Peninsula") is no mention."""
    codes = _codes(blank, "Units joined the Russian lines near the Korean Peninsula.")
    assert codes == {}


def test_actors_mentions_title_with_unknown_name(blank: Language) -> None:
    """A title with a country gives the code of a person the dictionaries do not know."""
    doc = blank("Ukraine's defence minister Ivan Testenko said on Monday that troops left.")
    ms = find_mentions(doc, "2024-10-30")
    first = ms[0]
    assert (first.actor.text, first.actor.code, first.kind) == (
        "Ukraine's defence minister Ivan Testenko",
        "UKRMIL",
        "ner",
    )
    assert first.actor.name == "Ivan Testenko"


def test_actors_mentions_offsets_and_sorted(blank: Language) -> None:
    """Mentions are sorted, non-overlapping, with character offsets into the text."""
    text = "On Monday the Pentagon said North Korean troops had reached Russia."
    doc = blank(text)
    ms = find_mentions(doc, "2024-10-30")
    assert [m.actor.code for m in ms] == ["USAMIL", "PRKMIL", "RUS"]
    for a, b in itertools.pairwise(ms):
        assert a.end <= b.start
    for m in ms:
        assert text[m.actor.start : m.actor.end] == m.actor.text
    assert doc[ms[1].head].text == "troops"


def test_actors_mentions_kim_after_kim_jong_un(blank: Language) -> None:
    """'Kim' refers back to Kim Jong Un, not to Kim Il Sung, when Kim Jong Un came first."""
    doc = blank("Kim Jong Un met Putin. Later Kim said the talks went well.")
    ms = find_mentions(doc, "2024-10-30")
    kim = next(m for m in ms if m.actor.text == "Kim")
    assert kim.kind == "coref" and kim.actor.name == "Kim Jong Un" and kim.actor.code == "PRKGOV"


def test_actors_mentions_kim_after_kim_il_sung_historic(blank: Language) -> None:
    """'Kim' after only Kim Il Sung, in a 1980 text, is Kim Il Sung."""
    doc = blank("Kim Il Sung spoke. Kim said the war was over.")
    ms = find_mentions(doc, "1980-01-01")
    kim = next(m for m in ms if m.actor.text == "Kim")
    assert kim.actor.name == "Kim Il Sung" and kim.actor.code == "PRKGOV"


def test_actors_mentions_pronoun_takes_antecedent(blank: Language) -> None:
    """'he' takes the actor of the most recent person, keeping its own offsets."""
    text = "Vladimir Putin arrived in Pyongyang. He praised the treaty."
    ms = find_mentions(blank(text), "2024-06-19")
    he = next(m for m in ms if m.actor.text == "He")
    assert he.kind == "coref" and he.actor.code == "RUSGOV" and he.actor.name == "Vladimir Putin"
    assert text[he.actor.start : he.actor.end] == "He"


def test_actors_mentions_pronoun_out_of_reach(blank: Language) -> None:
    """A pronoun three sentences after the last person stays unresolved."""
    text = "Putin spoke. It rained. Prices rose. Markets fell. He left."
    ms = find_mentions(blank(text), "2024-06-19")
    assert [m.actor.text for m in ms] == ["Putin"]


def test_actors_mentions_with_parse_head_is_root() -> None:
    """With a dependency parse the head is the span's root token."""
    nlp = spacy.blank("en")
    words = ["North", "Korean", "troops", "arrived", "."]
    heads = [1, 2, 3, 3, 3]
    deps = ["compound", "amod", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    (m,) = find_mentions(doc, "2024-10-30")
    assert (m.start, m.end, m.head, m.actor.code) == (0, 3, 2, "PRKMIL")


def test_actors_mentions_ner_person_kept() -> None:
    """A PERSON entity not in the dictionaries is kept as kind 'ner' with its name."""
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab, words=["Ivan", "Testenko", "spoke", "."], ents=["B-PERSON", "I-PERSON", "O", "O"]
    )
    (m,) = find_mentions(doc, None)
    assert (m.kind, m.actor.code, m.actor.name) == ("ner", "---", "Ivan Testenko")


def _seed() -> list[Mention]:
    return find_mentions(spacy.blank("en")(SEED.read_text(encoding="utf-8")), "2024-10-30")


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not mounted")
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea", "PRK"),
        ("Pentagon", "USAMIL"),
        ("Nato’s secretary-general Mark Rutte", "NATO"),
        ("Ukrainian military intelligence", "UKRSPY"),
        ("Russia’s leader, Vladimir Putin", "RUSGOV"),
        ("South Korea’s president Yoon Suk Yeol", "KORGOV"),
        ("Moscow", "RUSGOV"),
        ("Seoul", "KORGOV"),
        ("South Korean officials", "KORGOV"),
        ("Volodymyr Zelensky", "UKRGOV"),
        ("North Korea’s leader, Kim Jong Un", "PRKGOV"),
        ("Xi Jinping", "CHNGOV"),
        ("North Korean troops", "PRKMIL"),
        ("Russian military bloggers", "RUSMED"),
        ("UN Security Council", "UNSC"),
        ("Kim", "PRKGOV"),
    ],
)
def test_actors_mentions_seed_article(text: str, code: str) -> None:
    """The seed article's actors resolve as a human coder would on 2024-10-30."""
    found = {(m.actor.text, m.actor.code) for m in _seed()}
    assert (text, code) in found


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not mounted")
def test_actors_mentions_seed_no_war_actors() -> None:
    """'Korean War', 'Cold War' and 'Korean Peninsula' give no mentions in the seed article."""
    texts = " | ".join(m.actor.text for m in _seed())
    assert "Korean War" not in texts and "Cold War" not in texts and "Peninsula" not in texts


def test_actors_mentions_ner_place_not_actor() -> None:
    """An NER entity ending in a place or event word ("Korean Peninsula") is not an actor."""
    nlp = spacy.blank("en")
    words = ["the", "Korean", "Peninsula", "and", "Ivan", "Testenko"]
    ents = ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    assert [m.actor.text for m in find_mentions(doc, None)] == ["Ivan Testenko"]


def test_actors_mentions_title_then_surname(blank: Language) -> None:
    """A surname that needs an antecedent resolves after a title: "President Bush" in 2008."""
    ms = find_mentions(blank("President Bush met Putin."), "2008-08-01")
    assert (ms[0].actor.text, ms[0].actor.code, ms[0].actor.name) == (
        "President Bush",
        "USAGOV",
        "George W. Bush",
    )


@pytest.mark.parametrize(
    ("date", "name"),
    [("1999-11-15", "George W. Bush"), ("1994-03-01", "George H. W. Bush")],
)
def test_actors_mentions_title_then_surname_out_of_office(
    blank: Language, date: str, name: str
) -> None:
    """Between terms the title still decides: "President Bush" names the Bush whose presidency
    lies nearest the date, coded with that role (not an unresolved "President")."""
    ms = find_mentions(blank("President Bush met the delegation."), date)
    assert (ms[0].actor.text, ms[0].actor.code, ms[0].actor.name) == (
        "President Bush",
        "USAGOV",
        name,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan-led police arrived in Haiti.", {"Kenyan-led police": "KENCOP", "Haiti": "HTI"}),
        ("The French-led mission withdrew.", {"French-led": "FRA"}),
        ("Iranian-backed militias fired rockets.", {"militias": "---UAF"}),
    ],
)
def test_actors_mentions_led_by_a_country(
    blank: Language, text: str, expected: dict[str, str]
) -> None:
    """ "X-led" lends X to the actor it leads; "X-backed" does not (the backed are not X)."""
    assert _codes(blank, text) == expected


def test_actors_mentions_apposed_igo_title_beats_out_of_office(blank: Language) -> None:
    """ "X, the UN special rapporteur": an apposed IGO title (after ", the") is the person's
    role even when the dictionary has them out of office on the date."""
    ms = find_mentions(
        blank("Josep Borrell, the UN special rapporteur, visited Geneva."), "2010-01-01"
    )
    assert (ms[0].actor.text, ms[0].actor.code) == (
        "Josep Borrell, the UN special rapporteur",
        "UN",
    )


def test_actors_mentions_coordinated_nationalities_share_the_agent(blank: Language) -> None:
    """ "Turkish and Greek fishermen": both nationalities get the agent's sector."""
    assert _codes(blank, "Turkish and Greek diplomats met.") == {
        "Turkish": "TURGOV",
        "Greek diplomats": "GRCGOV",
    }
    # a country with no agent after the second stays a country
    assert _codes(blank, "Turkey and Greece met.") == {"Turkey": "TUR", "Greece": "GRC"}


def test_actors_mentions_country_or_igo_with_a_modifier_before_the_agent() -> None:
    """ "UN peacekeeping troops", "US special forces": one modifier may sit between a country or
    IGO and its agent, also when the tagger calls it a verb; a verb phrase may not."""
    from dyad.nlp import load

    nlp = load()
    codes = _codes(nlp, "The first contingent of NATO peacekeeping troops reached Kosovo.")
    assert codes == {"NATO peacekeeping troops": "NATO", "Kosovo": "XKX"}
    assert _codes(nlp, "US special forces raided a compound.") == {"US special forces": "USAMIL"}
    assert _codes(nlp, "Russia sends troops.") == {"Russia": "RUS", "troops": "---MIL"}
    # with a parse, two modifiers
    codes = _codes(nlp, "Ukraine's state nuclear company said the plant was safe.")
    assert codes == {"Ukraine's state nuclear company": "UKRBUS"}


def test_actors_mentions_case_rules(blank: Language) -> None:
    """Abbreviations need exact case, names every capital: not 'us' nor 'Islamic state'."""
    codes = _codes(blank, "Tell us about the Islamic state, said the WHO and the US.")
    assert codes == {"WHO": "WHO", "US": "USA"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Latin American leaders", "---GOV"),
        ("pro-Russian separatists", "---SEP"),
        ("US-led forces", "USAMIL"),
        ("US-backed forces", "---MIL"),
        ("Hezbollah fighters", "LBNREB"),
        ("Kim's regime", "PRKGOV"),
    ],
)
def test_actors_resolve_compounds_and_prefixes(text: str, code: str) -> None:
    """Region words and hyphen compounds drop the country ("-led" lends it); groups and people
    lend theirs."""
    actor = resolve(text, "2024-10-30")
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia sends troops", [("Russia", "RUS"), ("troops", "---MIL")]),
        ("troops attacked soldiers", [("troops", "---MIL"), ("soldiers", "---MIL")]),
        ("Indian coal workers", [("Indian coal workers", "INDLAB")]),
        ("the Trump administration", [("Trump administration", "USAGOV")]),
    ],
)
def test_actors_mentions_phrase_boundaries(
    blank: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    """A verb never joins a country to an agent; one modifier after an adjective may."""
    ms = find_mentions(blank(text), "2023-06-01")
    assert [(m.actor.text, m.actor.code) for m in ms] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Jong Un and his sizeable armed forces", ("his sizeable armed forces", "PRKMIL")),
        ("North Korea has moved its troops.", ("its troops", "PRKMIL")),
    ],
)
def test_actors_mentions_possessive_lends_country(
    blank: Language, text: str, expected: tuple[str, str]
) -> None:
    """ "his"/"its" before a country-less agent give it the antecedent's country."""
    ms = find_mentions(blank(text), "2024-10-30")
    assert (ms[-1].actor.text, ms[-1].actor.code, ms[-1].kind) == (*expected, "coref")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deliveries of military aid", []),
        ("police sources said", [("police", "---COP")]),
        ("Russian military exercises", [("Russian military", "RUSMIL")]),
    ],
)
def test_actors_mentions_agent_as_modifier(
    blank: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    """A bare agent word modifying a noun ("military aid") is not an actor."""
    ms = find_mentions(blank(text), "2024-10-30")
    assert [(m.actor.text, m.actor.code) for m in ms] == expected


def test_actors_mentions_agent_as_modifier_parsed() -> None:
    """With a parse, a bare agent that is a compound modifier is not an actor."""
    nlp = spacy.blank("en")
    words = ["the", "police", "reform", "passed"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 3, 3], deps=["det", "compound", "nsubj", "ROOT"])
    assert find_mentions(doc, None) == []


def test_actors_mentions_igo_role_lends_no_country(blank: Language) -> None:
    """A person holding an IGO office lends the IGO, not a fake country: "Rutte's staff"."""
    ms = find_mentions(
        blank("Mark Rutte spoke. Rutte's officials and the country's leader met."), None
    )
    assert [(m.actor.text, m.actor.code) for m in ms] == [
        ("Mark Rutte", "NATO"),
        ("Rutte's officials", "NATO"),
        ("the country's leader", "---GOV"),
    ]


def test_actors_resolve_unique_short_name_out_of_office() -> None:
    """A surname only one person has resolves even when they hold no role on the date."""
    actor = resolve("Gorbachev", "2020-01-01")
    assert actor is not None and (actor.name, actor.code) == ("Mikhail Gorbachev", "RUSELI")
    assert resolve("Kim", "1930-01-01") is None  # several Kims, none in office: no guess


def test_actors_mentions_title_with_ner_person() -> None:
    """With an NER, a title before an unknown PERSON gives it the title's code (apposition too)."""
    nlp = spacy.blank("en")
    words = ["Ukraine", "'s", "defence", "minister", ",", "Ivan", "Testenko", ",", "spoke", "."]
    ents = ["B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    (m,) = find_mentions(doc, "2024-10-30")
    assert (m.start, m.end, m.kind, m.actor.code, m.actor.name) == (
        0,
        7,
        "ner",
        "UKRMIL",
        "Ivan Testenko",
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Russian Security Council", "RUSGOV"),
        ("the US National Security Council", "USAGOV"),
        ("the Security Council", "UNSC"),
        ("Russia's UN ambassador", "RUSGOV"),
    ],
)
def test_actors_resolve_national_bodies(text: str, code: str) -> None:
    """A country before an IGO-like name makes it the country's own body or envoy."""
    actor = resolve(text, "2024-10-30")
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the People’s Republic of China", "CHN"),
        ("Gideon Sa’ar", "ISRGOV"),
        ("N’Djamena", "TCDGOV"),
    ],
)
def test_actors_resolve_curly_apostrophes(text: str, code: str) -> None:
    """Names written with a straight apostrophe also match the typographic one, and back."""
    actor = resolve(text, "2025-01-01")
    assert actor is not None and actor.code == code


def test_actors_resolve_unaccented_people_not_places() -> None:
    """People's names match without accents; place names are not folded ("Male" is no capital)."""
    actor = resolve("Stephane Sejourne", "2024-06-01")
    assert actor is not None and actor.name == "Stéphane Séjourné"
    assert resolve("Male voters") is None


def test_actors_mentions_bare_definite_title(blank: Language) -> None:
    """ "the president" takes the most recent person of its sector within reach, else stays ---."""
    ms = find_mentions(blank("Vladimir Putin spoke. The president said no."), "2024-10-30")
    assert (ms[-1].actor.code, ms[-1].actor.name, ms[-1].kind) == (
        "RUSGOV",
        "Vladimir Putin",
        "coref",
    )
    far = "Putin spoke. It rained. Markets fell. Prices rose. The president said no."
    assert find_mentions(blank(far), "2024-10-30")[-1].actor.code == "---GOV"


def test_actors_mentions_passive_subject_pronoun_takes_its_antecedent() -> None:
    """ "He was criticised": dyad's UD parser labels a passive subject ``nsubj:pass``; the
    pronoun still resolves to the person before it."""
    from dyad.nlp import load

    doc = load()("Erdogan met the generals. He was criticised by the opposition.")
    codes = {m.actor.text: (m.actor.code, m.kind) for m in find_mentions(doc, "2020-01-01")}
    assert codes.get("He") == ("TURGOV", "coref"), codes


def test_actors_mentions_lower_case_name_after_title(blank: Language) -> None:
    """'President putin' (a name typed in lower case after a title) is Putin; 'putin' alone, or
    a lower-case function word after a title ('the minister may resign'), is no name."""
    assert _codes(blank, "President putin spoke on Monday.")["President putin"] == "RUSGOV"
    assert _codes(blank, "Officials said putin spoke.") == {"Officials": "---GOV"}
    assert _codes(blank, "The prime minister may resign.", "2018-01-01") == {
        "prime minister": "---GOV"
    }


def test_actors_mentions_lower_case_name_with_parse() -> None:
    """Through the full pipeline (tagger and NER): 'President obama expressed sorrow' is Obama,
    not a Japanese town, and not a bare title."""
    import dyad

    events = dyad.extract("President obama expressed sorrow over the deaths.", date="2015-06-18")
    assert events and events[0].source is not None
    assert (events[0].source.text, events[0].source.code) == ("President obama", "USAGOV")


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        # undated, the last role would make him prime minister still
        ("Former Prime Minister Ehud Olmert criticised the plan.", None, "ISRELI"),
        ("The president pardoned ex-prime minister Ehud Olmert.", "2017-07-02", "ISRELI"),
        ("Former US President Barack Obama spoke in Berlin.", None, "USAELI"),
        # in office at the date, no "former": the role holds
        ("Prime Minister Ehud Olmert spoke in Berlin.", "2007-05-01", "ISRGOV"),
    ],
)
def test_actors_former_officials_are_elites(
    blank: Language, text: str, date: str | None, code: str
) -> None:
    """A known person after "former"/"ex-" (and title words) is out of office: country + ELI."""
    codes = _codes(blank, text, date)
    assert code in codes.values(), codes
