"""Bytes into text: the one decoder of transcripts, drafts and phrases.

Two policies, one module: :func:`utf8` for what quote itself reads back (its transcript files,
drafts, phrases on stdin: UTF-8 or nothing, the error naming the line), and :func:`sniff` for
raw files a user imports (UTF-8 with or without BOM, UTF-16 with a BOM, or the ``--encoding``
asked for; binary and empty files refused).

A raw file that is not UTF-8 is often an older 8-bit one: parliaments' and courts' text files,
Word's "plain text" exports and old web pages are Windows-1252 (issue 12: a Hansard). Then
:func:`sniff` reads it in the encoding its own head declares (``<?xml encoding=…?>``, ``<meta
charset=…>``), else in the legacy encoding whose reading of the bytes looks most like text
(:func:`_legacy`), and says which in a warning that shows words it decoded, so that a wrong
guess is seen at once, never silent mojibake; a file no candidate reads as text is refused,
asking for ``--encoding``. The candidates are few on purpose (Western, Central European and
Cyrillic Windows code pages, Mac Roman): chardet and charset-normalizer, tried on the real
Hansard excerpts of tests/fixtures/trial, called an English one Big5 and a French one
Windows-1250 ("trčs"), which is the mojibake this must never produce.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotecli.status import DataError


class DecodeError(DataError):
    """Bytes that are not text quote can read; one line for a person."""


class Decoded(NamedTuple):
    """A raw file's text, and what a person should be told about how it was read (or None)."""

    text: str
    warning: str | None = None


# Legacy 8-bit encodings, most common first: a tie goes to the first.
LEGACY = (
    ("cp1252", "Windows-1252, Western European"),
    ("cp1250", "Windows-1250, Central European"),
    ("cp1251", "Windows-1251, Cyrillic"),
    ("mac_roman", "Mac OS Roman"),
)
_DECLARED = re.compile(
    rb"""<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']|<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)""",
    re.I,
)
_ACCENTED = re.compile(r"\S*[^\x00-\x7f]\S*")  # a word with a character past ASCII
_C1 = re.compile(r"[\x80-\x9f]")
# what may join two letters inside a word: apostrophes, hyphens and dashes, a middle dot
# (Catalan "l·l"), an ellipsis, a soft hyphen
_JOINERS = frozenset("\u2019\u2018\u02bc\u2010\u2011\u2013\u2014\u00b7\u2026\u00ad")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# ì ò ù before another letter: Italian and French write them only at a word's end ("più",
# "où"); inside a word they are Czech "ě ů" read as Western ("snìmovny", "schùzi")
_GRAVE_INSIDE = re.compile(r"[ìòùÌÒÙ](?=[^\W\d_])")
_LATIN = re.compile(r"[A-Za-z]")


def newlines(text: str) -> str:
    """Line ends as ``\n``: Windows' ``\r\n`` and classic Mac OS's lone ``\r`` (issue 12:
    an OCR'd typescript pasted on an old Mac had no line feed at all)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def utf8(raw: bytes, name: str) -> str:
    """UTF-8 bytes → text; invalid UTF-8 is a DecodeError naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DecodeError(f"{name}: invalid UTF-8 at line {line}") from None


def sniff(raw: bytes, encoding: str | None = None) -> Decoded:
    """A raw file's text: UTF-8 (BOM or not), UTF-16 with a BOM, or ``encoding``; else the
    encoding the file declares or the legacy one that reads it as text, with a warning."""
    if not raw.strip():
        raise DecodeError("empty file")
    if encoding:
        try:
            return Decoded(raw.decode(encoding))
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding} ({exc.__class__.__name__})") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(raw.decode("utf-16"))
        except UnicodeDecodeError:
            raise DecodeError("invalid UTF-16 (truncated or odd number of bytes)") from None
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (not a transcript)")
    try:
        return Decoded(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
    declared = _declared(raw)
    if declared is not None:
        return declared
    found = _legacy(raw)
    if found is None:
        raise DecodeError(
            f"unknown encoding (not UTF-8 at line {line}): pass --encoding, e.g. cp1252"
        )
    codec, text = found
    return Decoded(text, _told(codec, text, f"not UTF-8 at line {line}"))


def _declared(raw: bytes) -> Decoded | None:
    """The text in the encoding the file's head declares, when that reads it."""
    import codecs

    m = _DECLARED.search(raw[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
        if codec.replace("-", "_") in ("utf_8", "utf_8_sig"):
            return None  # declared UTF-8 and is not: the declaration is what is wrong
        text = raw.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
    return Decoded(text, _told(codec, text, "as the file declares"))


def _told(codec: str, text: str, why: str) -> str:
    """The warning for a file read in a legacy encoding: which, and words it gave."""
    label = dict(LEGACY).get(codec, codec)
    stripped = (w.strip(".,;:!?()[]«»\"'’“”") for w in _ACCENTED.findall(text[:100_000]))
    words = list(dict.fromkeys(w for w in stripped if any(c.isalpha() for c in w)))[:3]
    shown = ", ".join(f"'{w}'" for w in words)
    return f"read as {label} ({why}): {shown or 'no accented words'} — pass --encoding if wrong"


def _legacy(raw: bytes) -> tuple[str, str] | None:
    """(codec, text) of the legacy encoding whose reading of ``raw`` looks most like text."""
    best: tuple[int, int, str, str] | None = None
    for rank, (codec, _) in enumerate(LEGACY):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = _implausible(text)
        if best is None or (odd, rank) < best[:2]:
            best = (odd, rank, codec, text)
    if best is None:
        return None
    odd, _, codec, text = best
    accented = len(_ACCENTED.findall(text))
    if odd > max(1, accented // 10):
        return None  # no candidate reads as text: not guessed
    return codec, text


def _implausible(text: str) -> int:
    """How many places of ``text`` no writer of any language would type.

    C1 control characters (ASCII ones, such as a DOS end of file, read the same in every
    candidate and tell nothing); inside a word, a character that is neither a letter nor a
    joiner between two letters ("marsza³ek") or a capital after a small letter ("prŽsident"); a
    word mixing Latin and Cyrillic letters ("Montrйal"); a long word with no ASCII letter in a
    Latin reading ("Ïðåäñåäàòåëü": Cyrillic read as Western); "ì", "ò", "ù" inside a word
    ("snìmovny": Czech read as Western).
    """
    odd = len(_C1.findall(text)) * 10 + len(_GRAVE_INSIDE.findall(text))
    for word in _ACCENTED.findall(text):
        for i in range(1, len(word) - 1):
            c = word[i]
            if c.isascii():
                continue
            before, after = word[i - 1], word[i + 1]
            if not c.isalpha() and c not in _JOINERS and before.isalpha() and after.isalpha():
                odd += 1
            elif c.isupper() and before.islower():
                odd += 1
        letters = [c for c in word if c.isalpha()]
        if _CYRILLIC.search(word) and _LATIN.search(word):
            odd += 1
        elif len(letters) >= 4 and not any(c.isascii() for c in letters):
            if not _CYRILLIC.search(word):
                odd += 1
    return odd
