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
from quotecli.readers.builder import Draft, ReaderError, finish, given_roles, to_text
from quotecli.text.decode import newlines
from quotecli.text.decode import sniff as decode
from quotecli.text.ids import slug
from quotecli.text.lang import guess as guess_language
from quotecli.transcript import Source


class Reader(NamedTuple):
    """A raw form quote reads: its ``--format`` name, the file endings it comes in, one line."""

    name: str
    extensions: tuple[str, ...]
    help: str


# The one readers table: ``--format`` names, ``quote import --help``, the endings a folder
# import picks up and the endings cut from a file name to make its id all come from here.
READERS = (
    Reader("quote", (".quote.txt",), "quote's own transcripts (TOML front matter, '::: id' turns)"),
    Reader("press", (".txt",), "press interview: 'NAME - ' answers, questions, a credit line"),
    Reader("qa", (".md", ".markdown", ".txt"), "web Q&A: questions in bold or as headings"),
    Reader("dialogue", (".txt",), "plain text with 'NAME:' speaker labels"),
    Reader(
        "turns",
        (".txt", ".md", ".markdown", ".rst"),
        "labels found in the content: 'Name:', Otter 'Name  0:00', '**Name** [00:00]', '>>'…",
    ),
    Reader("pm-xml", (".xml",), "Australian PM transcripts (XML with HTML content)"),
    Reader("crec", (".htm", ".html"), "US Congressional Record ('Mr. WARNER.' labels)"),
    Reader("html", (".html", ".htm"), "web pages: text by an HTML parser, read as Q&A or turns"),
    Reader("assemblee", (".txt",), "Assemblée nationale sitting, plain text"),
    Reader("tei", (".xml", ".tei"), "TEI XML debates (<sp who=…>)"),
    Reader("akn", (".xml", ".akn"), "Akoma Ntoso debates, parliaments' XML (<speech by=…>)"),
    Reader("markdown", (".md", ".markdown"), "podcast transcripts with '**Name:**' labels"),
    Reader("vtt", (".vtt",), "WebVTT subtitles (voice spans or 'Name:' in cues)"),
    Reader("srt", (".srt",), "SubRip subtitles"),
    Reader("json", (".json",), "JSON turns ({speaker, time, message})"),
    Reader("csv", (".csv", ".tsv"), "tables of turns: a header naming speaker and words columns"),
    Reader("docx", (".docx",), "Word documents, read by the turn reader (extra: python-docx)"),
    Reader("pdf", (".pdf",), "PDF with a text layer, read by the turn reader (extra: pypdf)"),
)
FORMATS = tuple(r.name for r in READERS)
EXTENSIONS = tuple(sorted({e for r in READERS for e in r.extensions}, key=len, reverse=True))
_MEDIA = (".mp3", ".wav", ".m4a", ".mp4", ".ogg", ".webm")  # "E100.mp3.vtt" → "E100"


class Converted(NamedTuple):
    """A raw file converted: its transcript text and parsed source, the reader used, warnings."""

    id: str
    text: str
    format: str
    warnings: tuple[str, ...] = ()
    source: Source | None = None


def stem(name: str) -> str:
    """A file name without the endings of the readers table ("seance.tei" → "seance")."""
    low = name.lower()
    for ext in EXTENSIONS:
        if low.endswith(ext) and len(name) > len(ext):
            name, low = name[: -len(ext)], low[: -len(ext)]
            break
    for ext in _MEDIA:
        if low.endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name


def detect(text: str) -> str:
    """The reader for this text, from its content."""
    from quotecli.readers import (
        akn,
        assemblee,
        chat,
        crec,
        markdown,
        pmxml,
        press,
        qa,
        subtitles,
        table,
        turns,
        webpage,
    )

    head = text[:20000]
    if head.startswith("+++\n") and re.search(r"^schema *=", head.split("\n+++", 1)[0], re.M):
        return "quote"
    if chat.sniff(head) or chat.is_json(text):
        return "json"  # a JSON file of another shape is refused saying which keys it expects
    if table.sniff(head):
        return "csv"
    sub = subtitles.sniff(head)
    if sub:
        return sub
    if pmxml.sniff(head):
        return "pm-xml"
    if assemblee.sniff_tei(head):
        return "tei"
    if akn.sniff(head):
        return "akn"
    if crec.sniff(head):
        return "crec"
    if webpage.sniff(head):
        return "html"
    if qa.numbered(head):
        return "qa"  # "**Q: …?**" questions, unlabelled answers: a Q&A page, not a dialogue
    if markdown.sniff(head):
        return "markdown"
    if turns.sniff(head):
        return "turns"
    if qa.sniff(head):
        return "turns" if turns.labelled(head) else "qa"
    if assemblee.sniff_text(head):
        return "assemblee"
    try:
        press.read(text)
        return "press"
    except press.PressFormatError:
        return "dialogue"  # read by the turn reader


def _draft(fmt: str, text: str) -> Draft:
    from quotecli.readers import akn, assemblee, chat, crec, pmxml, qa, subtitles, table, turns

    if fmt == "pm-xml":
        return pmxml.read(text)
    if fmt == "crec":
        return crec.read(text)
    if fmt == "assemblee":
        return assemblee.read_text(text)
    if fmt == "tei":
        return assemblee.read_tei(text)
    if fmt == "akn":
        return akn.read(text)
    if fmt == "qa":
        return qa.read(text)
    if fmt == "json":
        return chat.read(text)
    if fmt == "csv":
        return table.read(text)
    if fmt in ("vtt", "srt"):
        return subtitles.read(text, unnamed="unattributed")
    return turns.read(text)  # _TURN_READER


_TURN_READER = ("dialogue", "markdown", "turns", "docx", "pdf")  # the formats turns.read reads


def convert(raw: bytes, name: str, **options) -> Converted:
    """Convert one raw file (its bytes and its file name) to transcript text.

    Options: ``fmt``, ``options`` (outlet, date…), ``roles``, ``source_id``, ``encoding``.
    A reader that meets a malformed file in a way it did not foresee (nesting deeper than
    Python recurses, an element missing where the format requires one) refuses that file
    with a ReaderError naming the reader, never a traceback (issue 11): the class of failure
    is handled here, once, for every reader present and future.
    """
    from quotecli.status import QuoteError

    try:
        return _convert(raw, name, **options)
    except QuoteError:
        raise
    except RecursionError:
        raise ReaderError("the file nests too deeply to be read") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, SyntaxError) as exc:
        # xml.etree's ParseError is a SyntaxError; json's JSONDecodeError a ValueError
        what = options.get("fmt") or "a transcript"
        raise ReaderError(f"cannot be read as {what} ({type(exc).__name__}: {exc})") from None


def _convert(
    raw: bytes,
    name: str,
    *,
    fmt: str | None = None,
    options: dict | None = None,
    roles: dict[str, str] | None = None,
    source_id: str | None = None,
    encoding: str | None = None,
) -> Converted:
    from quotecli.readers import office

    options = {k: v for k, v in (options or {}).items() if v}
    container = office.kind(name, raw)
    if fmt in ("docx", "pdf") and container != fmt:
        raise ReaderError(f"not a {'Word' if fmt == 'docx' else 'PDF'} file (--format {fmt})")
    left_out: list[str] = []
    if container and fmt in (None, container):
        (text, left_out), fmt = office.text(raw, container), container
        if (laid := _asked_in_bold(text)) is not None:  # questions in bold, answers plain
            text, fmt = laid[0], "qa"
            left_out += laid[1]
    else:
        decoded = decode(raw, encoding)
        text = newlines(decoded.text)
        if decoded.warning:
            left_out.append(decoded.warning)
    if fmt is None and name.lower().endswith((".html", ".htm")) and detect(text) != "crec":
        fmt = "html"  # a web page that is not the Congressional Record
    fmt = fmt or detect(text)
    shown = container if fmt == "qa" and container else fmt
    if fmt == "html":  # the page's text, read by the reader its content calls for
        from quotecli.readers import webpage

        text = webpage.text(text)
        fmt = detect(text)
        shown = "html"
    elif fmt in ("markdown", "turns", "qa", "dialogue"):
        from quotecli.readers import webpage

        if (converted := webpage.html_body(text)) is not None:  # a post's raw HTML transcript
            text, fmt, shown = converted, detect(converted), "html"
        elif (marked := webpage.inline_tags(text)) is not None:  # "<strong>Q: …</strong>"
            text, fmt = marked, detect(marked)
    if fmt not in FORMATS:
        raise ReaderError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    base = stem(name)
    if fmt in ("quote", "press"):
        try:
            got = (
                _copy(text, name, source_id)
                if fmt == "quote"
                else _press(text, options, roles or {}, source_id or slug(base))
            )
        except (ReaderError, transcript.TranscriptError) as exc:  # press: PressFormatError
            raise ReaderError(_with_labels_seen(str(exc), text, fmt)) from None
        return got._replace(warnings=(*left_out, *got.warnings))
    try:
        draft = _draft(fmt, text)
    except ReaderError as exc:
        raise ReaderError(_with_labels_seen(str(exc), text, fmt)) from None
    if fmt == "pm-xml" and draft.meta.get("transcript_id"):
        default_id = f"pm-{draft.meta['transcript_id']}"
    else:
        default_id = slug(base)
    if not draft.meta.get("language") and not options.get("language"):
        draft.meta["language"] = guess_language(text)  # None: ``finish`` asks for it
    try:
        finish(draft, options, roles or {}, source_id or default_id)
    except ReaderError as exc:
        raise ReaderError(_with_labels_seen(str(exc), text, fmt)) from None
    if fmt in ("vtt", "srt"):
        from quotecli.readers import subtitles

        subtitles.name_speaker(draft, options)
    if fmt == "akn":
        from quotecli.readers import akn

        if (record := draft.speakers.get(akn.RECORD)) is not None:
            record.name = draft.meta["outlet"]  # the record's words: the outlet's (--outlet)
    if fmt == "qa":
        from quotecli.readers import qa

        qa.name_speakers(draft, options)
    if fmt in ("dialogue", "turns", "markdown", "docx", "pdf", "vtt", "srt"):
        from quotecli.readers import people  # subtitles' named voices too (issue 12)

        people.name_speakers(draft, options, roles)
    elif fmt in ("json", "csv"):  # speakers as data: the options' names, nothing inferred
        from quotecli.readers import people

        people.named_roles(draft, options)
    given_roles(draft, roles or {}, late=True)  # --role overrides the rules that read roles
    if roles and fmt not in ("qa", "pm-xml", "assemblee"):
        from quotecli.readers import people

        people.role_names(draft, options)  # "C=interviewee" and --interviewee: C is that one
    draft.meta.pop("_shows", None)  # labels that name a show, for role_names only
    draft.meta.pop("_front_standfirst", None)  # read by people.name_speakers only
    from quotecli.readers import sponsor

    sponsor.guests_own(draft)  # a guest's plug of their own site is theirs, no sponsor read
    draft.warnings[:0] = left_out
    out = to_text(draft)
    source = transcript.parse(out, name)  # what we write must read back
    return Converted(draft.meta["id"], out, shown, tuple(draft.warnings), source)


def _asked_in_bold(text: str) -> tuple[str, list[str]] | None:
    """A Word or PDF document whose questions are set in bold and whose answers carry no
    label (an oral history's, a printed Q&A's): its text with the page layout undone (running
    heads, page numbers) for the Q&A reader, and what that left out; None for any other."""
    from quotecli.readers import pages, qa, turns

    if "**" not in text or not qa.sniff(text[:20000]) or turns.labelled(text[:20000]):
        return None
    lines, left_out = pages.split(text)
    return "\n".join(lines) + "\n", left_out


def _with_labels_seen(message: str, text: str, tried: str | None = None) -> str:
    """A refusal with the labels the text shows most, and the format that reads them: a file
    refused says what it saw ("expected two speaker labels … (found 0); labels found: …").
    Where the format to pass is read by the reader that refused (``tried``), it says why the
    labels were not taken instead."""
    from quotecli.readers import seen

    if "labels found" not in message and not re.search(r"\s--[a-z]", message):
        found = seen.labels_seen(text)
        message = f"{message}; {found}" if found else message
    same = _TURN_READER if tried in _TURN_READER else (tried,)
    if tail := next((t for f in same if message.endswith(t := f" — pass --format {f}")), ""):
        message = message.removesuffix(tail) + (
            " — too few to tell them from the text: a label is taken when it recurs, or is"
            " printed in capitals, or beside labels that recur"
        )
    return message


def _copy(text: str, name: str, source_id: str | None) -> Converted:
    source = transcript.parse(text, name)
    if source_id and source_id != source.id:
        raise ReaderError(f"a quote transcript keeps its own id ({source.id!r}); drop --id")
    return Converted(source.id, text, "quote", (), source)


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
    source = transcript.parse(out, source_id)
    return Converted(source_id, out, "press", tuple(warnings), source)
