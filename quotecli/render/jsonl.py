"""JSON Lines printer: one compact object per query, the versioned contract of the README."""

from __future__ import annotations

import json

from quotecli.results import QueryResult


def render(result: QueryResult) -> str:
    """One line (no newline) of JSON for ``result``; non-ASCII kept as is."""
    return json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":"))
