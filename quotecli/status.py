"""Exit statuses and errors: the one place that says what each exit code means (httpie's model).

Every error a user can cause is a :class:`QuoteError` that carries its exit status and a
one-line message; ``main`` has the one handler ladder that prints it and exits. No module
translates one error into another just to change the status. :func:`outcome` states the
precedence of a run's results: an error, then a failed copy, then something not found.
"""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """What a run of quote tells its caller (grep-like: 1 is "not found", not a crash)."""

    OK = 0  # everything asked for was found (or checked verbatim)
    NOT_FOUND = 1  # a phrase had no match, or a draft has a quotation that is not verbatim
    ERROR = 2  # usage or data error: one line on stderr, nothing the user had was touched
    COPY_FAILED = 3  # results were printed, but the requested clipboard copy failed
    INTERRUPTED = 130  # Ctrl-C


class QuoteError(Exception):
    """An error for a person: ``str(exc)`` is one line for stderr, ``status`` the exit code."""

    status: ExitStatus = ExitStatus.ERROR


class UsageError(QuoteError):
    """The command line asks for something quote cannot do (a bad option, a missing file)."""


class DataError(QuoteError):
    """A file, a transcript or the library cannot be used as it is."""


class ReaderGone(Exception):
    """stdout was closed by its reader (``quote … | head``): stop quietly, exit 0."""


def outcome(*, errors: int = 0, copy_failed: bool = False, not_found: int = 0) -> ExitStatus:
    """A run's exit status: any error (2) beats a failed copy (3), which beats a miss (1)."""
    if errors:
        return ExitStatus.ERROR
    if copy_failed:
        return ExitStatus.COPY_FAILED
    if not_found:
        return ExitStatus.NOT_FOUND
    return ExitStatus.OK
