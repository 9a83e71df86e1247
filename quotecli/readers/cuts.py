"""Lines that hold two turns, cut in two before the turn reader reads them (issue 12).

A second speaker label inside a line ("MR. SIMPSON:  Yes.   MR. DAVIS:  So that…", a PDF's
"…or was itMOLER: No, no") and another voice's words in brackets inside a labelled line
("**Julian :** … (**Macron :** c'est selon les chiffres) du taux…"). Labels are found by
``labels.find``; this module only decides where a line is cut.
"""

from __future__ import annotations

import re

from quotecli.readers.labels import find, strong_form
from quotecli.text.dates import TIME

_TWO_LABELS = re.compile(r"(?:[a-z.?!,;\"”’)\]]|[ \t]{2})[A-Z][A-Z.'’ -]{2,40}:[ \t]")
_AFTER_STOP = re.compile(r"[.?!…][\"”’)\]]?[ \t]+[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]+)?[ \t]?:[ \t]")


_BOLD_TIME = re.compile(rf"^\*\*[(\[](?P<time>{TIME})[)\]][ \t]*:?\*\*[ \t]*:?[ \t]*")
# "**[00:01] SPEAKER_00:** So, hello.": the time inside the bold with the label (a converter's)
_TIME_IN_BOLD = re.compile(rf"^\*\*[(\[](?P<time>{TIME})[)\]][ \t]+(?=[^\s*])")


def bold_time(line: str) -> str:
    """ "**(03:39):** Oftentimes" → "[03:39] Oftentimes", "**[00:01] SPEAKER_00:** So" →
    "[00:01] **SPEAKER_00:** So": a time, read as ``labels.untimed`` reads it, out of the bold
    so that the label is the same at every turn."""
    if not line.startswith("**"):
        return line
    if m := _BOLD_TIME.match(line):
        return f"[{m.group('time')}] {line[m.end() :]}"
    if m := _TIME_IN_BOLD.match(line):
        return f"[{m.group('time')}] **{line[m.end() :]}"
    return line


def glued(lines: list[str]) -> list[str]:
    """Lines with a second label inside them cut in two: a hard-wrapped record's "MR. SIMPSON:
    Yes.   MR. DAVIS:  So that…", a PDF's "…or was itMOLER: No, no". Only labels in capitals
    that open two lines or more of the file, after two spaces or glued to the words before;
    labels in lower case that open three or more, after a sentence's end."""
    from collections import Counter

    capitals = any(":" in line and _TWO_LABELS.search(line.strip(), 1) for line in lines)
    after_stop = any(":" in line and _AFTER_STOP.search(line) for line in lines)
    if not capitals and not after_stop:
        return lines  # no line with a second label in it: nothing to cut (most files)
    opening = Counter(
        f.label for line in lines
        if (f := find(line.strip())) and f.shape == "colon" and line.strip().startswith(f.label)
    )  # fmt: skip
    known = [lab for lab, n in opening.items() if n >= 2 and strong_form(lab) and len(lab) >= 3]
    # "…at all. Yeager: James" (an OCR'd typescript): a label in lower case, one of the file's
    # that opens three lines or more, cuts a line only after a sentence's end, and so does an
    # initial ("…para a sustentabilidade? G: Funcionalidades.", blind files34)
    named = [
        lab for lab, n in opening.items()
        if n >= 3 and not strong_form(lab) and len(lab.split()) <= 2 and lab[:1].isupper()
    ]  # fmt: skip
    if not known and not named:
        return lines
    cuts = []
    if known:
        alternatives = "|".join(map(re.escape, sorted(known, key=len, reverse=True)))
        cuts.append(rf"(?:(?<=[a-z.?!,;\"”’)\]])|(?<=[ \t]{{2}}))(?=(?:{alternatives}):[ \t])")
    if named:
        alternatives = "|".join(map(re.escape, sorted(named, key=len, reverse=True)))
        cuts.append(
            rf"(?:(?<=[.?!…])|(?<=[.?!…][\"”’)\]]))[ \t]+(?=(?:{alternatives})[ \t]?:[ \t])"
        )
    inside = re.compile("|".join(cuts))
    out: list[str] = []
    for line in lines:
        parts = inside.split(line) if ":" in line else [line]
        out += [parts[0], *(p.lstrip() for p in parts[1:])] if len(parts) > 1 else parts
    return out


# "(**Macron :** exactement)" inside another's words: the other voice cutting in
_INTERJECTION = re.compile(r"[ \t]*\((\*\*[^*\n()]{1,40}?[ \t\u00a0]*:[ \t]*\*\*[^()\n]*)\)[ \t]*")


# "(interviewer – like some friends come to your home then)": a transcriber's way, the label
# one of the file's, in any case, and a dash or a colon
_CUT_IN = re.compile(r"[ \t]*\(([^\W\d_][\w'’. -]{0,30}?)[ \t]*[–—:-][ \t]+([^()\n]+)\)[ \t]*")


def interjections(lines: list[str]) -> list[str]:
    """A labelled line with another voice's bracketed words inside it ("**Julian :** … la
    baisse (**Macron :** c'est selon les chiffres) du taux…", "Respondent: … (interviewer –
    like some friends…) …") cut into three: the speaker's words, the other's, and the
    speaker's again under the line's own label."""
    if any("(" in x and _CUT_IN.search(x) for x in lines):
        lines = _cut_in(lines)
    out: list[str] = []
    for line in lines:
        f = find(line) if "(**" in line else None
        if f is None or not f.rest or not _INTERJECTION.search(f.rest):
            out.append(line)
            continue
        label = line[: len(line) - len(line.lstrip())] + line.strip()[: line.strip().rfind(f.rest)]
        pieces = _INTERJECTION.split(f.rest)
        inner = [p for i, p in enumerate(pieces) if i % 2 and (g := find(p)) and g.shape == "bold"]
        if len(inner) != len(pieces) // 2:
            out.append(line)  # a bracket that is no voice's: the line as it is
            continue
        for i, piece in enumerate(pieces):
            if i % 2:
                out.append(piece)
            elif piece.strip():
                out.append(label + piece.strip())
    return out


def _cut_in(lines: list[str]) -> list[str]:
    """The lines with "(interviewer – words)" inside another label's line cut out as that
    label's own line, where every such bracket of the line names another label of the file."""
    found = [find(x) for x in lines]
    labels = {f.label.lower(): f.label for f in found if f is not None and f.shape == "colon"}
    out: list[str] = []
    for line, f in zip(lines, found, strict=True):
        pieces = _CUT_IN.split(f.rest) if f is not None and f.rest else []
        others = [labels.get(p.strip().lower()) for p in pieces[1::3]]
        if f is None or len(pieces) <= 1 or not all(o and o != f.label for o in others):
            out.append(line)
            continue
        own = line[: line.rfind(f.rest)]
        for i in range(0, len(pieces), 3):
            if pieces[i].strip():
                out.append(own + pieces[i].strip())
            if i + 2 < len(pieces):
                out.append(f"{others[i // 3]}: {pieces[i + 2].strip()}")
    return out
