"""The merge is a function of the reports: no ingest order, split or re-merge changes it."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwire.ledger import Ledger
from frontwire.model import Report
from frontwire.store.synthetic import synthetic_report


def _corpus(seed: int, n: int) -> list[Report]:
    """Overlapping reports: a handful of towns over ten days, a third retelling another."""
    rng = random.Random(seed)
    return [synthetic_report(i, rng, days=10) for i in range(n)]


def _partition(led: Ledger) -> set[tuple[frozenset[tuple[str, str]], int, int]]:
    """Each event as (its reports, its toll, its dispute flag): ids may differ, not these."""
    rows = led.conn.execute(
        "SELECT ledger_event_id, doc_id, event_id FROM ledger_event_reports").fetchall()
    members: dict[str, set[tuple[str, str]]] = {}
    for lid, doc, ev in rows:
        members.setdefault(lid, set()).add((doc, ev))
    return {(frozenset(members[e["id"]]), e["fatalities"], e["contradicted"])
            for e in led.events(limit=None)}  # fmt: skip


def _merged(path: Path, batches: list[list[Report]]) -> set:
    with Ledger(path) as led:
        for batch in batches:
            for report in batch:
                led.add_report(report)
            led.merge()
        return _partition(led)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(seed=st.integers(0, 10_000), n=st.integers(2, 40), data=st.data())
def test_order_splits_and_re_merges_give_the_same_events(
    tmp_path: Path, seed: int, n: int, data: st.DataObject
) -> None:
    reports = _corpus(seed, n)
    order = data.draw(st.permutations(range(n)))
    cut = data.draw(st.integers(0, n))
    shuffled = [reports[i] for i in order]
    tag = f"{seed}-{n}-{cut}-{hash(tuple(order)) & 0xffff}"
    in_order = _merged(tmp_path / f"a-{tag}.db", [reports])
    split = _merged(tmp_path / f"b-{tag}.db", [shuffled[:cut], shuffled[cut:]])
    assert split == in_order
    keys = [k for members, _, _ in in_order for k in members]
    assert len(keys) == len(set(keys)) == n  # every report in exactly one event
    with Ledger(tmp_path / f"b-{tag}.db") as led:
        led.merge(full=True)
        assert _partition(led) == in_order
