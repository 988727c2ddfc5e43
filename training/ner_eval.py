"""NER P/R/F1 of a pipeline on a .spacy file or a CoNLL-U file (gold tokenization).

Usage: python training/ner_eval.py MODEL GOLD [GOLD ...]
"""

from __future__ import annotations

import sys
import warnings

import spacy
from spacy.tokens import DocBin

from dyad.nlp.conllu import read_docs
from dyad.nlp.evaluate import _bare, score_docs

warnings.filterwarnings("ignore")


def main() -> None:
    nlp = spacy.load(sys.argv[1])
    for gold_path in sys.argv[2:]:
        if gold_path.endswith(".spacy"):
            golds = list(DocBin().from_disk(gold_path).get_docs(nlp.vocab))
        else:
            golds = read_docs(gold_path, nlp.vocab)
        preds = list(nlp.pipe(_bare(g, nlp) for g in golds))
        s = score_docs(gold_path, golds, preds, True)
        labels = ", ".join(f"{k} {v.f:.3f}/{v.n_gold}" for k, v in s.ner_by_label.items())
        print(f"{gold_path}: P {s.ner.p:.3f} R {s.ner.r:.3f} F {s.ner.f:.3f} ({labels})")


if __name__ == "__main__":
    main()
