"""Speaker-labelled dialogue: "JOURNALIST:", "PRIME MINISTER :", "Q:"/"R:" before the words.

The form of radio and TV transcripts, press conferences and many Q&A interviews in English and
French: an upper-case label and a colon, either alone in its paragraph (the words follow in the
next paragraphs) or before the words on the same line. Paragraphs without a label continue the
last speaker's turn. In OCR text a label may start any line of a paragraph, so paragraphs are
cut at labelled lines. Text before the first label (a title, "Subjects: …", "E&OE") is the
publisher's, kept as an editor's turn.

A label that looks like a damaged copy of another ("RIME MINISTER" next to "PRIME MINISTER",
"4TERVIEWER" next to "INTERVIEWER") is that speaker's, its turns marked as damaged and reported
as a warning (``builder.mark_damaged``).

The other readers for labelled text (Australian PM XML, plain text) hand their paragraphs here.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft, ReaderError, looks_damaged, mark_damaged
from quotecli.readers.labelwords import NOT_LABELS
from quotecli.text.names import label_role

_WORD = r"[A-Z0-9À-ÖØ-Þ][A-Z0-9À-ÖØ-Þ'’.&-]*"
_LABEL = re.compile(
    # OCR puts a stray mark before a label now and then (". RIME MINISTER: If we believe…")
    r"^[ \t]*(?:[.,;·'‘’`][ \t]+)?"
    rf"(?P<label>{_WORD}(?:[ \t]+(?:{_WORD}|of|for|the|and|de|du|des|la|le))*)"
    r"[ \t]*:(?:[ \t]+|$)(?P<rest>.*)",
    re.S,
)
KNOWN = ("PRIME MINISTER", "INTERVIEWER", "JOURNALIST", "QUESTION", "ANSWER")


def label_of(line: str) -> tuple[str, str] | None:
    """ "JOURNALIST: Prime Minister, …" → ("JOURNALIST", "Prime Minister, …"); else None."""
    m = _LABEL.match(line)
    if not m:
        return None
    label = " ".join(m.group("label").split()).rstrip(".")
    letters = sum(c.isalpha() for c in label)
    if label in ("Q", "R", "A"):
        return label, m.group("rest").strip()
    if letters < 2 or len(label) > 50 or len(label.split()) > 6:
        return None
    if label.lower() in NOT_LABELS or label.split()[0].lower() in NOT_LABELS:
        return None
    return label, m.group("rest").strip()


def units(paragraphs: list[str]) -> list[tuple[str | None, str]]:
    """Paragraphs cut at labelled lines: (label or None for a continuation, text)."""
    out: list[tuple[str | None, str]] = []
    for para in paragraphs:
        current: tuple[str | None, list[str]] = (None, [])
        for line in para.split("\n"):
            found = label_of(line)
            if found:
                if current[0] is not None or current[1]:
                    out.append((current[0], "\n".join(current[1])))
                current = (found[0], [found[1]] if found[1] else [])
            else:
                current[1].append(line)
        if current[0] is not None or any(x.strip() for x in current[1]):
            out.append((current[0], "\n".join(current[1])))
    return out


def fill(
    draft: Draft,
    paragraphs: list[str],
    *,
    names: dict[str, str] | None = None,
    header: str | None = None,
    sole_speaker: str | None = None,
) -> None:
    """Turn labelled paragraphs into the draft's speakers and turns.

    ``names`` maps a label to the person's name when the metadata gives it ("PRIME MINISTER"
    → "Malcolm Turnbull"); ``header`` names the publisher whose words precede the first label;
    ``sole_speaker`` takes the whole text when there is no label at all (a statement).
    """
    names = names or {}
    found = units(paragraphs)
    counts: dict[str, int] = {}
    for label, _ in found:
        if label:
            counts[label] = counts.get(label, 0) + 1
    labels = list(counts)
    if not labels:
        if not sole_speaker:
            raise ReaderError("no speakers found (no 'NAME:' labels)")
        draft.warnings.append(f"no speaker labels: the whole text is attributed to {sole_speaker}")
        key = draft.speaker(sole_speaker, sole_speaker, role="interviewee")
        for text in paragraphs:
            draft.add(key, text)
        return
    damaged = {}
    trusted = list(KNOWN) + sorted(labels, key=lambda x: -counts[x])
    for label in labels:
        better = [x for x in trusted if x in KNOWN or counts.get(x, 0) > counts[label]]
        good = looks_damaged(label, better)
        if good and good != label:
            damaged[label] = good
    for label in labels:
        if label in damaged:
            draft.speaker(label, label)
            mark_damaged(draft, label, damaged[label])
            continue
        name = names.get(label)
        role = label_role(label)
        if name:
            draft.speaker(label, name, role="interviewee")
        else:
            draft.speaker(label, role=role)
    current = None
    fresh = False
    for label, text in found:
        if label is not None:
            current, fresh = label, True
        elif current is None:
            if header is not None:
                draft.add(draft.speaker("__header__", header, role="editor"), text)
            continue
        if text.strip():
            draft.add(current, text, new=fresh)
            fresh = False
