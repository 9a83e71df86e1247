"""Bytes into text: the one decoder of transcripts, drafts and phrases.

Two policies, one module: :func:`utf8` for what quote itself reads back (its transcript files,
drafts, phrases on stdin: UTF-8 or nothing, the error naming the line), and :func:`sniff` for
raw files a user imports (UTF-8 with or without BOM, UTF-16 with a BOM, or the ``--encoding``
asked for; binary and empty files refused).
"""

from __future__ import annotations

from quotecli.status import DataError


class DecodeError(DataError):
    """Bytes that are not text quote can read; one line for a person."""


def utf8(raw: bytes, name: str) -> str:
    """UTF-8 bytes → text; invalid UTF-8 is a DecodeError naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DecodeError(f"{name}: invalid UTF-8 at line {line}") from None


def sniff(raw: bytes, encoding: str | None = None) -> str:
    """A raw file's text: UTF-8 (BOM or not), UTF-16 with a BOM, or ``encoding``."""
    if not raw.strip():
        raise DecodeError("empty file")
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding} ({exc.__class__.__name__})") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError("invalid UTF-16 (truncated or odd number of bytes)") from None
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (not a transcript)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"unknown encoding (not UTF-8 at line {line}): pass --encoding, e.g. cp1252"
        ) from None
