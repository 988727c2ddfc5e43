"""The event store: coded documents in an embedded DuckDB database, one transaction per batch."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import bad_option, store_failed
from dyad.model import Coded, Document, Event, Skipped, loads
from dyad.store import rows
from dyad.store.filters import EventFilter
from dyad.store.schema import SCHEMA_VERSION, create, current_version, migrate
from dyad.store.types import AddResult, DyadCount, IngestSummary, StoreSummary

log = logging.getLogger(__name__)

MEMORY = ":memory:"


class Store:
    """Coded documents, sentences, events, skip records and runs in one DuckDB file.

    Args:
        path: the database file (created if missing) or ``":memory:"``.
        read_only: open an existing database for queries only; several readers may share it.

    Raises:
        StoreError: the file cannot be opened (missing folder, locked by another process, not a
            DuckDB database, or made by a newer dyad).
    """

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False) -> None:
        self.path = str(path)
        if self.path != MEMORY:
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise store_failed(
                    self.path, f"folder '{parent}' does not exist", "create it first"
                )
            if read_only and not Path(self.path).exists():
                raise store_failed(self.path, "no such database", "run `dyad ingest` to create it")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise store_failed(
                self.path,
                f"cannot open ({_first_line(exc)})",
                "close any other program using it, or pass another database path",
            ) from exc
        self._open = True
        try:
            self._prepare(read_only)
        except Exception:
            self.close()
            raise

    def _prepare(self, read_only: bool) -> None:
        found = current_version(self.con)
        if found is None and not read_only:
            create(self.con)
        elif found is None:
            raise store_failed(self.path, "not a dyad store", "pass a database made by dyad ingest")
        elif found > SCHEMA_VERSION:
            raise store_failed(
                self.path,
                f"schema version {found} is newer than this dyad's {SCHEMA_VERSION}",
                "upgrade dyad",
            )
        elif found < SCHEMA_VERSION:
            if read_only:
                raise store_failed(
                    self.path, f"schema version {found} is old", "open it once for writing"
                )
            migrate(self.con, found)

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._open:
            self.con.close()
            self._open = False

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def known(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Stored document ids among ``ids``, each with the origin it was stored from."""
        wanted = pa.table({"id": pa.array(list(dict.fromkeys(ids)), type=pa.string())})
        self.con.register("_dyad_ids", wanted)
        try:
            found = self.con.execute(
                "SELECT d.id, d.origin FROM documents d JOIN _dyad_ids i ON d.id = i.id"
            ).fetchall()
        finally:
            self.con.unregister("_dyad_ids")
        return {doc_id: origin for doc_id, origin in found}

    def add(
        self, batch: Sequence[Coded], skipped: Sequence[Skipped] = (), *, run_id: int | None = None
    ) -> AddResult:
        """Store a batch of coded documents and skip records in ONE transaction.

        A document whose id is already stored (or earlier in the batch) is not stored again: it
        counts as a duplicate, and when it came from another origin a ``duplicate`` skip record
        says where. A skip record already stored with the same origin and reason is not stored
        again, so re-adding the same input adds nothing.

        Raises:
            StoreError: the batch could not be written; it is rolled back as a whole and
                earlier batches are kept.
        """
        known = self.known(c.document.id for c in batch)
        seen: dict[str, str | None] = dict(known)
        skips = [(s.origin, s.reason, s.doc_id) for s in skipped]
        doc_rows: list[tuple] = []
        sentence_rows: list[tuple] = []
        event_rows: list[tuple] = []
        event_ids: set[str] = set()
        duplicates = undated = 0
        for coded in batch:
            doc = coded.document
            if doc.id in seen:
                duplicates += 1
                if doc.origin and doc.origin != seen[doc.id]:
                    skips.append((doc.origin, "duplicate", doc.id))
                continue
            seen[doc.id] = doc.origin
            kept = [e for e in coded.events if e.event_id not in event_ids]
            if len(kept) < len(coded.events):
                log.warning(
                    "%s: %d repeated event id(s) dropped", doc.id, len(coded.events) - len(kept)
                )
            event_ids.update(e.event_id for e in kept)
            doc_rows.append(rows.document_row(doc, len(coded.sentences), len(kept)))
            sentence_rows.extend(rows.sentence_row(s) for s in coded.sentences)
            event_rows.extend(rows.event_row(e, doc.date) for e in kept)
            undated += doc.date is None
        try:
            tables = {
                "documents": rows.documents_table(doc_rows),
                "sentences": rows.sentences_table(sentence_rows),
                "events": rows.events_table(event_rows),
                "skipped": pa.table(
                    {
                        "origin": pa.array([s[0] for s in skips], pa.string()),
                        "reason": pa.array([s[1] for s in skips], pa.string()),
                        "doc_id": pa.array([s[2] for s in skips], pa.string()),
                    }
                ),
            }
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._batch_error(len(batch), len(skips), exc) from exc
        n_events = self._in_transaction(tables, run_id, (len(batch), len(skips)))
        return AddResult(
            documents=len(doc_rows),
            duplicates=duplicates,
            events=n_events[0],
            skipped=n_events[1],
            sentences=len(sentence_rows),
            undated=undated,
        )

    def _in_transaction(
        self, tables: dict[str, pa.Table], run_id: int | None, size: tuple[int, int]
    ) -> tuple[int, int]:
        """Insert the batch's tables; returns (events stored, skip records stored)."""
        for name, t in tables.items():
            self.con.register(f"_dyad_{name}", t)
        try:
            self.con.execute("BEGIN TRANSACTION")
            try:
                result = self._insert(run_id)
                self.con.execute("COMMIT")
            except Exception as exc:
                self.con.execute("ROLLBACK")
                raise self._batch_error(*size, exc) from exc
        finally:
            for name in tables:
                self.con.unregister(f"_dyad_{name}")
        return result

    def _insert(self, run_id: int | None) -> tuple[int, int]:
        doc_cols = ", ".join(f'"{c}"' for c in rows.DOCUMENT_FIELDS)
        self.con.execute(
            f"INSERT INTO documents ({doc_cols}, ingested_at, run_id) "
            f"SELECT {doc_cols}, current_timestamp, ? FROM _dyad_documents",
            [run_id],
        )
        cols = ", ".join(f'"{c}"' for c in rows.SENTENCE_FIELDS)
        self.con.execute(f"INSERT INTO sentences ({cols}) SELECT {cols} FROM _dyad_sentences")
        cols = ", ".join(f'"{c}"' for c in rows.EVENT_FIELDS)
        # Event ids the coder repeats across documents would break the primary key; keep the first.
        events = self._one(
            f"INSERT INTO events ({cols}) SELECT {cols} FROM _dyad_events b "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = b.event_id)"
        )
        skips = self._one(
            "INSERT INTO skipped (origin, reason, doc_id, skipped_at, run_id) "
            "SELECT origin, reason, any_value(doc_id), current_timestamp, ? FROM _dyad_skipped s "
            "WHERE NOT EXISTS (SELECT 1 FROM skipped k "
            "  WHERE k.origin = s.origin AND k.reason = s.reason) "
            "GROUP BY origin, reason",
            [run_id],
        )
        return int(events[0]), int(skips[0])

    def _batch_error(self, docs: int, skips: int, exc: BaseException) -> Exception:
        return store_failed(
            self.path,
            f"a batch of {docs} document(s) and {skips} skip record(s) was not stored "
            f"({type(exc).__name__}: "
            f"{_first_line(exc)}); earlier batches are kept",
            "fix the cause and run again: documents already stored are skipped as duplicates",
        )

    def start_run(self, paths: Sequence[str], pipeline: str | None = None) -> int:
        """Record the start of an ingest run; returns its id."""
        from dyad import __version__

        (run_id,) = self._one(
            "INSERT INTO runs (run_id, started_at, paths, pipeline, dyad_version) "
            "VALUES (nextval('run_ids'), current_timestamp, ?, ?, ?) RETURNING run_id",
            [json.dumps([str(p) for p in paths]), pipeline, __version__],
        )
        return int(run_id)

    def finish_run(self, run_id: int, summary: IngestSummary) -> None:
        """Record an ingest run's counts."""
        self.con.execute(
            "UPDATE runs SET finished_at = current_timestamp, read = ?, stored = ?, "
            "duplicates = ?, skipped = ?, undated = ?, events = ?, seconds = ? WHERE run_id = ?",
            [
                summary.read,
                summary.stored,
                summary.duplicates,
                json.dumps(summary.skipped, sort_keys=True),
                summary.undated,
                summary.events,
                summary.seconds,
                run_id,
            ],
        )

    # ------------------------------------------------------------ reading

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        root: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        limit: int | None = None,
        *,
        both_directions: bool = False,
    ) -> list[Event]:
        """Stored events matching every given filter, by day, document and sentence.

        Args:
            actor: code prefix, country or IGO on either side (``PRK`` finds ``PRKMIL``).
            dyad: ``(source, target)`` matched like ``actor``, source → target.
            root: CAMEO root (``"19"``).
            since / until: inclusive YYYY-MM-DD on the event's day, else the document's date.
            factuality: ``asserted``, ``negated``, ``hypothetical`` or ``future``.
            limit: at most this many.
            both_directions: with ``dyad``, also target → source.
        """
        flt = EventFilter(actor, dyad, root, since, until, factuality, limit, both_directions)
        return [loads(Event, text) for (text,) in self.query_events("e.json", flt).fetchall()]

    def query_events(self, select: str, flt: EventFilter) -> duckdb.DuckDBPyConnection:
        """Run ``SELECT <select> FROM events e JOIN documents d`` with ``flt``, in stable order."""
        return self.con.execute(*events_sql(select, flt))

    def top_dyads(self, n: int = 10, **filters: Any) -> list[DyadCount]:
        """The ``n`` most frequent source → target pairs (IGO code, else country), both known.

        ``filters`` are those of :meth:`events` (e.g. ``factuality="asserted"``).
        """
        if not isinstance(n, int) or n < 1:
            raise bad_option("n", n, "a whole number of dyads, 1 or more")
        flt = EventFilter(**filters)
        where, params = flt.where()
        found = self.con.execute(
            "SELECT coalesce(e.source_igo, e.source_country) AS s, "
            "coalesce(e.target_igo, e.target_country) AS t, count(*) AS n, avg(e.goldstein), "
            "count(*) FILTER (e.quad_class = 1), count(*) FILTER (e.quad_class = 2), "
            "count(*) FILTER (e.quad_class = 3), count(*) FILTER (e.quad_class = 4) "
            f"FROM events e JOIN documents d ON e.doc_id = d.id WHERE {where} "
            "GROUP BY s, t HAVING s IS NOT NULL AND t IS NOT NULL "
            "ORDER BY n DESC, s, t LIMIT ?",
            [*params, int(n)],
        ).fetchall()
        return [
            DyadCount(s, t, int(c), round(float(g), 3), int(q1), int(q2), int(q3), int(q4))
            for s, t, c, g, q1, q2, q3, q4 in found
        ]

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id, or None."""
        rows = self.con.execute(
            "SELECT id, text, strftime(date, '%Y-%m-%d'), title, url, origin FROM documents "
            "WHERE id = ?",
            [doc_id],
        ).fetchall()
        return Document(*rows[0]) if rows else None

    def summary(self) -> StoreSummary:
        """Counts of documents (and undated ones), events, sentences, runs and skips by reason."""
        docs, undated, first, last = self._one(
            "SELECT count(*), count(*) FILTER (date IS NULL), min(date), max(date) FROM documents"
        )
        (n_events,) = self._one("SELECT count(*) FROM events")
        (n_sentences,) = self._one("SELECT count(*) FROM sentences")
        (n_runs,) = self._one("SELECT count(*) FROM runs")
        skipped = self.con.execute(
            "SELECT reason, count(*) FROM skipped GROUP BY reason ORDER BY reason"
        ).fetchall()
        factual = self.con.execute(
            "SELECT factuality, count(*) FROM events GROUP BY factuality ORDER BY factuality"
        ).fetchall()
        return StoreSummary(
            documents=int(docs),
            undated_documents=int(undated),
            events=int(n_events),
            sentences=int(n_sentences),
            skipped={str(r): int(c) for r, c in skipped},
            runs=int(n_runs),
            first_date=first.isoformat() if first else None,
            last_date=last.isoformat() if last else None,
            events_by_factuality={str(f): int(c) for f, c in factual},
        )

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        """The first row of a statement's result.

        fetchall, not fetchone: DuckDB 2 keeps a half-fetched result open and then refuses
        ``register()`` on the connection.
        """
        rows = self.con.execute(sql, list(params)).fetchall()
        return tuple(rows[0]) if rows else ()


def events_sql(select: str, flt: EventFilter) -> tuple[str, list[Any]]:
    """``SELECT <select>`` over events joined to their documents, filtered and in stable order."""
    where, params = flt.where()
    sql = (
        f"SELECT {select} FROM events e JOIN documents d ON e.doc_id = d.id WHERE {where} "
        "ORDER BY e.day NULLS LAST, e.doc_id, e.sentence_index, e.event_id"
        f"{flt.limit_sql()}"
    )
    return sql, params


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__
