"""One ingest run: read inputs, code them with a Pipeline, store them batch by batch."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from dyad.errors import DyadError
from dyad.ingest import MAX_BYTES, read_paths
from dyad.model import Coded, Document, Skipped
from dyad.store.store import Store
from dyad.store.types import IngestSummary

log = logging.getLogger(__name__)

Progress = Callable[[IngestSummary], None]


class Coder(Protocol):
    """What ingest needs of a :class:`dyad.pipeline.Pipeline`: documents in, coded documents out."""

    def run(self, documents: Iterable[Document]) -> Iterator[Coded]: ...


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    pipeline: Coder,
    date: str | None = None,
    *,
    kind: str | None = None,
    batch_size: int = 200,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read ``paths``, code the documents and store them, one transaction per batch.

    Documents already in the store are not coded again (they count as duplicates), so running
    the same ingest twice adds nothing and an interrupted run can simply be run again.

    Args:
        paths: files, folders or ``"-"``, as for :func:`dyad.ingest.read_paths`.
        store: where to store.
        pipeline: codes the documents: a :class:`dyad.pipeline.Pipeline`
            (``Pipeline("blank")`` for rules only).
        date: publication date (YYYY-MM-DD) for documents without one.
        kind: force the input kind instead of detecting it.
        batch_size: documents per transaction.
        max_bytes: larger documents are skipped as ``too_large``.
        progress: called with the running summary after every batch.

    Returns:
        The run's counts; ``read == stored + duplicates + sum(skipped.values())``.

    Raises:
        InputError: a path does not exist, or ``kind``/``date`` is invalid (nothing is stored).
        StoreError: a batch could not be stored (earlier batches are kept).
        DyadError: the pipeline cannot run at all (a bad dictionary or model), from the first
            batch that meets it; earlier batches are kept.
    """
    items = read_paths(paths, date, kind, max_bytes=max_bytes)
    summary = IngestSummary()
    started = time.monotonic()
    nlp = getattr(pipeline, "nlp", None)
    pipe_name = nlp if isinstance(nlp, str) else type(nlp).__name__ if nlp is not None else None
    summary.run_id = store.start_run([str(p) for p in paths], pipe_name)
    try:
        for docs, skips in _batches(items, max(1, batch_size)):
            summary.read += len(docs) + len(skips)
            for s in skips:
                summary.skip(s.reason)
            known = store.known(d.id for d in docs)
            fresh = [d for d in docs if d.id not in known]
            coded, failed = _code(pipeline, fresh)
            for s in failed:
                summary.skip(s.reason)
            done = {c.document.id for c in coded} | {s.doc_id for s in failed}
            # Known documents go through add() too, so it counts them and notes other origins.
            stale = [Coded(d, (), ()) for d in docs if d.id not in done]
            result = store.add([*coded, *stale], [*skips, *failed], run_id=summary.run_id)
            summary.stored += result.documents
            summary.duplicates += result.duplicates
            summary.undated += result.undated
            summary.events += result.events
            summary.sentences += result.sentences
            summary.batches += 1
            summary.seconds = round(time.monotonic() - started, 3)
            if progress is not None:
                progress(summary)
    finally:
        summary.seconds = round(time.monotonic() - started, 3)
        store.finish_run(summary.run_id, summary)
    log.info(
        "ingest: read %d, stored %d, duplicates %d, skipped %d, events %d in %.1fs",
        summary.read,
        summary.stored,
        summary.duplicates,
        sum(summary.skipped.values()),
        summary.events,
        summary.seconds,
    )
    return summary


def _batches(
    items: Iterable[Document | Skipped], size: int
) -> Iterator[tuple[list[Document], list[Skipped]]]:
    """Items grouped so that each group holds ``size`` documents (skips ride along)."""
    docs: list[Document] = []
    skips: list[Skipped] = []
    for item in items:
        if isinstance(item, Skipped):
            skips.append(item)
        else:
            docs.append(item)
        if len(docs) >= size:
            yield docs, skips
            docs, skips = [], []
    if docs or skips:
        yield docs, skips


def _code(pipeline: Coder, docs: list[Document]) -> tuple[list[Coded], list[Skipped]]:
    """Code a batch; if the pipeline fails, code one by one and skip the documents that fail."""
    if not docs:
        return [], []
    try:
        return list(pipeline.run(docs)), []
    except DyadError:
        raise  # a broken dictionary or model fails every document: the user must fix it
    except Exception:  # a coder bug on one document must not lose the batch
        log.warning("coding a batch of %d failed; retrying one by one", len(docs), exc_info=True)
    coded: list[Coded] = []
    failed: list[Skipped] = []
    for doc in docs:
        try:
            coded.extend(pipeline.run([doc]))
        except DyadError:
            raise
        except Exception as exc:
            log.error("%s: coding failed: %s: %s", doc.origin, type(exc).__name__, exc)
            failed.append(Skipped(doc.origin or doc.id, f"failed: {type(exc).__name__}", doc.id))
    return coded, failed
