"""Exporting stored events: flat GDELT-like CSV or Parquet, or JSONL in the event contract."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pyarrow as pa

from dyad.errors import bad_option, store_failed
from dyad.store.filters import EventFilter
from dyad.store.store import Store, events_sql

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl")
BATCH_ROWS = 10_000


def _actor(n: int, side: str) -> list[tuple[str, str]]:
    return [
        (f"Actor{n}Code", f"e.{side}_code"),
        (f"Actor{n}Name", f"e.{side}_name"),
        (f"Actor{n}CountryCode", f"e.{side}_country"),
        (f"Actor{n}KnownGroupCode", f"e.{side}_igo"),
        (f"Actor{n}Type1Code", f"e.{side}_sector"),
        (f"Actor{n}Text", f"e.{side}_text"),
    ]


# (column, SQL expression) of the flat export; documented in docs/storage.md.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "e.event_id"),
    ("SQLDATE", "CAST(strftime(e.day, '%Y%m%d') AS INTEGER)"),
    ("DatePrecision", "e.date_precision"),
    *_actor(1, "source"),
    *_actor(2, "target"),
    ("EventCode", "e.cameo"),
    ("EventBaseCode", "left(e.cameo, 3)"),
    ("EventRootCode", "e.cameo_root"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("PloverType", "e.plover_type"),
    ("PloverMode", "e.plover_mode"),
    ("Factuality", "e.factuality"),
    ("Confidence", "e.confidence"),
    ("ActionGeo_FullName", "e.location_name"),
    ("ActionGeo_CountryCode", "e.location_country"),
    ("ActionGeo_ADM1Code", "e.location_admin1"),
    ("ActionGeo_Lat", "e.location_lat"),
    ("ActionGeo_Long", "e.location_lon"),
    ("ActionGeo_FeatureID", "e.location_geonames_id"),
    ("AttributionCode", "e.attribution_code"),
    ("AttributionName", "e.attribution_name"),
    ("Quote", "e.quote"),
    ("DocId", "e.doc_id"),
    ("DocDate", "d.date"),
    ("SentenceIndex", "e.sentence_index"),
    ("SOURCEURL", "d.url"),
    ("Origin", "d.origin"),
    ("Sentence", "e.sentence"),
)


def export(store: Store, format: str, out: str | Path, **filters: Any) -> int:
    """Write the events matching ``filters`` to ``out``; returns the number of events written.

    Args:
        store: an open store.
        format: ``"csv"`` or ``"parquet"`` (flat GDELT-like columns, see docs/storage.md) or
            ``"jsonl"`` (one event per line in the contract's JSON form).
        out: the file to write; written whole or not at all (via a ``.part`` file).
        **filters: those of :meth:`Store.events` (``actor``, ``dyad``, ``root``, ``since``,
            ``until``, ``factuality``, ``limit``, ``both_directions``).

    Raises:
        InputError: unknown format or filter value.
        StoreError: the file cannot be written.
    """
    if format not in FORMATS:
        raise bad_option("format", format, " or ".join(FORMATS))
    flt = EventFilter(**filters)
    target = Path(out)
    if not target.parent.is_dir():
        raise store_failed(
            str(target), f"folder '{target.parent}' does not exist", "create it first"
        )
    part = target.with_name(target.name + ".part")
    try:
        if format == "jsonl":
            n = _write_jsonl(store, flt, part)
        else:
            select = ", ".join(f'{expr} AS "{name}"' for name, expr in FLAT_COLUMNS)
            sql, params = events_sql(select, flt)
            relation: Any = store.con.sql(sql, params=params)
            # DuckDB 2 renamed the streaming reader; pyproject allows DuckDB >= 1.0.
            to_reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
            reader = to_reader(BATCH_ROWS)
            n = _write_csv(reader, part) if format == "csv" else _write_parquet(reader, part)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise store_failed(
            str(target), f"cannot write ({exc.strerror})", "pass another path"
        ) from exc
    except Exception:
        part.unlink(missing_ok=True)
        raise
    log.info("exported %d events to %s", n, target)
    return n


def _write_jsonl(store: Store, flt: EventFilter, path: Path) -> int:
    cursor = store.query_events("e.json", flt)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        while rows := cursor.fetchmany(BATCH_ROWS):
            fh.writelines(f"{text}\n" for (text,) in rows)
            n += len(rows)
    return n


def _write_csv(reader: pa.RecordBatchReader, path: Path) -> int:
    import pyarrow.csv as pacsv

    n = 0
    try:  # plain header names (older pyarrow always quotes them)
        options = pacsv.WriteOptions(quoting_style="needed", quoting_header="none")
    except TypeError:
        options = pacsv.WriteOptions(quoting_style="needed")
    with pacsv.CSVWriter(str(path), reader.schema, write_options=options) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _write_parquet(reader: pa.RecordBatchReader, path: Path) -> int:
    import pyarrow.parquet as pq

    n = 0
    with pq.ParquetWriter(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n
