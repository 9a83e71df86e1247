"""Benchmark: phrases searched over a large library (issue 7, target <= 0.5 s per phrase).

Needs a library built by ``bench_import.py --keep DIR`` (or ``--library URL``: pass the URL
instead of DIR to search the PostgreSQL library). Runs, in one process, a batch of
phrases through ``Searcher`` with the library provider (FTS5 candidates + the bundled
interview), against a baseline measured in the same run: the same batch over the bundled
interview alone. Phrases: sentences taken from random library transcripts (found), and the
bundled interview's query table (tests/queries/la-tribune.tsv), whose answers must be the same
with and without the library — never-said phrases still refused. Prints numbers; never asserts
timing.

    .venv/bin/python benchmarks/bench_library_search.py DIR|URL [--phrases N]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sample_phrases(where, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(source id, phrase): a sentence of 6–14 words from random library transcripts."""
    from quotecli import library

    lib = library.connect(where)
    ids = [e.id for e in lib.entries()]
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < n:
        src = lib.load(rng.choice(ids))
        turns = [t for t in src.turns if t.speaker.role != "editor"]
        if not turns:
            continue
        t = rng.choice(turns)
        sentences = re.split(r"(?<=[.?!])\s+", src.text[t.start : t.end])
        words = rng.choice(sentences).split()
        if 6 <= len(words) <= 14:
            out.append((src.id, " ".join(words)))
    lib.close()
    return out


def run_batch(searcher, phrases):
    from quotecli.search import SearchOptions

    t = time.perf_counter()
    results = [searcher.search(p, SearchOptions()) for p in phrases]
    return time.perf_counter() - t, results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("where", help="the library's folder, or a postgresql:// URL")
    ap.add_argument("--phrases", type=int, default=100)
    args = ap.parse_args()
    from quotecli import library
    from quotecli.search import Searcher

    where = args.where if args.where.startswith("postgres") else Path(args.where)
    with library.connect(where) as lib:
        n_sources = len(lib.entries())
    print(f"library: {n_sources} transcripts")
    table = list(csv.DictReader(open(ROOT / "tests/queries/la-tribune.tsv"), delimiter="\t"))
    tribune = [row["query"] for row in table]
    sampled = sample_phrases(where, args.phrases)

    base_time, base = run_batch(Searcher(library.bundled_sources()), tribune)
    t = time.perf_counter()
    searcher = Searcher(library.provider(where))
    lib_time, with_lib = run_batch(searcher, tribune)
    print(f"bundled query table ({len(tribune)} phrases): bundled only {base_time:.2f} s, "
          f"with library {lib_time:.2f} s ({lib_time / len(tribune) * 1000:.0f} ms/phrase, "
          f"ratio {lib_time / base_time:.1f}x)")  # fmt: skip
    changed = [
        q for q, a, b in zip(tribune, base, with_lib, strict=True)
        if (a.found, a.matches[0].quote if a.found else None)
        != (b.found, b.matches[0].quote if b.found else None)
    ]  # fmt: skip
    refused = sum(1 for row, r in zip(table, with_lib, strict=True)
                  if row["expect"] != "found" and not r.found)  # fmt: skip
    never = sum(1 for row in table if row["expect"] != "found")
    print(f"answers changed by the library: {len(changed)}; not-found phrases still refused: "
          f"{refused}/{never}")  # fmt: skip
    for q in changed[:5]:
        print("   changed:", q)

    t = time.perf_counter()
    hits = found = 0
    worst = 0.0
    for sid, phrase in sampled:
        t1 = time.perf_counter()
        r = searcher.search(phrase)
        worst = max(worst, time.perf_counter() - t1)
        found += r.found
        hits += bool(r.found and any(m.source.id == sid for m in r.matches))
    total = time.perf_counter() - t
    print(f"library sentences ({len(sampled)} phrases): {total:.2f} s, "
          f"{total / len(sampled) * 1000:.0f} ms/phrase (worst {worst * 1000:.0f} ms; "
          f"target <= 500 ms); found {found}/{len(sampled)}, shown in their own source"
          f" {hits}/{len(sampled)} (the same words are often in several transcripts)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
