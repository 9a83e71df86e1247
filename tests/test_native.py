"""Issue 14 item 6: a command line that feels native — completion values, help that lists the
choices, ``-V``, the pager's rules, broken pipes, pipes that are never truncated, colour rules.

The shells themselves are driven under tmux in ``test_shell.py``; here the completion values
are asked of click directly, and real processes show what only a process shows (EPIPE).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from click.shell_completion import ShellComplete

from quotecli.cli import complete
from quotecli.cli.app import app
from quotecli.cli.find import COLORS, FIELDS, FORMATS
from quotecli.context import Environment
from quotecli.deliver import pager
from quotecli.readers import READERS
from quotecli.render.paste import WHAT
from quotecli.search import SPANS
from quotecli.transcript import ROLES
from tests.conftest import quote_env

QUOTE = str(Path(sys.executable).parent / "quote")
BUNDLED_ID = "la-tribune-2024-02-ferrari"
COMMAND = typer.main.get_command(app)


def _values(line: str) -> list[str]:
    """What Tab offers after ``line`` (the words after ``quote``; a trailing space: a new word)."""
    words = line.split()
    incomplete = "" if line.endswith(" ") or not line else words.pop()
    args, incomplete = complete._implicit_find(words, incomplete)
    done = ShellComplete(COMMAND, {}, "quote", "_QUOTE_COMPLETE")
    return [item.value for item in done.get_completions(args, incomplete)]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("find --format ", FORMATS),
        ("find --field ", FIELDS),
        ("find --span ", SPANS),
        ("find --color ", COLORS),
        ("check draft.md --color ", COLORS),
        ("find --copy-what ", WHAT),
        ("find --role ", ROLES),
        ("--role ", ROLES),  # quote PHRASE is quote find PHRASE
        ("import --format ", tuple(r.name for r in READERS)),
        ("import --role Zed=", tuple(f"Zed={r}" for r in ROLES)),
        ("completion ", ("bash", "zsh", "fish")),
    ],
)
def test_every_value_the_command_accepts_completes(line, expected):
    assert _values(line) == list(expected)


def test_styles_complete_with_csl_ids_aliases_and_record_formats():
    from quotecli.cite.styles import ALIASES
    from quotecli.cite.styles import FORMATS as RECORDS

    offered = _values("find --style ")
    assert len(offered) == len(set(offered)) > 2000
    for name in (*RECORDS, *ALIASES, "apa", "chicago-notes-bibliography", "ieee"):
        assert name in offered
    harvard = _values("check d.md --style harvard-cite-them")
    assert harvard[0] == "harvard-cite-them-right" and all(
        v.startswith("harvard-cite-them") for v in harvard
    )


def test_every_offered_style_resolves():
    from quotecli.cite.styles import style_ref

    for name in _values("find --style ")[::97]:  # a sample across the whole list
        assert style_ref(name).id


def test_locales_complete():
    assert {"fr-FR", "en-GB", "de-DE"} <= set(_values("find --locale "))


def test_source_ids_complete_from_the_bundle_and_the_library(tmp_path, monkeypatch, capsys):
    from quotecli.main import main

    md = tmp_path / "ep.md"
    md.write_text("---\nshow: Cast\nlang: en\n---\n\n**Ann:** Hello there.\n", encoding="utf-8")
    assert main(["import", str(md), "--id", "cast-1"]) == 0
    capsys.readouterr()
    assert _values("find --source ") == [BUNDLED_ID, "cast-1"]
    assert _values("show ") == [BUNDLED_ID, "cast-1"]
    assert _values("show ca") == ["cast-1"]
    assert _values("remove ") == ["cast-1"]  # a bundled transcript cannot be removed


def test_a_damaged_library_completes_no_ids_and_no_traceback(_private_home):
    (_private_home / "library.sqlite").write_bytes(b"not a database at all" * 100)
    assert _values("show ") == [BUNDLED_ID]


@pytest.mark.parametrize(
    "command, choices",
    [
        ("find", (*FORMATS, *FIELDS, *SPANS, *ROLES, *COLORS, *WHAT, "bibtex", "wikipedia")),
        ("import", (*(r.name for r in READERS), *ROLES)),
        ("check", (*COLORS,)),
        ("completion", ("bash", "zsh", "fish")),
    ],
)
def test_help_lists_the_choices(command, choices):
    from typer.testing import CliRunner

    done = CliRunner().invoke(app, [command, "--help"], terminal_width=100)
    text = " ".join(done.output.split()).replace("- ", "-")
    for choice in choices:
        assert choice in text, (command, choice)


def test_arguments_help_is_shown_once():
    from typer.testing import CliRunner

    for command, words in [("show", "The source id"), ("find", "as you remember it"),
                           ("check", "The draft"), ("completion", "The shell")]:  # fmt: skip
        out = CliRunner().invoke(app, [command, "--help"]).output
        assert out.count(words) == 1, out


@pytest.mark.subprocess
@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_without_typer(flag):
    code = (
        "import sys, io, contextlib; from quotecli.main import main; buf = io.StringIO()\n"
        f"with contextlib.redirect_stdout(buf): rc = main([{flag!r}])\n"
        "print(rc, buf.getvalue().strip(), 'typer' in sys.modules, 'click' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    from quotecli import __version__

    assert done.stdout.split("\n")[0] == f"0 quote {__version__} False False"
    assert subprocess.run([QUOTE, flag], capture_output=True, text=True).stdout == (
        f"quote {__version__}\n"
    )


# --- the pager's rules (git's) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "tty, environ, expected",
    [
        (False, {}, None),  # a pipe: never
        (False, {"PAGER": "less"}, None),
        (True, {}, "less -FRX"),
        (True, {"PAGER": "most"}, "most"),
        (True, {"PAGER": "less -S", "QUOTE_PAGER": "more"}, "more"),
        (True, {"PAGER": ""}, None),
        (True, {"PAGER": "cat"}, None),
        (True, {"TERM": "dumb"}, None),
    ],
)
def test_which_pager(tty, environ, expected):
    assert pager.command(Environment(stdout_tty=tty, environ=environ)) == expected


def test_the_pager_gets_the_text_and_less_gets_frx(tmp_path):
    out = tmp_path / "paged"
    env = Environment(stdout_tty=True, environ={"PAGER": f'echo "$LESS" > {out}; cat >> {out}'})
    pager.page("[1] someone\nwords", env)
    assert out.read_text() == "FRX\n[1] someone\nwords\n"


def test_a_pager_that_is_not_there_falls_back_to_stdout(tmp_path):
    import io

    buf = io.StringIO()
    env = Environment(stdout_tty=True, environ={"PAGER": "no-such-pager-here"}, stdout=buf,
                      stderr=io.StringIO())  # fmt: skip
    pager.page("words", env)
    assert buf.getvalue() == "words\n"


# --- real processes: broken pipes, pipes never truncated, NO_COLOR= -------------------------------


def _import_one(tmp_path, env, speakers: int = 2) -> str:
    names = [f"Alexandrina Featherstonehaugh-Worthington {chr(65 + n)}" for n in range(speakers)]
    body = "\n\n".join(f"**{name}:** I said thing number {n}." for n, name in enumerate(names))
    md = tmp_path / "long.md"
    md.write_text(f"---\nshow: Cast\nlang: en\ndate: 2024\n---\n\n{body}\n", encoding="utf-8")
    done = subprocess.run([QUOTE, "import", str(md)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return "long"


def _closed_pipe(args, env, stdin=None) -> subprocess.CompletedProcess:
    """Run ``quote ARGS`` with stdout a pipe whose reader has already gone (EPIPE at once)."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([QUOTE, *args], stdout=write, stderr=subprocess.PIPE, env=env,
                              input=stdin, timeout=60)  # fmt: skip
    finally:
        os.close(write)
    return done


@pytest.fixture
def env(tmp_path):
    return quote_env(QUOTE_HOME=str(tmp_path / "home"))


COMMANDS = [
    ["alternative à OpenAI"],
    ["find", "--json", "alternative à OpenAI"],
    ["find", "--format", "tsv", "-"],
    ["sources"],
    ["sources", "--json"],
    ["show", BUNDLED_ID],
    ["completion", "bash"],
    ["completion", "zsh"],
    ["completion", "fish"],
    ["check", "DRAFT"],
    ["import", "FILE", "--force"],
    ["library", "check"],
    ["--help"],
    ["-V"],
]


def _args(args, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Elle dit : « Mistral devient une vraie alternative à OpenAI »\n")
    return [str(draft) if a == "DRAFT" else str(tmp_path / "long.md") if a == "FILE" else a
            for a in args]  # fmt: skip


@pytest.mark.subprocess
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_a_broken_pipe_exits_0_quietly(args, tmp_path, env):
    _import_one(tmp_path, env)
    done = _closed_pipe(_args(args, tmp_path), env, stdin=b"alternative a openai\n" * 50)
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.subprocess
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_head_1_exits_0(args, tmp_path, env):
    _import_one(tmp_path, env)
    line = " ".join(f"'{a}'" for a in _args(args, tmp_path))
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("alternative a openai\n" * 200)
    script = f"{QUOTE} {line} < {phrases} | head -1; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr


@pytest.mark.subprocess
def test_sources_in_a_pipe_are_never_truncated(tmp_path, env):
    _import_one(tmp_path, env, speakers=12)
    done = subprocess.run(["bash", "-c", f"{QUOTE} sources | cat"], env=dict(env, COLUMNS="40"),
                          capture_output=True, text=True)  # fmt: skip
    line = next(x for x in done.stdout.splitlines() if x.startswith("long\t"))
    assert line.endswith("Alexandrina Featherstonehaugh-Worthington L (speaker)")
    assert "…" not in line


@pytest.mark.subprocess
def test_an_empty_no_color_does_not_turn_colour_off():
    from tests.test_cli import _pty_output

    env = quote_env(TERM="xterm")
    assert b"\x1b[" in _pty_output(["alternative à OpenAI"], dict(env, NO_COLOR=""))
    assert b"\x1b[" not in _pty_output(["alternative à OpenAI"], dict(env, NO_COLOR="1"))


# --- text output: the dim line stays dim, italics are the style's own ------------------------


def test_the_dim_line_stays_dim_after_the_outlet_in_italics(searcher):
    from quotecli.render import text
    from quotecli.search import SearchOptions

    result = searcher.search("alternative à OpenAI", SearchOptions())
    block = text.render(result, text.Style(True))
    line = next(x for x in block.splitlines() if "paragraph" in x and "characters" in x)
    assert line.startswith("\x1b[2m") and line.endswith("\x1b[0m")
    body = line[: -len("\x1b[0m")]
    for k in range(len(body)):  # every reset inside re-opens dim at once
        if body.startswith("\x1b[0m", k):
            assert body.startswith("\x1b[0m\x1b[2m", k), repr(line)


@pytest.mark.parametrize(
    "plain, html, expected",
    [
        # the outlet's name twice: only the style's <i> is in italics
        ("Ann Lee, The Times, The Times Review.", "Ann Lee, <i>The Times</i>, The Times Review.",
         "Ann Lee, \x1b[3mThe Times\x1b[0m, The Times Review."),
        # a title the style sets in italics, the outlet not
        ("Lee, A. On Cities. Le Monde.", "Lee, A. <i>On Cities</i>. Le Monde.",
         "Lee, A. \x1b[3mOn Cities\x1b[0m. Le Monde."),
        ("Q&A, <em>x</em>", "Q&amp;A, &lt;em&gt;x&lt;/em&gt;", "Q&A, <em>x</em>"),
        ("R&D, Le Monde.", "R&amp;D, <em>Le Monde</em>.", "R&D, \x1b[3mLe Monde\x1b[0m."),
        # HTML that does not say the same words (a record format's source): left plain
        ("@misc{x, howpublished = {Le Monde}}", "<pre>@misc{x}</pre>",
         "@misc{x, howpublished = {Le Monde}}"),
        ("Le Monde, 2024.", "", "Le Monde, 2024."),
        ("Le \x1b[31mMonde", "Le <i>\x1b[31mMonde</i>", "Le \x1b[3m\\x1b[31mMonde\x1b[0m"),
    ],
)  # fmt: skip
def test_citation_italics_come_from_the_styles_html(plain, html, expected):
    from quotecli.render.text import Style, cite_line

    assert cite_line(plain, html, Style(True)) == expected
    assert "\x1b[3m" not in cite_line(plain, html, Style(False))


def test_the_default_note_is_italicised_from_the_notes_own_html(tmp_path):
    from quotecli import library
    from quotecli.cli import citer

    src = library.bundled_sources()[0]
    env = Environment(environ={"QUOTE_HOME": str(tmp_path)})
    c = citer.make(None, None, env)(src, 3, "Il faut donc se réjouir de cet accord.")
    assert c.text.startswith("Marina Ferrari, interview by Sylvain Rolland")
    assert "<i>La Tribune</i>" in c.html and c.html.startswith("Marina Ferrari")
