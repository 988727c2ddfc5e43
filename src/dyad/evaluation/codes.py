"""Comparable keys for scoring: actor countries and IGOs, CAMEO roots, PLOVER types, pentaclasses.

Gold sets and dyad spell the same thing differently (``JAP`` vs ``JPN``, ``IGOEUREEC`` vs ``EU``,
PLOVER 0.5b1 ``DEMAND`` vs PLOVER 2021 ``REQUEST``); every translation lives here, in small tables
that are documented in ``docs/evaluation.md``.
"""

from __future__ import annotations

import re

import pycountry

from dyad.model import Actor

# Legacy or CAMEO-specific country codes found in gold files → ISO 3166-1 alpha-3.
LEGACY_COUNTRIES: dict[str, str] = {
    "JAP": "JPN",  # CAMEO's Japan
    "VTN": "VNM",  # PLOVER GSR's Vietnam
    "ROM": "ROU",  # pre-2002 ISO Romania
    "ZAR": "COD",  # Zaire
    "TMP": "TLS",  # East Timor before 2002
    "BUR": "MMR",  # Burma
    "KSV": "XKX",  # CAMEO's Kosovo; XKX is the user-assigned code in common use
    "KOS": "XKX",
}

COUNTRIES: frozenset[str] = frozenset(
    {c.alpha_3 for c in pycountry.countries}
    | {c.alpha_3 for c in pycountry.historic_countries}
    | {"XKX"}
)

# Phoenix IGO code prefixes (longest first wins) → the short name dyad's actors use.
# A Phoenix IGO code not listed here, and PLOVER's bare "IGO", become the generic key "IGO".
PHOENIX_IGOS: dict[str, str] = {
    "IGOUNO": "UN",
    "IGOEUREEC": "EU",
    "IGOWSTNAT": "NATO",
    "IGOSEAASN": "ASEAN",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "AU",
    "IGOMEAARL": "ARAB LEAGUE",
    "IGOBUSOPC": "OPEC",
    "IGOBUSIMF": "IMF",
    "IGOBUSWTO": "WTO",
    "IGOCOPITP": "INTERPOL",
    "IGOJUDICC": "ICC",
    "IGOOAS": "OAS",
    "IGOMOSOIC": "OIC",
    "IGOWAFWAS": "ECOWAS",
    "IGOEURDEVEBR": "EBRD",
    "IGOASADEVADB": "ADB",
}

# Spellings of IGO names → one canonical name, applied to gold and predictions alike. Phoenix
# codes the UN system's bodies as the UN (IGOUNO...) and the EU's institutions as the EU, so
# dyad's codes for those bodies (actors/data/igos.txt) are folded into their family here.
_UN_SYSTEM = (
    "UNITED NATIONS", "UNO", "UNSC", "UNGA", "UNHCR", "UNICEF", "UNRWA", "UNHRC", "OHCHR", "OCHA",
    "UNDP", "UNESCO", "WFP", "FAO", "WHO", "IAEA", "ILO", "IOM", "UNIFIL", "ICJ",
)  # fmt: skip
_EU_INSTITUTIONS = ("EUROPEAN UNION", "EEC", "EC", "EP", "EUCO", "ECB")
IGO_ALIASES: dict[str, str] = {
    **dict.fromkeys(_UN_SYSTEM, "UN"),
    **dict.fromkeys(_EU_INSTITUTIONS, "EU"),
    "AFRICAN UNION": "AU",
    "AL": "ARAB LEAGUE",
    "ARL": "ARAB LEAGUE",
    "LAS": "ARAB LEAGUE",
    "LEAGUE OF ARAB STATES": "ARAB LEAGUE",
}

GENERIC_IGO = "IGO"

# PLOVER 0.5b1 type names that PLOVER 2021 renamed or merged; the rest kept their names.
PLOVER_2021_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

PLOVER_2021_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
PLOVER_05_TYPES: frozenset[str] = (PLOVER_2021_TYPES - {"REQUEST", "ACCUSE"}) | set(
    PLOVER_2021_NAMES
)

# re3d relations, scored loosely as cooperation vs conflict (its quad classes are heuristics).
RE3D_POLARITY: dict[str, str] = {
    "FightingAgainst": "conflict",
    "Dislikes": "conflict",
    "CommWith": "cooperation",
    "Likes": "cooperation",
    "AlliesOf": "cooperation",
}

_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def country_key(code: str) -> str | None:
    """The comparable key of a 3-letter country code, after the legacy table; None if not one."""
    code = code.strip().upper()
    code = LEGACY_COUNTRIES.get(code, code)
    return code if code in COUNTRIES else None


def igo_key(name: str) -> str:
    """``IGO:<canonical name>`` for a named IGO."""
    canon = " ".join(name.replace(".", "").upper().split())
    return f"{GENERIC_IGO}:{IGO_ALIASES.get(canon, canon)}"


def phoenix_key(code: str) -> str | None:
    """The comparable key of a Phoenix/CAMEO actor code (``USAGOV``, ``---REB``, ``IGOEUREEC``)."""
    code = code.strip().upper()
    if not code or code.startswith("---"):
        return None
    if code.startswith(GENERIC_IGO):
        for prefix in sorted(PHOENIX_IGOS, key=len, reverse=True):
            if code.startswith(prefix):
                return igo_key(PHOENIX_IGOS[prefix])
        return GENERIC_IGO
    return country_key(code[:3])


def actor_key(actor: Actor | None) -> str | None:
    """A predicted actor's comparable key: its country, else its IGO, else its code's prefix."""
    if actor is None:
        return None
    if actor.country:
        key = country_key(actor.country)
        if key is not None:
            return key
    if actor.igo:
        return igo_key(actor.igo)
    return phoenix_key(actor.code)


def keys_match(gold: str | None, predicted: str | None) -> bool:
    """Equal keys match; the generic ``IGO`` matches any named IGO (PLOVER gold names none)."""
    if gold == predicted:
        return True
    if gold is None or predicted is None:
        return False
    igo = GENERIC_IGO
    return (gold == igo and predicted.startswith(igo)) or (
        predicted == igo and gold.startswith(igo)
    )


def is_cameo(code: str) -> bool:
    """True for a CAMEO code with a valid root (01–20) and at most 4 digits."""
    return bool(_CAMEO.match(code))


def cameo_root(code: str) -> str:
    """The 2-digit root of a CAMEO code (``"1014"`` → ``"10"``)."""
    return code[:2]


def full_cameo(code: str) -> str:
    """A CAMEO code at 3+ digits, so that a bare root compares equal to its ``x0`` code."""
    return code + "0" if len(code) == 2 else code


def pentaclass(root: str) -> int | None:
    """ConfliBERT's five classes from a CAMEO root; None for an invalid root."""
    if not root.isdigit():
        return None
    n = int(root)
    if 1 <= n <= 2:
        return 0
    if 3 <= n <= 5:
        return 1
    if 6 <= n <= 8:
        return 2
    if 9 <= n <= 13 or n == 16:
        return 3
    if n in (14, 15) or 17 <= n <= 20:
        return 4
    return None


def plover_2021(name: str) -> str:
    """A PLOVER type name in its 2021 spelling."""
    name = name.strip().upper()
    return PLOVER_2021_NAMES.get(name, name)


def polarity(quad_class: int) -> str | None:
    """``cooperation`` for QuadClass 1–2, ``conflict`` for 3–4."""
    if quad_class in (1, 2):
        return "cooperation"
    if quad_class in (3, 4):
        return "conflict"
    return None
