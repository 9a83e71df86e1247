"""Readers: raw transcript forms (press interviews, subtitles, debates…) into quote transcripts.

Each reader owns one raw form and returns the project's transcript text; none of them writes
files or reads the library. ``convert`` is the one entry point: it decodes the bytes (a binary
file, an unknown encoding or an empty file is a ``ReaderError``), picks the reader from the
content (``FORMATS``; ``fmt`` forces one), fills what the file does not say from the user's
options, and returns the transcript text with the reader's warnings.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotecli import transcript
from quotecli.readers.builder import Draft, ReaderError, finish, slug, to_text

FORMATS = ("quote", "press", "qa", "dialogue", "pm-xml", "crec", "assemblee", "tei",
           "markdown", "vtt", "srt", "json")  # fmt: skip
_FR = frozenset("le la les des une est que qui pas nous vous dans pour sur avec mais".split())
_EN = frozenset("the and is that of to you we in it not for with but this".split())


class Converted(NamedTuple):
    """A raw file converted: its transcript text, the reader used, what a person should know."""

    id: str
    text: str
    format: str
    warnings: tuple[str, ...] = ()


def decode(raw: bytes, encoding: str | None = None) -> str:
    """Bytes → text; UTF-8 (with or without BOM) or UTF-16 with BOM unless told otherwise."""
    if not raw.strip():
        raise ReaderError("empty file")
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReaderError(f"cannot decode as {encoding} ({exc})") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:8192]:
        raise ReaderError("binary file (not a transcript)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReaderError(
            f"unknown encoding (not UTF-8 at line {line}): pass --encoding, e.g. cp1252"
        ) from None


def detect(text: str) -> str:
    """The reader for this text, from its content."""
    from quotecli.readers import assemblee, chat, crec, markdown, pmxml, press, qa, subtitles

    head = text[:20000]
    if head.startswith("+++\n"):
        return "quote"
    if chat.sniff(head):
        return "json"
    sub = subtitles.sniff(head)
    if sub:
        return sub
    if pmxml.sniff(head):
        return "pm-xml"
    if assemblee.sniff_tei(head):
        return "tei"
    if crec.sniff(head):
        return "crec"
    if markdown.sniff(head):
        return "markdown"
    if qa.sniff(head):
        return "qa"
    if assemblee.sniff_text(head):
        return "assemblee"
    try:
        press.read(text)
        return "press"
    except press.PressFormatError:
        return "dialogue"


def guess_language(text: str) -> str | None:
    """ "fr" or "en" when the common words say so clearly, else None."""
    words = re.findall(r"[a-zà-ÿ]+", text[:50000].lower())
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    if fr > 2 * en and fr >= 5:
        return "fr"
    if en > 2 * fr and en >= 5:
        return "en"
    return None


def _draft(fmt: str, text: str) -> Draft:
    from quotecli.readers import assemblee, chat, crec, dialogue, markdown, pmxml, qa, subtitles

    if fmt == "pm-xml":
        return pmxml.read(text)
    if fmt == "crec":
        return crec.read(text)
    if fmt == "assemblee":
        return assemblee.read_text(text)
    if fmt == "tei":
        return assemblee.read_tei(text)
    if fmt == "markdown":
        return markdown.read(text)
    if fmt == "qa":
        return qa.read(text)
    if fmt == "json":
        return chat.read(text)
    if fmt in ("vtt", "srt"):
        return subtitles.read(text)
    draft = Draft()
    paras = [p.strip() for p in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if p.strip()]
    dialogue.fill(draft, paras)
    return draft


def convert(
    raw: bytes,
    name: str,
    *,
    fmt: str | None = None,
    options: dict | None = None,
    roles: dict[str, str] | None = None,
    source_id: str | None = None,
    encoding: str | None = None,
) -> Converted:
    """Convert one raw file (its bytes and its file name) to transcript text."""
    options = {k: v for k, v in (options or {}).items() if v}
    text = decode(raw, encoding).replace("\r\n", "\n")
    fmt = fmt or detect(text)
    if fmt not in FORMATS:
        raise ReaderError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    stem = re.sub(
        r"(\.quote)?\.(txt|xml|htm|html|md|markdown|vtt|srt|json|mp3)$", "", name, flags=re.I
    )
    stem = re.sub(r"\.(mp3|wav|m4a)$", "", stem, flags=re.I)
    if fmt == "quote":
        return _copy(text, name, source_id)
    if fmt == "press":
        return _press(text, options, roles or {}, source_id or slug(stem))
    draft = _draft(fmt, text)
    if fmt == "pm-xml" and draft.meta.get("transcript_id"):
        default_id = f"pm-{draft.meta['transcript_id']}"
    else:
        default_id = slug(stem)
    if not draft.meta.get("language") and not options.get("language"):
        draft.meta["language"] = guess_language(text)  # None: ``finish`` asks for it
    finish(draft, options, roles or {}, source_id or default_id)
    if fmt == "qa":
        from quotecli.readers import qa

        qa.name_speakers(draft, options)
    out = to_text(draft)
    transcript.parse(out, name)  # what we write must read back
    return Converted(draft.meta["id"], out, fmt, tuple(draft.warnings))


def _copy(text: str, name: str, source_id: str | None) -> Converted:
    source = transcript.parse(text, name)
    if source_id and source_id != source.id:
        raise ReaderError(f"a quote transcript keeps its own id ({source.id!r}); drop --id")
    return Converted(source.id, text, "quote")


def _press(text: str, options: dict, roles: dict, source_id: str) -> Converted:
    from quotecli.readers import press

    found = press.read(text)
    warnings = []
    language = options.get("language") or guess_language(text) or "fr"
    if not (options.get("date") or found.date):
        warnings.append("no date in the file or options: it will be cited as n.d.")
    out = press.to_transcript(
        text, source_id=source_id, outlet=options.get("outlet"), language=language,
        title=options.get("title"), url=options.get("url"), date=options.get("date"),
        interviewer=options.get("interviewer"), roles=roles,
    )  # fmt: skip
    transcript.parse(out, source_id)
    return Converted(source_id, out, "press", tuple(warnings))
