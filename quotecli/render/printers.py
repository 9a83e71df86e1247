"""Choosing a printer: text, JSON Lines, TSV, or one bare field for ``$(…)``.

A printer has a ``header`` (printed once, or None) and ``render(result)`` (the text for one
query, or None when there is nothing to print, e.g. a bare field of a phrase not found).
"""

from __future__ import annotations

from quotecli.records import dataclass
from quotecli.render import safe
from quotecli.results import Match, QueryResult


@dataclass
class Printer:
    output: str
    field: str | None
    color: bool
    locale: str
    count: int = 0

    @property
    def header(self) -> str | None:
        if self.output == "tsv" and self.field is None:
            from quotecli.render import tsv

            return tsv.HEADER
        return None

    def render(self, result: QueryResult) -> str | None:
        self.count += 1
        if self.field is not None:
            values = [_field(m, self.field) for m in result.matches]
            if self.output == "json":
                from quotecli.render.jsonl import dumps
                from quotecli.results import SCHEMA

                return dumps({"schema": SCHEMA, "query": result.query, self.field: values})
            return "\n".join(safe(v) for v in values) if values else None
        if self.output == "json":
            from quotecli.render import jsonl

            return jsonl.render(result)
        if self.output == "tsv":
            from quotecli.render import tsv

            return tsv.render(result)
        from quotecli.render import text

        block = text.render(result, text.Style(self.color), self.locale)
        return block if self.count == 1 else "\n" + block


def _field(m: Match, name: str) -> str:
    value = {
        "quote": m.quote,
        "match": m.match,
        "citation": m.citation.text,
        "speaker": m.speaker.name,
        "source": m.source.id,
    }[name]
    return value
