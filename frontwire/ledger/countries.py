"""Country names, numeric codes and regions as ACLED writes them.

Gazetteers name countries their own way ("Russian Federation", "Palestine, State of");
the ledger keeps ACLED's short names so exports line up with ACLED data and filters
match what analysts type.
"""

from __future__ import annotations

from functools import lru_cache

# Where ACLED's name differs from pycountry's common (or official short) name.
_ACLED_NAMES = {
    "RU": "Russia", "PS": "Palestine", "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo", "CI": "Ivory Coast", "CZ": "Czech Republic", "TR": "Turkey",
    "CV": "Cape Verde", "BN": "Brunei", "FM": "Micronesia", "VA": "Vatican City",
    "TL": "East Timor", "SZ": "eSwatini", "XK": "Kosovo", "MK": "North Macedonia",
    "KR": "South Korea", "KP": "North Korea", "LA": "Laos", "VN": "Vietnam",
    "SY": "Syria", "IR": "Iran", "TZ": "Tanzania", "VE": "Venezuela", "BO": "Bolivia",
    "MD": "Moldova", "TW": "Taiwan",
}  # fmt: skip

# ACLED's region of each country (ISO 3166-1 alpha-2).
_REGIONS = {
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO TW JP KP KR MN",
    "Europe": "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT"
    " MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA GI FO IM JE GG AX SJ",
    "North America": "US CA BM GL PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AG BS BB CU DM DO GD HT JM KN LC VC TT PR AW CW KY TC VG VI AI MS BQ SX MF"
    " BL GP MQ",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": "AU NZ PG FJ SB VU NC PF WS TO KI FM MH PW NR TV GU MP AS CK NU TK WF PN NF",
    "Antarctica": "AQ",
}
REGION_OF = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


@lru_cache(maxsize=512)
def acled_country(code: str, fallback: str = "") -> str:
    """ACLED's name for an ISO alpha-2 code; ``fallback`` (the gazetteer's) when unknown."""
    code = (code or "").upper()
    if code in _ACLED_NAMES:
        return _ACLED_NAMES[code]
    if not code:
        return fallback
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return fallback
    return str(getattr(country, "common_name", None) or country.name)


def acled_code(name: str) -> str:
    """The alpha-2 code of a country by ACLED's own name ("Ivory Coast", "Kosovo"), or ''."""
    return _ACLED_CODES.get(name.strip().casefold(), "")


_ACLED_CODES = {name.casefold(): code for code, name in _ACLED_NAMES.items()}


@lru_cache(maxsize=512)
def iso_numeric(code: str) -> int:
    """ISO 3166-1 numeric code of an alpha-2 code (0 when unknown, as ACLED does for Kosovo)."""
    if not code:
        return 0
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return int(country.numeric) if country else 0
