"""Spoken prose with no speaker label at all: a recogniser's raw output, for ``turns``.

A speech recogniser run without diarization writes the words and nothing else ("Do you want
me over here? / Yeah that's perfect. / Nice to meet you, Fred."), one segment a line. Nobody
can tell who speaks from the file, so the text is imported **unattributed** (issue 12: never
refused, never given a guessed name), one turn a paragraph, and the import says so.

What counts as spoken prose (a rule of thumb, stated so it can be argued with): 150 words or
more, no Markdown structure (headings, lists, quotations on more than a few lines), questions
("?" three times or more), and the first and second persons of conversation ("I", "you",
"we", "je", "vous"…) making at least 3 % of the words. A README, a licence or an article
meets that seldom; what fails it is refused as before, with the labels seen if any.
"""

from __future__ import annotations

import re

from quotecli.readers import seen
from quotecli.readers.builder import Draft, ReaderError

UNATTRIBUTED = "__unattributed__"
_PERSONS = frozenset(
    "i i'm i’m i've i’ve i'd i’d me my you you're you’re your we we're we’re us our "
    "je j' moi tu toi vous nous on".split()
)
_STRUCTURE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|>|\d{1,2}[.)][ \t]|```|\|)")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
NOTE = "no speaker labels: the text is imported unattributed, a turn a paragraph (nobody named)"


def spoken(body: str) -> bool:
    """Whether ``body`` reads as spoken prose (see the module's docstring)."""
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < 150 or body.count("?") < 3:
        return False
    lines = [x for x in body.split("\n") if x.strip()]
    if sum(bool(_STRUCTURE.match(x)) for x in lines) > max(3, len(lines) // 20):
        return False
    return sum(w in _PERSONS for w in words) >= 0.03 * len(words)


def unlabelled(draft: Draft, body: str) -> Draft:
    """Every paragraph of ``body`` an unattributed turn; the refusal when it is not speech."""
    if seen.labels_seen(body) or not spoken(body):
        raise ReaderError(seen.refusal(body))
    draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
    for paragraph in re.split(r"\n[ \t]*\n", body):
        draft.add(UNATTRIBUTED, paragraph, new=True)
    draft.warnings.append(NOTE)
    return draft
