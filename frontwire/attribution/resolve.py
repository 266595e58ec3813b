"""Who a source is: names from noun phrases, pronouns and roles resolved backwards.

"He added" and "the channel reported" name nobody; analysts need the person or the
channel. We keep a memory of the speakers met so far (with the role nouns that came
with them: "The governor of the Kursk region, Roman Starovoit") and resolve a pronoun
or a bare role to the latest fitting one. No coreference model: it would cost more
than the whole stage's budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import side_of
from .tokens import Tokens

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i"}
GROUP_PRONOUNS = {"they", "it", "we", "them", "its", "their"}
RELATIVES = {"who", "which", "that"}
AUTHOR_PRONOUNS = {"i", "we"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Words that describe the medium, not the speaker: 'the War Gonzo Telegram channel'.
PLATFORM_WORDS = {"telegram", "twitter", "x", "facebook", "vk", "vkontakte", "youtube",
                  "instagram", "tiktok", "channel", "account", "page", "feed", "blog"}  # fmt: skip
TITLES = {
    "mayor", "governor", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
    "commander", "chief", "secretary", "general", "colonel", "major", "captain", "senator",
    "adviser", "advisor", "ambassador", "envoy", "deputy", "chairman", "leader", "director",
    "prosecutor", "sergeant", "ombudsman", "lieutenant", "head", "premier", "gen.", "col.",
    "lt.", "sgt.", "capt.", "maj.", "gov.", "sen.", "rep.", "mr.", "mrs.", "ms.", "dr.",
}  # fmt: skip
GENERIC_HEADS = {"source", "sources", "official", "officials", "people", "person",
                 "residents", "witnesses", "analysts", "experts", "observers"}  # fmt: skip


@dataclass
class Speaker:
    name: str
    person: bool
    heads: set[str] = field(default_factory=set)  # role nouns used for it
    offset: int = 0
    source: bool = False  # met as the source of an attribution, not just as a name


@dataclass
class Resolution:
    name: str
    side: str
    person: bool


class Resolver:
    """Resolves source noun phrases in document order."""

    def __init__(self, toks: Tokens, author: str = "") -> None:
        self.t = toks
        self.author = author  # who 'I' and 'we' are outside quotes: the channel or outlet
        self.memory: list[Speaker] = []
        self._seed_entities()

    def _seed_entities(self) -> None:
        """Named speakers-to-be: 'the War Gonzo Telegram channel' teaches 'channel'."""
        t = self.t
        i, n = 0, len(t)
        while i < n:
            if t.ent[i] in ("PERSON", "ORG") and not t.quoted[i]:
                j = i
                while j < n and t.ent[j] == t.ent[i]:
                    j += 1
                k = j
                while k < n and k - j < 3 and t.pos[k] in ("PROPN", "NOUN"):
                    k += 1
                heads = {t.lower[k - 1]} if k > j else set()
                heads.add(t.lower[j - 1])  # 'the Defence Ministry' -> 'the ministry'
                self.memory.append(
                    Speaker(self._clean(i, j), t.ent[i] == "PERSON", heads, t.start[i])
                )
                i = j
            else:
                i += 1

    def _clean(self, i: int, j: int) -> str:
        """Name words of tokens [i, j): no determiner, no platform words, no trailing commas."""
        t = self.t
        words = [
            k for k in range(i, j) if t.pos[k] not in ("PUNCT", "SPACE") or t.text[k] in ("-",)
        ]
        while words and t.lower[words[0]] in DETERMINERS:
            words.pop(0)
        named = list(words)
        while named and t.lower[named[-1]] in PLATFORM_WORDS:
            named.pop()
        # 'Rybar Telegram channel' is Rybar; 'a pro-Kremlin Telegram channel' stays whole.
        if any(t.pos[k] in ("PROPN", "NOUN") and t.ent[k] != "NORP" for k in named):
            words = named
        if not words:
            return ""
        return t.doc_text[t.start[words[0]] : t.end[words[-1]]]

    def resolve(self, span: tuple[int, int]) -> Resolution:
        """Name, side and personhood of the source in tokens ``span``."""
        t = self.t
        i, j = span
        words = t.doc_text[t.start[i] : t.end[j - 1]].strip(" ,\u2014\u2013")
        low = t.lower[i]
        if j - i == 1 and low in AUTHOR_PRONOUNS and self.author and not t.quoted[i]:
            # 'I express my condolences' in a governor's post is the governor speaking.
            side, _ = side_of(self.author)
            return Resolution(self.author, side, low == "i")
        if j - i == 1 and (low in PERSON_PRONOUNS or low in GROUP_PRONOUNS or low in RELATIVES):
            found = self._antecedent(low, t.start[i], i)
        else:
            found = self._named(i, j)
        side, canonical = side_of(words, found.name)
        # 'The Freedom Corps and the Volunteer Corps' names two groups: keep the words.
        if canonical and not any(t.pos[k] == "CCONJ" for k in range(i, j)):
            found.name = canonical
        found.side = side
        self._remember(found, i, j)
        return found

    def _named(self, i: int, j: int) -> Resolution:
        t = self.t
        # The first comma-free stretch holds the name; appositives follow it.
        head_end = next((k for k in range(i, j) if t.text[k] in (",", "\u2014")), j)
        if any(t.pos[k] == "CCONJ" for k in range(i, j)):
            head_end = j  # a list of speakers: 'The Legion, the Corps and the Battalion'

        # A name is the speaker when it closes a segment ('..., Roman Starovoit,'), not
        # when it modifies a noun ('Putin defectors').
        persons = [
            (a, b)
            for a, b in self._entity_runs(i, j, "PERSON")
            if b == j or t.text[b] in (",", "\u2014", "(", "\u2013")
        ]
        if persons:
            a, b = persons[0]
            return Resolution(self._full_name(self._clean(a, b), t.start[i]), "", True)
        titled = self._after_title(i, head_end)
        if titled is not None:
            return Resolution(self._clean(*titled), "", True)
        has_name = any(t.pos[k] == "PROPN" for k in range(i, head_end))
        if not has_name and t.lower[i] in ("the", "this", "that"):
            prior = self._by_head(t.lower[head_end - 1], t.start[i])
            if prior is not None:
                return Resolution(prior.name, "", prior.person)
        name = self._clean(i, head_end) or self._clean(i, j)
        full = self._full_name(name, t.start[i]) if " " not in name else name
        return Resolution(full, "", full != name)

    def _full_name(self, name: str, before: int) -> str:
        """'Starovoit' after 'Roman Starovoit' is the same person: use the full name."""
        if " " in name:
            return name
        for speaker in reversed(self.memory):
            if speaker.offset < before and speaker.person and speaker.name.endswith(" " + name):
                return speaker.name
        return name

    def _after_title(self, i: int, j: int) -> tuple[int, int] | None:
        """'Kharkiv Mayor Ihor Terekhov' -> the name after the title (NER often misses it)."""
        t = self.t
        for r in range(j - 2, i - 1, -1):
            if t.lower[r] in TITLES:
                rest = range(r + 1, j)
                if all(t.pos[k] == "PROPN" for k in rest) and t.lower[r + 1] not in TITLES:
                    return (r + 1, j)
                return None
        return None

    def _entity_runs(self, i: int, j: int, label: str) -> list[tuple[int, int]]:
        t = self.t
        runs, k = [], i
        while k < j:
            if t.ent[k] == label:
                m = k
                while m < j and t.ent[m] == label:
                    m += 1
                runs.append((k, m))
                k = m
            else:
                k += 1
        return runs

    def _by_head(self, head: str, before: int) -> Speaker | None:
        if head in GENERIC_HEADS:
            return None
        for speaker in reversed(self.memory):
            if speaker.offset < before and head in speaker.heads:
                return speaker
        return None

    def _antecedent(self, low: str, offset: int, i: int) -> Resolution:
        t = self.t
        if low in RELATIVES:
            k = i - 1
            while k >= 0 and t.pos[k] in ("PUNCT", "SPACE"):
                k -= 1
            if k >= 0 and t.pos[k] in ("PROPN", "NOUN"):
                start = k
                while start - 1 >= 0 and t.pos[start - 1] in ("PROPN", "NOUN", "ADJ", "DET"):
                    start -= 1
                return self._named(start, k + 1)
            return Resolution(t.text[i], "", False)
        want_person = low in PERSON_PRONOUNS
        # Speakers first (a pronoun subject of a reporting verb usually continues the
        # last speaker), then any name mentioned shortly before.
        for sources_only, reach in ((True, 1500), (False, 600)):
            for speaker in reversed(self.memory):
                if speaker.offset >= offset or not speaker.name or offset - speaker.offset > reach:
                    continue
                if sources_only and not speaker.source:
                    continue
                if speaker.person == want_person and (
                    not want_person or " " in speaker.name or speaker.heads or speaker.source
                ):
                    return Resolution(speaker.name, "", speaker.person)
        return Resolution(t.text[i], "", want_person)

    def _remember(self, found: Resolution, i: int, j: int) -> None:
        t = self.t
        # Any noun of the phrase can come back as 'the service', 'the ministry'.
        heads = {t.lower[k] for k in range(i, j) if t.pos[k] in ("NOUN", "PROPN")}
        if found.person:  # 'the head of the administration, X': X is not 'the administration'
            of = next((k for k in range(i, j) if t.lower[k] == "of"), j)
            comma = next((k for k in range(of, j) if t.text[k] == ","), j)
            heads -= {t.lower[k] for k in range(of, comma)}
        if found.name and found.name.lower() != t.lower[i]:
            self.memory.append(Speaker(found.name, found.person, heads, t.start[i], True))
        self.memory.sort(key=lambda s: s.offset)
