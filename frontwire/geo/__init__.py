"""Geoparsing: find place names in a report and resolve them to GeoNames entries.

Public surface: :class:`Geoparser` (the ``geo`` stage), :func:`resolve_spans`
(gold-span resolution), :func:`event_location` (an event's place and precision;
:class:`EventLocator` for the many events of one report) and :func:`get_gazetteer`
(the shared, cached gazetteer service).
"""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerError, get_gazetteer
from .locate import EventLocator, event_location
from .stage import Geoparser, resolve_spans

__all__ = [
    "EventLocator",
    "Gazetteer",
    "GazetteerError",
    "Geoparser",
    "event_location",
    "get_gazetteer",
    "resolve_spans",
]
