"""Subtitles: SubRip (.srt) and WebVTT (.vtt) cues with speaker names, cue times kept.

A speaker is named in the cue text by a WebVTT voice tag (``<v Amit Varma>``), a diarization
prefix (``[Amit Varma]: ``) or an upper-case label (``JOURNALIST: ``); a cue without a name
continues the previous speaker. Consecutive cues of one speaker form a turn, one cue per line,
and the turn line records every cue's time in order::

    ::: amit-varma start=00:00:30.000 end=00:00:40.000 cues=00:00:30.000/00:00:33.000,…

so a quotation maps back to the cues it spans (``transcript.Source.time_of``). A long run of
one speaker is cut into turns of about ``CUES_PER_TURN`` cues at a sentence end, to keep the
turn lines readable.

Hand-written rather than ``srt``/``webvtt-py``: the cue grammar is a few lines, both formats
need the same speaker handling on the raw cue text (which those libraries strip or leave
undone), and a reader must accept the sloppy files people have (missing cue numbers, MM:SS
times, comma or dot before milliseconds).
"""

from __future__ import annotations

import html
import re

from quotecli.readers import dialogue
from quotecli.readers.builder import Draft, ReaderError

CUES_PER_TURN = 20
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_PREFIX = re.compile(r"^\s*\[([^\]\n]{1,60})\]\s*:\s*")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*$")


def sniff(head: str) -> str | None:
    """ "vtt", "srt" or None."""
    stripped = head.lstrip("\ufeff")
    if stripped.startswith("WEBVTT"):
        return "vtt"
    lines = [line for line in stripped.splitlines()[:6] if line.strip()]
    if len(lines) >= 2 and any(_TIMING.match(line) for line in lines[:2]):
        return "srt"
    return None


def _stamp(groups: tuple) -> str:
    h, m, s, ms = groups
    return f"{int(h or 0):02d}:{int(m):02d}:{int(s):02d}.{ms.ljust(3, '0')}"


def cues(raw: str) -> list[tuple[str, str, str]]:
    """(start, end, raw cue text) of every cue, in file order."""
    out = []
    for block in re.split(r"\n[ \t]*\n", raw.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        for i, line in enumerate(lines[:2]):
            m = _TIMING.match(line)
            if m:
                text = "\n".join(lines[i + 1 :]).strip()
                if text:
                    out.append((_stamp(m.groups()[:4]), _stamp(m.groups()[4:]), text))
                break
    return out


def _speaker_and_text(text: str) -> tuple[str | None, str]:
    who = None
    m = _VOICE.search(text)
    if m:
        who = " ".join(m.group(1).split())
    text = html.unescape(_TAGS.sub("", text))
    text = " ".join(text.split())
    if who is None:
        m = _PREFIX.match(text)
        if m:
            who, text = m.group(1).strip(), text[m.end() :]
        else:
            found = dialogue.label_of(text)
            if found and found[0] not in ("Q", "R", "A"):
                who, text = found
    return who, text


def read(raw: str) -> Draft:
    """Read SRT or WebVTT cues into a draft with timed turns."""
    found = cues(raw)
    if not found:
        raise ReaderError("no cues (no 'HH:MM:SS.mmm --> HH:MM:SS.mmm' lines)")
    draft = Draft()
    run: list[tuple[str, str, str]] = []
    current: str | None = None

    def flush() -> None:
        if run and current is not None:
            attrs = {
                "start": run[0][0],
                "end": run[-1][1],
                "cues": ",".join(f"{a}/{b}" for a, b, _ in run),
            }
            draft.turns.append((current, ["\n".join(t for _, _, t in run)], attrs))
        run.clear()

    for start, end, text in found:
        who, words = _speaker_and_text(text)
        if not words:
            continue
        if who is not None and who != current:
            flush()
            current = draft.speaker(who)
        elif current is None:
            continue  # words before anyone is named: nobody to attribute them to
        elif len(run) >= CUES_PER_TURN and _SENTENCE_END.search(run[-1][2]):
            flush()
        run.append((start, end, words))
    flush()
    if not draft.speakers:
        raise ReaderError("no speakers found: name them in the cues as <v Name>, [Name]: or NAME:")
    for sp in draft.speakers.values():
        if sp.name.lower() in ("unknown", "speaker", "inconnu"):
            sp.title = "unidentified"
    return draft
