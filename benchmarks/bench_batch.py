"""Batch throughput and memory: phrases per second once started, against a baseline, same run.

Runs `quote find --json [--style S] -` on one core (taskset) over batches of 1,000 and 10,000
phrases, for two kinds of batch: the query tables of tests/queries/ repeated (324 phrases: a
tree that remembers a phrase's answer gains there) and distinct phrases made from the transcript
by ``phrases.distinct`` (each one new: what matching costs); for the current tree and, with
``--baseline REF``, for the code at REF (checked out into a temporary git worktree, run with the
same interpreter, removed afterwards). Each tree first runs one warm-up batch that fills its own
citation cache, as a user's earlier runs would; then the trees take turns, ``--repeat`` times,
and the fastest time of each is kept. Throughput subtracts start-up: (10,000 - 1,000) / (t10000
- t1000), in CPU seconds of the process (what a shared machine disturbs least) and in wall-clock
seconds. Peak memory is each run's own max RSS, read by a small wrapper process. A naive loop
(rapidfuzz's partial_ratio of each phrase against every sentence of the transcript, no citation)
is measured in-process as a floor of what fuzzy search costs, and bare SQLite FTS5 (best
paragraph by bm25) as what a plain full-text index costs.

Prints phrases/s and ratios; never fails on timing (target: at least 3,000 phrases/s with
citations, issue 16).

    .venv/bin/python benchmarks/bench_batch.py --baseline a9ed091 [--style apa] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Runs its arguments and prints the child's peak RSS (KiB) and CPU seconds on stderr.
WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr)"
)
SIZES = (1000, 10000)


def phrases() -> list[str]:
    from phrases import tables

    return tables()


class Tree:
    """A checkout to measure: its source folder (on PYTHONPATH) and its own private home."""

    def __init__(self, name: str, folder: Path):
        self.name = name
        self.folder = folder
        self.home = tempfile.mkdtemp(prefix=f"quote-bench-{name}-")
        self.best: dict[tuple[str, int], tuple[float, float, float, int]] = {}

    def run(self, batch: list[str], style: list[str]) -> tuple[float, float, float, int]:
        """CPU seconds, wall seconds, peak RSS (MiB) and output lines of one batch."""
        data = ("\n".join(batch) + "\n").encode()
        cmd = [sys.executable, "-m", "quotecli", "find", "--json", *style, "-"]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        env = dict(os.environ, QUOTE_HOME=self.home, PYTHONPATH=str(self.folder), LANG="C.UTF-8")
        for var in ("QUOTE_STYLE", "LC_ALL", "LC_MESSAGES"):
            env.pop(var, None)
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], input=data, capture_output=True,
                           env=env, cwd=self.folder, timeout=900)  # fmt: skip
        elapsed = time.perf_counter() - t
        rss_kib, cpu = r.stderr.decode().strip().splitlines()[-1].split()
        return float(cpu), elapsed, int(rss_kib) / 1024, r.stdout.count(b"\n")

    def rate(self, kind: str, wall: bool = False) -> float:
        small, large = self.best[kind, SIZES[0]], self.best[kind, SIZES[1]]
        return (SIZES[1] - SIZES[0]) / (large[wall] - small[wall])


@contextlib.contextmanager
def worktree(ref: str):
    """The code at ``ref`` in a temporary detached worktree, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="quote-baseline-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(folder), ref],
                   check=True)  # fmt: skip
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)],
                       check=False)  # fmt: skip


def naive_rate(pool: list[str], n: int = 1000) -> float | None:
    """Phrases/s of rapidfuzz partial_ratio over every sentence (no index, no citation)."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        return None
    sys.path.insert(0, str(ROOT))
    from quotecli import library

    sentences = []
    for source in library.bundled_sources():
        text = source.text
        sentences += [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
    batch = (pool * (n // len(pool) + 1))[:n]
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {0})  # one core, like the CLI runs
    t = time.process_time()
    for phrase in batch:
        process.extractOne(phrase, sentences, scorer=fuzz.partial_ratio)
    return n / (time.process_time() - t)


def fts5_rate(pool: list[str], n: int = 1000) -> float | None:
    """Phrases/s of bare SQLite FTS5 (one row per paragraph, the phrase's words OR'ed, best by
    bm25; no typo, no verdict, no citation): what a plain full-text index costs."""
    import re
    import sqlite3

    sys.path.insert(0, str(ROOT))
    from quotecli import library

    db = sqlite3.connect(":memory:")
    try:
        db.execute(
            "CREATE VIRTUAL TABLE p USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError:
        return None  # an SQLite built without FTS5
    for source in library.bundled_sources():
        for line in source.text.splitlines():
            if line.strip():
                db.execute("INSERT INTO p(body) VALUES (?)", (line,))
    batch = (pool * (n // len(pool) + 1))[:n]
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {0})
    t = time.process_time()
    for phrase in batch:
        words = re.findall(r"\w+", phrase)
        if words:
            query = " OR ".join(f'"{w}"' for w in words)
            db.execute("SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 1",
                       (query,)).fetchall()  # fmt: skip
    return n / (time.process_time() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", metavar="REF", help="git ref to compare with (e.g. main)")
    ap.add_argument("--style", help="--style for both trees (default: the default style)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    style = ["--style", args.style] if args.style else []
    pool = phrases()
    from phrases import distinct  # benchmarks/, this script's folder

    new = distinct(SIZES[1])
    batches = {("repeated", n): (pool * (n // len(pool) + 1))[:n] for n in SIZES}
    batches.update({("distinct", n): new[:n] for n in SIZES})
    with contextlib.ExitStack() as stack:
        trees = [Tree("current", ROOT)]
        if args.baseline:
            trees.append(Tree(f"baseline {args.baseline}", stack.enter_context(
                worktree(args.baseline))))  # fmt: skip
        for tree in trees:
            tree.run(pool, style)  # warm-up: fills this tree's citation cache
        for _ in range(args.repeat):
            for key, batch in batches.items():
                for tree in trees:
                    result = tree.run(batch, style)
                    if key not in tree.best or result[0] < tree.best[key][0]:
                        tree.best[key] = result
    print(f"batch `quote find --json {' '.join(style)} -` over the bundled interview, one core, "
          f"best of {args.repeat}: 'repeated' = the {len(pool)} phrases of tests/queries "
          "repeated, 'distinct' = every phrase new (benchmarks/phrases.py)")  # fmt: skip
    for tree in trees:
        print(f"  {tree.name}")
        for (kind, n), (cpu, wall, rss, lines) in tree.best.items():
            print(f"    {kind:8s} {n:6d} phrases  {cpu:7.2f} s CPU  {wall:7.2f} s wall  "
                  f"peak RSS {rss:6.1f} MiB  ({lines} lines)")  # fmt: skip
        for kind in ("repeated", "distinct"):
            growth = tree.best[kind, SIZES[1]][2] - tree.best[kind, SIZES[0]][2]
            print(f"    {kind:8s} throughput once started: {tree.rate(kind):6.0f} phrases/s "
                  f"(CPU), {tree.rate(kind, wall=True):6.0f} (wall); memory growth "
                  f"{growth:+.1f} MiB")  # fmt: skip
    if len(trees) == 2:
        for kind in ("repeated", "distinct"):
            cpu = trees[0].rate(kind) / trees[1].rate(kind)
            wall = trees[0].rate(kind, True) / trees[1].rate(kind, True)
            print(f"  {kind:8s} current / baseline: {cpu:.2f}x (CPU), {wall:.2f}x (wall)")
    naive = naive_rate(pool)  # CPU seconds of this process
    if naive:
        print(f"  naive rapidfuzz loop (no index, no citation): {naive:6.0f} phrases/s; "
              f"current / naive: {trees[0].rate('repeated') / naive:.2f}x (repeated), "
              f"{trees[0].rate('distinct') / naive:.2f}x (distinct)")  # fmt: skip
    fts5 = fts5_rate(pool)
    if fts5:
        print(f"  bare SQLite FTS5 (best paragraph by bm25, no verdict, no citation): {fts5:6.0f} "
              f"phrases/s; current / FTS5: {trees[0].rate('repeated') / fts5:.2f}x (repeated), "
              f"{trees[0].rate('distinct') / fts5:.2f}x (distinct)")  # fmt: skip
    print("target: at least 3,000 phrases/s with citations (issue 16)")


if __name__ == "__main__":
    main()
