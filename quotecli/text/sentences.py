"""Sentence boundaries in French and English paragraphs, as code-point spans.

A sentence ends at ".", "!", "?", "…" or "...", possibly followed by closing quotation marks
or brackets, when white space and the start of a new sentence (a capital, a digit, an opening
quotation mark or bracket) follow. French typography puts a space before "?", "!", ":" and
";" and inside « »: the space before "?" does not end anything. These never end a sentence:
a period after an abbreviation ("M.", "Mme.", "etc.", "Dr.", "p.") or an initial ("J."), and
any mark inside square brackets or parentheses (an editor's note is part of the sentence it
sits in). An ellipsis followed by a lower-case word ("Microsoft... et") does not end one either.

This module only finds spans; it never changes the text.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr drs pr me mgr st ste etc cf ex p pp vol no nos art al
    mr mrs ms prof sr jr vs fig ed eds gen gov sen rep rev hon lt col capt sgt jan feb mar
    apr jun jul aug sep sept oct nov dec av bd env ibid op resp""".split()
)
# Abbreviations that are words too ("tell me.", "I said no.", "a lot of art."): one only when
# written with a capital ("Me Dupont", "Art. 7", "No. 5", "Gen. Smith") or before a number
# ("p. 12", "art. 7").
_ALSO_WORDS = frozenset(
    """me no nos art al ex gen rep rev sen col ed eds fig op st dec mar jan av env resp hon
    vol""".split()
)
_END = re.compile(r"(?:\.\.\.|…|[.!?]+)(?:[ \u00a0\u202f]?»)?[»”\"’')\]]*")
_OPENERS = "«“\"'([¿¡"
_DEPTH_OPEN = {"[": "]", "(": ")"}
# The only characters ``split`` acts on (every other one moves it on by one): it jumps to the
# next of these instead of stepping through the paragraph in Python (import time, issue 15).
_MARK = re.compile(r"[\[\]().!?…]")


def _starts_sentence(text: str, i: int, end: int) -> bool:
    """Is there a sentence start at ``i`` (after white space)?"""
    while i < end and text[i] in _OPENERS + " \u00a0\u202f":
        i += 1
    if i >= end:
        return False
    ch = text[i]
    return ch.isupper() or ch.isdigit()


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]``, without surrounding white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    i = s
    mark = _MARK.search
    while i < end:
        found = mark(text, i, end)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _DEPTH_OPEN:
            depth.append(_DEPTH_OPEN[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch in ".!?…":
            m = _END.match(text, i, end)
            stop = m.end() if m else i + 1
            if stop >= end:
                break
            if text[stop].isspace() and _is_boundary(text, s, i, stop, end):
                spans.append((s, stop))
                s = stop
                while s < end and text[s].isspace():
                    s += 1
                i = s
                continue
            i = stop
            continue
        i += 1
    if s < end:
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _is_boundary(text: str, s: int, mark: int, stop: int, end: int) -> bool:
    j = stop
    while j < end and text[j].isspace():
        j += 1
    if not _starts_sentence(text, j, end):
        return False
    if text[mark] == ".":
        if text[mark : mark + 3] == "...":
            return True
        # the word before the period
        k = mark
        while k > s and (text[k - 1].isalpha() or text[k - 1] == "."):
            k -= 1
        word = text[k:mark].lower().rstrip(".")
        if word in _ABBREVIATIONS and (word not in _ALSO_WORDS or text[k].isupper() or (
            j < end and text[j].isdigit()
        )):  # fmt: skip
            return False
        if len(word) == 1 and text[k].isupper():
            return False  # an initial: "J. Smith"
        if "." in word:
            return False  # "U.S.", "p.ex."
    return True
