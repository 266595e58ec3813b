"""Events and actors (issue 6): reports to ACLED-coded events.

``EventCoder`` is the pipeline stage; ``classify`` the snippet classifier behind it;
``train`` fits a classifier on the user's own coded events.
"""

from __future__ import annotations

from .classify import classify
from .learn import train

__all__ = ["EventCoder", "classify", "train"]


def __getattr__(name: str):  # noqa: ANN202 - module-level lazy attribute
    # The stage pulls in actors and fatalities; keep ``classify`` imports light.
    if name == "EventCoder":
        from .coder import EventCoder

        return EventCoder
    raise AttributeError(name)
