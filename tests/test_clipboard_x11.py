"""Real X11 clipboard round trips through xclip and xsel on a private Xvfb (issue 4).

Skipped, with the reason, where Xvfb, xclip or xsel is missing; CI installs them
(apt: xvfb xauth x11-utils xclip xsel). DISPLAY is set only in the environ handed to copy()
and to the helpers run here, never in this process.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotecli.deliver.clipboard import CopyOutcome, copy

pytestmark = pytest.mark.xvfb

FRENCH = "« Une alternative\u202fà OpenAI\u202f», a-t-elle précisé.\n"
ROOT = Path(__file__).resolve().parents[1]


def _missing() -> str | None:
    absent = [tool for tool in ("Xvfb", "xclip", "xsel") if shutil.which(tool) is None]
    return f"not installed: {', '.join(absent)} (apt: xvfb xclip xsel)" if absent else None


@pytest.fixture(scope="session")
def display():
    """Start a private Xvfb on a free display number (-displayfd) and yield ':N'."""
    if reason := _missing():
        pytest.skip(reason)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + 10
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        if select.select([read_end], [], [], 0.1)[0]:
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_end)
    if not number.strip().isdigit():
        server.kill()
        server.wait(timeout=10)
        pytest.skip("Xvfb did not report a display number within 10 s")
    try:
        yield f":{number.decode().strip()}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture
def x_env(display, tmp_path):
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "DISPLAY": display,
        "HOME": str(tmp_path),
        "TERM": "dumb",
    }


def paste(tool: str, env: dict[str, str], target: str | None = None) -> bytes:
    """Read the CLIPBOARD selection with an independent tool, as a user's paste would."""
    argv = {"xclip": ["xclip", "-o", "-selection", "clipboard"], "xsel": ["xsel", "-b", "-o"]}
    argv = argv[tool] + (["-t", target] if target else [])
    return subprocess.run(argv, env=env, capture_output=True, timeout=10, check=True).stdout


@pytest.mark.parametrize("backend", ["xclip", "xsel"])
@pytest.mark.parametrize("reader", ["xclip", "xsel"])
def test_french_text_comes_back_identical(x_env, backend, reader):
    outcome = copy(FRENCH, environ={**x_env, "QUOTE_CLIPBOARD": backend}, tty_path=None)
    assert outcome == CopyOutcome(True, backend, None, True)
    assert paste(reader, x_env).decode("utf-8") == FRENCH


def test_auto_prefers_xclip_and_keeps_crlf_and_no_added_newline(x_env):
    text = "ligne 1\r\nligne 2"
    assert copy(text, environ=x_env, tty_path=None) == CopyOutcome(True, "xclip", None, True)
    assert paste("xsel", x_env) == text.encode("utf-8")


def test_html_does_not_replace_the_plain_flavour(x_env):
    outcome = copy(FRENCH, html="<p><i>Le Monde</i></p>", environ=x_env, tty_path=None)
    assert outcome.ok and outcome.verified
    targets = paste("xclip", x_env, target="TARGETS").decode().split()
    assert "UTF8_STRING" in targets
    assert paste("xclip", x_env, target="UTF8_STRING").decode("utf-8") == FRENCH


def test_second_copy_replaces_the_first(x_env):
    assert copy("premier", environ=x_env, tty_path=None).ok
    assert copy("second", environ=x_env, tty_path=None).verified
    assert paste("xclip", x_env) == b"second"


def test_dead_display_fails_with_the_helpers_words(x_env, tmp_path):
    env = {**x_env, "DISPLAY": ":987"}
    outcome = copy("x", environ=env, tty_path=None)
    assert not outcome.ok and outcome.backend == "xsel"
    assert "Can't open display" in outcome.message
    assert "install xclip or xsel" in outcome.message and "\n" not in outcome.message


CHILD = """
import json, os, sys
from quotecli.deliver.clipboard import copy
print("results first", flush=True)
print(json.dumps(copy(sys.argv[1], environ=os.environ, tty_path=None).__dict__), flush=True)
"""


@pytest.mark.parametrize("backend", ["auto", "xclip", "xsel"])
def test_no_hang_when_the_caller_captures_output(x_env, backend):
    # The clipboard owner (xclip's background process) must not hold our pipes: with
    # pyperclip's way this call waited until something else took the clipboard.
    env = {**x_env, "QUOTE_CLIPBOARD": backend}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, FRENCH], env=env, cwd=ROOT, capture_output=True, timeout=10
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    first, result = done.stdout.decode().splitlines()
    assert first == "results first"
    assert json.loads(result) == {
        "ok": True,
        "backend": "xclip" if backend == "auto" else backend,
        "message": None,
        "verified": True,
    }
    assert elapsed < 2, f"copy under capture_output took {elapsed:.2f} s"
    assert paste("xsel", x_env).decode("utf-8") == FRENCH


def test_no_hang_inside_command_substitution(x_env):
    script = f'x=$("{sys.executable}" -c "$CHILD" "$TEXT"); printf "%s" "$x"'
    env = {**x_env, "CHILD": CHILD, "TEXT": "citation", "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    done = subprocess.run(["sh", "-c", script], env=env, capture_output=True, timeout=10)
    assert time.monotonic() - started < 2
    assert done.stdout.decode().startswith("results first\n")
    assert paste("xclip", x_env) == b"citation"


def test_forced_pyperclip_round_trip(x_env, tmp_path):
    # pyperclip reads the process environment, so it runs in a child with DISPLAY set. Its
    # xclip owner inherits the child's stdout, hence output to a file, not a pipe.
    pytest.importorskip("pyperclip")
    result = tmp_path / "outcome.json"
    child = CHILD.replace("print(json", f"open({str(result)!r}, 'w').write(json")
    child = child.replace(".__dict__), flush=True)", ".__dict__))")
    env = {**x_env, "QUOTE_CLIPBOARD": "pyperclip"}
    subprocess.run(
        [sys.executable, "-c", child, FRENCH],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=10,
        check=True,
    )
    assert json.loads(result.read_text()) == {
        "ok": True,
        "backend": "pyperclip",
        "message": None,
        "verified": True,
    }
    assert paste("xsel", x_env).decode("utf-8") == FRENCH
