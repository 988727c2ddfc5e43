"""Words that look like events but report none, on hand-built UD parses: an event noun naming a
kind of thing, a span of years of war, a disease or an accident that kills, an event named by a
past year, an idiom on a participle, and the planned "be to" + infinitive."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import dyad.pipeline  # noqa: F401  (registers the doc extensions, dyad_date among them)
from dyad.coding.factuality import read_parse
from dyad.coding.lexicon import Lexicon

NLP = spacy.blank("en")
# (word, lemma, head index, dep, pos, tag)
Row = tuple[str, str, int, str, str, str]


def parse(rows: list[Row], date: str | None = None) -> Doc:
    """A hand-parsed sentence with fine-grained tags and, optionally, the article's date."""
    words, lemmas, heads, deps, pos, tags = zip(*rows, strict=True)
    doc = Doc(NLP.vocab, words=list(words), lemmas=list(lemmas), heads=list(heads),
              deps=list(deps), pos=list(pos), tags=list(tags))  # fmt: skip
    doc._.dyad_date = date
    return doc


def codes_at(doc: Doc, head: int) -> list[str]:
    return [t.code for t in Lexicon.load().find_triggers(doc[:]) if t.head == head]


# "Russia is developing a new attack drone ."
ATTACK_DRONE: list[Row] = [
    ("Russia", "Russia", 2, "nsubj", "PROPN", "NNP"),
    ("is", "be", 2, "aux", "AUX", "VBZ"),
    ("developing", "develop", 2, "ROOT", "VERB", "VBG"),
    ("a", "a", 6, "det", "DET", "DT"),
    ("new", "new", 6, "amod", "ADJ", "JJ"),
    ("attack", "attack", 6, "compound", "NOUN", "NN"),
    ("drone", "drone", 2, "obj", "NOUN", "NN"),
    (".", ".", 2, "punct", "PUNCT", "."),
]


def test_lexicon_event_noun_modifying_a_thing_is_no_event() -> None:
    """'an attack drone' is a weapon, not an attack; 'an attack on the base' stays one."""
    assert codes_at(parse(ATTACK_DRONE), 5) == []
    on_base = [
        ("the", "the", 1, "det", "DET", "DT"),
        ("attack", "attack", 1, "ROOT", "NOUN", "NN"),
        ("on", "on", 4, "case", "ADP", "IN"),
        ("the", "the", 4, "det", "DET", "DT"),
        ("base", "base", 1, "nmod", "NOUN", "NN"),
    ]
    assert codes_at(parse(on_base), 1) == ["190"]


def test_lexicon_event_noun_before_a_frame_noun_stays_an_event() -> None:
    """'a bombing campaign in the city': the campaign is bombings; 'campaign' frames the event."""
    rows: list[Row] = [
        ("Rebels", "rebel", 1, "nsubj", "NOUN", "NNS"),
        ("began", "begin", 1, "ROOT", "VERB", "VBD"),
        ("a", "a", 4, "det", "DET", "DT"),
        ("bombing", "bombing", 4, "compound", "NOUN", "NN"),
        ("campaign", "campaign", 1, "obj", "NOUN", "NN"),
        ("in", "in", 7, "case", "ADP", "IN"),
        ("the", "the", 7, "det", "DET", "DT"),
        ("city", "city", 4, "nmod", "NOUN", "NN"),
    ]
    doc = parse(rows)
    assert codes_at(doc, 3) == ["183"]
    # the same noun before a thing ("bombing suspects") is no bombing
    doc = parse([*rows[:4], ("suspects", "suspect", 1, "obj", "NOUN", "NNS"), *rows[5:]])
    assert codes_at(doc, 3) == []


def _of_fighting(unit: str, lemma: str) -> list[Row]:
    # "After two <unit> of fighting , the toll is high ."
    return [
        ("After", "after", 2, "case", "ADP", "IN"),
        ("two", "two", 2, "nummod", "NUM", "CD"),
        (unit, lemma, 9, "obl", "NOUN", "NNS"),
        ("of", "of", 4, "mark", "ADP", "IN"),
        ("fighting", "fight", 2, "nmod", "VERB", "VBG"),
        (",", ",", 9, "punct", "PUNCT", ","),
        ("the", "the", 7, "det", "DET", "DT"),
        ("toll", "toll", 9, "nsubj", "NOUN", "NN"),
        ("is", "be", 9, "cop", "AUX", "VBZ"),
        ("high", "high", 9, "ROOT", "ADJ", "JJ"),
    ]


def test_lexicon_years_of_fighting_is_no_event() -> None:
    """'after two decades of fighting' is history; 'after two days of fighting' is a battle."""
    assert codes_at(parse(_of_fighting("decades", "decade")), 4) == []
    assert codes_at(parse(_of_fighting("years", "year")), 4) == []
    assert "190" in codes_at(parse(_of_fighting("days", "day")), 4)


def _killed(subject: str, lemma: str) -> list[Row]:
    # "The <subject> has killed six people ."
    return [
        ("The", "the", 1, "det", "DET", "DT"),
        (subject, lemma, 3, "nsubj", "NOUN", "NN"),
        ("has", "have", 3, "aux", "AUX", "VBZ"),
        ("killed", "kill", 3, "ROOT", "VERB", "VBN"),
        ("six", "six", 5, "nummod", "NUM", "CD"),
        ("people", "people", 3, "obj", "NOUN", "NNS"),
        (".", ".", 3, "punct", "PUNCT", "."),
    ]


def test_lexicon_disease_or_accident_that_kills_is_no_attack() -> None:
    """A virus, a flood or a car kills nobody's enemy; militants killing people stay 190."""
    assert codes_at(parse(_killed("coronavirus", "coronavirus")), 3) == []
    assert codes_at(parse(_killed("flood", "flood")), 3) == []
    assert codes_at(parse(_killed("car", "car")), 3) == []
    assert "190" in codes_at(parse(_killed("militants", "militant")), 3)
    # a car bomb is somebody's weapon: the subject's head is "bomb"
    car_bomb: list[Row] = [
        ("A", "a", 2, "det", "DET", "DT"),
        ("car", "car", 2, "compound", "NOUN", "NN"),
        ("bomb", "bomb", 3, "nsubj", "NOUN", "NN"),
        ("killed", "kill", 3, "ROOT", "VERB", "VBD"),
        ("six", "six", 5, "nummod", "NUM", "CD"),
        ("soldiers", "soldier", 3, "obj", "NOUN", "NNS"),
    ]
    assert "190" in codes_at(parse(car_bomb), 3)


def test_lexicon_killed_by_a_storm_is_no_attack() -> None:
    """The passive's by-agent is the doer: 'six people were killed by a storm'."""
    rows: list[Row] = [
        ("Six", "six", 1, "nummod", "NUM", "CD"),
        ("people", "people", 3, "nsubj:pass", "NOUN", "NNS"),
        ("were", "be", 3, "aux:pass", "AUX", "VBD"),
        ("killed", "kill", 3, "ROOT", "VERB", "VBN"),
        ("by", "by", 6, "case", "ADP", "IN"),
        ("a", "a", 6, "det", "DET", "DT"),
        ("storm", "storm", 3, "obl:agent", "NOUN", "NN"),
    ]
    assert codes_at(parse(rows), 3) == []
    soldiers = [*rows[:6], ("soldiers", "soldier", 3, "obl:agent", "NOUN", "NNS")]
    assert "190" in codes_at(parse(soldiers), 3)


def test_lexicon_idiom_object_may_be_the_noun_a_participle_modifies() -> None:
    """'figures released by the ministry' are published figures, not a release (084)."""
    rows: list[Row] = [
        ("according", "accord", 3, "case", "VERB", "VBG"),
        ("to", "to", 0, "fixed", "ADP", "IN"),
        ("new", "new", 3, "amod", "ADJ", "JJ"),
        ("figures", "figure", 3, "ROOT", "NOUN", "NNS"),
        ("released", "release", 3, "acl", "VERB", "VBN"),
        ("by", "by", 7, "case", "ADP", "IN"),
        ("the", "the", 7, "det", "DET", "DT"),
        ("ministry", "ministry", 4, "obl:agent", "NOUN", "NN"),
    ]
    assert codes_at(parse(rows), 4) == []
    hostages = [*rows[:3], ("hostages", "hostage", 3, "ROOT", "NOUN", "NNS"), *rows[4:]]
    assert codes_at(parse(hostages), 4) != []


def test_lexicon_event_named_by_an_earlier_year_is_no_event() -> None:
    """'a role in the 1994 genocide', in 2008 news, refers to a past event; undated, it stays."""
    rows: list[Row] = [
        ("a", "a", 1, "det", "DET", "DT"),
        ("role", "role", 1, "ROOT", "NOUN", "NN"),
        ("in", "in", 5, "case", "ADP", "IN"),
        ("the", "the", 5, "det", "DET", "DT"),
        ("1994", "1994", 5, "nummod", "NUM", "CD"),
        ("genocide", "genocide", 1, "nmod", "NOUN", "NN"),
    ]
    assert codes_at(parse(rows, date="2008-08-06"), 5) == []
    assert codes_at(parse(rows, date="1994-05-02"), 5) == ["202"]
    assert codes_at(parse(rows), 5) == ["202"]


def test_factuality_be_to_infinitive_is_future() -> None:
    """'The Commission is to propose sanctions' is planned; 'is to blame' is no plan."""
    rows: list[Row] = [
        ("The", "the", 1, "det", "DET", "DT"),
        ("Commission", "Commission", 4, "nsubj", "PROPN", "NNP"),
        ("is", "be", 4, "cop", "AUX", "VBZ"),
        ("to", "to", 4, "mark", "PART", "TO"),
        ("propose", "propose", 4, "ROOT", "VERB", "VB"),
        ("sanctions", "sanction", 4, "obj", "NOUN", "NNS"),
    ]
    assert read_parse(parse(rows)[4]).factuality == "future"
    blame = [*rows[:4], ("blame", "blame", 4, "ROOT", "VERB", "VB")]
    assert read_parse(parse(blame)[4]).factuality == "asserted"
    past: list[Row] = [
        ("The", "the", 1, "det", "DET", "DT"),
        ("Commission", "Commission", 2, "nsubj", "PROPN", "NNP"),
        ("proposed", "propose", 2, "ROOT", "VERB", "VBD"),
        ("sanctions", "sanction", 2, "obj", "NOUN", "NNS"),
    ]
    assert read_parse(parse(past)[2]).factuality == "asserted"


def test_lexicon_event_noun_restating_its_verb_is_dropped() -> None:
    """'killed five soldiers in an ambush' is one attack, the verb's; 'condemned the attack' two."""
    killed: list[Row] = [
        ("Rebels", "rebel", 1, "nsubj", "NOUN", "NNS"),
        ("killed", "kill", 1, "ROOT", "VERB", "VBD"),
        ("five", "five", 3, "nummod", "NUM", "CD"),
        ("soldiers", "soldier", 1, "obj", "NOUN", "NNS"),
        ("in", "in", 6, "case", "ADP", "IN"),
        ("an", "a", 6, "det", "DET", "DT"),
        ("attack", "attack", 1, "obl", "NOUN", "NN"),
        ("on", "on", 9, "case", "ADP", "IN"),
        ("a", "a", 9, "det", "DET", "DT"),
        ("convoy", "convoy", 6, "nmod", "NOUN", "NN"),
    ]
    doc = parse(killed)
    assert "190" in codes_at(doc, 1)
    assert codes_at(doc, 6) == []
    # a verb of another root keeps the noun's own event: "arrested ... after an attack"
    arrested = [*killed[:1], ("arrested", "arrest", 1, "ROOT", "VERB", "VBD"), *killed[2:]]
    assert codes_at(parse(arrested), 6) == ["190"]


def test_lexicon_killed_when_a_bus_crashed_is_no_attack() -> None:
    """A passive killing without a by-agent: the when-clause's subject says what did it."""

    def killed_when(subject: str, lemma: str, verb: str, verb_lemma: str) -> list[Row]:
        # "Three people were killed when their <subject> <verb> ."
        return [
            ("Three", "three", 1, "nummod", "NUM", "CD"),
            ("people", "people", 3, "nsubj:pass", "NOUN", "NNS"),
            ("were", "be", 3, "aux:pass", "AUX", "VBD"),
            ("killed", "kill", 3, "ROOT", "VERB", "VBN"),
            ("when", "when", 7, "advmod", "ADV", "WRB"),
            ("their", "their", 6, "nmod:poss", "PRON", "PRP$"),
            (subject, lemma, 7, "nsubj", "NOUN", "NN"),
            (verb, verb_lemma, 3, "advcl", "VERB", "VBD"),
        ]

    assert codes_at(parse(killed_when("bus", "bus", "crashed", "crash")), 3) == []
    assert "190" in codes_at(parse(killed_when("enemies", "enemy", "attacked", "attack")), 3)


def test_factuality_event_noun_under_a_ban_is_negated() -> None:
    """'a ban on missile tests' reports no test; 'tests on the coast' do."""
    rows: list[Row] = [
        ("a", "a", 1, "det", "DET", "DT"),
        ("ban", "ban", 1, "ROOT", "NOUN", "NN"),
        ("on", "on", 4, "case", "ADP", "IN"),
        ("missile", "missile", 4, "compound", "NOUN", "NN"),
        ("tests", "test", 1, "nmod", "NOUN", "NNS"),
    ]
    assert read_parse(parse(rows)[4]).factuality == "negated"
    coast = [*rows[:1], ("coast", "coast", 1, "ROOT", "NOUN", "NN"), *rows[2:]]
    assert read_parse(parse(coast)[4]).factuality == "asserted"


def _arrived(subject: list[Row]) -> list[Row]:
    # "<subject> arrived in Mali ."
    n = len(subject)
    return [
        *subject,
        ("arrived", "arrive", n, "ROOT", "VERB", "VBD"),
        ("in", "in", n + 2, "case", "ADP", "IN"),
        ("Mali", "Mali", n, "obl", "PROPN", "NNP"),
    ]


def test_lexicon_troops_arriving_are_deployed_not_visiting() -> None:
    """Peacekeepers arriving are peacekeeping (074), troops military aid (072), a minister a visit."""
    peacekeepers = _arrived([
        ("peacekeeping", "peacekeeping", 1, "compound", "NOUN", "NN"),
        ("troops", "troop", 2, "nsubj", "NOUN", "NNS"),
    ])  # fmt: skip
    assert codes_at(parse(peacekeepers), 2)[0] == "074"
    troops = _arrived([
        ("Hundreds", "hundred", 3, "nsubj", "NOUN", "NNS"),
        ("of", "of", 2, "case", "ADP", "IN"),
        ("troops", "troop", 0, "nmod", "NOUN", "NNS"),
    ])  # fmt: skip
    assert codes_at(parse(troops), 3)[0] == "072"
    minister = _arrived([("Blinken", "Blinken", 1, "nsubj", "PROPN", "NNP")])
    assert codes_at(parse(minister), 1)[0] == "042"


def test_lexicon_fighting_a_disease_or_terrorism_is_no_attack() -> None:
    """'to fight COVID-19', 'fighting terrorism' are policies; 'fight the rebels' is combat."""

    def fight(obj: str, lemma: str) -> list[Row]:
        return [
            ("They", "they", 1, "nsubj", "PRON", "PRP"),
            ("fight", "fight", 1, "ROOT", "VERB", "VBP"),
            (obj, lemma, 1, "obj", "NOUN", "NN"),
        ]

    assert codes_at(parse(fight("COVID-19", "COVID-19")), 1) == []
    assert codes_at(parse(fight("terrorism", "terrorism")), 1) == []
    assert "190" in codes_at(parse(fight("rebels", "rebel")), 1)
