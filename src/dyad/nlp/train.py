"""Train dyad's English pipeline from the UD treebanks and install it as the bundled model.

``python -m dyad.nlp.train --data /work/shared/data/ud --out training/output`` converts EWT + GUM to
DocBins, trains with ``training/config.cfg`` and, with ``--install``, copies the best model to
``src/dyad/nlp/model/`` (keeping its README.md).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from dyad.errors import unreadable
from dyad.nlp import MODEL_DIR
from dyad.nlp.conllu import convert

log = logging.getLogger(__name__)

TREEBANKS: tuple[str, ...] = ("en_ewt-ud", "en_gum-ud")
SPLITS: tuple[str, ...] = ("train", "dev", "test")
DEFAULT_CONFIG = Path("training/config.cfg")
DEFAULT_NER_CONFIG = Path("training/config-continue.cfg")
MODEL_NAME = "core"
MODEL_VERSION = "0.1.0"


MODEL_META: dict[str, object] = {
    "name": MODEL_NAME,
    "version": MODEL_VERSION,
    "description": "dyad's English pipeline: tagger, morphologizer, parser, lemmatizer, NER; "
    "trained on UD English EWT + GUM",
    "author": "dyad developers",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "UD English EWT", "author": "Silveira et al. 2014", "license": "CC BY-SA 4.0"},
        {"name": "UD English GUM", "author": "Zeldes 2017", "license": "CC BY (per genre)"},
        {"name": "re3d (train split, NER only)", "author": "Dstl", "license": "per source"},
        {"name": "spacy-lookups-data (lemma tables)", "author": "Explosion", "license": "MIT"},
    ],
}


@dataclass(frozen=True, slots=True)
class Corpus:
    """DocBin paths made from the treebanks: EWT+GUM train/dev, and GUM train/dev for NER."""

    train: Path
    dev: Path
    ner_train: Path
    ner_dev: Path


def prepare(data: Path | str, corpus_dir: Path | str, per_doc: int = 10) -> Corpus:
    """Convert ``<data>/en_{ewt,gum}-ud-{split}.conllu`` to DocBins under ``corpus_dir``."""
    data, corpus_dir = Path(data), Path(corpus_dir)
    for tb in TREEBANKS:
        for split in SPLITS:
            if not (data / f"{tb}-{split}.conllu").exists():
                raise unreadable(
                    str(data / f"{tb}-{split}.conllu"),
                    "file not found",
                    "pass --data pointing at the UD English EWT and GUM treebanks",
                )
    out: dict[str, Path] = {}
    for split in ("train", "dev"):
        out[split] = corpus_dir / f"{split}.spacy"
        convert([data / f"{tb}-{split}.conllu" for tb in TREEBANKS], out[split], per_doc)
        out[f"ner_{split}"] = corpus_dir / "ner" / f"gum-{split}.spacy"
        convert([data / f"en_gum-ud-{split}.conllu"], out[f"ner_{split}"], per_doc)
    return Corpus(out["train"], out["dev"], out["ner_train"], out["ner_dev"])


def _config(path: Path | str | None, default: Path) -> Path:
    cfg = Path(path) if path else default
    if not cfg.exists():
        raise unreadable(str(cfg), "config not found", f"pass --config {default}")
    return cfg


def train(
    data: Path | str,
    out: Path | str,
    config: Path | str | None = None,
    max_steps: int = 12000,
    patience: int = 4000,
    eval_frequency: int = 500,
    install: bool = False,
    ner_config: Path | str | None = None,
    ner_extra: list[Path] | None = None,
    ner_max_steps: int = 6000,
) -> Path:
    """Train the pipeline in two stages and return the final model's directory.

    Stage 1 trains tok2vec, tagger, morphologizer, parser and NER on EWT+GUM (``config``).
    Stage 2 (``ner_config``) keeps training stage 1's components on the same data plus the
    ``ner_extra`` DocBins (entity spans only, e.g. re3d from ``training/re3d.py``) with a fresh
    NER, so the NER learns from more news-like text and all components still share one tok2vec.

    Args:
        data: directory with the EWT and GUM CoNLL-U files.
        out: output directory (corpus under ``out/corpus``, runs under ``out/main``, ``out/cont``).
        config: stage 1 spaCy config (default ``training/config.cfg``).
        max_steps: stage 1 steps at most; ``patience`` steps without a better dev score stop early.
        eval_frequency: steps between dev evaluations.
        install: save the final model to ``src/dyad/nlp/model/``.
        ner_config: stage 2 config (default ``training/config-continue.cfg``).
        ner_extra: more NER DocBins for stage 2.
        ner_max_steps: stage 2 steps at most (0 skips stage 2).
    """
    from spacy.cli.train import train as spacy_train

    out = Path(out)
    corpus = prepare(data, out / "corpus")
    spacy_train(
        _config(config, DEFAULT_CONFIG),
        out / "main",
        overrides={
            "paths.train": str(corpus.train),
            "paths.dev": str(corpus.dev),
            "training.max_steps": max_steps,
            "training.patience": patience,
            "training.eval_frequency": eval_frequency,
        },
    )
    final = out / "main" / "model-best"
    if ner_max_steps > 0:
        plus = out / "corpus" / "train-plus"
        plus.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus.train, plus / corpus.train.name)
        for extra in ner_extra or []:
            shutil.copy(extra, plus / Path(extra).name)
        spacy_train(
            _config(ner_config, DEFAULT_NER_CONFIG),
            out / "cont",
            overrides={
                "paths.source": str(final),
                "paths.train": str(plus),
                "paths.dev": str(corpus.dev),
                "training.max_steps": ner_max_steps,
                "training.patience": ner_max_steps // 2,
                "training.eval_frequency": eval_frequency,
                "training.batcher.size.start": 500,
            },
        )
        final = out / "cont" / "model-best"
    if install:
        install_model(final, data=data)
    return final


CLOSED_CLASS: frozenset[str] = frozenset({"AUX", "PRON", "DET", "PART", "ADP", "CCONJ", "SCONJ"})


OPEN_CLASS: frozenset[str] = frozenset({"NOUN", "VERB", "ADJ", "ADV"})  # not PROPN: kept as is


def lemma_exceptions(
    paths: list[Path],
    nlp: Language | None = None,
    min_count: int = 10,
    min_open_count: int = 5,
    min_share: float = 0.9,
) -> list[tuple[str, str, str]]:
    """(lower form, UPOS, lemma) where the treebanks and spaCy's rule lemmatizer disagree.

    The rule lemmatizer leaves auxiliaries and pronouns as they are ("has", "me": the treebanks say
    "have", "I"), strips too much ("need" -> "nee") and lower-cases proper adjectives ("Islamic").
    Closed-class forms are kept whenever the treebank lemma is not the form; open-class forms
    only where ``nlp``'s lemmatizer gets them wrong. A form must be seen ``min_count`` times
    (``min_open_count`` for open classes) with one lemma in at least ``min_share`` of them.
    """
    from collections import Counter, defaultdict

    from dyad.nlp.conllu import read_docs

    rules = nlp.get_pipe("lemmatizer") if nlp is not None else None
    vocab = nlp.vocab if nlp is not None else None
    seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    wrong: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for doc in read_docs(path, vocab or __import__("spacy").blank("en").vocab):
            for tok in doc:
                key = (tok.lower_, tok.pos_)
                if tok.pos_ in CLOSED_CLASS:
                    seen[key][tok.lemma_] += 1
                elif rules is not None and tok.pos_ in OPEN_CLASS:
                    seen[key][tok.lemma_] += 1
                    guess = rules.rule_lemmatize(tok)[0]  # type: ignore[attr-defined]
                    wrong[key] += guess != tok.lemma_
    out = []
    for (form, pos), lemmas in sorted(seen.items()):
        lemma, n = lemmas.most_common(1)[0]
        total = sum(lemmas.values())
        if n / total < min_share:
            continue
        closed = pos in CLOSED_CLASS and total >= min_count and lemma != form
        # open class: only where the rule lemmatizer is wrong more often than right
        fixes = pos in OPEN_CLASS and total >= min_open_count and wrong[(form, pos)] * 2 > total
        if closed or fixes:
            out.append((form, pos, lemma))
    return out


def add_lemma_exceptions(nlp: Language, table: list[tuple[str, str, str]]) -> None:
    """Add ``table`` to the rule lemmatizer's exception lookups (saved inside the model).

    Exceptions win over the suffix rules. A part of speech that had no rules gets the identity
    rule, so its other words are still lower-cased as before.
    """
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    exc = lookups.get_table("lemma_exc")
    rules = lookups.get_table("lemma_rules")
    by_pos: dict[str, dict[str, list[str]]] = {}
    for form, pos, lemma in table:
        by_pos.setdefault(pos.lower(), {})[form] = [lemma]
    for pos, forms in by_pos.items():
        exc[pos] = {**exc.get(pos, {}), **forms}
        if not rules.get(pos):
            rules[pos] = [["", ""]]
    nlp.get_pipe("lemmatizer").cache.clear()  # type: ignore[attr-defined]


def install_model(
    src: Path | str, dest: Path | str = MODEL_DIR, data: Path | str | None = None
) -> Path:
    """Save a trained pipeline to ``dest`` with lemma exceptions (from ``data``) and dyad's meta.

    Args:
        src: a trained pipeline directory (``model-best``).
        dest: where to install it (default: the bundled model directory; its README.md is kept).
        data: directory with the UD treebanks for the closed-class lemma exceptions (optional).
    """
    import spacy

    src, dest = Path(src), Path(dest)
    if not (src / "config.cfg").exists():
        raise unreadable(
            str(src),
            "no config.cfg: not a spaCy pipeline directory",
            "pass the model-best directory of a training run",
        )
    readme_path = dest / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else None
    nlp = spacy.load(src)
    if data is not None:
        paths = [Path(data) / f"{tb}-train.conllu" for tb in TREEBANKS]
        add_lemma_exceptions(nlp, lemma_exceptions(paths, nlp))
    nlp.meta.update(MODEL_META)
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    if readme is not None:
        readme_path.write_text(readme, encoding="utf-8")
    log.info("installed %s -> %s", src, dest)
    return dest


def main() -> None:
    """``python -m dyad.nlp.train``: the same as ``dyad nlp train``."""
    from dyad.nlp.cli import app

    app(["train", *__import__("sys").argv[1:]])


if __name__ == "__main__":
    main()
