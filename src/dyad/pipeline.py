"""dyad's pipeline: every stage registered here as a named, versioned spaCy component.

Stages, in order: ``dyad_sentences_v1`` → ``dyad_actors_v1`` → ``dyad_events_v1`` →
``dyad_attributes_v1`` (spaCy forbids dots in factory names, hence the underscores). They run
on top of whatever tagger/parser/NER the loaded ``Language`` has: dyad's own trained pipeline by
default, any installed spaCy pipeline, or a blank English pipeline (rules only).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import Coded, Document, Event, Sentence, from_dict, to_dict
from dyad.nlp.sentences import sentence_spans

log = logging.getLogger(__name__)

STAGES: tuple[str, ...] = (
    "dyad_sentences_v1",
    "dyad_actors_v1",
    "dyad_events_v1",
    "dyad_attributes_v1",
)

for _name, _default in (
    ("dyad_doc_id", ""),
    ("dyad_date", None),
    ("dyad_mentions", None),
    ("dyad_events", None),
    ("dyad_sents", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("dyad_place_names_v1")
def place_names_component(doc: Doc) -> Doc:
    """Known place names over the statistical NER (added after ``ner`` by ``dyad.nlp.load``)."""
    from dyad.nlp.names import mark_place_names

    return mark_place_names(doc)


@Language.component("dyad_sentence_rules_v1")
def sentence_rules_component(doc: Doc) -> Doc:
    """News sentences before the parser (added by :func:`add_stages`): the parser keeps the rule
    splitter's boundaries instead of guessing its own, which broke "On the 13th, | Boko Haram
    attacked" and "On Tuesday, U.N. | peacekeeping chief"."""
    from dyad.nlp.sentences import split_sentences

    return split_sentences(doc)


@Language.component("dyad_sentences_v1")
def sentences_component(doc: Doc) -> Doc:
    """Sentence boundaries: the parser's when present, else dyad's rule splitter."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        from dyad.nlp.sentences import split_sentences

        split_sentences(doc)
    return doc


@Language.component("dyad_actors_v1")
def actors_component(doc: Doc) -> Doc:
    """Actor mentions resolved to codes at the document's date."""
    from dyad.actors import find_mentions
    from dyad.nlp.sentences import merged_sentences

    mentions = find_mentions(doc, doc._.dyad_date)
    doc._.dyad_mentions = mentions
    doc._.dyad_sents = merged_sentences(doc, [(m.start, m.end) for m in mentions])
    return doc


@Language.component("dyad_events_v1")
def events_component(doc: Doc) -> Doc:
    """Events: lexicon triggers, roles, factuality and attribution."""
    from dyad.coding import code_doc

    doc._.dyad_events = code_doc(doc, doc._.dyad_mentions or [])
    return doc


@Language.component("dyad_attributes_v1")
def attributes_component(doc: Doc) -> Doc:
    """Event dates, places and quantities."""
    from dyad.coding.place_target import domestic_actors, implicit_actors, target_from_place
    from dyad.wwh import attach
    from dyad.wwh.place_actors import resolve_place_actors

    events = resolve_place_actors(attach(doc, doc._.dyad_events or [], doc._.dyad_date), doc.text)
    # the finished events leave the pipeline in their JSON form (the public contract): a Doc
    # must survive msgpack serialization for nlp.pipe(n_process>1) and DocBin
    sents = sentence_spans(doc)
    named = [m.actor for m in doc._.dyad_mentions or []]
    finished = []
    for e in events:
        s = sents[e.sentence_index] if e.sentence_index < len(sents) else None
        here = [a for a in named if s is not None and s.start_char <= a.start < s.end_char]
        finished.append(to_dict(implicit_actors(domestic_actors(target_from_place(e), here), here)))
    doc._.dyad_events = finished
    doc._.dyad_mentions = None
    return doc


def events_of(doc: Doc) -> tuple[Event, ...]:
    """The events of a Doc that went through all of dyad's stages."""
    return tuple(
        e if isinstance(e, Event) else from_dict(Event, e) for e in (doc._.dyad_events or ())
    )


def add_stages(nlp: Language) -> Language:
    """Append dyad's stages to ``nlp`` (once), and put the news sentence splitter before its
    parser if it has one (``dyad nlp evaluate`` scores the model without it)."""
    if "parser" in nlp.pipe_names and "dyad_sentence_rules_v1" not in nlp.pipe_names:
        nlp.add_pipe("dyad_sentence_rules_v1", before="parser")
    for name in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@dataclass
class Pipeline:
    """Codes many documents: ``Pipeline(nlp="dyad").run(documents)`` yields (document, events).

    Args:
        nlp: ``"dyad"`` (bundled pipeline, default), ``"blank"`` (rules only), an installed
            spaCy package name, a pipeline directory, or a ``Language``.
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: worker processes for ``nlp.pipe``.
    """

    nlp: Language | str | None = None
    batch_size: int = 32
    n_process: int = 1

    def __post_init__(self) -> None:
        from dyad.nlp import load

        lang = self.nlp if isinstance(self.nlp, Language) else load(self.nlp)
        self.language: Language = add_stages(lang)

    def make_doc(self, document: Document) -> Doc:
        doc = self.language.make_doc(document.text)
        doc._.dyad_doc_id = document.id
        doc._.dyad_date = document.date
        return doc

    def run(self, documents: Iterable[Document]) -> Iterator[Coded]:
        """Code documents in batches, yielding each with its sentences and events in text order."""
        docs = ((self.make_doc(d), d) for d in documents)
        for doc, document in self.language.pipe(
            docs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        ):
            sentences = tuple(
                Sentence(document.id, i, s.start_char, s.end_char, s.text)
                for i, s in enumerate(sentence_spans(doc))
            )
            yield Coded(document, sentences, events_of(doc))

    def events(self, document: Document) -> list[Event]:
        return list(next(self.run([document])).events)


_CACHE: dict[str, Pipeline] = {}


def get_pipeline(nlp: Language | str | None = None) -> Pipeline:
    """A shared Pipeline per pipeline name (loading a model takes a second; do it once)."""
    if isinstance(nlp, Language):
        return Pipeline(nlp)
    key = nlp or "dyad"
    if key not in _CACHE:
        _CACHE[key] = Pipeline(nlp)
    return _CACHE[key]
