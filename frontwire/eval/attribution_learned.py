"""How far a learned cue tagger gets, trained and scored inside one evaluation run.

The shipped extractor is rule-based because no attribution corpus may ship with us
(PARC 3.0 is licensed, the PolNeAR files are for evaluation only). This module answers
the question that decision rests on: would a statistical tagger trained on gold data
beat the rules? It trains a token classifier on one gold file and scores cues on
another, three ways, with the exact-cue metric of :mod:`frontwire.eval.attribution`:

- ``rules``: the shipped extractor's cues;
- ``learned``: a logistic-regression B/I/O tagger over spaCy tags, dependencies and
  the cue lexicon;
- ``hybrid``: the same tagger also sees the rules' cues as features, keeps a rule cue
  unless the model is confident it is wrong, and adds cues it is confident about.

Nothing trained here is saved: the README of the gold data allows training inside an
evaluation run and nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .attribution import prf, read_gold

Spans = tuple[tuple[int, int], ...]
Features = dict[str, int]

KEEP_RULE_CUE = 0.3  # a rule cue is dropped only when no token of it reaches this
ADD_LEARNED_CUE = 0.9  # a cue the rules missed is added only above this
INSIDE = 0.45  # the learned tagger's threshold for 'inside a cue'


def bio_tags(doc: Any, cues: Iterable[Spans]) -> list[str]:
    """B/I/O per token: B on the first token of each fragment of a cue."""
    tags = ["O"] * len(doc)
    starts = {t.idx: t.i for t in doc}
    for cue in cues:
        for start, end in cue:
            first = True
            i = starts.get(start)
            if i is None:
                i = next((t.i for t in doc if t.idx + len(t) > start), len(doc))
            while i < len(doc) and doc[i].idx < end:
                tags[i] = "B" if first else "I"
                first = False
                i += 1
    return tags


def token_features(doc: Any, rule_tags: list[str] | None, strong: frozenset[str],
                   weak: frozenset[str]) -> list[Features]:
    """Lexical, tag, dependency and lexicon features of every token (and its neighbours)."""

    def lexicon(word: str) -> str:
        return "s" if word in strong else "w" if word in weak else "n"

    rows = []
    for tok in doc:
        row = {
            f"w={tok.lower_}": 1, f"p={tok.tag_}": 1, f"d={tok.dep_}": 1,
            f"hw={tok.head.lower_}": 1, f"hp={tok.head.pos_}": 1,
            f"dw={tok.dep_}|{tok.lower_}": 1, f"lex={lexicon(tok.lower_)}": 1,
            f"hlex={lexicon(tok.head.lower_)}": 1,
        }  # fmt: skip
        for child in tok.children:
            row[f"c={child.dep_}"] = 1
            if child.dep_ == "nsubj":
                row[f"subj={child.ent_type_ or child.pos_}"] = 1
        for step in (-2, -1, 1, 2):
            j = tok.i + step
            if 0 <= j < len(doc):
                row[f"w{step}={doc[j].lower_}"] = 1
                row[f"p{step}={doc[j].tag_}"] = 1
                if rule_tags is not None:
                    row[f"r{step}={rule_tags[j]}"] = 1
        if rule_tags is not None:
            row[f"r={rule_tags[tok.i]}"] = 1
            row[f"rw={rule_tags[tok.i]}|{tok.lower_}"] = 1
        rows.append(row)
    return rows


def _gold_cues(record: dict[str, Any]) -> set[Spans]:
    return {
        tuple((int(s["start"]), int(s["end"])) for s in a["cue"])
        for a in record["attributions"]
        if a["cue"]
    }


def _prepare(path: str, limit: int | None) -> list[dict[str, Any]]:
    """Per document: gold cues, rule cues, token offsets and both feature sets."""
    from ..attribution import extract_attributions
    from ..attribution.lexicon import load_cues
    from ..nlp import load_spacy

    lexicon = load_cues()
    records = list(read_gold(path, limit))
    plain, parsed = load_spacy(), load_spacy(parser=True)
    docs = []
    texts = [r["text"] for r in records]
    for record, doc, full in zip(records, plain.pipe(texts), parsed.pipe(texts), strict=True):
        rules = {tuple((s["start"], s["end"]) for s in a["cue"])
                 for a in extract_attributions(doc) if a["cue"]}  # fmt: skip
        rule_tags = bio_tags(full, rules)
        docs.append({
            "gold": _gold_cues(record),
            "rules": rules,
            "offsets": [(t.idx, t.idx + len(t)) for t in full],
            "tags": bio_tags(full, _gold_cues(record)),
            "plain": token_features(full, None, lexicon.strong, lexicon.weak),
            "stacked": token_features(full, rule_tags, lexicon.strong, lexicon.weak),
        })  # fmt: skip
    return docs


def _fit(docs: list[dict[str, Any]], key: str) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(row for d in docs for row in d[key])
    model = LogisticRegression(C=1.0, max_iter=3000)
    model.fit(matrix, [tag for d in docs for tag in d["tags"]])
    return vectorizer, model


def _probabilities(vectorizer: Any, model: Any, rows: list[Features]) -> list[dict[str, float]]:
    classes = list(model.classes_)
    return [dict(zip(classes, p, strict=True))
            for p in model.predict_proba(vectorizer.transform(rows))]  # fmt: skip


def decode(offsets: list[tuple[int, int]], probs: list[dict[str, float]]) -> set[Spans]:
    """Contiguous 'inside' tokens form a cue; a confident B starts a new one."""
    cues: set[Spans] = set()
    current: list[int] | None = None
    for i, p in enumerate(probs):
        inside = 1 - p["O"] > INSIDE
        if inside and (current is None or p["B"] > 0.5):
            if current:
                cues.add(((offsets[current[0]][0], offsets[current[1]][1]),))
            current = [i, i]
        elif inside and current is not None:
            current[1] = i
        elif current:
            cues.add(((offsets[current[0]][0], offsets[current[1]][1]),))
            current = None
    if current:
        cues.add(((offsets[current[0]][0], offsets[current[1]][1]),))
    return cues


def hybrid(doc: dict[str, Any], probs: list[dict[str, float]]) -> set[Spans]:
    """Rule cues the model does not reject, plus confident cues the rules missed."""
    offsets = doc["offsets"]
    kept: set[Spans] = set()
    covered: set[int] = set()
    for cue in doc["rules"]:
        inside = [i for i, (s, _e) in enumerate(offsets) if any(a <= s < b for a, b in cue)]
        covered.update(inside)
        if not inside or max(1 - probs[i]["O"] for i in inside) >= KEEP_RULE_CUE:
            kept.add(cue)
    extra = [p if i not in covered and 1 - p["O"] > ADD_LEARNED_CUE else {"O": 1.0, "B": 0.0}
             for i, p in enumerate(probs)]  # fmt: skip
    return kept | decode(offsets, extra)


def _score(pairs: Iterable[tuple[set[Spans], set[Spans]]]) -> dict[str, float]:
    tp = fp = fn = 0
    for predicted, gold in pairs:
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    p, r, f = prf(tp, fp, fn)
    return {"p": p, "r": r, "f1": f}


def evaluate(path: str, train: str, limit: int | None = None) -> dict[str, Any]:
    """Train on ``train``, score cues on ``path``: rules, learned and hybrid.

    path (str): gold file to score on (PolNeAR format).
    train (str): gold file to train on, a different file or a disjoint part of one.
    limit (int | None): only the first ``limit`` records of each file.
    RETURNS (dict): ``rules``, ``learned``, ``hybrid`` → {p, r, f1}; ``n_train``, ``n``.
    """
    train_docs, test_docs = _prepare(train, limit), _prepare(path, limit)
    plain = _fit(train_docs, "plain")
    stacked = _fit(train_docs, "stacked")
    learned, mixed = [], []
    for doc in test_docs:
        learned.append((decode(doc["offsets"], _probabilities(*plain, doc["plain"])), doc["gold"]))
        mixed.append((hybrid(doc, _probabilities(*stacked, doc["stacked"])), doc["gold"]))
    return {
        "n_train": len(train_docs),
        "n": len(test_docs),
        "rules": _score((d["rules"], d["gold"]) for d in test_docs),
        "learned": _score(learned),
        "hybrid": _score(mixed),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"cue tagger trained on {result['n_train']} documents, scored on {result['n']}",
        f"{'cues from':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name in ("rules", "learned", "hybrid"):
        s = result[name]
        lines.append(f"{name:<10}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")
    return "\n".join(lines)
