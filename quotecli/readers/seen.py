"""Why a file is refused: the label-like openings its lines have, and what to pass (issue 12).

"no speakers found; labels found: 'Kamala Harris:' 112 times — pass --format dialogue" rather
than "no speakers found": the reader to pass is the one that reads the shapes seen.
"""

from __future__ import annotations

from collections import Counter

from quotecli.readers import labels, pages


def census(text: str) -> list[tuple[str, int]]:
    """The label-like line openings of ``text``, most frequent first (for a refusal)."""
    counts = Counter(
        f"{f.label}:" if f.shape == "colon" else f.label or ">>"
        for line in pages.lines(text)
        if (f := labels.find(line.strip()))
    )
    return counts.most_common(3)


def labels_seen(text: str) -> str | None:
    """ "labels found: 'Kamala Harris:' 112 times — pass --format dialogue", or None (the
    reader to pass is the one that reads the shapes seen: ``turns`` for '**Name**', Otter…)."""
    seen = census(text)
    if not seen:
        return None
    listed = ", ".join(f"'{lab}' {n} time{'s' if n > 1 else ''}" for lab, n in seen)
    # plain "NAME:" labels are the dialogue reader's; Otter, bold, record labels the turn reader's
    fmt = "dialogue" if all(lab.endswith(":") for lab, _ in seen) else "turns"
    return f"labels found: {listed} — pass --format {fmt}"


def refusal(text: str) -> str:
    """Why no speakers were found, with the labels seen most and what to pass."""
    seen = labels_seen(text)
    if not seen:
        return "no speakers found: no line opens with a speaker label ('NAME:', '**Name:**', …)"
    return f"no speakers found; {seen}"
