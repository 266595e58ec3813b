"""Country names from ISO 3166 (pycountry's data), for stages that meet them in prose
or in a user's filter."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

NAME_FIELDS = ("name", "common_name", "official_name")


def names_of(country: Any) -> set[str]:
    """Case-folded ISO name, common name and official name of one pycountry country."""
    return {getattr(country, field, "").casefold() for field in NAME_FIELDS} - {""}


@lru_cache(maxsize=1)
def all_country_names() -> frozenset[str]:
    """Every country's case-folded names ('burkina faso', 'russian federation', ...)."""
    import pycountry

    return frozenset(name for country in pycountry.countries for name in names_of(country))


@lru_cache(maxsize=1024)
def country_code(value: str) -> str:
    """ISO alpha-2 code of a country given by alpha-2/alpha-3 code or by one of its ISO names.

    A name that only starts one country's names ("Russia", "Bolivia") counts as that
    country. value (str): what a user or a text wrote. RETURNS (str): the code, or ''.
    """
    import pycountry

    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper() if pycountry.countries.get(alpha_2=text.upper()) else ""
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        key = text.casefold()
        found = [c for c in pycountry.countries if any(n.startswith(key) for n in names_of(c))]
        return str(found[0].alpha_2) if key and len(found) == 1 else ""
