"""Search by meaning over an imported library (issue 13, item 5): what sentence vectors cost.

The sentence encoder (``matching.semantic``, the ``semantic`` extra) only chooses the passage
shown beside a "not found". Its vectors are computed on first use, for the sources a phrase
makes candidates, and cached (``Environment.cache_dir``: ``QUOTE_HOME/cache`` for a private
home, else the user's cache folder), keyed by the sentences' text. This benchmark measures,
in one run, on a library of the PM corpus (``bench_scale.py prepare WORK`` converts it; the
library is built with ``bench_scale.build`` when DIR holds none):

- the encoder's rate and the vectors' size on every sentence of the first ``--sample``
  documents, extrapolated to every sentence of the library: what computing all vectors at
  import would cost;
- ``--phrases`` phrases not found (bench_scale's paraphrases): lexical only (the baseline),
  then by meaning on an empty vector cache (first use: the candidates' sentences are encoded),
  then by meaning again in a fresh ranker on the same cache (cached), with ratios;
- the cache's size on disk afterwards. Prints numbers; never asserts timing.

    .venv/bin/python benchmarks/bench_semantic.py WORK DIR [--docs 8228] [--sample 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _timed(searcher, phrases: list[str]) -> tuple[list[float], list]:
    times, results = [], []
    for phrase in phrases:
        t = time.perf_counter()
        results.append(searcher.search(phrase))
        times.append(time.perf_counter() - t)
    return times, results


def _line(label: str, times: list[float], base: float | None = None) -> str:
    p50 = statistics.median(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    ratio = f"  {p50 / base:6.1f}x lexical p50" if base else ""
    return f"  {label:34} p50 {1000 * p50:8.0f} ms  p95 {1000 * p95:8.0f} ms{ratio}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("work", type=Path)
    ap.add_argument("library", type=Path)
    ap.add_argument("--docs", type=int, default=8228)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--phrases", type=int, default=20)
    args = ap.parse_args()

    from quotecli import library
    from quotecli.matching import semantic
    from quotecli.search import Searcher

    if not semantic.available():
        print("the semantic extra is not installed: pip install -e '.[semantic]'")
        return 2
    if not library.exists(args.library):
        bench_scale.build(args.work, args.docs, str(args.library))
    with library.connect(args.library) as lib:
        ids = [e.id for e in lib.entries()]
        t = time.perf_counter()
        sentences = [len(lib.load_index(i).sentences) for i in ids]
        counting = time.perf_counter() - t
        sample = [
            [idx.source.text[s.start : s.end] for s in idx.sentences]
            for idx in (lib.load_index(i) for i in ids[: args.sample])
        ]
    total = sum(sentences)
    print(f"library: {len(ids):,} documents, {total:,} sentences "
          f"(mean {total / len(ids):.0f}; counted in {counting:.0f} s); load "
          f"{bench_scale._load_avg()}")  # fmt: skip

    cache = Path(tempfile.mkdtemp(prefix="quote-semantic-"))
    try:
        ranker = semantic.Ranker(cache)
        t = time.perf_counter()
        ranker.encode(["warm"])
        print(f"model load (first, from the package): {time.perf_counter() - t:.2f} s")
        n = sum(len(s) for s in sample)
        t, c = time.perf_counter(), time.process_time()
        for k, texts in enumerate(sample):
            ranker.vectors(ids[k], texts)
        took, cpu = time.perf_counter() - t, time.process_time() - c
        size = _folder_bytes(cache / "semantic" / f"vec-{ranker._version()}")
        rate = n / took
        print(
            f"encode {n:,} sentences of {len(sample)} documents: {took:.0f} s "
            f"({rate:.0f} sentences/s, CPU {cpu:.0f} s), vectors {size / 1e6:.1f} MB"
        )
        per = size / max(n, 1)
        print(f"  every sentence of the library at import: about {total / rate / 3600:.1f} h "
              f"on this machine, {total * 2048 / 1e9:.2f} GB of float32 vectors "
              f"(512 dimensions; {per:.0f} bytes a sentence as cached here)")  # fmt: skip
        shutil.rmtree(cache / "semantic" / f"vec-{ranker._version()}", ignore_errors=True)

        rows = [r for r in bench_scale.phrases(args.work) if r["kind"] == "paraphrase"]
        phrases = [r["phrase"] for r in rows[: args.phrases]]
        lexical = Searcher(library.provider(args.library))
        lexical.search("warm up the caches")
        base, lex = _timed(lexical, phrases)
        first = Searcher(library.provider(args.library), ranker=semantic.Ranker(cache))
        first.search("warm up the caches")  # loads the model (from its cache, as a user's 2nd run)
        shutil.rmtree(cache / "semantic" / f"vec-{ranker._version()}", ignore_errors=True)
        cold, by_meaning = _timed(first, phrases)
        after = _folder_bytes(cache / "semantic" / f"vec-{ranker._version()}")
        again = Searcher(library.provider(args.library), ranker=semantic.Ranker(cache))
        again.search("warm up the caches")
        warm, _ = _timed(again, phrases)
        b = statistics.median(base)
        print(f"{len(phrases)} phrases not found (bench_scale paraphrases), load "
              f"{bench_scale._load_avg()}:")  # fmt: skip
        print(_line("lexical (baseline)", base))
        print(_line("by meaning, first use (encodes)", cold, b))
        print(_line("by meaning, vectors cached", warm, b))
        meant = sum(
            1
            for r, res in zip(rows, by_meaning, strict=False)
            if res.closest is not None and res.closest.source.id == r["source"]
        )
        lex_meant = sum(
            1
            for r, res in zip(rows, lex, strict=False)
            if res.closest is not None and res.closest.source.id == r["source"]
        )
        print(f"  closest passage from the phrase's own source: lexical {lex_meant}, by meaning "
              f"{meant} of {len(phrases)}")  # fmt: skip
        print(f"  vector cache after these phrases: {after / 1e6:.1f} MB "
              f"({os.path.basename(str(cache))})")  # fmt: skip
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
