"""What character recognition gets wrong in a printed word, and how the word reads undone.

Scanned records (parliaments, old newspapers) come with the misprints of OCR: "Ia loi" for "la
loi", "11 a su" for "Il a su", "]-es" for "Les", "rnaison" for "maison", "a1ors" for "alors".
``readings`` gives the words a damaged token of the source may stand for, so that a phrase typed
with normal spelling finds it (issue 13, noisy sources); the matcher marks such a match as read
through misprints and never changes the quotation, which stays the source's text.

Only tokens that are damaged by these signs get readings — a glyph of the l/I family where a
letter is ("1", "|", "]", "!", a capital "I" before lower-case letters), a "0" among letters, a
word that starts with "rn" (no French or English word does), a bracket glued before a word —
never a word as such: "burn" is not read "bum", "modern" not "modem". A number stays a number
for the phrase: a digit typed is matched exactly (only the source's glyphs are read).
Hand-written: the OCR correction libraries on PyPI rewrite whole texts with a language model or
a dictionary, where the matcher needs the few readings of one token.
"""

from __future__ import annotations

import re
from itertools import product

# glyphs recognition puts for a lower-case l or a capital I
_L_GLYPHS = frozenset("1|]!")
# word starts no French or English word has, each the misprint of the start it stands for: "rn"
# for "m" ("rnaison"), a damaged "h" after t or w ("tbe", "tne", "tlie", "wbat" for the, what;
# 43, 40, 13 and 9 times in the PM transcripts' OCR)
_HEADS = {"rn": "m", "tb": "th", "tn": "th", "tli": "th", "wb": "wh", "wli": "wh"}
_MAX = 16  # readings kept per token
_NUMERAL = re.compile(r"\d+(?:st|nd|rd|th|s|e|er|re|eme|ème|è)?")


# Where a damaged token may be, cheaply (issue 16: a test of every token costs 15 ms on a
# 3,000-word transcript): a glyph of the l/I family or a "0" anywhere in the text, then a token
# beside it; and the folded words that start as a misprint or read a capital I as one.
GLYPHS = re.compile(r"[01|!\]]")
_I_WORDS = frozenset({"ia", "ie", "ies", "iui", "ieur", "ieurs"})


def suspects(words: list[str]) -> list[int]:
    """The indices of folded words that may be damaged tokens by their letters alone."""
    heads = _HEADS
    return [
        i for i, w in enumerate(words)
        if w in _I_WORDS or w[:2] in heads or w[:3] in heads
    ]  # fmt: skip


def glued(before: str) -> int:
    """How many of the characters just before a token are a damaged part of it ("]-es")."""
    if before[-2:] in ("]-", "|-"):
        return 2
    return 1 if before[-1:] in ("]", "|") else 0


def _head(printed: str) -> str:
    low = printed[:3].lower()
    return next((h for h in _HEADS if low.startswith(h)), "")


def damaged(printed: str, before: str = "") -> bool:
    """Whether a token as printed shows a sign of recognition damage (cheap: no readings)."""
    if not printed:
        return False
    if glued(before) or _head(printed):
        return True
    if len(printed) > 1 and printed[0] == "I" and printed[1:].isalpha() and printed[1:].islower():
        return len(printed) <= 4  # "Ia", "Ies", "Ieur": read only as a function word
    if set(printed) <= {"1"}:
        return len(printed) <= 2  # "1'", "11" where a pronoun stands: read as a function word
    return any(c.isalpha() for c in printed) and any(c in _L_GLYPHS or c == "0" for c in printed)


def readings(printed: str, before: str = "") -> tuple[str, ...]:
    """The lower-case words a damaged token may stand for (none when it is not damaged).

    ``printed`` is the token as the source prints it, ``before`` the characters just before it
    (a glued "]-" or "|" is a damaged capital: "]-es" reads "les")."""
    if not damaged(printed, before):
        return ()
    from quotecli.text import lexicon

    head = _head(printed)
    word = _HEADS[head] + printed[len(head) :] if head else printed
    alone = set(printed) <= {"1"}  # "1", "11"
    if not alone and _NUMERAL.fullmatch(printed.lower()):
        return ()  # "1st", "80s", "1980", "1er": numbers, not misprints
    # a capital I before lower-case letters, or 1s alone: only a short function word is meant
    # ("Ia", "Ies", "11" for la, les, il; never "It" read "lt")
    only_function = alone or (not head and printed[0] == "I")
    choices: list[tuple[str, ...]] = []
    letters = any(c.isalpha() for c in word)
    for k, c in enumerate(word):
        if c in _L_GLYPHS and letters:
            choices.append(("l", "i", ""))  # or a stray mark: "capital1", "a|so"
        elif c in _L_GLYPHS or (c == "I" and k == 0 and len(word) > 1):
            choices.append(("l", "i"))
        elif c == "0" and letters:
            choices.append(("o",))
        else:
            choices.append((c.lower(),))
    out: list[str] = []
    for lead in ("l", "") if glued(before) else ("",):
        for combo in product(*choices):
            reading = lead + "".join(combo)
            if reading == printed.lower() or reading in out or not reading.isalpha():
                continue
            if only_function and lexicon.is_content(reading):
                continue
            out.append(reading)
            if len(out) >= _MAX:
                return tuple(out)
    return tuple(out)
