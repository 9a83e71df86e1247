"""Batch throughput and memory: phrases per second once started, and peak RSS by batch size.

Runs `quote --json -` on batches of 1, 1,000 and 10,000 phrases (the query tables of
tests/queries/, repeated), measured in the same run, after one warm-up batch (citations cached). Throughput subtracts start-up: it is
(10,000 - 1,000) / (t10000 - t1000). Peak memory is the child's max RSS. Prints the figures
(target: at least 500 phrases/s on one core; memory flat); never fails on timing.

    .venv/bin/python benchmarks/bench_batch.py
"""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTE = str(Path(sys.executable).parent / "quote")


def phrases() -> list[str]:
    out = []
    for table in sorted((ROOT / "tests" / "queries").glob("*.tsv")):
        with table.open(encoding="utf-8") as f:
            out += [row["query"] for row in csv.DictReader(f, delimiter="\t")]
    return out


def run(batch: list[str], env: dict) -> tuple[float, int, int]:
    """Seconds, peak RSS (KiB) and output lines of one `quote --json -` over ``batch``."""
    data = ("\n".join(batch) + "\n").encode()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    # taskset: one core, as the target says
    cmd = ["taskset", "-c", "0", QUOTE, "--json", "-"]
    r = subprocess.run(cmd, input=data, capture_output=True, env=env, timeout=600)
    elapsed = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(rss, before), r.stdout.count(b"\n")


def main() -> None:
    env = dict(os.environ, QUOTE_HOME=tempfile.mkdtemp(prefix="quote-bench-"))
    pool = phrases()
    sizes = (1, 1000, 10000)
    results = {}
    run(pool, env)  # warm the citation cache, as a user's second run would find it
    for n in sizes:
        batch = (pool * (n // len(pool) + 1))[:n]
        # peak RSS of RUSAGE_CHILDREN is a high-water mark across children: measure each size
        # in a fresh Python so the figure belongs to that batch alone
        code = (
            "import sys, json; sys.path.insert(0, %r); import bench_batch as b; "
            "print(json.dumps(b.run(json.loads(sys.stdin.read()), dict(__import__('os').environ))))"
        ) % str(Path(__file__).parent)
        import json

        out = subprocess.run([sys.executable, "-c", code], input=json.dumps(batch).encode(),
                             capture_output=True, env=env, timeout=900, check=True)  # fmt: skip
        results[n] = json.loads(out.stdout)
    print(f"batch over the bundled interview ({len(pool)} distinct phrases, repeated)")
    for n, (secs, rss, lines) in results.items():
        print(f"  {n:6d} phrases  {secs:7.2f} s  peak RSS {rss / 1024:6.1f} MiB  ({lines} lines)")
    t1, t2 = results[1000][0], results[10000][0]
    rate = 9000 / (t2 - t1)
    print(f"throughput once started: {rate:.0f} phrases/s on one core (target >= 500)")
    grow = (results[10000][1] - results[1000][1]) / 1024
    print(f"memory growth from 1,000 to 10,000 phrases: {grow:+.1f} MiB")


if __name__ == "__main__":
    main()
