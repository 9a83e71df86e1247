"""Dates: the one rule for what a date is, the one month table, and dates as people write them.

A date in quote is ISO 8601 at the precision that is known: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, and it must exist on the calendar (no month 13, no 29 February 2023). Every
boundary that takes a date — ``--date``, a transcript's front matter, a reader's find — calls
:func:`check`; nothing else decides. Datetimes ("2024-02-27T10:00:00Z") and date objects from a
YAML or TOML parser are cut to their day by :func:`normalize`.
"""

from __future__ import annotations

import re

from quotecli.status import QuoteError

_FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
_EN_MONTHS = "January February March April May June July August September October November December"
MONTHS = {"fr": tuple(_FR_MONTHS.split()), "en": tuple(_EN_MONTHS.split())}
_SHAPE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only
_DATETIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]{2}:[0-9]{2}")
TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"  # a time as transcripts print it ("1:02:03.5")
# a time mark in a transcript's words, "[00:34:00]" (Markdown's "\[01:22\]" too): when, not words
TIME_MARK = re.compile(rf"\\?\[(?P<time>{TIME})\\?\]")


class DateError(QuoteError, ValueError):
    """Not a date quote can cite; the message says what is wrong, for one line."""


def check(value: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD and on the calendar; else DateError."""
    m = _SHAPE.fullmatch(value)
    if not m:
        raise DateError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    if year == 0:
        raise DateError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD (there is no year 0)")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD (there is no month {month})")
    if day is not None:
        import calendar

        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise DateError(
                f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD (not a day of the calendar)"
            )
    return value


def normalize(value: object) -> str | None:
    """A date from front matter (str, date, datetime) as quote stores it, checked; None if empty.

    "2024-02-27T10:00:00Z" and "2024-02-27 10:00" give "2024-02-27".
    """
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _DATETIME.match(text)
    return check(m.group(1) if m else text)


def parts(value: str | None) -> list[int]:
    """ "2024-02" → [2024, 2]; None → []."""
    return [int(p) for p in value.split("-")] if value else []


def month_name(month: int, language: str = "en") -> str:
    """The month's name in ``language`` (a primary subtag: "fr", "en"); English otherwise."""
    return MONTHS.get(language, MONTHS["en"])[month - 1]


def human(date: str | None, language: str = "en") -> str:
    """``2024-02`` → "February 2024" (en) or "février 2024" (fr); ``None`` → "n.d." / "s.d."."""
    from quotecli.text.lang import primary

    lang = primary(language)
    lang = lang if lang in MONTHS else "en"
    if not date:
        return "s.d." if lang == "fr" else "n.d."
    p = parts(date)
    if len(p) == 1:
        return str(p[0])
    month = month_name(p[1], lang)
    if len(p) == 2:
        return f"{month} {p[0]}"
    if lang == "fr":
        return f"{'1er' if p[2] == 1 else p[2]} {month} {p[0]}"
    return f"{month} {p[2]}, {p[0]}"
