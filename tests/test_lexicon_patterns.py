"""The strict pattern reader: every bad entry reported as file:line, and custom lexicons load."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dyad.coding.lexicon import Lexicon
from dyad.coding.patterns import read_classes
from dyad.errors import DictionaryError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicon_bundled_files_load_and_cover_every_root() -> None:
    """The bundled lexicon loads cleanly and has patterns for all 20 roots."""
    lex = Lexicon.load()
    assert {c[:2] for c in lex.codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len(lex.patterns) > 900


def test_lexicon_bundled_covers_every_three_digit_code() -> None:
    """At least one pattern for every 3-digit CAMEO code (44x and 20x included)."""
    from dyad.coding.cameo import load_codes

    three = {c for c in load_codes() if len(c) == 3}
    covered = {c[:3] for c in Lexicon.load().codes if len(c) >= 3}
    assert three - covered == set()


def test_lexicon_bad_entries_reported_with_file_and_line(tmp_path: Path) -> None:
    """Unknown field, bad code, unknown class, bad target and bad head all come back at once."""
    classes = write(tmp_path / "classes.txt", "@ARMS | words: weapon; missile\n")
    verbs = write(
        tmp_path / "verbs.txt",
        "# header\n"
        "supply | code: 072 | obj: @ARMS\n"
        "supply | code: 72 | obj: @ARMS\n"
        "send | code: 072 | obj: @WEAPONS\n"
        "meet | code: 040 | colour: blue\n"
        "visit | code: 042 | target: sideways\n"
        "Visit | code: 042\n"
        "pull out | obj: @ARMS\n",
    )
    with pytest.raises(DictionaryError) as err:
        Lexicon.load([verbs], classes=[classes])
    problems = err.value.problems
    assert len(problems) == 6
    assert problems[0].startswith(f"{verbs}:3: code '72': not a CAMEO code")
    assert (
        problems[1]
        == f"{verbs}:4: obj '@WEAPONS': unknown class @WEAPONS; define it in classes.txt"
    )
    assert problems[2].startswith(f"{verbs}:5: unknown field 'colour'")
    assert problems[3].startswith(f"{verbs}:6: target 'sideways'")
    assert problems[4].startswith(f"{verbs}:7: bad key 'Visit'")
    assert problems[5] == f"{verbs}:8: entry 'pull out' lacks required field(s) code"


def test_lexicon_class_cycle_and_unknown_nested(tmp_path: Path) -> None:
    """A class that includes itself, or an undefined class, is reported at its line."""
    classes = write(
        tmp_path / "classes.txt",
        "@A | words: x; @B\n@B | words: y; @A\n@C | words: @NOPE\n",
    )
    with pytest.raises(DictionaryError) as err:
        read_classes([classes])
    text = "\n".join(err.value.problems)
    assert f"{classes}:1: class @A includes itself" in text
    assert f"{classes}:3: unknown class @NOPE" in text


def test_lexicon_custom_files_and_noun_file_by_name(tmp_path: Path) -> None:
    """User files load; a file named nouns*.txt holds noun patterns with light verbs."""
    classes = write(tmp_path / "classes.txt", "@GIFT | words: flower; cake\n")
    verbs = write(tmp_path / "verbs_extra.txt", "offer | code: 051 | obj: @GIFT | target: to\n")
    nouns = write(tmp_path / "nouns_extra.txt", "parley | code: 040 | light: hold | recip: yes\n")
    lex = Lexicon.load([verbs, nouns], classes=[classes])
    doc = spacy.blank("en")("Kim offered flowers to Putin and they held a parley.")
    trigs = lex.find_triggers(doc[:])
    assert [(t.code, t.noun, t.rule) for t in trigs] == [
        ("051", False, "verbs_extra.txt:1"),
        ("040", True, "nouns_extra.txt:1"),
    ]
