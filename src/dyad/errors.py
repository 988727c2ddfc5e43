"""The one catalogue of dyad's errors.

Every message names the bad input, what was expected and the fix.
"""

from __future__ import annotations

from collections.abc import Sequence


class DyadError(Exception):
    """A problem the user can fix; the CLI prints the message and exits with ``exit_code``."""

    exit_code = 1


class InputError(DyadError):
    """A file or argument that cannot be read as what it claims to be."""

    exit_code = 2


class DictionaryError(DyadError):
    """Bad entries in a plain-text dictionary; each problem is ``file:line: message``."""

    exit_code = 3

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        head = f"{len(self.problems)} problem(s) in dictionary files; fix these entries:"
        super().__init__("\n".join([head, *self.problems]))


class ModelError(DyadError):
    """An NLP pipeline that cannot be loaded."""

    exit_code = 4


class StoreError(DyadError):
    """A database that cannot be opened or written."""

    exit_code = 5


class GoldError(DyadError):
    """A gold file that does not follow the evaluation format."""

    exit_code = 6


def unreadable(origin: str, why: str, fix: str) -> InputError:
    """Build the standard "cannot read" error: input, reason, fix."""
    return InputError(f"cannot read {origin!r}: {why}; {fix}")


def bad_date(value: str) -> InputError:
    return InputError(
        f"cannot use date {value!r}: expected YYYY-MM-DD; pass e.g. --date 2024-10-30"
    )


def bad_model(name: str, why: str) -> ModelError:
    return ModelError(
        f"cannot load NLP pipeline {name!r}: {why}; pass an installed spaCy package name, "
        "a pipeline directory, 'dyad' (the bundled pipeline) or 'blank' (rules only)"
    )


def missing_path(path: str) -> InputError:
    return InputError(
        f"cannot read {path!r}: no such file or folder; check the path, or pass - to read "
        "standard input"
    )


def bad_kind(kind: str, kinds: Sequence[str]) -> InputError:
    return InputError(
        f"cannot read input as {kind!r}: not a known kind (expected one of {', '.join(kinds)}); "
        "pass e.g. --kind html, or leave it out to detect the kind from the content"
    )


def bad_option(name: str, value: object, expected: str) -> InputError:
    """An option value outside its allowed set or form."""
    return InputError(f"cannot use {name} {value!r}: expected {expected}; pass a valid {name}")


def store_failed(path: str, why: str, fix: str) -> StoreError:
    """Build the standard store error: database, reason, fix."""
    return StoreError(f"cannot use store {path!r}: {why}; {fix}")
