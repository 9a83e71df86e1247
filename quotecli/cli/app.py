"""The command line: parses options into settled configurations and wires the pipeline.

Each command turns its options into a frozen config, calls one core function, hands results to
one printer and returns an ``ExitStatus``. Exit codes are decided here and in ``main`` only
(typer/click defaults exit 1 on some errors, which would read as "no match"). Heavy modules
(rapidfuzz, the CSL engine, pyperclip) are imported by the stages that need them, never here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from quotecli import __version__
from quotecli.cli import argfix  # noqa: F401  (arguments' help shown: see argfix)
from quotecli.cli import complete as cpl
from quotecli.cli.find import DEFAULTS
from quotecli.readers import FORMATS as READER_FORMATS
from quotecli.status import ExitStatus, UsageError
from quotecli.transcript import ROLES

HELP = (
    "Find the exact words of an interview, who said them, and a citation to paste.\n\n"
    "quote PHRASE is quote find PHRASE; to search for a word that is also a command name, "
    "write quote find WORD."
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"quote {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print version."),
    ] = False,
) -> None:
    pass


@app.command(help="Find a phrase: the exact quotation, who said it, and a citation.")
def find(
    phrase: Annotated[
        list[str] | None,
        typer.Argument(
            help="The phrase as you remember it; '-' or none reads stdin, one a line.",
            metavar="PHRASE...",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="Output: text, json or tsv.",
            metavar="FORMAT",
            shell_complete=cpl.formats,
        ),
    ] = DEFAULTS["fmt"],
    field: Annotated[
        str | None,
        typer.Option(
            "--field",
            help="Print one field only: quote, match, citation, speaker, source.",
            metavar="FIELD",
            shell_complete=cpl.fields,
        ),
    ] = None,
    span: Annotated[
        str,
        typer.Option(
            help="What to return: match, sentence or paragraph.",
            metavar="SPAN",
            shell_complete=cpl.spans,
        ),
    ] = DEFAULTS["span"],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Matches per phrase.")] = DEFAULTS[
        "limit"
    ],
    min_score: Annotated[
        float, typer.Option(help="Drop matches scoring below (0-100).")
    ] = DEFAULTS["min_score"],
    speaker: Annotated[
        str | None, typer.Option(help="Only words of this speaker (surname is enough).")
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            help=f"Only words of this role: {', '.join(ROLES)}.",
            metavar="ROLE",
            shell_complete=cpl.roles,
        ),
    ] = None,
    context: Annotated[
        bool, typer.Option("--context", help="Show the question that prompted an answer.")
    ] = False,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            help="Search only this source id (repeatable; see quote sources).",
            metavar="ID",
            shell_complete=cpl.sources,
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option(
            help="Language of citations and dates, e.g. fr, en-GB (default: from LANG).",
            metavar="TAG",
            shell_complete=cpl.locales,
        ),
    ] = None,
    color: Annotated[
        str,
        typer.Option(
            help="Colour: auto, always or never.", metavar="WHEN", shell_complete=cpl.colors
        ),
    ] = DEFAULTS["color"],
    copy: Annotated[
        bool, typer.Option("--copy", help="Also copy the quotation and citation to the clipboard.")
    ] = False,
    copy_what: Annotated[
        str,
        typer.Option(
            help="What --copy copies: both, quote or citation.",
            metavar="WHAT",
            shell_complete=cpl.copy_what,
        ),
    ] = DEFAULTS["copy_what"],
    style: Annotated[
        str | None,
        typer.Option(
            help="Citation style id, a .csl file, or bibtex, ris, csl-json, wikipedia, "
            "markdown, html (default: $QUOTE_STYLE, else chicago-notes-bibliography).",
            metavar="STYLE",
            shell_complete=cpl.styles,
        ),
    ] = None,
) -> int:
    from quotecli.cli import find as command

    return command.run(
        command.FindConfig.build(
            phrase=phrase, json_out=json_out, fmt=fmt, field=field, span=span, limit=limit,
            min_score=min_score, speaker=speaker, role=role, context=context,
            sources=tuple(source or ()), locale=locale, color=color, copy=copy,
            copy_what=copy_what, style=style,
        )
    )  # fmt: skip


@app.command("import", help="Add transcripts (files or folders) to your library.")
def import_(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to import.")] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=f"Force the reader: {', '.join(READER_FORMATS)} (default: from the content).",
            metavar="FORMAT",
            shell_complete=cpl.reader_formats,
        ),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet, when the file does not say.")] = None,
    date: Annotated[str | None, typer.Option(help="Date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the interview.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    interviewer: Annotated[str | None, typer.Option(help="Who asked the questions.")] = None,
    interviewee: Annotated[
        str | None, typer.Option(help="Who answers, when the answers or cues carry no name.")
    ] = None,
    language: Annotated[str | None, typer.Option(help="Language of the text: fr, en…")] = None,
    source_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Source type: interview, podcast-episode, broadcast, press-conference, speech,"
            " debate or hearing.",
            metavar="TYPE",
        ),
    ] = None,
    show: Annotated[str | None, typer.Option(help="The podcast or programme.")] = None,
    episode: Annotated[str | None, typer.Option(help="Episode number.")] = None,
    network: Annotated[str | None, typer.Option(help="Network or publisher.")] = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            help=f"A speaker's role, NAME=ROLE (repeatable); ROLE: {', '.join(ROLES)}.",
            metavar="NAME=ROLE",
            shell_complete=cpl.name_roles,
        ),
    ] = None,
    source_id: Annotated[str | None, typer.Option("--id", help="Id of the transcript.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding when not UTF-8.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a transcript already there.")
    ] = False,
) -> int:
    from quotecli.cli import import_ as command

    return command.run(
        command.ImportConfig.build(
            paths=paths or [], fmt=fmt, outlet=outlet, date=date, title=title, url=url,
            interviewer=interviewer, interviewee=interviewee, language=language,
            roles=role or [], source_id=source_id,
            encoding=encoding, force=force, source_type=source_type, show=show,
            episode=episode, network=network,
        )
    )  # fmt: skip


@app.command(help="List the transcripts quote searches: bundled and in your library.")
def sources(
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> int:
    from quotecli.cli import sources as command

    return command.run_sources(command.SourcesConfig(json_out))


@app.command(help="Print a transcript with turn numbers and speakers.")
def show(
    source_id: Annotated[
        str,
        typer.Argument(
            help="The source id (see quote sources).", metavar="ID", shell_complete=cpl.sources
        ),
    ],
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Never page (default: $PAGER or less -FRX on a terminal)."),
    ] = False,
) -> int:
    from quotecli.cli import sources as command

    return command.run_show(command.ShowConfig(source_id, pager=not no_pager))


@app.command(help="Remove a transcript from your library.")
def remove(
    source_id: Annotated[
        str,
        typer.Argument(
            help="The id of a library source (see quote sources).",
            metavar="ID",
            shell_complete=cpl.library_sources,
        ),
    ],
) -> int:
    from quotecli.cli import sources as command

    return command.run_remove(command.ShowConfig(source_id))


library_app = typer.Typer(
    help="The library's storage (SQLite by default, PostgreSQL with $QUOTE_LIBRARY): "
    "create or migrate its schema, check its index, rebuild the index from the transcripts.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(library_app, name="library")


@library_app.command("init", help="Create the library's schema, or migrate it to this quote's.")
def library_init() -> int:
    from quotecli.cli import library as command

    return command.run_init(command.InitConfig())


@app.command(help="Print a shell completion script: bash, zsh or fish.")
def completion(
    shell: Annotated[
        str,
        typer.Argument(help="The shell: bash, zsh or fish.", shell_complete=cpl.shells),
    ],
) -> int:
    import sys

    from quotecli.deliver import emit

    text = cpl.script(typer.main.get_command(app), shell)
    if text is None:
        raise UsageError(f"no completion for shell {shell!r} (use bash, zsh or fish)")
    emit(sys.stdout, text.rstrip("\n"))
    return ExitStatus.OK


@app.command(help="Check every quotation of a draft: verbatim, and said by whom the draft says.")
def check(
    file: Annotated[
        str, typer.Argument(help="The draft, Markdown or plain text; '-' reads stdin.")
    ],
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
    color: Annotated[
        str,
        typer.Option(
            help="Colour: auto, always or never.", metavar="WHEN", shell_complete=cpl.colors
        ),
    ] = "auto",
    style: Annotated[
        str | None,
        typer.Option(
            help="Citation style of the fixes (as for find).",
            metavar="STYLE",
            shell_complete=cpl.styles,
        ),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option(
            help="Language of citations, e.g. fr, en-GB (default: from LANG).",
            metavar="TAG",
            shell_complete=cpl.locales,
        ),
    ] = None,
) -> int:
    from quotecli.cli import check as command

    return command.run(
        command.CheckConfig.build(
            path=file, json_out=json_out, color=color, style=style, locale=locale
        )
    )


@library_app.command("check", help="Say whether the library's index is whole (exit 2 if not).")
def library_check() -> int:
    from quotecli.cli import library as command

    return command.run_repair("check")


@library_app.command(
    "rebuild", help="Re-create the index from the stored transcripts (the old one is kept)."
)
def library_rebuild() -> int:
    from quotecli.cli import library as command

    return command.run_repair("rebuild")
