"""Reading a PETRARCH-format verb dictionary as a user lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dyad.coding.lexicon import Lexicon
from dyad.errors import DictionaryError

SNIPPET = """\
&WEAPON
+WEAPON
+MISSILE
+ARTILLERY_SHELL

---  SUPPLY   [070]  ---
SUPPLY {SUPPLYING SUPPLIED SUPPLIES }
FURNISH [062]
- * &WEAPON                                    [072]         # SUPPLY
- * FOOD (TO REFUGEES)                         [073]         # SUPPLY
- GOVERNMENT * MONEY                           [071]         # SUPPLY
- * PROMISES                                   [---]         # SUPPLY

---  BLOW_UP   [---]  ---
+BLOW_UP {+BLOWS_UP +BLEW_UP +BLOWN_UP } [1712]
"""


def load(tmp_path: Path) -> Lexicon:
    path = tmp_path / "verbs.petrarch.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return Lexicon.from_petrarch(path)


def codes(lex: Lexicon, text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [t.code for t in lex.find_triggers(doc[:])]


def test_lexicon_petrarch_block_verbs_sets_and_patterns(tmp_path: Path) -> None:
    """Block codes, verb overrides, &sets as objects, (PREP WORD) phrases and multiword verbs."""
    lex = load(tmp_path)
    assert codes(lex, "Iran supplied missiles to Syria.")[0] == "072"
    assert codes(lex, "They supplied food to refugees.")[0] == "073"
    assert codes(lex, "They supplied it.") == ["070"]
    assert codes(lex, "Militants blew up the bridge.") == ["1712"]
    assert "062" in codes(lex, "Russia furnished the army.")


def test_lexicon_petrarch_skips_subject_context_and_silences_dashes(tmp_path: Path) -> None:
    """'- GOVERNMENT * MONEY' is skipped (no 071); '[---]' is no event and silences the verb."""
    lex = load(tmp_path)
    assert "071" not in codes(lex, "The government supplied money.")
    assert codes(lex, "They supplied promises.") == []


def test_lexicon_petrarch_rejects_other_files(tmp_path: Path) -> None:
    """A file without verb blocks is reported, naming the file."""
    path = tmp_path / "actors.txt"
    path.write_text("UNITED_STATES [USA]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="not a PETRARCH verb file"):
        Lexicon.from_petrarch(path)
