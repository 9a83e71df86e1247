"""The batch path's output pinned byte for byte (issue 16): ``quote find --json -`` over a
fixed set of phrases, in the default style and three others, against golden files.

``tests/golden/batch/*.jsonl`` were written by the code as it was before the citation
memoisation of issue 16 (``phrases.txt``: the distinct queries of ``tests/queries/`` then).
Each style runs twice on one private home, so both the cold path (every citation rendered)
and the warm one (served from the on-disk cache) must give the same bytes. To regenerate
after a deliberate change in output, run ``python tests/test_batch_golden.py`` and review
the diff (regenerated after issue 13's closest passages with their diff, and its refusal of
the synonym "précisément", a change of the matching policy, not of speed; and after issue 12's
blind files14, where a sentence's opening pronoun stopped counting as a changed name: one
closest passage's ``critical`` lost its "name").
"""

from __future__ import annotations

import os
import re
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


_PATH = re.compile(rb'"path":"[^"]*"')


def _portable(line: bytes) -> bytes:
    """A transcript's path depends on where the repository is: not part of what is pinned."""
    return _PATH.sub(b'"path":"<path>"', line)


@pytest.mark.subprocess
@pytest.mark.parametrize("name", list(STYLES))
def test_issue_16_batch_output_is_unchanged(tmp_path, name):
    golden = (GOLDEN / f"{name}.jsonl").read_bytes().splitlines()
    for run in ("cold", "warm"):
        r = _batch(tmp_path, STYLES[name])
        assert r.returncode == 1, r.stderr  # some of the phrases are meant not to be found
        assert r.stderr == b""
        lines = [_portable(line) for line in r.stdout.splitlines()]
        assert len(lines) == len(golden), run
        for n, (got, want) in enumerate(zip(lines, golden, strict=True), 1):
            assert got == want, f"{name} ({run}), phrase {n}"


if __name__ == "__main__":  # regenerate the golden files (review the diff before committing)
    import tempfile

    for name, args in STYLES.items():
        with tempfile.TemporaryDirectory() as home:
            out = _batch(Path(home), args).stdout.splitlines()
        (GOLDEN / f"{name}.jsonl").write_bytes(b"".join(_portable(x) + b"\n" for x in out))
