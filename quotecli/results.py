"""Results are data: frozen dataclasses that every printer renders (pipx's model).

``to_json`` gives the versioned JSON contract documented in the README; printers never reach
past these objects into the matcher.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotecli.transcript import Source, Speaker

SCHEMA = 1


@dataclass(frozen=True)
class Match:
    """A quotation: verbatim text at known offsets, its speaker and its citation."""

    quote: str
    match: str
    start: int  # code points into the file at source.path; text[start:end] == quote
    end: int
    match_start: int
    match_end: int
    paragraph: int
    score: float
    exact: bool
    editorial: bool
    speaker: Speaker
    source: Source
    citation: dict  # {"text": str, "csl": {...}} plus the style fields once styles render
    notes: tuple[str, ...] = ()  # editor's notes inside the matched words, verbatim
    context: str | None = None  # the question that prompted an answer (--context)
    time: dict | None = None  # {"start": "HH:MM:SS.mmm", "end": …} of a timed transcript

    def to_json(self) -> dict:
        return {
            "quote": self.quote,
            "match": self.match,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "score": self.score,
            "exact": self.exact,
            "editorial": self.editorial,
            "speaker": self.speaker.to_json(),
            "source": self.source.to_json(),
            "citation": self.citation,
            "context": self.context,
            "time": self.time,
        }


@dataclass(frozen=True)
class Closest:
    """The nearest passage of a phrase that was not found: shown as such, never as a quote."""

    text: str
    start: int
    end: int
    score: float
    reason: str
    speaker: Speaker
    source: Source

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "reason": self.reason,
            "speaker": self.speaker.to_json(),
            "source_id": self.source.id,
        }


@dataclass(frozen=True)
class QueryResult:
    query: str
    found: bool
    ambiguous: bool
    matches: tuple[Match, ...] = ()
    closest: Closest | None = None

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "query": self.query,
            "found": self.found,
            "ambiguous": self.ambiguous,
            "matches": [m.to_json() for m in self.matches],
            "closest": self.closest.to_json() if self.closest else None,
        }
