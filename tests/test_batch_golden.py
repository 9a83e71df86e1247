"""The batch path's output pinned byte for byte (issue 16): ``quote find --json -`` over a
fixed set of phrases, in the default style and three others, against golden files.

``tests/golden/batch/*.jsonl`` were written by the code as it was before the citation
memoisation of issue 16 (``phrases.txt``: the distinct queries of ``tests/queries/`` then).
Each style runs twice on one private home, so both the cold path (every citation rendered)
and the warm one (served from the on-disk cache) must give the same bytes. To regenerate
after a deliberate change in output, run the command of ``_batch`` and review the diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "batch"
QUOTE = shutil.which("quote", path=str(Path(sys.executable).parent)) or "quote"
STYLES = {"default": [], "apa": ["--style", "apa"], "bibtex": ["--style", "bibtex"],
          "wikipedia": ["--style", "wikipedia"]}  # fmt: skip


def _batch(home: Path, args: list[str]) -> subprocess.CompletedProcess:
    dropped = ("QUOTE_STYLE", "LC_ALL", "LC_MESSAGES", "FORCE_COLOR", "NO_COLOR")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(LANG="C.UTF-8", QUOTE_HOME=str(home))
    return subprocess.run(
        [QUOTE, "find", "--json", *args, "-"],
        input=(GOLDEN / "phrases.txt").read_bytes(),
        capture_output=True,
        env=env,
        timeout=300,
    )


@pytest.mark.subprocess
@pytest.mark.parametrize("name", list(STYLES))
def test_issue_16_batch_output_is_unchanged(tmp_path, name):
    golden = (GOLDEN / f"{name}.jsonl").read_bytes().splitlines()
    for run in ("cold", "warm"):
        r = _batch(tmp_path, STYLES[name])
        assert r.returncode == 1, r.stderr  # some of the phrases are meant not to be found
        assert r.stderr == b""
        lines = r.stdout.splitlines()
        assert len(lines) == len(golden), run
        for n, (got, want) in enumerate(zip(lines, golden, strict=True), 1):
            assert got == want, f"{name} ({run}), phrase {n}"
