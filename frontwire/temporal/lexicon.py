"""Word tables of the time grammar: numbers, months, weekdays, seasons, units.

Kept apart from the regex grammar (``grammar.py``) so the vocabulary can grow
without touching the rules.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Abbreviations need a trailing period or a following day number ("Jan" is also a name).
MONTH_ABBREVIATIONS = frozenset(
    k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july")
)

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# TIMEX3 parts of the day.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "dawn": "MO",
    "daybreak": "MO",
    "dusk": "EV",
    "nightfall": "EV",
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "half": 0.5,
    "a half": 0.5,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
# Vague amounts: the count becomes "X" in the TIMEX3 value (P3D vs PXD).
VAGUE_NUMBERS = frozenset(
    [
        "several",
        "a few",
        "few",
        "many",
        "some",
        "a number of",
        "numerous",
        "recent",
        "coming",
        "the coming",
        "past",
        "the past",
        "the last",
        "last",
        "next",
        "the next",
    ]
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}

# Unit word -> (TIMEX3 duration code, is_time_unit). Plural forms are handled by the grammar.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("2W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second",
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "nights": "night",
    "weeks": "week",
    "weekends": "weekend",
    "fortnights": "fortnight",
    "months": "month",
    "quarters": "quarter",
    "years": "year",
    "decades": "decade",
    "centuries": "century",
}

# Fixed-date holidays that matter in conflict and political reporting.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year": (1, 1),
    "new year's": (1, 1),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "victory day": (5, 9),
    "orthodox christmas": (1, 7),
    # Movable feasts: the month/day here is unused, periods.py computes them.
    "thanksgiving": (11, 0),
    "thanksgiving day": (11, 0),
    "easter": (4, 0),
    "easter sunday": (4, 0),
    "election day": (11, 0),
    "orthodox easter": (4, 0),
}

SET_ADVERBS: dict[str, str] = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "biweekly": "P2W",
    "fortnightly": "P2W",
}

# Deictic adverbs: TIMEX3 reference values.
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "more recently": "PAST_REF",
    "until recently": "PAST_REF",
    "recent": "PAST_REF",
    "current": "PRESENT_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "a later stage": "FUTURE_REF",
}

# Ordinal words of centuries ("the nineteenth century").
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty first": 21,
    "twenty-first": 21,
}
