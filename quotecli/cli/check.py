"""``quote check DRAFT``: every quotation of an article checked against the transcripts.

Options are settled once into ``CheckConfig``; ``run`` reads the draft (a file, or stdin for
``-``), finds its quotations (``drafts``), judges each (``verify``) and writes each verdict as
soon as it is ready, then a summary. Exit status: 0 when every quotation is verbatim and rightly
attributed, 1 otherwise, 2 on an error (missing file, invalid UTF-8, bad option).
"""

from __future__ import annotations

from quotecli import context as contextmod
from quotecli.cli.find import COLORS
from quotecli.records import dataclass
from quotecli.status import UsageError

MAX_DRAFT = 20_000_000  # bytes: a long-form article is under 1 MB; a book-length one fits
MAX_QUOTATIONS = 10_000  # per draft: a long article has a few hundred


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


def read_draft(path: str, ctx: contextmod.Environment) -> str:
    """The draft's text; unreadable files and invalid UTF-8 are UsageErrors (exit 2)."""
    from pathlib import Path

    name = "stdin" if path == "-" else path
    if path == "-":
        if ctx.stdin_tty:
            raise UsageError("no draft on stdin (pipe one in, or pass a file)")
        raw = ctx.stdin_bytes.read(MAX_DRAFT + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise UsageError(f"{path}: is a folder, not a draft")
        try:
            with p.open("rb") as fh:
                raw = fh.read(MAX_DRAFT + 1)
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_DRAFT:
        raise UsageError(f"{name}: a draft is at most {MAX_DRAFT // 1_000_000} MB")
    from quotecli.text.decode import utf8

    return utf8(raw, name).removeprefix("\ufeff").replace("\r\n", "\n")


def run(config: CheckConfig, ctx: contextmod.Environment | None = None) -> int:
    """Check every quotation of the draft; return the exit status."""
    from quotecli import library
    from quotecli.check import quotations, verify
    from quotecli.deliver import emit
    from quotecli.status import outcome

    ctx = ctx or contextmod.from_process()
    text = read_draft(config.path, ctx)
    sources = library.provider(ctx.library)
    names = library.speaker_names(ctx.library)
    from quotecli.cli import citer

    cite = citer.make(config.style, config.locale, ctx)
    checker = verify.Checker(sources, config.locale or ctx.locale, cite)
    printer = _printer(config, ctx)
    found = quotations.find_quotations(text, names, limit=MAX_QUOTATIONS)
    verdicts = []
    for quotation in found:
        verdict = checker.check(quotation)
        verdicts.append(verdict)
        emit(ctx.out, printer.render(verdict))
    if not verdicts:
        emit(ctx.err, "quote: no quotations found in the draft")
    emit(ctx.out, printer.summary(verdicts))
    return outcome(not_found=sum(not v.ok for v in verdicts))


def _printer(config: CheckConfig, ctx: contextmod.Environment):
    if config.output == "json":
        from quotecli.render import check_json

        return check_json.Printer()
    from quotecli.render import check_text

    # the draft's language is not known: a quotation is shown in its source's quotation marks,
    # or the reader's when it has no source
    return check_text.Printer(ctx.color(config.color), config.locale or ctx.locale)
