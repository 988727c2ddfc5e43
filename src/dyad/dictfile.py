"""The strict reader behind every plain-text dictionary (actors, agents, people, verbs, places).

Format, one entry per line::

    # comment (also after an entry)
    HEAD | field: value ; value | field: value

``HEAD`` is the entry's key (a code, a lemma, a pattern). Fields are ``name: values`` with values
separated by ``;``. Blank lines and comments are ignored; a line ending in ``\\`` continues
on the next.
Every problem in a file is collected and raised at once as :class:`DictionaryError` with
``file:line: message`` so an editor can fix them all in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import DictionaryError

Validator = Callable[[str], str | None]  # returns an error message, or None when the value is fine


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    line: int
    head: str
    fields: Mapping[str, tuple[str, ...]]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def get(self, name: str, default: str | None = None) -> str | None:
        values = self.fields.get(name)
        return values[0] if values else default

    def all(self, name: str) -> tuple[str, ...]:
        return self.fields.get(name, ())


@dataclass(frozen=True)
class Schema:
    """What a dictionary file may contain."""

    name: str
    fields: frozenset[str]
    required: frozenset[str] = frozenset()
    single: frozenset[str] = frozenset()  # fields that take exactly one value
    head: re.Pattern[str] = re.compile(r"\S.*")
    head_help: str = "a non-empty key"
    validators: Mapping[str, Validator] = field(default_factory=dict)
    unique_heads: bool = False


_FIELD = re.compile(r"^([a-z][a-z0-9_]*)\s*:\s*(.*)$", re.S)


def parse_lines(lines: Iterable[str], path: str, schema: Schema) -> list[Entry]:
    """Parse dictionary lines; raise DictionaryError listing every bad line."""
    problems: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    pending = ""
    pending_line = 0
    for lineno, raw in enumerate(lines, start=1):
        text = raw.rstrip("\n")
        if not pending:
            pending_line = lineno
        if text.rstrip().endswith("\\"):
            pending += text.rstrip()[:-1] + " "
            continue
        text = pending + text
        pending = ""
        text = _strip_comment(text).strip()
        if not text:
            continue
        where = f"{path}:{pending_line}"
        parts = [p.strip() for p in text.split("|")]
        head = parts[0]
        if not head or not schema.head.fullmatch(head):
            problems.append(f"{where}: bad key {head!r}: expected {schema.head_help}")
            continue
        fields: dict[str, tuple[str, ...]] = {}
        ok = True
        for part in parts[1:]:
            m = _FIELD.match(part)
            if not m:
                problems.append(f"{where}: {part!r} is not 'field: value[; value]'")
                ok = False
                continue
            name, body = m.group(1), m.group(2)
            if name not in schema.fields:
                allowed = ", ".join(sorted(schema.fields))
                problems.append(
                    f"{where}: unknown field {name!r} in {schema.name}; use one of {allowed}"
                )
                ok = False
                continue
            if name in fields:
                problems.append(f"{where}: field {name!r} given twice; join the values with ';'")
                ok = False
                continue
            values = tuple(v.strip() for v in body.split(";") if v.strip())
            if not values:
                problems.append(f"{where}: field {name!r} has no value")
                ok = False
                continue
            if name in schema.single and len(values) != 1:
                problems.append(f"{where}: field {name!r} takes one value, got {len(values)}")
                ok = False
                continue
            check = schema.validators.get(name)
            for v in values if check else ():
                msg = check(v) if check else None
                if msg:
                    problems.append(f"{where}: {name} {v!r}: {msg}")
                    ok = False
            fields[name] = values
        missing = sorted(schema.required - fields.keys())
        if missing:
            problems.append(f"{where}: entry {head!r} lacks required field(s) {', '.join(missing)}")
            ok = False
        if schema.unique_heads:
            if head in seen:
                problems.append(f"{where}: duplicate key {head!r} (first at line {seen[head]})")
                ok = False
            else:
                seen[head] = pending_line
        if ok:
            entries.append(Entry(path, pending_line, head, fields))
    if pending:
        problems.append(f"{path}:{pending_line}: file ends inside a continued line (trailing '\\')")
    if problems:
        raise DictionaryError(problems)
    return entries


def read_dictionary(path: str | Path, schema: Schema) -> list[Entry]:
    """Read one dictionary file (UTF-8) strictly."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError([f"{p}:1: not UTF-8 ({exc.reason}); save the file as UTF-8"]) from exc
    except OSError as exc:
        raise DictionaryError([f"{p}:0: cannot open ({exc.strerror})"]) from exc
    return parse_lines(text.splitlines(), str(p), schema)


def read_many(paths: Iterable[str | Path], schema: Schema) -> list[Entry]:
    """Read several files, reporting the problems of all of them together."""
    problems: list[str] = []
    entries: list[Entry] = []
    for p in paths:
        try:
            entries.extend(read_dictionary(p, schema))
        except DictionaryError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DictionaryError(problems)
    return entries


def read_word_list(path: str | Path, name: str) -> frozenset[str]:
    """A plain list of lower-case words or phrases, one per line (``#`` comments allowed), read
    with the same strict ``file:line`` errors as every dictionary."""
    schema = Schema(
        name=name,
        fields=frozenset(),
        head=re.compile(r"[a-z]+(?: [a-z]+)*"),
        head_help="lowercase words",
        unique_heads=True,
    )
    return frozenset(e.head for e in read_dictionary(path, schema))


def _strip_comment(text: str) -> str:
    # '#' starts a comment unless escaped as '\#' (hashtags in patterns are rare but possible)
    out = re.split(r"(?<!\\)#", text, maxsplit=1)[0]
    return out.replace("\\#", "#")


# ---------------------------------------------------------------- shared validators

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_date(value: str) -> str | None:
    return None if DATE_RE.match(value) else "expected YYYY, YYYY-MM or YYYY-MM-DD"


def valid_number(value: str) -> str | None:
    try:
        float(value)
    except ValueError:
        return "expected a number"
    return None
