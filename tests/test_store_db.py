"""The DuckDB store: batches, duplicates, rollback, schema versions and queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import InputError, StoreError
from dyad.model import (
    Actor,
    Coded,
    Document,
    Event,
    Evidence,
    Place,
    Plover,
    Quantity,
    Sentence,
    Skipped,
    TextSpan,
)
from dyad.store import Store
from dyad.store.schema import SCHEMA_VERSION

PRKMIL = Actor("North Korean troops", 0, 19, "PRKMIL", "PRK", "MIL", None, "North Korea military")
KORGOV = Actor("Seoul", 40, 45, "KORGOV", "KOR", "GOV", None, "South Korea government")
NATO = Actor("NATO", 0, 4, "NATO", None, None, "NATO", "NATO")
RUS = Actor("Russia", 10, 16, "RUS", "RUS", None, None, "Russia")


def event(
    doc_id: str,
    n: int,
    source: Actor | None = PRKMIL,
    target: Actor | None = KORGOV,
    cameo: str = "190",
    quad: int = 4,
    goldstein: float = -10.0,
    factuality: str = "asserted",
    date: str | None = None,
) -> Event:
    """A hand-built event with every optional part filled, so round trips can lose nothing."""
    sentence = "North Korean troops fired shells at Seoul."
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-{n}",
        sentence_index=0,
        sentence=sentence,
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=goldstein,
        plover=Plover("ASSAULT", "firearms"),
        factuality=factuality,  # type: ignore[arg-type]
        evidence=Evidence(
            TextSpan("fired", 20, 25), "verbs.txt:12", None, TextSpan("Seoul", 36, 41)
        ),
        date=date,
        date_precision="day" if date else None,
        location=Place("Seoul", "KOR", "11", 37.57, 126.98, 1835848),
        quantities=(Quantity(3, "shells", False, "three shells"),),
        attribution=Actor("officials", 50, 59, "KORGOV", "KOR", "GOV"),
        quote="fired three shells",
        confidence=0.8,
    )


def coded(doc_id: str, date: str | None, events: tuple[Event, ...], origin: str = "") -> Coded:
    text = "North Korean troops fired shells at Seoul."
    doc = Document(
        doc_id, text, date, f"Title {doc_id}", f"https://x.example/{doc_id}", origin or doc_id
    )
    return Coded(doc, (Sentence(doc_id, 0, 0, len(text), text),), events)


def counts(store: Store) -> tuple[int, ...]:
    return tuple(
        store.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("documents", "sentences", "events", "skipped")
    )


@pytest.fixture
def store() -> Store:
    """An in-memory store with four documents and five events."""
    s = Store()
    s.add(
        [
            coded(
                "d1",
                "2024-10-01",
                (event("d1", 1), event("d1", 2, cameo="112", quad=3, goldstein=-2.0)),
            ),
            coded("d2", "2024-10-15", (event("d2", 1, NATO, RUS, "036", 1, 4.0, "hypothetical"),)),
            coded("d3", None, (event("d3", 1, RUS, NATO, "173", 4, -5.0, date="2024-09-20"),)),
            coded(
                "d4", "2024-11-02", (event("d4", 1, KORGOV, PRKMIL, "190", 4, -10.0, "negated"),)
            ),
        ]
    )
    return s


def test_store_add_counts_and_readd_adds_nothing() -> None:
    """add() stores documents, sentences and events once; the same batch again adds nothing."""
    with Store() as s:
        batch = [coded("a", "2024-10-01", (event("a", 1), event("a", 2))), coded("b", None, ())]
        first = s.add(batch, [Skipped("x.png", "unreadable: binary")])
        assert (first.documents, first.duplicates, first.events, first.skipped) == (2, 0, 2, 1)
        assert first.undated == 1
        before = counts(s)
        again = s.add(batch, [Skipped("x.png", "unreadable: binary")])
        assert (again.documents, again.duplicates, again.events, again.skipped) == (0, 2, 0, 0)
        assert counts(s) == before == (2, 2, 2, 1)


def test_store_duplicate_from_other_origin_recorded_once() -> None:
    """The same document from another origin counts as a duplicate and is noted once."""
    with Store() as s:
        s.add([coded("a", None, (), origin="feed.xml#item-1")])
        dup = coded("a", None, (), origin="mirror.xml#item-4")
        result = s.add([dup, dup])
        assert (result.documents, result.duplicates, result.skipped) == (0, 2, 1)
        s.add([dup])
        rows = s.con.execute("SELECT origin, reason, doc_id FROM skipped").fetchall()
        assert rows == [("mirror.xml#item-4", "duplicate", "a")]


def test_store_failed_batch_rolls_back_only_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure mid-batch rolls that batch back whole and keeps earlier batches."""
    with Store() as s:
        s.add([coded("a", None, (event("a", 1),))])
        real_insert = s._insert

        def insert_then_fail(run_id: int | None) -> tuple[int, int]:
            real_insert(run_id)  # every row of the batch is written…
            raise RuntimeError("disk full")  # …and then the disk fills before COMMIT

        monkeypatch.setattr(s, "_insert", insert_then_fail)
        with pytest.raises(StoreError, match="earlier batches are kept"):
            s.add([coded("b", None, (event("b", 1),))], [Skipped("c.txt", "empty")])
        monkeypatch.undo()
        assert counts(s) == (1, 1, 1, 0)  # b's rows, written before the failure, are gone
        assert s.add([coded("b", None, (event("b", 1),))]).documents == 1


def test_store_events_round_trip_losslessly(store: Store) -> None:
    """Events come back from the store equal to what was added, every field included."""
    back = {e.event_id: e for e in store.events()}
    assert back["d1-1"] == event("d1", 1)
    assert back["d3-1"] == event("d3", 1, RUS, NATO, "173", 4, -5.0, date="2024-09-20")


def test_store_events_by_actor_prefix_country_igo(store: Store) -> None:
    """--actor PRK finds PRKMIL on either side; NATO matches the IGO field."""
    assert [e.event_id for e in store.events(actor="PRK")] == ["d1-1", "d1-2", "d4-1"]
    assert [e.event_id for e in store.events(actor="prkmil")] == ["d1-1", "d1-2", "d4-1"]
    assert [e.event_id for e in store.events(actor="NATO")] == ["d3-1", "d2-1"]
    assert store.events(actor="USA") == []


def test_store_events_by_dyad_direction(store: Store) -> None:
    """dyad matches source → target in that direction, both ways only when asked."""
    assert [e.event_id for e in store.events(dyad=("PRK", "KOR"))] == ["d1-1", "d1-2"]
    assert [e.event_id for e in store.events(dyad=("KOR", "PRK"))] == ["d4-1"]
    both = store.events(dyad=("KOR", "PRK"), both_directions=True)
    assert [e.event_id for e in both] == ["d1-1", "d1-2", "d4-1"]


def test_store_events_by_root_dates_factuality_limit(store: Store) -> None:
    """root, since/until (event date, else document date), factuality and limit all filter."""
    assert [e.event_id for e in store.events(root="19")] == ["d1-1", "d4-1"]
    assert [e.event_id for e in store.events(root="3")] == ["d2-1"]
    assert [e.event_id for e in store.events(since="2024-10-01", until="2024-10-31")] == [
        "d1-1",
        "d1-2",
        "d2-1",
    ]
    assert [e.event_id for e in store.events(until="2024-09-30")] == ["d3-1"]  # own date
    assert [e.event_id for e in store.events(factuality="negated")] == ["d4-1"]
    assert len(store.events(limit=2)) == 2


def test_store_events_bad_filters_raise(store: Store) -> None:
    """Malformed filter values raise InputError naming the option."""
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        store.events(since="Oct 2024")
    with pytest.raises(InputError, match="root"):
        store.events(root="25")
    with pytest.raises(InputError, match="factuality"):
        store.events(factuality="maybe")
    with pytest.raises(InputError, match="actor"):
        store.events(actor="PRK'; DROP TABLE events")


def test_store_top_dyads(store: Store) -> None:
    """top_dyads counts source → target (IGO, else country), mean Goldstein, quad classes."""
    top = store.top_dyads(n=10)
    assert [(d.source, d.target, d.count) for d in top] == [
        ("PRK", "KOR", 2),
        ("KOR", "PRK", 1),
        ("NATO", "RUS", 1),
        ("RUS", "NATO", 1),
    ]
    assert top[0].mean_goldstein == -6.0
    assert (top[0].verbal_conflict, top[0].material_conflict) == (1, 1)
    assert [d.source for d in store.top_dyads(n=1, factuality="asserted")] == ["PRK"]


def test_store_summary(store: Store) -> None:
    """summary() counts documents, undated ones, events and skips by reason."""
    store.add([], [Skipped("a.png", "unreadable: binary"), Skipped("b.txt", "empty")])
    s = store.summary()
    assert (s.documents, s.undated_documents, s.events, s.sentences) == (4, 1, 5, 4)
    assert dict(s.skipped) == {"empty": 1, "unreadable: binary": 1}
    assert (s.first_date, s.last_date) == ("2024-10-01", "2024-11-02")
    assert dict(s.events_by_factuality) == {"asserted": 3, "hypothetical": 1, "negated": 1}


def test_store_file_reopens_read_only(tmp_path: Path) -> None:
    """A store file keeps its rows across close/open and can be opened read-only."""
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        s.add([coded("a", "2024-10-01", (event("a", 1),))])
    with Store(path, read_only=True) as s:
        assert [e.event_id for e in s.events()] == ["a-1"]
        versions = s.con.execute("SELECT max(version) FROM schema_version").fetchall()
        assert versions == [(SCHEMA_VERSION,)]


def test_store_refuses_newer_schema_and_missing_folder(tmp_path: Path) -> None:
    """A store from a newer dyad, or in a missing folder, is refused with the fix."""
    path = tmp_path / "new.duckdb"
    with Store(path) as s:
        s.con.execute(
            "INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION + 1]
        )
    with pytest.raises(StoreError, match="upgrade dyad"):
        Store(path)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "x.duckdb")


def test_store_document_by_id(store: Store) -> None:
    """document() returns the stored document as read, or None."""
    doc = store.document("d1")
    assert doc == coded("d1", "2024-10-01", ()).document
    assert store.document("d3") is not None and store.document("d3").date is None  # type: ignore[union-attr]
    assert store.document("nope") is None
