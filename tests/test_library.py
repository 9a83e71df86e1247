"""The library (issue 7): import, sources, show, remove; nothing lost, nothing broken.

Every test runs with QUOTE_HOME in a temporary folder (conftest). Failure cases: a binary
file, an unknown encoding, an empty file, a file with no speakers (each an error for that file
while the others go through, exit 2 with a summary), a re-import refused unless --force, and an
import killed before its commit (in process, and a real SIGKILL in a subprocess).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli import library
from quotecli.cli.app import app
from quotecli.main import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"


def run(args, capsys):
    """``main`` as the shell runs it: (exit status, stdout, stderr)."""
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def snapshot(home: Path) -> dict:
    """What the library holds: catalogue rows and transcript files with their contents."""
    if not (home / "library.sqlite").exists():
        return {"rows": [], "files": {}}
    lib = library.Library(home)
    rows = [e.to_json() for e in lib.entries()]
    lib.close()
    folder = home / "transcripts"
    files = {p.name: p.read_text() for p in folder.iterdir()} if folder.is_dir() else {}
    return {"rows": rows, "files": files}


def test_import_sources_show_remove(_private_home, capsys):
    rc, out, err = run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)
    assert rc == 0, err
    assert out == f"imported radio (dialogue) from {FIXTURES / 'radio.txt'}\n"
    assert "no date" in err  # allowed, cited as n.d., with a warning
    rc, out, _ = run(["sources"], capsys)
    assert "la-tribune-2024-02-ferrari\tLa Tribune\t2024-02" in out
    assert "radio\tRadio X\tn.d.\t4 turns\tJournalist (interviewer), Jane Roe (interviewee)" in out
    rc, out, _ = run(["sources", "--json"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["id"] for r in rows} == {"la-tribune-2024-02-ferrari", "radio"}
    assert all(r["schema"] == 1 for r in rows)
    rc, out, _ = run(["show", "radio"], capsys)
    assert "[2] Jane Roe (interviewee)\nWe will build the bridge next spring." in out
    rc, out, _ = run(["find", "build the bridge next spring", "--field", "speaker"], capsys)
    assert rc == 0 and "Jane Roe" in out
    rc, out, _ = run(["remove", "radio"], capsys)
    assert rc == 0 and out == "removed radio\n"
    assert snapshot(_private_home)["rows"] == []
    rc, _, err = run(["remove", "radio"], capsys)
    assert rc == 2 and "not in the library" in err


def test_failures_are_per_file_and_exit_2_with_a_summary(_private_home, capsys, tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (bad / "latin1.txt").write_bytes("JOURNALIST: Où êtes-vous ?\n".encode("latin-1"))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "nolabels.txt").write_text("Just some prose with nobody named at all.\n")
    (bad / "good.txt").write_bytes((FIXTURES / "radio.txt").read_bytes())
    rc, out, err = run(["import", str(bad), "--outlet", "Radio X", "--language", "en"], capsys)
    assert rc == 2
    assert out.count("imported ") == 2 and "imported good" in out
    assert "binary.txt: binary file" in err
    assert "latin1.txt: read as Windows-1252, Western European (not UTF-8 at line 1)" in err
    assert "empty.txt: empty file" in err
    assert "nolabels.txt: no speakers found" in err
    assert "quote: imported 2 of 5 files; 3 failed" in err
    assert [r["id"] for r in snapshot(_private_home)["rows"]] == ["good", "latin1"]
    rc, out, _ = run(["import", str(bad / "latin1.txt"), "--encoding", "latin-1", "--force",
                      "--outlet", "X", "--language", "fr"], capsys)  # fmt: skip
    assert rc == 0


def test_reimport_is_refused_unless_force(_private_home, capsys):
    args = ["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"]
    assert run(args, capsys)[0] == 0
    before = snapshot(_private_home)
    rc, out, err = run([*args[:-1], "Radio Y"], capsys)
    assert rc == 2 and out == ""
    assert "radio is already in the library (pass --force to replace)" in err
    assert snapshot(_private_home) == before
    rc, out, err = run([*args[:-1], "Radio Y", "--force"], capsys)
    assert rc == 0
    assert snapshot(_private_home)["rows"][0]["outlet"] == "Radio Y"


def test_the_original_file_is_never_modified(_private_home, capsys, tmp_path):
    src = tmp_path / "radio.txt"
    src.write_bytes((FIXTURES / "radio.txt").read_bytes())
    stat = src.stat()
    run(["import", str(src), "--outlet", "Radio X"], capsys)
    assert src.read_bytes() == (FIXTURES / "radio.txt").read_bytes()
    assert src.stat().st_mtime_ns == stat.st_mtime_ns


def test_failure_before_commit_leaves_the_library_as_it_was(_private_home, capsys, monkeypatch):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    before = snapshot(_private_home)

    def boom():
        raise KeyboardInterrupt

    monkeypatch.setattr(library, "_before_commit", boom)
    rc, _, _ = run(["import", str(FIXTURES / "podcast.md"), str(FIXTURES / "radio.txt"),
                    "--outlet", "Radio Z", "--force"], capsys)  # fmt: skip
    assert rc == 130
    assert snapshot(_private_home) == before
    assert not any((_private_home / "staging").iterdir())


def test_committed_import_cut_before_its_renames_is_finished_at_next_open(
    _private_home, monkeypatch
):
    def no_rename(*_):
        raise KeyboardInterrupt

    lib = library.Library(_private_home)
    monkeypatch.setattr(library.os, "replace", no_rename)
    text = (FIXTURES / "podcast.quote.txt").read_text()
    with pytest.raises(KeyboardInterrupt):
        lib.add([library.Item("podcast", text)])
    lib.close()
    monkeypatch.undo()
    lib = library.Library(_private_home)
    assert lib.load("podcast").outlet == "Quote Cast"  # the redo log finished the import
    lib.close()


@pytest.mark.subprocess
def test_sigkill_mid_import_leaves_the_library_as_it_was(_private_home, tmp_path):
    """A real process killed with SIGKILL between staging and commit."""
    env = {**os.environ, "QUOTE_HOME": str(_private_home)}
    ok = subprocess.run([sys.executable, "-m", "quotecli", "import", str(FIXTURES / "radio.txt"),
                         "--outlet", "Radio X"], env=env, capture_output=True)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    before = snapshot(_private_home)
    script = (
        "import os, signal, sys\n"
        "from quotecli import library\n"
        "library._before_commit = lambda: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from quotecli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "import", str(FIXTURES / "podcast.md"),
         str(FIXTURES / "radio.txt"), "--outlet", "Radio K", "--force"],
        env=env, capture_output=True,
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(_private_home) == before
    listed = subprocess.run([sys.executable, "-m", "quotecli", "sources"], env=env,
                            capture_output=True, text=True)  # fmt: skip
    assert "Radio K" not in listed.stdout and "podcast" not in listed.stdout
    assert not any((_private_home / "staging").iterdir())


def test_cli_runner_wiring(_private_home):
    result = CliRunner().invoke(
        app, ["import", str(FIXTURES / "podcast.md"), "--role", "Bo Guest=guest"],
        standalone_mode=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.return_value == 0
    result = CliRunner().invoke(app, ["show", "podcast"], standalone_mode=False)
    assert "speaker bo-guest: Bo Guest (guest)" in result.stdout
    assert "[2] Bo Guest (guest)" in result.stdout


def test_bad_options_are_usage_errors(capsys):
    assert run(["import"], capsys)[0] == 2
    rc, _, err = run(["import", str(FIXTURES / "radio.txt"), "--date", "May 2024"], capsys)
    assert rc == 2 and "--date must be YYYY" in err
    rc, _, err = run(["import", str(FIXTURES / "radio.txt"), "--role", "Jane=boss"], capsys)
    assert rc == 2 and "--role expects NAME=ROLE" in err
    rc, _, err = run(["import", "/nonexistent/file.txt"], capsys)
    assert rc == 2 and "no such file" in err
    rc, _, err = run(["remove", "la-tribune-2024-02-ferrari"], capsys)
    assert rc == 2 and "bundled" in err


def test_source_option_reaches_a_library_transcript(_private_home, capsys):
    run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)
    rc, out, _ = run(["find", "build the bridge", "--source", "radio", "--json"], capsys)
    assert rc == 0 and json.loads(out)["matches"][0]["source"]["id"] == "radio"
    rc, out, _ = run(["find", "build the bridge", "--source", "la-tribune-2024-02-ferrari"],
                     capsys)  # fmt: skip
    assert rc == 1


@pytest.mark.skipif(not FORMATS.is_dir(), reason="../shared/corpus/formats is missing")
def test_search_ranks_across_bundled_and_library(_private_home, capsys):
    rc, _, err = run(["import", str(FORMATS / "transcript-40598.xml"),
                      str(FORMATS / "20130129.xml")], capsys)  # fmt: skip
    assert rc == 0, err
    from quotecli.search import Searcher

    searcher = Searcher(library.provider(_private_home))
    assert searcher.search("alternative à OpenAI").matches[0].source.id.startswith("la-tribune")
    assert searcher.search("the Diggers of 1916").matches[0].source.id == "pm-40598"
    assert searcher.search("la clause de conscience").matches[0].source.id == "20130129"


@pytest.mark.skipif(not (FORMATS / "E100.mp3.vtt").exists(), reason="../shared/corpus missing")
def test_timed_transcripts_are_cited_by_time(tmp_path, monkeypatch, capsys):
    """Issue 7: a match in subtitles carries its cue times and is cited at its start time."""
    from quotecli.main import main

    monkeypatch.setenv("QUOTE_HOME", str(tmp_path / "home"))
    vtt = str(FORMATS / "E100.mp3.vtt")
    assert main(["import", vtt, "--outlet", "The Seen and the Unseen", "--date", "2019"]) == 0
    capsys.readouterr()
    for style, expected in [
        ("apa", "00:01:03)"),
        ("chicago-notes-bibliography", ", at 00:01:03."),  # Chicago: "at" before a time (fix 12)
        ("wikipedia", "|time=00:01:03 |"),
    ]:
        assert main(["--json", "--style", style, "hey, let's do a podcast instead"]) == 0
        m = json.loads(capsys.readouterr().out)["matches"][0]
        assert m["time"] == {"start": "00:01:03.000", "end": "00:01:05.000"}
        assert expected in (m["citation"]["in_text"] + m["citation"]["text"]), m["citation"]


def _open_at_the_barrier(home: str, barrier, answers) -> None:
    from quotecli.library import index

    barrier.wait()
    try:
        index.connect(Path(home)).close()
        answers.put("ok")
    except Exception as exc:  # noqa: BLE001 - the answer is what the test reads
        answers.put(f"{type(exc).__name__}: {exc}")


@pytest.mark.subprocess
def test_processes_opening_a_new_library_at_once_all_open_it(tmp_path):
    """Three processes creating the same library at the same instant: each opens it. Switching
    a new file to WAL can be refused ("database is locked") with no busy wait; that is a busy
    library, never reported as a damaged one (seen as 17 of 600 openings before the retry)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    answers = []
    for round_ in range(40):
        barrier, queue = ctx.Barrier(3), ctx.Queue()
        home = tmp_path / f"lib{round_}"
        processes = [
            ctx.Process(target=_open_at_the_barrier, args=(str(home), barrier, queue))
            for _ in range(3)
        ]
        for p in processes:
            p.start()
        for p in processes:
            p.join(60)
        answers += [queue.get(timeout=5) for _ in processes]
    assert set(answers) == {"ok"}, [a for a in answers if a != "ok"][:3]
