"""Words per second of dyad's English pipeline on one core (nlp.pipe, batch 64).

Usage: ``OMP_NUM_THREADS=1 python benchmarks/bench_nlp.py [--model dyad] [--repeat 3]``.
Text: the raw sentences of the EWT and GUM test sets (~41k words), plus the seed news article.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from dyad.nlp import load  # noqa: E402  (thread limits must be set before numpy loads)

UD = Path("/work/shared/data/ud")
SEED = Path("/work/shared/examples/seed-article.txt")


def texts(per_doc: int = 10) -> list[str]:
    """Raw text of the test treebanks in chunks of ``per_doc`` sentences, and the seed article."""
    out: list[str] = []
    for name in ("en_ewt-ud-test.conllu", "en_gum-ud-test.conllu"):
        sents = [
            line[9:]
            for line in (UD / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("# text = ")
        ]
        out += [" ".join(sents[i : i + per_doc]) for i in range(0, len(sents), per_doc)]
    if SEED.exists():
        out.append(SEED.read_text(encoding="utf-8"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="dyad")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    nlp = load(args.model)
    data = texts()
    list(nlp.pipe(data[:20], batch_size=args.batch_size))  # warm up
    rates = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(data, batch_size=args.batch_size))
        rates.append(n / (time.perf_counter() - start))
    print(f"model={args.model} pipes={nlp.pipe_names} docs={len(data)} words={n}")
    print(
        f"words/s (1 process, batch {args.batch_size}): median {statistics.median(rates):,.0f} "
        f"min {min(rates):,.0f} max {max(rates):,.0f}"
    )
    for name in nlp.pipe_names:
        if name == "tok2vec":  # other components listen to it
            continue
        # without the morphologizer the lemmatizer warns that POS is missing: expected here
        warnings.filterwarnings("ignore", message=r"\[W108\]")
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p != name]):
            start = time.perf_counter()
            m = sum(len(doc) for doc in nlp.pipe(data, batch_size=args.batch_size))
            without = m / (time.perf_counter() - start)
        print(f"  without {name:14s} {without:,.0f} words/s")


if __name__ == "__main__":
    main()
