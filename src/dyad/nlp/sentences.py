"""Rule-based sentence splitting for pipelines without a parser."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "sen", "rep", "gov",
    "pres", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
}  # fmt: skip
_CLOSERS = {'"', "”", "’", "'", ")", "]"}


def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts after . ! ? and closing quotes, not after abbreviations or initials."""
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if tok.text in {".", "!", "?"} or re.fullmatch(r"[.!?]+", tok.text):
            prev = doc[i - 1].text.lower().rstrip(".") if i > 0 else ""
            if tok.text == "." and (prev in _ABBREV or (len(prev) == 1 and prev.isalpha())):
                i += 1
                continue
            j = i + 1
            while j < n and doc[j].text in _CLOSERS:
                j += 1
            if j < n and (
                doc[j].is_title
                or doc[j].is_upper
                or doc[j].is_digit
                or doc[j].text[:1] in {'"', "“", "(", "‘", "["}
            ):
                starts[j] = True
            i = j
            continue
        if "\n" in tok.text and i + 1 < n:
            starts[i + 1] = True
        i += 1
    for k, tok in enumerate(doc):
        tok.is_sent_start = starts[k]
    return doc


def merged_sentences(doc: Doc, keep_together: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence token ranges, joined where a sentence break falls inside a span that must stay
    whole (an actor's name: "South Korea's president Yoon Suk | Yeol warned")."""
    bounds = [(s.start, s.end) for s in doc.sents]
    inside = {i for start, end in keep_together for i in range(start + 1, end)}
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if out and start in inside:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences dyad codes: the merged ranges set by the actors stage, else ``doc.sents``."""
    ranges = doc._.dyad_sents if Doc.has_extension("dyad_sents") else None
    if ranges:
        return [doc[start:end] for start, end in ranges]
    return list(doc.sents)
