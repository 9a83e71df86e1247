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

import unicodedata
from operator import itemgetter

from quotecli.records import NamedTuple
from quotecli.text import lexicon

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


_TEXT = itemgetter(0)  # a Word's text, for the C-level set tests of ``words``


# Contractions typed without their apostrophe ("dont", "youre", "cest", "quil"), as people
# type them, fold to the words the apostrophe would have separated, on both sides of every
# comparison: "I dont think" and "I don't think" are the same words, and so are a transcript's
# own "dont" and a user's "don't". Only forms that are no word of their own are listed ("its",
# "were", "well", "ill", "lets", "nest", "quelle" stay whole).
_ELIDED = {
    form.replace("'", ""): tuple(form.split("'"))
    for form in """
    doesn't didn't can't couldn't wouldn't shouldn't won't isn't aren't wasn't weren't
    haven't hasn't hadn't mustn't needn't ain't you're you've you'll you'd they're they've
    they'll they'd we've i've i'm that's what's there's
    c'est c'etait j'ai j'etais j'avais j'aurais j'y l'un s'ils d'accord
    d'autres d'ailleurs d'abord qu'il qu'ils qu'on qu'un qu'une aujourd'hui jusqu'a
    """.split()
}


class _OneForOne(dict):
    """``str.translate``'s table: each code point's fold when it is one character (a letter,
    a digit or the separator), else NUL, which no fold is (NUL itself folds to a separator)."""

    def __missing__(self, code: int) -> str:
        f = fold_char(chr(code))
        self[code] = out = f if len(f) == 1 else "\0"
        return out


_one_for_one = _OneForOne()

# "dont" is French ("ce dont la tech a besoin") as often as English "don't": split only in
# English text, the source's language or the phrase's.
_ENGLISH_ELIDED = {**_ELIDED, "dont": ("don", "t")}


def words(text: str, base: int = 0, english: bool = False) -> list[Word]:
    """The folded words of ``text`` with their source spans (offsets relative to ``base``);
    ``english``: the text is English ("dont" is "don't"). A number written over several words
    is one word, its digits, spanning them all."""
    result = _words(text, base)
    elided = _ENGLISH_ELIDED if english else _ELIDED
    if not elided.keys().isdisjoint(map(_TEXT, result)):
        split: list[Word] = []
        for w in result:
            parts = elided.get(w.text)
            if parts is None or w.end - w.start != len(w.text):
                split.append(w)  # a word whose characters do not fold one for one stays whole
                continue
            head = w.start + len(parts[0])
            split += [Word(parts[0], w.start, head), Word(parts[1], head, w.end)]
        result = split
    # a number over several words is one ("forty-five", "15,000": ``lexicon.read_numbers``)
    return lexicon.read_numbers(result, text, base)


def _words(text: str, base: int) -> list[Word]:
    # Most text folds one character for one (issue 16): then the folded text has the source's
    # offsets, and its words are the runs between separators. A character that folds to none
    # (a combining accent) or to several ("œ") takes the loop below, which maps offsets.
    folded = text.translate(_one_for_one)
    if "\0" not in folded:
        result: list[Word] = []
        pos = base
        new = tuple.__new__  # a Word without NamedTuple's Python-level __new__ (import time)
        for run in folded.split(_SEPARATOR):
            if run:
                n = len(run)
                result.append(new(Word, (run, pos, pos + n)))
                pos += n + 1
            else:
                pos += 1
        return result
    return _mapped_words(text, base)


def _mapped_words(text: str, base: int) -> list[Word]:
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


def fold_words(text: str, english: bool = False) -> list[str]:
    """Just the folded words of ``text`` (for queries)."""
    return [w.text for w in words(text, english=english)]
