"""Attribution: whose words a matched region is — the interviewee's, the interviewer's or the
editor's.

The turn decides the speaker. Square-bracketed notes inside a turn are the outlet's words
(note de la rédaction): a region whose content words all lie inside a note is the editor's,
never the speaker's; a region that only includes a note is the speaker's, flagged
``editorial`` so the note is shown for what it is.
"""

from __future__ import annotations

from quotecli.matching import Candidate
from quotecli.records import NamedTuple
from quotecli.text import lexicon
from quotecli.transcript import Speaker


class Attribution(NamedTuple):
    speaker: Speaker
    editorial: bool  # some matched words are an editor's note
    editor_only: bool  # all matched content words are an editor's note
    notes: tuple[tuple[int, int], ...]  # spans of the notes involved
    turn: int


def editor_of(outlet: str) -> Speaker:
    """The outlet speaking as editor (its notes inside a speaker's turn)."""
    return Speaker(id="editor", name=outlet, role="editor", title=None)


def attribute(cand: Candidate) -> Attribution:
    """Who said the words of ``cand``."""
    index = cand.index
    turn_i = index.sentences[cand.first_sentence].turn
    turn = index.source.turns[turn_i]
    notes = []
    in_note = []
    for p in cand.positions:
        span = index.in_editorial(p)
        if span is not None and span not in notes:
            notes.append(span)
        if lexicon.is_content(index.words[p]):
            in_note.append(span is not None)
    if not in_note:
        in_note = [index.in_editorial(p) is not None for p in cand.positions]
    editor_only = all(in_note)
    speaker = editor_of(index.source.outlet) if editor_only else turn.speaker
    return Attribution(speaker, bool(notes), editor_only, tuple(notes), turn_i)
