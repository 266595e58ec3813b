"""Where an event happened: one place for a span of text, with ACLED and UCDP precision.

Not every place in an event sentence is the event's location: "Drones launched
from Ukraine hit a depot in the village of Tetkino, the governor of the Kursk
region said" happened in Tetkino. A place scores for a locative cue before it
("in", "near", "village of") and for being specific (town over district over
region over country), and loses for origin and title cues ("from", "governor
of", "border with"). With no place in the span, earlier sentences and then the
document's main place are used, with a coarser precision. The dateline ("KYIV, Ukraine
(AP) --") is where the reporter filed from, not where the event happened: it places an
event only when nothing else in the article does.

Coder-style notes ("in the village of Koalma (Pissila, Sanmatenga)") name the
areas a place lies in: the named place wins over its qualifiers, a name the
gazetteer lacks falls back to the first area listed (precision 2), "coded to X"
is taken at its word, and the first place of the span beats later detail.
An admin area's event point is its seat (the town named like it, else its
largest town), as ACLED codes a province to its capital; "Safwan district" is
coded to the town Safwan when the gazetteer has it near the district, and
"Toronto - Etobicoke" to the named part of the city. A place named after the
first scene and a topic word ("gathered in Mostar, demanding to halt the attacks
on Mariupol") is what the event was about, not where it happened.

Precision codes:

- ACLED ``geo_precision``: 1 a named town; 2 near a town, its outskirts, or part of
  a region such as a district; 3 a region, province or country.
- UCDP GED ``where_prec``: 1 exact place; 2 within ~25 km ("near"); 3 second-level
  admin area; 4 first-level admin area; 5 part of a country or border area;
  6 the country; 7 international waters or airspace.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Place, Report
from .build import CITY as CITY_FEATURE
from .resolve import haversine_km
from .speakers import speaker_places

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|inside|into|on|over|hit|struck|shelled|attacked|targeted|across|through)"
    r"|\b(?:village|town|city|settlement|hamlet|district|area|suburb|outskirts|region)s?\s+of"
    # "the shelling of Enerhodar", "the fall of Mariupol": the scene of what is told
    r"|\b(?:shelling|bombardment|bombing|capture|liberation|siege|fall|recapture|evacuation"
    r"|occupation|defen[cs]e|battle|storming|encirclement)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?:near|outside|around|close\s+to|next\s+to|outskirts\s+of|vicinity\s+of"
    r"|(?:\d+|several|a\s+few)\s+(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+)?(?:\w+\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_HERE = re.compile(
    r"\b(?:from|governor\s+of|mayor\s+of|head\s+of|authorities\s+(?:of|in)|border\s+with"
    r"|capital\s+of|president\s+of|minister\s+of|toward|towards|to"
    # "the war in Sudan", "the conflict in Yemen": the whole war, not this incident's scene
    r"|(?:war|conflict|crisis)\s+in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AXIS_AFTER = re.compile(r"\s+(?:direction|axis|sector|front|salient)\b", re.IGNORECASE)
# "in Gigiri, Nairobi": a spot the gazetteer lacks, then the town that holds it.
_IN_SPOT = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,\s*$")
# "NAIROBI - ", "KHARKIV, Ukraine (Reuters) -- ", "Lviv, Ukraine, May 20 (EFE).- ",
# "(ANSA) - KYIV, 06 AGO - ": the dateline says where the report was filed, not where the
# events it tells happened. Head: an agency before the city; tail: country, date, agency.
_DATELINE_HEAD = re.compile(r"\s*(?:\([\w .&/-]{2,30}\)\s*[-\u2013\u2014]+\s*)?")
_DATELINE_TAIL = re.compile(
    r"(?:,\s*[^\n,()\-\u2013\u2014]{1,30}){0,2}(?:\s*\([^()\n]{1,60}\))*"
    r"(?:,\s*[^\n,()\-\u2013\u2014]{1,20})?\s*(?:[-\u2013\u2014]+|\.-)\s?")
_PART_OF = re.compile(
    r"\b(?:northern|southern|eastern|western|north-eastern|northeastern|north-western"
    r"|northwestern|south-eastern|southeastern|south-western|southwestern|central)\s+$",
    re.IGNORECASE,
)
_BORDER = re.compile(r"\bborder\s+(?:areas?|regions?|villages?|districts?|zone)\b", re.I)
_WATERS = re.compile(
    r"\b(?:international\s+waters|airspace|(?:Black|Azov|Caspian|Baltic|Red|Mediterranean"
    r"|Arabian)\s+Sea|Sea\s+of\s+Azov|Gulf\s+of\s+Aden|high\s+seas)\b",
    re.IGNORECASE,
)
_SPECIFICITY = {"city": 3.0, "adm2": 2.0, "adm1": 1.0, "country": 0.0, "region": -0.5}
_WHERE_PREC = {"city": 1, "adm2": 3, "adm1": 4, "country": 6, "region": 5}
_GEO_PREC = {"city": 1, "adm2": 2, "adm1": 3, "country": 3, "region": 3}
_LOOKBEHIND = 60


def event_location(report: Report, start: int, end: int) -> tuple[Place | None, int, int]:
    """The place where the event told in ``report.text[start:end]`` happened.

    report (Report): a report the geo stage ran on (places are found here if it did not).
    start (int), end (int): character span of the event's sentence(s).
    RETURNS (tuple[Place | None, int, int]): the place, ACLED geo_precision (1-3) and
        UCDP where_prec (1-7). The place is None when the text names none.
    """
    return EventLocator(report)(start, end)


class EventLocator:
    """:func:`event_location` for many events of one report: what holds for the whole
    report (which places name a party or a comparison) is read once."""

    def __init__(self, report: Report) -> None:
        self.report = report
        named = _places(report)
        parties, compared = speaker_places(report, named)
        self.places = [p for p in named if p.start not in parties | compared]

    def __call__(self, start: int, end: int) -> tuple[Place | None, int, int]:
        report, places = self.report, self.places
        text = report.text
        if not 0 <= start <= end <= len(text):
            raise ValueError(
                f"event span ({start}, {end}) is outside the text (length {len(text)})")
        window = text[start:end]
        chosen = _best_in(text, places, start, end)
        if _at_sea(text, window, chosen, start):
            return None, 3, 7
        fallback = 0
        if chosen is None:
            chosen, fallback = _fallback(report, places, start)
        # Only parties named ("Moscow said 1,900 surrendered"): the event is not where
        # they sit, so it stays unplaced rather than placed in the wrong country.
        if chosen is None:
            return None, 3, 7 if _WATERS.search(window) else 6
        place, near, part = chosen
        geo, where = _precision(place, near, part, bool(_BORDER.search(window)))
        if fallback:
            geo, where = max(geo, 2), max(where, 2)
        if _unnamed_place_before(text, place, places):
            geo, where = max(geo, 2), max(where, 2)  # "Koalma (Pissila, ...)": at Pissila
        return _city_part(text, _at_seat(place)), geo, where


# "Rio de Janeiro - North Zone", "Seoul City - Jongno", "Toronto - Etobicoke": ACLED names
# a part of a large city after a dash.
_CITY_PART = re.compile(r"(?:\s+City)?\s+-\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})")
_PART_KM = 40.0
# Korean and Japanese wards are filed with their kind: Jongno-gu, Chiyoda-ku.
_WARD_SUFFIXES = ("", "-gu", "-ku")


def _city_part(text: str, place: Place) -> Place:
    """The named part of a city when the text gives one after a dash and the gazetteer
    knows it within reach of the city; else the place unchanged."""
    m = _CITY_PART.match(text, place.end)
    if not m or place.feature != "city" or place.lat is None or place.lon is None:
        return place
    from .gazetteer import get_gazetteer

    gaz = get_gazetteer()
    if m.group(1).lower() in place.text.lower():
        return place  # "Ulaanbaatar - Ulaanbaatar": the city itself
    found = [h.entry for suffix in _WARD_SUFFIXES for h in gaz.lookup(m.group(1) + suffix)]
    # A ward filed as an admin area has its point at the middle of its towns: use its seat.
    found = [e if gaz.feature[e] == CITY_FEATURE else gaz.seat(e) for e in found]
    near = [e for e in found if e >= 0 and haversine_km(
        float(gaz.lat[e]), float(gaz.lon[e]), place.lat, place.lon) <= _PART_KM]
    if not near:
        return place
    part = max(near, key=lambda e: int(gaz.pop[e]))
    return replace(place, lat=float(gaz.lat[part]), lon=float(gaz.lon[part]))


def _at_seat(place: Place) -> Place:
    """An admin area's event point is its seat, as ACLED codes a province to its capital
    (the area's own point, the middle of its extent, can be far from any town)."""
    if place.feature not in ("adm1", "adm2") or not place.geonameid:
        return place
    from .gazetteer import get_gazetteer

    gaz = get_gazetteer()
    area = next((h.entry for h in gaz.lookup(place.name) + gaz.lookup(place.text)
                 if str(int(gaz.gid[h.entry])) == place.geonameid), -1)
    if area < 0:
        return place
    seat = _centre_named(gaz, area, place.text)
    seat = seat if seat >= 0 else gaz.seat(area)
    if seat < 0:
        return place
    return replace(place, lat=float(gaz.lat[seat]), lon=float(gaz.lon[seat]))


_KIND_WORD = re.compile(
    r"\s+(?:district|sub-?district|township|municipality|county|regency|commune|department"
    r"|province|governorate|region|raion|rayon|upazila|tehsil|local\s+government\s+area|lga)s?$",
    re.IGNORECASE)
_CENTRE_KM = 60.0


def _centre_named(gaz: Gazetteer, area: int, mention: str) -> int:
    """The town a district is named after, as the text names it ('Safwan district': the
    town Safwan), when it lies in the area's country near the area: ACLED codes a
    district to its centre. The area resolved may carry another name (a merged or renamed
    district), and the town may lack its admin codes. -1 if none."""
    stem = _KIND_WORD.sub("", mention.strip())
    if stem == mention.strip():
        return -1
    code, lat, lon = gaz.country_code(area), float(gaz.lat[area]), float(gaz.lon[area])
    # Arabic names drop or keep their article: "Al Amadiya district", the town Amadiya.
    stems = {stem, re.sub(r"^(?:Al|El|Ar|As|Ad|An|Ash|At|Az)[\s-]+", "", stem)}
    towns = [h.entry for name in stems for h in gaz.lookup(name)
             if gaz.feature[h.entry] == CITY_FEATURE and gaz.country_code(h.entry) == code]
    region = gaz.admin1_entry(area)
    near = [t for t in towns if gaz.admin1_entry(t) == region and region >= 0
            or haversine_km(float(gaz.lat[t]), float(gaz.lon[t]), lat, lon) <= _CENTRE_KM]
    return max(near, key=lambda t: int(gaz.pop[t]), default=-1)


_UNNAMED_BEFORE = re.compile(
    r"[A-Z][\w'-]+(?:\s(?:village|town|city|area|district|sub-district|township|commune"
    r"|municipality|locality|community|county|neighbou?rhood|region|zone|camp))?\s?[(\[]\s*$")


def _unnamed_place_before(text: str, place: Place, places: list[Place]) -> bool:
    """The place is the first area in a parenthesis after a name the gazetteer lacks:
    'the village of Koalma (Pissila, Sanmatenga)'."""
    before = text[max(0, place.start - 40):place.start]
    m = _UNNAMED_BEFORE.search(before)
    if not m:
        return False
    opened = place.start - len(before) + m.start()
    return not any(opened <= p.end <= place.start and p.lat is not None for p in places)


def _at_sea(text: str, window: str, chosen: tuple[Place, bool, bool] | None,
            start: int) -> bool:
    """'intercepted a US drone over the Black Sea': waters named, no place with a locative cue."""
    if not _WATERS.search(window):
        return False
    if chosen is None:
        return True
    place = chosen[0]
    if _WATERS.search(place.text):
        return True  # "the Red Sea" is also a Sudanese state; at sea it is the sea
    before = text[max(start, place.start - _LOOKBEHIND):place.start]
    return not (_LOCATIVE.search(before) or chosen[1])


def _places(report: Report) -> list[Place]:
    if report.places or not report.text:
        return [p for p in report.places if p.lat is not None]
    from .stage import Geoparser

    parser = Geoparser()
    return parser.parse(report.text, report.entities, report.tokens)


def _best_in(text: str, places: list[Place], start: int,
             end: int) -> tuple[Place, bool, bool] | None:
    """Highest-scoring place inside [start, end), with its 'near' and 'part of' flags."""
    best: tuple[float, Place, bool, bool] | None = None
    rank = 0
    first_here: int | None = None  # end of the first place with a locative cue
    countries = _country_votes(places)
    top_votes = max(countries.values(), default=0)
    dateline = _in_dateline(text, places)
    for place in places:
        if place.start < start or place.end > end or place.start in dateline:
            continue  # the dateline places the reporter; used only when nothing else does
        lead = _possessor_start(text, place, places)
        before = text[max(start, lead - _LOOKBEHIND):lead]
        near = bool(_NEAR.search(before))
        part = bool(_PART_OF.search(before))
        value = _SPECIFICITY.get(place.feature, 0.0) + place.confidence
        if _CODED_TO.search(before):
            value += 6.0  # "(coded to Prague)": the note says where the event is placed
        elif _LOCATIVE.search(before) or near or _IN_SPOT.search(before):
            value += 2.5
        elif _NOT_HERE.search(before):
            value -= 3.0
        if _qualified(text, place, places):
            value += 1.0  # "in Anori (Antioquia)", "Tetkino, Kursk region": a placed name
        if _placed_by_earlier(text, place, places):
            value -= 2.0  # "Ekibastuz city in Pavlodar region": the area places the town
        if (_in_parenthesis(text, place) and not _unnamed_place_before(text, place, places)
                and not _finer_than_before(text, place, places)):
            value -= 2.0  # the parenthesis qualifies the name before it
        if _SUBPLACE_AFTER.match(text, place.end):
            value -= 3.0  # "Sotomayor Square", "the Rocha neighbourhood": a spot in a town
        if _AXIS_AFTER.match(text, place.end):
            value -= 3.0  # "in the Belgorod direction": a front sector named after a city
        if countries.get(place.country_code, 0) < top_votes:
            value -= 0.8  # "Balkan" (Turkmenistan) in a note about Sofia and Velingrad
        # The first place with a locative cue is the event's; later ones, above all those
        # of later sentences, add detail or background.
        value -= W_RANK * rank + W_LATER_SENTENCE * len(_SENTENCE_END.findall(text, start,
                                                                              place.start))
        rank += 1
        if first_here is not None and _TOPIC.search(text, first_here, place.start):
            value -= W_TOPIC  # "gathered in Mostar, demanding to halt the attacks on Mariupol"
        if first_here is None and (_LOCATIVE.search(before) or near):
            first_here = place.end
        if _SOURCE_BEFORE.search(before):
            value -= 3.0  # "the Defence Ministry in Moscow": the speaker's seat
        elif _is_title(text, place):
            value -= 2.0
        if _possessor_of_place(text, place, places):
            value -= 2.0  # "Ukraine's Zaporizhzhia": the country says where the town is
        if best is None or value > best[0]:
            best = (value, place, near, part)
    return (best[1], best[2], best[3]) if best else None


def _country_votes(places: list[Place]) -> dict[str, int]:
    """How many distinct names of the document resolved into each country."""
    seen: dict[str, set[str]] = {}
    for place in places:
        if place.country_code:
            seen.setdefault(place.country_code, set()).add(place.text.lower())
    return {code: len(names) for code, names in seen.items()}


_SUBPLACE_AFTER = re.compile(
    r"\s+(?:square|park|street|road|avenue|bridge|neighbou?rhoods?|community|sector|vereda"
    r"|market|camp|hospital|station|college|university|stadium|church|mosque|school|junction"
    r"|checkpoint|crossing|prison|airport|base)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
W_LATER_SENTENCE = 0.7
W_RANK = 0.15  # each earlier place of the span
W_TOPIC = 2.0
# After the first place where something happened, these start what it was about: a place
# named after them is the topic ("protested in Aktobe in support of demonstrations in
# Zhanaozen"), not a second scene.
_TOPIC = re.compile(
    r"\b(?:to\s+(?:protest|denounce|demand|call|condemn|oppose|express|show|support|mark"
    r"|commemorate|halt|stop|end)|demand(?:ing|ed)?|in\s+(?:support|solidarity|protest)"
    r"|against|calling\s+for|in\s+memory)\b", re.IGNORECASE)
_CODED_TO = re.compile(r"\bcoded\s+(?:to|as)\s+(?:the\s+)?$", re.IGNORECASE)


_QUALIFIER_GAP = re.compile(r"(?:\s-\s[^()\[\],.]{1,30}?)?\s?[(\[,]\s?")


def _qualified(text: str, place: Place, places: list[Place]) -> bool:
    """A parenthesis or comma right after the place names an area another place resolved
    ('Anori (Antioquia)', 'Buenos Aires - Comuna 2 (Ciudad Autonoma de Buenos Aires)')."""
    gap = _QUALIFIER_GAP.match(text, place.end)
    if gap is None:
        return False
    return any(p.start == gap.end() for p in places)


def _finer_than_before(text: str, place: Place, places: list[Place]) -> bool:
    """A town in a parenthesis after a country or region names where in it: 'the Embassy
    of the Russian Federation (Tokyo - Minato)', 'Council of Korea (Seoul City - Jongno)'."""
    if place.feature != "city":
        return False
    opened = max(text.rfind("(", 0, place.start), text.rfind("[", 0, place.start))
    return any(p.feature in ("country", "adm1") and opened - 3 <= p.end <= opened
               for p in places)


_IN_AREA_GAP = re.compile(
    r"\s+(?:(?:city|town|village|township|district|camp)\s+)?(?:in|of)\s+(?:the\s+)?$")


def _placed_by_earlier(text: str, place: Place, places: list[Place]) -> bool:
    """An area right after 'X city in' / 'X town of' that contains the town X: it says
    where X is, as a parenthesis would."""
    if place.feature not in ("country", "adm1", "adm2"):
        return False
    for other in places:
        if other.end <= place.start and _IN_AREA_GAP.fullmatch(text, other.end, place.start):
            return _contains(place, other)
    return False


def _contains(area: Place, place: Place) -> bool:
    if area.country_code != place.country_code or place.feature == "country":
        return False
    if area.feature == "country":
        return True
    if area.feature == "adm1":
        return bool(area.admin1) and area.admin1 == place.admin1
    return bool(area.admin2) and area.admin2 == place.admin2


def _in_parenthesis(text: str, place: Place) -> bool:
    before = text[max(0, place.start - 60):place.start]
    return before.rfind("(") > before.rfind(")") or before.rfind("[") > before.rfind("]")


_SOURCE_BEFORE = re.compile(
    r"\b(?:ministry|officials?|authorities|spokes\w+|government|command|headquarters|sources?"
    r"|staff|office)\s+in\s+$",
    re.IGNORECASE,
)


def _is_dateline(text: str, place: Place) -> bool:
    """The place opens its line before a dash, maybe with a country, a date and an agency
    ("KYIV, Ukraine (AP) --"): the report's dateline, where the reporter is."""
    return _dateline_end(text, place) > place.start


def _dateline_end(text: str, first: Place) -> int:
    """End of the dateline that ``first`` opens, or -1 when it opens none."""
    line_start = text.rfind("\n", 0, first.start) + 1
    head = _DATELINE_HEAD.match(text, line_start)
    if head is None or head.end() != first.start:
        return -1
    tail = _DATELINE_TAIL.match(text, first.end)
    return tail.end() if tail else -1


def _in_dateline(text: str, places: list[Place]) -> set[int]:
    """Start offsets of the places in a dateline: its city and the country after it."""
    inside: set[int] = set()
    for place in places:
        end = _dateline_end(text, place)
        if end > place.start:
            inside |= {p.start for p in places if place.start <= p.start < end}
    return inside


def _dateline_place(text: str, places: list[Place]) -> Place | None:
    """The document's dateline city, if it has one."""
    return next((p for p in places if _is_dateline(text, p)), None)


def _possessor(text: str, place: Place, other: Place) -> bool:
    """``place`` is a possessive right before ``other``: "Ukraine's Zaporizhzhia"."""
    gap = text[place.end:other.start]
    if place.text.endswith(("'s", "’s")):
        return gap.isspace() and len(gap) <= 2
    return gap.rstrip() in ("'s", "’s") and len(gap) <= 4


def _possessor_start(text: str, place: Place, places: list[Place]) -> int:
    """Where the words that place ``place`` begin: before its possessive area, if any
    ("attacks on Ukraine's Zaporizhzhia": "on" places Zaporizhzhia)."""
    owner = next((p for p in places if p.end <= place.start and _possessor(text, p, place)), None)
    return owner.start if owner is not None else place.start


def _possessor_of_place(text: str, place: Place, places: list[Place]) -> bool:
    return any(p.start >= place.end and _possessor(text, place, p) for p in places)


def _is_title(text: str, place: Place) -> bool:
    """'Kursk Governor Roman Starovoit', 'Belgorod authorities': a place naming an office."""
    after = text[place.end:place.end + 25].lower()
    return bool(re.match(r"\s*(?:governor|mayor|authorities|officials|administration)\b", after))


def _fallback(report: Report, places: list[Place],
              start: int) -> tuple[tuple[Place, bool, bool] | None, int]:
    """Where a reader places an event whose sentence names no place: the nearest earlier
    sentence that names one, within the same paragraph or at most two sentences back
    (wire copy puts each sentence in a paragraph of its own), else the headline (the
    document's first sentence: a post's 'Another difficult day for Shebekino.'), else
    the document's main place."""
    text, sents = report.text, report.sentences
    if sents:
        index = report.sentence_index(start)
        para = _paragraph_start(text, start)
        coarse = None  # a country, or a place the sentence is not at ("from", "to")
        for k in range(index - 1, -1, -1):
            if sents[k].end <= para and k < index - _SENTENCES_BACK:
                break
            found = _best_in(text, places, sents[k].start, min(sents[k].end, start))
            if found and _coarse(text, found[0]):
                coarse = coarse or found
            elif found:
                return found, 1
        if coarse:
            return coarse, 1
        if sents[0].end <= para:
            found = _best_in(text, places, sents[0].start, sents[0].end)
            if found:
                return found, 2
    dateline = _in_dateline(text, places)
    main = _main_place([p for p in places if p.start not in dateline])
    if main is None:  # nothing in the article places it: where the reporter filed from
        main = _dateline_place(text, places)
    return ((main, False, False), 2) if main else (None, 0)


def _coarse(text: str, place: Place) -> bool:
    """'... pushed back to the territory of Ukraine': a country or a place the sentence
    is not at tells less about where the next sentence's event is than a town before it."""
    before = text[max(0, place.start - _LOOKBEHIND):place.start]
    return place.feature in ("country", "region") or bool(_NOT_HERE.search(before))


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCES_BACK = 2  # outside the event's paragraph


def _paragraph_start(text: str, offset: int) -> int:
    """Start of the paragraph (text after the last blank line) holding ``offset``."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, offset)]
    return breaks[-1] if breaks else 0


def _main_place(places: list[Place]) -> Place | None:
    """Most often named place, ties broken by specificity then first mention."""
    if not places:
        return None
    counts: dict[str, int] = {}
    for place in places:
        key = place.geonameid or place.name
        counts[key] = counts.get(key, 0) + 1
    return max(places, key=lambda p: (counts[p.geonameid or p.name],
                                      _SPECIFICITY.get(p.feature, 0.0), -p.start))


def _precision(place: Place, near: bool, part: bool, border: bool) -> tuple[int, int]:
    geo = _GEO_PREC.get(place.feature, 3)
    where = _WHERE_PREC.get(place.feature, 6)
    if near and place.feature == "city":
        geo, where = 2, 2
    if (part or border) and place.feature in ("country", "adm1"):
        where = 5 if place.feature == "country" else where
        geo = 3
    if border and place.feature == "country":
        where = 5
    return geo, where
