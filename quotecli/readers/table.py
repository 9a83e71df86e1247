"""Tables of turns: CSV or TSV files, a row a turn, a header naming the columns (issue 12).

Transcription tools and archives export transcripts as spreadsheets: an oral-history archive's
"speaker,timestamp,words,tags" (CollectionBuilder's Oral History as Data), a diarization
pipeline's "Speaker,Start Time,End Time,Transcript", "speaker,start_ms,end_ms,text", an
editor's "speaker,content,start,end". The header says which column is who, which the words
and which the time, in any order and case; the rows are read by Python's ``csv`` module (the
delimiter the header line uses: comma, tab or semicolon), then made into turns by the JSON
reader's rule (``chat.from_rows``): a row a turn, its time to the next row's. A row with no
speaker is unattributed, never guessed; other columns (tags, confidence) are not speech.
"""

from __future__ import annotations

import csv
import io
import re

from quotecli.readers import chat
from quotecli.readers.builder import Draft, ReaderError

# a column's header, folded ("Start Time", "start_time" → "start time"), and what it holds
_WHO = ("speaker", "speaker name", "name", "participant", "voice", "who")
_WORDS = (
    "words",
    "text",
    "transcript",
    "transcription",
    "content",
    "utterance",
    "line",
    "message",
    "body",
)
_START = ("timestamp", "start", "start time", "time", "begin", "from", "in")
_DELIMITERS = ",\t;"
EXPECTED = (
    "expected a header naming a speaker column (speaker, name…) and a words column (words, "
    "text, transcript…)"
)


def _column(header: str) -> tuple[str, float]:
    """A header folded, and the unit of a time in it: "start_ms" → ("start", 0.001)."""
    folded = " ".join(re.sub(r"[_\-.]+", " ", header.strip().strip("\ufeff").lower()).split())
    for tail, unit in ((" ms", 0.001), (" (ms)", 0.001), (" seconds", 1.0), (" (s)", 1.0)):
        if folded.endswith(tail):
            return folded.removesuffix(tail), unit
    return folded, 0.0  # a clock time ("0:02", "00:01:20") or seconds


def _delimiter(first: str) -> str | None:
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _header(first: str) -> tuple[str, dict[str, int]] | None:
    """The delimiter and the columns {"who", "words", "start"} of a header line (an end
    column is not needed: a turn ends where the next begins)."""
    delimiter = _delimiter(first)
    if delimiter is None:
        return None
    found = columns(next(csv.reader([first], delimiter=delimiter)))
    return (delimiter, found) if found is not None else None


def columns(cells: list[str]) -> dict[str, int] | None:
    """Which of a table's header cells is who speaks, the words and the start time ({"who",
    "words", "start"}: a CSV's header row, a Word table's first row); None without the two
    first."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name, _ = _column(cell)
        for key, names in (("who", _WHO), ("words", _WORDS), ("start", _START)):
            if name in names and key not in found:
                found[key] = i
    return found if "who" in found and "words" in found else None


def sniff(head: str) -> bool:
    """Whether the text opens with a header of a table of turns."""
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    return len(first) <= 400 and _header(first) is not None


def read(text: str) -> Draft:
    """A table's rows as turns; the header decides the columns."""
    body = text.lstrip("\ufeff")
    first = body.split("\n", 1)[0]
    found = _header(first)
    if found is None:
        raise ReaderError(f"{EXPECTED}; the first line is {first[:80]!r}")
    delimiter, at = found
    try:
        reader = csv.reader(io.StringIO(body), delimiter=delimiter)
        header = next(reader)
        table = list(reader)
    except csv.Error as exc:
        raise ReaderError(f"not a readable table ({exc})") from None
    units = {key: _column(header[i])[1] for key, i in at.items()}
    rows = []
    for cells in table:
        if not any(c.strip() for c in cells):
            continue
        row = {
            key: _time(cells[i], units[key]) if key == "start" else cells[i]
            for key, i in at.items()
            if i < len(cells)
        }
        who, words, start = row.get("who"), row.get("words"), row.get("start")
        rows.append({"speaker": who, "text": words, "start": start})
    if not rows:
        raise ReaderError("no rows under the header")
    return chat.from_rows(rows, nameless=True)


def _time(cell: str, unit: float):
    """A time cell: a number of milliseconds or seconds as the header says, or a clock."""
    cell = cell.strip()
    if unit and re.fullmatch(r"\d+(?:\.\d+)?", cell):
        return float(cell) * unit
    return cell or None
