"""The store's tables, their columns, and migrations between schema versions."""

from __future__ import annotations

import logging
from collections.abc import Callable

import duckdb

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

_ACTOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("igo", "VARCHAR"),
    ("name", "VARCHAR"),
    ("text", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
)

DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"),
    ("url", "VARCHAR"),
    ("title", "VARCHAR"),
    ("date", "DATE"),
    ("origin", "VARCHAR"),
    ("text", "VARCHAR"),
    ("n_sentences", "INTEGER"),
    ("n_events", "INTEGER"),
    ("ingested_at", "TIMESTAMP"),
    ("run_id", "INTEGER"),
)

SENTENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("idx", "INTEGER"),
    ("start_char", "INTEGER"),  # "start"/"end" are SQL keywords; these read better in queries
    ("end_char", "INTEGER"),
    ("text", "VARCHAR"),
)

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("event_id", "VARCHAR PRIMARY KEY"),
    ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("factuality", "VARCHAR"),
    ("date", "VARCHAR"),  # as coded, at its precision
    ("date_precision", "VARCHAR"),
    ("day", "DATE"),  # the event's day (start of its month/year), else the document's date
    *((f"source_{n}", t) for n, t in _ACTOR_FIELDS),
    *((f"target_{n}", t) for n, t in _ACTOR_FIELDS),
    *((f"attribution_{n}", t) for n, t in _ACTOR_FIELDS),
    ("quote", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_geonames_id", "BIGINT"),
    ("rule", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("json", "VARCHAR"),  # the full event in the contract's JSON form: nothing is lost
)

SKIPPED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("origin", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("skipped_at", "TIMESTAMP"),  # "at" is an SQL keyword
    ("run_id", "INTEGER"),
)

RUN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("run_id", "INTEGER PRIMARY KEY"),
    ("started_at", "TIMESTAMP"),
    ("finished_at", "TIMESTAMP"),
    ("paths", "VARCHAR"),  # JSON list
    ("pipeline", "VARCHAR"),
    ("dyad_version", "VARCHAR"),
    ("read", "INTEGER"),
    ("stored", "INTEGER"),
    ("duplicates", "INTEGER"),
    ("skipped", "VARCHAR"),  # JSON object: reason -> count
    ("undated", "INTEGER"),
    ("events", "INTEGER"),
    ("seconds", "DOUBLE"),
)

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "events": EVENT_COLUMNS,
    "skipped": SKIPPED_COLUMNS,
    "runs": RUN_COLUMNS,
}


def names(columns: tuple[tuple[str, str], ...]) -> list[str]:
    return [name for name, _ in columns]


def quoted(name: str) -> str:
    return f'"{name}"'


def create_sql(table: str) -> str:
    cols = ", ".join(f"{quoted(n)} {t}" for n, t in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


# version -> function taking the schema from version-1 to version. None yet: version 1 is first.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The stored schema version, or None for a new (empty) database."""
    # fetchall, not fetchone: DuckDB 2 keeps a half-fetched result open and then refuses
    # register() on the connection.
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not found or not found[0][0]:
        return None
    rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of the current version in a new database."""
    con.execute("BEGIN")
    try:
        con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
        for table in TABLES:
            con.execute(create_sql(table))
        con.execute("CREATE SEQUENCE IF NOT EXISTS run_ids START 1")
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection, found: int) -> None:
    """Bring a database from schema version ``found`` up to :data:`SCHEMA_VERSION`."""
    for version in range(found + 1, SCHEMA_VERSION + 1):
        log.info("migrating store schema to version %d", version)
        con.execute("BEGIN")
        try:
            MIGRATIONS[version](con)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
