"""The lexicon matcher on hand-made sentences: blank tokens and hand-set dependency parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.coding.lexicon import Lexicon
from dyad.coding.types import Trigger

NLP = spacy.blank("en")


def blank(text: str) -> list[Trigger]:
    """Triggers of a sentence tokenized by a blank English pipeline (no tags, no parse)."""
    doc = NLP(text)
    return Lexicon.load().find_triggers(doc[:])


def parsed(rows: list[tuple[str, str, int, str, str]]) -> tuple[Doc, list[Trigger]]:
    """Triggers of a hand-parsed sentence: rows of (word, lemma, head index, dep, pos)."""
    words, lemmas, heads, deps, pos = zip(*rows, strict=True)
    doc = Doc(NLP.vocab, words=list(words), lemmas=list(lemmas), heads=list(heads),
              deps=list(deps), pos=list(pos))  # fmt: skip
    return doc, Lexicon.load().find_triggers(doc[:])


def codes(triggers: list[Trigger]) -> list[str]:
    return [t.code for t in triggers]


def words(text: str, trig: Trigger) -> str:
    doc = NLP(text)
    return " ".join(doc[i].text for i in trig.tokens)


# ---------------------------------------------------------------- without a parser


def test_lexicon_inflections_without_parser() -> None:
    """Past, participle and -ing forms (regular and irregular) find their lemma's pattern."""
    assert "190" in codes(blank("Rebels fought government troops near the town."))
    assert codes(blank("Putin met Kim in Pyongyang."))[0] == "040"
    assert codes(blank("They are supplying food to the refugees."))[0] == "073"
    assert codes(blank("Iran signed a treaty with Syria."))[0] == "057"
    assert "051" in codes(blank("The minister praised the agreement."))


def test_lexicon_object_constraint_arms_vs_food() -> None:
    """'supply shells/missiles' is military aid 072, 'supply food' humanitarian aid 073."""
    arms = blank("North Korea was supplying artillery shells and ballistic missiles to Russia.")
    assert arms[0].code == "072" and arms[0].target_preps == ("to",)
    text = "North Korea was supplying artillery shells and ballistic missiles to Russia."
    assert words(text, arms[0]) == "supplying artillery shells"
    assert codes(blank("The UN is supplying food to Gaza."))[0] == "073"
    assert codes(blank("They supplied it to the army."))[0] == "070"


def test_lexicon_particles_without_parser() -> None:
    """Phrasal verbs need their particle: 'blew up', 'pulled out of', 'cracked down on'."""
    blown = blank("Militants blew up the bridge.")
    assert blown[0].code == "1712"
    assert codes(blank("The army pulled out of the city."))[0] == "0874"
    crack = blank("Police cracked down on protesters.")
    assert crack[0].code == "175" and crack[0].target_preps == ("on",)
    assert blank("Kim called on Seoul to talk.")[0].target_preps == ("on",)


def test_lexicon_prep_constraint_border_vs_actor() -> None:
    """Troops deployed to the border are a mobilization (154); to an actor, military aid (072)."""
    border = blank("Russia deployed troops to the border.")
    assert border[0].code == "154"
    ally = blank("North Korea deployed troops to Russia.")
    assert ally[0].code == "072" and ally[0].requires_target
    assert "154" in codes(ally)


def test_lexicon_noun_with_light_verb_without_parser() -> None:
    """'held talks' and 'imposed sanctions' fire through their light verbs."""
    talks = blank("The two sides held talks in Geneva.")
    assert talks[0].code == "040" and talks[0].noun and talks[0].reciprocal
    assert codes(blank("The EU imposed sanctions on Iran."))[0] == "163"
    visit = blank("Putin travelled to Pyongyang for a state visit.")
    assert "042" in codes(visit)


def test_lexicon_noun_without_light_verb() -> None:
    """Event nouns fire on their own: 'air strikes on', 'a ceasefire deal'."""
    strikes = blank("Israeli air strikes on Gaza continued.")
    assert strikes[0].code == "195" and strikes[0].noun
    assert "057" in codes(blank("They agreed on a ceasefire deal."))


def test_lexicon_chain_intent_and_subsumption() -> None:
    """'consider providing weapons' is intent 0332, flagged, with no separate 072 at 'providing'."""
    text = "Seoul would consider providing weapons to Ukraine."
    trigs = blank(text)
    assert trigs[0].code == "0332" and trigs[0].flags == ("intent",)
    assert trigs[0].target_head == 3  # "providing" carries the "to Ukraine" phrase
    assert "072" not in codes(trigs)


def test_lexicon_idiom_silences_head() -> None:
    """'free up soldiers' is no release of prisoners: the none-idiom silences the verb."""
    assert codes(blank("Their arrival will free up Russian soldiers.")) == []


def test_lexicon_denial_flag() -> None:
    """'denied' carries the denial flag so the coder can negate what it governs."""
    deny = blank("Moscow denied any involvement.")
    assert deny[0].code == "016" and "denial" in deny[0].flags


def test_lexicon_nominal_cue_blocks_verb_reading() -> None:
    """Without tags, 'the attack' is read as a noun (190 via nouns.txt), never the verb."""
    trigs = blank("The attack on the convoy killed five.")
    first = trigs[0]
    assert first.code == "190" and first.noun


# ---------------------------------------------------------------- with a parse


def test_lexicon_parse_clearnlp_object_and_prep() -> None:
    """ClearNLP labels: dobj picks 072 over 070, and the prep 'to' is the target preposition."""
    _, trigs = parsed([
        ("Russia", "Russia", 1, "nsubj", "PROPN"), ("supplied", "supply", 1, "ROOT", "VERB"),
        ("missiles", "missile", 1, "dobj", "NOUN"), ("to", "to", 1, "prep", "ADP"),
        ("Iran", "Iran", 3, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes(trigs) == ["072", "070"]
    assert trigs[0].tokens == (1, 2)


def test_lexicon_parse_ud_particle_and_case() -> None:
    """UD labels: compound:prt and an obl with case 'of' make 'pull out of'."""
    _, trigs = parsed([
        ("The", "the", 1, "det", "DET"), ("troops", "troop", 2, "nsubj", "NOUN"),
        ("pulled", "pull", 2, "root", "VERB"), ("out", "out", 2, "compound:prt", "ADP"),
        ("of", "of", 5, "case", "ADP"), ("Kabul", "Kabul", 2, "obl", "PROPN"),
    ])  # fmt: skip
    assert trigs[0].code == "0874" and trigs[0].tokens == (2, 3, 4)


def test_lexicon_parse_ud_prep_constraint() -> None:
    """UD obl + case: 'deployed troops to the border' is 154 ahead of 072."""
    _, trigs = parsed([
        ("Russia", "Russia", 1, "nsubj", "PROPN"), ("deployed", "deploy", 1, "root", "VERB"),
        ("troops", "troop", 1, "obj", "NOUN"), ("to", "to", 5, "case", "ADP"),
        ("the", "the", 5, "det", "DET"), ("border", "border", 1, "obl", "NOUN"),
    ])  # fmt: skip
    assert trigs[0].code == "154" and 5 in trigs[0].tokens


def test_lexicon_parse_noun_light_verb() -> None:
    """A noun trigger under its light verb: head is the noun, the light verb is in the tokens."""
    _, trigs = parsed([
        ("They", "they", 1, "nsubj", "PRON"), ("held", "hold", 1, "ROOT", "VERB"),
        ("talks", "talk", 1, "dobj", "NOUN"), ("with", "with", 2, "prep", "ADP"),
        ("Iran", "Iran", 3, "pobj", "PROPN"),
    ])  # fmt: skip
    assert trigs[0].code == "040" and trigs[0].head == 2 and 1 in trigs[0].tokens


def test_lexicon_parse_tags_block_wrong_pos() -> None:
    """With tags, an adjectival 'armed' or a nominal 'demand' does not trigger a verb pattern."""
    _, trigs = parsed([
        ("The", "the", 2, "det", "DET"), ("armed", "arm", 2, "amod", "ADJ"),
        ("forces", "force", 3, "nsubj", "NOUN"), ("advanced", "advance", 3, "ROOT", "VERB"),
    ])  # fmt: skip
    assert "072" not in codes(trigs)


def test_lexicon_parse_chain_xcomp() -> None:
    """A chained verb found through xcomp: 'threatened to impose sanctions' is 1312."""
    _, trigs = parsed([
        ("Washington", "Washington", 1, "nsubj", "PROPN"),
        ("threatened", "threaten", 1, "ROOT", "VERB"), ("to", "to", 3, "aux", "PART"),
        ("impose", "impose", 1, "xcomp", "VERB"), ("sanctions", "sanction", 3, "dobj", "NOUN"),
    ])  # fmt: skip
    assert trigs[0].code == "1312" and trigs[0].target_head == 3
    assert "163" not in codes(trigs)


# ---------------------------------------------------------------- mood verbs


def test_lexicon_moods_turn_actions_into_variants() -> None:
    """'agreed to release' is intent 0353, 'refused to extradite' 1213, 'threatened to invade' 1382."""
    assert codes(blank("Iran agreed to release the prisoners."))[0] == "0353"
    assert codes(blank("Syria refused to extradite the suspects."))[0] == "1213"
    assert codes(blank("Russia threatened to invade Georgia."))[0] == "1382"


def test_lexicon_mood_appeal_targets_the_addressee() -> None:
    """'urged Israel to withdraw' is appeal 0256 headed by 'urged', its target the object."""
    trig = blank("The UN urged Israel to withdraw its troops.")[0]
    assert (trig.code, trig.head, trig.object_target, trig.target_head) == ("0256", 2, True, None)
    assert trig.rule.startswith("moods.txt:") and "+verbs.txt:" in trig.rule


def test_lexicon_mood_needs_an_infinitive_without_parser() -> None:
    """Without a parse, a mood verb only counts before 'to' + action: no 0353 here."""
    assert "0353" not in codes(blank("Iran agreed and released the prisoners."))


def test_lexicon_mood_through_xcomp_in_parse() -> None:
    """With a parse, the mood verb is the action's xcomp head: 'refused to release' is 1243."""
    _, trigs = parsed([
        ("Iran", "Iran", 1, "nsubj", "PROPN"), ("refused", "refuse", 1, "ROOT", "VERB"),
        ("to", "to", 3, "aux", "PART"), ("release", "release", 1, "xcomp", "VERB"),
        ("them", "they", 3, "dobj", "PRON"),
    ])  # fmt: skip
    assert trigs[0].code == "1243" and trigs[0].head == 1


def test_lexicon_reverse_flag_for_receiving() -> None:
    """'received weapons from X' is 072 with the reverse flag: X gives, the subject receives."""
    trig = blank("Georgian rebels received weapons from the government.")[0]
    assert trig.code == "072" and trig.flags == ("reverse",) and trig.target_preps == ("from",)


def test_lexicon_capitalized_word_is_no_verb_without_tags() -> None:
    """'the United States' is a name: no 'state' or other verb trigger on 'States'."""
    assert [t for t in blank("The United States sent aid to Haiti.") if t.head == 2] == []


def test_lexicon_purpose_clause_sets_target_head() -> None:
    """'deployed troops to fight in Russia's war': 072 points target_head at 'fight'."""
    trig = blank("North Korea deployed 10,000 troops to fight in Russia's war.")[0]
    assert (trig.code, trig.target_head, trig.requires_target) == ("072", 6, True)
    _, trigs = parsed([
        ("Pyongyang", "Pyongyang", 1, "nsubj", "PROPN"), ("sent", "send", 1, "root", "VERB"),
        ("troops", "troop", 1, "obj", "NOUN"), ("to", "to", 4, "mark", "PART"),
        ("help", "help", 2, "acl", "VERB"), ("Moscow", "Moscow", 4, "obj", "PROPN"),
    ])  # fmt: skip
    assert trigs[0].code == "072" and trigs[0].target_head == 4


def test_lexicon_parse_slips_are_tolerated() -> None:
    """A VERB tagged amod still triggers, and 'tons of food aid' finds the aid in the of-phrase."""
    _, trigs = parsed([
        ("Police", "police", 1, "nsubj", "NOUN"), ("confiscated", "confiscate", 2, "amod", "VERB"),
        ("weapons", "weapon", 2, "ROOT", "NOUN"),
    ])  # fmt: skip
    assert codes(trigs) == ["1711"]
    _, trigs = parsed([
        ("The", "the", 1, "det", "DET"), ("UN", "UN", 2, "nsubj", "PROPN"),
        ("provided", "provide", 2, "ROOT", "VERB"), ("tons", "ton", 2, "obj", "NOUN"),
        ("of", "of", 6, "case", "ADP"), ("food", "food", 6, "compound", "NOUN"),
        ("aid", "aid", 3, "nmod", "NOUN"),
    ])  # fmt: skip
    assert trigs[0].code == "073"


def test_lexicon_numbers_and_demonyms_mark_nouns_without_tags() -> None:
    """'two attacks', 'Israeli strikes' are nouns; 'Israel strikes Gaza' stays a verb."""
    assert all(t.noun for t in blank("There were two attacks on the base."))
    assert all(t.noun for t in blank("Israeli strikes hit the city.") if t.head == 1)
    verb = [t for t in blank("Israel strikes the town again.") if t.head == 1]
    assert verb and not verb[0].noun
