"""JSON turns: a list of ``{"speaker": …, "time": …, "message": …}`` (diarized transcripts).

The shape machine transcription pipelines write (whisper + pyannote "chat" exports): one object
per turn, the speaker's name, the turn's start time, its words. Each object becomes a turn of
that speaker; its time is kept as the turn's start, and the next turn's start is its end, so
a quotation is cited by time like subtitles (``transcript.Source.time_of``). Names such as
"Unknown" are kept as printed and marked unidentified; they are never guessed.
"""

from __future__ import annotations

import json
import re

from quotecli.readers.builder import Draft, ReaderError

_TIME = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$")


def sniff(head: str) -> bool:
    start = head.lstrip()[:2000]
    return start.startswith("[") and '"speaker"' in start and '"message"' in start


def _time(value) -> str | None:
    m = _TIME.match(str(value or "").strip())
    if not m:
        return None
    h, mi, s, ms = m.groups()
    return f"{int(h):02d}:{mi}:{s}.{(ms or '0').ljust(3, '0')}"


def read(raw: str) -> Draft:
    """Turns in file order; a row without a speaker or words is an error naming the row."""
    try:
        rows = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(rows, list) or not rows:
        raise ReaderError('expected a JSON list of {"speaker", "time", "message"} objects')
    draft = Draft()
    times = [_time(r.get("time")) if isinstance(r, dict) else None for r in rows]
    for n, row in enumerate(rows):
        if not isinstance(row, dict) or not str(row.get("speaker") or "").strip():
            raise ReaderError(f"row {n + 1}: no speaker")
        message = str(row.get("message") or "").strip()
        if not message:
            continue
        label = draft.speaker(" ".join(str(row["speaker"]).split()))
        attrs = {}
        start = times[n]
        if start:
            end = next((t for t in times[n + 1 :] if t), start)
            lines = message.count("\n") + 1
            attrs = {"start": start, "end": end, "cues": ",".join([f"{start}/{end}"] * lines)}
        draft.turns.append((label, [message], attrs))
    if not draft.turns:
        raise ReaderError("no turns with words")
    for sp in draft.speakers.values():
        if sp.name.lower() in ("unknown", "speaker", "inconnu"):
            sp.title = "unidentified"
    return draft
