"""JSON Lines printer for ``quote check``: one object per quotation, then one summary object.

The contract (``schema`` 1; keys are never missing, null when unknown; ``type`` tells the
two kinds of line apart)::

    {"schema": 1, "type": "verdict", "line": int, "quotation": str, "verdict": str,
     "attributed_to": str|null, "speaker": {"name", "role", "title"}|null,
     "source_quote": str|null, "diff": [{"op", "draft", "source"}]|null,
     "citation": {...}|null, "reason": str, "kinds": [str], "cuts": [str], "block": bool,
     "alternatives": [...], "closest": {...}|null}  (closest: for not_found, as find's)
    {"schema": 1, "type": "summary", "summary": {"quotations": int, "verbatim": int, …, "ok": bool}}

``citation`` holds the one-line text, the source id, the paragraph and the offsets (``unit``:
code points into the transcript file) and the CSL-JSON item. The objects are the results'
own ``to_json``; this printer only serialises them.
"""

from __future__ import annotations

from quotecli.render.jsonl import dumps
from quotecli.results import Verdict, check_summary


class Printer:
    """Renders verdicts as JSON Lines (never coloured)."""

    def render(self, v: Verdict) -> str:
        """One compact line for one quotation."""
        return dumps(v.to_json())

    def summary(self, verdicts: list[Verdict]) -> str:
        """The closing object: how many quotations got each verdict."""
        return dumps(check_summary(verdicts))
