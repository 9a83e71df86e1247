"""Lines that hold two turns, cut in two before the turn reader reads them (issue 12).

A second speaker label inside a line ("MR. SIMPSON:  Yes.   MR. DAVIS:  So that…", a PDF's
"…or was itMOLER: No, no") and another voice's words in brackets inside a labelled line
("**Julian :** … (**Macron :** c'est selon les chiffres) du taux…"). Labels are found by
``labels.find``; this module only decides where a line is cut.
"""

from __future__ import annotations

import re

from quotecli.readers.labels import find, strong_form

_TWO_LABELS = re.compile(r"(?:[a-z.?!,;\"”’)\]]|[ \t]{2})[A-Z][A-Z.'’ -]{2,40}:[ \t]")


def glued(lines: list[str]) -> list[str]:
    """Lines with a second label inside them cut in two: a hard-wrapped record's "MR. SIMPSON:
    Yes.   MR. DAVIS:  So that…", a PDF's "…or was itMOLER: No, no". Only labels in capitals
    that open two lines or more of the file, after two spaces or glued to the words before."""
    from collections import Counter

    if not any(":" in line and _TWO_LABELS.search(line.strip(), 1) for line in lines):
        return lines  # no line with a second capital label in it: nothing to cut (most files)
    opening = Counter(
        f.label for line in lines
        if (f := find(line.strip())) and f.shape == "colon" and line.strip().startswith(f.label)
        and strong_form(f.label) and len(f.label) >= 3
    )  # fmt: skip
    known = sorted((lab for lab, n in opening.items() if n >= 2), key=len, reverse=True)
    if not known:
        return lines
    alternatives = "|".join(map(re.escape, known))
    inside = re.compile(rf"(?:(?<=[a-z.?!,;\"”’)\]])|(?<=[ \t]{{2}}))(?=(?:{alternatives}):[ \t])")
    out: list[str] = []
    for line in lines:
        parts = inside.split(line) if ":" in line else [line]
        out += [parts[0], *(p.lstrip() for p in parts[1:])] if len(parts) > 1 else parts
    return out


# "(**Macron :** exactement)" inside another's words: the other voice cutting in
_INTERJECTION = re.compile(r"[ \t]*\((\*\*[^*\n()]{1,40}?[ \t\u00a0]*:[ \t]*\*\*[^()\n]*)\)[ \t]*")


def interjections(lines: list[str]) -> list[str]:
    """A labelled line with another voice's bracketed words inside it ("**Julian :** … la
    baisse (**Macron :** c'est selon les chiffres) du taux…") cut into three: the speaker's
    words, the other's, and the speaker's again under the line's own label."""
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
