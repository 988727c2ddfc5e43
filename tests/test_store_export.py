"""Exports of stored events as CSV, Parquet and JSONL, read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyad.errors import InputError
from dyad.model import (
    Actor,
    Coded,
    Document,
    Event,
    Evidence,
    Place,
    Plover,
    Sentence,
    TextSpan,
    loads,
)
from dyad.store import FLAT_COLUMNS, Store, export

SENTENCE = "Turkish jets struck Kurdish positions in Duhok, the ministry said."


def event(doc_id: str, n: int, source: str, target: str, cameo: str) -> Event:
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-{n}",
        sentence_index=0,
        sentence=SENTENCE,
        source=Actor("Turkish jets", 0, 12, source, source[:3], "MIL", None, "Turkey military"),
        target=Actor("Kurdish positions", 20, 37, target, None, "REB", None, None),
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=4,
        goldstein=-10.0,
        plover=Plover("ASSAULT", "aerial"),
        factuality="asserted",
        evidence=Evidence(TextSpan("struck", 13, 19), "verbs.txt:40"),
        date="2024-10-24",
        date_precision="day",
        location=Place("Duhok", "IRQ", "Duhok", 36.87, 42.99, 95446),
        quote=None,
        confidence=0.9,
    )


@pytest.fixture
def store() -> Store:
    """A store with two documents and three events."""
    s = Store()
    for doc_id, events in (
        (
            "d1",
            (event("d1", 1, "TURMIL", "IRQREB", "195"), event("d1", 2, "TURMIL", "KURREB", "190")),
        ),
        ("d2", (event("d2", 1, "SYRMIL", "TURMIL", "190"),)),
    ):
        doc = Document(
            doc_id, SENTENCE, "2024-10-25", "Strikes", f"https://x.example/{doc_id}", doc_id
        )
        s.add([Coded(doc, (Sentence(doc_id, 0, 0, len(SENTENCE), SENTENCE),), events)])
    return s


def test_store_export_csv_header_and_rows(store: Store, tmp_path: Path) -> None:
    """CSV export has the documented GDELT-like header and one flat row per event."""
    out = tmp_path / "events.csv"
    assert export(store, "csv", out) == 3
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == [name for name, _ in FLAT_COLUMNS]
        rows = list(reader)
    first = rows[0]
    assert first["GLOBALEVENTID"] == "d1-1" and first["SQLDATE"] == "20241024"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "TURMIL",
        "TUR",
        "MIL",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "195",
        "195",
        "19",
    )
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("4", "-10")
    assert (first["ActionGeo_FullName"], first["ActionGeo_FeatureID"]) == ("Duhok", "95446")
    assert first["SOURCEURL"] == "https://x.example/d1" and first["Sentence"] == SENTENCE
    assert not (tmp_path / "events.csv.part").exists()


def test_store_export_parquet_reads_back(store: Store, tmp_path: Path) -> None:
    """Parquet export reads back with pyarrow: same columns, filters applied."""
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", out, actor="SYR") == 1
    table = pq.read_table(out)
    assert table.column_names == [name for name, _ in FLAT_COLUMNS]
    assert table.column("GLOBALEVENTID").to_pylist() == ["d2-1"]
    assert table.column("ActionGeo_Lat").to_pylist() == [36.87]


def test_store_export_jsonl_is_the_event_contract(store: Store, tmp_path: Path) -> None:
    """JSONL export lines decode with the codec into the stored events."""
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", out, dyad=("TUR", "IRQ")) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [loads(Event, line) for line in lines] == [event("d1", 1, "TURMIL", "IRQREB", "195")]


def test_store_export_bad_format_and_filter(store: Store, tmp_path: Path) -> None:
    """An unknown format or filter value raises InputError and writes nothing."""
    with pytest.raises(InputError, match="csv or parquet or jsonl"):
        export(store, "xlsx", tmp_path / "e.xlsx")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        export(store, "csv", tmp_path / "e.csv", since="yesterday")
    assert list(tmp_path.iterdir()) == []


def test_store_export_jsonl_to_stdout(
    store: Store, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """out='-' writes JSONL (or CSV) to standard output; Parquet to stdout is refused."""
    assert export(store, "jsonl", "-", root="19") == 3
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert [loads(Event, line).event_id for line in lines] == ["d1-1", "d1-2", "d2-1"]
    with pytest.raises(InputError, match="Parquet"):
        export(store, "parquet", "-")
