"""A damaged index (issue 11): one line and exit 2 on every command, ``quote library check``
says so, ``quote library rebuild`` re-creates it from the stored transcripts, losing nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PODCAST = REPO / "tests" / "fixtures" / "import" / "podcast.md"


def quote_env(**extra) -> dict:
    """This process's environment with a private home and no colour forcing (not imported
    from conftest: tests/hostile has a conftest of its own, and the name is ambiguous)."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(extra)
    return env


def _quote(home, *args):
    return subprocess.run(
        [sys.executable, "-m", "quotecli", *args], capture_output=True, text=True, timeout=60,
        env=quote_env(QUOTE_HOME=str(home)),
    )  # fmt: skip


@pytest.fixture
def damaged(tmp_path):
    home = tmp_path / "home"
    assert _quote(home, "import", str(PODCAST), "--outlet", "X", "--date", "2024").returncode == 0
    index = home / "library.sqlite"
    raw = bytearray(index.read_bytes())
    for i in range(100, len(raw), 7):
        raw[i] ^= 0x5A
    index.write_bytes(bytes(raw))
    return home


@pytest.mark.subprocess
@pytest.mark.parametrize(
    "args", [("sources",), ("find", "bonjour"), ("show", "podcast"), ("remove", "podcast"),
             ("import", str(PODCAST), "--outlet", "X", "--force"), ("library", "check")],
)  # fmt: skip
def test_every_command_on_a_damaged_index_is_one_line_and_exit_2(damaged, args):
    r = _quote(damaged, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = (r.stderr + r.stdout).strip().splitlines()
    assert any("rebuild" in line for line in lines)
    assert len(r.stderr.strip().splitlines()) <= 1


@pytest.mark.subprocess
def test_rebuild_keeps_the_old_index_and_loses_no_source(damaged):
    r = _quote(damaged, "library", "rebuild")
    assert r.returncode == 0, r.stderr
    assert "index rebuilt from 1 transcripts" in r.stdout
    assert list(damaged.glob("library.sqlite.damaged-*"))
    assert _quote(damaged, "library", "check").returncode == 0
    listed = _quote(damaged, "sources")
    assert listed.returncode == 0 and "\npodcast\t" in "\n" + listed.stdout


@pytest.mark.subprocess
@pytest.mark.parametrize(
    "source_id", ["../../outside", "/tmp/abs", "a/b", ".hidden", "new\nline", "tab\tid", "x" * 300]
)
def test_an_id_cannot_write_or_delete_outside_the_library(tmp_path, source_id):
    home = tmp_path / "home"
    keep = tmp_path / "outside.quote.txt"
    keep.write_text("the user's own file\n")
    r = _quote(home, "import", str(PODCAST), "--outlet", "X", "--id", source_id)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("quote: error: --id:") and len(r.stderr.splitlines()) == 1
    r = _quote(home, "remove", source_id)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert keep.read_text() == "the user's own file\n"
    assert {p.name for p in tmp_path.iterdir()} <= {"home", "outside.quote.txt"}


@pytest.mark.subprocess
def test_library_check_finds_damage_a_search_does_not_read(tmp_path):
    """Bytes flipped in pages a search never reads: searches may answer, the check says no."""
    home = tmp_path / "home"
    assert _quote(home, "import", str(PODCAST), "--outlet", "X", "--date", "2024").returncode == 0
    index = home / "library.sqlite"
    assert _quote(home, "library", "check").returncode == 0
    # the head of the page that holds the words' stored content (the middle of the file, until
    # schema 2 added a page): not where a search looks first
    with sqlite3.connect(index) as db:
        (page,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'fts_content'"
        ).fetchone()
        (size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    raw = bytearray(index.read_bytes())
    first = (page - 1) * size
    for i in range(first, first + 64):
        raw[i] ^= 0xFF
    index.write_bytes(bytes(raw))
    r = _quote(home, "library", "check")
    assert r.returncode == 2 and "rebuild" in r.stdout, (r.stdout, r.stderr)
