"""Read a PETRARCH-format verb dictionary (``CAMEO.2.0.txt`` style) as dyad verb patterns.

A user option (``Lexicon.from_petrarch``), not dyad's default lexicon. What is understood:

* synonym sets ``&NAME`` with ``+WORD`` members (``_`` joins words: ``+CASH_``, ``+BLOW_UP``);
* verb blocks ``--- NAME [CODE] ---`` listing verbs (``WORD {FORMS} [CODE]``: dyad's own
  inflection handling replaces the listed forms; a ``[CODE]`` after a verb overrides the block's);
* pattern lines ``- * OBJECT (PREP OBJECT) [CODE]`` whose words after ``*`` become an object
  constraint (a word, a ``{MULTI WORD}`` phrase or an ``&SET``) and a required prepositional
  phrase. ``[---]`` becomes dyad's ``none`` (no event).

Lines with words before the ``*`` (subject-side context) and codes outside CAMEO 1.1b3 are skipped
and counted in the log; PETRARCH's ``source:target`` code pairs keep their first code.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.coding.cameo import load_codes
from dyad.coding.patterns import NO_EVENT, Pattern, PrepReq, WordSet
from dyad.errors import DictionaryError

log = logging.getLogger(__name__)

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_VERB = re.compile(r"^\+?([A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?\s*(#.*)?$")
_PATTERN = re.compile(r"^-\s*(.*?)\*(.*?)\[([^\]]*)\]")
_ITEM = re.compile(r"\([^)]*\)|\{[^}]*\}|&[A-Z_]+|[A-Z][A-Z'\-]*")


@dataclass
class _Reader:
    path: Path
    sets: dict[str, list[str]] = field(default_factory=dict)
    skipped: int = 0

    def code(self, raw: str) -> str | None:
        code = raw.split(":")[0].strip()
        if code == "---":
            return NO_EVENT
        if code in load_codes():
            return code
        self.skipped += 1
        return None

    def words(self, item: str) -> list[str]:
        if item.startswith("&"):
            return self.sets.get(item[1:], [])
        return [_word(item.strip("{}"))]


def read_petrarch(path: str | Path) -> list[Pattern]:
    """Verb patterns from a PETRARCH verb dictionary.

    Raises:
        DictionaryError: when the file cannot be read or holds no verb block at all.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError([f"{p}:0: cannot open ({exc.strerror})"]) from exc
    reader = _Reader(p)
    reader.sets = _synonym_sets(lines)
    patterns = list(_blocks(reader, lines))
    if not patterns:
        raise DictionaryError([f"{p}:1: no '--- VERB [CODE] ---' blocks; not a PETRARCH verb file"])
    log.info("%s: %d patterns, %d lines skipped", p.name, len(patterns), reader.skipped)
    return patterns


def _word(token: str) -> str:
    return token.strip("_").replace("_", " ").lower()


def _synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&") and " " not in text:
            current = sets.setdefault(text[1:], [])
        elif text.startswith("+") and current is not None:
            current.append(_word(text[1:].split()[0]))
        elif text.startswith("---"):
            current = None
    return sets


def _blocks(reader: _Reader, lines: list[str]) -> Iterator[Pattern]:
    verbs: list[str] = []
    block_code: str | None = None
    in_block = in_set = False
    for lineno, line in enumerate(lines, start=1):
        m = _BLOCK.match(line)
        if m:
            verbs, block_code = [], reader.code(m.group(2)) if m.group(2) != "---" else None
            in_block, in_set = True, False
            continue
        text = line.strip()
        if text.startswith("&"):
            in_set = True  # a synonym set: its +MEMBER lines are no verbs
            continue
        if not text:
            in_set = False
            continue
        if line.startswith("- ") and verbs:
            yield from _pattern(reader, lineno, line, verbs)
            continue
        m = _VERB.match(text)
        if m and in_block and not in_set and not text.startswith(("#", "-")):
            verb = _word(m.group(1))
            verbs.append(verb)
            code = reader.code(m.group(4)) if m.group(4) else block_code
            if code is not None and code != NO_EVENT:
                yield _make(reader, lineno, verb, code, None, None)


def _pattern(reader: _Reader, lineno: int, line: str, verbs: list[str]) -> Iterator[Pattern]:
    m = _PATTERN.match(line)
    if not m or m.group(1).strip():
        reader.skipped += 1  # subject-side context is not supported
        return
    code = reader.code(m.group(3))
    if code is None:
        return
    obj: list[str] = []
    prep: PrepReq | None = None
    for item in _ITEM.findall(m.group(2)):
        if item.startswith("("):
            inner = _ITEM.findall(item[1:-1])
            if inner and prep is None:
                objs = [w for i in inner[1:] for w in reader.words(i)]
                prep = PrepReq(_word(inner[0]), _wordset(objs) if objs else None)
        elif not obj:
            obj = reader.words(item)
    for verb in verbs:
        yield _make(reader, lineno, verb, code, _wordset(obj) if obj else None, prep)


def _wordset(words: list[str]) -> WordSet:
    single = frozenset(w for w in words if " " not in w)
    phrases = tuple(tuple(w.split()) for w in words if " " in w)
    return WordSet(single, phrases)


def _make(
    reader: _Reader, lineno: int, verb: str, code: str, obj: WordSet | None, prep: PrepReq | None
) -> Pattern:
    lemma, *particles = verb.split()
    spec = 1 + len(particles) + (3 if obj else 0) + ((3 if prep.objects else 2) if prep else 0)
    return Pattern(
        rule=f"{reader.path.name}:{lineno}",
        code=code,
        chain=((lemma, tuple(particles)),),
        obj=obj,
        preps=(prep,) if prep else (),
        target_preps=("to", "against", "with", "on", "at"),
        specificity=spec,
    )
