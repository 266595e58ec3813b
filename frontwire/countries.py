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
