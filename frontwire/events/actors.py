"""Actor normalisation: words in a report to canonical ACLED-style actor names.

The dictionary is data (``data/actors.json``) that the user extends with
``events-actors.json`` in their data folder. Named actors come from aliases;
generic ones ("protesters", "Russian troops", "civilians") from patterns that fill
in the country, taken from the demonym in the words or from the event's place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import FrontwireError
from ..model import Actor
from .learn import data_home

DATA = Path(__file__).parent / "data" / "actors.json"
USER_FILE = "events-actors.json"

PROTESTERS, RIOTERS, CIVILIANS = 6, 5, 7


class ActorDataError(FrontwireError):
    """An actor dictionary file is not in the expected shape."""


@dataclass
class Mention:
    """One actor found in the text, already normalised."""

    name: str
    inter: int
    text: str
    start: int
    end: int
    named: bool  # from the dictionary (True) or a generic pattern (False)

    def to_actor(self) -> Actor:
        return Actor(name=self.name, inter=self.inter, text=self.text, start=self.start,
                     end=self.end)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ActorDataError(f"{path}: cannot read actor dictionary ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise ActorDataError(f"{path}: expected an object with an 'actors' list")
    for i, entry in enumerate(data.get("actors", [])):
        if not isinstance(entry, dict) or not entry.get("name") or "inter" not in entry:
            raise ActorDataError(f"{path}: actor #{i} needs 'name' and 'inter'")
    return data


def _alternation(words: Iterable[str], fold: bool = False) -> str:
    """A regex body matching any of ``words``, longest first at each position.

    A flat alternation of hundreds of names tries every name at every word start (the
    actor stage's hot spot); a trie of characters tries one branch per character and
    backtracks from longer to shorter names in the same order, so it finds the same
    matches. ``fold`` (for re.I patterns) merges case variants, which only ASCII keeps
    exact; other words keep the flat form.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered or "" in ordered or (fold and not all(w.isascii() for w in ordered)):
        return "|".join(re.escape(w) for w in ordered)
    trie: dict[str, Any] = {}
    for word in ordered:
        node = trie
        for char in word.lower() if fold else word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A greedy '?' tries the longer names below this node before stopping here.
    return f"(?:{body})?" if "" in node else body


def _word_regex(alternatives: list[str], flags: int) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    body = _alternation(alternatives, fold=bool(flags & re.I))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def _with_demonyms(pattern: str, flat: str, trie: str) -> str:
    """Fill ``{demonym}``: the trie where the placeholder is a group of its own."""
    return pattern.replace("(?:{demonym})", f"(?:{trie})").replace("{demonym}", flat)


class ActorDictionary:
    """Shipped actors plus the user's; ``find`` returns normalised mentions."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        for entry in data.get("actors", []):
            for alias in [entry["name"], *entry.get("aliases", [])]:
                self.entries[alias.lower()] = entry
        aliases = list(self.entries)
        originals = {a for e in data.get("actors", []) for a in e.get("aliases", [])}
        # All-capital acronyms (FSB, PDF, US) match only in capitals: "us" is a pronoun.
        caps = [a for a in originals if a.isupper() and len(a) <= 6]
        self.caps = _word_regex(caps, 0)
        self.words = _word_regex([a for a in aliases if a.upper() not in caps], re.I)
        self.periods: dict[str, Any] = data.get("periods", {})
        self.country_names: dict[str, str] = data.get("country_names", {})
        self.demonyms: dict[str, str] = data.get("demonyms", {})
        self.the_countries: set[str] = set(data.get("the_countries", []))
        self._country_regex: re.Pattern[str] | None = None
        self._crowd_nationality: re.Pattern[str] | None = None
        # Regions ACLED names actors after instead of their country.
        self.own_name_regions: set[str] = set(data.get("own_name_regions", []))
        self.unidentified = [(set(u["countries"]), _compile_cue(u.get("cue")), u["name"])
                             for u in data.get("unidentified", [])]
        self._country_names_in_text: dict[str, str] = {}
        demonym = "|".join(re.escape(d) for d in sorted(self.demonyms, key=len, reverse=True))
        tries = {flags: _alternation(self.demonyms, fold=bool(flags)) for flags in (0, re.I)}
        self.generic = [
            # "case": true keeps a pattern case-sensitive (capitalised names of militias).
            (re.compile(rf"(?<![\w-])(?:{_with_demonyms(g['pattern'], demonym, tries[flags])})"
                        r"(?![\w-])", flags),
             g["name"], int(g["inter"]), "{demonym}" in g["pattern"])
            for g in data.get("generic", [])
            for flags in (0 if g.get("case") else re.I,)
        ]

    def country_name(self, name: str | None, code: str | None = None) -> str | None:
        """The short country name ACLED uses ("Russian Federation" -> "Russia")."""
        if code:
            import pycountry

            found = pycountry.countries.get(alpha_2=code.upper())
            if found is not None:
                name = getattr(found, "common_name", None) or found.name
        if not name:
            return None
        return self.country_names.get(name, name)

    def period(self, country: str, when: str | None) -> str:
        """ACLED's period suffix (" (2021-)") of a country's state forces at date ``when``.

        The suffix is the year the government in office at the event date took over,
        left open as ACLED writes it while that government is in office; without a
        date the latest government is used.
        """
        rows = self.periods.get(country)
        if rows is None:
            return ""
        if isinstance(rows, str):
            return f" ({rows}-)"
        year = str(rows[-1][1]) if not when else ""
        for start, started in rows:
            if when and start <= when[:10]:
                year = str(started)  # rows are in date order: the last one begun wins
        return f" ({year}-)" if year else ""

    def crowd_nationality(self, words: str) -> str | None:
        """The country of a crowd whose nationality is named right before it
        ("Palestinian rioters", "a group of Israeli settlers")."""
        if self._crowd_nationality is None:
            demonym = _alternation(self.demonyms)
            self._crowd_nationality = re.compile(
                rf"(?<![\w-])({demonym}) (?:rioters|settlers|youths|mobs?|crowds?|"
                r"demonstrators|protesters)(?![\w-])")
        match = self._crowd_nationality.search(words)
        return self.demonyms[match.group(1)] if match else None

    def unidentified_name(self, country: str | None, words: str, when: str | None = None
                          ) -> str | None:
        """The country's convention for an unnamed perpetrator given the event's words."""
        if not country:
            return None
        for countries, cue, template in self.unidentified:
            if country in countries and (cue is None or cue.search(words)):
                return self.fill(template, country, when)
        return None

    @property
    def country_regex(self) -> re.Pattern[str]:
        """Country names as written in prose ("Sri Lanka", "the DRC" aside), built once."""
        if self._country_regex is None:
            import pycountry

            names: dict[str, str] = {}
            for c in pycountry.countries:
                for n in (getattr(c, "common_name", None), c.name):
                    if n and "," not in n and "(" not in n:
                        names[n] = self.country_names.get(n, n)
            names.update({k: v for k, v in self.country_names.items() if len(k) > 3})
            names.update({k: k for k in self.periods})
            self._country_names_in_text = names
            body = _alternation(names)
            self._country_regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self._country_regex

    def country_in_text(self, text: str) -> str | None:
        """The country a text is about when no place was resolved: the most named
        country, else the most used demonym ("Lebanese army"); first mention breaks ties."""
        counts: dict[str, int] = {}
        for m in self.country_regex.finditer(text):
            name = self._country_names_in_text[m.group(0)]
            counts[name] = counts.get(name, 0) + 1
        if not counts:
            for demonym, country in self.demonyms.items():
                hits = len(re.findall(rf"(?<![\w-]){re.escape(demonym)}(?![\w-])", text))
                if hits:
                    counts[country] = counts.get(country, 0) + hits
        if not counts:
            return None
        top = max(counts.values())
        return next(c for c in counts if counts[c] == top)  # dicts keep first-seen order

    def _named(self, alias: str, country: str | None, when: str | None) -> tuple[str, int]:
        entry = self.entries[alias.lower()]
        if entry.get("generic"):
            return self.fill(entry["generic"], country, when), int(entry["inter"])
        return entry["name"], int(entry["inter"])

    def fill(self, template: str, country: str | None, when: str | None = None) -> str:
        if not country:  # no country known: drop the placeholder rather than invent one
            return re.sub(r"\s*\(\{country\}\)|\s*of \{country\}\{period\}", "", template)
        period = self.period(country, when)
        # "Military Forces of the Philippines" but "Protesters (Philippines)".
        of_name = f"the {country}" if country in self.the_countries else country
        template = template.replace("of {country}", "of {of_name}")
        return template.format(country=country, of_name=of_name, period=period)

    def _country_in(self, words: str) -> str | None:
        for demonym, country in self.demonyms.items():
            if re.search(rf"(?<![\w-]){re.escape(demonym)}(?![\w-])", words, re.I):
                return country
        return None

    def find(self, text: str, offset: int = 0, country: str | None = None,
             when: str | None = None) -> list[Mention]:
        """Actors mentioned in ``text`` (offsets shifted by ``offset``), left to right.

        country (str): the event's country, for generic actors ("Protesters (Kenya)").
        when (str): the event's ISO date, to pick the period of state forces.
        """
        found: list[Mention] = []
        for regex in (self.caps, self.words):
            for m in regex.finditer(text) if regex else ():
                name, inter = self._named(m.group(0), country, when)
                found.append(Mention(name, inter, m.group(0), m.start() + offset,
                                     m.end() + offset, True))
        for regex, template, inter, by_demonym in self.generic:
            for m in regex.finditer(text):
                where = self._country_in(m.group(0)) if by_demonym else None
                if "{name}" in template:  # "Kaduna militiamen" -> "Kaduna Communal Militia"
                    template = template.replace("{name}", m.group("name"))
                found.append(Mention(self.fill(template, where or country, when), inter,
                                     m.group(0),
                                     m.start() + offset, m.end() + offset, False))
        return _same_group(_non_overlapping(found))

    def normalize(self, words: str, country: str | None = None, when: str | None = None
                  ) -> Actor:
        """The canonical actor for a phrase ("Russian forces"); unknown phrases keep their words."""
        mentions = self.find(words, country=country, when=when)
        if mentions:
            best = max(mentions, key=lambda m: (m.named, m.end - m.start))
            return best.to_actor()
        return Actor(name=words.strip(), inter=0, text=words)


def _compile_cue(pattern: str | None) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)
    except re.error as err:
        raise ActorDataError(f"bad 'unidentified' cue {pattern!r}: {err}") from None


def _same_group(found: list[Mention]) -> list[Mention]:
    """Drop a generic word right after a named group ("JNIM militants" is JNIM)."""
    kept: list[Mention] = []
    for m in found:
        prev = kept[-1] if kept else None
        if (prev is not None and prev.named and not prev.name.startswith("Unidentified")
                and m.name.startswith("Unidentified") and 0 <= m.start - prev.end <= 1):
            continue
        kept.append(m)
    return kept


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Longest mention wins where two overlap; named beats generic on a tie."""
    found.sort(key=lambda m: (-(m.end - m.start), not m.named, m.start))
    kept: list[Mention] = []
    for m in found:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def user_actor_file() -> Path:
    return data_home() / USER_FILE


@lru_cache(maxsize=4)
def _load(user_path: str, stamp: float) -> ActorDictionary:
    data = _read(DATA)
    path = Path(user_path)
    if path.is_file():
        extra = _read(path)
        data["actors"] = [*extra.get("actors", []), *data["actors"]]  # user entries first
        data["generic"] = [*extra.get("generic", []), *data.get("generic", [])]
        data["periods"] = {**data.get("periods", {}), **extra.get("periods", {})}
        data["country_names"] = {**data.get("country_names", {}),
                                 **extra.get("country_names", {})}
        data["demonyms"] = {**data.get("demonyms", {}), **extra.get("demonyms", {})}
    return ActorDictionary(data)


def load_actors() -> ActorDictionary:
    """The shipped dictionary merged with the user's file (reloaded when it changes)."""
    path = user_actor_file()
    stamp = path.stat().st_mtime if path.is_file() else 0.0
    return _load(str(path), stamp)


def normalize_actor(words: str, country: str | None = None, when: str | None = None) -> Actor:
    """Canonical ACLED-style actor for ``words``; see :meth:`ActorDictionary.normalize`."""
    return load_actors().normalize(words, country, when)
