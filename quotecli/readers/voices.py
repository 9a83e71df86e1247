"""How each voice of a draft speaks: how many of its turns ask, how many words it says.

The readers' roles rest on these counts when neither the user nor the file says who asks
(``people``): a turn asks when its last sentence does (``paragraphs.turn_asks``, thanks aside,
or a question put without "?"); a voice that answers at length says ``ANSWERING`` words a
turn or more on average. Counting only: this module names nobody and gives no role.
"""

from __future__ import annotations

from quotecli.readers.builder import Draft, SpeakerDraft
from quotecli.readers.paragraphs import turn_asks


def _runs(draft: Draft) -> list[tuple[str, list[str]]]:
    """The draft's turns, one a change of voice: a label printed again for the same voice (a
    transcript's time marks, "Mike Pence: (35:28)", "Mike Pence: (35:59)") goes on its turn."""
    runs: list[tuple[str, list[str]]] = []
    for label, paragraphs, _ in draft.turns:
        if runs and runs[-1][0] == label:
            runs[-1][1].extend(paragraphs)
        elif paragraphs:
            runs.append((label, list(paragraphs)))
    return runs


def asking(draft: Draft) -> dict[str, list[int]]:
    """Per label, [turns that end on a question, turns]."""
    asked: dict[str, list[int]] = {}
    for label, paragraphs in _runs(draft):
        if label.startswith("__") or label not in draft.speakers:
            continue
        tally = asked.setdefault(label, [0, 0])
        tally[0] += turn_asks(paragraphs[-1])
        tally[1] += 1
    return asked


ANSWERING = 80  # words a turn, on average: a voice that answers at length


def spoken_words(draft: Draft) -> dict[str, int]:
    """Per label, the words of its turns."""
    out: dict[str, int] = {}
    for label, paragraphs in _runs(draft):
        out[label] = out.get(label, 0) + sum(len(p.split()) for p in paragraphs)
    return out


def asks_most(tally: dict[str, list[int]], label: str) -> bool:
    """Whether a voice's turns mostly ask: three or more, half of them at least."""
    q, n = tally.get(label, [0, 0])
    return n >= 3 and q >= 0.5 * n


def asker(draft: Draft, named: list[SpeakerDraft]) -> SpeakerDraft | None:
    """Of two named speakers, the one whose turns mostly ask, the other's seldom (or None)."""
    asked = asking(draft)
    share = {lab: q / n for lab, (q, n) in asked.items()}
    keys = {id(sp): key for key, sp in draft.speakers.items()}
    askers = [sp for sp in named if asks_most(asked, keys[id(sp)])]
    if len(askers) != 1 or len(named) != 2:
        return None  # a panel, a book club, a call with more voices: roles are not read
    top = share[keys[id(askers[0])]]
    others = [share[keys[id(sp)]] for sp in named if sp is not askers[0] and keys[id(sp)] in share]
    return askers[0] if others and max(others) <= top / 2 else None
