"""Time stage: TIMEX3 tagging and normalisation, and event dates for the events stage.

    >>> from frontwire.temporal import tag
    >>> [(t.text, t.value) for t in tag("Shelling hit Kharkiv on Tuesday.", "2024-03-14")]
    [('Tuesday', '2024-03-12')]

How it works: one scan of the lower-cased text finds trigger words (month and weekday
names, time units, "now", years, numeric dates, clock times); each grammar rule in
``grammar.py`` is tried only at the few word starts before a trigger of its class. The
longest valid candidates win, then the handlers normalise them left to right so each
can lean on the paragraph's previous expressions (``context.py``).

Values follow TIMEX3 as TimeBank/TempEval-3 annotate it: ``2024-03-12``, ``2024-W11``,
``2024-W11-WE``, ``2023-SU``, ``2023-Q3``, ``2023-H1``, ``199`` (the 1990s), ``20``
(the 2000s), ``2024-03-12T05:00``, ``2024-03-11TNI`` (a night), ``P3D``, ``PT5H30M``,
``PXY`` (years, vague), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, and ``XXXX-...``
where the document date is unknown. ``begin``/``finish`` give the days a calendar value
covers ("overnight" reported on the 12th: begin the 11th, finish the 12th). ``mod`` is
the TIMEX3 modifier read from the words in or before the expression (``mods.py``):
START/MID/END ("early/mid/late"), APPROX ("about"), LESS_THAN/MORE_THAN/EQUAL_OR_LESS/
EQUAL_OR_MORE on lengths, BEFORE/AFTER on points ("more than two years ago").

Resolution against the document date (DCT): weekdays and bare months go to the past or
the future by the verbs around them (``tense.py``: "said on Tuesday", "will meet on
Thursday", "the vote opens on Friday"); the DCT's own weekday is the DCT; a sentence
that names another year ("Last summer, ... in June") moves the following bare months to
it; "the next day" and "a year earlier" count from the previous expression.
"""

from __future__ import annotations

from .tagger import TimeTagger, tag
from .when import event_date

__all__ = ["TimeTagger", "event_date", "tag"]
