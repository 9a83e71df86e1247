"""What a speech recogniser writes that nobody said: a subtitler's credit it learnt from films.

Whisper and its kin, trained on subtitled video, end a silence or a segment with the credit
lines of the subtitles they learnt from: "Sous-titrage Société Radio-Canada", "Sous-titres
réalisés par la communauté d'Amara.org", "Subtitles by the Amara.org community", "Untertitel
im Auftrag des ZDF". Nobody in the recording said them. A sentence that is such a credit, in
a machine transcript's turn, is cut out into a turn of its own for the outlet (role
``editor``), so it is never a speaker's quotation; the speaker's other words stay theirs.
A subtitle file's distributor credit ("Downloaded From www.AllSubs.org", "Synced by X") is
nobody's words either. Only credits are listed: "Merci d'avoir regardé" or "Thanks for
watching" may be said, and stay speech.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft

RECOGNISER = "__recogniser__"
# a whole sentence that opens like a subtitler's credit, up to its end or the paragraph's
_IN = r"(?:[^.!?]|[.!?](?!\s|$))*"  # within one sentence: "Amara.org" does not end it
CREDIT = re.compile(
    r"(?:^|(?<=[.!?…]\s))\s*(?P<credit>(?:Sous-titr(?:age|es? réalisés?)\b|Subtitles by\b"
    r"|Transcription by CastingWords|Untertitel(?:ung)?\b|Subtítulos (?:realizados )?por\b"
    rf"|Sottotitoli (?:creati )?(?:a cura )?(?:di|da|dalla)\b|{_IN}\bamara\.org\b"
    # a subtitle file's distributor: "Downloaded From www.AllSubs.org", "Synced by X"
    r"|Downloaded from\b|(?:Re)?sync(?:ed)?(?: (?:and|&) corrected)? by\b|Ripped by\b"
    rf"|{_IN}\b(?:opensubtitles\.(?:org|com)|addic7ed\.com|allsubs\.org|podnapisi\.net)\b)"
    rf"{_IN}[.!?]?)",
    re.I,
)


def split(paragraph: str) -> list[tuple[bool, str]]:
    """``paragraph`` in pieces, each (is a recogniser's credit, text); one piece if none."""
    pieces: list[tuple[bool, str]] = []
    at = 0
    for m in CREDIT.finditer(paragraph):
        before = paragraph[at : m.start("credit")].strip()
        if before:
            pieces.append((False, before))
        pieces.append((True, m.group("credit").strip()))
        at = m.end("credit")
    rest = paragraph[at:].strip()
    if rest or not pieces:
        pieces.append((False, rest))
    return pieces


def mark(draft: Draft) -> None:
    """Cut every recogniser's credit out of the speakers' turns into the outlet's own."""
    if not any(CREDIT.search(p) for label, ps, _ in draft.turns for p in ps):
        return
    turns: list[tuple[str, list[str], dict]] = []
    for label, paragraphs, attrs in draft.turns:
        if label.startswith("__") and draft.speakers[label].role == "editor":
            turns.append((label, paragraphs, attrs))
            continue
        current: tuple[str, list[str], dict] | None = None
        for para in paragraphs:
            for credit, text in split(para):
                key = _voice(draft) if credit else label
                if current is not None and current[0] == key:
                    current[1].append(text)
                    continue
                current = (key, [text], attrs if current is None else {})  # times: the first
                turns.append(current)
    draft.turns = turns


def _voice(draft: Draft) -> str:
    return draft.speaker(RECOGNISER, "Speech recogniser (invented credit)", role="editor")
