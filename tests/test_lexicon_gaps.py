"""Lexicon gaps found on news: split hyphenated words, currency amounts, and new entries."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.coding.lexicon import Lexicon
from dyad.coding.types import Trigger

NLP = spacy.blank("en")


def blank(text: str) -> tuple[Doc, list[Trigger]]:
    """Triggers of a sentence tokenized by a blank English pipeline (no tags, no parse)."""
    doc = NLP(text)
    return doc, Lexicon.load().find_triggers(doc[:])


def parsed(rows: list[tuple[str, str, int, str, str]]) -> tuple[Doc, list[Trigger]]:
    """Triggers of a hand-parsed sentence: rows of (word, lemma, head index, dep, pos)."""
    words, lemmas, heads, deps, pos = zip(*rows, strict=True)
    spaces = [not (w == "-" or (k + 1 < len(words) and words[k + 1] in ("-", ".")))
              for k, w in enumerate(words)]  # fmt: skip
    doc = Doc(NLP.vocab, words=list(words), spaces=spaces, lemmas=list(lemmas),
              heads=list(heads), deps=list(deps), pos=list(pos))  # fmt: skip
    return doc, Lexicon.load().find_triggers(doc[:])


def evidence(doc: Doc, trig: Trigger) -> str:
    return " ".join(doc[i].text for i in trig.tokens)


# ---------------------------------------------------------------- hyphenated compounds


def test_lexicon_gaps_split_hyphen_compound_is_one_object() -> None:
    """'cease-fire', split by the tokenizer into three tokens, is still a ceasefire object."""
    doc, trigs = blank("The rebels announced a cease-fire on Sunday.")
    assert trigs[0].code == "0871"
    assert evidence(doc, trigs[0]) == "announced cease - fire"


def test_lexicon_gaps_split_hyphen_compound_noun_head() -> None:
    """A noun written with a hyphen ('sit-in') triggers, though its last part is a particle."""
    doc, trigs = parsed([
        ("Nurses", "nurse", 1, "nsubj", "NOUN"),
        ("staged", "stage", 1, "ROOT", "VERB"),
        ("a", "a", 5, "det", "DET"),
        ("sit", "sit", 5, "compound", "NOUN"),
        ("-", "-", 5, "punct", "PUNCT"),
        ("in", "in", 1, "obj", "ADP"),
        ("outside", "outside", 8, "case", "ADP"),
        ("the", "the", 8, "det", "DET"),
        ("hospital", "hospital", 1, "obl", "NOUN"),
    ])  # fmt: skip
    assert [t.code for t in trigs] == ["141"]
    assert evidence(doc, trigs[0]) == "staged sit - in"


def test_lexicon_gaps_split_hyphen_compound_verb_wins_over_its_last_part() -> None:
    """'test-fired a missile' is a weapons test (150), not firing a missile at someone (195)."""
    _, trigs = parsed([
        ("Pyongyang", "Pyongyang", 3, "nsubj", "PROPN"),
        ("test", "test", 3, "compound", "NOUN"),
        ("-", "-", 3, "punct", "PUNCT"),
        ("fired", "fire", 3, "ROOT", "VERB"),
        ("a", "a", 5, "det", "DET"),
        ("missile", "missile", 3, "obj", "NOUN"),
    ])  # fmt: skip
    assert [t.code for t in trigs] == ["150"]


def test_lexicon_gaps_hyphen_with_spaces_is_no_compound() -> None:
    """A dash between spaced words ('talks - and') joins nothing."""
    _, trigs = blank("Leaders began talks - fire broke out later.")
    assert all(t.code != "0871" for t in trigs)


# ---------------------------------------------------------------- currency amounts


def test_lexicon_gaps_currency_symbol_heads_money_object() -> None:
    """'gave $5 million to Nepal': the parser makes '$' the object; it counts as money (071)."""
    _, trigs = parsed([
        ("Japan", "Japan", 1, "nsubj", "PROPN"),
        ("gave", "give", 1, "ROOT", "VERB"),
        ("$", "$", 1, "obj", "SYM"),
        ("5", "5", 4, "compound", "NUM"),
        ("million", "million", 2, "nummod", "NUM"),
        ("to", "to", 6, "case", "ADP"),
        ("Nepal", "Nepal", 1, "obl", "PROPN"),
    ])  # fmt: skip
    assert trigs[0].code == "071"


# ---------------------------------------------------------------- entries


def first_code(text: str) -> str:
    return blank(text)[1][0].code


def test_lexicon_gaps_agreeing_to_a_truce_is_intent_declaring_it_is_action() -> None:
    """'agreed to a truce' states intent to de-escalate (0356); 'declared a truce' is 0871."""
    assert first_code("The two militias agreed to a truce in the northern province.") == "0356"
    assert first_code("The junta declared a truce in the northern province.") == "0871"


def test_lexicon_gaps_warning_of_a_danger_is_a_comment_not_a_threat() -> None:
    """'warned of a famine' is a pessimistic comment (012); a bare warning stays 130."""
    assert first_code("Aid agencies warned of a famine in the south.") == "012"
    assert first_code("Tehran warned Washington on Sunday.") == "130"


def test_lexicon_gaps_police_crowd_control_weapons_are_repression() -> None:
    """'used tear gas against marchers' is violent repression (175)."""
    assert first_code("Police used tear gas against the marchers.") == "175"


def test_lexicon_gaps_violating_a_ban_defies_norms() -> None:
    """Breaking a ban or a moratorium is defiance (128); breaking a truce stays 196."""
    assert first_code("The regime violated a ban on chemical exports.") == "128"
    assert first_code("The rebels violated the truce twice.") == "196"


def test_lexicon_gaps_ensuring_security_is_protection() -> None:
    """'ensure security for the refugees' is military protection (074)."""
    assert first_code("The peacekeepers will ensure security for the returning refugees.") == "074"


def test_lexicon_gaps_medical_operations_are_aid_not_attacks() -> None:
    """'carried out relief operations' is aid (073), though 'operations' alone is an attack."""
    assert first_code("The navy carried out relief operations along the coast.") == "073"
    assert first_code("The army carried out operations against the rebels.") == "190"


def test_lexicon_gaps_deadline_given_is_an_ultimatum() -> None:
    """Giving another actor a deadline is an ultimatum (139)."""
    assert first_code("The bloc gave Minsk a deadline to free the journalists.") == "139"


def test_lexicon_gaps_infinitive_to_is_no_particle() -> None:
    """The 'to' of 'to protest' stands before the verb: no 'protest to' (114) complaint."""
    _, trigs = parsed([
        ("Farmers", "farmer", 1, "nsubj", "NOUN"),
        ("marched", "march", 1, "ROOT", "VERB"),
        ("to", "to", 3, "mark", "PART"),
        ("protest", "protest", 1, "advcl", "VERB"),
        ("the", "the", 5, "det", "DET"),
        ("tax", "tax", 3, "obj", "NOUN"),
    ])  # fmt: skip
    assert "114" not in [t.code for t in trigs]
    assert "140" in [t.code for t in trigs]


def test_lexicon_gaps_date_after_verb_is_no_particle() -> None:
    """'called Seoul on Friday to ...' is no 'call on' appeal; 'called on Seoul to ...' is."""
    _, trigs = parsed([
        ("Tokyo", "Tokyo", 1, "nsubj", "PROPN"),
        ("called", "call", 1, "ROOT", "VERB"),
        ("Seoul", "Seoul", 1, "obj", "PROPN"),
        ("on", "on", 4, "case", "ADP"),
        ("Friday", "Friday", 1, "obl", "PROPN"),
    ])  # fmt: skip
    assert "020" not in [t.code for t in trigs]
    _, trigs = parsed([
        ("Tokyo", "Tokyo", 1, "nsubj", "PROPN"),
        ("called", "call", 1, "ROOT", "VERB"),
        ("on", "on", 3, "case", "ADP"),
        ("Seoul", "Seoul", 1, "obl", "PROPN"),
        ("to", "to", 5, "mark", "PART"),
        ("act", "act", 1, "xcomp", "VERB"),
    ])  # fmt: skip
    assert "020" in [t.code for t in trigs]


def test_lexicon_gaps_postponed_protest_is_eased_pressure() -> None:
    """Postponing a rally or a strike eases political dissent (082)."""
    assert first_code("The union postponed the rally planned for Monday.") == "082"


def test_lexicon_gaps_dropped_trade_barriers_ease_sanctions() -> None:
    """Dropping or lowering tariffs and trade barriers eases economic sanctions (085)."""
    assert first_code("Beijing dropped tariffs on Australian barley.") == "085"
    assert first_code("The bloc lowered trade barriers to Kenyan exports.") == "085"


def test_lexicon_gaps_bare_blockade_is_force() -> None:
    """'blockade' a named place is a blockade (191), as in PETRARCH."""
    assert first_code("The navy will blockade Haiphong next week.") == "191"


def test_lexicon_gaps_mass_killing_noun() -> None:
    """'mass killings' name unconventional mass violence (202)."""
    assert first_code("The militia carried out mass killings in the valley.") == "202"


def test_lexicon_gaps_call_on_leaders_is_an_appeal_not_a_phone_call() -> None:
    """'called on Kenyan leaders to ...' is an appeal (020); 'called the minister' a call (041)."""
    assert first_code("The council called on Kenyan leaders to show restraint.") == "020"
    assert first_code("Macron called the minister on Friday.") == "041"


def test_lexicon_gaps_team_sent_to_investigate_is_investigation() -> None:
    """'dispatched a team to Lagos to investigate' is an investigation (090)."""
    doc, trigs = parsed([
        ("Ottawa", "Ottawa", 1, "nsubj", "PROPN"),
        ("dispatched", "dispatch", 1, "ROOT", "VERB"),
        ("experts", "expert", 1, "obj", "NOUN"),
        ("to", "to", 4, "case", "ADP"),
        ("Lagos", "Lagos", 1, "obl", "PROPN"),
        ("to", "to", 6, "mark", "PART"),
        ("investigate", "investigate", 1, "advcl", "VERB"),
    ])  # fmt: skip
    assert trigs[0].code == "090"
    assert evidence(doc, trigs[0]) == "dispatched investigate"


def test_lexicon_gaps_accusations_of_attacks_are_accusations_of_aggression() -> None:
    """'blamed X for the bombing', 'accused X of attacking': accusation of aggression (1123)."""
    assert first_code("Kabul blamed the militants for the bombing of the market.") == "1123"


def test_lexicon_gaps_threat_to_cut_supplies_is_non_military() -> None:
    """Threatening to cut off gas is a non-military threat (131), not a threat of force."""
    _, trigs = blank("Moscow threatened to cut off gas to Kyiv.")
    assert "131" in [t.code for t in trigs]


def test_lexicon_gaps_rejected_truce_proposal() -> None:
    """Rejecting a proposal for a truce is a refusal to de-escalate (1246)."""
    assert first_code("The rebels rejected a proposal for a truce.") == "1246"


def test_lexicon_gaps_gunbattle_written_as_one_word() -> None:
    """'a gunbattle' is small-arms fighting (193), like 'gun battle'."""
    assert "193" in [t.code for t in blank("Two officers died in a gunbattle with smugglers.")[1]]


def test_lexicon_gaps_attributive_participle_is_no_event() -> None:
    """'the occupied territories': a participle after a determiner, before its noun, is no verb."""
    _, trigs = parsed([
        ("Troops", "troop", 1, "nsubj", "NOUN"),
        ("patrolled", "patrol", 1, "ROOT", "VERB"),
        ("the", "the", 4, "det", "DET"),
        ("occupied", "occupy", 4, "amod", "VERB"),
        ("territories", "territory", 1, "obj", "NOUN"),
    ])  # fmt: skip
    assert "192" not in [t.code for t in trigs]
    _, trigs = parsed([
        ("Police", "police", 1, "compound", "NOUN"),
        ("confiscated", "confiscate", 2, "amod", "VERB"),
        ("weapons", "weapon", 2, "ROOT", "NOUN"),
    ])  # fmt: skip
    assert [t.code for t in trigs] == ["1711"]


def test_lexicon_gaps_claiming_ones_own_attack_is_claiming_responsibility() -> None:
    """'claimed that they had attacked X' is a claim of responsibility (015), with the pronoun."""
    _, trigs = parsed([
        ("Rebels", "rebel", 1, "nsubj", "NOUN"),
        ("claimed", "claim", 1, "ROOT", "VERB"),
        ("that", "that", 5, "mark", "SCONJ"),
        ("they", "they", 5, "nsubj", "PRON"),
        ("had", "have", 5, "aux", "AUX"),
        ("attacked", "attack", 1, "ccomp", "VERB"),
        ("Jolo", "Jolo", 5, "obj", "PROPN"),
    ])  # fmt: skip
    assert trigs[0].code == "015"
    _, trigs = parsed([
        ("Manila", "Manila", 1, "nsubj", "PROPN"),
        ("claimed", "claim", 1, "ROOT", "VERB"),
        ("that", "that", 5, "mark", "SCONJ"),
        ("rebels", "rebel", 5, "nsubj", "NOUN"),
        ("had", "have", 5, "aux", "AUX"),
        ("attacked", "attack", 1, "ccomp", "VERB"),
        ("Jolo", "Jolo", 5, "obj", "PROPN"),
    ])  # fmt: skip
    assert "015" not in [t.code for t in trigs]  # another subject: the rebels' attack
    assert "190" in [t.code for t in trigs]


def test_lexicon_gaps_released_actor_is_a_released_person() -> None:
    """'released X' with an actor as object is 0841 when the coder finds one; else plain 084."""
    _, trigs = blank("The rebels released Moncayo on Sunday.")
    assert [t.code for t in trigs][:2] == ["0841", "084"]
    assert trigs[0].requires_target


def test_lexicon_gaps_object_window_does_not_cross_a_preposition() -> None:
    """'calling on Prime Minister Abe's cabinet': the minister is no phone-call object (041)."""
    _, trigs = parsed([
        ("Unions", "union", 1, "nsubj", "NOUN"),
        ("called", "call", 1, "ROOT", "VERB"),
        ("on", "on", 7, "case", "ADP"),
        ("Prime", "prime", 4, "amod", "ADJ"),
        ("Minister", "Minister", 5, "nmod:desc", "PROPN"),
        ("Abe", "Abe", 7, "nmod:poss", "PROPN"),
        ("'s", "'s", 5, "case", "PART"),
        ("cabinet", "cabinet", 1, "obl", "NOUN"),
    ])  # fmt: skip
    assert [t.code for t in trigs] == ["020"]


def test_lexicon_gaps_spurned_talks_offer_is_rejected_negotiation() -> None:
    """'spurned offers for peace talks' and 'refused direct talks' reject negotiation (125)."""
    assert first_code("The junta spurned offers for peace talks.") == "125"
    assert first_code("The guerrillas refused direct talks with Bogota.") == "125"


def test_lexicon_gaps_troops_arriving_for_a_peacekeeping_mission_are_no_visit() -> None:
    """Troops arriving 'for a peacekeeping mission' are deployed peacekeepers (074), no visit."""
    codes = [
        t.code for t in blank("Kenyan soldiers arrived in Mogadishu for a peacekeeping mission.")[1]
    ]
    assert codes[0] == "074"


def test_lexicon_gaps_resumed_dialogue_process_is_consultation() -> None:
    """'resume the dialogue process' / 'revive the peace process' are consultations (040)."""
    assert first_code("Delhi and Islamabad resumed the dialogue process in July.") == "040"


def test_lexicon_gaps_hyphen_compound_falls_back_to_its_last_word() -> None:
    """'re-imposed restrictions': 'reimpose' matches nothing here, so 'imposed' is read (172)."""
    _, trigs = parsed([
        ("Washington", "Washington", 3, "nsubj", "PROPN"),
        ("re", "re", 3, "compound", "X"),
        ("-", "-", 3, "punct", "PUNCT"),
        ("imposed", "impose", 3, "ROOT", "VERB"),
        ("restrictions", "restriction", 3, "obj", "NOUN"),
    ])  # fmt: skip
    assert trigs[0].code == "172"


def test_lexicon_gaps_petrarch_verbs_missing_before() -> None:
    """Ransacked offices (1712), hanged prisoners (1823), felicitated leaders (051)."""
    assert first_code("Militiamen ransacked the party office.") == "1712"
    assert first_code("The authorities hanged two prisoners at dawn.") == "1823"
    assert first_code("Modi felicitated the athletes.") == "051"


def test_lexicon_gaps_condemned_attack_is_one_condemnation() -> None:
    """'condemned the bombing of X': the bombing is the object condemned, no second event."""
    _, trigs = blank("Paris condemned the bombing of the market.")
    assert [t.code for t in trigs] == ["111"]


def test_lexicon_gaps_claimed_attack_is_one_claim() -> None:
    """'claimed responsibility for the bombing': one claim (015), the bombing is its object."""
    _, trigs = blank("The group claimed responsibility for the bombing.")
    assert [t.code for t in trigs] == ["015"]


def test_lexicon_gaps_condolences_over_an_attack_are_one_event() -> None:
    """'expressed condolences over the attack': condolences (018), the attack is their object."""
    _, trigs = blank("Ankara expressed condolences over the attack.")
    assert [t.code for t in trigs] == ["018"]


def test_lexicon_gaps_urging_support_for_a_third_actor_rallies_support() -> None:
    """'urged Brussels to support Kyiv' rallies support for Kyiv (053) when Kyiv is an actor."""
    _, trigs = blank("Warsaw urged Brussels to support Kyiv.")
    first, second = trigs[0], trigs[1]
    assert (first.code, first.requires_target) == ("053", True)
    assert second.code == "022"


# ---------------------------------------------------------------- target prepositions


def test_lexicon_gaps_demands_conceded_come_from_someone() -> None:
    """Meeting or accepting demands (083) looks for the target in 'from': the demanders."""
    import dyad

    events = dyad.extract(
        "The government accepted demands from striking miners.", date="2020-01-01"
    )
    assert any(e.cameo == "083" and e.target is not None for e in events), events


def test_lexicon_gaps_investigation_against_names_its_target() -> None:
    """'opened an investigation against 12 army officers': the officers are the target."""
    import dyad

    events = dyad.extract(
        "Chile opened an investigation against 12 army officers.", date="2020-01-01"
    )
    assert any(
        e.cameo.startswith("09") and e.target is not None and e.target.sector == "MIL"
        for e in events
    ), events


# ---------------------------------------------------------------- aid, peacekeeping, assaults


def test_lexicon_gaps_aid_flown_in_is_humanitarian_aid() -> None:
    """'flew medicine into X' delivers humanitarian aid (073), like airlifting it."""
    _, trigs = blank("The charity flew ten tons of medicine into the province.")
    assert trigs[0].code == "073"
    assert "into" in trigs[0].target_preps


def test_lexicon_gaps_aid_made_available_is_aid() -> None:
    """'made available medical supplies' gives aid (073); 'made available funds' money (071)."""
    _, trigs = blank("The ministry made available medical supplies to the region.")
    assert trigs[0].code == "073"
    _, trigs = blank("The bank made available $5 million to the region.")
    assert trigs[0].code == "071"


def test_lexicon_gaps_troops_sent_on_a_peacekeeping_mission_are_peacekeepers() -> None:
    """Troops sent or deployed on / as a peacekeeping mission or force are peacekeeping (074)."""
    for text in (
        "The country is sending 40 soldiers to the island on a peacekeeping mission.",
        "Some 900 soldiers were deployed as peacekeeping forces in the region.",
        "The cabinet approved the deployment of 200 troops for a peacekeeping mission.",
    ):
        assert first_code(text) == "074", text


def test_lexicon_gaps_storming_a_camp_is_an_assault() -> None:
    """Storming a camp, compound or prison is an armed assault (190), not a protest (145)."""
    assert first_code("Soldiers stormed the rebel camp at dawn.") == "190"
    assert first_code("Gunmen stormed a prison in the north.") == "190"


# ---------------------------------------------------------------- statement verbs


def test_lexicon_gaps_confirming_or_revealing_is_a_statement() -> None:
    """Reporting verbs beyond 'say' (confirm, reveal, explain, point out, ...) are 010."""
    for text in (
        "The ministry confirmed that the border was quiet.",
        "The minister revealed that the budget would grow.",
        "The spokesman explained that the plan was ready.",
        "The envoy pointed out that the talks had stalled.",
        "The president reiterated that the economy was strong.",
    ):
        assert first_code(text) == "010", text


def test_lexicon_gaps_a_confirmed_attack_stays_the_attack() -> None:
    """'The army confirmed that rebels attacked the town' is the attack; the statement only reports it."""
    import dyad

    events = dyad.extract("The army confirmed that rebels attacked the town.", date="2020-01-01")
    assert [e.cameo[:2] for e in events if e.factuality == "asserted"] == ["19"], events


def test_lexicon_gaps_charging_a_state_with_backing_rebels_is_an_accusation() -> None:
    """'charged X with supporting / violating' accuses (112); 'charged with espionage' stays 173."""
    assert first_code("Moscow charged Kyiv with backing the rebels.") == "112"
    assert first_code("Iran charged the United States with violating the deal.") == "112"
    assert first_code("Police charged the journalist with espionage.") == "173"


# ---------------------------------------------------------------- idioms


def test_lexicon_gaps_figurative_violence_verbs_are_no_event() -> None:
    """'kicked off a campaign', 'shot a documentary', 'beat expectations' are no assaults."""
    for text in (
        "The chancellor kicks off her campaign on Tuesday.",
        "The crew shot a documentary in the capital.",
        "Exports beat expectations in May.",
        "The minister broke his silence on the scandal.",
        "The speech captured the imagination of voters.",
    ):
        assert blank(text)[1] == [], text


def test_lexicon_gaps_violence_idioms_leave_real_assaults_alone() -> None:
    """The idioms are narrow: beating protesters or capturing a town are still coded."""
    assert first_code("Police beat the protesters.") == "182"
    assert first_code("Rebels captured the town.") == "192"


def test_lexicon_gaps_insisting_on_a_claim_is_a_statement() -> None:
    """A bare 'insisted that <claim>' is a statement (010); 'insist on' stays a demand (100)."""
    assert first_code("Jordan insisted that the exercises were not linked to the crisis.") == "010"
    assert first_code("Britain insisted on the release of the sailors.") == "100"


def test_lexicon_gaps_insisting_that_someone_act_is_a_demand() -> None:
    """'insisted that Ukraine withdraw its troops' is still a demand, through the mood verb."""
    import dyad

    events = dyad.extract(
        "The Kremlin insisted that Ukraine withdraw its troops from the border.", date="2020-01-01"
    )
    assert any(e.cameo.startswith("10") for e in events), events


def test_lexicon_gaps_violating_airspace_is_a_show_of_force() -> None:
    """Violating another state's airspace or waters is a military show of force (150)."""
    assert first_code("The jets violated the airspace of its neighbour on Sunday.") == "150"
    assert first_code("Two frigates violated the territorial waters of the island.") == "150"
    assert first_code("Rebels violated the ceasefire on Sunday.") == "196"


def test_lexicon_gaps_overthrowing_a_government_is_unconventional_violence() -> None:
    """Overthrowing or toppling a government or leader is 180; toppling a statue is nothing."""
    assert first_code("The army overthrew the elected government.") == "180"
    assert first_code("The rebels toppled the president.") == "180"
    assert blank("Protesters toppled a statue.")[1] == []


def test_lexicon_gaps_snubs_and_loans() -> None:
    """Snubbing is a rejection (120; talks or invitations 125); loaning money is like lending (061)."""
    assert first_code("The minister snubbed his counterpart.") == "120"
    assert first_code("Tehran snubbed the invitation.") == "125"
    assert first_code("Tokyo loaned 2 billion dollars to Cairo.") == "061"


def test_lexicon_gaps_people_used_as_human_shields_are_the_target() -> None:
    """'held villagers as human shields' (184) targets the villagers; 'used human shields' no one."""
    _, trigs = blank("The militia held villagers as human shields.")
    assert (trigs[0].code, trigs[0].object_target) == ("184", True)
    _, trigs = blank("The militia used human shields.")
    assert (trigs[0].code, trigs[0].object_target) == ("184", False)
