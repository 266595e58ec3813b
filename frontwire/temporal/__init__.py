"""Time stage: TIMEX3 tagging and normalisation, and event dates for the events stage.

>>> from frontwire.temporal import tag
>>> [(t.text, t.value) for t in tag("Shelling hit Kharkiv on Tuesday.", "2024-03-14")]
[('Tuesday', '2024-03-12')]
"""

from __future__ import annotations

from .tagger import TimeTagger, tag
from .when import event_date

__all__ = ["TimeTagger", "event_date", "tag"]
