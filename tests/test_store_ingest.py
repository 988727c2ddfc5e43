"""ingest(): read, code with a Pipeline, store; idempotent and robust to bad files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from dyad.errors import DictionaryError
from dyad.model import Coded, Document, Event, Evidence, Plover, Sentence, TextSpan
from dyad.pipeline import Pipeline
from dyad.store import Store, ingest


def corpus(root: Path) -> Path:
    """A folder of news in every kind, with a binary file, an empty file and a broken page."""
    root.mkdir()
    (root / "a.txt").write_text(
        "Egyptian mediators met Hamas officials in Cairo on Monday to discuss a ceasefire.\n"
    )
    (root / "b.html").write_text(
        "<html><head><title>Talks</title>"
        '<meta property="article:published_time" content="2024-10-30"></head><body><article>'
        "<p>Iran and Saudi Arabia agreed to reopen embassies, officials said on Wednesday.</p>"
        "<p>The agreement was brokered by China after talks in Beijing.</p></article></body></html>"
    )
    (root / "c.jsonl").write_text(
        '{"id": "wire-7", "text": "Russia expelled two Polish diplomats.", "date": "2024-10-29"}\n'
        "{oops\n"
        '{"text": "Japan protested a Chinese coast guard incursion near the Senkaku islands."}\n'
    )
    (root / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (root / "e.txt").write_bytes(b"")
    (root / "f.html").write_text("<html><head><title>Live</title></head><body><div id=")
    return root


def table_counts(store: Store) -> dict[str, int]:
    return {
        t: store.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("documents", "sentences", "events", "skipped")
    }


def test_store_ingest_folder_twice_stores_same_rows(tmp_path: Path) -> None:
    """A folder ingested twice with the real Pipeline is stored once; bad files are skipped."""
    folder = corpus(tmp_path / "news")
    pipeline = Pipeline("blank")
    with Store(tmp_path / "events.duckdb") as store:
        first = ingest([folder], store, pipeline, date="2024-11-01")
        after_first = table_counts(store)
        second = ingest([folder], store, pipeline, date="2024-11-01")
        assert table_counts(store) == after_first
        summary = store.summary()
    assert (first.read, first.stored, first.duplicates) == (8, 4, 0)
    assert first.skipped == {
        "unreadable: line 2 is not JSON": 1,
        "unreadable: binary (PNG image)": 1,
        "empty": 1,
        "no_text": 1,
    }
    assert (second.read, second.stored, second.duplicates) == (8, 0, 4)
    assert second.read == second.stored + second.duplicates + sum(second.skipped.values())
    assert after_first["documents"] == 4 and after_first["skipped"] == 4
    assert after_first["sentences"] >= 4
    assert summary.runs == 2 and summary.undated_documents == 0


class Stub:
    """A coder that gives each document one sentence and one event, failing on a marked one."""

    nlp = "stub"

    def run(self, documents: Iterable[Document]) -> Iterator[Coded]:
        for doc in documents:
            if "FAIL" in doc.text:
                raise ValueError("coder bug")
            if "DICT" in doc.text:
                raise DictionaryError(["verbs.txt:3: bad entry"])
            sentence = Sentence(doc.id, 0, 0, len(doc.text), doc.text)
            event = Event(
                doc.id, f"{doc.id}-0", 0, doc.text, None, None, "042", "04", 1, 1.9,
                Plover("CONSULT"), "asserted", Evidence(TextSpan("met", 0, 3), "stub"),
            )  # fmt: skip
            yield Coded(doc, (sentence,), (event,))


def test_store_ingest_batches_progress_and_runs(tmp_path: Path) -> None:
    """Batches of batch_size documents, a progress call per batch, and the run recorded."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Document number {i} about talks.")
    seen: list[int] = []
    with Store() as store:
        result = ingest(
            [folder], store, Stub(), batch_size=2, progress=lambda s: seen.append(s.read)
        )
        runs = store.con.execute("SELECT pipeline, read, stored, events FROM runs").fetchall()
    assert seen == [2, 4, 5]
    assert (result.stored, result.events, result.undated, result.batches) == (5, 5, 5, 3)
    assert runs == [("stub", 5, 5, 5)]


def test_store_ingest_coder_failure_skips_one_document(tmp_path: Path) -> None:
    """A coder crash on one document skips that document with its reason; the rest are stored."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "1.txt").write_text("Talks went well.")
    (folder / "2.txt").write_text("This one makes the coder FAIL.")
    (folder / "3.txt").write_text("Talks resumed.")
    with Store() as store:
        result = ingest([folder], store, Stub())
        rows = store.con.execute("SELECT origin, reason FROM skipped").fetchall()
    assert (result.stored, result.skipped) == (2, {"failed: ValueError": 1})
    assert rows == [(str(folder / "2.txt"), "failed: ValueError")]


def test_store_ingest_dictionary_error_stops_run(tmp_path: Path) -> None:
    """A broken dictionary stops the run with its error, keeping batches already stored."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "1.txt").write_text("Talks went well.")
    (folder / "2.txt").write_text("DICT trouble.")
    with Store() as store:
        with pytest.raises(DictionaryError):
            ingest([folder], store, Stub(), batch_size=1)
        assert store.summary().documents == 1
        assert store.con.execute("SELECT finished_at IS NOT NULL FROM runs").fetchall() == [(True,)]
