"""Store and reader throughput on synthetic data.

    python benchmarks/bench_store.py --docs 20000 --events 3 --batch 500 --pages 300

Times: storing batches (documents, sentences, events), re-adding them (all duplicates),
queries (actor, dyad, root + dates, top dyads, summary), the three exports, and reading a
folder of HTML pages through trafilatura. Prints one line per measurement.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from dyad.ingest import read_path
from dyad.model import Actor, Coded, Document, Event, Evidence, Place, Plover, Sentence, TextSpan
from dyad.store import Store, export

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "ISR", "IRN", "PRK", "KOR", "TUR", "SYR", "IND", "PAK")
SECTORS = ("GOV", "MIL", "REB", "COP", None)
CAMEO = (("042", 1, 1.9), ("057", 2, 8.0), ("112", 3, -2.0), ("173", 4, -5.0), ("190", 4, -10.0))


def synthetic(n_docs: int, n_events: int, seed: int = 7) -> Iterator[Coded]:
    """Documents of three sentences with ``n_events`` events each, between random countries."""
    rng = random.Random(seed)
    for i in range(n_docs):
        doc_id = f"{i:016x}"
        text = " ".join(
            f"Sentence {k} of document {i} about a meeting in the capital." for k in range(3)
        )
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = Document(doc_id, text, day, f"Title {i}", f"https://news.example/{i}", f"bench#{i}")
        sentences = tuple(
            Sentence(doc_id, k, k * 60, k * 60 + 59, text[k * 60 : k * 60 + 59]) for k in range(3)
        )
        events = []
        for j in range(n_events):
            src, tgt = rng.sample(COUNTRIES, 2)
            s_sec, t_sec = rng.choice(SECTORS), rng.choice(SECTORS)
            cameo, quad, goldstein = rng.choice(CAMEO)
            events.append(
                Event(
                    doc_id=doc_id,
                    event_id=f"{doc_id}-{j}",
                    sentence_index=j % 3,
                    sentence=sentences[j % 3].text,
                    source=Actor(src, 0, 3, src + (s_sec or ""), src, s_sec),
                    target=Actor(tgt, 10, 13, tgt + (t_sec or ""), tgt, t_sec),
                    cameo=cameo,
                    cameo_root=cameo[:2],
                    quad_class=quad,
                    goldstein=goldstein,
                    plover=Plover("CONSULT"),
                    factuality=rng.choice(("asserted", "asserted", "asserted", "negated")),
                    evidence=Evidence(TextSpan("met", 20, 23), "verbs.txt:1"),
                    location=Place("Capital", tgt, None, 1.0, 2.0),
                )
            )
        yield Coded(doc, sentences, tuple(events))


def timed(label: str, fn: Callable[[], Any], per: int | None = None, unit: str = "") -> Any:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    rate = f"  ({per / seconds:,.0f} {unit}/s)" if per else ""
    print(f"{label:<42} {seconds:8.3f} s{rate}")
    return result


def bench_store(folder: Path, n_docs: int, n_events: int, batch: int) -> None:
    data = list(synthetic(n_docs, n_events))
    batches = [data[i : i + batch] for i in range(0, len(data), batch)]
    with Store(folder / "bench.duckdb") as store:
        timed(
            f"add {n_docs} docs / {n_docs * n_events} events",
            lambda: [store.add(b) for b in batches],
            n_docs,
            "docs",
        )
        timed("re-add (all duplicates)", lambda: [store.add(b) for b in batches], n_docs, "docs")
        timed("events(actor='PRK')", lambda: len(store.events(actor="PRK")))
        timed("events(dyad=('USA','CHN'))", lambda: len(store.events(dyad=("USA", "CHN"))))
        timed(
            "events(root, since, until, factuality)",
            lambda: len(
                store.events(
                    root="19", since="2024-03-01", until="2024-06-30", factuality="asserted"
                )
            ),
        )
        timed("top_dyads(10)", lambda: store.top_dyads(10))
        timed("summary()", store.summary)
        for fmt in ("csv", "parquet", "jsonl"):
            out = folder / f"events.{fmt}"
            timed(f"export {fmt}", partial(export, store, fmt, out), n_docs * n_events, "events")
    size = (folder / "bench.duckdb").stat().st_size
    print(f"{'database size':<42} {size / 1e6:8.1f} MB")


def bench_read(folder: Path, n_pages: int) -> None:
    pages = folder / "pages"
    pages.mkdir()
    para = "<p>Officials from both countries met in the capital on Tuesday to discuss trade.</p>"
    for i in range(n_pages):
        pages.joinpath(f"{i:05d}.html").write_text(
            f"<html><head><title>Story {i}</title>"
            f'<meta property="article:published_time" content="2024-10-{i % 28 + 1:02d}"></head>'
            f"<body><nav>Home</nav><article><h1>Story {i}</h1>{para * 8}</article></body></html>"
        )
    timed(
        f"read {n_pages} HTML pages (trafilatura)",
        lambda: sum(1 for _ in read_path(pages)),
        n_pages,
        "pages",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_store(Path(tmp), args.docs, args.events, args.batch)
        if args.pages:
            bench_read(Path(tmp), args.pages)


if __name__ == "__main__":
    main()
