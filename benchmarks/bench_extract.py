"""Throughput of the whole pipeline (`dyad.Pipeline.run`) on the demo corpus, repeated.

Prints words per second and documents per second, and peak memory. Run:
    python benchmarks/bench_extract.py [--nlp dyad|blank] [--repeat 5] [--processes 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from dyad.demo import CORPUS_DIR
from dyad.model import Document
from dyad.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nlp", default=None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    base = [
        json.loads(line)
        for line in (CORPUS_DIR / "articles.jsonl").read_text().splitlines()
        if line.strip()
    ]
    docs = [
        Document(id=f"{i}-{k}", text=r["text"], date=r.get("date"))
        for k in range(args.repeat)
        for i, r in enumerate(base)
    ]
    words = sum(len(d.text.split()) for d in docs)
    pipe = Pipeline(args.nlp, batch_size=64, n_process=args.processes)
    list(pipe.run(docs[:2]))  # warm up: load dictionaries and gazetteer once
    t0 = time.perf_counter()
    n_events = sum(len(c.events) for c in pipe.run(docs))
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(docs)}  words: {words}  events: {n_events}")
    print(f"time: {dt:.2f} s  words/s: {words / dt:,.0f}  docs/s: {len(docs) / dt:,.1f}")
    print(f"peak RSS: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
