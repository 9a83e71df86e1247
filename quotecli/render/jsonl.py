"""JSON Lines: the one serialiser of every JSON stream (compact, non-ASCII kept as is)."""

from __future__ import annotations

import json

from quotecli.results import QueryResult


def dumps(obj: dict) -> str:
    """One line (no newline) of compact JSON."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def render(result: QueryResult) -> str:
    """One line of JSON for ``result``."""
    return dumps(result.to_json())
