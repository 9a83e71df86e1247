"""Exit statuses: the one place that says what each exit code means (httpie's model)."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """What a run of quote tells its caller (grep-like: 1 is "not found", not a crash)."""

    OK = 0  # everything asked for was found (or checked verbatim)
    NOT_FOUND = 1  # a phrase had no match, or a draft has a quotation that is not verbatim
    ERROR = 2  # usage or data error: one line on stderr, nothing the user had was touched
    COPY_FAILED = 3  # results were printed, but the requested clipboard copy failed
    INTERRUPTED = 130  # Ctrl-C


class UsageError(Exception):
    """A usage or data error: its message is one line for stderr, and the exit status is 2."""


class ReaderGone(Exception):
    """stdout was closed by its reader (``quote … | head``): stop quietly, exit 0."""
