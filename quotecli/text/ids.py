"""Ids: the one slug rule (speaker and source ids from names) and the one id check.

A source id becomes a file name inside the library (``ID.quote.txt``), a key in the catalogue
and a column of ``quote sources``, so it is checked once, at the boundary (``--id``, a
transcript's front matter, ``show``/``remove`` arguments): letters, digits, ``-``, ``_`` and
``.``, not starting with a dot, at most :data:`MAX_ID` characters. No ``/``, no ``..``, no
control characters, nothing a shell or a terminal reads specially (issue 11).
"""

from __future__ import annotations

import re

from quotecli.status import QuoteError

MAX_ID = 100
_ID = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")


class IdError(QuoteError, ValueError):
    """Not a usable id; the message says why, for one line."""


def slug(text: str) -> str:
    """A speaker or source id from a name: folded words joined by hyphens."""
    from quotecli.text.folding import fold_words

    joined = re.sub(r"[^a-z0-9]+", "-", "-".join(fold_words(text)))
    return joined[:60].strip("-") or "speaker"


def check(value: str) -> str:
    """``value`` if it is a usable id; else IdError naming the rule it breaks."""
    if not value:
        raise IdError("an id cannot be empty")
    if len(value) > MAX_ID:
        raise IdError(f"an id has at most {MAX_ID} characters (got {len(value)})")
    if not _ID.fullmatch(value):
        raise IdError(
            f"{value!r} is not a valid id: use letters, digits, '-', '_' and '.', "
            "not starting with '.'"
        )
    return value
