"""The attribution stage: raw attributions -> claims with source chains and stance.

A claim reported inside another attribution's content travels through that
attribution's source: in "the FSB denied reports ..., state-run TASS news agency
reported" TASS relays the FSB. "citing X" and "according to X" give the same
structure. The chain runs origin first, then relays, then the document's outlet.
Sentences that report an incident in the outlet's own voice become narration claims.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import ChainLink, Claim, Report
from ..nlp import parse_span_groups
from .extract import Extractor, RawAttribution
from .lexicon import DATA_DIR, load_cues, load_sides, load_stance, side_of
from .parse import apply_parses, reparse_sources, sentences_to_parse
from .resolve import Resolution, Resolver
from .stance import stance_of
from .tidy import (
    asides,
    content_before_source,
    content_start,
    own_words,
    physical_attack,
    possessive_speaker,
    relative_clause_content,
    self_reference,
    speakerless,
    split_contrasts,
    told_recipient,
    trim_source,
    whole_quote,
)
from .tokens import Tokens, from_doc

UNKNOWN_OUTLET = "unknown outlet"
LEAD_CHARS = " \n\"'\u201c\u2018"
# Evidence verbs: "videos showing fighters" is a claim of whoever posted the videos.
NOT_SPEECH = {"show", "shows", "showed", "shown", "showing"}
# "She asked that her name not be used", "asked not to be named": a request, not a claim.
REQUEST_CUES = {"ask", "asks", "asked", "asking", "request", "requests", "requested",
                "demand", "demands", "demanded"}
_NOT_MODAL = r"(?!(?:will|would|could|should|might|may|must|can|cannot|to)\b)"
SUBJUNCTIVE = re.compile(r"^\W*(?:that\s+)?(?:" + _NOT_MODAL + r"[\w\u2019']+\s+){1,4}"
                         r"(?:not\s+)?be\b"
                         r"|^\W*(?:not\s+)?to\s+be\s+(?:named|identified|quoted)", re.I)


@lru_cache(maxsize=2)
def load_incident_words(path: str | None = None) -> frozenset[str]:
    """Incident words from ``incidents.txt`` (one a line)."""
    source = Path(path) if path else DATA_DIR / "incidents.txt"
    if not source.exists():
        raise FileNotFoundError(f"incident word list missing: {source}")
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and ln[0] != "#")


class Attributor:
    """Pipeline stage ``attribution``: fills ``report.claims``.

    narration (bool): also make claims for the outlet's own incident reports.
    parse (bool): take verb cues' speakers from a dependency parse of their sentences
        (:mod:`frontwire.attribution.parse`); False keeps to the rules alone.
    cues, stance, sides, incidents (str | None): paths of replacement lexicon files.
    """

    name = "attribution"

    def __init__(
        self,
        narration: bool = True,
        parse: bool = True,
        cues: str | None = None,
        stance: str | None = None,
        sides: str | None = None,
        incidents: str | None = None,
    ) -> None:
        # Cheap: lexicons load on first use (and are cached per process).
        self.narration = narration
        self.parse = parse
        self.paths = {"cues": cues, "stance": stance, "sides": sides, "incidents": incidents}

    def __call__(self, report: Report) -> Report:
        toks, raws = self._rules(report)
        if self.parse:
            reparse_sources(report.tokens, toks, raws)
        report.claims = ClaimBuilder(report, toks, self.paths).build(raws, self.narration)
        return report

    def pipe(self, reports: Iterable[Report]) -> Iterator[Report]:
        """Like calling the stage on each report, with one parser call for the batch."""
        reports = list(reports)
        found = [self._rules(report) for report in reports]
        if self.parse:
            wanted = [sentences_to_parse(toks, raws) for toks, raws in found]
            groups = [
                (report.tokens, [toks.sents[n] for n in numbers])
                for report, (toks, _), numbers in zip(reports, found, wanted, strict=True)
            ]
            for (toks, raws), numbers, parsed in zip(
                found, wanted, parse_span_groups(groups), strict=True
            ):
                # Also with no sentence parsed: a reduced passive still loses its speaker.
                apply_parses(toks, raws, dict(zip(numbers, parsed, strict=True)))
        for report, (toks, raws) in zip(reports, found, strict=True):
            report.claims = ClaimBuilder(report, toks, self.paths).build(raws, self.narration)
            yield report

    def _rules(self, report: Report) -> tuple[Tokens, list[RawAttribution]]:
        """The report's tokens and the attributions the rules find in them."""
        if not isinstance(report, Report):
            raise TypeError(f"Attributor expects a Report, got {type(report).__name__}")
        doc = report.tokens
        if doc is None:
            raise ValueError("attribution needs report.tokens: run the nlp stage first")
        try:
            toks = from_doc(doc, report.text)
        except ValueError as err:
            raise ValueError(f"report.tokens does not match report.text: {err}") from None
        return toks, Extractor(toks, load_cues(self.paths["cues"])).run()


class ClaimBuilder:
    """Turns one document's raw attributions into :class:`Claim` objects."""

    def __init__(self, report: Report, toks: Tokens, paths: dict[str, Any]) -> None:
        self.report = report
        self.t = toks
        self.text = toks.doc_text
        self.stance_rules = load_stance(paths.get("stance"))
        self.side_rules = load_sides(paths.get("sides"))
        self.incidents = load_incident_words(paths.get("incidents"))
        self.outlet = report.document.outlet or UNKNOWN_OUTLET
        self.resolver = Resolver(toks, author=report.document.outlet or "")
        self._names: dict[tuple[int, int], Resolution] = {}
        self._side: str | None = None

    def build(self, raws: list[RawAttribution], narration: bool) -> list[Claim]:
        raws = [r for r in raws if not speakerless(r, self.t) and not physical_attack(r, self.t)]
        for raw in raws:
            trim_source(raw, self.t)
            relative_clause_content(raw, self.t)
        split_contrasts(raws, self.t)
        for raw in raws:
            content_before_source(raw, raws, self.t)
        for raw in raws:
            speaker = possessive_speaker(raw, self.t)
            if speaker is not None:
                raw.source_tokens, raw.source = speaker, self.t.chars(*speaker)
        for raw in raws:  # resolve in document order: pronouns look backwards
            if raw.source_tokens and raw.source_tokens not in self._names:
                self._names[raw.source_tokens] = self.resolver.resolve(raw.source_tokens)
        raws = [r for r in raws if self.t.lower[r.cue_tokens[1] - 1] not in NOT_SPEECH
                and not self._request(r)]
        containers = self._containers(raws)
        echoes = {n for n, raw in enumerate(raws) if self._echoes(raw, raws)}
        if echoes:  # "X said it could not confirm ...": X's own claim, not a relay
            raws = [r for n, r in enumerate(raws) if n not in echoes]
            containers = self._containers(raws)
        claims = []
        for n, raw in enumerate(raws):
            relays_others = any(c == n for c in containers.values())
            if raw.kind == "citing" or raw.source_tokens is None or relays_others:
                continue
            claim = self._claim(raw, self._relays(n, raws, containers), self._nested(raw, raws))
            claims.append(claim)
            claims.extend(self._aside_claims(raw.content[0][0], raw.content[-1][1]))
        if narration:
            claims.extend(self._narration(raws))
        self._share_sides(claims)
        claims.sort(key=lambda c: (c.content_start, c.cue_start or 0))
        for number, claim in enumerate(claims, 1):
            claim.id = f"c{number}"
        return claims

    # ---- chains -----------------------------------------------------------
    def _containers(self, raws: list[RawAttribution]) -> dict[int, int]:
        """For each attribution, the innermost other one whose content holds its cue."""
        inside: dict[int, int] = {}
        relays = [
            (m, o) for m, o in enumerate(raws) if o.kind != "citing" and o.source_tokens is not None
        ]
        for n, raw in enumerate(raws):
            if raw.kind == "noun":
                continue  # 'denied reports that ...': the reports are what is denied
            best, size = None, None
            # Only an attribution that opens the other's content is relayed by it:
            # "[the FSB denied ...], TASS reported", not "did not confirm X when they said".
            lead = raw.source[0] if raw.source else raw.cue[0]
            first, cue_end = min(lead, raw.cue[0]), raw.cue[1]
            for m, other in relays:
                # The span tests run first: they are cheap and rule out most pairs.
                for a, b in other.content:
                    if a > first or cue_end > b:
                        continue
                    if size is not None and b - a >= size or m == n:
                        continue
                    # '[X, the FSB said], TASS reported': the FSB's words open TASS's content.
                    words_open = bool(raw.content) and raw.content[0][0] == a
                    if not (words_open or _opens(self.text[a:lead])):
                        continue
                    if self._same_speaker(raw, other):
                        break  # 'X said ... but did not report ...': one speaker, no relay
                    best, size = m, b - a
            if best is not None:
                inside[n] = best
        return inside

    def _aside_claims(self, start: int, end: int) -> list[Claim]:
        """'..., a figure that could not be verified': the outlet's own unconfirmed claim."""
        out = []
        for a, b in asides(self.text, start, end):
            a += len(self.text[a:b]) - len(self.text[a:b].lstrip())
            stance, cue = stance_of([], [self.text[a:b]], self.stance_rules)
            if stance != "asserts":
                out.append(self._narration_claim(a, b, stance, cue, self._outlet_side()))
        return out

    def _outlet_side(self) -> str:
        """The outlet's side, looked up once per document (most claims have no aside)."""
        if self._side is None:
            self._side = side_of(self.outlet, rules=self.side_rules)[0]
        return self._side

    @staticmethod
    def _share_sides(claims: list[Claim]) -> None:
        """'Kharkiv Mayor Ihor Terekhov said ... "...," he said': one speaker, one side."""
        sides: dict[str, str] = {}
        for claim in claims:
            if claim.side and not claim.narration:
                sides.setdefault(claim.source, claim.side)
        for claim in claims:
            if not claim.side and claim.source in sides:
                claim.side = sides[claim.source]

    def _echoes(self, raw: RawAttribution, raws: list[RawAttribution]) -> bool:
        """True for "it could not confirm" opening another claim's content."""
        if raw.source is None or not self_reference(raw, self.t):
            return False
        lead = raw.source[0]
        for other in raws:
            if other is raw or other.source is None or not other.content:
                continue
            a = other.content[0][0]
            if a <= lead and _opens(self.text[a:lead]):
                return True
        return False

    def _same_speaker(self, a: RawAttribution, b: RawAttribution) -> bool:
        if a.source_tokens is None or b.source_tokens is None:
            return False
        return self._names[a.source_tokens].name == self._names[b.source_tokens].name

    def _relays(
        self, n: int, raws: list[RawAttribution], containers: dict[int, int]
    ) -> list[RawAttribution]:
        out, seen = [], {n}
        while n in containers and containers[n] not in seen:
            n = containers[n]
            seen.add(n)
            out.append(raws[n])
        return out

    def _request(self, raw: RawAttribution) -> bool:
        """A request in the subjunctive ('asked that her name not be used') asserts nothing."""
        if self.t.lower[raw.cue_tokens[1] - 1] not in REQUEST_CUES or not raw.content:
            return False
        return bool(SUBJUNCTIVE.match(self.text[raw.content[0][0]:raw.content[-1][1]]))

    def _link(self, raw: RawAttribution, role: str) -> ChainLink:
        assert raw.source is not None and raw.source_tokens is not None
        return ChainLink(self._names[raw.source_tokens].name, role, *raw.source)

    def _chain(self, raw: RawAttribution, relays: list[RawAttribution]) -> list[ChainLink]:
        chain = []
        for a, b in raw.cited:
            span = (self.t.index_at(a), self.t.index_at(b - 1) + 1)
            chain.append(ChainLink(self.resolver.resolve(span).name, "origin", a, b))
        chain.append(self._link(raw, "relay" if chain else "origin"))
        told = told_recipient(raw, self.t)
        if told is not None:  # 'the FSB told the state news agency TASS': TASS relays
            name = self.resolver.resolve(told).name
            chain.append(ChainLink(name, "relay", *self.t.chars(*told)))
        chain.extend(self._link(r, "relay") for r in relays)
        if chain[-1].name.lower() != self.outlet.lower():
            chain.append(ChainLink(self.outlet, "outlet"))
        else:
            chain[-1].role = "outlet"
        return chain

    # ---- claims -----------------------------------------------------------
    def _nested(self, raw: RawAttribution, raws: list[RawAttribution]) -> list[tuple[int, int]]:
        """Spans of other speakers' clauses inside this claim's content."""
        a, b = raw.content[0][0], raw.content[-1][1]
        out = []
        for other in raws:
            if other is raw or not other.content or not a <= other.cue[0] < b:
                continue
            if self._same_speaker(raw, other):
                continue
            lead = other.source[0] if other.source else other.cue[0]
            out.append((min(lead, other.cue[0]), max(other.cue[1], other.content[-1][1])))
        return out

    def _claim(
        self, raw: RawAttribution, relays: list[RawAttribution], nested: list[tuple[int, int]]
    ) -> Claim:
        assert raw.source is not None and raw.source_tokens is not None
        who = self._names[raw.source_tokens]
        start, end = raw.content[0][0], raw.content[-1][1]
        start = content_start(self.text, start, end)
        start, end = whole_quote(self.text, start, end)
        tail = asides(self.text, start, end)
        if tail and tail[-1][1] >= end - 1:  # the reporter's closing aside is not theirs
            end = tail[-1][0] - 1
        content = self.text[start:end]
        cue_words = self.t.lower[raw.cue_tokens[0] : raw.cue_tokens[1]]
        cue_text = self.text[raw.cue[0] : raw.cue[1]]
        words = own_words(self.text, start, end, nested)
        stance, stance_cue = stance_of(cue_words, [cue_text, words], self.stance_rules)
        chain = self._chain(raw, relays)
        side = who.side
        return Claim(
            id="",
            content_start=start,
            content_end=end,
            content=content,
            stance=stance,
            stance_cue=stance_cue,
            source=who.name,
            source_start=raw.source[0],
            source_end=raw.source[1],
            source_text=self.text[raw.source[0] : raw.source[1]].strip(" ,\u2014\u2013"),
            cue=cue_text,
            cue_start=raw.cue[0],
            cue_end=raw.cue[1],
            chain=chain,
            side=side,
            sentence=self._sentence(raw.cue[0]),
        )

    def _narration(self, raws: list[RawAttribution]) -> list[Claim]:
        """One claim per attribution-free sentence that reports an incident."""
        t = self.t
        covered = {raw.sentence for raw in raws if raw.source is not None}
        inside = _Cover(c for raw in raws if raw.source is not None for c in raw.content)
        side = self._outlet_side()
        claims = []
        for number, (s0, s1) in enumerate(t.sents):
            if number in covered:
                continue
            words = [k for k in range(s0, s1) if t.pos[k] != "SPACE"]
            if len(words) < 4:
                continue
            a, b = t.start[words[0]], t.end[words[-1]]
            quoted = sum(1 for k in words if t.quoted[k])
            if quoted > 0.6 * len(words) or inside.covers(a, b):
                continue  # inside someone's words, not the outlet's
            sentence = self.text[a:b]
            stance, stance_cue = stance_of([], [sentence], self.stance_rules)
            if stance == "asserts" and not any(t.lower[k] in self.incidents for k in words):
                continue
            claims.append(self._narration_claim(a, b, stance, stance_cue, side))
        return claims

    def _narration_claim(self, a: int, b: int, stance: str, stance_cue: str, side: str) -> Claim:
        a = content_start(self.text, a, b)
        while b > a and self.text[b - 1] in ".!?":
            b -= 1
        return Claim(
            id="",
            content_start=a,
            content_end=b,
            content=self.text[a:b],
            stance=stance,
            stance_cue=stance_cue,
            source=self.outlet,
            chain=[ChainLink(self.outlet, "outlet")],
            side=side,
            sentence=self._sentence(a),
            narration=True,
        )

    def _sentence(self, offset: int) -> int:
        if self.report.sentences:
            return self.report.sentence_index(offset)
        return self.t.sent[self.t.index_at(offset)]


def _opens(before: str) -> bool:
    """True when ``before``, the text from a content's start to a speaker, is only
    quotation marks, spaces or 'that': the speaker opens the content. The length test
    spares lower-casing long stretches of text (a long article has many pairs)."""
    words = before.strip(LEAD_CHARS)
    return len(words) <= 4 and words.lower() in ("", "that")


class _Cover:
    """Spans, asked whether one of them holds a given span: a bisection instead of a
    look at every span for every sentence (a long article has dozens of both)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [x for x, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans so far
        for _, y in ordered:
            self.reach.append(max(y, self.reach[-1]) if self.reach else y)

    def covers(self, a: int, b: int) -> bool:
        """True when some span [x, y) has x <= a and b <= y."""
        n = bisect_right(self.starts, a)
        return n > 0 and self.reach[n - 1] >= b
