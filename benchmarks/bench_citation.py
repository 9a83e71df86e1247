"""How much a citation adds to a run: cold render, warm cache, and the engine's import cost.

Each measurement is a fresh ``python`` process (what one ``quote PHRASE`` run pays), compared
with ``python -c pass`` measured in the same run. Children may write bytecode (an installed
package has its .pyc files; PYTHONDONTWRITEBYTECODE would make every run recompile). Prints
milliseconds and ratios; never fails on timing. Usage::

    .venv/bin/python benchmarks/bench_citation.py [--runs 15] [--style apa]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RENDER = """
import json, sys
from pathlib import Path
from quotecli.cite import render_citation
cache = None if sys.argv[1] == "-" else Path(sys.argv[1])
render_citation(json.loads(sys.argv[2]), style=sys.argv[3], paragraph=4, cache_dir=cache)
"""
# What `quote PHRASE` has loaded before it cites (the CLI and the core need these anyway), then
# the marginal in-process cost of importing quotecli.cite and citing, timed inside the process.
MARGINAL = """
import dataclasses, json, pathlib, re, sys, time
import typer
start = time.perf_counter()
from quotecli.cite import render_citation
render_citation(json.loads(sys.argv[2]), style=sys.argv[3], paragraph=4,
                cache_dir=None if sys.argv[1] == "-" else pathlib.Path(sys.argv[1]))
print((time.perf_counter() - start) * 1000)
"""
IMPORT_PACKAGE = "import quotecli.cite"
IMPORT_ENGINE = "import quotecli.cite.engine"


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(args: list[str], runs: int) -> float:
    """Median wall time in ms of ``python args`` over ``runs`` fresh processes."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True, env=ENV)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def inner(args: list[str], runs: int) -> float:
    """Median of the ms a child process prints about itself."""
    return statistics.median(
        float(subprocess.run([sys.executable, *args], check=True, capture_output=True,
                             text=True, env=ENV).stdout)
        for _ in range(runs)
    )  # fmt: skip


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--style", default="apa")
    options = parser.parse_args()
    from quotecli import library, transcript
    from quotecli.cite.item import csl_item

    # the item the product builds for the bundled interview
    seed = transcript.load(library.bundled_dir() / "la-tribune-2024-02-ferrari.quote.txt")
    item = json.dumps(csl_item(seed))
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        for priming in (RENDER, MARGINAL):  # fills the cache and writes bytecode
            args = [sys.executable, "-c", priming, str(cache), item, options.style]
            subprocess.run(args, check=True, capture_output=True, env=ENV)
        cases = [
            ("python -c pass (baseline)", ["-c", "pass"]),
            ("import quotecli.cite", ["-c", IMPORT_PACKAGE]),
            ("import engine (citeproc + lxml)", ["-c", IMPORT_ENGINE]),
            ("cold citation (no cache)", ["-c", RENDER, "-", item, options.style]),
            ("warm citation (cache hit)", ["-c", RENDER, str(cache), item, options.style]),
        ]
        rows = [(name, timed(args, options.runs)) for name, args in cases]
        marginal = {
            label: inner(["-c", MARGINAL, where, item, options.style], options.runs)
            for label, where in (("cold", "-"), ("warm", str(cache)))
        }
    base = rows[0][1]
    print(f"style={options.style} runs={options.runs} python={sys.version.split()[0]}")
    print(f"{'measurement':34} {'median ms':>10} {'minus baseline':>15} {'x baseline':>11}")
    for name, ms in rows:
        print(f"{name:34} {ms:10.1f} {ms - base:15.1f} {ms / base:11.2f}")
    print("in-process cost once the CLI's own imports are loaded (import quotecli.cite + cite):")
    for label, ms in marginal.items():
        print(f"  {label:5} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
