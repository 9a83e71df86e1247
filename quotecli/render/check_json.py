"""JSON Lines printer for ``quote check``: one object per quotation, then one summary object.

The contract (``schema`` 1; keys are never missing, null when unknown)::

    {"schema": 1, "line": int, "quotation": str, "verdict": str, "attributed_to": str|null,
     "speaker": {"name", "role", "title"}|null, "source_quote": str|null,
     "diff": [{"op", "draft", "source"}]|null, "citation": {...}|null,
     "reason": str, "kinds": [str], "cuts": [str], "block": bool, "alternatives": [...]}
    {"schema": 1, "summary": {"quotations": int, "verbatim": int, …, "ok": bool}}

``citation`` holds the one-line text, the source id, the paragraph and the offsets (``unit``:
code points into the transcript file) and the CSL-JSON item.
"""

from __future__ import annotations

import json

from quotecli.check.verify import VERDICTS, Passage, Verdict

SCHEMA = 1


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _passage(p: Passage) -> dict:
    return {"source_quote": p.text, "speaker": p.speaker.to_json(), "citation": p.citation}


class Printer:
    """Renders verdicts as JSON Lines (never coloured)."""

    def render(self, v: Verdict) -> str:
        """One compact line for one quotation."""
        p = v.passage
        obj = {
            "schema": SCHEMA,
            "line": v.quotation.line,
            "quotation": v.quotation.text,
            "verdict": v.verdict,
            "attributed_to": v.quotation.attribution,
            "speaker": p.speaker.to_json() if p else None,
            "source_quote": p.text if p else None,
            "diff": [{"op": d.op, "draft": d.draft, "source": d.source} for d in v.diff]
            if v.diff
            else None,
            "citation": p.citation if p else None,
            "reason": v.reason,
            "kinds": list(v.kinds),
            "cuts": list(v.cuts),
            "block": v.quotation.block,
            "alternatives": [_passage(a) for a in v.alternatives],
        }
        return _dumps(obj)

    def summary(self, verdicts: list[Verdict]) -> str:
        """The closing object: how many quotations got each verdict."""
        counts = {k: sum(1 for v in verdicts if v.verdict == k) for k in VERDICTS}
        body = {"quotations": len(verdicts), **counts, "ok": all(v.ok for v in verdicts)}
        return _dumps({"schema": SCHEMA, "summary": body})
