"""Accuracy and speed of an English pipeline on a CoNLL-U test set (gold tokenization)."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.conllu import read_docs

log = logging.getLogger(__name__)

NER_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC")


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 with the counts they come from."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f": round(self.f, 4),
            "tp": self.tp,
            "pred": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """What ``evaluate`` measured on one treebank; ``ner`` is None when the gold has no entities."""

    name: str
    words: int
    upos: float
    xpos: float
    lemma: float
    uas: float
    las: float
    sents: PRF
    ner: PRF | None
    ner_by_label: dict[str, PRF] = field(default_factory=dict)
    words_per_sec: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (rounded)."""
        out = {k: v for k, v in asdict(self).items() if k not in {"sents", "ner", "ner_by_label"}}
        for k in ("upos", "xpos", "lemma", "uas", "las"):
            out[k] = round(out[k], 4)
        out["words_per_sec"] = round(self.words_per_sec)
        out["sents"] = self.sents.as_dict()
        out["ner"] = self.ner.as_dict() if self.ner else None
        out["ner_by_label"] = {k: v.as_dict() for k, v in self.ner_by_label.items()}
        return out


def _bare(gold: Doc, nlp: Language) -> Doc:
    """A doc with the gold words and spaces and nothing else."""
    return Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])


def _sent_spans(doc: Doc) -> set[tuple[int, int]]:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return {(0, len(doc))}  # a pipeline without a parser or splitter: one sentence
    return {(s.start, s.end) for s in doc.sents}


def _ents(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in NER_LABELS}


def score_docs(name: str, golds: list[Doc], preds: list[Doc], with_ner: bool) -> Scores:
    """Compare predicted with gold docs of the same words; UAS/LAS leave punctuation out."""
    n = n_dep = upos = xpos = lemma = uas = las = 0
    sent_tp = sent_pred = sent_gold = 0
    ner: Counter[str] = Counter()
    for gold, pred in zip(golds, preds, strict=True):
        for g, p in zip(gold, pred, strict=True):
            n += 1
            upos += g.pos_ == p.pos_
            xpos += g.tag_ == p.tag_
            lemma += g.lemma_ == p.lemma_
            if g.pos_ != "PUNCT":
                n_dep += 1
                if g.head.i == p.head.i:
                    uas += 1
                    las += g.dep_.lower() == p.dep_.lower()
        gs, ps = _sent_spans(gold), _sent_spans(pred)
        sent_tp, sent_pred, sent_gold = (
            sent_tp + len(gs & ps),
            sent_pred + len(ps),
            sent_gold + len(gs),
        )
        if with_ner:
            ge, pe = _ents(gold), _ents(pred)
            for lab in NER_LABELS:
                gl = {e for e in ge if e[2] == lab}
                pl = {e for e in pe if e[2] == lab}
                ner[f"{lab}:tp"] += len(gl & pl)
                ner[f"{lab}:pred"] += len(pl)
                ner[f"{lab}:gold"] += len(gl)
    by_label = {
        lab: PRF(ner[f"{lab}:tp"], ner[f"{lab}:pred"], ner[f"{lab}:gold"]) for lab in NER_LABELS
    }
    total = PRF(
        sum(v.tp for v in by_label.values()),
        sum(v.n_pred for v in by_label.values()),
        sum(v.n_gold for v in by_label.values()),
    )
    return Scores(
        name=name,
        words=n,
        upos=upos / max(n, 1),
        xpos=xpos / max(n, 1),
        lemma=lemma / max(n, 1),
        uas=uas / max(n_dep, 1),
        las=las / max(n_dep, 1),
        sents=PRF(sent_tp, sent_pred, sent_gold),
        ner=total if with_ner else None,
        ner_by_label=by_label if with_ner else {},
    )


def words_per_sec(nlp: Language, texts: list[str], batch_size: int = 64) -> float:
    """Words per second of the whole pipeline (tokenizer included) on one process."""
    start = time.perf_counter()
    n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return n / max(time.perf_counter() - start, 1e-9)


def evaluate(nlp: Language, path: Path | str, per_doc: int = 10, name: str | None = None) -> Scores:
    """Score ``nlp`` on a CoNLL-U file: UPOS/XPOS/lemma accuracy, UAS/LAS, sentences, NER, speed.

    Args:
        nlp: the pipeline to test.
        path: CoNLL-U file (GUM-style ``Entity=`` annotations turn on the NER score).
        per_doc: sentences per document, as in training, so sentence splitting is tested too.
        name: label for the report (default: the file name).

    Returns:
        ``Scores`` with gold-tokenization accuracies and whole-pipeline words/s on the raw text.
    """
    path = Path(path)
    golds = read_docs(path, nlp.vocab, per_doc)
    with_ner = any(g.has_annotation("ENT_IOB") for g in golds)
    preds = list(nlp.pipe((_bare(g, nlp) for g in golds), batch_size=64))
    scores = score_docs(name or path.name, golds, preds, with_ner)
    wps = words_per_sec(nlp, [g.text for g in golds])
    log.info("%s: %d words, %.0f words/s", scores.name, scores.words, wps)
    return Scores(
        **{**{f: getattr(scores, f) for f in scores.__dataclass_fields__}, "words_per_sec": wps}
    )


def markdown_table(results: list[Scores]) -> str:
    """The scores as a Markdown table, for the model README and docs."""
    rows = [
        "| test set | words | UPOS | XPOS | lemma | UAS | LAS | sentence F1 | NER P | NER R "
        "| NER F1 | words/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ner = f"{r.ner.p:.3f} | {r.ner.r:.3f} | {r.ner.f:.3f}" if r.ner else "– | – | –"
        rows.append(
            f"| {r.name} | {r.words:,} | {r.upos:.3f} | {r.xpos:.3f} | {r.lemma:.3f} | {r.uas:.3f} "
            f"| {r.las:.3f} | {r.sents.f:.3f} | {ner} | {r.words_per_sec:,.0f} |"
        )
    return "\n".join(rows)
