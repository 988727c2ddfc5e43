"""Tests for the CoNLL-U to spaCy converter (dyad.nlp.conllu)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from dyad.nlp.conllu import convert, group, named_entities, parse, place_label, to_doc

# Hand-made, GUM-style: a multiword token ("Russia's" -> "Russia" "'s"), a nested entity, a
# non-named entity (head NOUN) and a determiner inside a named span.
SAMPLE = """\
# newdoc id = news_1
# sent_id = news_1-1
# text = The Pentagon said Russia's army didn't move.
1\tThe\tthe\tDET\tDT\tDefinite=Def\t2\tdet\t_\tEntity=(1-organization-new-nnnnn-cf1-2-sgl-The_Pentagon
2\tPentagon\tPentagon\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\tEntity=1)
3\tsaid\tsay\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
4-5\tRussia's\t_\t_\t_\t_\t_\t_\t_\t_
4\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t6\tnmod:poss\t_\tEntity=(2-person-new-nnnnn-cf2-3-sgl(3-place-new-nnnnn-cf3-1-sgl-Russia)
5\t's\t's\tPART\tPOS\t_\t4\tcase\t_\t_
6\tarmy\tarmy\tNOUN\tNN\tNumber=Sing\t9\tnsubj\t_\tEntity=2)
7-8\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
7\tdid\tdo\tAUX\tVBD\tTense=Past\t9\taux\t_\t_
8\tn't\tnot\tPART\tRB\t_\t9\tadvmod\t_\t_
9\tmove\tmove\tVERB\tVB\tVerbForm=Inf\t3\tccomp\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = news_1-2
# text = Troops left Lake Baikal.
1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tLake\tLake\tPROPN\tNNP\tNumber=Sing\t4\tcompound\t_\tEntity=(4-place-new-nnnnn-cf1-1,2-sgl
4\tBaikal\tBaikal\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tEntity=4)|SpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_conllu_multiword_token_keeps_surface_text() -> None:
    """Words of a multiword token are glued together, so the doc text is the sentence text."""
    sents = list(parse(SAMPLE))
    doc = to_doc(Vocab(), sents, with_entities=True)
    assert doc.text == "The Pentagon said Russia's army didn't move. Troops left Lake Baikal."
    assert [t.text for t in doc[3:8]] == ["Russia", "'s", "army", "did", "n't"]


def test_conllu_annotations_copied() -> None:
    """Tags, UPOS, lemmas, morphology, heads, labels and sentence starts reach the spaCy doc."""
    doc = to_doc(Vocab(), list(parse(SAMPLE)), with_entities=True)
    said, move = doc[2], doc[8]
    assert (said.tag_, said.pos_, said.lemma_, said.dep_) == ("VBD", "VERB", "say", "ROOT")
    assert doc[1].head == said and doc[1].dep_ == "nsubj"
    assert move.head == said and move.dep_ == "ccomp" and str(move.morph) == "VerbForm=Inf"
    assert doc[7].lemma_ == "not"
    assert [s.text for s in doc.sents] == [
        "The Pentagon said Russia's army didn't move.",
        "Troops left Lake Baikal.",
    ]
    assert doc[10].is_sent_start and doc[11].head == doc[11]


def test_conllu_named_entities_only() -> None:
    """Named spans (PROPN head) are kept without 'the'; the NOUN-headed 'Russia's army' goes."""
    sents = list(parse(SAMPLE))
    assert named_entities(sents[0]) == [(1, 2, "ORG"), (3, 4, "GPE")]
    assert named_entities(sents[1]) == [(2, 4, "LOC")]


def test_conllu_place_label_gpe_or_loc() -> None:
    """Countries and cities are GPE (by text or Wikipedia title); other places are LOC."""
    assert place_label("Ukraine", "") == "GPE"
    assert place_label("the capital", "Kyiv") == "GPE"
    assert place_label("Lake Baikal", "") == "LOC"


def test_conllu_group_respects_documents() -> None:
    """Sentences are grouped per source document and at most per_doc at a time."""
    text = SAMPLE + "\n# newdoc id = news_2\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
    groups = [[s.doc_id for s in g] for g in group(parse(text), per_doc=1)]
    assert groups == [["news_1"], ["news_1"], ["news_2"]]
    assert [len(g) for g in group(parse(text), per_doc=10)] == [2, 1]


def test_conllu_convert_writes_docbin(tmp_path: Path) -> None:
    """convert() writes a DocBin whose docs carry the entities of a GUM-style file."""
    src = tmp_path / "tiny.conllu"
    src.write_text(SAMPLE, encoding="utf-8")
    assert convert([src], tmp_path / "tiny.spacy") == 1
    docs = list(DocBin().from_disk(tmp_path / "tiny.spacy").get_docs(Vocab()))
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Pentagon", "ORG"),
        ("Russia", "GPE"),
        ("Lake Baikal", "LOC"),
    ]


APPOS = """\
# text = The critic Eduard Hanslick visited the Museum of Flight in Seattle and Khartoum and Juba.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-nnnnn-cf1-2-sgl
2\tcritic\tcritic\tNOUN\tNN\t_\t5\tnsubj\t_\t_
3\tEduard\tEduard\tPROPN\tNNP\t_\t2\tappos\t_\t_
4\tHanslick\tHanslick\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)
5\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-place-new-nnnnn-cf2-2-sgl
7\tMuseum\tMuseum\tPROPN\tNNP\t_\t5\tobj\t_\t_
8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_
9\tFlight\tFlight\tPROPN\tNNP\t_\t7\tnmod\t_\t_
10\tin\tin\tADP\tIN\t_\t11\tcase\t_\t_
11\tSeattle\tSeattle\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=(3-place-new-nnnnn-cf3-1-sgl-Seattle)2)
12\tand\tand\tCCONJ\tCC\t_\t13\tcc\t_\t_
13\tKhartoum\tKhartoum\tPROPN\tNNP\t_\t7\tconj\t_\tEntity=(4-place-new-nnnnn-cf4-1-sgl(5-place-new-nnnnn-cf5-1-sgl-Khartoum)
14\tand\tand\tCCONJ\tCC\t_\t15\tcc\t_\t_
15\tJuba\tJuba\tPROPN\tNNP\t_\t13\tconj\t_\tEntity=(6-place-new-nnnnn-cf6-1-sgl-Juba)4)|SpaceAfter=No
16\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_
"""


def test_conllu_names_cut_to_core() -> None:
    """Appositive names are found, facilities are FAC, trailing PPs and coordinations are cut."""
    (sent,) = parse(APPOS)
    got = [(" ".join(w.text for w in sent.words[s:e]), lab) for s, e, lab in named_entities(sent)]
    assert got == [
        ("Eduard Hanslick", "PERSON"),
        ("Museum of Flight", "FAC"),
        ("Seattle", "GPE"),
        ("Khartoum", "GPE"),
        ("Juba", "GPE"),
    ]
