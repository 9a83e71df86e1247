"""``quote find``: phrases in (arguments or stdin, one a line), one result per phrase out.

Options are settled once into ``FindConfig`` (ripgrep's low-args → high-args step); ``run``
loads the transcripts, answers each phrase in input order and writes each answer as soon as it
is ready (a batch streams), then returns the exit status: 0 all found, 1 any not found, 2 an
error (bad option, unreadable transcript, a phrase with no words, invalid UTF-8 on stdin).
"""

from __future__ import annotations

from collections.abc import Iterator

from quotecli import context as contextmod
from quotecli.records import dataclass
from quotecli.search import ROLES, SPANS, QueryError, SearchOptions
from quotecli.status import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMATS = ("text", "json", "tsv")
# Option defaults, one source for the typer signature (cli.find) and the fast path (main).
DEFAULTS: dict[str, Any] = dict(
    json_out=False, fmt="text", field=None, span="sentence", limit=1, min_score=0.0,
    speaker=None, role=None, context=False, sources=(), locale=None, color="auto",
    copy=False, copy_what="both", style=None,
)  # fmt: skip
FIELDS = ("quote", "match", "citation", "speaker", "source")
COLORS = ("auto", "always", "never")


@dataclass(frozen=True)
class FindConfig:
    phrases: tuple[str, ...] | None  # None: read stdin, one phrase a line
    output: str
    field: str | None
    color: str
    locale: str | None
    options: SearchOptions
    copy: str | None = None  # None, or what to copy: both, quote, citation
    style: str | None = None  # --style (None: $QUOTE_STYLE, else the default style)

    @classmethod
    def build(
        cls, *, phrase, json_out, fmt, field, span, limit, min_score, speaker, role, context,
        sources, locale, color, copy=False, copy_what="both", style=None,
    ) -> FindConfig:  # fmt: skip
        """Check every option once; a bad one is a UsageError naming it."""
        if fmt not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
        if json_out and fmt not in ("text", "json"):
            raise UsageError("--json and --format tsv cannot be used together")
        if field is not None and field not in FIELDS:
            raise UsageError(f"--field must be one of {', '.join(FIELDS)} (got {field!r})")
        if span not in SPANS:
            raise UsageError(f"--span must be one of {', '.join(SPANS)} (got {span!r})")
        if speaker is not None and not speaker.strip():
            raise UsageError("--speaker cannot be empty (a name; the surname is enough)")
        if role is not None and role not in ROLES:
            raise UsageError(f"--role must be one of {', '.join(ROLES)} (got {role!r})")
        if limit < 1:
            raise UsageError("--limit must be 1 or more")
        if not 0 <= min_score <= 100:
            raise UsageError("--min-score must be between 0 and 100")
        from quotecli.render.paste import WHAT

        if copy_what not in WHAT:
            raise UsageError(f"--copy-what must be one of {', '.join(WHAT)} (got {copy_what!r})")
        if color not in COLORS:
            raise UsageError(f"--color must be one of {', '.join(COLORS)} (got {color!r})")
        words = list(phrase or [])
        phrases = None if words in ([], ["-"]) else (" ".join(words),)
        options = SearchOptions(
            span=span, limit=limit, speaker=speaker, role=role, min_score=min_score,
            context=context, sources=tuple(sources),
        )  # fmt: skip
        return cls(
            phrases, "json" if json_out else fmt, field, color, locale, options,
            copy_what if copy else None, style,
        )  # fmt: skip


MAX_PHRASE = 10_000  # characters: a phrase is what a person remembers, not a document


def _stdin_phrases(stream) -> Iterator[tuple[int, str]]:
    """Phrases from a binary stream, one a line, blank lines skipped."""
    from quotecli.text.decode import DecodeError, utf8

    for n, raw in enumerate(stream, 1):
        try:
            line = utf8(raw, "stdin")
        except DecodeError:
            raise UsageError(f"stdin line {n}: invalid UTF-8") from None
        line = line.strip()
        if line:
            yield n, line


def run(config: FindConfig, ctx: contextmod.Environment | None = None) -> int:
    """Answer every phrase; return the exit status."""
    from quotecli import library
    from quotecli.cli import citer
    from quotecli.deliver import emit
    from quotecli.records import replace
    from quotecli.render import printers
    from quotecli.search import Searcher

    ctx = ctx or contextmod.from_process()
    from quotecli.status import outcome

    locale = config.locale or ctx.locale
    options = replace(config.options, locale=locale)
    if config.phrases is None:
        if ctx.stdin_tty:
            raise UsageError("no phrase given (pass a phrase, or pipe phrases on stdin)")
        phrases: Iterator[tuple[int, str]] = _stdin_phrases(ctx.stdin_bytes)
        batch = True
    else:
        phrases = iter(enumerate(config.phrases, 1))
        batch = False
    sources = library.provider(ctx.library, only=config.options.sources)
    # a batch (scripts) stays lexical: the sentence encoder is for a person reading one answer
    meaning = None if batch else _Meaning(ctx)
    searcher = Searcher(sources, citer.make(config.style, config.locale, ctx), meaning)
    printer = printers.Printer(config.output, config.field, ctx.color(config.color), locale)
    out = ctx.out
    missed = 0
    errors = 0
    if printer.header:
        emit(out, printer.header)
    copied = []
    for n, phrase in phrases:
        try:
            if len(phrase) > MAX_PHRASE:
                raise QueryError(f"the phrase is longer than {MAX_PHRASE:,} characters")
            result = searcher.search(phrase, options)
        except QueryError as exc:
            if not batch:
                raise
            emit(ctx.err, f"quote: error: stdin line {n}: {exc}")
            errors += 1
            continue
        text = printer.render(result)
        if text is not None:
            emit(out, text)
        if not result.found:
            missed += 1
            if missed == 1 and searcher.ranker is None and ctx.stderr_tty and not batch:
                emit(ctx.err, "quote: note: with the semantic extra (pip install "
                     "'quote[semantic]'), quote shows the passage nearest in meaning, "
                     "also in another language")  # fmt: skip
        if config.copy:
            copied.append(result)
    copy_failed = config.copy is not None and not errors and not _copy(copied, config.copy, ctx)
    return outcome(errors=errors, copy_failed=copy_failed, not_found=missed)


class _Meaning:
    """The sentence encoder, loaded on the first phrase not found, if the extra is installed
    (a found phrase loads nothing of it)."""

    def __init__(self, ctx):
        self.ctx = ctx

    def __call__(self):
        from quotecli.matching import semantic

        return semantic.Ranker(self.ctx.cache_dir) if semantic.available() else None


def _copy(results, what: str, ctx) -> bool:
    """Copy after everything was printed; False (and one stderr line) when the copy failed."""
    from quotecli.deliver import clipboard, emit
    from quotecli.render import safe
    from quotecli.render.paste import for_results

    text = for_results(results, what)
    if text is None:
        return True  # nothing found: nothing to copy, the exit status says so already
    copied = clipboard.copy(text, environ=ctx.environ)
    if copied.ok:
        return True
    emit(ctx.err, safe(f"quote: copy failed: {copied.message}"))
    return False
