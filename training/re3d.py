"""Optional NER data: re3d entity spans (defence and foreign-affairs documents) as spaCy docs.

Usage: python training/re3d.py /work/shared/data/eval/re3d.jsonl training/corpus
Writes re3d-train.spacy and re3d-test.spacy (documents split by a hash of their id, about 2:1).
Person -> PERSON, Organisation -> ORG, Location -> GPE/LOC (same rule as GUM places),
Nationality -> NORP; other types are dropped. Overlapping spans: the most name-like wins.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin, Span

from dyad.nlp.conllu import country_names, place_label

TYPES = {"Person": "PERSON", "Organisation": "ORG", "Location": "LOC", "Nationality": "NORP"}
LOWER_OK = {"of", "for", "and", "the", "de", "al", "-", "&", "'s", "’s"}


def namelike(span: Span) -> bool:
    """All words capitalised (or function words inside a name), starting with a capital."""
    return span[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in LOWER_OK for t in span
    )


def trim(span: Span) -> Span:
    """Drop a leading 'the'/'The' and trailing possessives or punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return span.doc[start:end]


def convert(path: Path, out_dir: Path) -> None:
    nlp = spacy.blank("en")
    train, test = DocBin(), DocBin()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = nlp.make_doc(rec["text"])
        cands = []
        for ent in rec["meta"]["entities"]:
            label = TYPES.get(ent["type"])
            span = doc.char_span(ent["begin"], ent["end"], alignment_mode="expand")
            if label is None or span is None:
                continue
            span = trim(span)
            if len(span) == 0 or not namelike(span):
                continue
            if label == "LOC":
                label = place_label(span.text, "")
            elif label == "ORG" and span.text.lower() in country_names():
                label = "GPE"
            cands.append((span.start, span.end, label))
        cands.sort(key=lambda s: (s[0] - s[1], s[0]))  # longest first
        taken = [False] * len(doc)
        ents = []
        for start, end, label in cands:
            if not any(taken[start:end]):
                ents.append(Span(doc, start, end, label=label))
                taken[start:end] = [True] * (end - start)
        doc.ents = sorted(ents, key=lambda e: e.start)
        bucket = int(hashlib.md5(rec["id"].encode()).hexdigest(), 16) % 3
        (test if bucket == 0 else train).add(doc)
    train.to_disk(out_dir / "re3d-train.spacy")
    test.to_disk(out_dir / "re3d-test.spacy")
    print(f"re3d: {len(train)} train docs, {len(test)} test docs")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
