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
from typing import cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler

from dyad.errors import unreadable
from dyad.nlp import MODEL_DIR
from dyad.nlp.conllu import convert

log = logging.getLogger(__name__)

TREEBANKS: tuple[str, ...] = ("en_ewt-ud", "en_gum-ud")
SPLITS: tuple[str, ...] = ("train", "dev", "test")
DEFAULT_CONFIG = Path("training/config.cfg")
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
    """DocBin paths made from the treebanks: combined train/dev and per-treebank test files."""

    train: Path
    dev: Path
    tests: dict[str, Path]


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
        n = convert([data / f"{tb}-{split}.conllu" for tb in TREEBANKS], out[split], per_doc)
        log.info("%s: %d docs", out[split], n)
    tests = {tb: data / f"{tb}-test.conllu" for tb in TREEBANKS}
    return Corpus(out["train"], out["dev"], tests)


def train(
    data: Path | str,
    out: Path | str,
    config: Path | str | None = None,
    max_steps: int = 20000,
    patience: int = 3000,
    eval_frequency: int = 400,
    install: bool = False,
) -> Path:
    """Train the pipeline and return the best model's directory.

    Args:
        data: directory with the EWT and GUM CoNLL-U files.
        out: output directory (corpus under ``out/corpus``, models under ``out/model-*``).
        config: spaCy config (default ``training/config.cfg``, else the bundled model's config).
        max_steps: training steps at most; ``patience`` steps without a better dev score stop early.
        eval_frequency: steps between dev evaluations.
        install: copy the best model to ``src/dyad/nlp/model/`` when done.
    """
    from spacy.cli.train import train as spacy_train

    out = Path(out)
    cfg = Path(config) if config else DEFAULT_CONFIG
    if not cfg.exists():
        cfg = MODEL_DIR / "config.cfg"
    if not cfg.exists():
        raise unreadable(str(cfg), "config not found", "pass --config training/config.cfg")
    corpus = prepare(data, out / "corpus")
    overrides = {
        "paths.train": str(corpus.train),
        "paths.dev": str(corpus.dev),
        "training.max_steps": max_steps,
        "training.patience": patience,
        "training.eval_frequency": eval_frequency,
    }
    spacy_train(cfg, out, overrides=overrides)
    best = out / "model-best"
    if install:
        install_model(best, data=data)
    return best


CLOSED_CLASS: frozenset[str] = frozenset({"AUX", "PRON", "DET", "PART", "ADP", "CCONJ", "SCONJ"})


def lemma_exceptions(
    paths: list[Path], min_count: int = 10, min_share: float = 0.9
) -> list[tuple[str, str, str]]:
    """(lower form, UPOS, lemma) for closed-class words whose treebank lemma is not the form.

    spaCy's English rule lemmatizer leaves auxiliaries and pronouns as they are ("has", "me");
    the treebanks say "have", "I". Only forms seen ``min_count`` times with one lemma in at least
    ``min_share`` of them are kept.
    """
    from collections import Counter, defaultdict

    from dyad.nlp.conllu import parse

    seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for path in paths:
        for sent in parse(Path(path).read_text(encoding="utf-8"), str(path)):
            for w in sent.words:
                if w.upos in CLOSED_CLASS:
                    seen[(w.text.lower(), w.upos)][w.lemma] += 1
    out = []
    for (form, pos), lemmas in sorted(seen.items()):
        lemma, n = lemmas.most_common(1)[0]
        total = sum(lemmas.values())
        if total >= min_count and n / total >= min_share and lemma != form:
            out.append((form, pos, lemma))
    return out


def add_lemma_exceptions(nlp: Language, table: list[tuple[str, str, str]]) -> None:
    """Put an ``attribute_ruler`` with ``table`` before the lemmatizer (which keeps set lemmas)."""
    name = "lemma_exceptions"
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
    ruler = cast(AttributeRuler, nlp.add_pipe("attribute_ruler", name=name, before="lemmatizer"))
    for form, pos, lemma in table:
        ruler.add([[{"LOWER": form, "POS": pos}]], {"LEMMA": lemma})


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
        add_lemma_exceptions(nlp, lemma_exceptions(paths))
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
