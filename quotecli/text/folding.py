"""Folding: text reduced to comparable words, with a map back to the source.

This module owns the one definition of "the same words" used everywhere in quote: case,
accents, ligatures, apostrophes, quotation marks, dashes, slashes, punctuation and runs of
white space do not count. Folding never changes the source: every folded word keeps the
code-point span of the source characters it came from (combining accents included), so a match
on folded words is always reported as the source's own text at known offsets (the quotecheck
idea: match on a folded key, show the original).

It must not know about transcripts, speakers or scores.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters that fold to a word separator. Apostrophes separate too: "l'Etat", "l’État" and
# "l Etat" must all give the words "l" "etat" (French elision; English "don't" → "don" "t",
# which is consistent on both sides of a comparison).
_SEPARATOR = " "

# Letters that neither NFKD nor casefold reduce to ASCII, folded the way a French or English
# typist would type them without the key.
EXTRA_LETTERS = {
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",  # dotless i (Turkish): users type a plain i
    "ŀ": "l",
}

_cache: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """Fold one code point: "" (ignorable), " " (separator) or one or more word characters."""
    got = _cache.get(ch)
    if got is not None:
        return got
    if ch.isascii():
        out = ch.lower() if ch.isalnum() else _SEPARATOR
    else:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf"):
            # Combining accents (NFD text), soft hyphen, zero-width joiners: part of the word
            # they sit in, nothing of their own.
            out = ""
        else:
            parts = []
            for c in unicodedata.normalize("NFKD", ch).casefold():
                c = EXTRA_LETTERS.get(c, c)
                for d in unicodedata.normalize("NFKD", c):
                    if unicodedata.category(d) in ("Mn", "Me", "Cf"):
                        continue
                    parts.append(d if d.isalnum() else _SEPARATOR)
            out = "".join(parts)
            if out.strip() == "":
                out = _SEPARATOR if out else ""
            elif _SEPARATOR in out:
                # "¼" decomposes to "1⁄4": one source character stays one word ("14"), so
                # every word has a span of its own.
                out = "".join(out.split())
    _cache[ch] = out
    return out


class Word(NamedTuple):
    """One folded word and the source span it came from."""

    text: str
    start: int
    end: int


class _Spaces(dict):
    """For ``str.translate``: a character that folds to a separator becomes a space (the same
    length, so offsets hold); any other is kept."""

    def __missing__(self, ch: int) -> int:
        got = self[ch] = 32 if fold_char(chr(ch)) == _SEPARATOR else ch
        return got


_SPACES = _Spaces()
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def words(text: str, base: int = 0) -> list[Word]:
    """The folded words of ``text`` with their source spans (offsets relative to ``base``)."""
    plain = text if text.isascii() else text.translate(_SPACES)
    if plain.isascii():
        # Text whose only other characters separate words (curly quotes, dashes, NBSP): the
        # same words as below, by a regular expression (import folds every transcript).
        return [
            Word(m.group().lower(), m.start() + base, m.end() + base)
            for m in _ASCII_WORD.finditer(plain)
        ]
    result: list[Word] = []
    buf: list[str] = []
    w_start = w_end = 0
    cache = _cache
    for i, ch in enumerate(text, base):
        f = cache.get(ch)
        if f is None:
            f = fold_char(ch)
        if not f:
            if buf:
                w_end = i + 1
            continue
        if f == _SEPARATOR:
            if buf:
                result.append(Word("".join(buf), w_start, w_end))
                buf = []
            continue
        if not buf:
            w_start = i
        buf.append(f)
        w_end = i + 1
    if buf:
        result.append(Word("".join(buf), w_start, w_end))
    return result


def fold_words(text: str) -> list[str]:
    """Just the folded words of ``text`` (for queries)."""
    return [w.text for w in words(text)]
