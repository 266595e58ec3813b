"""Find attributions (source, cue, content spans) from POS tags, entities and lexicons.

Find, then write (style note 2): this module only finds spans in a spaCy Doc; the
stage in :mod:`frontwire.attribution.stage` turns them into claims. No dependency
parse is needed (issue 5): a cue is a reporting verb from the lexicon, its source
is the noun phrase next to it (subject on the left, or after the verb in
"..., said the governor"), and its content is the rest of the sentence on the
other side, widened to whole quotations. Span conventions follow the PolNeAR
annotation: the cue keeps its auxiliaries and adverbs ("has also said"), an
infinitive marker ("to endorse"), particles ("talked about") and an adjacent day
or medium ("said Tuesday", "said in a statement"); the content keeps "that" and
the quotation marks but not the sentence's final period. Besides verbs, cues are
speech nouns with a that-clause ("Moscow's claim that"), attitude adjectives
("remain confident that"), "according to", sentence-opening polls ("In a new
poll, ..."), headline and transcript speakers ("Trump: ...") and signed quotes
('"..." ― Name'). Raising verbs ("seemed to", "is expected to") have no source.

Cues come from the lexicon, not a parse: verbs with a clausal complement that the
lexicon misses are cues only a quarter of the time on PolNeAR train. The sentences
that hold a verb cue are parsed afterwards (:mod:`frontwire.attribution.parse`) for
the cue's subject and the end of its complement, which the rules here only guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..countries import all_country_names
from .lexicon import CueLexicon, load_cues
from .tokens import OPEN_QUOTES, STRAIGHT, Tokens, region_at

AUX = {
    "has", "have", "had", "is", "was", "are", "were", "be", "been", "being", "will",
    "would", "could", "can", "should", "may", "might", "must", "did", "does", "do",
    "'s", "'ve", "'d", "'ll", "wo", "ca", "\u2019s", "\u2019ve", "\u2019d", "\u2019ll",
}  # fmt: skip
GROUP_ADVERBS = {
    "not", "n't", "n\u2019t", "also", "later", "then", "previously", "repeatedly", "publicly",
    "again", "now", "first", "recently", "already", "never", "often", "once", "earlier", "further",
    "privately", "openly", "separately", "subsequently", "initially", "still", "even",
    "just", "long", "always", "only", "frequently", "explicitly", "flatly", "strongly",
}  # fmt: skip
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"}
NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM"}
NP_INNER_ADP = {"of", "for", "in", "from", "at", "with", "on", "by"}
# Words that may open a quantified noun phrase: 'about half of voters'.
QUANT_ADV = {"about", "nearly", "almost", "roughly", "approximately", "around", "some"}
# Words after which a subject noun phrase may start (else an appositive guess is undone).
CLEAN_LEFT = {
    "and", "but", "or", "that", "while", "as", "because", "when", "although", "so",
    ":", ";", "\u2014", "\u2013", "\u2015", "-", "(", "\u201c", '"', "\u201d", "``", "''",
}  # fmt: skip
CONTENT_END_PUNCT = set(".!?;:, \n\u2014\u2013\u00a0")
# Tokens that can open a quotation (news wires also open with '' or a single quote).
QUOTE_START = OPEN_QUOTES | {STRAIGHT, "''", "'", "\u2018"}
# Marks that open a quotation region (see tokens.quote_regions); '' opens one in
# wire copy that uses it on both sides ('said: ''We held the line. ...''').
REGION_OPENERS = OPEN_QUOTES | {STRAIGHT, "''"}
MAX_SOURCE_TOKENS = 30
DELIMITERS = {",", "\u2014", "\u2013", "\u2015", "--"}
# Verbs whose first object is the hearer: 'told Ukrainian media that ...'.
HEARER_VERBS = {
    "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "informed",
    "assured", "urged", "urges", "urging", "warned", "warns", "warning", "reminded",
    "promised", "briefed",
}  # fmt: skip
# Verbs that put their source after them: '"...," said the governor.'
INVERTIBLE = {
    "said", "says", "say", "added", "adds", "wrote", "writes", "asked", "asks", "noted",
    "notes", "explained", "continued", "insisted", "argued", "recalled", "replied",
    "responded", "declared", "stated", "warned", "concluded", "observed", "remarked",
    "claimed", "reported", "reports", "tweeted", "posted", "quipped", "joked",
    "acknowledged", "admitted", "conceded", "predicted", "suggested", "complained",
    "announced", "cautioned", "countered", "emphasized", "stressed", "went",
}  # fmt: skip
MEDIA_NOUNS = {
    "video", "videos", "footage", "statement", "message", "photo", "photos", "images",
    "clip", "clips", "post", "posts", "report", "map", "maps", "recording", "audio",
}  # fmt: skip
_CALL = {"for", "on"}
_POINT = {"to", "out"}
_REFER = {"to"}
_ABOUT = {"about"}
_SPEAK = {"about", "out", "of"}
_OF = {"of"}  # 'warned of a catastrophe', 'boasted of gains': the object is what is said
_AGAINST = {"against"}
_OUT = {"out"}
_IN = {"in"}
_IT = {"it"}  # 'as one voter put it, ...'
_WITH = {"with"}
_FOR = {"for"}
_VOTE = {"for", "to", "against"}
# Verb + particle cues; the particle belongs to the cue.
PHRASAL = {
    "call": _CALL, "calls": _CALL, "called": _CALL, "calling": _CALL,
    "point": _POINT, "points": _POINT, "pointed": _POINT, "pointing": _POINT,
    "referring": _REFER, "referred": _REFER, "refers": _REFER, "refer": _REFER,
    "talk": _ABOUT, "talks": _ABOUT, "talked": _ABOUT, "talking": _ABOUT,
    "spoke": _SPEAK, "speaks": _SPEAK, "speaking": _SPEAK, "speak": _SPEAK,
    "rail": _AGAINST, "railed": _AGAINST, "rails": _AGAINST, "railing": _AGAINST,
    "lash": _OUT, "lashed": _OUT, "lashes": _OUT, "lashing": _OUT,
    "push": _CALL, "pushed": _CALL, "pushes": _CALL, "pushing": _CALL,
    "laid": _OUT, "lays": _OUT, "weighed": _IN, "weighs": _IN, "sided": _WITH,
    "warn": _OF, "warns": _OF, "warned": _OF, "warning": _OF, "boast": _OF, "boasts": _OF,
    "boasted": _OF, "boasting": _OF, "complain": _OF, "complains": _OF, "complained": _OF,
    "sides": _WITH, "voted": _VOTE, "votes": _VOTE, "advocate": _FOR, "advocated": _FOR,
    "advocates": _FOR, "advocating": _FOR, "put": _IT, "puts": _IT,
}  # fmt: skip
# Particles that join the cue verb before its content.
CUE_PARTICLES = {"about", "against", "out"}
# A content ending in an abbreviation keeps its period: "U.S.", "D.C.", "Jr.".
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.)$")
CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d$")
ATTACK_VERBS = {
    "attack", "attacks", "attacked", "attacking", "blast", "blasts", "blasted", "blasting",
}  # fmt: skip
REASONS = {"over", "as", "that"}  # 'attacked X over ...', '... as reckless'; 'for' is checked
DURATIONS = {"hours", "days", "weeks", "months", "years", "minutes", "a", "an", "several", "some"}
COUNT_NOUNS = {
    "toll", "losses", "casualties", "number", "figure", "dead", "death", "deaths", "count",
    "cost", "damage",
}  # fmt: skip
REFUSE_VERBS = {"refuse", "refuses", "refused", "refusing", "decline", "declines", "declined",
                "declining"}
# Acts of saying that a refusal may name: 'declined to comment', 'refused to answer'.
SPEECH_ACTS = {"comment", "answer", "speculate", "elaborate", "specify", "name", "identify",
               "discuss", "disclose", "give", "provide", "release", "rule", "apologize",
               "apologise", "retract", "endorse", "condemn", "disavow", "recognize", "sign"}
THREATEN_VERBS = {"threaten", "threatens", "threatened", "threatening"}
DEFEND_VERBS = {"defend", "defends", "defended", "defending"}
# What troops hold: 'defended the plant', 'defending their positions'.
GROUND_NOUNS = {
    "plant", "city", "town", "village", "positions", "position", "lines", "line", "border",
    "frontline", "front", "bridgehead", "airport", "base", "outpost", "checkpoint", "bridge",
    "port", "region", "territory", "area", "district", "perimeter", "trenches", "heights",
}  # fmt: skip
FINDING = {"found", "seen", "shown", "discovered", "spotted", "heard"}
ADD_FORMS = {"add", "adds", "added", "adding"}
COMMISSIVE = {"pledge", "pledges", "pledged", "pledging"}
POLL_NOUNS = {"poll", "polls", "survey", "surveys", "polling"}
# 'said in a statement', 'says in an interview': the medium joins the cue (PolNeAR).
STATEMENT_GAP = re.compile(
    r"\s+in (?:a|an|the|his|her|their|its) (?:\w+ )?(?:statement|interview)\b"
    r"(?: (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)?"
)
# A dateline opening the lead: "MOSCOW, 12 March (RIA Rusinform) - ", "KYIV (Wire) - ".
DATELINE = re.compile(
    r"^[A-Z][A-Z .'/-]{2,40}(?:,[^\n\-\u2013\u2014]{1,40})?"
    r"(?:\s*\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
)
# A mixed-case dateline needs its agency: "New York (AFP) - ".
AGENCY_DATELINE = re.compile(
    r"^[A-Z][\w .'/-]{2,40}(?:,[^\n\-\u2013\u2014]{1,40})?\s*\([^)]{1,40}\)\s*[-\u2013\u2014]+\s+"
)
# Verbs that take a that-clause without reporting anything: 'ensure that', 'given that'.
NOT_THAT_CUES = {
    "given", "ensure", "ensures", "ensured", "ensuring", "mean", "means", "meant", "meaning",
    "provided", "providing", "assuming", "so", "being", "been", "be", "is", "was", "are",
    "were", "emerged", "emerges", "guaranteed", "guarantee", "make", "makes", "made",
    "making", "see", "seeing", "saw",
}  # fmt: skip
# Speech and attitude nouns that report a view when a that-clause follows.
NOUN_CUES = {
    "claim", "claims", "statement", "statements", "warning", "warnings", "fear", "fears",
    "hope", "hopes", "allegation", "allegations", "promise", "promises", "pledge", "pledges",
    "insistence", "announcement", "report", "reports", "prediction", "predictions",
    "admission", "rumor", "rumors", "rumours", "speculation", "complaint", "complaints",
    "estimate", "estimates", "worry", "worries", "signal",
}  # fmt: skip
CLOSING = {"\u201d", "''", '"', "'", "\u2019"}
QUANTIFIERS = {
    "some", "many", "most", "all", "none", "each", "several", "few", "both", "any", "one",
}  # fmt: skip
# Attitude adjectives after a linking verb: 'remain confident that', 'is worried about'.
ATTITUDE_ADJECTIVES = {
    "confident", "hopeful", "optimistic", "pessimistic", "sure", "certain", "convinced",
    "worried", "concerned", "skeptical", "sceptical", "aware", "eager", "adamant",
    "unsure", "uncertain", "doubtful", "afraid", "fearful", "angry", "upset", "critical",
}  # fmt: skip
LINKING = {
    "is", "are", "was", "were", "be", "been", "being", "'s", "\u2019s", "'re", "\u2019re",
    "remain", "remains", "remained", "seem", "seems", "seemed", "feel", "feels", "felt",
    "appear", "appears", "appeared", "become", "became", "sounded", "looked", "grew",
}  # fmt: skip
ADJECTIVE_LINKS = {"that", "about", "of", "in", "how", "whether", "what", "why", "where"}
SIGNATURE_DASHES = {"\u2015", "\u2014", "\u2013", "-", "--"}
RAISING = {"seem", "seems", "seemed", "appear", "appears", "appeared"}
# Adverbs that do not join a cue verb group ("as he said", "so she says").
NOT_GROUP_ADVERBS = {"so", "as", "too", "there", "here", "how", "when", "why", "where", "thus"}
OF_VERBS = {"warned", "warns", "warning", "reminded", "informed", "assured", "briefed"}
CLAUSE_BREAK = {
    "but", "while", "whereas", "compared", "although", "though", "even", "assuming",
}  # fmt: skip
# Words opening a sentence's frame, not its reported part: 'As for the talks, he said, ...'.
FRAME_OPENERS = {"as", "during", "asked"}
# Words opening the narrator's clause after a post-posed source ('..., he said, as ...'),
# as in tidy.FRAME; 'since', 'because' and participles go on with the speaker's words.
NARRATOR_OPENERS = {"as", "while", "amid", "whereas", "citing"}
# Words opening the complement of a passive cue ('criticized for', 'known as').
PASSIVE_LINKS = {"to", "for", "as", "over", "of", "on"}
HAVE = {"has", "have", "had"}  # 'has to remind' completes the cue
BE = {"is", "was", "are", "were", "be", "been", "being", "'s", "'re"}
EMBEDDABLE_KINDS = {"verb", "inherited", "raising", "passive"}
# Reporting verbs that stay cues inside another attribution's content (see
# Extractor._drop_embedded_attitudes); PolNeAR marks nested speech, not nested views.
NESTED_SPEECH = INVERTIBLE | {
    "told", "tell", "tells", "telling", "saying", "adding", "denied", "denies", "deny",
    "denying", "confirmed", "confirms", "accused", "accuses", "accusing", "called", "calling",
}  # fmt: skip
OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "you"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
# Verbs whose infinitive states a purpose, not what is said: 'voted to endorse'.
PURPOSE_VERBS = {
    "voted", "votes", "vote", "spoke", "speaks", "came", "come", "comes", "went", "go", "goes",
    "met", "meet", "meets", "called", "calls", "traveled", "travelled", "gathered", "rallied",
    "used", "uses", "use", "paid", "pays", "worked", "works", "is", "was", "are", "were", "be",
    "been",
}  # fmt: skip
# Words that label a line rather than name a speaker: 'Update: ...', 'Photo: ...'.
LINE_LABELS = {
    "update", "updated", "breaking", "note", "photo", "photos", "video", "watch", "read",
    "see", "source", "sources", "live", "latest", "exclusive", "analysis", "opinion",
    "correction", "warning", "editor", "editors", "related", "listen", "map", "timeline",
    "explainer", "factbox", "graphic", "review", "interview", "transcript", "subscribe",
    "revealed", "bombshell", "notice", "q", "a", "verdict", "rating", "context", "background",
}  # fmt: skip


def after_dateline(t: Tokens, start: int, end: int) -> int:
    """First token of a source after a dateline it opens with ('KYIV (Reuters) - Ukraine's
    air force said'): the dateline places the story, it does not speak."""
    text = t.doc_text[t.start[start] : t.end[end - 1]]
    match = DATELINE.match(text) or AGENCY_DATELINE.match(text)
    if match is None:
        return start
    cut = t.start[start] + match.end()
    k = start
    while k < end - 1 and t.start[k] < cut:
        k += 1
    return k


@dataclass
class RawAttribution:
    """One attribution found in a document; spans are character offsets."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    sentence: int
    kind: str = "verb"  # "verb" | "according" | "inherited" (source taken from a cue before)
    cue_tokens: tuple[int, int] = (0, 0)
    source_tokens: tuple[int, int] | None = None
    cited: list[tuple[int, int]] = field(default_factory=list)  # "citing X" origins


class Extractor:
    """Finds attributions in one flattened document."""

    def __init__(self, toks: Tokens, cues: CueLexicon | None = None) -> None:
        self.t = toks
        self.cues = cues or load_cues()
        self.regions = toks.regions

    # ---- cues -------------------------------------------------------------
    def is_cue(self, i: int) -> bool:
        t = self.t
        low = t.lower[i]
        if t.quoted[i] or not t.tag[i].startswith("VB"):
            return False
        other_sense = OTHER_SENSES.get(low)
        if other_sense is not None and other_sense(self, i):
            return False  # 'bodies were found', 'refused to leave', 'defended the plant'
        if low in ATTACK_VERBS:
            return self._verbal_attack(i)
        if low in ADD_FORMS and i + 1 < len(t) and (
            t.lower[i + 1] in ("to", "more", "another") or t.pos[i + 1] == "NUM"
        ):
            return self._introduces_speech(i)  # 'added to her lead', 'added 5 million users'
        if low in self.cues.strong:
            return not self._attributive(i)
        if low in ("tell", "tells") and self._tells_someone(i):
            return True  # 'Sources in the General Staff tell us the offensive will begin'
        if low in ("put", "puts", "putting") and self._puts_a_figure(i):
            return True  # 'Local authorities put the death toll at 23'
        if low in PHRASAL and i + 1 < len(t) and t.lower[i + 1] in PHRASAL[low]:
            return True  # 'called for a ceasefire', 'pointed to the losses'
        if low in ("called", "calls", "calling"):
            return self._calls_something(i)

        if self._takes_that_clause(i):
            return True  # 'ruled that', 'clarified that': a that-clause reports a view
        if low in self.cues.weak:
            s1 = t.sents[t.sent[i]][1]
            if low in COMMISSIVE and i + 2 < s1 and t.lower[i + 1] == "to" and t.tag[i + 2] == "VB":
                return True  # 'pledged to retake the city': a promise reports an intention
            # 'posted a video showing ...', 'published footage of ...': media objects.
            if any(t.lower[k] in MEDIA_NOUNS for k in range(i + 1, min(s1, i + 5))):
                return True
            return self._introduces_speech(i)
        return False

    def _introduces_speech(self, i: int) -> bool:
        """A that-clause, a quotation or a colon follows the verb, or a quotation ends
        just before it and its subject."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        nxt = self._skip_adverbials(i + 1, s1)
        if nxt < len(t) and (t.lower[nxt] in ("that", ":") or t.text[nxt] in QUOTE_START):
            return True
        return self._after_quote(i)

    def _verbal_attack(self, i: int) -> bool:
        """'attacked Clinton over her emails', 'blasted the plan as reckless' criticise;
        'Rebels attacked the army base', 'was attacked near the checkpoint' are violence,
        the events stage's business. Words attack when a reason or verdict follows the
        object ('over', 'for', 'as'), a quotation or 'that' does, or a named person
        attacks a named person."""
        t = self.t
        s0, s1 = t.sents[t.sent[i]]
        for k in range(i + 2, min(s1, i + 9)):  # after at least a one-word object
            if t.lower[k] in REASONS or self._reason_for(k, s1):
                return True
            if t.tag[k].startswith("VB") or t.text[k] in (",", ";"):
                break
        if any(t.text[k] in QUOTE_START for k in range(i + 1, min(s1, i + 4))):
            return True
        subject = self.left_source(self.group(i)[0])
        if subject is None or t.ent[subject[1] - 1] != "PERSON" or i + 1 >= s1:
            return False
        return t.ent[i + 1] == "PERSON" or t.lower[i + 1] in OBJECT_PRONOUNS

    def _reason_for(self, k: int, s1: int) -> bool:
        """'for its slow response' gives a reason; 'for hours', 'for two days' a duration."""
        t = self.t
        if t.lower[k] != "for" or k + 1 >= s1:
            return False
        return t.ent[k + 1] not in ("DATE", "TIME", "CARDINAL") and t.lower[k + 1] not in DURATIONS

    def _tells_someone(self, i: int) -> bool:
        """'tell us the offensive will begin', 'tells reporters that ...': a hearer and
        then a clause (unlike 'tell the truth', 'hard to tell')."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        k = i + 1
        if k >= s1 or t.lower[k] not in OBJECT_PRONOUNS | {"reporters", "journalists"}:
            return False
        k += 1
        if k < s1 and t.lower[k] == "that":
            return True
        return k < s1 and any(t.tag[x] in FINITE for x in range(k + 1, min(s1, k + 7)))

    def _puts_a_figure(self, i: int) -> bool:
        """'put the death toll at 23', 'puts its losses at six dead': an estimate given."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        counted = False
        for k in range(i + 1, min(s1, i + 8)):
            counted = counted or t.lower[k] in COUNT_NOUNS
            if t.lower[k] == "at" and k + 1 < s1:
                return counted and any(t.pos[x] == "NUM" for x in range(k + 1, min(s1, k + 5)))
            if t.tag[k].startswith("VB"):
                return False
        return False

    def _took_lives(self, i: int) -> bool:
        """'The strike claimed the lives of 12 people', 'claimed at least 40 lives': the
        strike killed them; it did not say anything."""
        t = self.t
        if t.lower[i] not in ("claim", "claims", "claimed", "claiming"):
            return False
        s1 = t.sents[t.sent[i]][1]
        for k in range(i + 1, min(s1, i + 8)):
            if t.lower[k] in ("life", "lives"):
                return True
            if t.lower[k] == "that" or t.tag[k].startswith("VB") or t.text[k] in QUOTE_START:
                return False
        return False

    def _refuses_to_speak(self, i: int) -> bool:
        """'refused to comment', 'declined to confirm': the refused act is itself one of
        saying; 'refused to leave', 'attacks declined sharply' are not."""
        t = self.t
        if i + 2 >= len(t) or t.lower[i + 1] != "to" or t.tag[i + 2] != "VB":
            return False
        verb = t.lower[i + 2]
        return verb in self.cues.strong or verb in self.cues.weak or verb in SPEECH_ACTS

    def _threatens_to(self, i: int) -> bool:
        """'threatened to storm the town', 'threatened them with arrest', 'threatened that
        ...' announce a threat; 'the fire threatened nearby homes' endangers them."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        for k in range(i + 1, min(s1, i + 7)):
            if t.lower[k] == "to" and k + 1 < s1 and t.tag[k + 1] == "VB":
                return True
            if t.lower[k] in ("with", "that") or t.text[k] in QUOTE_START:
                return True
        return self._introduces_speech(i)

    def _holds_ground(self, i: int) -> bool:
        """'defended the plant', 'defend Kharkiv', 'defending their positions': a place
        or a line held by force (unlike 'defended the decision')."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        end = min(s1, self._skip_np(i + 1, s1))
        held = range(i + 1, end)
        return any(t.lower[k] in GROUND_NOUNS or t.ent[k] in ("GPE", "LOC", "FAC") for k in held)

    def _byline_or_tally(self, i: int) -> bool:
        """'(Reporting by David Bailey; Editing by ...)' credits the journalists and
        'with 95 percent of precincts reporting' counts returns: nobody says anything."""
        t = self.t
        low = t.lower[i]
        if low in ("reporting", "writing", "editing") and i + 1 < len(t) and t.lower[i + 1] == "by":
            return True
        return low == "reporting" and i > 0 and t.lower[i - 1] == "precincts"

    def _found_thing(self, i: int) -> bool:
        """'Three bodies were found in the village', 'a population found in Europe': a
        thing found or seen, not a finding reported (that needs 'that' or 'to')."""
        t = self.t
        if t.lower[i] not in FINDING or t.tag[i] != "VBN":
            return False
        s0, s1 = t.sents[t.sent[i]]
        passive = any(t.lower[x] in BE for x in range(self._auxiliaries(i, s0), i))
        reduced = i > s0 and t.pos[i - 1] in ("NOUN", "PROPN")
        if not (passive or reduced):
            return False
        nxt = self._skip_adverbials(i + 1, s1)
        return not (nxt < s1 and t.lower[nxt] in ("that", "to"))

    def _takes_that_clause(self, i: int) -> bool:
        t = self.t
        return (
            i + 1 < len(t)
            and t.lower[i + 1] == "that"
            and t.tag[i + 1] == "IN"
            and t.pos[i] == "VERB"
            and t.lower[i] not in NOT_THAT_CUES
        )

    def _after_quote(self, i: int) -> bool:
        """'"...," he continued.': a quotation just before the verb and its subject."""
        t = self.t
        s0 = t.sents[t.sent[i]][0]
        for k in range(i - 1, max(s0, i - 5) - 1, -1):
            if t.text[k] in ("\u201d", "''", '"') or (t.text[k] == "'" and k > s0):
                return True
            if t.pos[k] not in ("PRON", "PROPN", "NOUN", "DET", "ADJ", "PUNCT", "ADV"):
                return False
        return False

    def _calls_something(self, i: int) -> bool:
        """'called the strike "a war crime"', 'called it a provocation': a verdict, unlike
        'a unit called Rusich'."""
        t = self.t
        s1 = t.sents[t.sent[i]][1]
        if i + 1 < s1 and t.lower[i + 1] in ("it", "him", "her", "them", "this", "that"):
            return True
        if any(t.text[k] in QUOTE_START for k in range(i + 1, min(s1, i + 14))):
            return True
        # 'has called climate change a hoax', 'called the charges unsubstantiated': a
        # finite verb, an object, then a verdict (not 'a unit called Rusich').
        if t.tag[i] == "VBN" and not (i > 0 and t.lower[i - 1] in AUX):
            return False
        end = self._skip_np(i + 1, s1)
        return end > i + 1 and end < s1 and (
            t.tag[end] == "JJ" or (t.lower[end] in ("a", "an") and self._skip_np(end, s1) > end)
        )

    def _attributive(self, i: int) -> bool:
        """'the reported attack', 'a said agreement': a participle used as an adjective."""
        t = self.t
        if t.tag[i] != "VBN" or i == 0:
            return False
        if t.lower[i - 1] in MEDIA_NOUNS and t.lower[i] != "said":
            return True  # 'in a statement broadcast on state television', 'a video posted'
        if t.pos[i - 1] == "NOUN" and t.tag[i - 1] == "NNS" and t.lower[i] != "said":
            return True  # 'people accused of rape', 'Americans worried about ...'
        return t.pos[i - 1] in ("DET", "ADJ") and i + 1 < len(t) and t.pos[i + 1] == "NOUN"

    def group(self, i: int) -> tuple[int, int]:
        """The verb group around cue ``i``: auxiliaries and adverbs to its left."""
        t = self.t
        s0 = t.sents[t.sent[i]][0]
        j = i
        if t.pos[i] == "ADJ":  # 'remain (far less) confident': the linking verb leads
            while j - 1 >= s0 and t.pos[j - 1] in ("ADV", "PART"):
                j -= 1
            if j - 1 >= s0 and t.lower[j - 1] in LINKING:
                j -= 1
        j = self._auxiliaries(j, s0)
        if j - 1 >= s0 and t.tag[j - 1] == "TO" and t.tag[i] == "VB":
            j -= 1  # PolNeAR keeps the infinitive marker: 'to endorse', 'went on to say'
            j = self._governing_verb(j, s0)
        if t.lower[i] in PHRASAL and i + 1 < len(t) and t.lower[i + 1] in PHRASAL[t.lower[i]]:
            return j, i + 2
        if t.lower[i] in ("made", "make", "makes", "making") and i + 1 < len(t):
            if t.lower[i + 1] == "clear":
                return j, i + 2
            if i + 2 < len(t) and t.lower[i + 1] == "it" and t.lower[i + 2] == "clear":
                return j, i + 3  # 'made it clear'
        if t.pos[i] == "ADJ" and i + 1 < len(t) and t.lower[i + 1] in ("about", "in", "of"):
            return j, i + 2  # 'is worried about', 'remain confident in'
        if i + 2 < len(t) and t.lower[i + 1] in CUE_PARTICLES and t.pos[i + 2] != "NUM":
            return j, i + 2  # 'talked about', 'railed against', 'lashed out'
        return j, i + 1

    def _auxiliaries(self, j: int, s0: int) -> int:
        """Start of the auxiliaries and adverbs left of verb group start ``j``."""
        t = self.t
        while j - 1 >= s0 and (
            t.lower[j - 1] in AUX
            or t.tag[j - 1] == "MD"
            or (t.lower[j - 1] in GROUP_ADVERBS and t.pos[j - 1] in ("ADV", "PART"))
            or (t.tag[j - 1] == "RB" and t.lower[j - 1] not in NOT_GROUP_ADVERBS)
        ):
            j -= 1
        return j

    def _governing_verb(self, to: int, s0: int) -> int:
        """PolNeAR's cue for an infinitive includes the verb it completes: 'declined to
        speculate', 'went on to say', 'has continued to insist'."""
        t = self.t
        k = to - 1
        while k >= s0 and (t.tag[k] == "RP" or (t.tag[k] == "RB" and t.lower[k] != "not")):
            k -= 1  # 'went on to say', 'refused repeatedly to say'
        if k >= s0 and t.lower[k] in ("able", "unable") and not t.quoted[k]:
            return self._auxiliaries(k, s0)  # 'have not been able to confirm'
        if k < s0 or not t.tag[k].startswith("VB") or t.quoted[k]:
            return to
        went_on = t.tag[k + 1] == "RP"  # 'went on to say'
        if t.tag[k] == "VBN" and k > s0 and t.lower[self._auxiliaries(k, s0)] in BE:
            return to  # 'is expected to endorse': the passive is a cue of its own
        if (t.lower[k] in PURPOSE_VERBS and not went_on) or t.lower[k] in AUX - HAVE:
            return to  # 'voted to endorse', 'spoke anonymously to discuss': a purpose
        return self._auxiliaries(k, s0)

    # ---- sources ----------------------------------------------------------
    def left_source(self, g0: int) -> tuple[int, int] | None:
        """Subject noun phrase ending just before the verb group."""
        t = self.t
        s0 = t.sents[t.sent[g0]][0]
        j = g0 - 1
        while j > s0 and t.pos[j] == "SPACE" and "\n" not in t.text[j]:
            j -= 1  # 'the\xa0Daily News\xa0claims'
        if j < s0:
            return None
        if t.pos[j] == "ADV" and j - 1 >= s0 and t.pos[j - 1] in ("PROPN", "NOUN", "PRON"):
            j -= 1  # 'Carter however said'
        if t.lower[j] in SUBJECT_PRONOUNS and t.pos[j] == "PRON":
            return (j, j + 1)
        if t.text[j] in DELIMITERS:
            cited = self._citing_aside(j, s0)
            if cited is not None:
                return cited
            return self._parenthetical_subject(j, s0)
        start = self._np_left(j, s0)
        if start is None:
            return None
        if start < j and t.tag[start] == "WDT":
            start += 1  # 'which officials said': the relative pronoun is the content's
        while start < j and CLOCK.match(t.text[start]):
            start += 1  # a live blog's '14:35 Ukraine's air force said': the time stamps the entry
        start = after_dateline(t, start, j + 1)
        # 'The Legion, the Volunteer Corps and the Battalion said': a comma list.
        if any(t.pos[k] == "CCONJ" for k in range(start, j)):
            while start - 2 >= s0 and t.text[start - 1] == ",":
                prev = self._np_left(start - 2, s0)
                if prev is None or not self._clean_left(prev, s0):
                    break
                start = prev
        return (start, j + 1)

    def _np_left(self, j: int, s0: int) -> int | None:
        """Start token of the noun phrase ending at token ``j`` (inclusive)."""
        t = self.t
        if t.text[j] == ")":  # 'the Federal Security Service (FSB) said'
            opening = self._paren_open(j, s0)
            if opening is None:
                return None
            return self._np_left(opening - 1, s0)
        if not self._np_token(j) or t.pos[j] in ("DET", "ADJ"):
            return None
        i = j
        while i - 1 >= s0 and j - i < MAX_SOURCE_TOKENS:
            k = i - 1
            if self._np_token(k) or t.tag[k] in ("POS", "HYPH", "PRP$") or t.text[k] == "'s":
                i = k
            elif t.pos[k] == "SPACE" and "\n" not in t.text[k]:
                i = k
            elif t.text[k] == ")" and (opening := self._paren_open(k, s0)) is not None:
                i = opening  # 'Rep. Steve Israel (D-N.Y.) said'

            elif t.tag[k] in ("VBN", "VBG") and k - 1 >= s0 and t.tag[k - 1] == "HYPH":
                i = k  # 'state-run', 'Kremlin-backed'
            elif t.tag[k] in ("VBN", "VBG") and t.pos[i] == "PROPN" and t.pos[k - 1] == "DET":
                i = k  # 'the exiled Navalny', 'the embattled Khodorkovsky'
            elif self._np_glue(k, i, s0):
                i = k

            elif (
                t.pos[k] == "CCONJ"
                and k - 1 >= s0
                and self._np_token(k - 1)
                and not (t.pos[k - 1] == "NOUN" and t.pos[i] == "PROPN")
            ):  # 'Sanders and Clinton', not 'asked for a photo and Clinton said'
                i = k
            elif (
                t.lower[k] in NP_INNER_ADP
                and k - 1 >= s0
                and (t.pos[k - 1] in ("NOUN", "PROPN") or self._postmodifier(k - 1, s0))
                and t.pos[i] in NP_POS
                and t.ent[i] not in ("DATE", "TIME")
            ):
                i = k
            elif t.lower[i] in NP_INNER_ADP and self._postmodifier(k, s0):
                i = k  # 'volunteers [fighting] on Ukraine's side'

            elif t.lower[k] in QUANT_ADV and t.pos[i] in ("NUM", "DET", "NOUN", "ADJ"):
                i = k
            else:
                break
        while i <= j and t.pos[i] in ("CCONJ", "ADP"):
            i += 1
        return i if i <= j else None

    def _np_glue(self, k: int, i: int, s0: int) -> bool:
        """Tokens that join a noun phrase leftwards from ``i``: "Sanders' aides",
        'Democratic registered voters', 'Six in 10', 'Reuters/Ipsos poll'."""
        t = self.t
        if k - 1 < s0:
            return False
        before, here, after = t.pos[k - 1], t.text[k], t.pos[i]
        if here in ("'", "\u2019") and t.lower[k - 1].endswith("s") and before in ("NOUN", "PROPN"):
            return after in ("NOUN", "PROPN", "ADJ")
        if t.tag[k] == "VBN" and after == "NOUN" and before in ("ADJ", "DET", "NUM", "PROPN"):
            return True
        if here == "in" and before == "NUM" and after == "NUM":
            return True
        return here == "/" and before == "PROPN" and after == "PROPN"

    def _postmodifier(self, k: int, s0: int) -> bool:
        """A participle right after a noun: 'volunteers fighting', 'units based'."""
        t = self.t
        return t.tag[k] in ("VBG", "VBN") and k - 1 >= s0 and t.pos[k - 1] in ("NOUN", "PROPN")

    def _paren_open(self, close: int, s0: int) -> int | None:
        t = self.t
        for k in range(close - 1, max(s0, close - 8) - 1, -1):
            if t.text[k] == "(":
                return k if k - 1 >= s0 and t.pos[k - 1] == "PROPN" else None
        return None

    def _np_token(self, k: int) -> bool:
        t = self.t
        if t.quoted[k]:
            return False
        return t.pos[k] in NP_POS or t.tag[k] == "PRP$"

    def _citing_aside(self, delim: int, s0: int) -> tuple[int, int] | None:
        """'Rybar, citing sources in the military, said': the subject is before the aside."""
        t = self.t
        k = delim - 1
        while k > s0 and t.text[k] not in DELIMITERS:
            k -= 1
        if k <= s0 or t.lower[k + 1] != "citing":
            return None
        start = self._np_left(k - 1, s0)
        return (start, k) if start is not None else None

    def _parenthetical_subject(self, delim: int, s0: int) -> tuple[int, int] | None:
        """'Andriy Yusov, spokesman for the agency, told', 'X, which ..., said' and
        'Jason Sims — a teacher — says': walk back over delimited segments to a name.

        The source keeps its appositives and their closing delimiter (as PolNeAR
        annotates) but not a trailing relative clause.
        """
        t = self.t
        end = delim + 1  # source end (exclusive): PolNeAR keeps the closing delimiter
        p = delim
        named = None  # start of the last comma-delimited noun phrase walked over
        for _ in range(4):
            k = p - 1
            while k >= s0 and t.text[k] not in DELIMITERS and p - k < MAX_SOURCE_TOKENS:
                if t.text[k] in QUOTE_START or t.text[k] == "\u201d":
                    break  # a quotation ends the subject: '"...," Sarandon, 69, told'
                k -= 1
            seg = (k + 1, p)
            if seg[0] >= seg[1]:
                return None
            head = self._np_left(p - 1, seg[0])
            after_quote = k - 1 >= s0 and t.text[k - 1] in ("\u201d", '"', "''", "'")
            if k < s0 or t.text[k] not in DELIMITERS or after_quote:
                # Reached the sentence start: the segment must be the head noun phrase.
                if head is not None and head <= seg[0] + 1:
                    if after_quote or self._clean_left(head, s0):
                        return (head, end)
                if named is not None and any(t.tag[x] in FINITE for x in range(*seg)):
                    return (named, end)  # see below: a content clause, then the source
                if t.pos[seg[0]] in ("ADP", "SCONJ") and p + 1 < delim:
                    # 'In a statement posted on Facebook, the army's spokesman, X, said':
                    # an opening adverbial, then the source.
                    return (p + 1, end)
                return None
            if t.lower[seg[0]] in ("who", "which"):
                pass  # 'Joe Bateman, who traveled from Illinois, says': PolNeAR keeps it
            elif (
                head == seg[0]
                and self._has_name(seg)
                and t.text[k] in (",",)
                and (k - 1 < s0 or not self._np_token(k - 1) or t.pos[k - 1] == "DET")
            ):
                return (head, end)
            elif self._relative_appositive(seg):
                pass  # 'Parker Eaton, a Republican who voted for Clinton, said': walk on
            elif any(t.tag[x] in FINITE for x in range(*seg)):
                # 'Two died, the governor of the region, Vyacheslav Gladkov, said': the
                # clause before the appositives is the content, they are the source.
                return (named, end) if named is not None else None
            if (
                t.text[k] == ","
                and head == seg[0]
                and self._has_name(seg)
                and t.ent[p - 1] not in ("GPE", "LOC", "DATE", "TIME")  # 'in Tulsa, Oklahoma,'
            ):
                named = head
            else:
                named = None
            p = k
        return None

    def _relative_appositive(self, seg: tuple[int, int]) -> bool:
        """A noun phrase with a relative clause: 'a nominal Republican who voted ...'."""
        t = self.t
        rel = next((x for x in range(*seg) if t.lower[x] in ("who", "whose")), None)
        if rel is None:
            # 'X, one of the groups that claimed the raid, insisted'
            rel = next((x for x in range(*seg) if t.lower[x] in ("that", "which")), None)
            if rel is not None and (
                rel == seg[0]
                or t.pos[rel - 1] not in ("NOUN", "PROPN")
                or any(t.tag[x] in FINITE for x in range(seg[0], rel))
            ):
                return False
            return rel is not None and t.pos[seg[0]] in ("NUM", "DET", "NOUN", "PROPN", "ADJ")
        if rel is None or rel == seg[0]:
            return False
        return self._np_left(rel - 1, seg[0]) == seg[0]

    def _has_name(self, seg: tuple[int, int]) -> bool:
        return any(self.t.pos[x] in ("PROPN", "NOUN") for x in range(*seg))

    def _clean_left(self, i: int, s0: int) -> bool:
        if i == s0:
            return True
        prev = self.t.lower[i - 1]
        return prev in CLEAN_LEFT or self.t.pos[i - 1] in ("SCONJ", "CCONJ", "SPACE")

    def appositive_left(self, src: tuple[int, int]) -> tuple[int, int]:
        """Widen 'Roman Starovoit' to 'The governor of the Kursk region, Roman Starovoit'."""
        t = self.t
        i, j = src
        s0 = t.sents[t.sent[i]][0]
        if i - 2 < s0 or t.text[i - 1] != "," or t.pos[i] != "PROPN":
            return src
        start = self._np_left(i - 2, s0)
        if start is None or not self._clean_left(start, s0):
            return src
        # A title names its holder ('The governor ..., Roman Starovoit'); a name or a
        # time before the comma is a separate phrase ('In the years since the
        # shootings, Barden says', 'Cruz, Blackwell wrote').
        if t.pos[i - 2] != "NOUN" or any(t.ent[x] in ("DATE", "TIME") for x in range(start, i)):
            return src
        if start > s0 and (t.pos[start - 1] == "SCONJ" or t.text[start - 1] in CLOSING):
            return src  # '"...," the dawn of a movement, Bozell says': not a title
        return (start, j)

    def right_source(self, g1: int, s1: int) -> tuple[int, int] | None:
        """Source after the verb: '..., said Rick Wilson, a Republican strategist.'"""
        t = self.t
        if g1 >= s1:
            return None
        if t.lower[g1] in ("he", "she", "they", "i", "we") and t.pos[g1] == "PRON":
            return (g1, g1 + 1)
        if not (self._np_token(g1) and t.pos[g1] in ("PROPN", "NOUN", "DET", "ADJ", "NUM")):
            return None
        k = g1
        relative = False
        while k < s1 and k - g1 < MAX_SOURCE_TOKENS:
            low = t.lower[k]
            if t.text[k] in OPEN_QUOTES or t.text[k] == STRAIGHT:
                break
            if low in ("who", "whose") and k > g1:
                relative = True  # 'said Biden, who served as a senator for 36 years'
            if relative:
                if low == "," and k + 1 < s1 and t.tag[k + 1] == "VBG":
                    break  # '..., who supports Trump, asking for anonymity'
                k += 1
                continue
            if (
                low == ","
                and k + 1 < s1
                and (t.text[k + 1] in OPEN_QUOTES or t.pos[k + 1] in ("VERB", "SCONJ", "PRON"))
            ):
                break
            if t.pos[k] in ("VERB", "AUX") and k > g1 and not self._postmodifier(k, g1):
                break
            k += 1
        while k > g1 and (t.text[k - 1] in CONTENT_END_PUNCT or t.pos[k - 1] == "SPACE"):
            k -= 1
        if k == g1 or not any(t.pos[x] in ("PROPN", "NOUN", "PRON") for x in range(g1, k)):
            return None
        # An inverted source closes the clause: '..., said the governor.' A verb after
        # it means the words were the content ('said Clinton's response was ...').
        rest = k
        while rest < s1 and t.pos[rest] in ("PUNCT", "SPACE") and t.text[rest] not in ",":
            rest += 1
        if rest < s1 and t.text[rest] != "," and t.text[rest] not in OPEN_QUOTES:
            return None
        return (g1, k)

    # ---- content ----------------------------------------------------------
    def _skip_adverbials(self, i: int, s1: int) -> int:
        """Skip 'on Tuesday', 'in a statement' between a cue and its content."""
        t = self.t
        # After an adverbial ("said on Tuesday that"), a "that" close ahead with no verb
        # before it marks where the content begins.
        lead = i < s1 and (t.pos[i] == "ADP" or t.ent[i] in ("DATE", "TIME") or t.text[i] == ",")
        for k in range(i, min(s1, i + 14) if lead else i):
            if t.lower[k] == "that" and t.tag[k] in ("IN", "WDT", "DT"):
                return k
            if t.tag[k].startswith("VB") or t.text[k] in OPEN_QUOTES or t.text[k] == STRAIGHT:
                break
        k = i
        while k < s1:
            if t.ent[k] in ("DATE", "TIME") and t.pos[k] != "PRON":
                k += 1
            elif (
                t.pos[k] == "ADP"
                and t.lower[k] not in ("that", "about")
                and k + 1 < s1
                and t.lower[k + 1] not in ("least", "most")  # 'at least 12 were killed'
            ):
                k = self._skip_np(k + 1, s1)
            elif t.text[k] in (",", ":") or t.pos[k] == "SPACE":
                k += 1
            else:
                break
        return k

    def _skip_np(self, k: int, s1: int) -> int:
        """End of the noun phrase starting at ``k`` ('a new article in Politico')."""
        t = self.t
        start = k
        while k < s1:
            if k > start and self._new_phrase(k):
                break
            if self._np_token(k) or t.tag[k] in ("POS", "PRP$", "HYPH"):
                k += 1
            elif (
                t.lower[k] in NP_INNER_ADP
                and k > start
                and k + 1 < s1
                and (
                    t.pos[k - 1] in ("NOUN", "PROPN", "NUM")
                    or t.lower[k - 1] in QUANTIFIERS
                    or self._postmodifier(k - 1, start)
                )
                and self._np_token(k + 1)
            ):
                k += 1  # 'a poll from Florida Atlantic University', 'some of his rivals'
            elif (
                t.pos[k] == "CCONJ"
                and k > start
                and k + 1 < s1
                and t.pos[k - 1] in ("NOUN", "PROPN")
                and self._np_token(k + 1)
            ):
                k += 1  # 'The Associated Press and television networks'
            elif k + 2 < s1 and t.tag[k + 1] == "HYPH" and t.pos[k] == "ADV":
                k += 2  # 'a just-released poll'
            elif (
                self._postmodifier(k, start)
                and k + 1 < s1
                and t.lower[k + 1] in NP_INNER_ADP
                and t.ent[k] == ""
            ):
                k += 1  # 'exit polls conducted by Edison Research'

            else:
                break
        return k

    def _new_phrase(self, k: int) -> bool:
        """Does a new noun phrase start at ``k`` ('on Tuesday | its air defences')?"""
        t = self.t
        return (t.pos[k] == "DET" or t.tag[k] == "PRP$") and t.pos[k - 1] in (
            "NOUN",
            "PROPN",
            "NUM",
        )

    def _trim_end(self, a: int, b: int) -> int:
        """Character end of content ending before ``b``: drop the final period or comma,
        keep a closing quotation mark (and what the quote encloses)."""
        text = self.t.doc_text
        while b > a and (text[b - 1] in CONTENT_END_PUNCT - {"?", "!"} or self._unopened(a, b)):
            if text[b - 1] == "." and ABBREVIATION_END.search(text, a, b):
                break  # 'to the U.S.': the period belongs to the abbreviation
            b -= 1  # a question keeps its mark, a statement loses its period
        return b

    def _unopened(self, a: int, b: int) -> bool:
        """Does a..b end on a bracket it did not open ('(... he said the strike was
        unrelated.)'): the bracket closes the writer's aside, not the content."""
        text = self.t.doc_text
        return text[b - 1] == ")" and text.count("(", a, b) < text.count(")", a, b)

    def _trim_start(self, a: int, b: int) -> int:
        text = self.t.doc_text
        while a < b and text[a] in " \n\t,:\u2014\u2013-\u00a0":
            a += 1
        return a

    def content_right(self, k: int, s1: int, end_tok: int) -> tuple[int, int] | None:
        """Content from token ``k`` to ``end_tok``; a quote opened there is followed
        past the end of the sentence."""
        k = self._skip_adverbials(self._that_after_adverb(k, s1), s1)
        return self._content_from(k, end_tok)

    def _content_from(self, k: int, end_tok: int) -> tuple[int, int] | None:
        """Content from token ``k`` itself (no adverbial skipped) to ``end_tok``."""
        t = self.t
        if k >= end_tok:
            return None
        end_tok = self._clause_end(k, end_tok)
        a = t.start[k]
        b = t.end[end_tok - 1]
        region = region_at(self.regions, a) if t.text[k] in REGION_OPENERS else None
        if region and region[1] > b:
            return (a, region[1])
        b = self._trim_end(a, b)
        if region and region[1] >= b:
            b = region[1]
        return (a, self._open_quote_end(a, b)) if b > a else None

    def _that_after_adverb(self, k: int, s1: int) -> int:
        """'said earlier on Friday during a briefing that ...': an adverb opening the
        words after the cue, then a 'that' with no verb before it, starts the content
        at the 'that'; the adverb and its phrases tell when, not what was said."""
        t = self.t
        if k >= s1 or not t.tag[k].startswith("RB") or t.quoted[k]:
            return k
        for x in range(k + 1, min(s1, k + 14)):
            if t.lower[x] == "that" and t.tag[x] == "IN":
                return x
            if t.tag[x].startswith("VB") or t.text[x] in QUOTE_START:
                break
        return k

    def _open_quote_end(self, a: int, b: int) -> int:
        """End of a content a..b that opens a quotation and stops inside it: the
        quoted words run to the closing mark ('said that Moscow "had no plans to
        attack. None at all."'), across the sentence break that cut them."""
        for start, end in self.regions:
            if start >= b:
                break
            if a < start and b < end:
                return end
        return b

    def _clause_end(self, k: int, end_tok: int) -> int:
        """Reported words end before ', but ...', ', while ...': the narrator's own
        clause that follows is not part of them."""
        t = self.t
        for x in range(k + 2, end_tok - 1):
            if t.quoted[x]:
                continue
            if t.text[x] == ";" or (t.text[x] == "," and t.lower[x + 1] in CLAUSE_BREAK):
                return x
            if t.lower[x] == "and" and self._second_predicate(k, x, end_tok):
                return x - 1 if t.text[x - 1] == "," else x
            if self._missed_sentence_end(x):
                return x + (t.text[x] in CLOSING)  # a closing mark stays with its quote
        return end_tok

    def _missed_sentence_end(self, x: int) -> bool:
        """A period (or a quotation closing after one) the sentence splitter passed
        over ('... if he becomes president. ''Obama doesn't get along with Putin,''
        he said'): the reported clause ends there."""
        t = self.t
        if x + 1 >= len(t) or x == 0 or t.quoted[x]:
            return False
        closing = t.text[x] in CLOSING and t.doc_text[t.start[x] - 1] in ".!?"
        if t.text[x] not in (".", "!", "?") and not closing:
            return False
        attached = not t.doc_text[t.end[x] : t.end[x] + 1].isspace()
        if attached or len(t.text[x - 1]) <= 4 and t.text[x - 1].istitle():
            return False  # "an 'intentional act.'", 'Sens. Tester': no new sentence
        nxt = x + 1 + (t.pos[x + 1] == "SPACE")
        return nxt < len(t) and (t.text[nxt][:1].isupper() or t.text[nxt] in QUOTE_START)

    def _second_predicate(self, k: int, x: int, end_tok: int) -> bool:
        """'praised the crews and promised more air defence': after an object with no
        verb of its own, 'and' plus a finite verb adds a second predicate of the
        cue's subject, not more of what was said."""
        t = self.t
        nxt = x + 1
        while nxt < end_tok and t.tag[nxt] == "RB":
            nxt += 1  # 'and also said', 'and then promised'
        if nxt >= end_tok or t.tag[nxt] not in ("VBD", "VBZ") or t.quoted[nxt]:
            return False
        return not any(t.tag[y] in FINITE and not t.quoted[y] for y in range(k, x))

    def content_left(self, s0: int, stop: int) -> tuple[int, int] | None:
        """Content from the sentence start (or the quote it lies in) to token ``stop``."""
        t = self.t
        if stop <= s0:
            return None
        a = t.start[s0]
        region = region_at(self.regions, a)
        if region and region[0] < a:
            a = region[0]
        b = t.start[stop]
        text = t.doc_text
        while b > a and text[b - 1] in " \n\t,\u2014\u2013-(\u00a0":
            b -= 1
        a = self._trim_start(a, b)
        dateline = DATELINE.match(text[a:b])
        if dateline and dateline.end() < b - a:
            a += dateline.end()  # 'WASHINGTON (Reuters) - The Chinese government ...'
        while a > 0 and text[a - 1] in "'\"\u201c\u2018`":
            a -= 1  # the senter sometimes leaves an opening '' in the sentence before
        # '..., the day before, "You'd have to be insane," he said': the quote is the content.
        if b > a and text[b - 1] in "\u201d\"'":
            quote = region_at(self.regions, b - 1)
            lead = text[a : quote[0]].rstrip()[-1:] if quote else ""
            # Only a quotation that follows a break is the whole content; 'placed a note
            # card in a "burn bag," the Times reported' quotes two words of a sentence.
            if quote and a < quote[0] and quote[1] == b and lead in (",", ":", ";", "."):
                a = quote[0]
        return (a, b) if b > a else None

    # ---- the walk ---------------------------------------------------------
    def run(self) -> list[RawAttribution]:
        t = self.t
        found: list[RawAttribution] = []
        for number, (s0, s1) in enumerate(t.sents):
            speaker = self._speaker_line(number, s0, s1)
            if speaker is not None:
                found.append(speaker)
                continue
            cues = self._sentence_cues(s0, s1)
            found.extend(self._sentence(number, s0, s1, cues))
            signed = self._signature(number, s0, s1)
            if signed is not None:
                found.append(signed)
        self._continue_quotes(found)
        return self._drop_embedded_attitudes(self._drop_covered_cues(found))

    @staticmethod
    def _drop_covered_cues(found: list[RawAttribution]) -> list[RawAttribution]:
        """'The ministry refused to confirm the strike': 'refused' and 'refused to confirm'
        are one cue; the longer one, which PolNeAR marks, stays."""
        return [
            att for att in found
            if not any(
                other is not att
                and other.cue[0] <= att.cue[0]
                and att.cue[1] <= other.cue[1]
                and other.cue != att.cue
                for other in found
            )
        ]  # fmt: skip

    def _drop_embedded_attitudes(self, found: list[RawAttribution]) -> list[RawAttribution]:
        """'Nine in 10 say they think she could win': a view reported inside another
        attribution's content is part of what that source says, not a claim of its own.
        Reports of speech inside a content stay ('the FSB denied ..., TASS reported'):
        they make the chain. So does 'is expected to endorse': the raising verb's
        content holds the cue by construction."""
        keep = []
        for att in found:
            if not (self._embeddable(att) and self._inside_other(att, found)):
                keep.append(att)
        return keep

    def _embeddable(self, att: RawAttribution) -> bool:
        """A view that another source's content may hold: no named speaker of its own
        ('as Minsk insists ...' stays) and no speech verb."""
        t = self.t
        if att.kind not in EMBEDDABLE_KINDS or t.lower[att.cue_tokens[1] - 1] in NESTED_SPEECH:
            return False
        src = att.source_tokens
        return src is None or all(t.pos[k] != "PROPN" for k in range(*src))

    @staticmethod
    def _inside_other(att: RawAttribution, found: list[RawAttribution]) -> bool:
        return any(
            a <= att.cue[0] and att.cue[1] <= b
            for other in found
            if other is not att and other.kind not in ("passive", "raising")
            for a, b in other.content
        )

    def _signature(self, number: int, s0: int, s1: int) -> RawAttribution | None:
        """'"... our greatest shame." ― Sonya Herridge': a quotation signed with a dash
        and a name that ends the line."""
        t = self.t
        text = t.doc_text
        for k in range(max(s0, 1), s1 - 1):
            a = t.start[k]
            if t.text[k] not in SIGNATURE_DASHES or text[a - 2 : a].strip() not in CLOSING:
                continue
            quote = region_at(self.regions, a - 2) or region_at(self.regions, a - 1)
            end = k + 1
            while end < s1 and t.pos[end] in ("PROPN", "PUNCT", "NOUN"):
                end += 1
            name = [x for x in range(k + 1, end) if t.pos[x] == "PROPN"]
            line_end = end >= len(t) or (t.pos[end] == "SPACE" and "\n" in t.text[end])
            if quote is None or not name or not line_end or end - k > 6:
                continue
            while t.pos[end - 1] == "PUNCT":
                end -= 1
            return RawAttribution(
                cue=t.chars(k, k + 1),
                source=t.chars(k + 1, end),
                content=[quote],
                sentence=number,
                kind="signature",
                cue_tokens=(k, k + 1),
                source_tokens=(k + 1, end),
            )
        return None

    def _speaker_line(self, number: int, s0: int, s1: int) -> RawAttribution | None:
        """'Kasich: "We are going all the way"' and transcript turns 'TAPPER: ...': a
        short name opening a line, a colon, then the words (to the end of the line)."""
        t = self.t
        text = t.doc_text
        while s0 < s1 and t.pos[s0] == "SPACE":
            s0 += 1
        if s0 >= s1:
            return None
        colon = next((k for k in range(s0, min(s1, s0 + 7)) if t.text[k] == ":"), None)
        if colon is None or colon == s0 or colon + 1 >= s1:
            return None
        # Mid-paragraph, only a quotation after the colon: 'Kerry: "By law, ..."'.
        quote = self._quote_after(colon, s1)
        if t.start[s0] > 0 and text[t.start[s0] - 1] != "\n" and quote is None:
            return None
        name = range(s0, colon)
        if t.text[colon - 1] in ("-", "\u2014"):
            return None
        # A headline 'Obama To Asians Worried About U.S. Election: ...' capitalises
        # every word; otherwise the speaker is a name or a noun phrase with a name.
        words = [k for k in name if t.pos[k] != "PUNCT"]
        headline = bool(words) and all(t.text[k][:1].isupper() for k in words)
        nominal = all(t.pos[k] in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT") for k in name)
        named = any(t.pos[k] == "PROPN" for k in name) or (
            # 'Issa: Clinton's Honesty Is In Question': a headline's speaker is often
            # tagged as a common noun; a label ('Update:', 'Photo:') is not a speaker.
            0 < len(words) <= 2
            and headline
            and self._title_case_after(colon, s1)
        )
        label = t.lower[s0] == "the" or any(t.lower[k] in LINE_LABELS for k in words)
        if not named or not (headline or nominal) or label:
            return None  # 'The Latest: ...', 'Update: ...' label a line, nobody says it
        if quote is None and self._dateline_label(words):
            return None
        a = t.start[colon + 1]
        line_end = text.find("\n", a)
        b = self._trim_end(a, len(text) if line_end < 0 else line_end)
        if quote is not None:
            a, b = quote
        a = self._trim_start(a, b)
        if sum(w[:1].isalpha() for w in text[a:b].split()) < 2:
            return None  # 'Clinton: 547.': a tally, not words said
        return RawAttribution(
            cue=t.chars(colon, colon + 1),
            source=t.chars(s0, colon),
            content=[(a, b)],
            sentence=number,
            kind="speaker",
            cue_tokens=(colon, colon + 1),
            source_tokens=(s0, colon),
        )

    def _dateline_label(self, words: list[int]) -> bool:
        """'Burkina Faso: army says base destroyed', 'Gaza: situation update': a place
        names what the line is about; it says nothing."""
        t = self.t
        if all(t.ent[k] in ("GPE", "LOC") for k in words):
            return True
        return " ".join(t.lower[k] for k in words) in all_country_names()

    def _title_case_after(self, colon: int, s1: int) -> bool:
        """Are most words after ``colon`` capitalised, as in a headline?"""
        t = self.t
        words = [k for k in range(colon + 1, s1) if t.text[k][:1].isalpha()]
        upper = [k for k in words if t.text[k][:1].isupper()]
        return len(words) >= 3 and len(upper) >= 0.6 * len(words)

    def _quote_after(self, colon: int, s1: int) -> tuple[int, int] | None:
        """The quotation opening right after ``colon``, if any."""
        t = self.t
        k = colon + 1
        while k < s1 and t.pos[k] == "SPACE":
            k += 1
        if k >= s1 or t.text[k] not in QUOTE_START or t.text[k] in ("'", "\u2018"):
            return None
        return region_at(self.regions, t.start[k])

    def _sentence_cues(self, s0: int, s1: int) -> list[tuple[str, int]]:
        t = self.t
        cues: list[tuple[str, int]] = []
        i = s0
        while i < s1:
            if t.lower[i] == "according" and i + 1 < s1 and t.lower[i + 1] == "to":
                if not t.quoted[i]:
                    cues.append(("according", i))
                i += 2
                continue
            if t.lower[i] == "in" and self._in_poll(i, s1):
                cues.append(("according", i))  # 'In a new CNN poll, Clinton leads'
            elif t.lower[i] == "per" and self._per_source(i, s0):
                cues.append(("according", i))  # 'Per the regional administration, ...'
            elif t.lower[i] == "citing" and not t.quoted[i]:
                cues.append(("citing", i))
            elif self.is_cue(i) or self._attitude_adjective(i, s0, s1) or self._made_clear(i, s1):
                cues.append(("verb", i))
            elif self._noun_cue(i, s1):
                cues.append(("noun", i))
            i += 1
        return cues

    def _per_source(self, i: int, s0: int) -> bool:
        """'Per the regional administration, power is back', '..., per the ministry.':
        'per' before a named source at a clause edge (not '40 km per hour')."""
        t = self.t
        if t.quoted[i] or i + 1 >= len(t) or not (i == s0 or t.text[i - 1] in (",", "(")):
            return False
        k = i + 1 + (t.pos[i + 1] == "DET")
        return k < len(t) and t.pos[k] in ("PROPN", "NOUN", "ADJ") and t.pos[k] != "NUM"

    def _attitude_adjective(self, i: int, s0: int, s1: int) -> bool:
        """'his donors remain confident that ...', 'is worried about ...': an attitude
        adjective after a linking verb, before what the attitude is about."""
        t = self.t
        if t.lower[i] not in ATTITUDE_ADJECTIVES or t.pos[i] != "ADJ" or t.quoted[i]:
            return False
        k = i - 1
        while k > s0 and t.pos[k] in ("ADV", "PART"):
            k -= 1
        if k < s0 or t.lower[k] not in LINKING:
            return False
        return i + 1 < s1 and (
            t.lower[i + 1] in ADJECTIVE_LINKS or t.pos[i + 1] in ("PRON", "DET", "PROPN")
        )

    def _made_clear(self, i: int, s1: int) -> bool:
        """'made it clear (that) ...', 'has made clear ...'."""
        t = self.t
        if t.lower[i] not in ("made", "make", "makes", "making") or t.quoted[i]:
            return False
        k = i + 1 + (i + 1 < s1 and t.lower[i + 1] == "it")
        return k + 1 < s1 and t.lower[k] == "clear"

    def _noun_cue(self, i: int, s1: int) -> bool:
        """'Sanders's claim that ...', 'fears that ...': a speech or attitude noun with a
        that-clause."""
        t = self.t
        return (
            t.lower[i] in NOUN_CUES
            and t.pos[i] == "NOUN"
            and not t.quoted[i]
            and i + 1 < s1
            and t.lower[i + 1] == "that"
            and t.tag[i + 1] == "IN"
        )

    def _noun(
        self, number: int, i: int, s1: int, nxt: int | None
    ) -> RawAttribution | None:
        t = self.t
        content = self.content_right(i + 1, s1, self._subject_clause_end(i, s1, nxt))
        if content is None:
            return None
        src = self._possessor(i)
        return RawAttribution(
            cue=t.chars(i, i + 1),
            source=t.chars(*src) if src else None,
            content=[content],
            sentence=number,
            kind="noun",
            cue_tokens=(i, i + 1),
            source_tokens=src,
        )

    def _subject_clause_end(self, i: int, s1: int, nxt: int | None) -> int:
        """Where the that-clause of noun cue ``i`` ends. When the noun is the sentence's
        subject ('Moscow's claim that X was rejected'), the last finite verb is the
        sentence's own and the clause stops before it."""
        t = self.t
        end = self._tail_cut(i + 1, s1, nxt)
        s0 = t.sents[t.sent[i]][0]
        if any(t.tag[x] in FINITE for x in range(s0, i)):
            return end
        finite = [x for x in range(i + 2, end) if t.tag[x] in FINITE and not t.quoted[x]]
        if len(finite) < 2:
            return end
        last = finite[-1]
        while last - 1 > i + 2 and (t.tag[last - 1] in FINITE or t.pos[last - 1] == "ADV"):
            last -= 1  # 'would not have': the whole verb group
        return last

    def _possessor(self, i: int) -> tuple[int, int] | None:
        """'her' in 'her assertion', "Sanders's" in "Sanders's latest claim"."""
        t = self.t
        s0 = t.sents[t.sent[i]][0]
        k = i - 1
        while k >= s0 and t.pos[k] in ("ADJ", "ADV"):
            k -= 1
        if k < s0:
            return None
        if t.tag[k] == "PRP$":
            return (k, k + 1)
        if t.tag[k] == "POS" and k - 1 >= s0:
            start = self._np_left(k - 1, s0)
            return (start, k + 1) if start is not None else None
        return None

    def _sentence(
        self, number: int, s0: int, s1: int, cues: list[tuple[str, int]]
    ) -> list[RawAttribution]:
        out: list[RawAttribution] = []
        pending: list[int] = []  # 'War Gonzo, citing security sources, reported': await the verb
        for n, (kind, i) in enumerate(cues):
            # A noun cue ('denied reports that ...') sits inside the content: no cut there.
            later = [
                c
                for c in cues[n + 1 :]
                if c[0] != "noun" and (c[0] != "citing" or c[1] > self.group(i)[1] + 1)
            ]
            nxt = later[0][1] if later else None
            if kind == "according":
                att = self._according(number, i, s0, s1, nxt)
            elif kind == "noun":
                if any(a.cue[0] <= self.t.start[i] < a.cue[1] for a in out):
                    continue  # 'said in a statement that ...': the noun is part of that cue
                att = self._noun(number, i, s1, nxt)
            elif kind == "citing":
                if self._cites_ahead(i, later):
                    pending.append(i)
                else:
                    self._attach_citing(out, i, s1)
                continue
            else:
                att = self._verb(number, i, s0, s1, nxt, out)
            if att is not None:
                out.append(att)
                for citing in pending:
                    self._attach_citing(out, citing, s1)
                pending = []
        return out

    def _cites_ahead(self, i: int, later: list[tuple[str, int]]) -> bool:
        """A ', citing X,' set off between a subject and its verb belongs to that verb."""
        t = self.t
        return bool(later) and later[0][0] == "verb" and i > 0 and t.text[i - 1] == ","

    def _tail_cut(self, start: int, s1: int, nxt: int | None) -> int:
        """Where right-hand content stops: before the next cue's own frame."""
        if nxt is None:
            return s1
        t = self.t
        frame = t.lower[nxt] in ("according", "in")
        g0 = nxt if frame else self.group(nxt)[0]
        src = None if frame else self.left_source(g0)
        edge = src[0] if src else g0
        # ", TASS reported" / ", saying" / ", according to": cut at the comma before.
        k = edge - 1
        while k > start and t.pos[k] == "SPACE":
            k -= 1
        if k > start and t.text[k] in (",", "\u2014", "\u2013", "-", ";") and not self._joins(k):
            return k
        if k > start and t.lower[k] in ("and", "but") and src is None:
            # 'said A, and added B' / 'praised his mother and refused to ...'
            return k - 1 if t.text[k - 1] == "," else k
        return s1

    def _joins(self, k: int) -> bool:
        """Is token ``k`` a hyphen inside a word ('so-called', 'self-declared')?"""
        t = self.t
        if t.text[k] != "-" or not 0 < k < len(t) - 1:
            return False
        return t.end[k - 1] == t.start[k] and t.end[k] == t.start[k + 1]

    def _verb(
        self, number: int, i: int, s0: int, s1: int, nxt: int | None, before: list[RawAttribution]
    ) -> RawAttribution | None:
        t = self.t
        g0, g1 = self.group(i)
        src = self.left_source(g0)
        issued = self._issued_statement(i, g0, src)
        if issued is not None:
            g0, src = issued  # 'The ministry issued a statement saying ...': the issuer speaks
        cue = t.chars(g0, g1)
        kind = "verb"
        if t.tag[i] == "VBN" and any(t.lower[x] in BE for x in range(g0, i)):
            kind = "passive"
            src, content = self._passive(g1, s1, nxt, src)
        elif src is not None and t.lower[i] in RAISING and g1 < s1 and t.lower[g1] == "to":
            # 'The result seemed to surprise him': nobody is quoted; the subject and the
            # infinitive are what seems so.
            kind = "raising"
            rest = self.content_right(g1, s1, self._tail_cut(g1, s1, nxt))
            content = [t.chars(*src)] + ([rest] if rest else [])
            src = None
        elif src is not None:
            src = self.appositive_left(src)
            content = self._content_with_left_source(src, g1, s0, s1, nxt)
            if t.lower[i] in RAISING:
                src = None  # 'Moscow appears ready to talk': nobody is quoted (PolNeAR)
        else:
            inverted = t.lower[i] in INVERTIBLE and self._content_before(s0, g0)
            right = self.right_source(g1, s1) if inverted else None
            if right is None and inverted and self._quote_just_before(s0, g0):
                right = self._named_after(g1, s1)  # '"...," said Karen Janes, 67, after ...'
            if right is not None:
                src = right
                content = [c for c in [self.content_left(s0, g0)] if c]
                content += self._mixed_tail(right[1], s1)
            else:
                content = [c for c in [self._right(g1, s1, nxt, i)] if c]
                if g0 > s0 and (
                    (t.text[g0 - 1] == "," and t.tag[i] == "VBG")
                    or t.lower[g0 - 1] in ("and", "but")
                ):
                    # ', saying ...' and '... and said ...' speak for the clause's subject.
                    same = [b for b in before if b.source_tokens]
                    src = same[-1].source_tokens if same else self.sentence_subject(s0, g0)
                    kind = "inherited"
                elif t.tag[i] == "VBG" or t.tag[g0] == "TO":
                    # 'Trump took to Twitter to say ...', 'Cruz hit back, calling ...': the
                    # non-finite cue speaks for the subject of the finite verb before it.
                    src = self._controller(g0, s0)
                    kind = "inherited" if src else kind
        if not content and src is not None:
            quote = self._quote_closing_before(src[0], s0)
            content = [quote] if quote else []
        if not content:
            return None
        cue = self._cue_extent(cue, content, src, s1, nxt)
        return RawAttribution(
            cue=cue,
            source=t.chars(*src) if src else None,
            content=content,
            sentence=number,
            kind=kind,
            cue_tokens=(g0, g1),
            source_tokens=src,
        )

    def _issued_statement(
        self, i: int, g0: int, src: tuple[int, int] | None
    ) -> tuple[int, tuple[int, int] | None] | None:
        """'X issued a statement saying ...', 'released a video claiming ...': the cue runs
        from the verb that put the statement out, and its subject is the source."""
        t = self.t
        if src is None or t.tag[i] != "VBG" or src[1] != g0 or t.lower[g0 - 1] not in MEDIA_NOUNS:
            return None
        verb = src[0] - 1
        s0 = t.sents[t.sent[i]][0]
        if verb > s0 and t.tag[verb] == "RP":
            verb -= 1  # 'put out a statement'
        if verb < s0 or not t.tag[verb].startswith("VB") or t.lower[verb] in BE:
            return None
        start = self.group(verb)[0]
        return start, self.left_source(start)

    def _quote_closing_before(self, start: int, s0: int) -> tuple[int, int] | None:
        """'"Where are the missing?" the woman asked.': the sentence splitter cut after the
        quotation's own full stop, so the speaker's sentence opens with the source and
        the words are the quotation just before it."""
        t = self.t
        while s0 < start and t.pos[s0] == "SPACE":
            s0 += 1
        if start != s0:
            return None
        at = t.start[start]
        for a, b in self.regions:
            if b <= at and not t.doc_text[b:at].strip() and t.doc_text[a:b].count("\n") == 0:
                return (a, b)
        return None

    def _controller(self, g0: int, s0: int) -> tuple[int, int] | None:
        """Subject of the nearest finite verb left of a non-finite cue at ``g0``."""
        t = self.t
        for k in range(g0 - 1, s0 - 1, -1):
            if t.quoted[k]:
                continue
            if t.tag[k] in FINITE or (t.tag[k] == "VBN" and k > s0 and t.lower[k - 1] in AUX):
                return self.left_source(self.group(k)[0])
        return None

    def _passive(
        self, g1: int, s1: int, nxt: int | None, subject: tuple[int, int] | None
    ) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
        """'incursions were reported by X' / 'it was reported that ...': the agent after
        'by' is the source (often none); the subject or the that-clause is the content."""
        t = self.t
        agent = None
        k = g1
        if k < s1 and t.lower[k] == "by":
            end = self._skip_np(k + 1, s1)
            if end > k + 1:
                agent, k = (k + 1, end), end
        if subject is not None and not (
            subject[1] - subject[0] == 1 and t.lower[subject[0]] in ("it", "that", "which")
        ):
            spans = [t.chars(*subject)]
            if self._passive_complement(k, s1):  # 'Trump is expected to win': both parts
                rest = self._passive_rest(k, s1, nxt)
                spans += [rest] if rest else []
            return agent, spans
        right = self.content_right(k, s1, self._tail_cut(k, s1, nxt))
        return agent, [right] if right else []

    def _passive_complement(self, k: int, s1: int) -> bool:
        """Does a passive cue's complement start at ``k``: 'is expected to win', 'was
        criticized for failing to campaign', 'was known as "the Poorhouse"', 'was
        declared the winner'? PolNeAR's content is then the subject and the complement."""
        t = self.t
        if k >= s1 or t.quoted[k]:
            return False
        low = t.lower[k]
        return low in PASSIVE_LINKS or (t.pos[k] in ("DET", "ADJ") and low not in ("this",))

    def _passive_rest(self, k: int, s1: int, nxt: int | None) -> tuple[int, int] | None:
        """The complement of a passive cue, with its preposition ('for failing to ...'),
        up to the first comma that does not continue a list ('known as "the
        Poorhouse," with an economy ...')."""
        t = self.t
        end = self._tail_cut(k, s1, nxt)
        for x in range(k + 1, end - 1):
            if t.text[x] == "," and not t.quoted[x] and t.pos[x + 1] not in NP_POS:
                end = x
                break
        if t.lower[k] == "to":
            return self.content_right(k, s1, end)
        return self._content_from(k, end)

    def sentence_subject(self, s0: int, limit: int) -> tuple[int, int] | None:
        """The noun phrase opening the sentence, when a verb follows it."""
        t = self.t
        k = s0
        while k < limit and t.pos[k] in ("SPACE", "PUNCT", "CCONJ"):
            k += 1
        if k >= limit:
            return None
        if t.pos[k] == "PRON" and t.lower[k] in SUBJECT_PRONOUNS:
            return (k, k + 1)
        verb = next((x for x in range(k, limit) if t.tag[x] in FINITE), None)
        if verb is None or verb - k > MAX_SOURCE_TOKENS:
            return None
        end = verb
        while end > k and (t.pos[end - 1] in ("SPACE", "ADV") or t.text[end - 1] in DELIMITERS):
            end -= 1
        if end > k and t.pos[end - 1] == "PRON" and t.lower[end - 1] in SUBJECT_PRONOUNS:
            return (end - 1, end)  # 'A few minutes later they ...'
        k = self._skip_opener(k, end)
        words = range(k, end)
        if end > k and any(t.pos[x] in ("PROPN", "NOUN") for x in words):
            if all(t.pos[x] != "VERB" or t.tag[x] in ("VBN", "VBG") for x in words):
                return (k, end)
        return None

    def _skip_opener(self, k: int, end: int) -> int:
        """Start of the subject after an opening adverbial: 'Hours later, Trump',
        'Instead, the senator', 'Speaking in Salem, Trump'."""
        t = self.t
        comma = next((x for x in range(k, end) if t.text[x] == ","), None)
        if comma is None or comma + 1 >= end:
            return k
        opener = t.pos[k] in ("ADV", "ADP", "SCONJ") or t.tag[k] == "VBG"
        if opener or any(t.ent[x] in ("DATE", "TIME") for x in range(k, comma)):
            return comma + 1
        return k

    def _right(self, g1: int, s1: int, nxt: int | None, cue: int) -> tuple[int, int] | None:
        t = self.t
        k = self._skip_citing(g1, s1)
        if k != g1:
            pass
        elif t.lower[cue] in HEARER_VERBS:
            k = self._skip_object(g1, s1)
        return self.content_right(k, s1, self._tail_cut(g1, s1, nxt))

    def _skip_citing(self, k: int, s1: int) -> int:
        """', citing Russian security sources, that ...': content starts after the NP."""
        t = self.t
        if k + 1 < s1 and t.text[k] == "," and t.lower[k + 1] == "citing":
            end = self._skip_np(k + 2, s1)
            if end < s1 and t.text[end] == ",":
                return end + 1
        return k

    def _skip_object(self, k: int, s1: int) -> int:
        """'told Ukrainian media that ...', 'urged voters to ...': skip the hearer."""
        t = self.t
        if k < s1 and t.lower[k] in OBJECT_PRONOUNS:
            return k + 1  # 'told him it was done'
        for x in range(k, min(s1, k + 14)):
            if t.lower[x] == "to" and t.tag[x] == "TO" and x > k:
                return k  # 'urged the Fed not to act': the hearer is part of the content
            if t.lower[x] == "that" and x > k:
                return x
            if t.lower[x] == "of" and x > k and t.lower[k - 1] in OF_VERBS:
                return x + 1  # 'warned residents of shelling', not 'asked the campaign of X
            if t.tag[x].startswith("VB") or t.text[x] in OPEN_QUOTES:
                break
        return self._skip_np(k, s1)

    def _quote_just_before(self, s0: int, g0: int) -> bool:
        """Does a quotation end right before the cue ('"...," said')?"""
        t = self.t
        k = g0 - 1
        while k >= s0 and (t.pos[k] == "SPACE" or t.text[k] == ","):
            k -= 1
        return k >= s0 and t.text[k] in CLOSING and t.text[k] != "'"

    def _named_after(self, g1: int, s1: int) -> tuple[int, int] | None:
        """A noun phrase with a name right after an inverted cue, up to its first comma."""
        t = self.t
        end = self._skip_np(g1, s1)
        if end == g1 or not any(t.pos[k] == "PROPN" for k in range(g1, end)):
            return None
        return (g1, end)

    def _content_before(self, s0: int, g0: int) -> bool:
        """Is there text before the cue that can be its content (a quote or a clause)?"""
        t = self.t
        k = g0 - 1
        while k >= s0 and t.pos[k] == "SPACE":
            k -= 1
        return k > s0 and t.text[k] in (",", "\u201d", '"', "''", "\u2014", "\u2013", "-")

    def _content_with_left_source(
        self, src: tuple[int, int], g1: int, s0: int, s1: int, nxt: int | None
    ) -> list[tuple[int, int]]:
        t = self.t
        pronoun = self._object_relative(src, s0)
        if pronoun is not None:
            # The relative clause ends at its closing comma: 'which officials say will
            # take effect in May, drew protests'.
            end = self._tail_cut(g1, s1, nxt)
            end = next((x for x in range(g1 + 1, end) if t.text[x] == "," and not t.quoted[x]), end)
            if t.lower[pronoun] == "what" and g1 < end:
                end = self._named_thing(g1, end)
            # 'which the ministry described as a provocation': the phrase is what was
            # said; 'which Moscow rejected at a briefing': the phrase only says where.
            right = (
                self._content_from(g1, end)
                if g1 < end and t.lower[g1] in PASSIVE_LINKS - {"to"}
                else self.content_right(g1, s1, end)
            )
            return [t.chars(pronoun, pronoun + 1)] + ([right] if right else [])
        right_end = self._tail_cut(g1, s1, nxt)
        k = self._skip_adverbials(g1, s1)
        rest = [x for x in range(k, right_end) if t.pos[x] not in ("PUNCT", "SPACE")]
        before = t.doc_text[max(0, t.start[src[0]] - 3) : t.start[src[0]]]
        quoted_left = any(q in before for q in ("\u201d", '"', "''"))
        relative = src[1] - src[0] == 1 and t.lower[src[0]] in ("who", "which", "that")
        left_ok = (
            not relative
            and src[0] > s0
            and t.text[src[0] - 1] in (",", "\u201d", '"', "''", "\u2014")
        )
        relayed = (
            len(rest) <= 2
            or self._relay_after(k, right_end)
            or self._hearer_only(g1, k, right_end)
        )
        if left_ok and (relayed or (quoted_left and t.text[k] not in QUOTE_START)):
            left = self.content_left(s0, src[0])
            # '"A," Mr. Bondar said. "B."' in one sentence: the second quote is his too.
            tail = self._mixed_tail(g1, s1) if quoted_left else []
            return [left] + tail if left else []
        if left_ok and rest and (
            (quoted_left and t.text[k] in QUOTE_START) or self._parenthetical_cue(src, g1, s0)
        ):
            left = self.content_left(s0, src[0])
            right = self.content_right(k, s1, right_end)
            return [c for c in (left, right) if c]
        right = self._right(g1, s1, nxt, g1 - 1)
        if right is None and not rest:
            # '..., state-run TASS news agency reported.': nothing after, so the words
            # before the source are the content.
            left = self.content_left(s0, src[0])
            return [left] if left else []
        return [right] if right else []

    def _relay_after(self, k: int, end: int) -> bool:
        """', the Ukrinform agency reported.': after the cue only a relaying outlet and its
        reporting verb remain, so the content is what came before the source."""
        t = self.t
        if k < end and t.text[k] == ",":
            k += 1  # the adverbial skip may or may not have passed the comma
        if k >= end or t.text[k - 1] != ",":
            return False
        if t.lower[k] == "citing":
            return True  # ', the governor said, citing preliminary data.'
        x = k
        while x < end and (t.pos[x] in NP_POS or t.text[x] in ("'s", "\u2019s", "-")):
            x += 1
        if x == k or x >= end or not self.is_cue(x):
            return False
        return all(self._dated(y, end) for y in range(x + 1, end))

    def _hearer_only(self, g1: int, k: int, end: int) -> bool:
        """'..., a UN spokesman told Reuters (on Monday).': only the hearer follows 'told',
        so what was told is the clause before the source."""
        t = self.t
        if t.lower[g1 - 1] not in HEARER_VERBS or k >= end or t.pos[k] not in NP_POS | {"PRON"}:
            return False
        x = self._skip_np(k, end)
        return x > k and all(self._dated(y, end) for y in range(x, end))

    def _dated(self, y: int, end: int) -> bool:
        """Part of a trailing 'on Tuesday', 'late on Friday', 'later'."""
        t = self.t
        if t.pos[y] in ("PUNCT", "ADV") or t.ent[y] in ("DATE", "TIME"):
            return True
        return t.pos[y] == "ADP" and y + 1 < end and t.ent[y + 1] in ("DATE", "TIME")

    def _object_relative(self, src: tuple[int, int], s0: int) -> int | None:
        """'a tax cut, which Mr. Camp proposed', 'what he calls a rigged system': the
        relative or wh-pronoun right before the source stands for what was said
        (PolNeAR marks the pronoun as the content, not the clause it hangs from)."""
        t = self.t
        k = src[0] - 1
        if k < s0 or t.tag[k] not in ("WDT", "WP") or t.quoted[k]:
            return None
        return k if t.lower[k] in ("which", "what", "whom", "that", "who") else None

    def _named_thing(self, k: int, end: int) -> int:
        """End of the quoted name a 'what X calls' clause gives ('what aide Kevin
        Phillips called "the beginning of a new era" in his book')."""
        t = self.t
        region = region_at(self.regions, t.start[k]) if t.text[k] in REGION_OPENERS else None
        return end if region is None else min(end, t.index_at(region[1] - 1) + 1)

    def _parenthetical_cue(self, src: tuple[int, int], g1: int, s0: int) -> bool:
        """'The museum, Mr. Obama said, would make visitors face hard truths': a source
        and cue set off by commas inside the sentence speak for both its parts, the
        words before them ('The museum', 'Too often') and the words after."""
        t = self.t
        if g1 + 1 >= len(t) or t.text[g1] != "," or t.text[src[0] - 1] != ",":
            return False
        right = g1 + 1 + (t.pos[g1 + 1] == "SPACE")
        if t.lower[right] in NARRATOR_OPENERS:
            return False  # '..., the port authority said, as Ukraine stepped up attacks'
        k = s0
        while k < src[0] and t.pos[k] in ("SPACE", "PUNCT"):
            k += 1
        # 'Asked about the strike, he said, ...', 'As for the talks, ...': the opener
        # frames the question, it is not said.
        if t.tag[k] in ("VBN", "VBG") or t.lower[k] in FRAME_OPENERS:
            return False
        # A colon or another cue before the source: the words before are not its own.
        return not any(t.text[x] in (":", ";") or self.is_cue(x) for x in range(k, src[0]))

    def _cue_extent(
        self,
        cue: tuple[int, int],
        content: list[tuple[int, int]],
        src: tuple[int, int] | None,
        s1: int,
        nxt: int | None,
    ) -> tuple[int, int]:
        """PolNeAR cue convention: 'said:' keeps its colon."""
        t = self.t
        text = t.doc_text
        between = text[cue[1] : content[0][0]]
        if content[0][0] >= cue[1] and between.strip() == ":":
            return (cue[0], cue[1] + between.index(":") + 1)
        after = STATEMENT_GAP.match(text, cue[1])
        if after and self._statement_joins(after.end(), cue[0], content):
            # 'said in a statement that ...', '"...," Scott said in a statement.'
            return (cue[0], after.end())
        if content[0][0] > cue[1] and (src is None or t.start[src[0]] < cue[0]):
            return (cue[0], self._adverb_gap(cue[1], content[0][0]))
        if content[-1][1] <= cue[0] and src is not None and t.start[src[0]] < cue[0]:
            # '"...," Clinton said sarcastically.': an adverb closing the sentence
            end = t.end[s1 - 1] if s1 > 0 else cue[1]
            stop = text.find(".", cue[1], end + 1)
            if stop > cue[1]:
                return (cue[0], self._adverb_gap(cue[1], stop))
        return cue

    def _statement_joins(self, end: int, cue0: int, content: list[tuple[int, int]]) -> bool:
        """Does 'in a statement' (ending at ``end``) sit right before the content, or end
        the sentence after a content on the left?"""
        text = self.t.doc_text
        if content[0][0] >= end:
            return not text[end : content[0][0]].strip(" ,:")
        return content[-1][1] <= cue0 and text[end : end + 1] in (".", ",")

    def _adverb_gap(self, a: int, b: int) -> int:
        """PolNeAR cue convention: a day or an adverb between the verb and its content
        joins the cue ('said Tuesday that', 'said sarcastically'); a phrase does not."""
        t = self.t
        k = self.t.index_at(a)
        while k < len(t) and t.start[k] < a:
            k += 1
        end, n = a, 0
        while k < len(t) and t.start[k] < b and n < 3:
            if t.pos[k] == "SPACE":
                k += 1
                continue
            if not (t.tag[k] == "RB" or (t.ent[k] == "DATE" and t.pos[k] == "PROPN")):
                return a
            end, k, n = t.end[k], k + 1, n + 1
        return end if k >= len(t) or t.start[k] >= b else a

    def _mixed_tail(self, k: int, s1: int) -> list[tuple[int, int]]:
        """'"A," said Smith, "B."': the quote after the source is content too, also
        after a period the sentence splitter kept in ('"A," said Smith. "B."')."""
        t = self.t
        k = self._skip_marks(k, s1)
        if k < s1 and t.text[k - 1] == "," and t.text[k] not in QUOTE_START:
            k = self._skip_marks(self._skip_np(k, s1), s1)  # 'said Smith, a consultant.'
        if k < s1 and t.text[k] in QUOTE_START:
            span = self.content_right(k, s1, s1)
            # A quotation with words after it ('"B," she replied') has its own speaker.
            after = t.doc_text[span[1] : t.end[s1 - 1]] if span else ""
            return [span] if span and not any(c.isalnum() for c in after) else []
        return []

    def _skip_marks(self, k: int, s1: int) -> int:
        """First token from ``k`` that is not a comma, colon, period or space."""
        t = self.t
        while k < s1 and (t.text[k] in (",", ":", ".") or t.pos[k] == "SPACE"):
            k += 1
        return k

    def _in_poll(self, i: int, s1: int) -> bool:
        """'in a new Fox News poll', 'in most surveys': a poll is a source (PolNeAR)."""
        t = self.t
        if t.quoted[i] or t.pos[i] != "ADP":
            return False
        end = self._skip_np(i + 1, s1)
        if not (end > i + 1 and t.lower[end - 1] in POLL_NOUNS):
            return False
        # Opening the sentence ('In the poll, ...') or ending it ('..., in most surveys').
        return t.sent[i] != t.sent[i - 1] if i else True

    def _according(
        self, number: int, i: int, s0: int, s1: int, nxt: int | None
    ) -> RawAttribution | None:
        t = self.t
        width = 1 if t.lower[i] in ("in", "per") else 2  # 'in a poll', 'per X' / 'according to'
        src_start = i + width
        src_end = self._skip_np(src_start, s1)
        if src_end == src_start:
            return None
        lead = all(t.pos[x] in ("ADV", "CCONJ", "SPACE", "PUNCT") for x in range(s0, i))
        if lead:
            src_end = self._name_appositive(src_end, s1)
        src = (src_start, src_end)
        if lead:
            content = self.content_right(src_end, s1, self._tail_cut(src_end, s1, nxt))
        else:
            content = self.content_left(s0, i)
        if content is None:
            return None
        rest = [] if lead else self._according_rest(i, src_end, s1, nxt)
        return RawAttribution(
            cue=t.chars(i, i + width),
            source=t.chars(*src),
            content=[content] + rest,
            sentence=number,
            kind="according",
            cue_tokens=(i, i + width),
            source_tokens=src,
        )

    def _according_rest(
        self, i: int, src_end: int, s1: int, nxt: int | None
    ) -> list[tuple[int, int]]:
        """'Over the long term, according to the budget office, the deficit will rise':
        set off by commas mid-sentence, 'according to X' covers the words after it too;
        an appositive naming the source ('Dennis Ross, another former envoy,') is
        skipped, and a relative clause or another source ('and other scientists') is
        not content."""
        t = self.t
        if i == 0 or t.text[i - 1] != "," or src_end + 1 >= s1 or t.text[src_end] != ",":
            return []
        k = src_end + 1
        for _ in range(2):
            k += t.pos[k] == "SPACE"
            if k >= s1 or t.lower[k] in NARRATOR_OPENERS | {"which", "who", "whose"}:
                return []
            if t.tag[k] == "VBG":
                return []  # '..., citing ...'
            clause = k
            while clause < s1 and t.text[clause] != "," and t.tag[clause] not in FINITE:
                clause += 1
            if t.pos[k] == "SCONJ" or (clause < s1 and t.tag[clause] in FINITE):
                right = self.content_right(k, s1, self._tail_cut(k, s1, nxt))
                return [right] if right else []
            if clause >= s1:
                return []
            k = clause + 1  # past the appositive
        return []

    def _name_appositive(self, k: int, s1: int) -> int:
        """'According to the head of the administration, Oleh Syniehubov, five ...':
        a name set off by commas after a title belongs to the source."""
        t = self.t
        if k >= s1 or t.text[k] != ",":
            return k
        j = k + 1
        while j < s1 and t.pos[j] == "PROPN" and t.ent[j] == "PERSON":
            j += 1
        if j - (k + 1) >= 2 and j < s1 and t.text[j] == ",":
            return j
        return k

    def _attach_citing(self, out: list[RawAttribution], i: int, s1: int) -> None:
        """'The channel reported, citing Russian security sources, that ...': the cited
        NP is the origin of the attribution before it (or, set off before the verb, of
        the one just made), and also its own attribution."""
        t = self.t
        end = self._skip_np(i + 1, s1)
        if end == i + 1 or not out:
            return
        prev = out[-1]
        prev.cited.append(t.chars(i + 1, end))
        content = (t.start[i + 1], t.end[end - 1])
        out.append(
            RawAttribution(
                cue=t.chars(i, i + 1),
                source=prev.source,
                content=[content],
                sentence=prev.sentence,
                kind="citing",
                cue_tokens=(i, i + 1),
                source_tokens=prev.source_tokens,
            )
        )

    def _claimed(
        self, region: tuple[int, int], att: RawAttribution, found: list[RawAttribution]
    ) -> bool:
        """Does another attribution own quotation ``region``: its content overlaps it, or
        its cue sits in the sentence where the quotation ends ('"A. B," Smith added.')?"""
        t = self.t
        s1 = t.sents[t.sent[t.index_at(region[1] - 1)]][1]
        end = t.end[s1 - 1]
        for other in found:
            if other is att:
                continue
            if region[0] <= other.cue[0] < end:
                return True
            if any(a < region[1] and region[0] < b for a, b in other.content):
                return True
        return False

    def _continue_quotes(self, found: list[RawAttribution]) -> None:
        """A quotation paragraph right after a quoted attribution continues it."""
        t = self.t
        cue_sentences = {a.sentence for a in found}
        for att in found:
            if att.kind == "signature":
                continue  # the signed quotation is whole; the next one has its own name
            last = att.content[-1]
            quoted = t.doc_text[last[1] - 1 : last[1]] in ('"', "\u201d", "'")
            # 'He said: "..."' across a paragraph break also continues.
            if not quoted and not t.doc_text[last[1] : last[1] + 2].lstrip().startswith(":"):
                continue
            nxt = att.sentence + 1
            while nxt < len(t.sents) and nxt not in cue_sentences:
                s0, s1 = t.sents[nxt]
                while s0 < s1 and t.pos[s0] == "SPACE":
                    s0 += 1
                if s0 >= s1 or t.text[s0] not in QUOTE_START:
                    break
                region = region_at(self.regions, t.start[s0])
                if region is None or region[0] < last[1] or self._claimed(region, att, found):
                    break
                att.content.append(region)
                last = region
                nxt = t.sent[self.t.index_at(region[1] - 1)] + 1


# Verbs with a sense that reports nothing, common in conflict reports, each with the test
# that recognises that sense at token i: 'three bodies were found', 'the strike claimed 40
# lives', 'refused to leave their homes', 'the fire threatened nearby homes', 'defended
# the plant', '(Reporting by ...)'.
OTHER_SENSES: dict[str, Callable[[Extractor, int], bool]] = {
    **dict.fromkeys(FINDING, Extractor._found_thing),
    **dict.fromkeys(("claim", "claims", "claimed", "claiming"), Extractor._took_lives),
    **dict.fromkeys(("reporting", "writing", "editing"), Extractor._byline_or_tally),
    **dict.fromkeys(REFUSE_VERBS, lambda x, i: not x._refuses_to_speak(i)),
    **dict.fromkeys(THREATEN_VERBS, lambda x, i: not x._threatens_to(i)),
    **dict.fromkeys(DEFEND_VERBS, Extractor._holds_ground),
}
