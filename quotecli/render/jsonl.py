"""JSON Lines: the one serialiser of every JSON stream (compact, non-ASCII kept as is)."""

from __future__ import annotations

import json
import re

from quotecli.results import QueryResult

# One encoder for the run: json.dumps with options builds a new one for every line.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# JSON escapes C0 itself; DEL, C1 and the bidirectional overrides would pass raw with
# ensure_ascii=False and reach a terminal that shows the stream (issue 11). They can only stand
# inside strings, so writing them as \uXXXX escapes keeps the JSON equal.
_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def dumps(obj: dict) -> str:
    """One line (no newline) of compact JSON, non-ASCII kept but no control character raw."""
    text = _ENCODER.encode(obj)
    if _RAW.search(text) is None:
        return text
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(result: QueryResult) -> str:
    """One line of JSON for ``result``."""
    return dumps(result.to_json())
