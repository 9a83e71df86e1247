"""Delivering results to stdout: each answer written and flushed as soon as it is ready.

A reader that goes away (``| head``) is not an error: the broken pipe becomes ``ReaderGone``,
which the command line turns into a quiet exit 0 (click would exit 1 on EPIPE, which reads as
"not found"). The clipboard is the other delivery, in ``clipboard``.
"""

from __future__ import annotations

from quotecli.status import ReaderGone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO


def emit(out: IO[str], text: str) -> None:
    """Write one answer (plus a newline) and flush it, so a batch streams."""
    try:
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
