"""JSON Lines: the one serialiser of every JSON stream (compact, non-ASCII kept as is)."""

from __future__ import annotations

import json

from quotecli.results import QueryResult

# One encoder for the run: json.dumps with options builds a new one for every line.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(obj: dict) -> str:
    """One line (no newline) of compact JSON."""
    return _ENCODER.encode(obj)


def render(result: QueryResult) -> str:
    """One line of JSON for ``result``."""
    return dumps(result.to_json())
