"""Targets the parse hides: phrases on the object, nationality adjectives, complement clauses.

Hand-built UD parses, some with the attachment slips dyad's parser makes, so each test pins one
mechanism of ``dyad.coding.roles`` independent of the parser model.
"""

from __future__ import annotations

from dyad.coding.types import Trigger
from handparse import codes, mention, parsed, roles_of


def test_targets_preposition_hung_on_numeral() -> None:
    """'gave shelter to 40 Somali refugees': "to" attached to the numeral still marks the target."""
    doc = parsed(
        [
            ("Kenya", 1, "nsubj", "PROPN"),
            ("gave", 1, "ROOT", "VERB"),
            ("shelter", 1, "obj", "NOUN"),
            ("to", 4, "case", "ADP"),
            ("40", 6, "nummod", "NUM"),
            ("Somali", 6, "amod", "ADJ"),
            ("refugees", 1, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("075", 1, (1, 2), "t:1", target_preps=("to",))
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "KEN"), mention(doc, 5, 7, "SOMREF", "agent")])
    assert codes(roles.sources) == ["KEN"]
    assert codes(roles.targets) == ["SOMREF"]


def test_targets_nationality_adjective_of_object() -> None:
    """'Chile turned down a Peruvian proposal': the object's nationality adjective is the target."""
    doc = parsed(
        [
            ("Chile", 1, "nsubj", "PROPN"),
            ("rejected", 1, "ROOT", "VERB"),
            ("a", 4, "det", "DET"),
            ("Peruvian", 4, "amod", "ADJ"),
            ("proposal", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    roles = roles_of(doc, Trigger("120", 1, (1,), "t:1"), [mention(doc, 0, 1, "CHL")])
    assert codes(roles.targets) == ["PER"]


def test_roles_nationality_adjective_of_unresolved_subject() -> None:
    """'Some 9,000 Somali herders entered Kenya': a subject no dictionary knows takes the
    country of its nationality adjective."""
    doc = parsed(
        [
            ("Some", 1, "advmod", "ADV"),
            ("9,000", 3, "nummod", "NUM"),
            ("Somali", 3, "amod", "ADJ"),
            ("herders", 4, "nsubj", "NOUN"),
            ("entered", 4, "ROOT", "VERB"),
            ("Kenya", 4, "obj", "PROPN"),
            (".", 4, "punct", "PUNCT"),
        ]
    )
    roles = roles_of(doc, Trigger("0233", 4, (4,), "t:1"), [mention(doc, 5, 6, "KEN")])
    assert codes(roles.sources) == ["SOM"]
    assert codes(roles.targets) == ["KEN"]


def test_targets_from_phrase_names_where_the_object_came_from() -> None:
    """'Chile rejected a proposal from Bolivia': the object is no actor, its origin is."""
    doc = parsed(
        [
            ("Chile", 1, "nsubj", "PROPN"),
            ("rejected", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("proposal", 1, "obj", "NOUN"),
            ("from", 5, "case", "ADP"),
            ("Bolivia", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "CHL"), mention(doc, 5, 6, "BOL")]
    assert codes(roles_of(doc, Trigger("120", 1, (1,), "t:1"), mentions).targets) == ["BOL"]


def test_targets_from_phrase_of_an_attack_is_a_launch_site() -> None:
    """'Hezbollah fired rockets from Lebanon': where a strike came from is not who was hit."""
    doc = parsed(
        [
            ("Hezbollah", 1, "nsubj", "PROPN"),
            ("fired", 1, "ROOT", "VERB"),
            ("rockets", 1, "obj", "NOUN"),
            ("from", 4, "case", "ADP"),
            ("Lebanon", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "LBNREB", "group"), mention(doc, 4, 5, "LBN")]
    assert codes(roles_of(doc, Trigger("190", 1, (1, 2), "t:1"), mentions).targets) == []


def test_targets_agent_of_the_demanded_action() -> None:
    """'Japan demanded the departure of the Chinese navy': who is to depart is the target."""
    doc = parsed(
        [
            ("Japan", 1, "nsubj", "PROPN"),
            ("demanded", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("departure", 1, "obj", "NOUN"),
            ("of", 7, "case", "ADP"),
            ("the", 7, "det", "DET"),
            ("Chinese", 7, "amod", "ADJ"),
            ("navy", 3, "nmod", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("1056", 1, (1, 3), "t:1", target_preps=("from",), object_target=False)
    mentions = [mention(doc, 0, 1, "JPN"), mention(doc, 6, 8, "CHNNAV", "agent")]
    assert codes(roles_of(doc, trig, mentions).targets) == ["CHNNAV"]


def test_targets_own_possessive_is_no_counterpart() -> None:
    """'Peru and Chile upgraded their ties': "their" is the subjects themselves, not a target."""
    doc = parsed(
        [
            ("Peru", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Chile", 0, "conj", "PROPN"),
            ("upgraded", 3, "ROOT", "VERB"),
            ("their", 5, "nmod:poss", "PRON"),
            ("ties", 3, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("050", 3, (3, 5), "t:1", target_preps=("with",), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "PER"), mention(doc, 2, 3, "CHL")])
    assert sorted(codes(roles.sources)) == ["CHL", "PER"]
    assert codes(roles.targets) == []


def test_targets_that_clause_read_as_adverbial() -> None:
    """'Ecuador demanded Monday that Colombia withdraw': the clause's subject, however attached."""
    doc = parsed(
        [
            ("Ecuador", 1, "nsubj", "PROPN"),
            ("demanded", 1, "ROOT", "VERB"),
            ("Monday", 1, "obj", "PROPN"),
            ("that", 5, "mark", "SCONJ"),
            ("Colombia", 5, "nsubj", "PROPN"),
            ("withdraw", 1, "advcl", "VERB"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "ECU"), mention(doc, 4, 5, "COL")]
    assert codes(roles_of(doc, Trigger("100", 1, (1,), "t:1"), mentions).targets) == ["COL"]


def test_targets_that_clause_subject_misread_as_compound() -> None:
    """'Kenya demanded that Somalia hand over ...': an actor between "that" and the verb."""
    doc = parsed(
        [
            ("Kenya", 1, "nsubj", "PROPN"),
            ("demanded", 1, "ROOT", "VERB"),
            ("that", 4, "mark", "SCONJ"),
            ("Somalia", 4, "compound", "PROPN"),
            ("extradite", 1, "ccomp", "VERB"),
            ("the", 6, "det", "DET"),
            ("suspects", 4, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "KEN"), mention(doc, 3, 4, "SOM")]
    assert codes(roles_of(doc, Trigger("100", 1, (1,), "t:1"), mentions).targets) == ["SOM"]


def test_targets_infinitive_read_as_adverbial_is_a_complement() -> None:
    """'Turkey threatened yesterday to halt exports to Iraq': the infinitive's "to" phrase."""
    doc = parsed(
        [
            ("Turkey", 1, "nsubj", "PROPN"),
            ("threatened", 1, "ROOT", "VERB"),
            ("yesterday", 1, "obl:unmarked", "NOUN"),
            ("to", 4, "mark", "PART"),
            ("halt", 1, "advcl", "VERB"),
            ("exports", 4, "obj", "NOUN"),
            ("to", 7, "case", "ADP"),
            ("Iraq", 4, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "TUR"), mention(doc, 7, 8, "IRQ")]
    assert codes(roles_of(doc, Trigger("130", 1, (1,), "t:1"), mentions).targets) == ["IRQ"]


def test_targets_purpose_clause_is_no_meeting_partner() -> None:
    """'Oman met to discuss ways to counter pirates': pirates are no partner of the meeting."""
    doc = parsed(
        [
            ("Oman", 1, "nsubj", "PROPN"),
            ("met", 1, "ROOT", "VERB"),
            ("to", 3, "mark", "PART"),
            ("discuss", 1, "advcl", "VERB"),
            ("ways", 3, "obj", "NOUN"),
            ("to", 6, "mark", "PART"),
            ("counter", 3, "advcl", "VERB"),
            ("pirates", 6, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("040", 3, (3,), "t:1", target_preps=("with",), reciprocal=True)
    mentions = [mention(doc, 0, 1, "OMN"), mention(doc, 7, 8, "---PIR", "agent")]
    assert codes(roles_of(doc, trig, mentions).targets) == []


def test_targets_conjoined_verbs_share_the_object() -> None:
    """'Canada donated and shipped medicine to Haiti': the first verb shares the second's phrase."""
    doc = parsed(
        [
            ("Canada", 1, "nsubj", "PROPN"),
            ("donated", 1, "ROOT", "VERB"),
            ("and", 3, "cc", "CCONJ"),
            ("shipped", 1, "conj", "VERB"),
            ("medicine", 3, "obj", "NOUN"),
            ("to", 6, "case", "ADP"),
            ("Haiti", 4, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("070", 1, (1,), "t:1", target_preps=("to",))
    mentions = [mention(doc, 0, 1, "CAN"), mention(doc, 6, 7, "HTI")]
    assert codes(roles_of(doc, trig, mentions).targets) == ["HTI"]


def test_targets_reduced_relative_on_the_object() -> None:
    """'Brazil lifted the embargo imposed on Venezuela': the participle's phrase holds the target."""
    doc = parsed(
        [
            ("Brazil", 1, "nsubj", "PROPN"),
            ("lifted", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("embargo", 1, "obj", "NOUN"),
            ("imposed", 3, "acl", "VERB"),
            ("on", 6, "case", "ADP"),
            ("Venezuela", 4, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    doc[4].tag_ = "VBN"
    trig = Trigger("081", 1, (1, 3), "t:1", target_preps=("on",), object_target=False)
    mentions = [mention(doc, 0, 1, "BRA"), mention(doc, 6, 7, "VEN")]
    assert codes(roles_of(doc, trig, mentions).targets) == ["VEN"]


def test_roles_gerund_adjunct_shares_the_subject() -> None:
    """'Farmers joined the strike by blocking roads': who blocks is who joined."""
    doc = parsed(
        [
            ("Farmers", 1, "nsubj", "NOUN"),
            ("joined", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("strike", 1, "obj", "NOUN"),
            ("by", 5, "mark", "SCONJ"),
            ("blocking", 1, "advcl", "VERB"),
            ("roads", 5, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    doc[5].tag_ = "VBG"
    trig = Trigger("144", 5, (5, 6), "t:1", object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "FRAAGR", "agent")])
    assert codes(roles.sources) == ["FRAAGR"]


def test_roles_clause_lends_a_subject_to_a_parse_with_only_a_target() -> None:
    """'The council on Monday eased sanctions on Eritrea', parsed as a noun phrase with "eased"
    as an adjective: the actor before the verb in its clause is the source."""
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("council", 1, "ROOT", "NOUN"),
            ("on", 3, "case", "ADP"),
            ("Monday", 5, "compound", "PROPN"),
            ("eased", 5, "amod", "VERB"),
            ("sanctions", 1, "nmod", "NOUN"),
            ("on", 7, "case", "ADP"),
            ("Eritrea", 5, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 2, "UNSC", "igo"), mention(doc, 7, 8, "ERI")]
    trig = Trigger("085", 4, (4, 5), "t:1", target_preps=("on",), object_target=False)
    roles = roles_of(doc, trig, mentions)
    assert codes(roles.targets) == ["ERI"]
    assert codes(roles.sources) == ["UNSC"]
    assert roles.method == "parse+clause-rule"


def test_roles_clause_lends_no_place_as_subject() -> None:
    """'In northern Chile, a storm killed six people': a place in a prepositional phrase is no source."""
    doc = parsed(
        [
            ("In", 2, "case", "ADP"),
            ("northern", 2, "amod", "ADJ"),
            ("Chile", 6, "obl", "PROPN"),
            (",", 6, "punct", "PUNCT"),
            ("a", 5, "det", "DET"),
            ("storm", 6, "nsubj", "NOUN"),
            ("killed", 6, "ROOT", "VERB"),
            ("six", 8, "nummod", "NUM"),
            ("people", 6, "obj", "NOUN"),
            (".", 6, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 2, 3, "CHL"), mention(doc, 8, 9, "---CVL", "agent")]
    roles = roles_of(doc, Trigger("190", 6, (6,), "t:1"), mentions)
    assert codes(roles.targets) == ["---CVL"]
    assert codes(roles.sources) == []


def test_roles_token_identity_participle_on_place_without_verb() -> None:
    """'the shelling of Aleppo city, killing eight' with no verb above: the climb for the
    participle's subject ends at the root (tokens compared by value, not identity)."""
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("shelling", 1, "ROOT", "NOUN"),
            ("of", 4, "case", "ADP"),
            ("Aleppo", 4, "compound", "PROPN"),
            ("city", 1, "nmod", "NOUN"),
            (",", 6, "punct", "PUNCT"),
            ("killing", 4, "acl", "VERB"),
            ("eight", 6, "obj", "NUM"),
        ]
    )
    doc[6].tag_ = "VBG"
    roles = roles_of(doc, Trigger("190", 6, (6,), "t:1"), [mention(doc, 3, 4, "SYRGOV", "capital")])
    assert codes(roles.sources) == []


def test_roles_agentless_passive_subject_is_the_target() -> None:
    """'Odesa was shelled overnight': the passive subject is who was hit, never the source."""
    doc = parsed(
        [
            ("Odesa", 2, "nsubj:pass", "PROPN"),
            ("was", 2, "aux:pass", "AUX"),
            ("shelled", 2, "ROOT", "VERB"),
            ("overnight", 2, "advmod", "ADV"),
            (".", 2, "punct", "PUNCT"),
        ],
        {1: "be", 2: "shell"},
    )
    doc[2].tag_ = "VBN"
    roles = roles_of(doc, Trigger("194", 2, (2,), "t:1"), [mention(doc, 0, 1, "UKRGOV", "capital")])
    assert codes(roles.targets) == ["UKRGOV"]
    assert codes(roles.sources) == []


def test_roles_named_apposition_before_pronoun_possessor() -> None:
    """'Canada sanctioned its Gulf ally Qatar': the named apposition is the target, not "its"."""
    doc = parsed(
        [
            ("Canada", 1, "nsubj", "PROPN"),
            ("sanctioned", 1, "ROOT", "VERB"),
            ("its", 4, "nmod:poss", "PRON"),
            ("Gulf", 4, "compound", "PROPN"),
            ("ally", 1, "obj", "NOUN"),
            ("Qatar", 4, "appos", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "CAN"), mention(doc, 5, 6, "QAT")]
    assert codes(roles_of(doc, Trigger("163", 1, (1,), "t:1"), mentions).targets) == ["QAT"]


def test_roles_conjoined_participle_shares_the_passive() -> None:
    """'A reporter was beaten and detained': the reporter is the one detained, not the source."""
    doc = parsed(
        [
            ("A", 1, "det", "DET"),
            ("reporter", 3, "nsubj:pass", "NOUN"),
            ("was", 3, "aux:pass", "AUX"),
            ("beaten", 3, "ROOT", "VERB"),
            ("and", 5, "cc", "CCONJ"),
            ("detained", 3, "conj", "VERB"),
            (".", 3, "punct", "PUNCT"),
        ],
        {2: "be", 3: "beat", 5: "detain"},
    )
    doc[3].tag_ = "VBN"
    doc[5].tag_ = "VBN"
    roles = roles_of(doc, Trigger("173", 5, (5,), "t:1"), [mention(doc, 1, 2, "---MED", "agent")])
    assert codes(roles.targets) == ["---MED"]
    assert codes(roles.sources) == []


def test_roles_an_offer_is_no_actor() -> None:
    """'Chile rejected two offers': "offer" ends like an agent noun but is nobody."""
    doc = parsed(
        [
            ("Chile", 1, "nsubj", "PROPN"),
            ("rejected", 1, "ROOT", "VERB"),
            ("two", 3, "nummod", "NUM"),
            ("offers", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    assert roles_of(doc, Trigger("120", 1, (1,), "t:1"), [mention(doc, 0, 1, "CHL")]).targets == ()


def test_roles_issuer_of_a_statement_does_what_it_says() -> None:
    """'Oxfam released a report accusing Chad of abuses': the report's issuer accuses."""
    doc = parsed(
        [
            ("Oxfam", 1, "nsubj", "PROPN"),
            ("released", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("report", 1, "obj", "NOUN"),
            ("accusing", 3, "acl", "VERB"),
            ("Chad", 4, "obj", "PROPN"),
            ("of", 7, "case", "ADP"),
            ("abuses", 4, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {1: "release", 3: "report", 4: "accuse"},
    )
    doc[4].tag_ = "VBG"
    mentions = [mention(doc, 0, 1, "---NGO", "group"), mention(doc, 5, 6, "TCD")]
    roles = roles_of(doc, Trigger("112", 4, (4,), "t:1"), mentions)
    assert codes(roles.sources) == ["---NGO"]
    assert codes(roles.targets) == ["TCD"]


def test_targets_unknown_thing_stands_for_the_country_it_is_in() -> None:
    """'Rebels shelled a depot near Kabul': a thing no dictionary knows is its country, AFG."""
    doc = parsed(
        [
            ("Rebels", 1, "nsubj", "NOUN"),
            ("shelled", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("depot", 1, "obj", "NOUN"),
            ("near", 5, "case", "ADP"),
            ("Kabul", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "---REB", "agent"), mention(doc, 5, 6, "AFGGOV", "capital")]
    roles = roles_of(doc, Trigger("194", 1, (1,), "t:1"), mentions)
    assert codes(roles.targets) == ["AFG"]
    assert roles.method == "parse+place"
    # the same with ClearNLP labels (spaCy's English models)
    doc = parsed(
        [
            ("Rebels", 1, "nsubj", "NOUN"),
            ("shelled", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("depot", 1, "dobj", "NOUN"),
            ("near", 3, "prep", "ADP"),
            ("Kabul", 4, "pobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "---REB", "agent"), mention(doc, 5, 6, "AFGGOV", "capital")]
    assert codes(roles_of(doc, Trigger("194", 1, (1,), "t:1"), mentions).targets) == ["AFG"]


def test_targets_conjoined_verb_with_its_own_phrase_shares_nothing() -> None:
    """'Gunmen seized up to 9 guards and burned a truck near Goma': two events, the first does
    not take the second's object."""
    doc = parsed(
        [
            ("Gunmen", 1, "nsubj", "NOUN"),
            ("seized", 1, "ROOT", "VERB"),
            ("up", 1, "compound:prt", "ADP"),
            ("to", 5, "case", "ADP"),
            ("9", 5, "nummod", "NUM"),
            ("guards", 1, "obl", "NOUN"),
            ("and", 7, "cc", "CCONJ"),
            ("burned", 1, "conj", "VERB"),
            ("a", 9, "det", "DET"),
            ("truck", 7, "obj", "NOUN"),
            ("near", 11, "case", "ADP"),
            ("Goma", 9, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "---REB", "agent"), mention(doc, 11, 12, "COD", "country")]
    assert roles_of(doc, Trigger("181", 1, (1,), "t:1"), mentions).targets == ()


def test_targets_purpose_clause_of_a_protest() -> None:
    """'Truckers blocked the bridge to press their demands from the mayor': a protest whose
    pattern points to its purpose clause targets whom the clause presses, not the protesters
    themselves through 'their'."""
    doc = parsed(
        [
            ("Truckers", 1, "nsubj", "NOUN"),
            ("blocked", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("bridge", 1, "obj", "NOUN"),
            ("to", 5, "mark", "PART"),
            ("press", 1, "advcl", "VERB"),
            ("their", 7, "nmod:poss", "PRON"),
            ("demands", 5, "obj", "NOUN"),
            ("from", 10, "case", "ADP"),
            ("the", 10, "det", "DET"),
            ("mayor", 7, "nmod", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [mention(doc, 0, 1, "---LAB", "agent"), mention(doc, 10, 11, "PERGOV", "agent")]
    trig = Trigger("144", 1, (1, 3), "t:1", object_target=False, target_head=5)
    roles = roles_of(doc, trig, mentions)
    assert codes(roles.sources) == ["---LAB"]
    assert codes(roles.targets) == ["PERGOV"]
    # without the purpose clause the pattern takes no target
    plain = Trigger("144", 1, (1, 3), "t:1", object_target=False)
    assert roles_of(doc, plain, mentions).targets == ()
    # a chained verb ("refused to step down") is no purpose clause: the pattern's spec rules
    chained = Trigger("144", 1, (1, 3, 5), "t:1", object_target=False, target_head=5)
    assert roles_of(doc, chained, mentions).targets == ()


def test_targets_protest_lexicon_points_at_whom_it_presses() -> None:
    """Protest patterns name their target: the purpose clause of a road block, the possessor of
    a decision protested against, the one whose resignation is demanded."""
    import dyad

    def dyads(text: str) -> set[tuple[str, str, str]]:
        return {
            (e.source.code if e.source else "-", e.cameo, e.target.code if e.target else "-")
            for e in dyad.extract(text, date="2024-05-15")
            if e.factuality == "asserted"
        }

    got = dyads(
        "Farmers blocked the main highway on Monday to demand subsidies from the French government."
    )
    assert ("FRAAGR", "144", "FRAGOV") in got
    got = dyads(
        "Hundreds of Kurdish refugees protested on Tuesday against Greece's decision to close its border."
    )
    assert ("---REF", "1412", "GRC") in got
    got = dyads(
        "Several thousand students demonstrated in Managua for the resignation of President Daniel Ortega."
    )
    assert ("NICEDU", "1411", "NICGOV") in got


def test_targets_by_phrase_on_active_verb_is_the_objects_agent() -> None:
    """'Peru is probing abuses by soldiers', 'by soldiers' hung on the verb: in an active clause
    the phrase names who committed the abuses; a passive keeps it as its agent."""
    rows = [
        ("Peru", 2, "nsubj", "PROPN"),
        ("is", 2, "aux", "AUX"),
        ("probing", 2, "ROOT", "VERB"),
        ("abuses", 2, "obj", "NOUN"),
        ("by", 5, "case", "ADP"),
        ("soldiers", 2, "obl", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]
    doc = parsed(rows)
    mentions = [mention(doc, 0, 1, "PER"), mention(doc, 5, 6, "---MIL", "agent")]
    roles = roles_of(doc, Trigger("092", 2, (2, 3), "t:1"), mentions)
    assert codes(roles.sources) == ["PER"]
    assert codes(roles.targets) == ["---MIL"]
    # "by 40 votes": a count is no agent
    doc = parsed(
        [
            *rows[:4],
            ("by", 6, "case", "ADP"),
            ("40", 6, "nummod", "NUM"),
            ("soldiers", 2, "obl", "NOUN"),
        ]
    )
    mentions = [mention(doc, 0, 1, "PER"), mention(doc, 6, 7, "---LEG", "agent")]
    assert roles_of(doc, Trigger("092", 2, (2, 3), "t:1"), mentions).targets == ()


def test_targets_investigated_crime_names_its_suspect() -> None:
    """'Kenya is investigating war crimes by Somali militants': the investigation of a crime
    targets who committed it."""
    import dyad

    events = dyad.extract(
        "Kenya is investigating war crimes by Somali militants near the border.", date="2024-05-15"
    )
    assert any(
        e.source and e.source.code == "KEN" and e.target and e.target.code.startswith("SOM")
        for e in events
        if e.cameo.startswith("09")
    )


def test_targets_possessor_of_an_arrest_is_who_was_arrested() -> None:
    """'Ghana condemned the journalist's arrest': the possessor of an act done to someone
    undergoes it; 'Egypt's release of 20 prisoners' keeps Egypt as the one who released."""
    doc = parsed(
        [
            ("Ghana", 1, "nsubj", "PROPN"),
            ("condemned", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("journalist", 5, "nmod:poss", "NOUN"),
            ("'s", 3, "case", "PART"),
            ("arrest", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {5: "arrest"},
    )
    mentions = [mention(doc, 0, 1, "GHA"), mention(doc, 3, 4, "---MED", "agent")]
    roles = roles_of(doc, Trigger("173", 5, (5,), "t:1", noun=True), mentions)
    assert codes(roles.targets) == ["---MED"]
    assert "---MED" not in codes(roles.sources)
    doc = parsed(
        [
            ("Egypt", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("release", 2, "ROOT", "NOUN"),
            ("of", 5, "case", "ADP"),
            ("20", 5, "nummod", "NUM"),
            ("prisoners", 2, "nmod", "NOUN"),
        ],
        {2: "release"},
    )
    mentions = [mention(doc, 0, 1, "EGY"), mention(doc, 5, 6, "---CVL", "agent")]
    trig = Trigger("084", 2, (2,), "t:1", noun=True, target_preps=("of",), object_target=False)
    roles = roles_of(doc, trig, mentions)
    assert codes(roles.sources) == ["EGY"]
    assert codes(roles.targets) == ["---CVL"]


def test_targets_condolences_go_to_whom_they_are_expressed() -> None:
    """'expressed condolences to Somalia (over the bombing)', 'solidarity with Peru': the verb
    patterns of condolence read their 'to' and 'with' phrases, as the noun patterns do."""
    import dyad

    for text, target in (
        ("Kenya expressed condolences to Somalia over the bombing in Mogadishu.", "SOM"),
        ("Italy offered condolences to Egypt for the attack on a church.", "EGY"),
        ("Chile expressed solidarity with Peru after the earthquake.", "PER"),
        ("Ghana conveyed its sympathy to the government of Togo.", "TGOGOV"),
    ):
        events = [e for e in dyad.extract(text, date="2024-05-15") if e.cameo == "018"]
        assert [e.target.code if e.target else "-" for e in events] == [target], text


def test_targets_preposition_read_as_opening_a_gerund_clause() -> None:
    """'Chad lodged a complaint against visiting Libyan officials', "against" parsed as the mark
    of a clause "visiting Libyan officials": its object is the phrase's noun, the target."""
    doc = parsed(
        [
            ("Chad", 1, "nsubj", "PROPN"),
            ("lodged", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("complaint", 1, "obj", "NOUN"),
            ("against", 5, "mark", "SCONJ"),
            ("visiting", 1, "advcl", "VERB"),
            ("Libyan", 7, "amod", "ADJ"),
            ("officials", 5, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {5: "visit"},
    )
    doc[5].tag_ = "VBG"
    mentions = [mention(doc, 0, 1, "TCD"), mention(doc, 6, 8, "LBYGOV", "agent")]
    trig = Trigger("114", 1, (1, 3), "t:1", target_preps=("against",), object_target=False)
    assert codes(roles_of(doc, trig, mentions).targets) == ["LBYGOV"]


def test_targets_verb_read_as_adjective_of_its_object() -> None:
    """'Peru flatly rejected Chile's offer', "rejected" parsed as an adjective of "offer": the
    noun it modifies is its object, whose possessor is the target."""
    doc = parsed(
        [
            ("Peru", 2, "nsubj", "PROPN"),
            ("flatly", 2, "advmod", "ADV"),
            ("rejected", 5, "amod", "VERB"),
            ("Chile", 5, "nmod:poss", "PROPN"),
            ("'s", 3, "case", "PART"),
            ("offer", 5, "ROOT", "NOUN"),
            (".", 5, "punct", "PUNCT"),
        ],
        {2: "reject"},
    )
    mentions = [mention(doc, 0, 1, "PER"), mention(doc, 3, 4, "CHL")]
    assert codes(roles_of(doc, Trigger("120", 2, (2,), "t:1"), mentions).targets) == ["CHL"]


def test_targets_own_forces_object_gives_way_to_the_place_they_leave() -> None:
    """'Syria pulled its troops from Lebanon': "its troops" are the subject's own; the 'from'
    phrase names the other side."""
    doc = parsed(
        [
            ("Syria", 1, "nsubj", "PROPN"),
            ("pulled", 1, "ROOT", "VERB"),
            ("its", 3, "nmod:poss", "PRON"),
            ("troops", 1, "obj", "NOUN"),
            ("from", 5, "case", "ADP"),
            ("Lebanon", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    mentions = [
        mention(doc, 0, 1, "SYR"),
        mention(doc, 2, 4, "SYRMIL", "coref"),
        mention(doc, 5, 6, "LBN"),
    ]
    assert codes(roles_of(doc, Trigger("0874", 1, (1, 3), "t:1"), mentions).targets) == ["LBN"]
