"""The transcript data model: sources, speakers, turns and paragraphs, with code-point offsets.

A ``Source`` holds its whole file text; every offset in quote (a paragraph's, a quotation's) is
a code point into that text, so ``source.text[start:end]`` is always what was published.
Square brackets inside a turn are the editor's words (a "note de la rédaction"), not the
speaker's; so are parenthesised stage notes ("(laughter)", "((applause))"). This module has
no I/O: ``fileformat`` reads and writes the project's files.
"""

from __future__ import annotations

import re

from quotecli.records import NamedTuple, dataclass, field
from quotecli.status import DataError

# "unattributed": words the file gives to nobody (Otter's "Unknown Speaker", a ">>" change with
# no name, prose before any label); kept and searchable, never cited as anyone's (issue 12).
ROLES = (
    "interviewee", "interviewer", "editor", "host", "guest", "moderator", "speaker",
    "unattributed",
)  # fmt: skip
# A transcriber's stage note in parentheses ("(laughter)", "((applause))") is the editor's
# too, like a bracketed one: only for these words, since parentheses are also speech (#12).
_STAGE = (
    r"applause|applaudissements|laughter|laughs?|laughing|rires?|crosstalk|inaudible|music"
    r"|musique|not clear|unclear|unintelligible|indistinct|inintelligible|incompréhensible"
)  # "(not clear)", "(laughing)": an oral history's transcriber (blind files8)
_BRACKETS = re.compile(rf"\[[^\[\]\n]*\]|\(\(?[ \t]*(?:{_STAGE})\b[^()\n]{{0,30}}\)?\)", re.I)


class TranscriptError(DataError):
    """A transcript cannot be read or written; the message is one line for a person."""


class Speaker(NamedTuple):
    """Whose words a turn holds."""

    id: str
    name: str
    role: str
    title: str | None = None
    labels: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "title": self.title}


class Paragraph(NamedTuple):
    """A paragraph of the published text, numbered from 1 across the whole body."""

    number: int
    start: int  # first quotable code point (after a speaker label)
    end: int


@dataclass(frozen=True)
class Turn:
    """Consecutive paragraphs of one speaker."""

    index: int
    speaker: Speaker
    paragraphs: tuple[Paragraph, ...]
    label: str | None = None  # the label as printed at the start of the turn, if any
    attrs: tuple[tuple[str, str], ...] = ()  # extra ``key=value`` from the turn line

    @property
    def start(self) -> int:
        return self.paragraphs[0].start

    @property
    def end(self) -> int:
        return self.paragraphs[-1].end


@dataclass(frozen=True)
class Source:
    """One interview: its metadata, its whole file text and its turns."""

    id: str
    path: str
    text: str
    outlet: str
    date: str | None
    language: str
    interviewer: str | None
    title: str | None
    url: str | None
    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    credit: str | None = None
    numbered_paragraphs: bool = False
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def interviewees(self) -> tuple[Speaker, ...]:
        return tuple(s for s in self.speakers if s.role in ("interviewee", "guest"))

    def editorial_spans(self) -> list[tuple[int, int]]:
        """Code-point spans of the editor's notes (square brackets inside turns)."""
        spans = []
        for turn in self.turns:
            for p in turn.paragraphs:
                for m in _BRACKETS.finditer(self.text, p.start, p.end):
                    spans.append((m.start(), m.end()))
        return spans

    def time_of(self, start: int, end: int) -> dict | None:
        """The cue times of the text at ``start:end``, joined: {"start": …, "end": …}.

        A timed turn (subtitles) has ``cues=START/END,…`` in its turn line, one cue per line
        of the turn's text, in order; a turn with only ``start=``/``end=`` gives those. None
        when the text is not timed.
        """
        for turn in self.turns:
            if not turn.start <= start <= turn.end:
                continue
            attrs = dict(turn.attrs)
            if "cues" not in attrs:
                if "start" in attrs:
                    return {"start": attrs["start"], "end": attrs.get("end")}
                return None
            cues = [c.split("/", 1) for c in attrs["cues"].split(",")]
            lines = []  # (first, last) code point of each line of the turn's text
            for p in turn.paragraphs:
                pos = p.start
                for line in self.text[p.start : p.end].split("\n"):
                    lines.append((pos, pos + len(line)))
                    pos += len(line) + 1
            first = next((i for i, (a, b) in enumerate(lines) if start <= b), 0)
            last = next((i for i, (a, b) in enumerate(lines) if end <= b), len(lines) - 1)
            first, last = min(first, len(cues) - 1), min(last, len(cues) - 1)
            return {"start": cues[first][0], "end": cues[last][-1]}
        return None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "date": self.date,
            "interviewer": self.interviewer,
            "title": self.title,
            "url": self.url,
            "language": self.language,
        }
