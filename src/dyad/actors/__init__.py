"""Actors: dictionaries of countries, IGOs, agents and people, and their resolution in text.

``find_mentions(doc, date)`` is what the ``dyad_actors_v1`` pipeline stage calls;
``resolve(text, date)`` codes a standalone name; ``ActorDictionary.load(paths)`` adds user files.
See docs/actors.md.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.actors import coref
from dyad.actors.codes import SECTORS, split_code
from dyad.actors.dictionary import ActorDictionary, _tokenizer, default_dictionary
from dyad.actors.mentions import Assembler, Draft, ner_drafts
from dyad.actors.types import Mention
from dyad.model import Actor

__all__ = ["SECTORS", "ActorDictionary", "Mention", "find_mentions", "resolve"]


def find_mentions(
    doc: Doc, date: str | None, dictionary: ActorDictionary | None = None
) -> list[Mention]:
    """All actor mentions in ``doc``, non-overlapping, in text order.

    Args:
        doc: a spaCy Doc; tags, a parse and entities are used when present, not required.
        date: the document's date (ISO ``YYYY-MM-DD``) choosing people's roles; None means each
            person's latest role.
        dictionary: the dictionaries to use; dyad's bundled ones by default.

    Returns:
        Mentions with token span, head token and resolved Actor (character offsets into doc.text).
    """
    dic = dictionary or default_dictionary()
    drafts = Assembler(doc, dic, date).run()
    drafts = ner_drafts(doc, drafts)
    drafts = coref.resolve(doc, drafts, dic, date)
    parsed = doc.has_annotation("DEP")
    return [_mention(doc, d, dic, parsed) for d in drafts]


def _mention(doc: Doc, d: Draft, dic: ActorDictionary, parsed: bool) -> Mention:
    span = doc[d.start : d.end]
    code = d.code or "---"
    country, sector, igo = split_code(code, dic.igo_codes)
    name = d.name
    if name is None and d.kind in ("country", "igo"):
        name = dic.name_of(code)
    actor = Actor(span.text, span.start_char, span.end_char, code, country, sector, igo, name)
    head = span.root.i if parsed else d.head
    return Mention(d.start, d.end, head, actor, d.kind)


def resolve(
    text: str, date: str | None = None, dictionary: ActorDictionary | None = None
) -> Actor | None:
    """The actor a standalone name or phrase stands for ("Kim Jong Un", "North Korean troops").

    Args:
        text: the name or phrase.
        date: ISO date choosing people's roles; None for their latest role.
        dictionary: the dictionaries to use; dyad's bundled ones by default.

    Returns:
        The Actor of the mention covering the phrase (leading articles aside), else of its longest
        mention, else None.
    """
    doc = _tokenizer().make_doc(text)
    mentions = find_mentions(doc, date, dictionary)
    if not mentions:
        return None
    first = next((t.i for t in doc if t.lower_ not in ("the", "a", "an") and not t.is_punct), 0)
    last = max((t.i for t in doc if not t.is_punct), default=len(doc) - 1)
    for m in mentions:
        if m.start <= first and m.end > last:
            return m.actor
    return max(mentions, key=lambda m: m.end - m.start).actor
