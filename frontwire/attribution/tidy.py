"""Analyst-facing clean-up of raw attributions before they become claims.

The extractor's spans follow the PolNeAR conventions it is measured on; an analyst
reading a claim needs three things more: a source that names the speaker without
the relative clause describing it ("the RSF, which control most of Darfur"), one
claim per speaker when a headline sets two against each other ("militias claim a
raid as Moscow insists the attack was repelled"), and a stance that comes from the
claim's own words, not from another speaker's nested clause or the reporter's aside
("..., a figure that could not be verified").
"""

from __future__ import annotations

import re

from .extract import DATELINE, RawAttribution
from .tokens import Tokens

RELATIVE = {"which", "who", "whose", "that"}
# A nested speaker introduced by one of these is a second, contrasting claim,
# not part of the first one: "X claim A as Y insists B", "X said A while Y said B".
CONTRAST = {"as", "while", "whereas", "although", "though", "but"}
# The reporter's aside on a number or claim, and relative clauses describing a noun
# inside the content: their words are not the speaker's stance.
ASIDES = (
    re.compile(
        r",\s+(?:a|an|the)\s+(?:figure|claim|number|toll|account|assertion|statement|report|"
        r"tally|estimate)s?\s+(?:that|which)\b[^,;]*",
        re.I,
    ),
    re.compile(r",\s+which\b[^,;]*", re.I),
)


# "according to preliminary information": no speaker, only a hedge on the content.
NO_SPEAKER = {"information", "data", "reports", "estimates", "indications", "findings"}


ATTACK = {"attack", "attacks", "attacked", "attacking"}
SELF_PRONOUNS = {"it", "he", "she"}
# "the army said separately that ...": the adverb belongs to the cue, not the content.
LEAD_ADVERB = re.compile(
    r"^(?:separately|also|later|again|earlier|previously),?\s+(?=that\b)", re.I
)


def physical_attack(raw: RawAttribution, t: Tokens) -> bool:
    """True for "troops attacked Kharkiv": an assault, not criticism ("attacked X as ...")."""
    if t.lower[raw.cue_tokens[1] - 1] not in ATTACK or not raw.content:
        return False
    words = t.doc_text[raw.content[0][0] : raw.content[-1][1]]
    if any(q in words for q in '"\u201c\u201d'):
        return False
    return not re.search(r"\b(?:for|as|over)\b", words)


def self_reference(inner: RawAttribution, t: Tokens) -> bool:
    """True when a nested speaker is a pronoun opening the content: "Reuters said it could
    not confirm ..." is one claim by Reuters, not Reuters relaying "it"."""
    if inner.source_tokens is None:
        return False
    i, j = inner.source_tokens
    return j - i == 1 and t.lower[i] in SELF_PRONOUNS


def speakerless(raw: RawAttribution, t: Tokens) -> bool:
    """True for an "according to" whose source names no one ("preliminary information")."""
    if raw.kind != "according" or raw.source_tokens is None:
        return False
    i, j = raw.source_tokens
    if any(t.pos[k] == "PROPN" for k in range(i, j)):
        return False  # "according to UN data": the UN speaks
    return t.lower[j - 1] in NO_SPEAKER


def trim_source(raw: RawAttribution, t: Tokens) -> None:
    """Cut a relative clause off the source ("the RSF, which control ..."), mend split words."""
    if raw.source_tokens is None or raw.source is None:
        return
    i, j = raw.source_tokens
    i = _whole_words(i, t)
    if j - i > 1 and t.lower[i] in RELATIVE:  # "..., which residents said killed dozens"
        i += 1
    raw.source_tokens, raw.source = (i, j), (t.start[i], raw.source[1])
    for k in range(i + 1, j):
        if t.lower[k] in RELATIVE and t.text[k - 1] == ",":
            end = k - 1
            while end > i and t.pos[end - 1] == "PUNCT":
                end -= 1
            if end > i:
                raw.source_tokens = (i, end)
                raw.source = (t.start[i], t.end[end - 1])
            return


def _whole_words(i: int, t: Tokens) -> int:
    """Move a start left over a split hyphenated word: "-Kremlin" -> "Anti-Kremlin"."""
    while i > 0 and t.end[i - 1] == t.start[i]:  # no space between: one word
        if not (t.text[i].startswith("-") or t.text[i - 1] == "-"):
            break
        i -= 1
    return i


def relative_clause_content(raw: RawAttribution, t: Tokens) -> None:
    """'X, one of the groups that claimed the raid, insisted ...': a claim made inside a
    relative clause ends with that clause, at the next comma."""
    if raw.source_tokens is None or not raw.content:
        return
    i, j = raw.source_tokens
    subject = j - i == 1 and t.lower[i] in RELATIVE  # 'groups that claimed the raid'
    # or an object relative: '..., which they described as an Antonov, ...'
    objective = i > 1 and t.lower[i - 1] in RELATIVE and t.text[i - 2] == ","
    if not subject and not objective:
        return
    if objective and len(raw.content) > 1 and raw.content[0] == t.chars(i - 1, i):
        raw.content = raw.content[1:]  # the bare 'which' (PolNeAR's span) says nothing
    a, b = raw.content[0]
    if objective and a > raw.cue[1]:  # the content skipped past the clause: pull it back
        a = raw.cue[1] + len(t.doc_text[raw.cue[1] : b]) - len(t.doc_text[raw.cue[1] : b].lstrip())
    comma = t.doc_text.find(",", a, b)
    if comma > a:
        raw.content = [(a, comma)]


def split_contrasts(raws: list[RawAttribution], t: Tokens) -> None:
    """End a claim's content where a contrasting speaker's clause begins."""
    for raw in raws:
        if not raw.content:
            continue
        a, b = raw.content[-1]
        for other in raws:
            if other is raw or other.source_tokens is None or other.source is None:
                continue
            s0 = other.source_tokens[0]
            if not a < other.source[0] < b or s0 == 0:
                continue
            if t.lower[s0 - 1] not in CONTRAST:
                continue
            cut = s0 - 1
            while cut > 0 and t.start[cut - 1] >= a and t.pos[cut - 1] in ("PUNCT", "SPACE"):
                cut -= 1
            if cut > 0 and t.end[cut - 1] > a:
                raw.content[-1] = (a, t.end[cut - 1])
                a, b = raw.content[-1]


def content_start(text: str, a: int, b: int) -> int:
    """Skip a dateline or a cue's adverb at the start of a content span."""
    match = DATELINE.match(text[a:b])
    if match and match.end() < b - a:
        a += match.end()
    match = LEAD_ADVERB.match(text[a:b])
    return a + match.end() if match else a


# "... said He said“We are not coming ...”": a doubled attribution left by copy and paste.
_REPEATED_CUE = re.compile(r"(?:he|she|they|it|we)\s+(?:said|says|added)\s*:?\s*(?=[\"\u201c])",
                           re.IGNORECASE)
_CLOSE = {"\u201c": "\u201d", '"': '"'}
QUOTE_REACH = 600  # characters a quotation may run past the sentence it opens in


def whole_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """A content that opens a quotation runs to its closing mark, across sentences."""
    match = _REPEATED_CUE.match(text, a, b)
    if match:
        a = match.end()
    close = _CLOSE.get(text[a:a + 1])
    if close is None or close in text[a + 1:b]:
        return a, b
    end = text.find(close, a + 1, a + QUOTE_REACH)
    return (a, end + 1) if end > 0 else (a, b)


def asides(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the reporter's asides on a figure or claim inside a content a..b."""
    return [(a + m.start() + 1, a + m.end()) for m in ASIDES[0].finditer(text[a:b])]


def own_words(text: str, a: int, b: int, nested: list[tuple[int, int]]) -> str:
    """The content a..b with nested speakers' clauses and reporter's asides blanked out.

    Blanking keeps offsets, so a stance phrase can never be stitched together
    across a removed stretch.
    """
    chars = list(text[a:b])
    for x, y in nested:
        for k in range(max(x, a), min(y, b)):
            chars[k - a] = " "
    words = "".join(chars)
    for pattern in ASIDES:
        words = pattern.sub(lambda m: " " * len(m.group(0)), words)
    return words


# After a post-posed "X said," these open the reporter's own frame, not X's words:
# "Shelling killed two, officials said, as attacks intensified"; "..., Reuters
# reported, citing the governor".
FRAME = re.compile(r"^[\s,]*(?:citing|as|while|amid|even as)\b", re.I)


def content_before_source(raw: RawAttribution, raws: list[RawAttribution], t: Tokens) -> None:
    """Point a post-posed attribution's content at the clause before its source."""
    if raw.source is None or raw.source_tokens is None or not raw.content:
        return
    text = t.doc_text
    a = raw.content[0][0]
    if a < raw.cue[1] or not FRAME.match(text[raw.cue[1] : raw.content[-1][1]]):
        return
    s0 = raw.source_tokens[0]
    if s0 == 0 or t.text[s0 - 1] != ",":
        return
    left = t.start[t.sents[t.sent[s0]][0]]
    left = max(left, text.rfind("\n", 0, raw.source[0]) + 1)
    for other in raws:  # another speaker earlier in the sentence bounds the clause
        if other is not raw and other.content and other.cue[1] <= raw.source[0]:
            left = max(left, other.cue[1], other.content[-1][1])
    end = t.start[s0 - 1]
    start = left + len(text[left:end]) - len(text[left:end].lstrip(" ,\n"))
    if end - start > 10:
        raw.content = [(start, end)]


TELL = {"told", "tell", "tells", "telling"}
# "the FSB told the state news agency TASS that ...": the recipient relays the claim.
MEDIA = re.compile(
    r"\b(?:news|agency|TASS|RIA|Interfax|Reuters|AFP|AP|BBC|CNN|channel|newspaper|"
    r"television|broadcaster|radio|magazine|outlet|Times|Post|Guardian)\b",
    re.I,
)


def told_recipient(raw: RawAttribution, t: Tokens) -> tuple[int, int] | None:
    """Token span of a news outlet the speaker told: a relay of the claim."""
    i = raw.cue_tokens[1]
    if t.lower[i - 1] not in TELL or not raw.content or raw.content[0][0] < t.start[i]:
        return None
    j = i
    while j < len(t.text) and t.start[j] < raw.content[0][0]:
        if t.pos[j] in ("ADP", "PUNCT", "SCONJ", "VERB") or t.lower[j] == "that":
            break
        j += 1
    if j == i or not any(t.pos[k] == "PROPN" for k in range(i, j)):
        return None
    words = t.doc_text[t.start[i] : t.end[j - 1]]
    return (i, j) if MEDIA.search(words) else None


OWN_WORDS = {"statement", "statements", "account", "accounts", "words", "claims", "figures"}


def possessive_speaker(raw: RawAttribution, t: Tokens) -> tuple[int, int] | None:
    """'Armed groups ... launched a raid, according to their own statements': the speaker
    is the subject of the content, not "their own statements". Returns its token span."""
    if raw.kind != "according" or raw.source_tokens is None or not raw.content:
        return None
    i, j = raw.source_tokens
    if t.tag[i] != "PRP$" or t.lower[j - 1] not in OWN_WORDS or raw.content[0][1] > t.start[i]:
        return None
    a = t.index_at(raw.content[0][0])
    b = a
    while b < i and (t.pos[b] in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.lower[b] == "of"):
        b += 1
    while b > a and t.pos[b - 1] in ("DET", "ADP"):
        b -= 1
    return (a, b) if b > a and t.pos[b - 1] in ("NOUN", "PROPN") else None
