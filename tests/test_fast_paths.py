"""Speed-ups that must not change a result: batched parsing, name tries, cue prefilters."""

from __future__ import annotations

import re

import pytest

from frontwire.attribution import Attributor
from frontwire.events import rules
from frontwire.events.actors import _alternation
from frontwire.model import Document, Report
from frontwire.nlp import annotate, parse_span_groups, parse_spans

REPORTS = [
    "Ukrainian officials said on Tuesday that a drone struck a fuel depot near Kharkiv. "
    "The regional governor, Oleh Synehubov, told reporters that two workers were hurt. "
    "Russia's defence ministry claimed its air defences had downed 14 drones overnight.",
    "Police fired tear gas at protesters in Nairobi, witnesses said. "
    "According to the rights group, at least 30 people were arrested.",
    "Heavy rain fell over the capital on Monday.",
]


def _claims(report: Report) -> list[tuple[str, str]]:
    return [(c.content, " | ".join(link.name for link in c.chain)) for c in report.claims]


def test_a_batch_of_reports_gets_the_claims_each_gets_alone(spacy_nlp):
    stage = Attributor()

    def fresh() -> list[Report]:
        out = []
        for n, text in enumerate(REPORTS):
            report = Report(document=Document(id=f"r{n}", text=text, outlet="Wire"), text=text)
            out.append(annotate(report, spacy_nlp(text)))
        return out

    alone = [_claims(stage(r)) for r in fresh()]
    together = [_claims(r) for r in stage.pipe(fresh())]
    assert together == alone
    assert any(alone)  # the texts do hold claims


def test_parse_span_groups_matches_one_call_per_doc(spacy_nlp):
    docs = [spacy_nlp(text) for text in REPORTS]
    groups = [(doc, [(s.start, s.end) for s in doc.sents]) for doc in docs]
    groups.append((docs[0], []))
    batched = parse_span_groups(groups)
    single = [parse_spans(doc, spans) for doc, spans in groups]
    assert [[[(t.dep_, t.head.i) for t in p] for p in g] for g in batched] == [
        [[(t.dep_, t.head.i) for t in p] for p in g] for g in single
    ]
    with pytest.raises(ValueError, match="outside the Doc"):
        parse_span_groups([(docs[2], [(0, 999)])])


@pytest.mark.parametrize("fold", [False, True])
def test_name_trie_finds_what_the_flat_alternation_finds(fold):
    names = ["Al-Shabaab", "Al", "Al-Shabaab militants", "ADF", "Houthi", "Houthis", "M23"]
    text = "al-shabaab militants and Houthis attacked; ADF, M23 and Al-Shabaab fighters fled. Al"
    flags = re.I if fold else 0
    flat = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))

    def found(body: str) -> list[tuple[int, int]]:
        pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)
        return [m.span() for m in pattern.finditer(text)]

    assert found(_alternation(names, fold=fold)) == found(flat)


def test_required_words_of_a_cue_pattern():
    words = rules.required_words(r"(?:shell(?:ed|ing)|artillery) (?:fire|strikes?)|mortar")
    assert words is not None and "mortar" in words
    assert rules.required_words(r"\w+ed") == ("ed",)
    assert rules.required_words(r"\w+|bomb") is None  # one branch has no plain letters


@pytest.mark.parametrize(
    "text",
    [
        "Government forces clashed with ISWAP militants near Monguno, killing 12.",
        "Protesters marched to parliament to demand lower fuel prices; police fired tear gas.",
        "An airstrike hit a market in the town, residents said.",
        "SHELLING HIT THE VILLAGE OVERNIGHT.",
        "Troops ſhelled the village at dawn.",  # long s: the prefilter must stand aside
    ],
)
def test_cue_prefilter_keeps_every_decision(monkeypatch, text):
    fast = rules.decide(text)
    monkeypatch.setattr(rules, "_fold", lambda _text: None)  # no prefilter: every regex runs
    assert rules.decide(text) == fast
