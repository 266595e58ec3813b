"""The analyst's desk over HTTP (issue 7): JSON API, web page, review, tokens."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
