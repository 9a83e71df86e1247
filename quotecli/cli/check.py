"""``quote check DRAFT``: every quotation of an article checked against the transcripts.

Options are settled once into ``CheckConfig``; ``run`` reads the draft (a file, or stdin for
``-``), finds its quotations (``drafts``), judges each (``verify``) and writes each verdict as
soon as it is ready, then a summary. Exit status: 0 when every quotation is verbatim and rightly
attributed, 1 otherwise, 2 on an error (missing file, invalid UTF-8, bad option).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from quotecli import context as contextmod
from quotecli.cli.find import COLORS
from quotecli.status import ExitStatus, UsageError


@dataclass(frozen=True)
class CheckConfig:
    path: str  # "-" reads stdin
    output: str  # "text" or "json"
    color: str
    locale: str | None = None
    style: str | None = None

    @classmethod
    def build(
        cls, *, path: str, json_out: bool, color: str, style: str | None = None,
        locale: str | None = None,
    ) -> CheckConfig:  # fmt: skip
        """Check every option once; a bad one is a UsageError naming it."""
        if color not in COLORS:
            raise UsageError(f"--color must be one of {', '.join(COLORS)} (got {color!r})")
        if not path:
            raise UsageError("no draft given (pass a file, or '-' to read stdin)")
        return cls(path, "json" if json_out else "text", color, locale, style)


def read_draft(path: str, ctx: contextmod.Context) -> str:
    """The draft's text; unreadable files and invalid UTF-8 are UsageErrors (exit 2)."""
    from pathlib import Path

    name = "stdin" if path == "-" else path
    if path == "-":
        if ctx.stdin_tty:
            raise UsageError("no draft on stdin (pipe one in, or pass a file)")
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    from quotecli.transcript import TranscriptError, decode_utf8

    try:
        text = decode_utf8(raw, name)
    except TranscriptError as exc:
        raise UsageError(str(exc)) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def run(config: CheckConfig, ctx: contextmod.Context | None = None) -> int:
    """Check every quotation of the draft; return the exit status."""
    from quotecli import library, transcript
    from quotecli.check import quotations as drafts
    from quotecli.check import verify

    ctx = ctx or contextmod.from_process()
    text = read_draft(config.path, ctx)
    try:
        sources = library.provider(ctx.home)
        names = library.speaker_names(ctx.home)
    except transcript.TranscriptError as exc:
        raise UsageError(str(exc)) from None
    from quotecli.cli import citer

    cite = citer.make(config.style, config.locale, ctx)
    checker = verify.Checker(sources, config.locale or ctx.locale, cite)
    printer = _printer(config, ctx)
    out = sys.stdout
    verdicts = []
    for quotation in drafts.find_quotations(text, names):
        verdict = checker.check(quotation)
        verdicts.append(verdict)
        out.write(printer.render(verdict) + "\n")
        out.flush()
    if not verdicts:
        print("quote: no quotations found in the draft", file=sys.stderr)
    out.write(printer.summary(verdicts) + "\n")
    return ExitStatus.OK if all(v.ok for v in verdicts) else ExitStatus.NOT_FOUND


def _printer(config: CheckConfig, ctx: contextmod.Context):
    if config.output == "json":
        from quotecli.render import check_json

        return check_json.Printer()
    from quotecli.render import check_text

    # the draft's language is not known: a quotation is shown in its source's quotation marks,
    # or the reader's when it has no source
    return check_text.Printer(ctx.color(config.color), config.locale or ctx.locale)
