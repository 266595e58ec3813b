"""Counts in text: "three", "1,200", "a dozen", "dozens", "1-4", "between 2 and 5".

Vague words get ACLED's conservative readings (ACLED codebook, fatalities): a report
of "several" or "many" deaths is coded 10, "dozens" 12, "hundreds" 100; a range is
coded at its lowest figure. We read "a few" and "some" as 3 and "a couple" as 2, the
lowest counts those words can mean.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
VAGUE = {"several": 10, "many": 10, "numerous": 10, "scores of": 20, "dozens of": 12,
         "dozens": 12, "a dozen": 12, "hundreds of": 100, "hundreds": 100, "a few": 3,
         "few": 3, "some": 3, "a couple of": 2, "a couple": 2, "a handful of": 3,
         "thousands of": 1000, "thousands": 1000}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_DIGIT_WORDS = "|".join(k for k, v in UNITS.items() if 0 < v < 10 and len(k) > 2)
_SINGLE = (rf"(?:{_DIGITS}|(?:{'|'.join(TENS)})(?:[- ](?:{_DIGIT_WORDS}))?"
           rf"|{_WORD})(?: hundred| thousand)?")
# A count phrase: an optional hedge, a range or a single number, or a vague word.
COUNT = (rf"(?:(?:at least|about|around|approximately|nearly|almost|some|more than|over|up to|"
         rf"as many as|roughly|an estimated|between|from) )?"
         rf"(?:{_VAGUE}|(?:{_SINGLE})(?:\s*(?:-|–|to|and|or)\s*(?:{_SINGLE}))?)")
COUNT_RE = re.compile(rf"(?<![\w-])(?:{COUNT})(?![\w])", re.I)


def _single(text: str) -> int | None:
    text = text.lower().strip().replace(",", "")
    scale = 1
    for word, factor in ((" thousand", 1000), (" hundred", 100)):
        if text.endswith(word):
            text, scale = text[: -len(word)], factor
    if text.isdigit():
        return int(text) * scale
    parts = re.split(r"[- ]", text)
    total = 0
    for part in parts:
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        else:
            return None
    return total * scale


def parse_count(text: str) -> int | None:
    """The conservative number a count phrase stands for, or None when it is not one."""
    phrase = re.sub(r"^(?:at least|about|around|approximately|nearly|almost|more than|over|"
                    r"up to|as many as|roughly|an estimated|between|from) ", "", text.strip(),
                    flags=re.I)
    lowered = phrase.lower()
    if lowered in VAGUE:
        return VAGUE[lowered]
    pieces = re.split(r"(?<=\d)\s*[-–]\s*(?=\d)|\s+(?:to|and|or)\s+|\s[-–]\s", phrase)
    values = [v for v in (_single(p) for p in pieces if p) if v is not None]
    return min(values) if values else None  # a range counts at its lowest figure
