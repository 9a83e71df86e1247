"""Clipboard delivery without a display: choice of backend, fakes, tmux, OSC 52, failures.

Real X11 round trips live in test_clipboard_x11.py. Helper tools are replaced here by small
shell scripts on a private PATH, so these tests run anywhere with /bin/sh.
"""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quotecli.deliver import clipboard
from quotecli.deliver.clipboard import CopyOutcome, RecordingClipboard, copy, plan

# « », U+202F narrow no-break spaces, accents, a trailing newline: all must survive.
FRENCH = "« Une alternative\u202fà OpenAI\u202f», a-t-elle précisé.\n"
ROOT = Path(__file__).resolve().parents[1]


def make_tools(tmp_path: Path, scripts: dict[str, str]) -> str:
    """Write executable shell scripts into a bin directory; return a PATH with only it + /bin."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name, body in scripts.items():
        tool = bin_dir / name
        tool.write_text("#!/bin/sh\n" + textwrap.dedent(body))
        tool.chmod(0o755)
    return f"{bin_dir}:/usr/bin:/bin"


# --- choosing a backend ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", ()),
        ({"TERM": "dumb"}, "linux", ()),
        ({"TERM": "linux"}, "linux", ()),
        ({"TERM": "xterm-256color"}, "linux", ("osc52",)),
        ({"DISPLAY": ":0"}, "linux", ("xclip", "xsel")),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", ("wl-copy",)),
        ({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, "linux", ("wl-copy", "xclip", "xsel")),
        ({"TMUX": "/tmp/t,1,0", "TERM": "screen"}, "linux", ("tmux", "osc52")),
        ({"DISPLAY": ":0", "TMUX": "/t,1,0"}, "linux", ("xclip", "xsel", "tmux")),
        ({"DISPLAY": ":0"}, "darwin", ("pyperclip",)),
        ({}, "win32", ("pyperclip",)),
        ({"DISPLAY": ":0"}, "wsl", ("pyperclip", "xclip", "xsel")),
        ({"QUOTE_CLIPBOARD": "xsel"}, "linux", ("xsel",)),
        ({"QUOTE_CLIPBOARD": " OSC52 "}, "linux", ("osc52",)),
        ({"QUOTE_CLIPBOARD": "none", "DISPLAY": ":0"}, "linux", ()),
        ({"QUOTE_CLIPBOARD": "off"}, "linux", ()),
        ({"QUOTE_CLIPBOARD": "bogus"}, "linux", ()),
    ],
)
def test_plan_orders_backends(tmp_path, env, platform, expected):
    path = make_tools(tmp_path, {t: "exit 0\n" for t in ("xclip", "xsel", "wl-copy", "tmux")})
    assert plan({"PATH": path, **env}, platform=platform) == expected


def test_plan_skips_tools_that_are_not_installed(tmp_path):
    path = make_tools(tmp_path, {"xsel": "exit 0\n"}).split(":")[0]
    assert plan({"PATH": path, "DISPLAY": ":0", "TMUX": "x"}, platform="linux") == ("xsel",)


def test_wsl_is_recognised_from_the_environment():
    if sys.platform != "linux":
        pytest.skip("WSL detection only applies on Linux")
    assert clipboard._platform({"WSL_DISTRO_NAME": "Debian"}) == "wsl"
    assert clipboard._platform({}) == "linux"


# --- QUOTE_CLIPBOARD and the test seams ------------------------------------------------------


@pytest.mark.parametrize("value", ["none", "off", "OFF"])
def test_copying_turned_off_is_a_failure_that_says_so(value):
    outcome = copy("x", environ={"QUOTE_CLIPBOARD": value, "DISPLAY": ":0"})
    assert outcome == CopyOutcome(
        False, None, f"copying is turned off by QUOTE_CLIPBOARD={value.lower()}", False
    )


def test_unknown_backend_lists_the_valid_ones():
    outcome = copy("x", environ={"QUOTE_CLIPBOARD": "clipboard.exe"})
    assert not outcome.ok
    assert outcome.message.startswith("QUOTE_CLIPBOARD=clipboard.exe is not one of: auto,")
    assert "xclip" in outcome.message and "none" in outcome.message


def test_fake_backend_writes_the_exact_bytes(tmp_path):
    target = tmp_path / "clip"
    env = {"QUOTE_CLIPBOARD": "fake", "QUOTE_CLIPBOARD_FAKE_FILE": str(target)}
    outcome = copy(FRENCH, html="<i>Le Monde</i>", environ=env)
    assert outcome == CopyOutcome(True, "fake", None, True)
    assert target.read_bytes() == FRENCH.encode("utf-8")
    assert "\u202f" in target.read_bytes().decode("utf-8")
    assert (tmp_path / "clip.html").read_text(encoding="utf-8") == "<i>Le Monde</i>"


def test_fake_backend_without_a_file_fails_like_a_missing_clipboard(tmp_path):
    outcome = copy("x", environ={"QUOTE_CLIPBOARD": "fake"})
    assert (outcome.ok, outcome.message) == (False, "fake: QUOTE_CLIPBOARD_FAKE_FILE is not set")
    bad = {"QUOTE_CLIPBOARD": "fake", "QUOTE_CLIPBOARD_FAKE_FILE": str(tmp_path / "no/such")}
    assert "cannot write" in copy("x", environ=bad).message


def test_recording_clipboard_records_and_can_fail():
    rec = RecordingClipboard()
    assert rec(FRENCH, html="<p>h</p>", environ={}) == CopyOutcome(True, "fake", None, True)
    assert rec.copies == [(FRENCH, "<p>h</p>")] and rec.last == FRENCH
    broken = RecordingClipboard(fail_with="no clipboard here")
    assert broken("x") == CopyOutcome(False, "fake", "no clipboard here", False)
    assert broken.copies == [] and broken.last is None


def test_text_that_is_not_valid_unicode_is_refused_not_raised():
    outcome = copy("bad \udc80", environ={"QUOTE_CLIPBOARD": "fake"})
    assert not outcome.ok and "cannot be copied" in outcome.message


# --- helpers replaced by scripts -------------------------------------------------------------


def test_xclip_gets_exact_stdin_and_is_read_back(tmp_path):
    store = tmp_path / "store"
    path = make_tools(
        tmp_path,
        {
            "xclip": f"""\
                case "$*" in
                  "-i -selection clipboard") cat > {store} ;;
                  "-o -selection clipboard") cat {store} ;;
                  *) echo "unexpected args: $*" >&2; exit 9 ;;
                esac
            """
        },
    )
    outcome = copy(FRENCH, environ={"PATH": path, "DISPLAY": ":0"}, tty_path=None)
    assert outcome == CopyOutcome(True, "xclip", None, True)
    assert store.read_bytes() == FRENCH.encode("utf-8")


def test_read_back_that_never_matches_is_a_failure(tmp_path):
    path = make_tools(
        tmp_path,
        {"xclip": 'if [ "$1" = -o ]; then printf old; else cat >/dev/null; fi\n'},
    )
    env = {"PATH": path, "QUOTE_CLIPBOARD": "xclip"}
    started = time.monotonic()
    outcome = copy("new", environ=env)
    assert time.monotonic() - started < 2
    assert not outcome.ok and outcome.backend == "xclip"
    assert "did not hold the text 0.5 s after xclip" in outcome.message


def test_read_back_that_catches_up_late_is_accepted(tmp_path):
    # Reading right after a copy can return the old content: copy() must poll, not give up.
    counter = tmp_path / "reads"
    path = make_tools(
        tmp_path,
        {
            "xsel": f"""\
                if [ "$2" = --input ]; then cat >/dev/null; exit 0; fi
                echo x >> {counter}
                if [ $(wc -l < {counter}) -lt 3 ]; then printf old; else printf new; fi
            """
        },
    )
    outcome = copy("new", environ={"PATH": path, "QUOTE_CLIPBOARD": "xsel"})
    assert outcome == CopyOutcome(True, "xsel", None, True)
    assert len(counter.read_text().splitlines()) == 3


def test_failing_helper_reports_its_error_and_falls_through(tmp_path):
    store = tmp_path / "store"
    path = make_tools(
        tmp_path,
        {
            "xclip": 'cat >/dev/null; echo "Error: Can\'t open display: :55" >&2; exit 1\n',
            "xsel": f'if [ "$2" = --input ]; then cat > {store}; else cat {store}; fi\n',
        },
    )
    outcome = copy("quote", environ={"PATH": path, "DISPLAY": ":55"}, tty_path=None)
    assert outcome == CopyOutcome(True, "xsel", None, True)
    path_no_xsel = make_tools(tmp_path, {"xsel": "cat >/dev/null; exit 2\n"})
    failed = copy("quote", environ={"PATH": path_no_xsel, "DISPLAY": ":55"}, tty_path=None)
    assert not failed.ok and failed.backend == "xsel"
    assert "xclip: exited with status 1 (Error: Can't open display: :55)" in failed.message
    assert "xsel: exited with status 2" in failed.message
    assert "install xclip or xsel" in failed.message and "\n" not in failed.message


def test_a_hanging_helper_is_killed_at_the_timeout(tmp_path):
    path = make_tools(tmp_path, {"xclip": "sleep 30\n"})
    started = time.monotonic()
    outcome = copy("x", environ={"PATH": path, "QUOTE_CLIPBOARD": "xclip"}, timeout=0.3)
    assert time.monotonic() - started < 2
    assert (outcome.ok, outcome.message) == (False, "xclip: timed out after 0.3 s")


def test_forced_backend_that_is_missing_says_so(tmp_path):
    outcome = copy("x", environ={"PATH": str(tmp_path), "QUOTE_CLIPBOARD": "wl-copy"})
    assert (outcome.ok, outcome.message) == (False, "wl-copy: wl-copy is not installed")


def test_display_without_tools_names_what_to_install(tmp_path):
    outcome = copy("x", environ={"PATH": str(tmp_path), "DISPLAY": ":0"}, tty_path=None)
    assert outcome.message == (
        "DISPLAY is set but neither xclip nor xsel is installed: install xclip or xsel"
    )
    wayland = copy("x", environ={"PATH": str(tmp_path), "WAYLAND_DISPLAY": "w"}, tty_path=None)
    assert "install wl-clipboard" in wayland.message


def test_wl_copy_gets_a_plain_text_type_and_is_read_back(tmp_path):
    store, args, kind = tmp_path / "store", tmp_path / "args", "text/plain;charset=utf-8"
    path = make_tools(
        tmp_path,
        {
            "wl-copy": f'echo "$*" > {args}; cat > {store}\n',
            "wl-paste": f'[ "$*" = "--no-newline --type {kind}" ] && cat {store}\n',
        },
    )
    outcome = copy(FRENCH, environ={"PATH": path, "WAYLAND_DISPLAY": "wayland-0"}, tty_path=None)
    assert outcome == CopyOutcome(True, "wl-copy", None, True)
    assert store.read_bytes() == FRENCH.encode("utf-8")
    assert args.read_text() == f"--type {kind}\n"


# --- tmux ------------------------------------------------------------------------------------


def test_tmux_fallback_loads_the_buffer_with_w(tmp_path):
    store, args = tmp_path / "store", tmp_path / "args"
    path = make_tools(tmp_path, {"tmux": f'echo "$*" > {args}; cat > {store}\n'})
    env = {"PATH": path, "TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"}
    outcome = copy(FRENCH, environ=env, tty_path=None)
    assert outcome == CopyOutcome(True, "tmux", None, False)
    assert args.read_text() == "load-buffer -w -\n"
    assert store.read_bytes() == FRENCH.encode("utf-8")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_round_trip_with_a_real_server(tmp_path):
    socket = tmp_path / "tmux.sock"
    tmux = ["tmux", "-S", str(socket), "-f", "/dev/null"]
    env = {"PATH": os.environ["PATH"], "TERM": "xterm", "HOME": str(tmp_path)}
    subprocess.run([*tmux, "new-session", "-d"], env=env, check=True, timeout=10)
    try:
        env["TMUX"] = f"{socket},0,0"
        outcome = copy(FRENCH, environ=env, tty_path=None)
        assert outcome == CopyOutcome(True, "tmux", None, False)
        got = subprocess.run([*tmux, "save-buffer", "-"], env=env, capture_output=True, timeout=10)
        assert got.stdout == FRENCH.encode("utf-8")
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, timeout=10, capture_output=True)


# --- OSC 52 ----------------------------------------------------------------------------------


def read_pty(master: int, deadline: float = 2.0) -> bytes:
    data = b""
    end = time.monotonic() + deadline
    while not data.endswith(b"\x07") and time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            data += os.read(master, 65536)
    return data


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_osc52_is_written_to_the_terminal_and_decodes_back(pty_pair, tmp_path):
    master, tty = pty_pair
    outcome = copy(FRENCH, environ={"PATH": str(tmp_path), "TERM": "xterm-256color"}, tty_path=tty)
    assert outcome == CopyOutcome(True, "osc52", None, False)
    raw = read_pty(master)
    match = re.fullmatch(rb"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", raw)
    assert match, raw
    assert base64.b64decode(match.group(1)).decode("utf-8") == FRENCH


def test_osc52_is_not_used_on_a_dumb_terminal_unless_forced(pty_pair, tmp_path):
    master, tty = pty_pair
    dumb = {"PATH": str(tmp_path), "TERM": "dumb"}
    assert not copy("x", environ=dumb, tty_path=tty).ok
    assert select.select([master], [], [], 0.1)[0] == []
    forced = copy("x", environ={**dumb, "QUOTE_CLIPBOARD": "osc52"}, tty_path=tty)
    assert forced == CopyOutcome(True, "osc52", None, False)
    assert read_pty(master) == b"\x1b]52;c;eA==\x07"


def test_osc52_forced_without_a_terminal_says_why(tmp_path):
    env = {"QUOTE_CLIPBOARD": "osc52", "TERM": "xterm"}
    outcome = copy("x", environ=env, tty_path=str(tmp_path / "no-tty"))
    assert not outcome.ok and outcome.message.startswith("osc52: cannot open ")
    assert copy("x", environ=env, tty_path=None).message == "osc52: no terminal to send OSC 52 to"


# --- whole process: no clipboard at all, import cost -----------------------------------------

CHILD = """
import json, os, sys
from quotecli.deliver.clipboard import copy
print("printed first", flush=True)
o = copy(sys.argv[1], environ=os.environ)
print(json.dumps(o.__dict__))
"""


def test_no_clipboard_anywhere_gives_one_line_naming_the_tools():
    if shutil.which("setsid") is None:
        pytest.skip("setsid (util-linux) is not installed")
    argv = ["env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", "-u", "TMUX", "-u", "QUOTE_CLIPBOARD"]
    argv += ["TERM=xterm", "setsid", sys.executable, "-c", CHILD, FRENCH]
    started = time.monotonic()
    done = subprocess.run(
        argv, capture_output=True, timeout=10, cwd=ROOT, stdin=subprocess.DEVNULL, check=True
    )
    assert time.monotonic() - started < 2
    first, result = done.stdout.decode().splitlines()
    assert first == "printed first"
    outcome = json.loads(result)
    assert outcome["ok"] is False and outcome["verified"] is False
    for tool in ("xclip", "xsel", "wl-clipboard"):
        assert tool in outcome["message"]
    assert "\n" not in outcome["message"]
    assert done.stderr == b""


def test_importing_the_module_loads_no_heavy_modules():
    probe = (
        "import sys; import quotecli.deliver.clipboard; "
        "print(sorted({'pyperclip', 'subprocess', 'tempfile', 'base64'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, timeout=10, cwd=ROOT, check=True
    )
    assert done.stdout.decode().strip() == "[]"


# --- pyperclip (macOS, Windows, WSL), with a stand-in module ---------------------------------


class FakePyperclip:
    def __init__(self, paste_returns=None, copy_raises=None):
        self.copied, self.pastes = [], 0
        self.paste_returns, self.copy_raises = paste_returns, copy_raises

    def copy(self, text):
        if self.copy_raises:
            raise self.copy_raises
        self.copied.append(text)

    def paste(self):
        self.pastes += 1
        return self.copied[-1] if self.paste_returns is None else self.paste_returns


@pytest.mark.parametrize(
    ("fake", "env", "expected"),
    [
        (FakePyperclip(), {}, CopyOutcome(True, "pyperclip", None, True)),
        (FakePyperclip(paste_returns="x"), {}, CopyOutcome(True, "pyperclip", None, False)),
        (
            FakePyperclip(),
            {"WSL_DISTRO_NAME": "Debian"},
            CopyOutcome(True, "pyperclip", None, False),
        ),
        (
            FakePyperclip(copy_raises=FileNotFoundError(2, "No such file", "clip.exe")),
            {},
            CopyOutcome(False, "pyperclip", "pyperclip: [Errno 2] No such file: 'clip.exe'", False),
        ),
    ],
)
def test_pyperclip_backend(monkeypatch, fake, env, expected):
    # pyperclip runs in-process on macOS, Windows and WSL; Linux has its own test below
    from quotecli.deliver import clipboard

    monkeypatch.setattr(
        clipboard, "_platform", lambda environ: "wsl" if "WSL_DISTRO_NAME" in environ else "darwin"
    )
    monkeypatch.setitem(sys.modules, "pyperclip", fake)
    assert copy(FRENCH, environ={"QUOTE_CLIPBOARD": "pyperclip", **env}) == expected
    assert fake.copied == ([] if fake.copy_raises else [FRENCH])
    if "WSL_DISTRO_NAME" in env:
        assert fake.pastes == 0


@pytest.mark.subprocess
def test_issue_11_pyperclip_on_linux_with_a_dead_display_fails_fast_inside_a_capture(tmp_path):
    """``x=$(QUOTE_CLIPBOARD=pyperclip quote --copy …)`` with no X server answering: the
    result is printed, one line says the copy failed, exit 3, within seconds (was 30 s)."""
    import subprocess
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env.update(DISPLAY=":55", QUOTE_CLIPBOARD="pyperclip", QUOTE_HOME=str(tmp_path))
    script = (
        'x=$("$0" -m quotecli --copy "alternative à OpenAI"); rc=$?; printf "%s\\n%s" "$rc" "$x"'
    )
    began = time.monotonic()
    r = subprocess.run(["bash", "-c", script, sys.executable], capture_output=True, text=True,
                       env=env, timeout=30)  # fmt: skip
    assert time.monotonic() - began < 10
    rc, _, out = r.stdout.partition("\n")
    assert rc == "3" and "vraie alternative à OpenAI" in out
    assert r.stderr.startswith("quote: copy failed: pyperclip:") and len(r.stderr.splitlines()) == 1
