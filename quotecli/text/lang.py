"""Language tags: the one parser of "fr-FR", "fr_FR.UTF-8", "en" — and the language of a text.

quote speaks BCP 47 (``fr-FR``); POSIX locales (``fr_FR.UTF-8@euro``) are read from the
environment once (:func:`from_posix`), and everything that only needs the language asks for
the primary subtag (:func:`primary`).
"""

from __future__ import annotations

import re

_FR = frozenset(
    "le la les des une est que qui pas nous vous dans pour sur avec mais du au aux ce cette "
    "il ils elle sont ont je ne".split()
)
_EN = frozenset(
    "the and is that of to you we in it not for with but this are was were have has they be "
    "at by from which".split()
)


def primary(tag: str | None) -> str:
    """ "fr-FR" → "fr"; "fr_FR.UTF-8" → "fr"; "" or None → "en"."""
    if not tag:
        return "en"
    return re.split(r"[-_.@]", tag, maxsplit=1)[0].lower() or "en"


def from_posix(value: str | None) -> str | None:
    """A POSIX locale value as a BCP 47 tag ("fr_FR.UTF-8" → "fr-FR"); None for C/POSIX/empty."""
    if not value:
        return None
    tag = value.split(".")[0].split("@")[0].replace("_", "-")
    if tag in ("C", "POSIX", ""):
        return None
    return tag


def guess(text: str, least: int = 5) -> str | None:
    """ "fr" or "en" when the common words of ``text`` say so clearly (at least ``least`` of
    them, twice as many as of the other language), else None."""
    words = re.findall(r"[a-zà-ÿ]+", text[:50000].lower())
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    if fr > 2 * en and fr >= least:
        return "fr"
    if en > 2 * fr and en >= least:
        return "en"
    return None


_NAMES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian"}


def name(code: str) -> str:
    """ "fr" → "French" (the tag itself when quote has no name for it)."""
    return _NAMES.get(primary(code), code)
