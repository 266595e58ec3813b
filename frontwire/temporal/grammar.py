"""The regex grammar of temporal expressions: one compiled pattern per rule.

Each rule finds candidates only; ``resolve.py`` decides whether a candidate is a
real time expression (capitalisation, modal "may", "the fall of Kabul") and
normalises it. Patterns are case-insensitive; handlers check capitals where
they matter.
"""

from __future__ import annotations

import re

from .lexicon import HOLIDAYS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, SEASONS, SET_ADVERBS, WEEKDAYS


def _alt(words: object) -> str:
    """Alternation of literal words, longest first so "march" never shadows "mar"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTH = _alt(MONTHS)
WEEKDAY = _alt(WEEKDAYS)
SEASON = _alt(SEASONS)
PART = _alt([p for p in PARTS_OF_DAY if p not in ("dawn", "daybreak", "dusk", "nightfall")])
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_1_9 = "(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|"
    + _TENS
    + r"(?:[\s-]+"
    + _UNITS_1_9
    + ")?|"
    + _alt([w for w in NUMBER_WORDS if w not in ("half", "a half")])
    + r"|a\s+few|several|few|many|some|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|decades?|century|centuries)"
)
# Approximators TimeML puts inside the TIMEX3 extent.
MOD = (
    r"(?:around|approximately|roughly|nearly|some|more\s+than|less\s+than|no\s+more\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|well\s+over|the\s+better\s+part\s+of)"
)
# "about", "almost", "only", "just" stay outside the extent, as TimeBank annotates them.
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
EDGE = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
HOLIDAY = _alt(HOLIDAYS)
SET_ADVERB = _alt(SET_ADVERBS)
_B = r"(?<![\w$£€#])"  # left word boundary that also refuses money and ids
_E = r"(?![\w])"

# A year said in words, as broadcast transcripts write it: "nineteen ninety-six".
SPELLED_YEAR = (
    r"(?:(?P<c>nineteen|twenty)[\s-]+(?P<rest>"
    + _TENS
    + r"(?:[\s-]+"
    + _UNITS_1_9
    + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?P<tail>"
    + _UNITS_1_9
    + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty))?)"
)

RULES: dict[str, str] = {
    # Explicit calendar dates.
    "date_mdy": (
        rf"{_B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<edge>{EDGE})[\s-]+)?(?P<month>{MONTH})\.?\s+"
        rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(?P<year>{YEAR}))?{_E}"
    ),
    "date_dmy": (
        rf"{_B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<month>{MONTH})\.?(?:,?\s+(?P<year>{YEAR}))?{_E}"
    ),
    "date_iso": (
        r"(?<![\w/.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w/-])"
    ),
    # "March 11-12", "11-12 March 2024", "the night of 11-12 March": one span, a day range.
    "date_range": (
        rf"{_B}(?:(?P<night>the\s+night\s+of|overnight\s+on)\s+)?(?:(?P<month1>{MONTH})\.?\s+"
        r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|through)\s*"
        r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        r"|(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|through)\s*"
        rf"(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH})\.?)"
        rf"(?:,?\s+(?P<year>{YEAR}))?{_E}"
    ),
    "date_slash": (
        r"(?<![\w/.,-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
        r"(?P<year>(?:19|20)\d\d|\d\d)(?![\w/]|\.\d)"
    ),
    "month_year": (
        rf"{_B}(?:(?P<edge>{EDGE})[\s-]+)?(?P<month>{MONTH})\.?,?\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})){_E}"
    ),
    "month": (
        rf"{_B}(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
        rf"(?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?{_E}"
    ),
    "weekday": (
        rf"{_B}(?:(?P<edge>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past|"
        r"the\s+(?:previous|preceding|following))\s+)?"
        rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>{PART})s?)?{_E}"
    ),
    "relday": (
        rf"{_B}(?:(?P<edge>early|late)\s+)?(?P<word>today|yesterday|tomorrow|tonight|"
        rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        rf"(?:\s+(?P<part>{PART}))?{_E}"
    ),
    "partday": (
        rf"{_B}(?P<rel>this|last|that|the\s+same|the\s+next|the\s+following)\s+"
        rf"(?P<part>{PART}){_E}"
    ),
    # "by mid-afternoon", "mid-afternoon yesterday", "in the morning": a part of the day
    # the narrative is on
    "part_alone": (
        rf"{_B}(?:(?P<edge>early|late|mid)[\s-]*|(?<=\bin\s)the\s+)(?P<part>morning|afternoon|"
        rf"evening)(?:\s+(?P<day>today|yesterday|tomorrow))?{_E}"
    ),
    "overnight": rf"{_B}overnight(?:\s+(?:into|to|on)\s+(?P<wd>{WEEKDAY}))?{_E}",
    "reference": (
        rf"{_B}(?P<word>now|currently|at\s+present|these\s+days|nowadays|"
        r"at\s+the\s+moment|at\s+this\s+time|more\s+recently|until\s+recently|recently|lately|"
        r"the\s+past|the\s+near\s+future|the\s+future|(?<=\bin\s)future|"
        r"the\s+(?:near|short)\s+term|as\s+soon\s+as\s+possible|"
        r"(?<=\bat\s)a\s+later\s+(?:date|stage)|"
        r"current(?=\s+[a-z]))(?![\w-])"
    ),
    # "the week of March 6"
    "week_of": (
        rf"{_B}the\s+week\s+of\s+(?P<month>{MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<year>{YEAR}))?{_E}"
    ),
    # "the 20th century", "the eleventh century"
    "century": (
        r"(?<![\w-])(?:(?P<the>the)\s+)?(?P<n>[12]?\d(?:st|nd|rd|th)|(?:twenty[\s-]+)?[a-z]+)"
        r"[\s-]+century(?![\w-])"
    ),
    "relunit": (
        rf"{_B}(?:(?P<edge>{EDGE}|earlier|later|the\s+rest\s+of)[\s-]+)?(?:(?P<the>the)\s+)?"
        r"(?P<rel>last|next|this(?:\s+past)?|coming|past|previous|preceding|following|current|"
        r"latest|same|that|prior|recent)\s+"
        r"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|year|fiscal\s+year|"
        rf"decade|century|(?P<season>{SEASON})){_E}"
    ),
    # "the end of the week", "the rest of the year": the current one (or the narrative's)
    "edge_unit": (
        r"(?<![\w-])(?P<edge>the\s+(?:end|beginning|start|middle|rest|remainder))\s+of\s+"
        r"the\s+(?P<unit>week|month|year|decade)(?![\w-])"
    ),
    # "the latest period" of a results report: the quarter under discussion
    # "the corresponding period last year": that quarter of the year before
    "period": (
        r"(?<![\w-])(?P<the>the)\s+(?:latest|most\s+recent|recent|current|same|comparable|"
        r"corresponding)\s+period"
        r"(?:\s+(?:of\s+)?(?P<ly>last\s+year|a\s+year\s+(?:ago|earlier)))?(?![\w-])"
    ),
    "the_year": r"(?<![\w-])the\s+(?:(?:full|whole|entire|fiscal)\s+)?year(?![\w-])",
    "year_ago": (
        r"(?<![\w-])(?:the\s+)?year-(?:earlier|ago)(?:\s+period|\s+(?P<months>three|six|nine|"
        r"\d{1,2})\s+months)?(?![\w-])"
    ),
    "the_weekend": rf"{_B}(?P<the>the)\s+weekend{_E}",
    "anaphor_day": (
        rf"{_B}the\s+(?P<unit>day|week|year|month)\s+(?P<dir>before|after)"
        r"(?=[,.;)]|\s+(?:that|it|and|but)\b)"
    ),
    "ago": (
        rf"{_B}(?:(?P<mod>{MOD})\s+)?(?P<num>{NUM}|a|an)[\s-]+(?:(?P<or>or\s+so)\s+)?(?P<unit>{UNIT})"
        r"(?:\s+(?P<or2>or\s+so))?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)(?![\w-])"
    ),
    "duration": (
        rf"{_B}(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|first|final|previous|"
        r"following|remaining|initial|latest|same|entire|whole|full|further|additional|another)\s+)?"
        rf"(?:(?P<mod>{MOD})\s+)?(?P<num>{NUM})"
        r"(?:\s+(?:more|additional|further|extra|consecutive|straight|successive|full|long|"
        r"trading|business|working))?"
        rf"[\s-]+(?P<unit>{UNIT})"
        r"(?P<frac>\s+and\s+a\s+half)?(?P<adj>-(?:long|old))?(?![\w-])"
    ),
    "vague_units": (
        rf"{_B}(?:(?P<the>the)\s+)?(?P<q>(?:past|last|next|coming)\s+(?:few|several)|several|many|"
        r"recent|coming|past|few|upcoming)\s+(?P<unit>seconds|minutes|hours|days|weeks|months|"
        r"quarters|years|decades|centuries)(?![\w-])"
    ),
    # "for years", "over the years", "the first time in years", "for a while"
    "for_units": (
        r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\sthe\s)|(?<=\btime\sin\s))(?P<unit>seconds|minutes|hours|days|weeks|months|"
        r"years|decades|centuries)(?![\w-])|(?P<unit2>decades|years|months|hour|day|night|week|month|"
        r"year)-long\b|(?<=\bfor\s)(?P<while>a\s+while)(?![\w-])"
        # "in the years that followed", "in the months since"
        r"|(?<=\bin\sthe\s)(?P<unit3>days|weeks|months|years|decades)"
        r"(?=\s+(?:that|since|to\s+come)\b)"
    ),
    # "today is the 100th day of the siege": a count of days that names a day
    "nth_day": (
        r"(?<![\w-])the\s+(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        r"tenth|\d{1,4}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day"
        r"(?=\s+(?:of|in\s+a\s+row|running)\b)"
    ),
    # "later in the day": the day the narrative is on
    "in_the_day": r"(?:(?<=\blater\sin\s)|(?<=\bearlier\sin\s))the\s+day(?![\w-])",
    # "in the weeks ahead": an open stretch to come
    "units_ahead": (
        r"(?<![\w-])the\s+(?:coming\s+)?(?P<unit>days|weeks|months|years)\s+ahead(?![\w-])"
    ),
    # "by year-end", "by year's end": the end of the year the text is on
    "year_end": r"(?<![\w-])year(?:-|\s+|'s\s+)end(?![\w-])",
    # "the nineties", "the early eighties"
    "decade_word": (
        r"(?<![\w-])the\s+(?:(?P<edge>early|late|mid)[\s-]+)?(?P<dw>twenties|thirties|"
        r"forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])"
    ),
    "quarter": (
        r"(?<![\w-])(?:(?P<the>the)\s+)?"
        rf"(?:(?P<pyear>{YEAR})\s+|(?P<prel>this|last|next)\s+year'?s\s+)?"
        r"(?:(?P<rel>latest|current|same|previous|prior|year-ago|that|"
        r"year-earlier|year-before|comparable|last|latter|next|this|coming|recent|just-ended|"
        r"just-completed|fiscal|final)[\s-]+)*(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|"
        r"4th)[\s-]+)?(?:fiscal[\s-]+)?(?P<q>quarter|half)"
        rf"(?:\s+of\s+(?:the\s+)?(?:(?P<fiscal>fiscal)\s+)?(?:(?P<year>{YEAR})|(?P<ofrel>this|last|next)\s+year))?"
        r"(?P<ago>\s+a\s+year\s+(?:ago|earlier))?(?![\w-])"
    ),
    "q_code": rf"{_B}(?P<ord>Q[1-4]|H[12])(?:\s+(?P<year>{YEAR}))?{_E}",
    "spelled_year": r"(?<![\w-])(?:(?P<the>the\s+year)\s+)?" + SPELLED_YEAR + r"(?![\w-])",
    "year": (
        rf"(?<![\w$£€#.,/-])(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?"
        r"(?:(?P<prepost>pre|post)-)?"
        rf"(?P<year>{YEAR})(?P<decade>'?s)?(?![\w%]|[.,/]\d|-\d)"
    ),
    "short_decade": (
        rf"(?<![\w])(?:(?P<edge>early|late|mid)[\s-]+)?(?P<the>the\s+)?'(?P<yy>\d0)s{_E}"
    ),
    "season": (
        rf"{_B}(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<rel>last|next|this|coming|past|the)\s+)?"
        rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?{_E}"
    ),
    "clock": (
        r"(?<![\w:.$])(?:(?P<mod>around|approximately)\s+)?(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*"
        r"(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?![\w])(?:\s+(?P<tz>(?-i:[A-Z]{1,4}T|GMT|UTC|ET|CT|PT|MT))\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<day>{WEEKDAY}|today|yesterday|tomorrow)|"
        rf"(?P<cmonth>{MONTH})\.?\s+(?P<cday>[0-3]?\d)(?!\d)){_E})?"
        r"|(?<![\w:.$])(?P<h24>[01]?\d|2[0-3])[:h](?P<mi24>[0-5]\d)(?:\s+(?P<tz24>(?-i:GMT|UTC|[A-Z]{1,4}T)|"
        r"local\s+time|Moscow\s+time|Kyiv\s+time|Kiev\s+time))?(?![\w:.]\d)"
        r"|(?<![\w:.$])(?P<hm>[0-2]\d[0-5]\d)\s+(?P<tzm>GMT|UTC|hours|hrs|local\s+time)\b"
    ),
    # "five in the morning", "10 o'clock at night"
    "clock_words": (
        r"(?<![\w:.$])(?:(?P<mod>around|approximately)\s+)?(?P<hw>one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve|1[0-2]|0?[1-9])"
        r"(?:(?P<oc>\s+o'clock)?\s+(?:in\s+the\s+(?P<dp>morning|afternoon|evening)|"
        r"(?P<night>at\s+night))|\s+o'clock)(?![\w])"
    ),
    "noon": (
        rf"{_B}(?P<word>noon|midnight|midday)"
        rf"(?:\s+(?P<day>{WEEKDAY}|today|yesterday|tomorrow))?{_E}"
    ),
    "set_every": (
        rf"{_B}(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?"
        rf"(?P<unit>{UNIT}|{WEEKDAY}|{PART}|{SEASON}|{MONTH}){_E}"
    ),
    "set_times": (
        rf"{_B}(?P<times>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade){_E}"
    ),
    "set_adverb": rf"{_B}(?P<word>{SET_ADVERB}){_E}",
    "holiday": (
        rf"{_B}(?:(?P<rel>last|next|this)\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR}))?(?P<week>\s+week)?{_E}"
    ),
}

COMPILED: dict[str, re.Pattern[str]] = {name: re.compile(p, re.I) for name, p in RULES.items()}

# Trigger words. A rule is tried only at the word starts shortly before a word of one of
# its classes (``RULE_TRIGGERS``: classes, how many words back its match may start), so
# the grammar costs a dict lookup per word instead of 30 scans of the whole text.
_UNIT_WORDS = [
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "weekend",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
]
WORD_CLASSES: dict[str, tuple[str, ...]] = {}


def _add(cls: str, words: object) -> None:
    for word in words:  # type: ignore[attr-defined]
        WORD_CLASSES[word] = WORD_CLASSES.get(word, ()) + (cls,)


_add("month", [m for m in MONTHS])
_add("weekday", list(WEEKDAYS) + [w + "s" for w in WEEKDAYS])
_add("unit", _UNIT_WORDS + [u + "s" for u in _UNIT_WORDS] + ["centuries"])
_add("unit_sg", _UNIT_WORDS)
_add("unit_pl", [u + "s" for u in _UNIT_WORDS] + ["centuries"])
_add("u_year", ["year"])
_add("u_weekof", ["week"])
_add("u_period", ["period"])
_add("u_century", ["century"])
_add("u_weekend", ["weekend"])
_add("u_anaphor", ["day", "week", "year", "month"])
_add("u_edge", ["week", "month", "year", "decade"])
_add("part", list(PARTS_OF_DAY) + [p + "s" for p in PARTS_OF_DAY])
_add("relday", ["today", "yesterday", "tomorrow", "tonight"])
_add(
    "ref",
    [
        "now",
        "currently",
        "current",
        "present",
        "days",
        "nowadays",
        "moment",
        "time",
        "recently",
        "lately",
        "previously",
        "formerly",
        "past",
        "soon",
        "future",
        "recent",
        "term",
        "later",
    ],
)
_add("season", list(SEASONS))
_add("while", ["while"])
_add("decade_w", "twenties thirties forties fifties sixties seventies eighties nineties".split())
_add("quarter", ["quarter", "quarters", "half"])
_add("qcode", ["q1", "q2", "q3", "q4", "h1", "h2"])
_add(
    "holiday",
    [
        "christmas",
        "thanksgiving",
        "easter",
        "halloween",
        "valentine",
        "victory",
        "election",
        "new",
        "orthodox",
    ],
)
_add("noon", ["noon", "midnight", "midday"])
_add("overnight", ["overnight"])
_add("spelled", ["nineteen", "twenty", "thousand"])
_add("oclock", ["clock"])
_add("setadv", list(SET_ADVERBS))

RULE_TRIGGERS: dict[str, tuple[tuple[str, ...], int]] = {
    "date_mdy": (("month",), 5),
    "date_dmy": (("month",), 4),
    "date_iso": (("year4",), 0),
    "date_slash": (("slash",), 0),
    "date_range": (("month",), 5),
    "month_year": (("month",), 3),
    "month": (("month",), 4),
    "weekday": (("weekday",), 2),
    "relday": (("relday",), 4),
    "partday": (("part",), 2),
    "overnight": (("overnight",), 0),
    "part_alone": (("part",), 2),
    "reference": (("ref",), 2),
    "relunit": (("unit_sg", "part", "season"), 5),
    "the_year": (("u_year",), 3),
    "week_of": (("u_weekof",), 1),
    "period": (("u_period",), 3),
    "century": (("u_century",), 3),
    "edge_unit": (("u_edge",), 4),
    "year_ago": (("u_year",), 1),
    "the_weekend": (("u_weekend",), 1),
    "anaphor_day": (("u_anaphor",), 1),
    "ago": (("unit",), 6),
    "duration": (("unit",), 6),
    "vague_units": (("unit_pl",), 3),
    "for_units": (("unit_pl", "unit_sg", "while"), 1),
    "units_ahead": (("unit_pl",), 2),
    "in_the_day": (("u_anaphor",), 1),
    "nth_day": (("u_anaphor",), 3),
    "year_end": (("u_year",), 0),
    "decade_word": (("decade_w",), 2),
    "quarter": (("quarter",), 6),
    "q_code": (("qcode",), 0),
    "year": (("year4",), 5),
    "spelled_year": (("spelled",), 3),
    "short_decade": (("decade",), 3),
    "season": (("season",), 3),
    "clock": (("clock",), 2),
    "clock_words": (("part", "oclock"), 5),
    "noon": (("noon",), 0),
    "set_every": (("unit", "weekday", "part", "season", "month"), 4),
    "set_times": (("unit_sg",), 4),
    "set_adverb": (("setadv",), 0),
    "holiday": (("holiday",), 1),
}
assert set(RULE_TRIGGERS) == set(RULES), set(RULES) ^ set(RULE_TRIGGERS)

# The words a rule's match can begin with ("#" stands for any number): a cheap filter that
# spares most match attempts at the word starts before a trigger.
_NUM_FIRST = (
    "# a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred dozen couple few several many some number numerous dozens hundreds"
).split()
_MOD_FIRST = "around approximately roughly nearly some more less no fewer at up over under well the"
_REL_FIRST = (
    "the last next this coming past previous preceding following current latest same that prior "
    "recent early late mid earlier later"
)
_MONTH_FIRST = " ".join(MONTHS)
_WEEKDAY_FIRST = " ".join(WEEKDAYS)
FIRST_WORDS: dict[str, frozenset[str]] = {
    rule: frozenset(" ".join(parts).split())
    for rule, parts in {
        "duration": [
            _MOD_FIRST,
            " ".join(_NUM_FIRST),
            "past last next coming first final previous following remaining initial latest "
            "same entire whole full further additional another",
        ],
        "ago": [_MOD_FIRST, " ".join(_NUM_FIRST)],
        "set_times": ["once twice thrice", " ".join(_NUM_FIRST)],
        "set_every": ["every each"],
        "relunit": [_REL_FIRST],
        "vague_units": ["the past last next coming several many recent few upcoming"],
        "edge_unit": ["the"],
        "the_year": ["the"],
        "clock_words": [
            "around approximately # one two three four five six seven eight nine ten eleven twelve"
        ],
        "date_mdy": [_WEEKDAY_FIRST, _MONTH_FIRST, "early late mid the"],
        "date_dmy": [_WEEKDAY_FIRST, "the #"],
        "date_range": [_MONTH_FIRST, "the overnight #"],
        "month": [_MONTH_FIRST, "early late mid the last next this coming past"],
        "month_year": [_MONTH_FIRST, "early late mid the"],
        "quarter": [_REL_FIRST, "year fiscal final just first second third fourth # quarter half"],
    }.items()
}

# class -> [(rule, lookback)], the inverse of RULE_TRIGGERS
CLASS_RULES: dict[str, list[tuple[str, int]]] = {}
for _rule, (_classes, _back) in RULE_TRIGGERS.items():
    for _cls in _classes:
        CLASS_RULES.setdefault(_cls, []).append((_rule, _back))


def _trie(words: list[str]) -> str:
    """Regex alternation of ``words`` factored by common prefixes: one branch test per char."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict[str, dict]) -> str:
    optional = "" in node
    branches = [re.escape(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


# One scan of the lower-cased text finds every trigger: a listed word, a year, a numeric
# date, a clock time or a '90s.
TRIGGER = re.compile(
    r"(?<![a-z0-9])(?:(?P<word>" + _trie(sorted(WORD_CLASSES)) + r")(?![a-z0-9])"
    r"|(?P<year4>(?:1[5-9]|20)\d\d)(?![0-9])"
    r"|(?P<slash>\d{1,2}[/.]\d{1,2}[/.]\d)"
    r"|(?P<clock>\d{1,2}(?::\d\d)?\s*[ap]\.?m|\d{1,2}[:h]\d\d|\d{4}\s+(?:gmt|utc|hours|hrs|local)))"
    r"|(?P<decade>'\d0s)"
)
TOKEN = re.compile(r"[A-Za-z]+\d*|\d+")
