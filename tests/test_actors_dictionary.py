"""Tests of the actor dictionaries: strict reading, coverage, and dated roles."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from dyad.actors import ActorDictionary, resolve
from dyad.actors.codes import norm_date, parse_role, pick_role
from dyad.actors.dictionary import DATA_DIR, SCHEMAS, default_dictionary
from dyad.dictfile import read_dictionary
from dyad.errors import DictionaryError

# The 193 UN member states (ISO 3166 alpha-3), written here independently of countries.txt.
UN_MEMBERS = tuple(
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE""".split()  # noqa: SIM905 (a block of codes reads better than a list)
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_dictionary_un_members_complete() -> None:
    """countries.txt lists all 193 UN members, both observers, Taiwan and Kosovo."""
    assert len(UN_MEMBERS) == 193
    have = set(default_dictionary().countries)
    assert set(UN_MEMBERS) | {"VAT", "PSE", "TWN", "XKX"} <= have


@pytest.mark.parametrize("code", UN_MEMBERS)
def test_actors_dictionary_every_member_resolves_by_name(code: str) -> None:
    """Each UN member's official short name from pycountry resolves to its code."""
    dic = default_dictionary()
    name = dic.countries[code]
    assert resolve(name).code == code  # type: ignore[union-attr]
    country = pycountry.countries.get(alpha_3=code)
    assert country is not None


@pytest.mark.parametrize(
    ("kind", "text", "where"),
    [
        ("countries", "RUS | name: Russia\nrus | name: x\n", ":2: bad key 'rus'"),
        ("countries", "RUS | name: Russia | colour: red\n", ":1: unknown field 'colour'"),
        ("countries", "\n\nUSA | abbr: US\n", ":3: entry 'USA' lacks required field(s) name"),
        ("countries", "USA | name: the United States\n", ":1: name 'the United States'"),
        ("igos", "NATO | name: Nato\nNATO | name: Nato\n", ":2: duplicate key 'NATO'"),
        ("agents", "XYZ | word: troops\n", ":1: bad key 'XYZ'"),
        ("people", "putin | name: Vladimir Putin | role: RUSGOV 2012-05..2000\n", ":1: role"),
        ("people", "putin | name: Vladimir Putin\n", ":1: entry 'putin' lacks required"),
        ("people", "putin | name: V | role: RUSGOV 2000.. | gender: x\n", ":1: gender 'x'"),
        ("groups", "hamas | name: Hamas | role: PSE-REB\n", ":1: role 'PSE-REB'"),
    ],
)
def test_actors_dictionary_bad_line_reports_file_and_line(
    tmp_path: Path, kind: str, text: str, where: str
) -> None:
    """A bad entry in any kind of dictionary is reported as file:line: message."""
    path = _write(tmp_path, f"user.{kind}.txt", text)
    with pytest.raises(DictionaryError) as err:
        ActorDictionary.load([path])
    assert any(p.startswith(str(path)) and where in p for p in err.value.problems), err.value


def test_actors_dictionary_unknown_country_in_role(tmp_path: Path) -> None:
    """A role whose country is not in countries.txt is reported with its line."""
    path = _write(tmp_path, "my.people.txt", "# c\nzed | name: Zed Zedson | role: ZZZGOV 2020..\n")
    with pytest.raises(DictionaryError) as err:
        ActorDictionary.load([path])
    assert f"{path}:2: role 'ZZZGOV': unknown country 'ZZZ'" in str(err.value)


def test_actors_dictionary_file_kind_from_name(tmp_path: Path) -> None:
    """A user file whose name does not tell its kind is refused with the fix."""
    path = _write(tmp_path, "mine.txt", "putin | name: Vladimir Putin | role: RUSGOV\n")
    with pytest.raises(DictionaryError, match="end it in one of"):
        ActorDictionary.load([path])


def test_actors_dictionary_user_file_adds_people(tmp_path: Path) -> None:
    """A user people file adds a person who then resolves with their dated role."""
    path = _write(
        tmp_path,
        "extra.people.txt",
        "ivanova | name: Olga Ivanova | role: RUSMED 2020..2022; RUSGOV 2022.. | gender: f\n",
    )
    dic = ActorDictionary.load([path])
    assert resolve("Olga Ivanova", "2021-03-01", dic).code == "RUSMED"  # type: ignore[union-attr]
    assert resolve("Olga Ivanova", "2023-03-01", dic).code == "RUSGOV"  # type: ignore[union-attr]
    assert resolve("Olga Ivanova", "2023-03-01") is None


def test_actors_codes_role_dates_half_open() -> None:
    """A role holds from its start day up to, not including, its end day."""
    role = parse_role("KORGOV 2022-05-10..2025-04-04")
    assert role is not None
    assert role.valid("2022-05-10") and role.valid("2025-04-03")
    assert not role.valid("2025-04-04") and not role.valid("2022-05-09")
    assert pick_role((role,), "2025-12") is None
    assert pick_role((role,), "2025") == role  # a bare year means its first day
    assert parse_role("KORGOV 2025..2024") is None


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("Donald Trump", "2019-06-01", "USAGOV"),
        ("Donald Trump", "2023-06-01", "USAELI"),
        ("Donald Trump", "2025-03-01", "USAGOV"),
        ("Trump", "2021-01-19", "USAGOV"),
        ("Trump", "2021-01-20", "USAELI"),
        ("Yoon Suk Yeol", "2024-10-30", "KORGOV"),
        ("Yoon Suk Yeol", "2025-06-10", "KORELI"),
        ("Lee Jae-myung", "2025-06-04", "KORGOV"),
        ("Lee Jae-myung", "2024-01-01", "KOROPP"),
        ("Mark Rutte", "2023-01-01", "NLDGOV"),
        ("Mark Rutte", "2024-10-28", "NATO"),
        ("Jens Stoltenberg", "2019-01-01", "NATO"),
        ("Kim Il Sung", "1980-01-01", "PRKGOV"),
        ("Kim Il Sung", "2024-01-01", "PRKELI"),
        ("Vladimir Putin", None, "RUSGOV"),
        ("Mark Rutte", None, "NATO"),
        ("Donald Trump", None, "USAGOV"),
    ],
)
def test_actors_dictionary_dated_roles(name: str, date: str | None, code: str) -> None:
    """People resolve to the role valid on the date; with no date, to their latest role."""
    actor = resolve(name, date)
    assert actor is not None and actor.code == code


def test_actors_dictionary_duplicate_id_across_files(tmp_path: Path) -> None:
    """A user person whose id dyad already uses is reported with the user file's line."""
    path = _write(tmp_path, "dup.people.txt", "putin | name: Vlad Putin | role: RUSGOV 2000..\n")
    with pytest.raises(DictionaryError) as err:
        ActorDictionary.load([path])
    assert any(p.startswith(f"{path}:1: id 'putin' already used by") for p in err.value.problems)


def test_actors_dictionary_only_user_files(tmp_path: Path) -> None:
    """With defaults=False only the given files are read."""
    countries = _write(tmp_path, "tiny.countries.txt", "ZZZ | name: Zedland | adj: Zedish\n")
    agents = _write(tmp_path, "tiny.agents.txt", "MIL | word: troops\n")
    dic = ActorDictionary.load([countries, agents], defaults=False)
    assert resolve("Zedish troops", None, dic).code == "ZZZMIL"  # type: ignore[union-attr]
    assert resolve("Russia", None, dic) is None


def _country_forms() -> list[tuple[str, str, str]]:
    entries = read_dictionary(DATA_DIR / "countries.txt", SCHEMAS["countries"])
    out: list[tuple[str, str, str]] = []
    for e in entries:
        out += [(v, e.head, e.head) for f in ("name", "abbr", "demonym") for v in e.all(f)]
        out += [(v, e.head, e.head + "GOV") for v in e.all("capital")]
        out += [(f"{v} officials", e.head, e.head + "GOV") for v in e.all("adj")]
    return out


def test_actors_dictionary_every_country_form_resolves() -> None:
    """Every name, abbreviation, demonym, capital and adjective in countries.txt resolves to its own
    country: no form is shadowed by another entry."""
    wrong = [
        (text, code, getattr(resolve(text), "code", None)) for text, _, code in _country_forms()
    ]
    assert [w for w in wrong if w[1] != w[2]] == []


def test_actors_dictionary_every_person_and_igo_resolves() -> None:
    """Every person's and group's full name, and every IGO form, resolves to that entry."""
    dic = default_dictionary()
    wrong = []
    for p in dic.people.values():
        actor = resolve(p.name)
        if actor is None or (actor.name, actor.code) != (p.name, p.code_at(None)):
            wrong.append(p.id)
    for e in read_dictionary(DATA_DIR / "igos.txt", SCHEMAS["igos"]):
        for form in (*e.all("name"), *e.all("abbr")):
            if getattr(resolve(form), "code", None) != e.head:
                wrong.append(form)
    assert wrong == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-30", "2024-10-30"),
        ("2024-10-30T08:15:00Z", "2024-10-30"),
        ("2024-10", "2024-10-01"),
        ("2024", "2024-01-01"),
        ("October 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_actors_codes_norm_date(value: str | None, expected: str | None) -> None:
    """Document dates are read as YYYY-MM-DD; unreadable ones count as no date."""
    assert norm_date(value) == expected


def test_actors_dictionary_agent_forms_listed_once() -> None:
    """No agent form appears twice (as word and bound, or in two sectors): one would shadow the
    other."""
    dic = default_dictionary()
    twice = [
        key
        for key, forms in dic.forms.items()
        if sum(f.kind in ("word", "bound", "title") for f in forms) > 1
    ]
    assert twice == []


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("Andreas Papandreou", "1985-06-01", "GRCGOV"),
        ("George Papandreou", "2001-06-01", "GRCGOV"),
        ("George Papandreou", "2007-06-01", "GRCOPP"),
        ("Papandreou", "1985-06-01", "GRCGOV"),
        ("Enrique Pena Nieto", "2016-03-01", "MEXGOV"),
        ("Mohamed Farmaajo", "2019-03-01", "SOMGOV"),
        ("Andrej Babis", "2023-03-01", "CZEOPP"),
        ("Andrej Babiš", "2019-03-01", "CZEGOV"),
        ("Robert Zoellick", "2010-03-01", "WB"),
        ("Isik Kosaner", "2011-01-01", "TURMIL"),
        ("King Maha Vajiralongkorn", "2020-03-01", "THAGOV"),
        ("Andrew Holness", "2014-03-01", "JAMOPP"),
        ("the Lord's Resistance Army", None, "UGAREB"),
        ("Ogaden National Liberation Front", "2010-01-01", "ETHREB"),
        ("Los Zetas", None, "MEXCRM"),
        ("the Bush administration", "1990-05-01", "USAGOV"),
        ("Farc", None, "COLREB"),
        ("MEPs", None, "---LEG"),
        ("Afghan mujahideen", "1988-01-01", "AFGREB"),
        ("Hezb-e-Islami", "2010-01-01", "AFGREB"),
        ("Hezb-e-Islami", "2019-01-01", "AFGPTY"),
        ("Interior Minister Horst Seehofer", "2019-01-01", "DEUGOV"),
        ("Nikos Dendias", "2024-01-01", "GRCMIL"),
        ("Hun Sen", "2025-01-01", "KHMLEG"),
        ("Imran Khan", "2014-01-01", "PAKOPP"),
        ("Malaysia Airlines", None, "MYSBUS"),
        ("Fayez Serraj", "2018-01-01", "LBYGOV"),
        ("Governor Andrew Cuomo", "2020-01-01", "USAGOV"),
        ("Carrie Lam", "2019-01-01", "CHNGOV"),
        ("Paul Kagame", "1992-01-01", "RWAREB"),
        ("Physicians for Human Rights", None, "---NGO"),
        ("UNSCOM weapons inspectors", "1998-01-01", "UNSCOM"),
        ("Ibrahim Gambari", "2008-01-01", "UN"),
        ("John Bolton", "2005-09-01", "USAGOV"),
        ("the Department of State Services", None, "NGASPY"),
        ("the White Helmets", None, "SYRNGO"),
        ("Avigdor Lieberman", "2017-01-01", "ISRMIL"),
        ("Avigdor Liberman", "2010-01-01", "ISRGOV"),
        ("Robert Mueller", "2018-01-01", "USAJUD"),
        ("Mykola Azarov", "2012-01-01", "UKRGOV"),
        ("the Bundestag", None, "DEULEG"),
        ("Kachin Independence Organization", None, "MMRREB"),
        ("Kyodo", None, "JPNMED"),
        ("Laurent Gbagbo", "2005-01-01", "CIVGOV"),
        ("Alassane Ouattara", "2015-01-01", "CIVGOV"),
        ("Guillaume Soro", "2004-01-01", "CIVREB"),
        ("Guillaume Soro", "2015-01-01", "CIVLEG"),
        ("Sushila Karki", "2025-10-01", "NPLGOV"),
    ],
)
def test_actors_dictionary_second_review_entries(name: str, date: str | None, code: str) -> None:
    """People, groups and agents added in the second ConfliBERT/PLOVER review resolve with their
    dated roles (accents optional in the text)."""
    actor = resolve(name, date)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the State Duma", "RUSLEG"),
        ("the Verkhovna Rada", "UKRLEG"),
        ("the Turkish Grand National Assembly", "TURLEG"),
        ("the Kosovo Assembly", "XKXLEG"),
        ("Nigeria's House of Representatives", "NGALEG"),
        ("the Italian Chamber of Deputies", "ITALEG"),
        ("the General Assembly", "UNGA"),
    ],
)
def test_actors_dictionary_parliaments_code_leg(phrase: str, code: str) -> None:
    """Parliaments named as seats or as a country's assembly code LEG; "assembly" alone is none."""
    actor = resolve(phrase, "2020-01-01")
    assert actor is not None and actor.code == code
    assert resolve("the assembly", "2020-01-01") is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Somali warlords", "SOMUAF"),
        ("Afghan tribal elders", "AFGCVL"),
        ("jihadis", "---REB"),
        ("Iraqi conscripts", "IRQMIL"),
        ("Nigeria's electoral commission", "NGAGOV"),
        ("Russian bombers", None),
    ],
)
def test_actors_dictionary_review_agent_words(phrase: str, code: str | None) -> None:
    """Agent words added in the second review resolve; "bombers" is left out (also aircraft)."""
    actor = resolve(phrase, "2020-01-01")
    assert (actor.code if actor else None) == code
