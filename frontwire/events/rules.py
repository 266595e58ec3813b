"""The shipped classifier: hand-written cue patterns scored per ACLED sub-event type.

Patterns live in ``data/keywords.json`` (issue 6: keep keyword data apart from logic).
Protest notes often name violence as their grievance ("protested the killing of a
student"), so in a protest context the grievance clause is blanked before the
violence cues are scored; the protest sub-type is then chosen by what happened *to*
or *by* the crowd (intervention, lethal force, rioting).
"""

from __future__ import annotations

import json
import re
import re._parser as sre_parse  # the regex parser: literal runs for substring prefilters
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .fatalities import count_fatalities
from .taxonomy import SUB_EVENT_TYPES, SUB_TO_TYPE

DATA = Path(__file__).parent / "data" / "keywords.json"

PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
REGAINS, OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"
TERRITORY = (REGAINS, OVERTAKES)
PROTEST_GROUP = (PEACEFUL, INTERVENTION, EXCESSIVE, VIOLENT_DEMO)
# Sub-types that, next to a protest, describe what happened within it rather than
# a separate incident (arrested protesters, property damaged by the crowd ...).
ABSORBED_BY_PROTEST = ("Arrests", "Looting/property destruction", "Mob violence", "Other",
                       "Change to group/activity", "Attack", "Agreement", "Armed clash")
STRATEGIC = tuple(s for s, t in SUB_TO_TYPE.items() if t == "Strategic developments")
STRATEGIC_AFTERMATH = ("Arrests", "Looting/property destruction", "Other",
                       "Change to group/activity")
# The weapon decides the type: civilians killed by a landmine or a drone are coded by
# the weapon (Explosions/Remote violence), not as a plain Attack.
REMOTE = tuple(s for s, t in SUB_TO_TYPE.items() if t == "Explosions/Remote violence")
REMOTE_MIN = 3  # one specific weapon cue ("landmine", "airstrike", "mortar")
TRANSFER = "Non-violent transfer of territory"
TERRITORY_MIN = 4  # one specific capture cue ("recaptured", "took control of the town")
NO_FIGHT = 7  # the weight of an explicit no-fighting cue ("without a fight", "peacefully took")
GENERIC_VIOLENCE = ("Attack", "Armed clash")
# (sub-type, minimum score, what it overrides): a specific reading of the same incident
# wins over the generic one whatever the summed weights say. A suicide attacker's car
# bomb is a suicide bomb, chlorine in a rocket a chemical weapon, a defused bomb no
# explosion, a lynching by a mob mob violence, and a "rocket attack on" the base
# shelling, not a ground assault. The last three need their own cue (``overrides`` in
# the data): weapons caches hit by an airstrike or "members of X clashed" score too.
OVERRIDES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Suicide bomb", 6, REMOTE + GENERIC_VIOLENCE),
    ("Chemical weapon", 4, REMOTE + GENERIC_VIOLENCE),
    ("Disrupted weapons use", 1, REMOTE),
    ("Mob violence", 1, GENERIC_VIOLENCE),
    ("Shelling/artillery/missile attack", 3, GENERIC_VIOLENCE),
)
PROTEST_MIN = 3  # one clear protest word
RIOT_WORDS = re.compile(r"(?<![a-z])riot(?:s|ers?|ing)?(?![a-z])", re.I)
# Words by which a crowd voices a demand: then it is demonstrating, not a mob.
DEMANDS = re.compile(r"\b(?:to (?:denounce|demand|protest|condemn|oppose|call for)|demanding|"
                     r"denouncing|in protest|calling for)\b", re.I)
SIZE_TAG = re.compile(r"\[size=[^\]]*\]", re.I)
# A victim found dead or killed: the abduction ended in a killing.
VICTIM_DEAD = re.compile(r"\b(?:killed|(?:body|bodies|corpses?) (?:[a-z]+ ){0,3}(?:was|were) found|"
                         r"found dead)\b", re.I)
STATE_IN_CUE = re.compile(r"\b(?:to|in|into|under|back) (?:the )?(?:state|government|army)\b",
                          re.I)
HELD = re.compile(r"\b[A-Za-z]+-(?:held|controlled|occupied)\b")
# "from the rebels", "from the Ethiopian army": a nationality may stand before the actor.
FROM_ACTOR = re.compile(r"\b[Ff]rom (?:the )?((?:[A-Z][A-Za-z-]+ )?)")
PREFIX = re.compile(r"^\s*([A-Za-z/ -]{3,40}):\s")
NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")
BRANCH, LITERAL, SUBPATTERN = sre_parse.BRANCH, sre_parse.LITERAL, sre_parse.SUBPATTERN
MAX_REPEAT = sre_parse.MAX_REPEAT


@dataclass
class Decision:
    """What the rules concluded about one snippet."""

    sub_event_type: str
    confidence: float
    trigger: tuple[int, int] | None = None  # offsets of the strongest cue in the text
    scores: dict[str, int] = field(default_factory=dict)


@dataclass
class RuleSet:
    patterns: dict[str, list[tuple[re.Pattern[str], int]]]
    # One alternation of all of a sub-type's patterns: most sentences match none of a
    # type's cues, and one search rules them all out (the hot path of the stage).
    any_cue: dict[str, re.Pattern[str]]
    prefixes: list[tuple[re.Pattern[str], str]]
    grievance: re.Pattern[str]
    arrest_reason: re.Pattern[str]  # group 1: "over the murder of ...", not this event
    verdict: re.Pattern[str]  # group 1: the quoted label in 'called the strike "a massacre"'
    mask: re.Pattern[str]  # words that look like cues but are not (riot police, RPGs)
    threat: re.Pattern[str]
    priority: dict[str, int]
    overrides: dict[str, re.Pattern[str]] = field(default_factory=dict)
    state: re.Pattern[str] | None = None  # who took territory: state forces ...
    nonstate: re.Pattern[str] | None = None  # ... or a non-state group
    # Words one of which every match of ``any_cue[sub]`` / ``patterns[sub][i]`` contains
    # (None: no such words known, always search); see :func:`required_words`.
    cue_words: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    pattern_words: dict[str, list[tuple[str, ...] | None]] = field(default_factory=dict)


def required_words(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None.

    Each top-level alternative must match its plain letters (the longest run of
    literal characters outside any group, repeat or class) in full, so a text holding
    none of the runs cannot match: a substring test rules most sub-types out without
    running their regexes. None when an alternative has no such run.
    """
    try:
        runs = _literal_runs(list(sre_parse.parse(pattern, re.I)))
    except re.error:
        return None
    return None if runs is None else tuple(sorted(set(runs)))


def _literal_runs(items: list[Any]) -> list[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None.

    Any required part gives such strings: a run of plain characters, or the runs of
    every alternative of a required group; the part whose shortest string is longest
    is kept, as it rules out the most texts.
    """
    options: list[list[str]] = []
    run = ""
    for op, value in [*items, (None, None)]:
        if op is LITERAL:
            run += chr(value)
            continue
        if run:
            options.append([run])
        run = ""
        inner = _required_part(op, value)
        if inner:
            options.append(inner)
    options = [o for o in options if all(w.isascii() for w in o)]
    if not options:
        return None
    return [w.lower() for w in max(options, key=lambda o: min(len(w) for w in o))]


def _required_part(op: Any, value: Any) -> list[str] | None:
    """The strings of a group, an alternation or a repeat that must match at least once."""
    if op is SUBPATTERN and not value[1] and not value[2]:  # a group without inline flags
        return _literal_runs(list(value[3]))
    if op is MAX_REPEAT and value[0] >= 1:
        return _literal_runs(list(value[2]))
    if op is BRANCH:
        runs: list[str] = []
        for alternative in value[1]:
            found = _literal_runs(list(alternative))
            if not found:
                return None
            runs += found
        return runs
    return None


def _may_match(words: tuple[str, ...] | None, lowered: str | None) -> bool:
    """False only when ``lowered`` (a text folded by :func:`_fold`) holds none of ``words``."""
    return words is None or lowered is None or any(map(lowered.__contains__, words))


def _fold(text: str) -> str | None:
    """The text in lower case for substring tests; None when case-insensitive regex
    matching could differ from ``str.lower`` (a non-ASCII letter such as the long s
    or the Kelvin sign matches an ASCII one under re.I)."""
    if not text.isascii() and NON_ASCII_LETTER.search(text):
        return None
    return text.lower()


def _compile(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    # Whole-word matching on both sides; stems spell out their endings in the data file.
    return re.compile(rf"(?<![A-Za-z0-9])(?:{pattern})(?![A-Za-z0-9])", flags)


@lru_cache(maxsize=1)
def load_rules(path: str = str(DATA)) -> RuleSet:
    """Compile the keyword data once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    patterns = {sub: [(_compile(p), int(w)) for p, w in data["sub_event"].get(sub, [])]
                for sub in SUB_EVENT_TYPES}
    prefixes = [(re.compile(rf"^(?:{p})$", re.I), sub) for p, sub in data["prefixes"].items()]
    # A grievance runs to the end of its clause, not to the end of the sentence; in news
    # prose the crowd's own verb often ends it ("protesting the killing of X torched ...").
    ends = data.get("grievance_end", "(?!)")
    grievance = re.compile(
        rf"(?<![A-Za-z])(?:{data['grievance']})[^.;,]*?"
        rf"(?=[.;,]| and | when | before | but | while | (?:{ends})\b|$)", re.I)
    joined = {sub: "|".join(f"(?:{p})" for p, _ in data["sub_event"].get(sub, [])) or "(?!)"
              for sub in SUB_EVENT_TYPES}
    any_cue = {sub: _compile(body) for sub, body in joined.items()}
    return RuleSet(
        patterns=patterns,
        any_cue=any_cue,
        cue_words={sub: required_words(body) for sub, body in joined.items()},
        pattern_words={sub: [required_words(p) for p, _ in data["sub_event"].get(sub, [])]
                       for sub in SUB_EVENT_TYPES},
        prefixes=prefixes,
        grievance=grievance,
        arrest_reason=re.compile(data.get("arrest_reason", "(?!)()"), re.I),
        verdict=re.compile(data.get("verdict", "(?!)()"), re.I),
        mask=_compile(data["mask"]),
        # Case-sensitive on purpose: "May" the month is not "may" the modal.
        threat=_compile(data["threat"], 0),
        priority={sub: i for i, sub in enumerate(data["priority"])},
        overrides={sub: _compile(p) for sub, p in data.get("overrides", {}).items()},
        # Case-sensitive: acronyms (IS, ADF) must not match ordinary words.
        state=_compile(data["territory_state"], 0) if "territory_state" in data else None,
        nonstate=_compile(data["territory_nonstate"], 0) if "territory_nonstate" in data else None,
    )


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace every match with spaces, keeping offsets intact."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _blank_reasons(text: str, pattern: re.Pattern[str]) -> str:
    """Blank the reason of an arrest ("detained over the murder of X"), keeping offsets."""
    for match in pattern.finditer(text):
        start, end = match.span(1)
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def mask_grievance(text: str) -> str:
    """Blank the grievance clauses of a protest ("against the killing of ...")."""
    return _blank(text, load_rules().grievance)


def _score(rules: RuleSet, sub: str, text: str, lowered: str | None = None
           ) -> tuple[int, tuple[int, int] | None]:
    total, best, where = 0, 0, None
    if not _may_match(rules.cue_words.get(sub), lowered) or not rules.any_cue[sub].search(text):
        return total, where
    words = rules.pattern_words.get(sub) or [None] * len(rules.patterns[sub])
    for (pattern, weight), needed in zip(rules.patterns[sub], words, strict=True):
        match = pattern.search(text) if _may_match(needed, lowered) else None
        if match:
            total += weight
            if weight > best:
                best, where = weight, match.span()
    return total, where


def _confidence(top: int, second: int) -> float:
    return round(max(0.05, min(0.97, 0.3 + 0.07 * top + 0.08 * (top - second))), 3)


def decide(text: str) -> Decision:
    """Classify one snippet with the rules."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str snippet, got {type(text).__name__}")
    rules = load_rules()
    # ACLED coders add a crowd-size tag ("[size=no report]") to demonstration events
    # only, so a tagged note is a protest or a riot whatever else it mentions.
    crowd_tag = SIZE_TAG.search(text) is not None
    text = _blank(text, SIZE_TAG)
    prefix = PREFIX.match(text)
    if prefix:
        for pattern, sub in rules.prefixes:
            if pattern.match(prefix.group(1).strip()):
                return Decision(sub, 0.9, prefix.span(1))
    unmasked = _blank_reasons(_blank(text, rules.mask), rules.arrest_reason)
    # A speaker's verdict on an incident names no new incident of its own.
    unmasked = _blank_reasons(unmasked, rules.verdict)
    protest, protest_at = _score(rules, PEACEFUL, unmasked, _fold(unmasked))
    masked = _blank(unmasked, rules.grievance) if protest >= PROTEST_MIN else unmasked
    lowered = _fold(masked)  # once for all sub-types' substring tests
    found = {sub: _score(rules, sub, masked, lowered)
             for sub in SUB_EVENT_TYPES if sub != PEACEFUL}
    found[PEACEFUL] = (protest, protest_at)
    scores = {sub: s for sub, (s, _) in found.items()}
    choice: tuple[str, int, int] | None
    if crowd_tag and protest < PROTEST_MIN:
        # A grievance ("to denounce their living conditions") makes the crowd a demonstration.
        choice = _crowd_choice(scores, DEMANDS.search(unmasked) is not None)
    elif protest >= PROTEST_MIN:
        if scores[INTERVENTION] >= 3 and count_fatalities(masked).value > 0:
            # Deaths at a protest that was being dispersed: the force was lethal.
            scores[EXCESSIVE] += 4
        choice = _protest_choice(scores, rules, crowd_tag)
    else:
        choice = _plain_choice(scores, masked, rules)
    if choice is None:
        return Decision("Other", 0.05, None, scores)
    sub, top, second = choice
    if sub == "Abduction/forced disappearance" and (count_fatalities(masked).value > 0
                                                     or VICTIM_DEAD.search(masked)):
        sub = "Attack"  # ACLED: a kidnapping that ends in killing is coded as the killing
    trigger = found[sub][1] or found[PEACEFUL][1]
    if sub in TERRITORY:
        sub = _territory_side(rules, masked, trigger, sub)
    return Decision(sub, _confidence(top, second), trigger, scores)


def _territory_side(rules: RuleSet, text: str, trigger: tuple[int, int] | None, sub: str
                    ) -> str:
    """ACLED splits territory taken by who took it: the first actor named before the cue."""
    if rules.state is None or rules.nonstate is None or trigger is None:
        return sub
    if STATE_IN_CUE.search(text, trigger[0], trigger[1]):
        return REGAINS  # "returned to state authority", "back in government hands"
    # "the rebel-held compound" names the place, not who took it.
    before = HELD.sub(lambda m: " " * len(m.group(0)), text[:trigger[0]])
    state, nonstate = rules.state.search(before), rules.nonstate.search(before)
    if state and (not nonstate or state.start() < nonstate.start()):
        side = REGAINS
    elif nonstate:
        side = OVERTAKES
    else:
        side = sub
    # "took the town from the rebels": the loser named after the cue settles it.
    loser = FROM_ACTOR.search(text, trigger[1])
    if loser:
        for at in (loser.start(1), loser.end(1)):
            rest = text[at:at + 40]
            if rules.nonstate.match(rest):
                return REGAINS
            if rules.state.match(rest):
                return OVERTAKES
    return side


def _crowd_choice(scores: dict[str, int], grievance: bool = False) -> tuple[str, int, int]:
    """A tagged demonstration without protest words: a riot when there is violence."""
    if grievance and scores[VIOLENT_DEMO] >= 3:
        return VIOLENT_DEMO, scores[VIOLENT_DEMO], 0
    # ACLED: violence by a crowd that is not demonstrating (no protest words) is mob
    # violence, even when the note calls them rioters.
    mob = scores["Mob violence"] + scores["Attack"] + scores["Armed clash"] + scores[VIOLENT_DEMO]
    if mob > 0 or scores["Looting/property destruction"] > 0:
        return "Mob violence", mob, 0
    return PEACEFUL, 1, 0


def _protest_choice(scores: dict[str, int], rules: RuleSet, crowd_tag: bool
                    ) -> tuple[str, int, int]:
    riot, lethal, stopped = scores[VIOLENT_DEMO], scores[EXCESSIVE], scores[INTERVENTION]
    if lethal >= 6 or (lethal >= 4 and riot < 3):  # an assault on the crowd itself
        sub = EXCESSIVE
    elif riot >= 3:
        sub = VIOLENT_DEMO
    elif stopped >= 3:
        sub = INTERVENTION
    else:
        sub = PEACEFUL
    total = scores[PEACEFUL] + max(riot, lethal, stopped)
    mob = scores["Mob violence"]
    if mob >= 4 and mob > riot:
        return "Mob violence", mob, total
    if crowd_tag:  # the tag rules out every non-demonstration type
        return sub, total, 0
    others = {k: v for k, v in scores.items()
              if k not in PROTEST_GROUP and k not in ABSORBED_BY_PROTEST}
    other = max(others, key=lambda k: (others[k], -rules.priority[k]))
    if others[other] >= total + 2:
        return other, others[other], total
    return sub, total, others[other]


def _plain_choice(scores: dict[str, int], text: str, rules: RuleSet
                  ) -> tuple[str, int, int] | None:
    candidates = {k: v for k, v in scores.items() if k not in PROTEST_GROUP}
    violence = max(v for k, v in candidates.items() if k not in STRATEGIC)
    if violence >= 3:
        # ACLED codes the violence; arrests or damage around it are not separate events,
        # unless they are the clearer story ("a curfew was imposed after the clashes").
        for sub in STRATEGIC_AFTERMATH:
            if candidates.get(sub, 0) <= violence + 1:
                candidates.pop(sub, None)
    if RIOT_WORDS.search(text):  # rioters but no demonstration: mob violence
        candidates["Mob violence"] += 3
    ranked = sorted(candidates, key=lambda k: (-candidates[k], rules.priority[k]))
    if not ranked or candidates[ranked[0]] <= 0:
        return None
    top = _prefer_specific(ranked[0], candidates, rules, text)
    second = max((v for k, v in candidates.items() if k != top), default=0)
    return top, candidates[top], second


def _prefer_specific(top: str, candidates: dict[str, int], rules: RuleSet, text: str) -> str:
    """Where a generic winner hides a more specific reading of the same incident."""
    for sub, minimum, beats in OVERRIDES:
        if top not in beats or top == sub or candidates.get(sub, 0) < minimum:
            continue
        cue = rules.overrides.get(sub)
        if cue is None or cue.search(text):
            return sub
    if top == "Armed clash":
        # Fighting that ends with territory taken is coded as the territory change.
        taken = max(TERRITORY, key=lambda k: candidates.get(k, 0))
        if candidates.get(taken, 0) >= TERRITORY_MIN:
            return taken
    if top == "Attack":
        weapons = [k for k in REMOTE if candidates.get(k, 0) >= REMOTE_MIN]
        if weapons:
            return min(weapons, key=lambda k: (-candidates[k], rules.priority[k]))
    transfer = candidates.get(TRANSFER, 0)
    if top in TERRITORY and (transfer >= candidates[top] or transfer >= NO_FIGHT):
        return TRANSFER  # "took control ... without a shot being fired": taken, not fought for
    return top
