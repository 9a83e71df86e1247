"""Start-up: `quote "alternative à OpenAI"` against `python -c pass`, in the same run.

Side by side, taking turns: `python -c pass`, a stdlib-only script that does an exact search of
the bundled transcript (the floor for a Python tool that reads the file), and quote (found,
found as JSON, the fuzzy path of a phrase not found), with ``--baseline REF`` the same quote
commands for the code at REF (a temporary git worktree, on PYTHONPATH). Each command is timed
by its CPU seconds (user + system, from the kernel: what a shared machine disturbs least) and
the minimum over ``--runs`` runs is kept. Prints milliseconds and ratios to `python -c pass`
(issue 16 target: a found phrase at most 4.5x, stretch 3x). Never fails on timing.

    .venv/bin/python benchmarks/bench_startup.py [--runs 40] [--baseline REF]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHRASE = "alternative à OpenAI"
STDLIB_SEARCH = """
import sys, unicodedata
def fold(t):
    return "".join(c for c in unicodedata.normalize("NFD", t.casefold())
                   if not unicodedata.combining(c))
text = open(sys.argv[1], encoding="utf-8").read()
at = fold(text).find(fold(sys.argv[2]))
print(text[at : at + len(sys.argv[2])] if at >= 0 else "no match")
"""


def _cpu(cmd: list[str], env: dict) -> float:
    # run from the private home: `python -c` puts the working directory first on sys.path,
    # which would shadow the baseline tree on PYTHONPATH when run from the checkout
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=env["HOME"], check=False, timeout=60)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


@contextlib.contextmanager
def _worktree(ref: str | None):
    if ref is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="quote-baseline-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(folder), ref],
                   check=True)  # fmt: skip
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)],
                       check=False)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--baseline", metavar="REF", help="git ref to compare with (e.g. main)")
    args = ap.parse_args()
    py = sys.executable
    home = tempfile.mkdtemp(prefix="quote-bench-")
    # a user's setting: no QUOTE_HOME, the folders under a (fresh) HOME, as platformdirs says
    env = dict(os.environ, HOME=home, LANG="C.UTF-8")
    # bytecode is written, as an installed package has it
    for var in ("QUOTE_HOME", "QUOTE_LIBRARY", "QUOTE_STYLE", "LC_ALL", "LC_MESSAGES",
                "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                "XDG_CACHE_HOME"):  # fmt: skip
        env.pop(var, None)
    bundled = str(ROOT / "data" / "la-tribune-2024-02-ferrari.quote.txt")
    # quote runs as its entry point does (quotecli.main:main), from the tree on PYTHONPATH
    entry = "import sys; from quotecli.main import main; sys.exit(main())"
    quote_cases = {
        f'quote "{PHRASE}"': [PHRASE],
        f'quote --json "{PHRASE}"': ["--json", PHRASE],
        'quote "Microsoft rachète Mistral" (not found)': ["Microsoft rachète Mistral"],
    }
    with _worktree(args.baseline) as base:
        cases: dict[str, tuple[list[str], dict]] = {
            "python -c pass": ([py, "-c", "pass"], env),
            "stdlib-only exact search": ([py, "-c", STDLIB_SEARCH, bundled, PHRASE], env),
        }
        trees = [("", ROOT)] + ([(f"baseline {args.baseline}: ", base)] if base else [])
        for label, tree in trees:
            tree_env = dict(env, PYTHONPATH=str(tree))
            for name, argv in quote_cases.items():
                cases[label + name] = ([py, "-c", entry, *argv], tree_env)
        for cmd, e in cases.values():
            _cpu(cmd, e)  # warm-up: bytecode written, citation cache filled
        best = dict.fromkeys(cases, float("inf"))
        for _ in range(args.runs):
            for name, (cmd, e) in cases.items():
                best[name] = min(best[name], _cpu(cmd, e))
    base_ms = best["python -c pass"] * 1000
    print(f"start-up: minimum CPU time of {args.runs} runs each, taking turns "
          f"({os.cpu_count()} cores)")  # fmt: skip
    for name, seconds in best.items():
        ms = seconds * 1000
        print(f"  {name:64s} {ms:7.1f} ms  {ms / base_ms:5.2f}x")
    print("target: a found phrase at most 4.5x python -c pass (stretch 3x), issue 16")


if __name__ == "__main__":
    main()
