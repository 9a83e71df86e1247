"""Issue 14 item 6, in real shells under tmux: completion of option values and ids in bash, zsh
and fish, and the pager of ``quote show`` on a terminal (never in a pipe).

Each test starts a tmux session running one shell with no user configuration, installs the
script ``quote completion SHELL`` prints the way the README says, types a command line, presses
Tab and reads the screen back. Skipped with a reason when tmux or the shell is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import quote_env

BIN = Path(sys.executable).parent
QUOTE = BIN / "quote"
BUNDLED_ID = "la-tribune-2024-02-ferrari"

pytestmark = [
    pytest.mark.subprocess,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Pane:
    """A detached tmux session running one command; keys in, screen out."""

    def __init__(self, command: str, env: dict, width: int = 200, height: int = 40):
        self.name = f"quote-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        subprocess.run(
            ["tmux", "-L", self.name, "-f", "/dev/null", "new-session", "-d", "-s", self.name,
             "-x", str(width), "-y", str(height), command],
            check=True, env=env,
        )  # fmt: skip

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, env=self.env
        )
        return done.stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def type(self, text: str) -> None:
        self.send(text, literal=True)
        self.wait_for(text.rstrip())
        time.sleep(0.3)  # zsh defers completion while typeahead is pending

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, needle: str, timeout: float = 15.0) -> str:
        end = time.monotonic() + timeout
        while True:
            text = self.screen()
            if needle in text:
                return text
            if time.monotonic() > end:
                raise AssertionError(f"{needle!r} never appeared on the screen:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        socket = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.tmux("kill-server")
        if socket:
            Path(socket).unlink(missing_ok=True)  # tmux leaves the socket file behind


@pytest.fixture
def home(tmp_path):
    """A library with one imported source (its id completes) and the env the shells run in."""
    src = tmp_path / "episode.md"
    src.write_text(
        "---\ntitle: On quoting\ndate: 2024-03-05\nshow: Quote Cast\nlang: en\n---\n\n"
        "**Ann Host:** Welcome to the show.\n\n**Bo Guest:** Thank you, a pleasure.\n",
        encoding="utf-8",
    )
    env = quote_env(
        QUOTE_HOME=str(tmp_path / "home"), PATH=f"{BIN}:/usr/bin:/bin", TERM="xterm",
        HOME=str(tmp_path), LANG="C.UTF-8",
    )  # fmt: skip
    env.pop("PAGER", None)
    env.pop("QUOTE_PAGER", None)
    env.pop("LESS", None)
    done = subprocess.run([str(QUOTE), "import", str(src), "--id", "podcast-ep1"], env=env,
                          capture_output=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return tmp_path, env


def _script(shell: str, env: dict) -> str:
    done = subprocess.run([str(QUOTE), "completion", shell], capture_output=True, text=True,
                          env=env)  # fmt: skip
    assert done.returncode == 0
    return done.stdout


def _shell(shell: str, tmp_path: Path, env: dict, height: int = 40) -> Pane:
    """Start ``shell`` with the completion installed as the README says."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    script = _script(shell, env)
    if shell == "bash":
        (tmp_path / "quote.bash").write_text(script)
        rc = tmp_path / "bashrc"
        rc.write_text(f"PS1='$ '\nsource {tmp_path / 'quote.bash'}\n")
        pane = Pane(f"bash --noprofile --rcfile {rc} -i", env, height=height)
    elif shell == "zsh":
        assert script.startswith("#compdef quote\n")  # compinit autoloads it from $fpath
        funcs = tmp_path / "zfunc"
        funcs.mkdir()
        (funcs / "_quote").write_text(script)
        (tmp_path / ".zshrc").write_text(
            f"PS1='$ '\nfpath=({funcs} $fpath)\nautoload -U compinit\ncompinit -u\n"
        )
        pane = Pane("zsh -i", dict(env, ZDOTDIR=str(tmp_path)))
    else:
        conf = tmp_path / ".config" / "fish" / "completions"
        conf.mkdir(parents=True)
        (conf / "quote.fish").write_text(script)
        (conf.parent / "config.fish").write_text(
            "function fish_prompt; echo -n '$ '; end\nfunction fish_greeting; end\n"
        )
        pane = Pane("fish", dict(env, XDG_CONFIG_HOME=str(tmp_path / ".config")))
    pane.type("echo READY")
    pane.send("Enter")
    pane.wait_for("READY\n")
    return pane


# (typed, what the line must read after Tab): one value of every option that completes
CASES = [
    ("quote find --span para", "quote find --span paragraph"),
    ("quote find --format ts", "quote find --format tsv"),
    ("quote find --field cita", "quote find --field citation"),
    ("quote find --color nev", "quote find --color never"),
    ("quote find --copy-what quo", "quote find --copy-what quote"),
    ("quote find --role intervie", "quote find --role interview"),  # two: interviewee/-er
    ("quote find --style apa-6th-e", "quote find --style apa-6th-edition"),
    ("quote find --style wikip", "quote find --style wikipedia"),
    ("quote find --source podcast-", "quote find --source podcast-ep1"),
    ("quote find --source la-trib", f"quote find --source {BUNDLED_ID}"),
    (f"quote show {BUNDLED_ID[:6]}", f"quote show {BUNDLED_ID}"),
    ("quote remove podc", "quote remove podcast-ep1"),
    ("quote import --format markd", "quote import --format markdown"),
    ("quote import --role Bo=gu", "quote import --role Bo=guest"),
    ("quote completion fi", "quote completion fish"),
    ("quote --span sen", "quote --span sentence"),  # quote PHRASE is quote find PHRASE
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_option_values_and_ids_complete_in_a_real_shell(shell, home):
    tmp_path, env = home
    pane = _shell(shell, tmp_path, env)
    files = [  # a path argument still completes file names
        (f"quote import {tmp_path}/episo", f"quote import {tmp_path}/episode.md"),
        (f"quote check {tmp_path}/episo", f"quote check {tmp_path}/episode.md"),
    ]
    try:
        for typed, expected in CASES + files:
            pane.type(typed)
            pane.send("Tab")
            try:
                pane.wait_for(expected, timeout=10)
            finally:
                # a fresh line: C-c resets the line editor (zsh's C-u kept completion state)
                pane.send("C-c")
                time.sleep(0.3)
                pane.send("C-l")
                end = time.monotonic() + 5
                while pane.screen().strip() != "$" and time.monotonic() < end:
                    time.sleep(0.1)
                time.sleep(0.2)
    finally:
        pane.close()


def test_zsh_and_fish_describe_the_values(home):
    """zsh and fish show each reader's one-line description next to its name."""
    tmp_path, env = home
    for shell in ("zsh", "fish"):
        pane = _shell(shell, tmp_path, env)
        try:
            pane.type("quote import --format ")
            pane.send("Tab")
            pane.wait_for("podcast transcripts with")
        finally:
            pane.close()


def test_show_pages_on_a_terminal_and_never_in_a_pipe(home):
    tmp_path, env = home
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    pane = _shell("bash", tmp_path, env, height=15)
    try:
        # the default pager: less -FRX; the transcript is longer than the 15-line screen
        pane.type(f"quote show {BUNDLED_ID}; echo rc=$?")
        pane.send("Enter")
        screen = pane.wait_for(f"{BUNDLED_ID}: La Tribune")
        time.sleep(0.5)
        screen = pane.screen()
        assert "rc=0" not in screen  # still in the pager, waiting for the reader
        assert screen.rstrip().splitlines()[-1].startswith(":")  # less's prompt
        pane.send("q")
        pane.wait_for("rc=0")
        pane.send("C-l")
        # $PAGER is honoured on a terminal ...
        marker = tmp_path / "paged.txt"
        pane.type(f"PAGER='cat > {marker}' quote show podcast-ep1; echo rc2=$?")
        pane.send("Enter")
        pane.wait_for("rc2=0")
        assert "Thank you, a pleasure." in marker.read_text()
        marker.unlink()
        # ... never in a pipe, and never with --no-pager
        pane.type(f"PAGER='cat > {marker}' quote show podcast-ep1 | cat; echo rc3=$?")
        pane.send("Enter")
        pane.wait_for("rc3=0")
        pane.type(f"PAGER='cat > {marker}' quote show --no-pager podcast-ep1; echo rc4=$?")
        pane.send("Enter")
        screen = pane.wait_for("rc4=0")
        assert not marker.exists()
        assert "Thank you, a pleasure." in screen
    finally:
        pane.close()
