"""Who the labels are: full names from the page's own lists, roles from the user's options.

A reader keeps labels as printed. This module owns the one step after ``builder.finish``
that may name them more fully or give them a role, and only from what the file or the user
says — never by guessing:

- a label becomes a listed person's name (front matter ``hosts``, ``guests``, ``speakers``,
  or a title "… with Felipe Hoffa") when it is that name, that first name or those initials,
  and exactly one listed person fits; the label stays among the speaker's labels;
- ``A:``/``R:`` answers are the one person a page lists, when it lists exactly one;
- roles: ``--interviewee`` and page guests are interviewees; ``--interviewer``, page hosts and
  the speaker whose lines are questions set in bold are interviewers; people the standfirst
  names in full are its subjects (interviewees), except in a debate (parliamentary labels),
  where everyone is a ``speaker``. With interviewees known, the other named
  speakers are the interviewers; with only interviewers known, the others are interviewees;
- the outlet speaks the editor's turns and, unless ``--interviewer`` names someone, the
  questions set apart.
"""

from __future__ import annotations

from quotecli.readers.builder import Draft
from quotecli.text import folding

EDITOR = "__editor__"
QUESTION = "__question__"


def _fold(text: str) -> tuple[str, ...]:
    return tuple(folding.fold_words(text))


def person(label: str, people: list[str]) -> str | None:
    """The listed person this label prints: their name, first name or initials (unique)."""
    key = _fold(label)
    for pick in (
        lambda p: _fold(p) == key,
        lambda p: len(key) == 1 and _fold(p)[:1] == key,
        lambda p: (
            label.isupper()
            and 2 <= len(label) <= 3
            and "".join(w[0] for w in p.split()).upper() == label
        ),
    ):
        hits = sorted({p for p in people if pick(p)})
        if len(hits) == 1:
            return hits[0]
    return None


def name_speakers(draft: Draft, options: dict) -> None:
    """Names and roles once metadata is settled (see the module's docstring)."""
    meta = draft.meta
    people = meta.pop("people", {}) or {}
    standfirst = " ".join(meta.pop("_standfirst", "").split())
    if meta.pop("_debate", False):
        standfirst = ""  # a sitting's header lists its speakers: nobody is its subject
    outlet = meta.get("outlet") or "Editor"
    if EDITOR in draft.speakers:
        draft.speakers[EDITOR].name = outlet
    if QUESTION in draft.speakers:
        draft.speakers[QUESTION].name = options.get("interviewer") or outlet
    hosts = people.get("hosts", [])
    guests = people.get("guests", [])
    listed = hosts + guests + people.get("speakers", [])
    named = [
        sp for key, sp in draft.speakers.items()
        if not key.startswith("__") and sp.role not in ("editor", "unattributed")
    ]  # fmt: skip
    for sp in named:
        who = person(sp.labels[0], listed)
        if who is None and sp.labels[0] in ("A", "R") and len(set(listed)) == 1:
            who = listed[0]
        if who:
            sp.name = who
    interviewee, interviewer = options.get("interviewee"), options.get("interviewer")
    chosen = set()
    for sp in named:
        keys = {_fold(k) for k in (sp.name, *sp.labels)}
        if interviewee and _fold(interviewee) in keys or sp.name in guests:
            sp.role = "interviewee"
        elif interviewer and _fold(interviewer) in keys or sp.name in hosts or sp.title == "asks":
            sp.role = "interviewer"
        else:  # "Q:", "JOURNALIST:" keep their role but name nobody else's
            continue
        chosen.add(sp.role)
    for sp in named:
        if sp.title == "asks":
            sp.title = None
    if not chosen and standfirst:
        for sp in named:
            if sp.role == "speaker" and len(sp.name.split()) >= 2 and sp.name in standfirst:
                sp.role = "interviewee"
                chosen.add("interviewee")
    others = [sp for sp in named if sp.role == "speaker"]
    if "interviewee" in chosen:
        for sp in others:
            sp.role = "interviewer"
    elif "interviewer" in chosen:
        for sp in others:
            sp.role = "interviewee"
