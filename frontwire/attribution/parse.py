"""Speakers and content ends from a dependency parse of the sentences with a verb cue.

The rules in :mod:`frontwire.attribution.extract` find a subject by walking noun
phrases left of the cue; they miss the subjects of non-finite cues ('Trump took to
Twitter to say'), long subjects with appositives and inverted subjects with their
own modifiers. The subject of the cue verb in a parse gets these right more often,
so when a parse is available it replaces the rule's source for verb cues. Only the
sentences with such a cue are parsed (:func:`frontwire.nlp.parse_spans`), which keeps
the stage within its budget (issue 5).

Span conventions follow PolNeAR: the subject's whole subtree, with appositives and
relative clauses ('Joe Bateman, who traveled from Illinois,') and the comma that
closes them, but without a participle clause after a comma ('Mr. Bush, channeling
his roots,') or an adverbial clause.

The parse also ends a content that the rules ran on to the end of the sentence:
'Six in 10 say he is decisive, after half said so in December' reports only what
the verb's complement covers, when what follows is a new clause (a comma or a
conjunction opens it) and no quotation is cut.
"""

from __future__ import annotations

from typing import Any

from .extract import AUX, CLOCK, HEARER_VERBS, RAISING, RawAttribution, after_dateline
from .lexicon import load_cues
from .tokens import Tokens

# Cues whose source a parse decides; passives, raising verbs ('seemed to'), nouns,
# 'according to' and speaker lines keep the rules' answer.
PARSED_KINDS = {"verb", "inherited"}
SUBJECT_DEPS = {"nsubj", "csubj"}
# A non-finite cue speaks for the subject of the verb it hangs from.
CLIMB_DEPS = {"xcomp", "advcl", "conj", "acl", "pcomp"}
DROP_DEPS = {"advcl"}  # always left out of a subject
COMMA_DROP_DEPS = {"acl"}  # left out when set off by a comma
DELIMITERS = {",", "\u2014"}
MAX_CLIMB = 4
# Dependents of the cue verb that carry what is reported.
COMPLEMENT_DEPS = {
    "ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "prep", "dative", "pobj",
}  # fmt: skip
# Words that open the narrator's next clause after a content: '..., while ...'.
CLAUSE_OPENERS = {
    "while", "when", "as", "because", "after", "before", "but", "and", "or", "although",
    "though", "since", "if", "even", "until", "where", "whereas", "unless",
}  # fmt: skip
# Prepositions that open a phrase of time, place or occasion after a verb's object.
ADJUNCT_PREPS = {"at", "during", "after", "before", "amid"}
# 'on Thursday', 'in November': prepositions that open a date after the object.
DATE_PREPS = {"on", "in"}
PHRASE_OPENERS = ADJUNCT_PREPS | DATE_PREPS
# What an object or clause after the verb says, when the rules took the left clause.
RIGHT_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "intj", "oprd"}
CLAUSE_MARKS = {",", ";", "—", "–", "―", "-"}
QUOTE_MARKS = ("”", '"', "''")


def reparse_sources(doc: Any, toks: Tokens, raws: list[RawAttribution]) -> None:
    """Take the source of each verb cue in ``raws`` from a parse of its sentence, and
    end its content where the verb's complement ends.

    doc (spacy.tokens.Doc): the Doc ``toks`` was made from.
    toks (Tokens): the flattened Doc.
    raws (list[RawAttribution]): attributions found by the rules; changed in place.
    """
    from ..nlp import parse_spans

    sentences = sentences_to_parse(toks, raws)
    ranges = [toks.sents[n] for n in sentences]
    parsed = parse_spans(doc, ranges) if ranges else []
    apply_parses(toks, raws, dict(zip(sentences, parsed, strict=True)))


def sentences_to_parse(toks: Tokens, raws: list[RawAttribution]) -> list[int]:
    """Numbers of the sentences whose parse :func:`apply_parses` needs, in order.

    The parser is most of the stage's time (issue 5), so a sentence is left out when
    no cue in it reads the parse: an 'according to' that does not follow its content
    and a reduced passive ('Asked about ..., he said') are settled without one.
    """
    chosen, according = _parsed_cues(toks, raws)
    readers = [r for r in according if _content_leads(r)]
    readers += [r for r in chosen if not _reduced_passive(toks, r, _cue_head(toks, r))]
    return sorted({toks.sent[r.cue_tokens[0]] for r in readers})


def _parsed_cues(
    toks: Tokens, raws: list[RawAttribution]
) -> tuple[list[RawAttribution], list[RawAttribution]]:
    chosen = [r for r in raws if r.kind in PARSED_KINDS and _head(toks, r) is not None]
    according = [
        r for r in raws if r.kind == "according" and toks.lower[r.cue_tokens[1] - 1] == "to"
    ]
    return chosen, according


def _content_leads(raw: RawAttribution) -> bool:
    """'..., according to X': the content comes first, so the parse can name X."""
    return bool(raw.content) and raw.content[0][0] <= raw.cue[0]


def _cue_head(toks: Tokens, raw: RawAttribution) -> int:
    """:func:`_head` of a cue that :func:`_parsed_cues` chose (so it has one)."""
    head = _head(toks, raw)
    assert head is not None
    return head


def apply_parses(toks: Tokens, raws: list[RawAttribution], parsed: dict[int, Any]) -> None:
    """The work of :func:`reparse_sources` once the sentences are parsed. Call it even
    when no sentence needed a parse: a reduced passive still loses its speaker.

    parsed (dict[int, spacy.tokens.Doc]): a parse of each sentence that
        :func:`sentences_to_parse` named, by sentence number.
    """
    chosen, according = _parsed_cues(toks, raws)
    for raw in according:
        if not _content_leads(raw):
            continue  # its sentence was not parsed (nothing to change)
        number = toks.sent[raw.cue_tokens[0]]
        _according_source(toks, raw, parsed[number], toks.sents[number][0])
    for raw in chosen:
        number = toks.sent[raw.cue_tokens[0]]
        offset = toks.sents[number][0]
        head = _head(toks, raw)
        if head is None:
            continue
        if _reduced_passive(toks, raw, head):
            raw.source_tokens = raw.source = None  # 'Asked about the strike, he said'
            continue
        found = subject(parsed[number], head - offset)
        if found is not None and _reported(toks, raws, raw, found[0] + offset):
            found = None  # '..., said that its forces had ..., and accused': not 'its forces'
        if found is not None:
            span = (after_dateline(toks, found[0] + offset, found[1] + offset), found[1] + offset)
            raw.source_tokens, raw.source = span, toks.chars(*span)
        if toks.pos[head] == "VERB":
            _content_on_the_right(toks, raw, parsed[number], head, offset)
            _end_content(toks, raw, parsed[number], head, offset)


def _reported(toks: Tokens, raws: list[RawAttribution], raw: RawAttribution, token: int) -> bool:
    """Does ``token`` lie in the words another attribution reports? A subject found there
    belongs to the reported clause, not to ``raw``'s cue."""
    at = toks.start[token]
    return any(
        other is not raw and a <= at < b and not (a <= raw.cue[0] < b)
        for other in raws
        for a, b in other.content
    )


def _according_source(toks: Tokens, raw: RawAttribution, sent: Any, offset: int) -> None:
    """'..., according to a Gallup poll taken last week': the whole object of 'to'. A
    leading 'According to the governor, Name, ...' keeps the rules' title and name."""
    if not _content_leads(raw):
        return
    to = raw.cue_tokens[1] - 1
    objects = [c for c in sent[to - offset].children if c.dep_ == "pobj"]
    if not objects:
        return
    found = _subject_span(sent, objects[0])
    if found is None or found[0] + offset != to + 1:
        return
    span = (found[0] + offset, found[1] + offset)
    raw.source_tokens, raw.source = span, toks.chars(*span)


def _content_on_the_right(
    toks: Tokens, raw: RawAttribution, sent: Any, head: int, offset: int
) -> None:
    """'Asked if he was bullied, Trump said no': the rules took the opening clause for
    the content; the verb's own object or clause on the right is what was said."""
    if not raw.content or raw.content[-1][1] > raw.cue[0]:
        return
    if raw.source_tokens is None or raw.source_tokens[0] > raw.cue_tokens[0]:
        return  # '"...," said Smith': the words before an inverted source are the content
    if any(q in toks.doc_text[a:b] for a, b in raw.content for q in QUOTE_MARKS + ("\u201c",)):
        return  # '"...," Trump said': a quotation before the speaker is the content
    objects = [c for c in sent[head - offset].rights if c.dep_ in RIGHT_CONTENT_DEPS]
    if toks.lower[head] in HEARER_VERBS:
        objects = [c for c in objects if c.dep_ != "dobj"]  # 'told Reuters': the hearer
    if not objects or any(_relay(c) for c in objects):
        return
    start = objects[0].left_edge.i + offset
    end = max(c.right_edge.i for c in objects) + offset + 1
    a, b = toks.start[start], toks.end[end - 1]
    while b > a and toks.doc_text[b - 1] in " ,.;:":
        b -= 1
    if b > a:
        raw.content = [(a, b)]


def _relay(phrase: Any) -> bool:
    """'..., the FSB said, the agency TASS reported': a short phrase on the right holding a
    reporting verb names who relayed the words before it, not what was said."""
    words = list(phrase.subtree)
    strong = load_cues().strong
    return len(words) <= 8 and any(w.tag_.startswith("VB") and w.lower_ in strong for w in words)


def _end_content(toks: Tokens, raw: RawAttribution, sent: Any, head: int, offset: int) -> None:
    """Cut the content right of the cue after the verb's last complement (of several
    spans, the last: 'which', 'will go into effect next month, ...')."""
    if not raw.content or raw.content[-1][0] < toks.start[raw.cue_tokens[1] - 1]:
        return
    *before, (a, b) = raw.content
    complements = _complements(toks, sent[head - offset], offset)
    if not complements:
        return
    last = max(c.right_edge.i for c in complements) + offset
    cut = toks.end[last]
    rest = toks.doc_text[cut:b]
    if not a < cut < b or any(q in rest for q in QUOTE_MARKS):
        return
    words = rest.split()
    if not words or not any(c.isalnum() for c in rest):
        return
    opener = words[0].lower()
    if rest.lstrip()[:1] not in CLAUSE_MARKS and opener not in CLAUSE_OPENERS | PHRASE_OPENERS:
        return
    while cut > a and toks.doc_text[cut - 1] in " ,.;:":
        cut -= 1
    raw.content = [*before, (a, cut)]


def _complements(toks: Tokens, verb: Any, offset: int) -> list[Any]:
    """The verb's dependents on the right that carry what is reported. A phrase of
    time, place or occasion after the object ('endorsed Mr. Trump at a news
    conference', 'criticized the plan during the debate') says when or where, not
    what: PolNeAR leaves it out of the content."""
    out: list[Any] = []
    for child in verb.rights:
        if child.dep_ not in COMPLEMENT_DEPS:
            continue
        if out and child.dep_ == "prep" and _adjunct(toks, child, offset):
            continue
        out.append(child)
    return out


def _adjunct(toks: Tokens, prep: Any, offset: int) -> bool:
    """'at a rally', 'during the debate', 'on Thursday night': a phrase of time, place
    or occasion (not 'in support of', 'with 47 percent', which describe the object)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    after = prep.doc[prep.i + 1 : prep.i + 4]
    if prep.lower_ == "at" and any(w.like_num or w.lower_ in ("least", "most") for w in after):
        return False  # 'put the death toll at 23', 'at six dead': the figure is what is said
    if prep.lower_ in ADJUNCT_PREPS:
        return True
    dated = any(toks.ent[o.i + offset] in ("DATE", "TIME") for o in objects)
    return prep.lower_ in DATE_PREPS and dated


def _head(toks: Tokens, raw: RawAttribution) -> int | None:
    """The cue's main word: the last verb of its group ('has also said', 'to say'), or
    the adjective of 'remain confident'."""
    g0, g1 = raw.cue_tokens
    verbs = [k for k in range(g0, g1) if toks.pos[k] == "VERB"]
    verbs = verbs or [k for k in range(g0, g1) if toks.pos[k] in ("AUX", "ADJ", "NOUN")]
    if not verbs or toks.lower[verbs[-1]] in RAISING:
        return None
    return verbs[-1]


def _reduced_passive(toks: Tokens, raw: RawAttribution, head: int) -> bool:
    """'Asked about ..., Trump said': a participle with no auxiliary names the one who
    was asked, not a speaker."""
    g0 = raw.cue_tokens[0]
    if toks.tag[head] != "VBN" or any(toks.lower[k] in AUX for k in range(g0, head)):
        return False
    s0 = toks.sents[toks.sent[head]][0]
    before = g0 - 1
    while before >= s0 and toks.pos[before] == "SPACE":
        before -= 1
    return before < s0 or toks.lower[before] in ("when", "if", "once", "as", ",")


def subject(sent: Any, head: int) -> tuple[int, int] | None:
    """Token range of the subject of verb ``head`` in a parsed sentence, climbing from
    a non-finite verb to the verb it depends on; None when there is none."""
    tok = sent[head]
    for _ in range(MAX_CLIMB):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        # 'Nikopol, which officials said ...': the relative pronoun is not the speaker.
        named = [c for c in subjects if c.tag_ != "WDT"]
        if named:
            return _subject_span(sent, named[-1])
        if subjects:
            if subjects[0].lower_ == "that":
                # 'a PAC that attacked him': the antecedent is the speaker.
                return _antecedent(sent, tok) if tok.dep_ == "relcl" else None
            return _subject_span(sent, subjects[0])
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None


def _antecedent(sent: Any, clause: Any) -> tuple[int, int] | None:
    """The noun phrase a relative clause ``clause`` hangs from, without the clause."""
    noun = clause.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {t.i for t in noun.subtree} - {t.i for t in clause.subtree}
    start, end = min(words), noun.i + 1
    while end in words and sent[end].dep_ in ("compound", "amod", "nummod", "appos"):
        end += 1
    return start, end


def _subject_span(sent: Any, head: Any) -> tuple[int, int] | None:
    """The subject's subtree, trimmed to PolNeAR's source convention."""
    words = {t.i for t in head.subtree}
    for child in head.rights:
        before = child.left_edge.i - 1
        set_off = before >= 0 and sent[before].text in DELIMITERS
        if child.dep_ in DROP_DEPS or (child.dep_ in COMMA_DROP_DEPS and set_off):
            words -= {t.i for t in child.subtree}
    start = min(words)
    end = start + 1
    while end in words:
        end += 1
    for k in range(end - 1, start - 1, -1):
        if "\n" in sent[k].text:  # '2:14 p.m.\n\nSenate Majority Leader ...'
            start = k + 1
            break
    while start < end and (sent[start].is_space or _loose_start(sent[start].text)):
        start += 1
    while end > start and (sent[end - 1].is_space or _loose_end(sent[end - 1].text)):
        end -= 1
    if end <= start:
        return None
    inner = any(sent[k].text in DELIMITERS for k in range(start, end))
    if inner and end < len(sent) and sent[end].text in DELIMITERS:
        end += 1  # 'Clinton, a Democrat, said': the closing comma belongs to the source
    return start, end


def _loose_start(text: str) -> bool:
    """Punctuation a source does not start on (an opening bracket can), or a live blog's
    time stamp ('14:35 Ukraine's air force said')."""
    return (all(not c.isalnum() for c in text) and text != "(") or bool(CLOCK.match(text))


def _loose_end(text: str) -> bool:
    """Punctuation a source does not end on (a closing bracket or a period can)."""
    return all(not c.isalnum() for c in text) and text not in (")", ".")
