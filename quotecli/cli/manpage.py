"""The man page, ``quote.1``, generated from the commands' own help (issue 14, item 6).

``python -m quotecli.cli.manpage -o man/quote.1`` writes it; the wheel installs it as
``share/man/man1/quote.1``. Every command, subcommand, argument and option comes from the click
command the typer application builds — the same words as ``--help`` — so the page cannot drift
from the program (a test regenerates it and compares it with the committed file). Only the
sections ``--help`` has no room for (exit status, environment, files) are written here.

The output is plain roff (``man 7 man`` macros), deterministic: no date, no host name.
"""

from __future__ import annotations

import sys
from typing import Any

EXIT_STATUS = [
    ("0", "everything asked for was found (check: every quotation verbatim and rightly "
          "attributed); also a broken pipe (quote ... | head)"),
    ("1", "a phrase had no match, or a quotation of the draft is not verbatim"),
    ("2", "usage or data error: a bad option, an unreadable or malformed transcript, invalid "
          "UTF-8, a damaged library index"),
    ("3", "--copy was asked and the copy failed (the results were printed first)"),
    ("130", "interrupted (Ctrl-C)"),
]  # fmt: skip
ENVIRONMENT = [
    ("QUOTE_HOME", "the library folder (default: the platform's user data folder)"),
    ("QUOTE_STYLE", "the default citation style (--style beats it)"),
    ("QUOTE_PAGER, PAGER", "the pager of quote show on a terminal (default: less -FRX; "
                           "empty or cat: none)"),
    ("NO_COLOR", "set and not empty: no colour under --color=auto"),
    ("FORCE_COLOR", "set, not empty and not 0: colour under --color=auto"),
    ("LC_ALL, LC_MESSAGES, LANG", "the language of citations and dates (--locale beats them)"),
]  # fmt: skip


def _roff(text: str) -> str:
    """Text made safe for roff: backslashes, non-ASCII as ``\\[uXXXX]``, a leading ``.``."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 0x80 else f"\\[u{ord(c):04X}]" for c in text)  # any troff
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def _paragraphs(text: str) -> list[str]:
    import inspect

    return [" ".join(p.split()) for p in inspect.cleandoc(text or "").split("\n\n") if p.strip()]


def _command(ctx, name: str, command, out: list[str]) -> None:
    import click

    sub = click.Context(command, info_name=name, parent=ctx)
    usage = " ".join(command.collect_usage_pieces(sub))
    out += [f'.SS "{_roff(sub.command_path)}"', f".B {_roff(sub.command_path)}", _roff(usage)]
    for para in _paragraphs(command.help or ""):
        out += [".PP", _roff(para)]
    for param in command.get_params(sub):
        record = param.get_help_record(sub)
        if record is None or param.name == "help":  # said once, under OPTIONS
            continue
        out += [".TP", f".B {_roff(record[0])}", _roff(" ".join(record[1].split()))]
    if isinstance(command, click.Group):
        for sub_name in command.list_commands(sub):
            _command(sub, sub_name, command.get_command(sub, sub_name), out)


def render() -> str:
    """The whole page, as roff text."""
    import click
    import typer

    from quotecli import __version__
    from quotecli.cli.app import HELP, app

    root = typer.main.get_command(app)
    ctx = click.Context(root, info_name="quote", **root.context_settings)
    summary = _paragraphs(HELP)
    out = [
        f'.TH QUOTE 1 "" "quote {__version__}" "User Commands"',
        ".SH NAME",
        "quote \\- " + _roff(summary[0][0].lower() + summary[0][1:].rstrip(".")),
        ".SH SYNOPSIS",
        ".B quote",
        "[\\fIOPTIONS\\fR] \\fIPHRASE\\fR...",
        ".br",
        ".B quote",
        "\\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
    ]
    for para in summary:
        out += [".PP", _roff(para)]
    out += [".SH OPTIONS"]
    for param in root.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            out += [".TP", f".B {_roff(record[0])}", _roff(record[1])]
    out += [".SH COMMANDS"]
    group: Any = root  # a click Group: it lists its commands
    for name in group.list_commands(ctx):
        _command(ctx, name, group.get_command(ctx, name), out)
    out += [".SH EXIT STATUS"]
    for code, meaning in EXIT_STATUS:
        out += [".TP", f".B {code}", _roff(meaning)]
    out += [".SH ENVIRONMENT"]
    for var, meaning in ENVIRONMENT:
        out += [".TP", f".B {_roff(var)}", _roff(meaning)]
    out += [
        ".SH FILES",
        ".TP",
        ".I $QUOTE_HOME/transcripts/*.quote.txt",
        "the stored transcripts (the library); library.sqlite is their index",
        ".SH SEE ALSO",
        _roff("The README of the quote repository: formats, citation styles, limits."),
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m quotecli.cli.manpage [-o FILE]``: write the page (stdout by default)."""
    args = list(sys.argv[1:] if argv is None else argv)
    text = render()
    if args[:1] == ["-o"] and len(args) == 2:
        from pathlib import Path

        Path(args[1]).write_text(text, encoding="utf-8")
    elif not args:
        sys.stdout.write(text)
    else:
        print("usage: python -m quotecli.cli.manpage [-o FILE]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
