"""The CAMEO code table: contents, lookups and the checks run on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.coding.cameo import code_info, load_codes, quad_for_root, read_codes, root, variant
from dyad.errors import DictionaryError, DyadError


def test_cameo_table_has_every_root_and_subcode() -> None:
    """All 20 roots and the 3- and 4-digit codes of CAMEO 1.1b3 are in the table."""
    codes = load_codes()
    assert {f"{r:02d}" for r in range(1, 21)} <= codes.keys()
    for code in ("010", "0211", "0256", "0332", "044", "057", "0874", "1042", "1125", "1246",
                 "1384", "1454", "154", "1663", "1712", "175", "1833", "196", "2042"):  # fmt: skip
        assert code in codes
    assert len(codes) == 313


def test_cameo_sample_values() -> None:
    """Goldstein, QuadClass and PLOVER values of sample codes match the published tables."""
    fight = code_info("190")
    assert (fight.quad_class, fight.goldstein, fight.plover_type) == (4, -10.0, "ASSAULT")
    sign = code_info("057")
    assert (sign.quad_class, sign.goldstein, sign.plover_type) == (1, 8.0, "SUPPORT")
    sanction = code_info("163")
    assert (sanction.quad_class, sanction.goldstein, sanction.plover_type) == (4, -8.0, "COERCE")
    assert sanction.plover_mode == "restrict"
    assert code_info("072").goldstein == 8.3 and code_info("072").plover_context == ("military",)
    assert code_info("1385").plover_context == ("cbrn",)
    assert code_info("0874").goldstein == 10.0


def test_cameo_quadclass_follows_root() -> None:
    """Every code's QuadClass is the GDELT one for its root."""
    for code, info in load_codes().items():
        assert info.quad_class == quad_for_root(root(code)), code
        assert -10 <= info.goldstein <= 10


def test_cameo_appeals_map_to_request_and_statements_to_nothing() -> None:
    """02x take PLOVER REQUEST like their 10x twins; 01x public statements have no PLOVER type."""
    assert code_info("0233").plover_type == "REQUEST"
    assert code_info("0233").plover_context == code_info("1033").plover_context
    assert code_info("012").plover_type == ""


def test_cameo_unknown_code_names_code_and_fix() -> None:
    """An unknown code raises a DyadError naming it and suggesting the leading zero."""
    with pytest.raises(DyadError, match=r"'57'.*'057'"):
        code_info("57")
    with pytest.raises(DyadError, match="unknown CAMEO code '999'"):
        code_info("999")


def test_cameo_root_of_codes() -> None:
    """root() is the two-digit prefix."""
    assert root("1384") == "13" and root("057") == "05" and root("20") == "20"


def test_cameo_bad_table_reports_file_lines(tmp_path: Path) -> None:
    """A bad table lists each problem as file:line: missing root, score out of range, wrong quad."""
    bad = tmp_path / "codes.txt"
    bad.write_text(
        "05 | label: Cooperate | goldstein: 3.5 | quad: 1\n"
        "057 | label: Sign | goldstein: 11 | quad: 1\n"
        "058 | label: Odd | goldstein: 1 | quad: 3\n"
        "191 | label: Blockade | goldstein: -9.5 | quad: 4\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as err:
        read_codes(bad)
    text = "\n".join(err.value.problems)
    assert f"{bad}:2: goldstein '11'" in text
    assert f"{bad}:3: quad 3 disagrees with root 05" in text
    assert f"{bad}:4: code '191' has no root entry '19'" in text


def test_cameo_variants_cross_reference_moods() -> None:
    """variant() maps an action to its intent/appeal/demand/reject/threat codes, None if absent."""
    assert [variant("0841", m) for m in ("intent", "appeal", "demand", "reject")] == [
        "0353", "0253", "1053", "1243",
    ]  # fmt: skip
    assert variant("073", "intent") == "0333"
    assert variant("192", "threaten") == "1382"
    assert variant("163", "threaten") == "1312"
    assert variant("190", "intent") is None


def test_cameo_bad_variant_reported(tmp_path: Path) -> None:
    """A cross-reference to a missing code or one under the wrong root is a file:line problem."""
    bad = tmp_path / "codes.txt"
    bad.write_text(
        "03 | label: Intend | goldstein: 4 | quad: 1\n"
        "07 | label: Aid | goldstein: 7 | quad: 2\n"
        "073 | label: Food | goldstein: 7.4 | quad: 2 | intent: 0333 | demand: 03\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as err:
        read_codes(bad)
    assert err.value.problems == (
        f"{bad}:3: intent '0333': expected a code of this table under root 03",
        f"{bad}:3: demand '03': expected a code of this table under root 10",
    )
