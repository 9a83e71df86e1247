"""Results are data: every result type of quote, frozen, and the JSON contract each one owns.

pipx's model: the core returns these objects, printers render them as text, JSON Lines or
TSV, and never reach past them into the matcher. ``to_json`` gives the versioned contract of
the README (``schema`` :data:`SCHEMA`): keys are never missing (null when unknown), offsets
name their unit (:data:`UNIT`: code points into the transcript file, so
``source.text[start:end]`` is the quotation). Adding a key is fine; renaming one is not.
"""

from __future__ import annotations

from quotecli.records import dataclass
from quotecli.transcript import Source, Speaker

SCHEMA = 1
UNIT = "code points"


@dataclass(frozen=True)
class Citation:
    """A rendered citation, one shape everywhere. All fields but ``html``/``csl`` are text.

    ``text`` is the line to paste (a note style's footnote, else the bibliography entry or the
    record); ``csl`` the CSL-JSON item it was rendered from. ``style`` is None for the core's
    own one-line citation (no style asked for).
    """

    style: str | None
    locale: str
    bibliography: str
    in_text: str
    note: str | None
    text: str
    html: str
    csl: dict
    note_html: str | None = None  # the note's own HTML (note styles): its <i> for a terminal

    def to_json(self) -> dict:
        """The ``citation`` object of the JSON output (fixed keys; ``note`` may be null)."""
        return {
            "style": self.style,
            "locale": self.locale,
            "bibliography": self.bibliography,
            "in_text": self.in_text,
            "note": self.note,
            "text": self.text,
            "csl": self.csl,
        }


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
    citation: Citation
    notes: tuple[str, ...] = ()  # editor's notes inside the matched words, verbatim
    context: str | None = None  # the question that prompted an answer (--context)
    time: dict | None = None  # {"start": "HH:MM:SS.mmm", "end": …} of a timed transcript
    # source tokens damaged by character recognition that the match reads as the phrase's
    # words: (as printed, read as), issue 13
    misread: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        return {
            "quote": self.quote,
            "match": self.match,
            "start": self.start,
            "end": self.end,
            "unit": UNIT,
            "paragraph": self.paragraph,
            "score": self.score,
            "exact": self.exact,
            "editorial": self.editorial,
            "speaker": self.speaker.to_json(),
            "source": self.source.to_json(),
            "citation": self.citation.to_json(),
            "context": self.context,
            "time": self.time,
            "misread": [{"printed": a, "read": b} for a, b in self.misread],
        }


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level diff: ``same``, ``spelling``, ``changed``, ``added`` (in the
    draft only), ``dropped`` (in the source only), ``moved`` or ``cut`` (a marked cut)."""

    op: str
    draft: str | None
    source: str | None

    def to_json(self) -> dict:
        return {"op": self.op, "draft": self.draft, "source": self.source}


@dataclass(frozen=True)
class Closest:
    """The nearest passage of a phrase that was not found: shown as such, never as a quote.

    ``text`` is the source's own sentence(s) (``source.text[start:end]``); ``diff`` lines the
    typed phrase up with the words of it the matcher compared (:class:`DiffOp`, the phrase on
    the ``draft`` side); ``critical`` names the differences that change what is said:
    "negation", "number", "name", "antonym" (issue 13).
    """

    text: str
    start: int
    end: int
    score: float
    reason: str
    speaker: Speaker
    source: Source
    diff: tuple[DiffOp, ...] = ()
    critical: tuple[str, ...] = ()
    by: str = "words"  # or "meaning": chosen by the sentence encoder (matching.semantic)
    languages: tuple[str, str] | None = None  # (phrase, source) when they differ

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "unit": UNIT,
            "score": self.score,
            "reason": self.reason,
            "speaker": self.speaker.to_json(),
            "source_id": self.source.id,
            "diff": [d.to_json() for d in self.diff],
            "critical": list(self.critical),
            "by": self.by,
            "languages": (
                {"phrase": self.languages[0], "source": self.languages[1]}
                if self.languages
                else None
            ),
        }


@dataclass(frozen=True)
class QueryResult:
    """The answer to one phrase of ``quote find``."""

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


# --- quote check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quotation:
    """One quotation of an article draft, as written there."""

    line: int  # 1-based line of the draft where the quotation opens
    text: str  # the words between the marks (a blockquote's lines joined by spaces)
    start: int  # code points into the draft
    end: int
    block: bool  # a Markdown blockquote rather than an inline quotation
    attribution: str | None  # the person as the draft names them, or None


@dataclass(frozen=True)
class Passage:
    """Where a quotation's words are in one source: the source's exact text and its speaker."""

    source: Source
    speaker: Speaker
    text: str  # the source's own words, fragments joined by " […] "
    start: int  # code points into source.text
    end: int
    paragraph: int
    editorial: bool  # includes an editor's note
    citation: Citation

    def citation_json(self) -> dict:
        """The citation with where the passage is: source id, paragraph, offsets and unit."""
        return {
            **self.citation.to_json(),
            "source": self.source.id,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "unit": UNIT,
        }

    def to_json(self) -> dict:
        return {
            "source_quote": self.text,
            "speaker": self.speaker.to_json(),
            "citation": self.citation_json(),
        }


VERDICTS = ("verbatim", "drift", "misattributed", "ambiguous", "not_found", "too_short")


@dataclass(frozen=True)
class Verdict:
    """The fact-checker's judgement of one quotation of a draft."""

    quotation: Quotation
    verdict: str
    reason: str  # one line for a person
    passage: Passage | None = None
    diff: tuple[DiffOp, ...] | None = None
    kinds: tuple[str, ...] = ()
    cuts: tuple[str, ...] = ()  # the source's words left out at each marked cut
    alternatives: tuple[Passage, ...] = ()
    closest: Closest | None = None  # for not_found: the passage meant, not a quotation

    @property
    def ok(self) -> bool:
        return self.verdict == "verbatim"

    def to_json(self) -> dict:
        p = self.passage
        return {
            "schema": SCHEMA,
            "type": "verdict",
            "line": self.quotation.line,
            "quotation": self.quotation.text,
            "verdict": self.verdict,
            "attributed_to": self.quotation.attribution,
            "speaker": p.speaker.to_json() if p else None,
            "source_quote": p.text if p else None,
            "diff": [d.to_json() for d in self.diff] if self.diff else None,
            "citation": p.citation_json() if p else None,
            "reason": self.reason,
            "kinds": list(self.kinds),
            "cuts": list(self.cuts),
            "block": self.quotation.block,
            "alternatives": [a.to_json() for a in self.alternatives],
            "closest": self.closest.to_json() if self.closest else None,
        }


def check_summary(verdicts: list[Verdict]) -> dict:
    """The closing object of ``quote check --json``: how many quotations got each verdict."""
    counts = {k: sum(1 for v in verdicts if v.verdict == k) for k in VERDICTS}
    body = {"quotations": len(verdicts), **counts, "ok": all(v.ok for v in verdicts)}
    return {"schema": SCHEMA, "type": "summary", "summary": body}


# --- the library ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One line of ``quote sources``: a transcript quote searches, bundled or imported."""

    id: str
    outlet: str | None
    date: str | None
    title: str | None
    language: str | None
    speakers: tuple[dict, ...]  # {"id", "name", "role", "turns"}
    turns: int
    format: str | None
    bundled: bool
    unattributed: int = 0  # turns the file gives to nobody (role "unattributed", issue 12)

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "outlet": self.outlet,
            "date": self.date,
            "title": self.title,
            "language": self.language,
            "speakers": [
                {"id": s["id"], "name": s["name"], "role": s["role"], "turns": s.get("turns")}
                for s in self.speakers
            ],
            "turns": self.turns,
            "unattributed": self.unattributed,
            "format": self.format,
            "bundled": self.bundled,
        }


@dataclass(frozen=True)
class Imported:
    """One file of ``quote import`` that went in: under which id, by which reader."""

    path: str
    id: str
    format: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportFailure:
    """One file of ``quote import`` that did not go in, and why (one line)."""

    path: str
    reason: str
