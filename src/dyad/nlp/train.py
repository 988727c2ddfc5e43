"""Train dyad's English pipeline from the UD treebanks and install it as the bundled model.

``python -m dyad.nlp.train --data /work/shared/data/ud --out training/output`` converts EWT + GUM to
DocBins, trains with ``training/config.cfg`` and, with ``--install``, copies the best model to
``src/dyad/nlp/model/`` (keeping its README.md).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import unreadable
from dyad.nlp import MODEL_DIR
from dyad.nlp.conllu import convert

log = logging.getLogger(__name__)

TREEBANKS: tuple[str, ...] = ("en_ewt-ud", "en_gum-ud")
SPLITS: tuple[str, ...] = ("train", "dev", "test")
DEFAULT_CONFIG = Path("training/config.cfg")
MODEL_NAME = "core"
MODEL_VERSION = "0.1.0"


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
        install_model(best)
    return best


def install_model(src: Path | str, dest: Path | str = MODEL_DIR) -> Path:
    """Copy a trained pipeline into ``dest`` with dyad's name and licence in its meta.json."""
    src, dest = Path(src), Path(dest)
    if not (src / "config.cfg").exists():
        raise unreadable(
            str(src),
            "no config.cfg: not a spaCy pipeline directory",
            "pass the model-best directory of a training run",
        )
    readme = (
        (dest / "README.md").read_text(encoding="utf-8") if (dest / "README.md").exists() else None
    )
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    if readme is not None:
        (dest / "README.md").write_text(readme, encoding="utf-8")
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "dyad's English pipeline: tagger, morphologizer, parser, lemmatizer, "
            "NER; trained on UD English EWT + GUM",
            "author": "dyad developers",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "Universal Dependencies English EWT",
                    "author": "Silveira et al. 2014",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "Universal Dependencies English GUM",
                    "author": "Zeldes 2017",
                    "license": "CC BY (per genre)",
                },
                {
                    "name": "spacy-lookups-data (English lemma tables)",
                    "author": "Explosion",
                    "license": "MIT",
                },
            ],
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log.info("installed %s -> %s", src, dest)
    return dest


def main() -> None:
    """``python -m dyad.nlp.train``: the same as ``dyad nlp train``."""
    from dyad.nlp.cli import app

    app(["train", *__import__("sys").argv[1:]])


if __name__ == "__main__":
    main()
