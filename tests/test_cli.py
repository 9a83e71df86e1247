"""The command line: exit codes, streams, JSON contract, batch, pipes, signals, colour (issues 2,
4 and 5). CliRunner for the wiring; real processes for what only a process shows."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli.cli.app import app
from quotecli.main import main
from tests.conftest import quote_env

QUOTE = shutil.which("quote", path=str(Path(sys.executable).parent)) or "quote"
PHRASE = "alternative à OpenAI"
runner = CliRunner()


def run(*args, input=None, env=None, timeout=30):
    return subprocess.run(
        [QUOTE, *args], input=input, capture_output=True, env=env or quote_env(), timeout=timeout
    )


# --- wiring (CliRunner: exit code, stdout and stderr apart) ------------------------------------


def test_main_maps_found_not_found_and_usage_error(capsys):
    assert main([PHRASE]) == 0
    assert main(["Microsoft rachète Mistral"]) == 1
    assert main(["--span", "nope", PHRASE]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "quote: error: --span must be one of match, sentence, paragraph (got 'nope')"
    ]


@pytest.mark.parametrize("args", [["..."], ["--limit", "0", "x"], ["--role", "boss", "x"],
                                  ["--unknown-option", "x"], ["--style", "nope", "x"]])  # fmt: skip
def test_usage_errors_are_one_line_and_exit_2(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("quote: error:")


def test_phrase_equal_to_a_command_name_stays_searchable(capsys):
    assert main(["find", "check"]) == 1  # searched, not found: not a usage error
    assert "No match" in capsys.readouterr().out


def test_find_via_clirunner_text_output():
    result = runner.invoke(app, ["find", PHRASE])
    assert result.exit_code == 0
    assert "Mistral devient une vraie alternative à OpenAI" in result.stdout
    assert "— Marina Ferrari, secrétaire d'État chargée du Numérique (interviewee)" in result.stdout
    assert "Cite: Marina Ferrari, interview by Sylvain Rolland, La Tribune, February 2024" in (
        result.stdout
    )


def test_interviewer_words_carry_a_warning(capsys):
    main(["au courant des relations entre Mistral et Microsoft"])
    assert "These are the interviewer's words" in capsys.readouterr().out


# --- JSON contract -------------------------------------------------------------------------

MATCH_KEYS = {"quote", "match", "start", "end", "unit", "paragraph", "score", "exact", "editorial",
              "speaker", "source", "citation", "context", "time", "misread"}  # fmt: skip
SOURCE_KEYS = {"id", "path", "outlet", "date", "interviewer", "title", "url", "language"}
CITATION_KEYS = {"style", "locale", "bibliography", "in_text", "note", "text", "csl"}


def test_json_contract(capsys):
    assert main(["--json", PHRASE]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert set(obj) == {"schema", "query", "found", "ambiguous", "matches", "closest"}
    assert (obj["schema"], obj["query"], obj["found"], obj["ambiguous"]) == (1, PHRASE, True, False)
    m = obj["matches"][0]
    assert set(m) == MATCH_KEYS
    assert set(m["source"]) == SOURCE_KEYS and set(m["citation"]) == CITATION_KEYS
    assert set(m["speaker"]) == {"name", "role", "title"}
    assert m["source"]["date"] == "2024-02" and m["source"]["title"] is None
    text = Path(m["source"]["path"]).read_text(encoding="utf-8")
    assert text[m["start"] : m["end"]] == m["quote"]
    assert 0 <= m["score"] <= 100 and isinstance(m["paragraph"], int)
    assert m["citation"]["csl"]["type"] == "interview"


def test_json_not_found_has_closest_but_no_matches(capsys):
    assert main(["--json", "Microsoft rachète Mistral"]) == 1
    obj = json.loads(capsys.readouterr().out)
    assert obj["found"] is False and obj["matches"] == []
    assert obj["closest"]["reason"]
    c = obj["closest"]
    assert set(c) == {"text", "start", "end", "unit", "score", "reason", "speaker", "source_id",
                      "diff", "critical", "by", "languages"}  # fmt: skip
    assert {"op": "changed", "draft": "rachète", "source": "dans"} in c["diff"]
    assert all(set(d) == {"op", "draft", "source"} for d in c["diff"])
    assert c["critical"] == []


def test_json_closest_names_what_alters_the_meaning(capsys):
    assert main(["--json", "Il ne faut donc pas se réjouir de cet accord"]) == 1
    c = json.loads(capsys.readouterr().out)["closest"]
    assert c["critical"] == ["negation"]
    assert c["text"] == "Il faut donc se réjouir de cet accord."
    assert {"op": "added", "draft": "pas", "source": None} in c["diff"]


def test_tsv_header_and_escaping(capsys):
    main(["--format", "tsv", "--span", "paragraph", "cet accord. Grâce à la puissance"])
    header, row = capsys.readouterr().out.rstrip("\n").split("\n")
    assert header.split("\t")[:3] == ["query", "found", "ambiguous"]
    assert len(row.split("\t")) == len(header.split("\t"))


def test_single_field_for_command_substitution(capsys):
    assert main(["--field", "quote", "--span", "match", PHRASE]) == 0
    assert capsys.readouterr().out == "alternative à OpenAI\n"


# --- real processes ------------------------------------------------------------------------


@pytest.mark.subprocess
def test_installed_entry_point_and_python_m():
    a = run(PHRASE)
    b = subprocess.run([sys.executable, "-m", "quotecli", PHRASE], capture_output=True,
                       env=quote_env(), timeout=30)  # fmt: skip
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and a.stderr == b"" and b"vraie alternative" in a.stdout


@pytest.mark.subprocess
def test_no_traceback_on_bad_input():
    r = run("--limit", "abc", "x")
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


@pytest.mark.subprocess
def test_batch_from_stdin_in_order_with_exit_1_when_one_is_missing():
    phrases = "alternative à OpenAI\n\nMicrosoft rachète Mistral\n15 millions d'euros\n"
    r = run("--json", "-", input=phrases.encode())
    objs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [o["query"] for o in objs] == [
        "alternative à OpenAI", "Microsoft rachète Mistral", "15 millions d'euros",
    ]  # fmt: skip
    assert [o["found"] for o in objs] == [True, False, True]
    assert r.returncode == 1
    r = run("--json", input=b"alternative \xc3 OpenAI\n")
    assert r.returncode == 2 and b"stdin line 1: invalid UTF-8" in r.stderr


@pytest.mark.subprocess
def test_batch_streams_each_answer_before_the_next_phrase_arrives():
    p = subprocess.Popen([QUOTE, "--json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         env=quote_env())  # fmt: skip
    try:
        for phrase in ("alternative à OpenAI", "15 millions d'euros"):
            p.stdin.write(phrase.encode() + b"\n")
            p.stdin.flush()
            ready, _, _ = select.select([p.stdout], [], [], 15)
            assert ready, "no answer before the next phrase was sent"
            assert json.loads(p.stdout.readline())["query"] == phrase
    finally:
        p.stdin.close()
        assert p.wait(timeout=15) == 0


@pytest.mark.subprocess
def test_broken_pipe_exits_0_quietly(tmp_path):
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("alternative à OpenAI\n" * 500, encoding="utf-8")
    cmd = f"'{QUOTE}' - < '{phrases}' | head -1 >/dev/null; exit ${{PIPESTATUS[0]}}"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, env=quote_env(), timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""


@pytest.mark.subprocess
def _until_reading(pid: int, within: float = 15.0) -> None:
    """Wait until the process sleeps reading a pipe (its kernel wait channel says so)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        with open(f"/proc/{pid}/wchan") as f:
            if "pipe" in f.read():
                return
        time.sleep(0.05)
    time.sleep(1.0)  # no wait channel shown (a hardened kernel): the former fixed wait


def test_ctrl_c_exits_130_without_traceback():
    p = subprocess.Popen([QUOTE, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=quote_env())  # fmt: skip
    _until_reading(p.pid)  # waiting on stdin (a loaded machine may take over a second)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=15)
    assert p.returncode == 130
    assert b"Traceback" not in err


def _pty_output(args, env) -> bytes:
    master, slave = pty.openpty()
    p = subprocess.Popen([QUOTE, *args], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL,
                         env=env)  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=30)
    os.close(master)
    return b"".join(chunks)


@pytest.mark.subprocess
def test_colour_on_a_terminal_not_on_a_pipe_nor_with_no_color():
    env = quote_env(TERM="xterm")
    assert b"\x1b[" in _pty_output([PHRASE], env)
    assert b"\x1b[" not in _pty_output([PHRASE], dict(env, NO_COLOR="1"))
    assert b"\x1b[" not in _pty_output(["--json", PHRASE], env)
    assert b"\x1b[" not in _pty_output([PHRASE], dict(env, TERM="dumb"))
    assert b"\x1b[" not in run(PHRASE, env=env).stdout
    assert b"\x1b[" in run("--color=always", PHRASE, env=env).stdout
    assert b"\x1b[" in run(PHRASE, env=dict(env, FORCE_COLOR="1")).stdout
    assert b"\x1b[" not in _pty_output(["--color=never", PHRASE], env)


@pytest.mark.subprocess
def test_escape_sequences_inside_a_transcript_never_reach_the_terminal(tmp_path):
    from quotecli import transcript

    body = transcript.dump(
        {"id": "evil", "outlet": "Evil Times", "date": "2024", "language": "en"},
        [{"id": "x", "name": "Mallory", "role": "interviewee", "labels": []}],
        [("x", ["The secret \x1b]52;c;cm0gLXJmIH4=\x07 word is \x1b[2J here."])],
    )
    evil = tmp_path / "evil.quote.txt"
    evil.write_text(body, encoding="utf-8")
    env = quote_env(QUOTE_HOME=str(tmp_path / "home"))
    assert run("import", str(evil), env=env).returncode == 0
    r = run("--source", "evil", "The secret", env=env)
    assert r.returncode == 0, r.stderr
    assert b"\x1b" not in r.stdout and b"\x07" not in r.stdout
    assert b"\\x1b" in r.stdout
    j = run("--json", "--source", "evil", "The secret", env=env)
    assert b"\x1b" not in j.stdout and b"\\u001b" in j.stdout


@pytest.mark.subprocess
def test_copy_uses_the_clipboard_and_a_failed_copy_exits_3_with_results_printed(tmp_path):
    clip = tmp_path / "clip.txt"
    r = run("--copy", PHRASE, env=quote_env(QUOTE_CLIPBOARD="fake",
                                            QUOTE_CLIPBOARD_FAKE_FILE=str(clip)))  # fmt: skip
    assert r.returncode == 0, r.stderr
    copied = clip.read_text(encoding="utf-8")
    assert copied.startswith("«\u202fGrâce à la puissance") and not copied.endswith("\n")
    assert copied.endswith("(Marina Ferrari, interview by Sylvain Rolland, La Tribune, "
                           "February 2024, para. 3.)")  # fmt: skip
    r = subprocess.run(
        ["env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", "-u", "TMUX", "setsid", QUOTE,
         "--copy", PHRASE], capture_output=True, stdin=subprocess.DEVNULL,
        env=quote_env(QUOTE_CLIPBOARD="auto"), timeout=30,
    )  # fmt: skip
    assert r.returncode == 3
    assert b"vraie alternative" in r.stdout
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "xclip" in err[0]


def test_importing_the_cli_loads_no_heavy_module():
    code = (
        "import sys, quotecli.cli.app; "
        "heavy = [m for m in ('rapidfuzz', 'pyperclip', 'citeproc', 'lxml', 'platformdirs') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "[]"


@pytest.mark.subprocess
def test_completion_scripts():
    for shell in ("bash", "zsh", "fish"):
        r = run("completion", shell)
        assert r.returncode == 0 and b"_QUOTE_COMPLETE" in r.stdout
    env = quote_env(_QUOTE_COMPLETE="complete_bash", COMP_WORDS="quote find --sp", COMP_CWORD="2")
    r = subprocess.run([QUOTE], capture_output=True, env=env, timeout=30)
    assert b"--span" in r.stdout and b"--speaker" in r.stdout


@pytest.mark.parametrize(
    "args, expect_status, expect_roles",
    [
        (["--role", "interviewer", "la souveraineté européenne"], 0, {"interviewer"}),
        (["--role", "interviewee", "la souveraineté européenne"], 0, {"interviewee"}),
        (["--speaker", "ferrari", "la souveraineté européenne"], 0, {"interviewee"}),
        (["--speaker", "MARINA FERRARÍ", "la souveraineté européenne"], 0, {"interviewee"}),
        (["--speaker", "Rolland", "alternative à OpenAI"], 1, set()),
        (["--role", "editor", "15 millions d'euros"], 0, {"editor"}),
        (["--min-score", "99", "alternatve à OpenIA"], 1, set()),
        (["--min-score", "80", "alternatve à OpenIA"], 0, {"interviewee"}),
    ],
)
def test_filters_through_the_cli(capsys, args, expect_status, expect_roles):
    assert main(["--json", "--limit", "5", *args]) == expect_status
    obj = json.loads(capsys.readouterr().out)
    assert {m["speaker"]["role"] for m in obj["matches"]} == expect_roles


def test_limit_and_context_through_the_cli(capsys):
    assert main(["--json", "--limit", "3", "Mistral"]) == 0
    assert len(json.loads(capsys.readouterr().out)["matches"]) >= 3
    assert main(["--context", "alternative à OpenAI"]) == 0
    assert "Asked: Mistral s'est fortement mobilisé" in capsys.readouterr().out


def test_fast_path_gives_what_the_full_parser_gives(capsys):
    """`quote PHRASE` skips typer (quotecli.main); forcing the parser must change nothing."""
    for fast, full in [
        (["alternative à OpenAI"], ["find", "--color", "auto", "alternative à OpenAI"]),
        (["--json", "Microsoft rachète Mistral"], ["find", "--span", "sentence", "--json",
                                                    "Microsoft rachète Mistral"]),
    ]:  # fmt: skip
        a = main(fast), capsys.readouterr()
        b = main(full), capsys.readouterr()
        assert a == b


def test_typer_defaults_are_the_fast_path_defaults():
    import typer

    from quotecli.cli.app import app
    from quotecli.cli.find import DEFAULTS

    find = typer.main.get_command(app).commands["find"]
    for param in find.params:
        if param.name in DEFAULTS and param.name != "source":
            default = DEFAULTS[param.name]
            assert param.default == default or (param.default is None and default == ()), param


def test_the_entry_point_does_not_import_typer_for_a_plain_search():
    code = (
        "import sys, io, contextlib; from quotecli.main import main; "
        "out = io.StringIO(); ctx = contextlib.redirect_stdout(out); ctx.__enter__(); "
        "rc = main(['alternative à OpenAI']); ctx.__exit__(None, None, None); "
        "print(rc, sorted(m for m in ('typer', 'click', 'citeproc', 'lxml', 'nameparser') "
        "if m in sys.modules))"
    )
    run(PHRASE)  # fills the citation cache, as any earlier run of the user's would
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=quote_env(), timeout=60)  # fmt: skip
    assert out.stdout.strip() == "0 []", out.stderr


def test_an_unknown_source_is_a_usage_error(capsys):
    assert main(["--source", "nope", PHRASE]) == 2
    assert capsys.readouterr().err.strip() == "quote: error: no source 'nope' (see quote sources)"


@pytest.mark.subprocess
def test_an_unusable_home_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    vtt = tmp_path / "a.vtt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there.\n")
    r = run("import", str(vtt), "--outlet", "X", env=quote_env(QUOTE_HOME=str(blocker)))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


@pytest.mark.subprocess
def test_a_large_import_uses_worker_processes_and_ends_cleanly(tmp_path):
    """An import of ``POOL_FROM`` files or more makes its layouts in worker processes (issue
    15); the process still ends with nothing on stderr but the import's own lines, and each
    transcript is found."""
    from quotecli.library import workers

    folder = tmp_path / "in"
    folder.mkdir()
    n = workers.POOL_FROM + 6
    for i in range(n):
        (folder / f"t{i:03d}.txt").write_text(
            f"JOURNALIST: What is plan {i}?\n\nJANE ROE: Plan {i} is to build bridge number {i} "
            f"before the spring of year {2000 + i}.\n\nJOURNALIST: Thank you.\n"
        )
    env = quote_env(QUOTE_HOME=str(tmp_path / "home"))
    done = subprocess.run([QUOTE, "import", str(folder), "--outlet", "Radio X", "--language",
                           "en"], capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("imported ") == n
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr, done.stderr
    found = subprocess.run([QUOTE, "find", "--json", "build bridge number 41 before the spring"],
                           capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert found.returncode == 0 and '"t041' in found.stdout
