"""The process entry point: argv in, exit status out, with a fast path that skips typer.

``quote PHRASE`` is run thousands of times from shell loops, and building the typer/click
application costs more than the search itself (about 60 ms to import typer and 30 ms to build
the commands on the development machine, against 13 ms for ``python -c pass``). So a plain
search — ``quote [find] WORDS…`` with no option other than ``--json`` — goes straight to the
``find`` command with the same defaults (``commands.find.DEFAULTS``, which the typer signature
also uses; a test checks that they agree), and ``-V`` / ``--version`` print the version
without typer too. Everything else — any other option, ``-`` for
stdin, ``--help``, completion, the other commands — goes through the typer application in
``cli``. Either way, every outcome is mapped to an ``ExitStatus`` here and nowhere else.
"""

from __future__ import annotations

import os
import sys

from quotecli.cli import COMMANDS
from quotecli.status import ExitStatus, QuoteError, ReaderGone, UsageError


def _default_to_find(argv: list[str]) -> list[str]:
    """``quote PHRASE`` means ``quote find PHRASE``."""
    if not argv:
        return ["find"]
    head = argv[0]
    if head in COMMANDS or head in ("-h", "--help", "--version", "-V"):
        return argv
    return ["find", *argv]


def _fast_find(args: list[str]) -> int | None:
    """Run a plain search without typer; None when the arguments need the full parser."""
    if args[0] != "find" or len(args) < 2:
        return None
    rest = args[1:]
    json_out = "--json" in rest
    words = [a for a in rest if a != "--json"]
    if not words or any(a.startswith("-") for a in words):
        return None
    from quotecli.cli import find

    options = dict(find.DEFAULTS, json_out=json_out)
    return find.run(find.FindConfig.build(phrase=words, **options))


def _run(args: list[str]) -> int:
    if args in (["--version"], ["-V"]):  # as common in scripts as a search: no typer either
        from quotecli import __version__
        from quotecli.deliver import emit

        emit(sys.stdout, f"quote {__version__}")
        return ExitStatus.OK
    fast = _fast_find(args) if "_QUOTE_COMPLETE" not in os.environ else None
    if fast is not None:
        return fast
    from quotecli.cli.app import app

    if "_QUOTE_COMPLETE" in os.environ:  # the shell asks for completions (see `completion`)
        from quotecli.cli.complete import init

        init()
        args = []
    return int(app(args=args, prog_name="quote", standalone_mode=False) or 0)


def _check_arguments(args: list[str]) -> None:
    """Arguments that are not valid UTF-8 (surrogate escapes on argv) are a usage error."""
    for n, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(f"argument {n} is not valid UTF-8") from None


def _error(message: str) -> None:
    """One line on stderr; whatever it quotes (a file name, an id) is escaped first."""
    from quotecli.render import safe

    first = " ".join(str(message).split("\n")[:1]) or "error"
    text = safe(first.encode("utf-8", "backslashreplace").decode("utf-8"))
    try:
        print(f"quote: error: {text}", file=sys.stderr)
    except (BrokenPipeError, OSError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the command, map every outcome to an exit status (the one ladder)."""
    args = _default_to_find(list(sys.argv[1:] if argv is None else argv))
    try:
        _check_arguments(args)
        return _run(args)
    except QuoteError as exc:
        _error(str(exc))
        return exc.status
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except (BrokenPipeError, ReaderGone):
        return _quiet_broken_pipe()
    except SystemExit:
        # click's own EPIPE path (its help, its usage lines) swaps in a pacifying stdout and
        # exits 1, even outside standalone mode; a broken pipe is exit 0 for every command
        if type(sys.stdout).__name__ == "_PacifyFlushWrapper":
            return _quiet_broken_pipe()
        raise
    except OSError as exc:  # a home, cache or draft folder that cannot be used
        where = f": {exc.filename}" if exc.filename else ""
        _error(f"{exc.strerror or exc}{where}")
        return ExitStatus.ERROR
    except Exception as exc:  # click's own outcomes, without importing click on the fast path
        import click

        if isinstance(exc, click.exceptions.Exit):
            return exc.exit_code
        if isinstance(exc, click.exceptions.Abort):
            return ExitStatus.INTERRUPTED
        if isinstance(exc, click.ClickException):
            _error(exc.format_message())
            return ExitStatus.ERROR
        raise


def _quiet_broken_pipe() -> int:
    """``quote … | head``: the reader left; exit 0 without a traceback at shutdown."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    return ExitStatus.OK
