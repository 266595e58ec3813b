"""Name keys for gazetteer look-ups.

Two keys per name: :func:`name_key` (ASCII-folded, lower case, punctuation as
spaces) for exact matching, and :func:`skeleton_key` for spelling variants of
transliterated names. Latin spellings of Cyrillic names differ mostly in their
vowels and in digraphs (Tyutkino / Tetkino / Tyotkino, Shchebykino / Shebekino),
so the skeleton keeps the first letter and the consonants after folding the
common digraphs.
"""

from __future__ import annotations

import hashlib
import re

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Digraphs first (longest first), so "shch" does not become "s" + "hch".
_DIGRAPHS = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("zh", "j"),
    ("dzh", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
)
_VOWELS = re.compile(r"[aeiouy']")
_REPEATS = re.compile(r"(.)\1+")
# Generic words that follow a name ("Kursk region") and are not part of it.
ADMIN_WORDS = frozenset(
    "region oblast oblast' province district raion rayon county state governorate "
    "prefecture territory krai kray republic municipality parish department canton "
    "okrug".split()
)


# Latin, Greek and Cyrillic (below Armenian) fold to ASCII keys; names in other scripts
# keep their own letters, so their romanisations (anyascii of CJK or Arabic) cannot
# collide with English words.
OTHER_SCRIPT = 0x0530
# Latin Extended Additional (Vietnamese letters, the ṟ of "Kunaṟ") is Latin too.
_OTHER_SCRIPT = re.compile("[^\u0000-\u052f\u1e00-\u1eff]")
_OTHER_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def name_key(text: str) -> str:
    """ASCII-folded, lower-case key with punctuation collapsed to single spaces."""
    if _OTHER_SCRIPT.search(text):
        return "~" + _OTHER_PUNCT.sub(" ", text.lower()).strip()
    folded = anyascii(text).lower().replace("'", "").replace("`", "")
    return _NON_ALNUM.sub(" ", folded).strip()


def skeleton_key(text: str) -> str:
    """Vowel-free key that survives transliteration variants ("" for short names)."""
    return skeleton_of_key(name_key(text))


def skeleton_of_key(name: str) -> str:
    """:func:`skeleton_key` from an already computed :func:`name_key`."""
    key = name.replace(" ", "")
    if key.startswith("~"):
        return ""
    if len(key) < 4:
        return ""
    for old, new in _DIGRAPHS:
        key = key.replace(old, new)
    skeleton = key[0] + _VOWELS.sub("", key[1:])
    skeleton = _REPEATS.sub(r"\1", skeleton)
    return skeleton if len(skeleton) >= 3 else ""


def hash_key(key: str) -> int:
    """Stable signed 64-bit hash of a key (Python's own ``hash`` is salted per process)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def translit_form(text: str) -> str:
    """Lower-case ASCII spelling with digraphs folded, for similarity scores."""
    key = name_key(text).replace(" ", "")
    for old, new in _DIGRAPHS:
        key = key.replace(old, new)
    return key.replace("yo", "e").replace("yu", "u").replace("ya", "a").replace("y", "i")
