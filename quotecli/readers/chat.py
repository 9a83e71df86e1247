"""JSON turns: a list of ``{"speaker": …, "time": …, "message": …}`` (diarized transcripts),
and the outputs of speech-to-text services (issue 12):

- WhisperX: ``{"segments": [{"start", "end", "text", "speaker"}]}``;
- Amazon Transcribe Call Analytics: ``{"Transcript": [{"ParticipantRole", "Content",
  "BeginOffsetMillis", "EndOffsetMillis"}]}`` (the roles AGENT / CUSTOMER are the labels);
- AssemblyAI: ``{"utterances": [{"speaker": "A", "text", "start", "end"}]}`` (milliseconds);
- Deepgram: ``results.utterances`` when diarized, else the channel's one transcript, which
  names nobody (``Unattributed``). Summaries, sentiment, loudness, categories and the
  word-level copies of the same words are data about the speech, not speech: not read.

Consecutive segments of one speaker make one turn, each segment a line with its cue time.

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

_TIME = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")


# one object per turn: who speaks, under one of these keys, and their words under another
WHO_KEYS = ("speaker", "name", "personname", "person", "speaker_name", "member")
WORDS_KEYS = ("message", "text", "content")
TIME_KEYS = ("time", "start", "timestamp", "minute")
EXPECTED = (
    'expected a JSON list of turns ({"speaker" or "name", "text", "message" or "content", '
    'optionally "time", "start", "timestamp" or "minute"}) or {"segments": [...]}'
)


def sniff(head: str) -> bool:
    start = head.lstrip()[:20000]
    if start.startswith("["):
        return any(f'"{w}"' in start for w in WHO_KEYS) and any(
            f'"{k}"' in start for k in WORDS_KEYS
        )
    return start.startswith("{") and (
        '"segments"' in start
        and '"text"' in start
        or '"Transcript"' in start
        and '"ParticipantRole"' in start
        or '"results"' in start
        and '"alternatives"' in start
        or '"utterances"' in start
        and '"speaker"' in start
    )


def is_json(text: str) -> bool:
    """Whether the whole text is a JSON array or object (whatever its keys)."""
    start = text.lstrip("\ufeff \t\n")[:1]
    if start not in ("[", "{"):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _seconds(value) -> str | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    ms = int(round(value * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


# a segment's speaker: WhisperX "speaker", AWS-style "speakerLabel"/"speaker_label", ids
_SEGMENT_WHO = ("speaker", "speakerLabel", "speaker_label", "speakerId", "speaker_id", "spk")


def _speaker_names(listed) -> dict[str, str]:
    """A file's table of its speakers' names: {"spk_0": "Luciano"} or [{"id", "name"}]."""
    if isinstance(listed, dict):
        return {str(k): str(v) for k, v in listed.items() if isinstance(v, str) and v.strip()}
    if isinstance(listed, list):
        return {
            str(x.get("id", x.get("label"))): str(x["name"])
            for x in listed
            if isinstance(x, dict) and isinstance(x.get("name"), str) and x["name"].strip()
        }  # fmt: skip
    return {}


def _who(segment: dict, names: dict[str, str]):
    """The segment's speaker, by the name the file's table gives its label."""
    for key in _SEGMENT_WHO:
        if segment.get(key) is not None:
            label = segment[key]
            return names.get(str(label), label)
    return None


def _segments(data: dict) -> list[tuple[str | None, str, str | None, str | None]] | None:
    """(speaker, words, start, end) of a speech-to-text service's output, or None."""
    if isinstance(data.get("segments"), list):
        names = _speaker_names(data.get("speakers"))
        return [
            (
                _who(s, names),
                str(s.get("text") or ""),
                _seconds(s.get("start")),
                _seconds(s.get("end")),
            )
            for s in data["segments"]
            if isinstance(s, dict)
        ]
    if isinstance(data.get("Transcript"), list):
        return [
            (
                s.get("ParticipantRole"),
                str(s.get("Content") or ""),
                _seconds((s.get("BeginOffsetMillis") or 0) / 1000),
                _seconds((s.get("EndOffsetMillis") or 0) / 1000),
            )
            for s in data["Transcript"]
            if isinstance(s, dict)
        ]
    if isinstance(data.get("utterances"), list):  # AssemblyAI: speakers "A", "B"; times in ms
        return [
            (
                str(u["speaker"]) if u.get("speaker") is not None else None,
                str(u.get("text") or ""),
                _seconds(u["start"] / 1000) if isinstance(u.get("start"), int | float) else None,
                _seconds(u["end"] / 1000) if isinstance(u.get("end"), int | float) else None,
            )
            for u in data["utterances"]
            if isinstance(u, dict)
        ]
    results = data.get("results")
    if isinstance(results, dict):
        if isinstance(results.get("utterances"), list):
            return [
                (
                    f"Speaker {u['speaker']}" if "speaker" in u else None,
                    str(u.get("transcript") or ""),
                    _seconds(u.get("start")),
                    _seconds(u.get("end")),
                )
                for u in results["utterances"]
            ]
        channels = results.get("channels") or []
        out: list[tuple[str | None, str, str | None, str | None]] = []
        for ch in channels:
            alt = (ch.get("alternatives") or [{}])[0]
            out.append((None, str(alt.get("transcript") or ""), None, None))
        return out
    return None  # fmt: skip


def _from_segments(rows) -> Draft:
    from quotecli.readers.turns import UNATTRIBUTED

    draft = Draft()
    for who, words, start, end in rows:
        words = " ".join(words.split())
        if not words:
            continue
        if who is None or not str(who).strip():
            label = draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
        else:
            label = draft.speaker(" ".join(str(who).split()))
        cue = f"{start}/{end or start}" if start else None
        last = draft.turns[-1] if draft.turns else None
        if last and last[0] == label and bool(last[2]) == bool(cue):
            last[1][0] += "\n" + words
            if cue:
                last[2]["end"] = end or start
                last[2]["cues"] += "," + cue
            continue
        attrs = {"start": start, "end": end or start, "cues": cue} if cue else {}
        draft.turns.append((label, [words], attrs))
    if not draft.turns:
        raise ReaderError("no turns with words")
    return draft


def _time(value) -> str | None:
    """ "0:01:20", "01:20" (minutes and seconds) or a number of seconds → "00:01:20.000"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _seconds(value)
    m = _TIME.match(str(value or "").strip())
    if not m:
        return None
    h, mi, s, ms = m.groups()
    return f"{int(h or 0):02d}:{int(mi):02d}:{s}.{(ms or '0').ljust(3, '0')}"


def _pick(row: dict, keys: tuple[str, ...]):
    return next((row[k] for k in keys if row.get(k) not in (None, "")), None)


def read(raw: str) -> Draft:
    """Turns in file order; a row without a speaker or words is an error naming the row."""
    try:
        rows = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(rows, dict):
        found = _segments(rows)
        if found is not None:
            return _from_segments(found)
    if isinstance(rows, dict):  # {"transcript": [...]}, {"speeches": [...], "meetingdate":
        # …}: the one list of turns among the file's fields is the turns
        lists = [v for v in rows.values() if isinstance(v, list)]
        turned = [v for v in lists if v and isinstance(v[0], dict) and _turn_like(v[0])]
        rows = turned[0] if len(turned) == 1 else lists[0] if len(lists) == 1 else rows
    if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
        raise ReaderError(EXPECTED)
    if not _turn_like(rows[0]):
        keys = ", ".join(repr(k) for k in list(rows[0])[:8])
        raise ReaderError(f"{EXPECTED}; the first object has {keys}")
    return from_rows(rows)


def _turn_like(row: dict) -> bool:
    return any(k in row for k in WHO_KEYS) and any(k in row for k in WORDS_KEYS)


# a row's words all in one pair of brackets: a note, not speech ("(Laughs)" in a turn stays)
_NOTE = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])\s*", re.S)


def from_rows(rows: list, nameless: bool = False) -> Draft:
    """One turn a row ({"speaker", "text", "start"…}: ``WHO_KEYS``, ``WORDS_KEYS``,
    ``TIME_KEYS``), its time to the next row's; a row without words is skipped, one without a
    speaker is an error naming the row, or (``nameless``: a table's blank cell) unattributed."""
    from quotecli.readers.turns import EDITOR, UNATTRIBUTED

    draft = Draft()
    times = [_time(_pick(r, TIME_KEYS)) if isinstance(r, dict) else None for r in rows]
    for n, row in enumerate(rows):
        who = _pick(row, WHO_KEYS) if isinstance(row, dict) else None
        message = str(_pick(row, WORDS_KEYS) or "").strip() if isinstance(row, dict) else ""
        if not str(who or "").strip():
            if not nameless:
                raise ReaderError(f"row {n + 1}: no speaker")
            if not message:
                continue
            if _NOTE.fullmatch(message):  # "(Conversation about the art…)": the transcriber's
                label = draft.speaker(EDITOR, "Editor", role="editor")
            else:
                label = draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
        elif not message:
            continue
        else:
            # "Chris Wallace:" in one row and "Chris Wallace" in the others are one label
            label = draft.speaker(" ".join(str(who).split()).rstrip(":").strip())
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
