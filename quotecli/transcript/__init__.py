"""Transcripts: the data model and the project's own file format.

A transcript file (``*.quote.txt``) is UTF-8 text a person can read and edit::

    +++
    schema = 1
    id = "la-tribune-2024-02-ferrari"
    outlet = "La Tribune"
    date = "2024-02"            # YYYY, YYYY-MM or YYYY-MM-DD: the precision is what is known
    language = "fr"
    interviewer = "Sylvain Rolland"
    title = ""                  # empty: not known (never invented)
    url = ""

    [[speakers]]
    id = "ferrari"
    name = "Marina Ferrari"
    role = "interviewee"
    title = "secrétaire d'État chargée du Numérique"
    labels = ["MARINA FERRARI"]
    +++

    ::: ferrari
    MARINA FERRARI - Non, nous n'avions pas connaissance…

    Ceci dit, je trouve formidable…

The front matter is TOML between ``+++`` lines. The body is a sequence of turns: a line
``::: SPEAKER-ID`` opens a turn, its paragraphs follow, separated by blank lines, verbatim.
A leading speaker label ("MARINA FERRARI - ") stays in the text, as published, but is not
part of what can be quoted. Square brackets inside a turn are the editor's words (a "note de la
rédaction"), not the speaker's. Offsets everywhere in quote are code points into this file's
text, so ``text[start:end]`` is always the quotation.

This module reads and writes that format and nothing else; raw forms are the readers' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

SCHEMA = 1
ROLES = ("interviewee", "interviewer", "editor", "host", "guest", "moderator", "speaker")
_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
_TURN = re.compile(r"^::: *([A-Za-z0-9][\w.-]*)(?: +(.*))?$")
_LABEL_SEP = re.compile(r"\s*(?:[-–—]|:)\s+|\s*:\s*")
_BRACKETS = re.compile(r"\[[^\[\]\n]*\]")


class TranscriptError(ValueError):
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


def _none_if_empty(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def parse(text: str, path: str = "<string>") -> Source:
    """Read a transcript from its file text; raise TranscriptError naming the problem."""
    import tomllib

    if text.startswith("\ufeff"):
        raise TranscriptError(f"{path}: starts with a byte-order mark; save it as plain UTF-8")
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "+++":
        raise TranscriptError(f"{path}: not a quote transcript (no '+++' front matter)")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "+++")
    except StopIteration:
        raise TranscriptError(f"{path}: front matter is not closed by a '+++' line") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:close]))
    except tomllib.TOMLDecodeError as exc:
        raise TranscriptError(f"{path}: front matter is not valid TOML ({exc})") from None
    if meta.get("schema") != SCHEMA:
        raise TranscriptError(f"{path}: unsupported schema {meta.get('schema')!r} (expected 1)")
    for key in ("id", "outlet", "language"):
        if not _none_if_empty(meta.get(key)):
            raise TranscriptError(f"{path}: front matter lacks '{key}'")
    date = _none_if_empty(meta.get("date"))
    if date is not None and not _DATE.match(date):
        raise TranscriptError(f"{path}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    speakers: dict[str, Speaker] = {}
    for raw in meta.get("speakers", []):
        sid = _none_if_empty(raw.get("id"))
        name = _none_if_empty(raw.get("name"))
        role = _none_if_empty(raw.get("role")) or "speaker"
        if not sid or not name:
            raise TranscriptError(f"{path}: every speaker needs an id and a name")
        if role not in ROLES:
            raise TranscriptError(f"{path}: speaker {sid!r} has unknown role {role!r}")
        labels = tuple(raw.get("labels", ()))
        speakers[sid] = Speaker(sid, name, role, _none_if_empty(raw.get("title")), labels)

    # Body: offsets are computed on the file text itself.
    offset = sum(len(line) + 1 for line in lines[: close + 1])
    turns: list[Turn] = []
    current: tuple[Speaker, tuple] | None = None
    paras: list[Paragraph] = []
    number = 0
    para_start: int | None = None
    para_end = 0

    def close_paragraph() -> None:
        nonlocal para_start
        if para_start is None:
            return
        if current is None:
            raise TranscriptError(f"{path}: text before the first '::: speaker' line")
        paras.append(Paragraph(number, para_start, para_end))
        para_start = None

    def close_turn() -> None:
        close_paragraph()
        if current is None:
            return
        if not paras:
            raise TranscriptError(f"{path}: a turn of {current[0].id!r} has no text")
        turns.append(_with_label(len(turns), current[0], tuple(paras), current[1], text))
        paras.clear()

    pos = offset
    for line in lines[close + 1 :]:
        bare = line.rstrip("\r")
        m = _TURN.match(bare)
        if m:
            close_turn()
            sid = m.group(1)
            if sid not in speakers:
                raise TranscriptError(f"{path}: turn of unknown speaker {sid!r}")
            attrs = tuple(tuple(a.split("=", 1)) for a in (m.group(2) or "").split() if "=" in a)
            current = (speakers[sid], attrs)
        elif bare.strip() == "":
            close_paragraph()
        else:
            if para_start is None:
                number += 1
                para_start = pos
            para_end = pos + len(bare)
        pos += len(line) + 1
    close_turn()
    if not turns:
        raise TranscriptError(f"{path}: no turns (no '::: speaker' line)")
    return Source(
        id=str(meta["id"]),
        path=path,
        text=text,
        outlet=str(meta["outlet"]),
        date=date,
        language=str(meta["language"]),
        interviewer=_none_if_empty(meta.get("interviewer")),
        title=_none_if_empty(meta.get("title")),
        url=_none_if_empty(meta.get("url")),
        speakers=tuple(speakers.values()),
        turns=tuple(turns),
        credit=_none_if_empty(meta.get("credit")),
        numbered_paragraphs=bool(meta.get("numbered_paragraphs", False)),
        extra={k: v for k, v in meta.items() if k not in _KNOWN_KEYS},
    )


_KNOWN_KEYS = {
    "schema", "id", "outlet", "date", "language", "interviewer", "title", "url",
    "speakers", "credit", "numbered_paragraphs",
}  # fmt: skip


def _with_label(index, speaker, paras, attrs, text) -> Turn:
    """Move the first paragraph's start past a printed speaker label ("NAME - ")."""
    first = paras[0]
    head = text[first.start : first.end]
    for label in sorted(speaker.labels, key=len, reverse=True):
        if head.startswith(label):
            sep = _LABEL_SEP.match(head, len(label))
            if sep and sep.end() < len(head):
                cut = first.start + sep.end()
                paras = (Paragraph(first.number, cut, first.end),) + paras[1:]
                return Turn(index, speaker, paras, head[: sep.end()], attrs)
    return Turn(index, speaker, paras, None, attrs)


def load(path) -> Source:
    """Read a transcript file; invalid UTF-8 and unreadable files are TranscriptErrors."""
    from pathlib import Path

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise TranscriptError(f"{p}: cannot read ({exc.strerror})") from None
    return parse(decode_utf8(raw, str(p)), str(p))


def decode_utf8(raw: bytes, name: str) -> str:
    """UTF-8 bytes → text; invalid UTF-8 is a TranscriptError naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TranscriptError(f"{name}: invalid UTF-8 at line {line}") from None


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def dump(meta: dict, speakers: list[dict], turns: list[tuple[str, list[str]]]) -> str:
    """Write a transcript: metadata, speakers and (speaker id, [paragraph texts]) turns.

    Hand-written rather than a TOML library: the front matter is a fixed, flat shape and the
    output must stay stable byte for byte (the bundled file is compared in tests).
    """
    out = ["+++", f"schema = {SCHEMA}"]
    for key, value in meta.items():
        if isinstance(value, bool):
            out.append(f"{key} = {'true' if value else 'false'}")
        else:
            out.append(f"{key} = {_toml_str('' if value is None else str(value))}")
    for sp in speakers:
        out += ["", "[[speakers]]"]
        for key in ("id", "name", "role", "title"):
            out.append(f"{key} = {_toml_str(sp.get(key) or '')}")
        labels = ", ".join(_toml_str(lab) for lab in sp.get("labels", ()))
        out.append(f"labels = [{labels}]")
    out.append("+++")
    for sid, paragraphs in turns:
        out += ["", f"::: {sid}"]
        for k, para in enumerate(paragraphs):
            if "\n\n" in para or para != para.strip() or _TURN.match(para.split("\n")[0]):
                raise TranscriptError(f"paragraph cannot be written verbatim: {para[:40]!r}")
            if k:
                out.append("")
            out.append(para)
    return "\n".join(out) + "\n"
