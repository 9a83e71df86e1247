"""The project's own transcript file (``*.quote.txt``): read it, write it, nothing else.

A transcript file is UTF-8 text a person can read and edit::

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

Optional keys say what kind of source it is (issue 14): ``type`` (``interview``, the
default, ``podcast-episode``, ``broadcast``, ``press-conference``, ``speech``, ``debate``,
``hearing``), ``show`` (the podcast or programme), ``episode``, ``network``, ``medium``
(``radio``, ``tv``…) and ``accessed`` (YYYY-MM-DD). Like any key this module does not know,
they land in ``Source.extra``, read by ``quotecli.cite``.

The front matter is TOML between ``+++`` lines. The body is a sequence of turns: a line
``::: SPEAKER-ID`` opens a turn, its paragraphs follow, separated by blank lines, verbatim.
A leading speaker label ("MARINA FERRARI - ") stays in the text, as published, but is not
part of what can be quoted. Raw forms are the readers' job; this module only checks that a
file is what it says (ids, dates and roles through the ``text`` rules, every field's type).
"""

from __future__ import annotations

import json
import os
import re

from quotecli.text import dates, ids
from quotecli.transcript.model import ROLES, Paragraph, Source, Speaker, TranscriptError, Turn

SCHEMA = 1
_TURN = re.compile(r"^::: *([A-Za-z0-9][\w.-]*)(?: +(.*))?$")
_LABEL_SEP = re.compile(r"\s*(?:[-–—]|:)\s+|\s*:\s*")
_KNOWN_KEYS = {
    "schema", "id", "outlet", "date", "language", "interviewer", "title", "url",
    "speakers", "credit", "numbered_paragraphs",
}  # fmt: skip


def _text(value, path: str, key: str) -> str | None:
    """A front-matter string, stripped; None when empty. Other types are an error."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TranscriptError(f"{path}: '{key}' must be text (got {type(value).__name__})")
    value = value.strip()
    return value or None


# The front matter of the transcripts quote ships, parsed once when they change (issue 16): a
# plain search then never loads tomllib (nor datetime with it). Keyed by the front matter's own
# text, so a file that changed is parsed by tomllib like any other; tests/test_startup.py
# checks that the memo agrees with tomllib and regenerates it.
MEMO = os.path.join(os.path.dirname(__file__), "front_matter.json")
_memo: list[dict] = []


def _parsed(toml: str) -> dict | None:
    """The memo's parse of this front matter (a copy of its own), or None when not in it."""
    if not _memo:
        try:
            with open(MEMO, encoding="utf-8") as fh:
                _memo.append(json.load(fh))
        except (OSError, ValueError):
            _memo.append({})
    meta = _memo[0].get(toml)
    return json.loads(json.dumps(meta)) if isinstance(meta, dict) else None


def memo_entry(text: str) -> tuple[str, dict] | None:
    """The front matter of a transcript's text and tomllib's parse of it, for ``MEMO``; None
    when JSON cannot hold that parse exactly (a TOML date or time)."""
    import tomllib

    lines = text.split("\n")
    close = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "+++")
    toml = "\n".join(lines[1:close])
    meta = tomllib.loads(toml)
    try:
        exact = json.loads(json.dumps(meta)) == meta
    except TypeError:
        return None
    return (toml, meta) if exact else None


def _toml(toml: str, path: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(toml)
    except tomllib.TOMLDecodeError as exc:
        raise TranscriptError(f"{path}: front matter is not valid TOML ({exc})") from None
    except RecursionError:
        raise TranscriptError(f"{path}: front matter nests too deeply to be TOML") from None


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    """The TOML front matter and the index of its closing line."""
    if text.startswith("\ufeff"):
        raise TranscriptError(f"{path}: starts with a byte-order mark; save it as plain UTF-8")
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "+++":
        raise TranscriptError(f"{path}: not a quote transcript (no '+++' front matter)")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "+++"), None)
    if close is None:
        raise TranscriptError(f"{path}: front matter is not closed by a '+++' line")
    toml = "\n".join(lines[1:close])
    meta = _parsed(toml)
    if meta is None:
        meta = _toml(toml, path)
    if meta.get("schema") != SCHEMA:
        raise TranscriptError(f"{path}: unsupported schema {meta.get('schema')!r} (expected 1)")
    for key in ("id", "outlet", "language"):
        if not _text(meta.get(key), path, key):
            raise TranscriptError(f"{path}: front matter lacks '{key}'")
    date = meta.get("date")
    if not (date is None or isinstance(date, str) or type(date).__name__ == "date"):
        raise TranscriptError(f"{path}: 'date' must be a date (got {type(date).__name__})")
    try:
        ids.check(str(meta["id"]))
        meta["date"] = dates.normalize(date)
    except (ids.IdError, dates.DateError) as exc:
        raise TranscriptError(f"{path}: {exc}") from None
    return meta, close


def _speakers(meta: dict, path: str) -> dict[str, Speaker]:
    """The ``[[speakers]]`` tables, each checked (a list of tables with text fields)."""
    raw_list = meta.get("speakers", [])
    if not isinstance(raw_list, list) or not all(isinstance(r, dict) for r in raw_list):
        raise TranscriptError(f"{path}: 'speakers' must be a list of [[speakers]] tables")
    speakers: dict[str, Speaker] = {}
    for raw in raw_list:
        sid = _text(raw.get("id"), path, "speakers.id")
        name = _text(raw.get("name"), path, "speakers.name")
        role = _text(raw.get("role"), path, "speakers.role") or "speaker"
        if not sid or not name:
            raise TranscriptError(f"{path}: every speaker needs an id and a name")
        if not _TURN.match(f"::: {sid}") or " " in sid:
            raise TranscriptError(f"{path}: speaker id {sid!r} is not a valid id")
        if role not in ROLES:
            raise TranscriptError(f"{path}: speaker {sid!r} has unknown role {role!r}")
        labels = raw.get("labels", [])
        if not isinstance(labels, list) or not all(isinstance(lab, str) for lab in labels):
            raise TranscriptError(f"{path}: speaker {sid!r}: 'labels' must be a list of text")
        title = _text(raw.get("title"), path, "speakers.title")
        speakers[sid] = Speaker(sid, name, role, title, tuple(labels))
    return speakers


def _turns(text: str, lines: list[str], close: int, speakers, path: str) -> list[Turn]:
    """The body's turns, with paragraph offsets computed on the file text itself."""
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

    pos = sum(len(line) + 1 for line in lines[: close + 1])
    for line in lines[close + 1 :]:
        bare = line.rstrip("\r")
        m = _TURN.match(bare)
        if not m and bare.startswith(":::"):
            raise TranscriptError(f"{path}: a ':::' line without a valid speaker id: {bare[:40]!r}")
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
    return turns


def parse(text: str, path: str = "<string>") -> Source:
    """Read a transcript from its file text; raise TranscriptError naming the problem."""
    meta, close = _front_matter(text, path)
    speakers = _speakers(meta, path)
    turns = _turns(text, text.split("\n"), close, speakers, path)
    return Source(
        id=str(meta["id"]),
        path=path,
        text=text,
        outlet=str(meta["outlet"]),
        date=meta["date"],
        language=str(meta["language"]),
        interviewer=_text(meta.get("interviewer"), path, "interviewer"),
        title=_text(meta.get("title"), path, "title"),
        url=_text(meta.get("url"), path, "url"),
        speakers=tuple(speakers.values()),
        turns=tuple(turns),
        credit=_text(meta.get("credit"), path, "credit"),
        numbered_paragraphs=bool(meta.get("numbered_paragraphs", False)),
        extra={k: v for k, v in meta.items() if k not in _KNOWN_KEYS},
    )


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
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # text.decode names the line (imported only then: issue 16)
        from quotecli.text.decode import DecodeError, utf8

        try:
            text = utf8(raw, str(path))
        except DecodeError as exc:
            raise TranscriptError(str(exc)) from None
    return parse(text, str(path))


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
