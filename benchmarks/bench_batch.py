"""Batch throughput and memory: phrases per second once started, and peak RSS by batch size.

Runs `quote --json -` on one core (taskset) over batches of 1, 1,000 and 10,000 phrases (the
query tables of tests/queries/, repeated), in the same run, after one warm-up batch that fills
the citation cache as a user's earlier runs would. Throughput subtracts start-up:
(10,000 - 1,000) / (t10000 - t1000). Peak memory is each run's own max RSS, read by a small
wrapper process. Prints the figures (target: at least 500 phrases/s; memory flat); never fails
on timing.

    .venv/bin/python benchmarks/bench_batch.py
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTE = str(Path(sys.executable).parent / "quote")
# Runs its arguments and prints the child's peak RSS (KiB) on stderr: a fresh high-water mark.
WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
)


def phrases() -> list[str]:
    out = []
    for table in sorted((ROOT / "tests" / "queries").glob("*.tsv")):
        with table.open(encoding="utf-8") as f:
            out += [row["query"] for row in csv.DictReader(f, delimiter="\t")]
    return out


def run(batch: list[str], env: dict) -> tuple[float, float, int]:
    """Seconds, peak RSS (MiB) and output lines of one `quote --json -` over ``batch``."""
    data = ("\n".join(batch) + "\n").encode()
    cmd = [QUOTE, "--json", "-"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], input=data, capture_output=True,
                       env=env, timeout=900)  # fmt: skip
    elapsed = time.perf_counter() - t
    rss_kib = int(r.stderr.decode().strip().splitlines()[-1])
    return elapsed, rss_kib / 1024, r.stdout.count(b"\n")


def main() -> None:
    env = dict(os.environ, QUOTE_HOME=tempfile.mkdtemp(prefix="quote-bench-"))
    pool = phrases()
    run(pool, env)  # warm-up
    results = {n: run((pool * (n // len(pool) + 1))[:n], env) for n in (1, 1000, 10000)}
    print(f"batch over the bundled interview ({len(pool)} distinct phrases, repeated, one core)")
    for n, (secs, rss, lines) in results.items():
        print(f"  {n:6d} phrases  {secs:7.2f} s  peak RSS {rss:6.1f} MiB  ({lines} lines)")
    rate = 9000 / (results[10000][0] - results[1000][0])
    print(f"throughput once started: {rate:.0f} phrases/s (target >= 500)")
    growth = results[10000][1] - results[1000][1]
    print(f"memory growth from 1,000 to 10,000 phrases: {growth:+.1f} MiB")


if __name__ == "__main__":
    main()
