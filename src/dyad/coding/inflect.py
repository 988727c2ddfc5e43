"""Lemma candidates for English verbs and nouns when no lemmatizer ran (blank pipelines).

The lexicon is the vocabulary filter: :func:`candidates` may propose junk stems ("sanctio"),
but only candidates that are lexicon heads ever match, so over-generation is harmless.
"""

from __future__ import annotations

import functools

# Irregular forms of verbs (and a few nouns) the lexicon uses; past and participle → lemma.
IRREGULAR: dict[str, str] = {
    "arose": "arise", "arisen": "arise", "beat": "beat", "beaten": "beat", "became": "become",
    "began": "begin", "begun": "begin", "bid": "bid", "bit": "bite", "bitten": "bite",
    "blew": "blow", "blown": "blow", "broke": "break", "broken": "break", "brought": "bring",
    "built": "build", "burnt": "burn", "bought": "buy", "caught": "catch", "chose": "choose",
    "chosen": "choose", "came": "come", "cut": "cut", "dealt": "deal", "did": "do", "done": "do",
    "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "fell": "fall",
    "fallen": "fall", "fed": "feed", "felt": "feel", "fought": "fight", "found": "find",
    "fled": "flee", "flew": "fly", "flown": "fly", "forbade": "forbid", "forbidden": "forbid",
    "forgave": "forgive", "forgiven": "forgive", "froze": "freeze", "frozen": "freeze",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "had": "have",
    "has": "have", "heard": "hear", "held": "hold", "hid": "hide", "hidden": "hide", "hit": "hit",
    "hurt": "hurt", "kept": "keep", "knew": "know", "known": "know", "laid": "lay", "led": "lead",
    "left": "leave", "lent": "lend", "let": "let", "lost": "lose", "made": "make", "meant": "mean",
    "met": "meet", "overcame": "overcome", "overran": "overrun", "overthrew": "overthrow",
    "overthrown": "overthrow", "paid": "pay", "put": "put", "quit": "quit", "ran": "run",
    "rang": "ring", "rung": "ring", "rode": "ride", "ridden": "ride", "rose": "rise",
    "risen": "rise", "said": "say", "saw": "see", "seen": "see", "sought": "seek", "sold": "sell",
    "sent": "send", "set": "set", "shook": "shake", "shaken": "shake", "shot": "shoot",
    "shut": "shut", "slew": "slay", "slain": "slay", "spoke": "speak", "spoken": "speak",
    "spent": "spend", "split": "split", "spread": "spread", "stood": "stand", "stole": "steal",
    "stolen": "steal", "struck": "strike", "stricken": "strike", "swore": "swear",
    "sworn": "swear", "took": "take", "taken": "take", "taught": "teach", "tore": "tear",
    "torn": "tear", "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw",
    "undertook": "undertake", "undertaken": "undertake", "upheld": "uphold", "withdrew": "withdraw",
    "withdrawn": "withdraw", "withheld": "withhold", "won": "win", "wrote": "write",
    "written": "write", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be",
    "am": "be", "being": "be",
}  # fmt: skip

_VOWELS = frozenset("aeiou")


@functools.lru_cache(maxsize=8192)
def candidates(word: str) -> frozenset[str]:
    """Possible lemmas of an inflected word: itself plus stems from irregular and suffix rules."""
    w = word.lower()
    out = {w}
    if w in IRREGULAR:
        out.add(IRREGULAR[w])
    if len(w) < 4:
        return frozenset(out)
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    if w.endswith("ied"):
        out.add(w[:-3] + "y")
    if w.endswith("ed"):
        out.update(_stems(w[:-2]))
        out.add(w[:-1])  # "praised" → "praise"
    if w.endswith("ing") and len(w) >= 5:
        out.update(_stems(w[:-3]))
        out.add(w[:-3] + "e")  # "making" → "make"
        if w.endswith("ying"):
            out.add(w[:-4] + "ie")  # "dying" → "die"
    return frozenset(out)


def _stems(stem: str) -> set[str]:
    """A stripped stem and its undoubled form: "stopp" → {"stopp", "stop"}."""
    out = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS and stem[-1] not in "ls":
        out.add(stem[:-1])
    if len(stem) > 2 and stem[-1] == stem[-2] == "l":
        out.add(stem[:-1])  # British "travelled" → "travel"
    return out
