"""Fixtures of the hostile suite, and its per-class summary at the end of the session.

Every case gets its own ``Sandbox`` (``QUOTE_HOME`` deep inside ``tmp_path``, sentinels around
it). Every process run is logged (JSON Lines; ``$HOSTILE_LOG`` names the file, else it goes in
pytest's base temp folder) and the terminal summary counts, per class, the inputs tried and the
broken promises by kind — the table of REPORT.md.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_kit as kit  # noqa: E402

CLASSES = {
    "C1": "phrases",
    "C2": "ids and paths",
    "C3": "malformed transcripts",
    "C4": "library faults",
    "C5": "big inputs / hangs",
    "C6": "exit codes",
}
KINDS = {  # problem kinds → the report's columns
    "traceback": "tracebacks",
    "hang": "hangs",
    "wrong_exit": "wrong exits",
    "control": "holes",
    "outside": "holes",
    "hole": "holes",
    "noisy": "noisy stderr",
    "other": "other",
}


def pytest_sessionstart(session):
    path = os.environ.get("HOSTILE_LOG")
    if path:
        kit.LOG_PATH = Path(path)
    else:
        factory = getattr(session.config, "_tmp_path_factory", None)
        base = factory.getbasetemp() if factory else Path("/tmp")
        kit.LOG_PATH = Path(base) / "hostile-log.jsonl"
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        kit.PYCACHE = Path(factory.getbasetemp()) / "pycache"
    if kit.LOG_PATH.exists() and not os.environ.get("HOSTILE_LOG_APPEND"):
        kit.LOG_PATH.unlink()


@pytest.fixture
def sb(tmp_path) -> kit.Sandbox:
    return kit.Sandbox(tmp_path / "box")


@pytest.fixture
def radio_sb(sb) -> kit.Sandbox:
    """A sandbox whose library holds one imported transcript (radio: the bridge interview)."""
    path = sb.write("radio.txt", kit.RADIO)
    kit.quote(sb, ["import", path, "--outlet", "Radio X", "--date", "2024-05-02"], 0,
              note="setup: a library with one transcript")  # fmt: skip
    return sb


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if kit.LOG_PATH is None or not kit.LOG_PATH.exists():
        return
    runs = [json.loads(line) for line in kit.LOG_PATH.read_text().splitlines() if line.strip()]
    if not runs:
        return
    table: dict[str, Counter] = defaultdict(Counter)
    for r in runs:
        c = table[r["cls"]]
        c["tried"] += 1
        kinds = {KINDS.get(k, "holes") for k, _ in r["problems"]}
        for k in kinds:
            c[k] += 1
        if r["problems"]:
            c["failing runs"] += 1
    tr = terminalreporter
    tr.section("hostile: processes run and promises broken, per class")
    cols = ["tried", "failing runs", "tracebacks", "hangs", "wrong exits", "holes",
            "noisy stderr", "other"]  # fmt: skip
    tr.write_line(f"{'class':<28}" + "".join(f"{c:>14}" for c in cols))
    total = Counter()
    for cls in sorted(table):
        name = f"{cls} {CLASSES.get(cls, '')}"
        tr.write_line(f"{name:<28}" + "".join(f"{table[cls][c]:>14}" for c in cols))
        total.update(table[cls])
    tr.write_line(f"{'all':<28}" + "".join(f"{total[c]:>14}" for c in cols))
    tr.write_line(f"(log of every run: {kit.LOG_PATH})")
