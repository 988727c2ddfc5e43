"""Exporting stored events: flat GDELT-like CSV or Parquet, or JSONL in the event contract."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from dyad.errors import bad_option, store_failed
from dyad.store.filters import EventFilter
from dyad.store.store import Store, events_sql

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl")
BATCH_ROWS = 10_000
STDOUT = "-"


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
        out: the file to write, whole or not at all (via a ``.part`` file); ``"-"`` writes
            CSV or JSONL to standard output.
        **filters: those of :meth:`Store.events` (``actor``, ``dyad``, ``root``, ``since``,
            ``until``, ``factuality``, ``limit``, ``both_directions``).

    Raises:
        InputError: unknown format or filter value.
        StoreError: the file cannot be written.
    """
    if format not in FORMATS:
        raise bad_option("format", format, " or ".join(FORMATS))
    flt = EventFilter(**filters)
    flt.where()  # validate the filters before any file is touched
    if str(out) == STDOUT:
        if format == "parquet":
            raise bad_option("output", out, "a file path for Parquet (it is binary)")
        n = _write(store, format, flt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return n
    target = Path(out)
    if not target.parent.is_dir():
        why = f"folder '{target.parent}' does not exist"
        raise store_failed(str(target), why, "create it first")
    part = target.with_name(target.name + ".part")
    try:
        with part.open("wb") as fh:
            n = _write(store, format, flt, fh)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        why = f"cannot write ({exc.strerror or exc})"
        raise store_failed(str(target), why, "pass another path") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    log.info("exported %d events to %s", n, target)
    return n


def _write(store: Store, format: str, flt: EventFilter, sink: IO[bytes]) -> int:
    if format == "jsonl":
        return _write_jsonl(store, flt, sink)
    select = ", ".join(f'{expr} AS "{name}"' for name, expr in FLAT_COLUMNS)
    sql, params = events_sql(select, flt)
    relation: Any = store.con.sql(sql, params=params)
    # DuckDB 2 renamed the streaming reader; pyproject allows DuckDB >= 1.0.
    to_reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    reader = to_reader(BATCH_ROWS)
    return _write_csv(reader, sink) if format == "csv" else _write_parquet(reader, sink)


def _write_jsonl(store: Store, flt: EventFilter, sink: IO[bytes]) -> int:
    cursor = store.query_events("e.json", flt)
    n = 0
    while rows := cursor.fetchmany(BATCH_ROWS):
        sink.write("".join(f"{text}\n" for (text,) in rows).encode("utf-8"))
        n += len(rows)
    return n


def _write_csv(reader: pa.RecordBatchReader, sink: IO[bytes]) -> int:
    import pyarrow.csv as pacsv

    n = 0
    try:  # plain header names (older pyarrow always quotes them)
        options = pacsv.WriteOptions(quoting_style="needed", quoting_header="none")
    except TypeError:
        options = pacsv.WriteOptions(quoting_style="needed")
    with pacsv.CSVWriter(sink, reader.schema, write_options=options) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _write_parquet(reader: pa.RecordBatchReader, sink: IO[bytes]) -> int:
    import pyarrow.parquet as pq

    n = 0
    with pq.ParquetWriter(sink, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n
