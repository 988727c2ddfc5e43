"""Cost of the when/where/how-many stage inside the pipeline, on the demo corpus repeated.

Runs the pipeline without ``dyad_attributes_v1`` and times it, then times ``dyad.wwh.attach`` on
the same documents and events, and prints both and the stage's share of the total (the budget is
20%). With ``--synthetic`` (or when the coder cannot run) every past-tense-looking word becomes an
event trigger, which is far more events than the coder finds: a pessimistic load. Run:
    python benchmarks/bench_wwh.py [--nlp dyad|blank] [--repeat 5] [--synthetic]
"""

from __future__ import annotations

import argparse
import json
import logging
import time

from spacy.tokens import Doc

from dyad.demo import CORPUS_DIR
from dyad.errors import DyadError
from dyad.model import Event, Evidence, Plover, TextSpan
from dyad.pipeline import Pipeline
from dyad.wwh import attach, gazetteer

log = logging.getLogger("bench_wwh")


def _synthetic(doc: Doc) -> list[Event]:
    """One event per word ending in -ed: many more triggers than real text yields."""
    events = []
    for t in doc:
        if t.is_alpha and t.lower_.endswith("ed") and len(t) > 3:
            span = TextSpan(t.text, t.idx, t.idx + len(t.text))
            events.append(
                Event(
                    doc._.dyad_doc_id,
                    f"e{t.i}",
                    0,
                    "",
                    None,
                    None,
                    "000",
                    "00",
                    0,
                    0.0,
                    Plover("X"),
                    "asserted",
                    Evidence(span, "bench"),
                )
            )
    return events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nlp", default=None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--synthetic", action="store_true", help="events on every -ed word")
    args = ap.parse_args()
    lines = (CORPUS_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines if x.strip()]
    texts = [(r["text"], r.get("date")) for _ in range(args.repeat) for r in rows]
    words = sum(len(t.split()) for t, _ in texts)
    pipe = Pipeline(args.nlp, batch_size=64)
    nlp = pipe.language
    gazetteer.load()  # the stage's one-off start-up cost is not per document
    synthetic = args.synthetic
    disabled = ["dyad_attributes_v1"] + (["dyad_events_v1"] if synthetic else [])

    def run_without_stage() -> tuple[float, list[tuple[Doc, list[Event], str | None]]]:
        docs = []
        for text, date in texts:
            doc = nlp.make_doc(text)
            doc._.dyad_date = date
            docs.append(doc)
        t0 = time.perf_counter()
        out = []
        with nlp.select_pipes(disable=disabled):
            for doc in nlp.pipe(docs, batch_size=64):
                events = _synthetic(doc) if synthetic else list(doc._.dyad_events or [])
                out.append((doc, events, doc._.dyad_date))
        return time.perf_counter() - t0, out

    try:
        t_pipe, coded = run_without_stage()
    except DyadError as exc:
        log.warning("the coder cannot run (%s); using synthetic events", str(exc).splitlines()[0])
        synthetic = True
        disabled = ["dyad_attributes_v1", "dyad_events_v1"]
        t_pipe, coded = run_without_stage()
    t0 = time.perf_counter()
    for doc, events, date in coded:
        attach(doc, events, date)
    t_wwh = time.perf_counter() - t0
    n_events = sum(len(e) for _, e, _ in coded)
    kind = "synthetic" if synthetic else "coded"
    print(f"documents: {len(coded)}  words: {words:,}  events ({kind}): {n_events:,}")
    print(f"pipeline without the stage: {t_pipe:.2f} s")
    per_doc = 1000 * t_wwh / max(1, len(coded))
    print(f"wwh stage (attach):         {t_wwh:.2f} s  ({per_doc:.1f} ms/doc)")
    print(f"stage share of total:       {t_wwh / (t_pipe + t_wwh):.1%}  (budget 20%)")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    main()
