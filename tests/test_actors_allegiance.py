"""Tests of actors defined by context: undated roles, allegiance, possessives, settlers."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dyad.actors import find_mentions


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _codes(nlp: Language, text: str, date: str | None = None) -> dict[str, str]:
    return {m.actor.text: m.actor.code for m in find_mentions(nlp(text), date)}


# ------------------------------------------------------------ undated documents


def test_actors_allegiance_undated_title_sets_era(blank: Language) -> None:
    """An undated text with 'Afghan President Ashraf Ghani' is from his term: the Taliban are
    rebels then, not the government they became in 2021."""
    codes = _codes(blank, "Afghan President Ashraf Ghani offered talks to the Taliban.")
    assert codes["Afghan President Ashraf Ghani"] == "AFGGOV"
    assert codes["Taliban"] == "AFGREB"


def test_actors_allegiance_undated_era_leaves_people(blank: Language) -> None:
    """The era decides groups only: Trump, untitled, keeps his latest role (USAGOV) in a text
    of Ghani's time rather than the business or elite years it also overlaps."""
    codes = _codes(blank, "Afghan President Ashraf Ghani met Donald Trump and the Taliban.")
    assert codes["Donald Trump"] == "USAGOV"
    assert codes["Taliban"] == "AFGREB"


def test_actors_allegiance_undated_open_era_and_collision(blank: Language) -> None:
    """'US President Donald Trump' dates the text from 2017 on (both Taliban roles fit), and the
    Afghan government named beside the Taliban tells them apart: AFGREB."""
    text = "US President Donald Trump, the Afghan government and the Taliban met in Doha."
    codes = _codes(blank, text)
    assert codes["Taliban"] == "AFGREB"
    assert _codes(blank, "US President Donald Trump met the Taliban.")["Taliban"] == "AFGGOV"


def test_actors_allegiance_undated_collision_with_state(blank: Language) -> None:
    """Without era evidence, a group named beside an organ of the state it later became is not
    that state: 'the Taliban rejected the Afghan government's offer' -> AFGREB vs AFGGOV."""
    codes = _codes(blank, "The Taliban rejected the Afghan government's offer of talks.")
    assert codes["Taliban"] == "AFGREB"
    assert codes["Afghan government"] == "AFGGOV"


def test_actors_allegiance_undated_agent_word_picks_role(blank: Language) -> None:
    """'Taliban militants' fit the group's rebel role; a title ('Taliban leader') does not say
    which role, so alone it keeps the latest."""
    assert (
        _codes(blank, "Taliban militants attacked a checkpoint.")["Taliban militants"] == "AFGREB"
    )
    assert _codes(blank, "The Taliban seized the town.")["Taliban"] == "AFGGOV"


def test_actors_allegiance_agent_word_sets_era_for_others(blank: Language) -> None:
    """'Taliban suicide bombers' date the text before August 2021, so the Haqqani network
    named later is a rebel group too."""
    codes = _codes(blank, "Taliban suicide bombers struck. The Haqqani network denied it.")
    assert codes["Haqqani network"] == "AFGREB"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("In 2019, the Taliban seized the district.", "AFGREB"),
        ("The Taliban, in power since September 2021, banned music.", "AFGGOV"),
        ("The Taliban freed 2030 prisoners.", "AFGGOV"),  # a count, not a year: no evidence
    ],
)
def test_actors_allegiance_undated_years_in_text(blank: Language, text: str, code: str) -> None:
    """Dates the text names ("in 2019", "September 2021") set an undated text's era."""
    assert _codes(blank, text)["Taliban"] == code


def test_actors_allegiance_undated_day_precision(blank: Language) -> None:
    """'August 12th, 2018' is a day: the ONLF was still a rebel front (a party from October)."""
    text = "The Ogaden National Liberation Front declared a ceasefire on August 12th, 2018."
    assert _codes(blank, text)["Ogaden National Liberation Front"] == "ETHREB"
    assert (
        _codes(blank, text.replace("August", "December"))["Ogaden National Liberation Front"]
        == "ETHPTY"
    )


def test_actors_allegiance_dated_text_keeps_date(blank: Language) -> None:
    """A dated text is decided by its date, whatever else it names."""
    text = "The Taliban rejected the Afghan government's offer of talks."
    assert _codes(blank, text, "2023-05-01")["Taliban"] == "AFGGOV"
    assert _codes(blank, text, "2019-05-01")["Taliban"] == "AFGREB"


# ------------------------------------------------------------ allegiance


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Militants loyal to Iraq's al-Qaeda leader bombed a market.", "Militants", "IRQREB"),
        ("Fighters loyal to the Houthis shelled the port.", "Fighters", "YEMREB"),
        ("Troops loyal to Vladimir Putin crossed the border.", "Troops", "RUSMIL"),
        ("Gunmen loyal to Hamas stormed the building.", "Gunmen", "PSEREB"),
        ("Supporters of former President Ben Bella marched in Oran.", "Supporters", "DZAOPP"),
        ("Supporters of Vladimir Putin rallied in Moscow.", "Supporters", "RUSCVL"),
    ],
)
def test_actors_allegiance_agent_takes_patron_country(
    blank: Language, text: str, agent: str, code: str
) -> None:
    """An agent defined by whom it is loyal to or supports takes that patron's country; troops
    stay MIL for a state patron, fighters of a group are rebels, supporters of an office holder
    civilians and of a former one opposition."""
    assert _codes(blank, text, "2019-05-01")[agent] == code


def test_actors_allegiance_unknown_patron_or_backer(blank: Language) -> None:
    """No patron country: 'fighters' (bound) is no actor, 'militants' stays ---REB; a backer
    ('Iran-backed', 'Iran-allied') lends no country."""
    assert "Fighters" not in _codes(blank, "Fighters loyal to the local chief fled.")
    assert _codes(blank, "Militants loyal to the cleric fled.")["Militants"] == "---REB"
    assert _codes(blank, "Iran-backed militias fired rockets.")["militias"] == "---UAF"
    assert _codes(blank, "An Iran-allied group seized the port.")["allied group"] == "---REB"


# ------------------------------------------------------------ possessives


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Bosnian Serbs said their forces had pulled back.", "their forces", "BIHMIL"),
        ("Russian officials said their forces would withdraw.", "their forces", "RUSMIL"),
        ("Hezbollah said its fighters had fired rockets.", "its fighters", "LBNREB"),
        ("The Houthis said their fighters took the airport.", "their fighters", "YEMREB"),
        ("Nato said its troops would stay.", "its troops", "NATO"),
    ],
)
def test_actors_allegiance_possessive_takes_owner(
    blank: Language, text: str, span: str, code: str
) -> None:
    """'their'/'its' before an agent lend the people's or country's country, or a group's or
    IGO's own code (as 'Hezbollah fighters' has it)."""
    assert _codes(blank, text, "2019-05-01")[span] == code


def test_actors_allegiance_possessive_without_owner(blank: Language) -> None:
    """'their fighters' with nobody to own them is no actor ('fighters' needs an owner)."""
    assert _codes(blank, "They said their fighters had left.", "2019-05-01") == {}


# ------------------------------------------------------------ agent phrases and settlers


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Anti-war groups called a strike.", "Anti-war groups", "---OPP"),
        ("Protest leaders rejected the offer.", "Protest leaders", "---OPP"),
        ("Algeria authorities banned the paper.", "Algeria authorities", "DZAGOV"),
        ("Pakistan army officers met.", "Pakistan army officers", "PAKMIL"),
        ("A Turkish official spoke.", "Turkish official", "TURGOV"),
        ("Chinese hackers struck.", "Chinese hackers", "CHNCRM"),
    ],
)
def test_actors_allegiance_agent_phrases(blank: Language, text: str, span: str, code: str) -> None:
    """Agent phrases from wire copy: a cause before the agent, a country name as adjective."""
    assert _codes(blank, text, "2019-05-01")[span] == code


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Bosnian Croats rejected the plan.", "Bosnian Croats", "BIHCVL"),
        ("Kosovo Albanians marched.", "Kosovo Albanians", "XKXCVL"),
        ("Iraqi Kurds voted.", "Iraqi Kurds", "IRQCVL"),
    ],
)
def test_actors_allegiance_community_of_another_nation(
    blank: Language, text: str, span: str, code: str
) -> None:
    """A country before another nation's people is a community living in the first."""
    assert _codes(blank, text, "2019-05-01") == {span: code}


def test_actors_allegiance_settlers_code_by_settling_state(blank: Language) -> None:
    """Settlers in the West Bank are Israeli settlers (CAMEO), not Palestinian ones."""
    codes = _codes(blank, "Jewish settlers in the West Bank attacked a village.", "2019-05-01")
    assert codes["settlers in the West Bank"] == "ISRSET"
    assert _codes(blank, "West Bank settlers rallied.", "2019-05-01") == {
        "West Bank settlers": "ISRSET"
    }
    assert _codes(blank, "Israeli settlers rallied.")["Israeli settlers"] == "ISRSET"


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Aid reached refugees fleeing the fighting in Sudan.", "refugees", "SDNREF"),
        ("Refugees fleeing to Chad crossed the border.", "Refugees", "---REF"),
        ("Gunmen shot the commander of Israel's militia ally.", "Israel's militia ally", "---UAF"),
    ],
)
def test_actors_allegiance_refugees_and_allies(
    blank: Language, text: str, span: str, code: str
) -> None:
    """Refugees take the country they flee (not where they flee to); a country's ally is not
    that country."""
    assert _codes(blank, text, "2019-05-01")[span] == code


def test_actors_allegiance_proxies_are_not_the_country(blank: Language) -> None:
    """ "Iran's proxies" names no Iranian actor."""
    assert "Iran" not in _codes(blank, "Iran's proxies attacked the base.", "2019-05-01")


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        (
            "Bush met dissidents from military-ruled Myanmar.",
            "dissidents from military-ruled Myanmar",
            "MMROPP",
        ),
        ("Aid reached refugees from war-torn Syria.", "refugees from war-torn Syria", "SYRREF"),
        ("Troops from the US-led coalition fled.", "US-led coalition", "USAMIL"),
    ],
)
def test_actors_allegiance_hyphen_modifier_before_country(
    blank: Language, text: str, span: str, code: str
) -> None:
    """A hyphen compound may stand between 'from'/'of' and the country ('war-torn Syria'); a
    '-led' phrase after 'from' stays its own actor."""
    assert _codes(blank, text, "2019-05-01")[span] == code
