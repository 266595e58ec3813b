"""Benchmark the events stage: snippets/s of the shipped classifier and of EventCoder.

Run as ``.venv/bin/python -m bench.bench_events``. The snippets are written here (no
gold data), cycled to a few thousand so timing is stable.
"""

from __future__ import annotations

import os
import tempfile

from bench.common import measure

SNIPPETS = [
    "Russian forces shelled residential districts of Kharkiv on Tuesday, killing three "
    "civilians and wounding eleven, the regional governor said.",
    "A Ukrainian drone strike hit an apartment block in Belgorod overnight, injuring two.",
    "Fighters of the Russian Volunteer Corps clashed with Russian troops near Tyotkino.",
    "Hundreds of people rallied peacefully in central Tbilisi against a foreign agents law.",
    "Police fired tear gas to disperse thousands of protesters outside parliament.",
    "Security services arrested four men in Kherson on suspicion of spying.",
    "Gunmen abducted five farmers near a village on Sunday.",
    "A roadside bomb exploded under a police truck, killing two officers.",
    "Villagers lynched a suspected cattle thief at the market.",
    "The two factions signed a ceasefire agreement in the capital.",
]


def main() -> None:
    # A fresh data folder so a user's trained model does not change what is measured.
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="fw-bench-")
    from frontwire.events import EventCoder, classify
    from frontwire.model import Document, Report

    items = [SNIPPETS[i % len(SNIPPETS)] + f" ({i})" for i in range(5000)]
    classify(items[:10])  # compile the rules outside the timing
    result = measure("events classify (snippets)", lambda t: classify([t]), items)
    print(f"{'':<28} = {result['articles_per_s']:.0f} snippets/s on one core")
    coder = EventCoder()
    reports = [Report(document=Document(id=str(i), text=t), text=t)
               for i, t in enumerate(items[:2000])]
    result = measure("events stage (EventCoder)", coder, reports)
    print(f"{'':<28} = {result['articles_per_s']:.0f} snippets/s through the stage")


if __name__ == "__main__":
    main()
