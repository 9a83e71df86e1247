"""Start-up: `quote "alternative à OpenAI"` against `python -c pass`, in the same run.

Prints mean times and the ratio (target: at most 8x). Uses hyperfine when it is installed
(Debian package `hyperfine`), else a plain loop of subprocesses. Never fails on timing.

    .venv/bin/python benchmarks/bench_startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
QUOTE = str(BIN / "quote")
PHRASE = "alternative à OpenAI"


def _loop(cmd: list[str], runs: int, env: dict) -> float:
    times = []
    for _ in range(runs + 3):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=False, timeout=60)
        times.append(time.perf_counter() - t)
    return statistics.mean(sorted(times[3:])[: max(1, runs * 9 // 10)]) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    env = dict(os.environ, QUOTE_HOME=tempfile.mkdtemp(prefix="quote-bench-"))
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        f'quote "{PHRASE}"': [QUOTE, PHRASE],
        f'quote --json "{PHRASE}"': [QUOTE, "--json", PHRASE],
        'quote "Microsoft rachète Mistral" (fuzzy path)': [QUOTE, "Microsoft rachète Mistral"],
    }
    results = {}
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(args.runs), "--export-json",
                   out.name, "--ignore-failure", "--style", "none"]  # fmt: skip
            cmd += [" ".join(_shell_quote(a) for a in c) for c in cases.values()]
            subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)
            data = json.load(open(out.name))
        for name, r in zip(cases, data["results"], strict=True):
            results[name] = r["mean"] * 1000
        tool = "hyperfine"
    else:
        for name, c in cases.items():
            results[name] = _loop(c, args.runs, env)
        tool = "subprocess loop"
    base = results["python -c pass"]
    print(f"start-up ({tool}, {args.runs} runs, {os.cpu_count()} cores)")
    for name, ms in results.items():
        print(f"  {name:50s} {ms:7.1f} ms  {ms / base:5.2f}x")
    print("target: quote PHRASE at most 8x python -c pass")


def _shell_quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


if __name__ == "__main__":
    main()
