"""TSV printer: a header line, then one row per match (or one row for a phrase not found).

Columns are stable (add at the end, never reorder). Tabs, newlines, carriage returns and
backslashes inside values are escaped as \\t, \\n, \\r and \\\\ so that every record is one line;
other control characters are shown as \\xNN (``render.safe``), never sent to a terminal.
"""

from __future__ import annotations

from quotecli.render import safe
from quotecli.results import QueryResult

COLUMNS = (
    "query", "found", "ambiguous", "score", "exact", "speaker", "role", "editorial",
    "source", "paragraph", "start", "end", "quote", "citation",
)  # fmt: skip
HEADER = "\t".join(COLUMNS)


def escape(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return safe(text)  # ESC, BEL and the other controls shown, never obeyed (issue 10)


def render(result: QueryResult) -> str:
    rows = []
    for m in result.matches:
        values = (
            result.query, True, result.ambiguous, m.score, m.exact, m.speaker.name,
            m.speaker.role, m.editorial, m.source.id, m.paragraph, m.start, m.end, m.quote,
            m.citation.text,
        )  # fmt: skip
        rows.append("\t".join(escape(v) for v in values))
    if not rows:
        rows.append("\t".join(escape(v) for v in (result.query, False, False)) + "\t" * 11)
    return "\n".join(rows)
