"""Geoparsing: find place names in a report and resolve them to GeoNames entries."""

from __future__ import annotations

from .gazetteer import Gazetteer, get_gazetteer

__all__ = ["Gazetteer", "get_gazetteer"]

from .stage import Geoparser, resolve_spans  # noqa: E402

__all__ += ["Geoparser", "resolve_spans"]
