"""``quote check`` through the command line: exit codes, stdout versus stderr, JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli.cli.app import app
from quotecli.main import main
from quotecli.status import UsageError

DRAFT = Path(__file__).parent / "fixtures" / "drafts" / "ferrari-fr.md"
REPO = Path(__file__).resolve().parents[1]
GOOD = "« Il faut donc se réjouir de cet accord », a déclaré Marina Ferrari.\n"
KEYS = ["schema", "type", "line", "quotation", "verdict", "attributed_to", "speaker",
        "source_quote", "diff", "citation", "reason", "kinds", "cuts", "block",
        "alternatives", "closest"]  # fmt: skip


def _invoke(args, stdin=None):
    # standalone_mode=False gives the command's return value (the exit status) back, as
    # ``main`` uses it; click's standalone mode would exit 0 whatever the command returned.
    return CliRunner().invoke(app, args, input=stdin, standalone_mode=False)


def test_verbatim_draft_exits_0(tmp_path):
    draft = tmp_path / "ok.md"
    draft.write_text(GOOD, encoding="utf-8")
    result = _invoke(["check", str(draft), "--color", "never"])
    assert result.exception is None
    assert result.return_value == 0
    assert "line 1  verbatim" in result.stdout
    assert result.stdout.rstrip().endswith("1 quotation: 1 verbatim")
    assert result.stderr == ""


def test_draft_with_problems_exits_1_and_reports_every_quotation():
    result = _invoke(["check", str(DRAFT), "--color", "never"])
    assert result.return_value == 1
    assert result.stdout.count("\nline ") + result.stdout.startswith("line ") == 17
    fix = "fix:  «\u202fMistral devient une vraie alternative à OpenAI sur Azure\u202f»"
    assert fix in result.stdout
    assert "17 quotations: 6 verbatim, 5 drift, 3 misattributed" in result.stdout


def test_json_lines_contract():
    result = _invoke(["check", str(DRAFT), "--json"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    *rows, summary = lines
    assert len(rows) == 17
    for row in rows:
        assert list(row) == KEYS
        assert row["schema"] == 1
    drift = next(r for r in rows if r["line"] == 17)
    assert drift["verdict"] == "drift"
    assert drift["source_quote"] == "Mistral devient une vraie alternative à OpenAI sur Azure"
    assert {"op": "changed", "draft": "véritable", "source": "vraie"} in drift["diff"]
    assert drift["citation"]["unit"] == "code points"
    assert drift["speaker"] == {
        "name": "Marina Ferrari",
        "role": "interviewee",
        "title": "secrétaire d'État chargée du Numérique",
    }
    short = next(r for r in rows if r["verdict"] == "too_short")
    assert short["speaker"] is None and short["citation"] is None and short["diff"] is None
    assert summary["schema"] == 1
    assert summary["summary"]["quotations"] == 17
    assert summary["summary"]["drift"] == 5 and summary["summary"]["ok"] is False
    assert "\x1b[" not in result.stdout


def test_stdin_dash_reads_the_draft():
    result = _invoke(["check", "-", "--color", "never"], stdin=GOOD)
    assert result.return_value == 0
    assert "verbatim" in result.stdout


def test_color_always_colours_the_verdict(tmp_path):
    result = _invoke(["check", str(DRAFT), "--color", "always"])
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "/nonexistent/draft.md"], "cannot read"),
        (["check", str(DRAFT), "--color", "sometimes"], "--color must be one of"),
    ],
)
def test_errors_are_usage_errors(args, message):
    result = _invoke(args)
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)


def test_main_maps_errors_to_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"ok\n\xff\xfe \xc3\n")
    assert main(["check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"quote: error: {bad}: invalid UTF-8 at line 2\n"


@pytest.mark.subprocess
def test_installed_entry_point_separates_stdout_and_stderr(tmp_path):
    quote = REPO / ".venv" / "bin" / "quote"
    if not quote.exists():
        quote = Path(sys.executable).parent / "quote"
    ok = tmp_path / "ok.md"
    ok.write_text(GOOD, encoding="utf-8")
    env = {"QUOTE_HOME": str(tmp_path / "home"), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}

    def run(*args):
        return subprocess.run([str(quote), "check", *args], capture_output=True, env=env,
                              timeout=60, check=False)  # fmt: skip

    good = run(str(ok))
    assert good.returncode == 0 and good.stderr == b""
    assert b"verbatim" in good.stdout
    problems = run(str(DRAFT), "--json")
    assert problems.returncode == 1 and problems.stderr == b""
    assert json.loads(problems.stdout.splitlines()[-1])["summary"]["quotations"] == 17
    missing = run(str(tmp_path / "missing.md"))
    assert missing.returncode == 2 and missing.stdout == b""
    assert missing.stderr.startswith(b"quote: error: ") and b"missing.md" in missing.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("Pas de citation.\n", encoding="utf-8")
    none = run(str(empty))
    assert none.returncode == 0
    assert none.stderr == b"quote: no quotations found in the draft\n"
    assert none.stdout == b"0 quotations: none\n"
