"""Benchmark: the library at 1k, 10k and 100k transcripts, on SQLite and PostgreSQL (issue 15).

Libraries are made of the 8,228 PM transcripts of ``../shared/corpus/pm-transcripts.tar.xz``
(converted once by the readers into ``WORK/corpus``), in id order, then of perturbed copies
under new ids (``ID-cK``) past 8,228: a copy is its transcript with one word in four of four
letters or more (lower case or capitalised, never a label in capitals) replaced by a word
drawn from the corpus's own words, by frequency (seeded: the same copies every run). A copy
keeps the speakers, the structure and the vocabulary's distribution, so it competes for
every candidate query, without holding the original's sentences word for word.

Phrases come from the first 1,000 transcripts (in every library): ``exact`` (a sentence of
6–14 words as printed), ``typo`` (the same sentences with one or two letters exchanged inside
a word of five letters or more, the kind of typo the matcher forgives), ``paraphrase`` (two
content words replaced and one word dropped) and ``never`` (eight corpus words in random
order). ``query`` times each phrase through ``Searcher`` over the library provider (one warm
searcher per client), with 1 client, or with ``--clients N`` processes at once, and writes
every answer to a JSON file; ``compare`` says whether two runs gave the same answers.
Prints numbers; never asserts timing.

    .venv/bin/python benchmarks/bench_scale.py prepare WORK
    .venv/bin/python benchmarks/bench_scale.py build WORK N DIR|URL
    .venv/bin/python benchmarks/bench_scale.py query WORK DIR|URL OUT.json [--clients N]
    .venv/bin/python benchmarks/bench_scale.py compare A.json B.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARBALL = ROOT.parent / "shared" / "corpus" / "pm-transcripts.tar.xz"
SUFFIX = ".quote.txt"
PHRASES = 50  # per kind
BATCH = 500  # transcripts per transaction, as ``quote import``
_WORD = re.compile(r"[^\W\d_]{4,}")


def _load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def prepare(work: Path) -> None:
    """Convert every corpus transcript once (the readers' time is printed, not counted again)."""
    from quotecli import readers
    from quotecli.transcript import TranscriptError

    out = work / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    src = work / "xml"
    if not src.is_dir():
        with tarfile.open(TARBALL) as tar:
            tar.extractall(src, filter="data")
    files = sorted(src.rglob("transcript-*.xml"))
    t = time.perf_counter()
    failed = 0
    for f in files:
        try:
            got = readers.convert(f.read_bytes(), f.name)
        except TranscriptError:
            failed += 1
            continue
        (out / f"{got.id}{SUFFIX}").write_text(got.text, encoding="utf-8")
    took = time.perf_counter() - t
    print(f"readers: {len(files)} files in {took:.1f} s ({1000 * took / len(files):.1f} ms/file,"
          f" {failed} refused); load {_load_avg()}")  # fmt: skip


def _originals(work: Path) -> list[Path]:
    return sorted((work / "corpus").glob(f"*{SUFFIX}"))


def _split(text: str) -> tuple[str, str]:
    end = text.index("\n+++\n", 3) + 5
    return text[:end], text[end:]


def _vocabulary(work: Path, rng: random.Random) -> list[str]:
    words: list[str] = []
    for p in _originals(work)[::7]:
        words += [w.lower() for w in _WORD.findall(_split(p.read_text(encoding="utf-8"))[1])]
    rng.shuffle(words)
    return words[:500_000]


def perturb(text: str, new_id: str, vocab: list[str], rng: random.Random) -> str:
    """A copy of a transcript under ``new_id``: one word in four replaced (module docstring)."""
    head, body = _split(text)
    head = re.sub(r'^id = ".*"$', f'id = "{new_id}"', head, count=1, flags=re.M)

    def swap(m: re.Match) -> str:
        w = m.group()
        if w.isupper() or rng.random() >= 0.25:
            return w
        other = rng.choice(vocab)
        return other.capitalize() if w[0].isupper() else other

    lines = [ln if ln.startswith(":::") else _WORD.sub(swap, ln) for ln in body.split("\n")]
    return head + "\n".join(lines)


def _documents(work: Path):
    """(id, text) of the documents of the scale series, in order, without end: the originals,
    then their copies (the caller stops when it has enough)."""
    originals = _originals(work)
    for p in originals:
        yield p.name[: -len(SUFFIX)], p.read_text(encoding="utf-8")
    rng = random.Random(15)
    vocab = _vocabulary(work, rng)
    k = 0
    while True:
        k += 1
        for p in originals:
            sid = p.name[: -len(SUFFIX)]
            new_id = f"{sid}-c{k}"
            yield new_id, perturb(p.read_text(encoding="utf-8"), new_id, vocab, rng)


def _is_url(where: str) -> bool:
    return where.startswith("postgres")


def _connect(where: str):
    from quotecli import library

    return library.connect(where if _is_url(where) else Path(where))


def build(work: Path, n: int, where: str) -> None:
    """Import documents until the library holds ``n`` (a library built before goes on where
    its series stopped) in transactions of ``BATCH``, as ``quote import`` (each checked
    for an id taken and for content already in the library, issue 12). The corpus holds the
    same transcript under two ids 71 times; the second is skipped, as ``quote import`` would
    refuse it, and the next document taken instead."""
    from quotecli import transcript
    from quotecli.library import Item, backend

    with _connect(where) as lib:
        lib.init()
        held = len(lib.entries())  # a library grown before: the series goes on past it
        documents = _documents(work)
        seen: set[str] = set()
        while len(seen) < held:  # the same copies as the first build made, skipped
            sid, text = next(documents)
            seen.add(backend.digest(transcript.parse(text, f"{sid}{SUFFIX}")))
        t, c = time.perf_counter(), time.process_time()
        batch: list[Item] = []
        done, skipped = held, 0
        making = 0.0  # the benchmark's own making of copies (``perturb``), not an import's
        while True:
            m = time.perf_counter()
            sid, text = next(documents)
            making += time.perf_counter() - m
            if done + len(batch) >= n:
                break
            source = transcript.parse(text, f"{sid}{SUFFIX}")
            key = backend.digest(source)
            if key in seen:
                skipped += 1
                continue
            seen.add(key)
            batch.append(Item(sid, text, "pm", source, key))
            if len(batch) >= BATCH:
                lib.add(batch)
                done += len(batch)
                batch = []
                if done % 10_000 == 0:
                    el = time.perf_counter() - t
                    rate = (done - held) / el
                    print(f"  {done:,} in {el:.0f} s ({rate:.0f}/s), load {_load_avg()}",
                          flush=True)  # fmt: skip
        if batch:
            lib.add(batch)
            done += len(batch)
        took, cpu = time.perf_counter() - t, time.process_time() - c
    added = done - held
    print(f"import {added:,} documents ({held:,} there before) into {where}: {took:.0f} s "
          f"({added / took:.1f}/s, {1000 * took / added:.1f} ms each, {skipped} duplicates "
          f"skipped; this process's CPU {cpu:.0f} s); load {_load_avg()}")  # fmt: skip
    print(
        f"  of which making the copies {making:.0f} s: the import itself {took - making:.0f} s "
        f"({added / (took - making):.1f}/s)"
    )
    print(f"size: {_size(where)}")


def _size(where: str) -> str:
    if _is_url(where):
        import psycopg

        with psycopg.connect(where) as conn:
            row = conn.execute(
                "SELECT pg_database_size(current_database()), pg_total_relation_size('sources'),"
                " pg_relation_size('sources_tsv')"
            ).fetchone()
        assert row is not None
        db, table, gin = row
        return f"database {db / 1e6:.0f} MB (sources {table / 1e6:.0f} MB, GIN {gin / 1e6:.0f} MB)"
    home = Path(where)
    files = sum(p.stat().st_size for p in (home / "transcripts").iterdir())
    import sqlite3

    db = sqlite3.connect(home / "library.sqlite")
    sizes = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    db.close()
    fts = sum(v for k, v in sizes.items() if k.startswith("fts"))
    index = (home / "library.sqlite").stat().st_size
    layouts, vocabulary = sizes.get("layouts", 0), sizes.get("vocabulary", 0)
    return (
        f"index {index / 1e6:.0f} MB (FTS5 {fts / 1e6:.0f} MB, layouts {layouts / 1e6:.0f}"
        f" MB, vocabulary {vocabulary / 1e6:.1f} MB), transcripts {files / 1e6:.0f} MB"
    )


def phrases(work: Path) -> list[dict]:
    """The phrase sets (module docstring), the same for every library and run."""
    from quotecli import transcript
    from quotecli.text import lexicon

    rng = random.Random(42)
    originals = _originals(work)[:1000]
    picked: list[tuple[str, str]] = []
    while len(picked) < PHRASES * 3:
        p = rng.choice(originals)
        src = transcript.load(p)
        turns = [t for t in src.turns if t.speaker.role != "editor"]
        if not turns:
            continue
        t = rng.choice(turns)
        sentence = rng.choice(re.split(r"(?<=[.?!])\s+", src.text[t.start : t.end]))
        words = sentence.split()
        if 6 <= len(words) <= 14 and (src.id, sentence) not in picked:
            picked.append((src.id, sentence))
    out = [{"kind": "exact", "source": s, "phrase": p} for s, p in picked[:PHRASES]]
    for s, p in picked[:PHRASES]:
        words = p.split()
        slots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.islower()]
        for i in rng.sample(slots, min(len(slots), 1 + (len(words) >= 10))):
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        out.append({"kind": "typo", "source": s, "phrase": " ".join(words)})
    vocab = sorted({w.lower() for _, p in picked for w in _WORD.findall(p)})
    for s, p in picked[PHRASES : 2 * PHRASES]:
        words = p.split()
        content = [i for i, w in enumerate(words) if lexicon.is_content(w.lower().strip(".,?!"))]
        for i in rng.sample(content, min(2, len(content))):
            words[i] = rng.choice(vocab)
        del words[rng.randrange(len(words))]
        out.append({"kind": "paraphrase", "source": s, "phrase": " ".join(words)})
    for _ in range(PHRASES):
        out.append({"kind": "never", "source": None, "phrase": " ".join(rng.sample(vocab, 8))})
    return out


_searcher = None


def _init(where: str) -> None:
    global _searcher
    from quotecli import library
    from quotecli.search import Searcher

    _searcher = Searcher(library.provider(where if _is_url(where) else Path(where)))


def _ask(row: dict) -> dict:
    assert _searcher is not None
    t, c = time.perf_counter(), time.process_time()
    r = _searcher.search(row["phrase"])
    took, cpu = time.perf_counter() - t, time.process_time() - c
    first = r.matches[0] if r.found else None
    return {
        **row, "seconds": took, "cpu": cpu, "found": r.found, "ambiguous": r.ambiguous,
        "sources": [m.source.id for m in r.matches],
        "quote": first.quote if first else None,
        "closest": r.closest.source.id if r.closest else None,
    }  # fmt: skip


def query(work: Path, where: str, out: Path, clients: int) -> None:
    rows = phrases(work)
    with _connect(where) as lib:
        n = len(lib.entries())
    t = time.perf_counter()
    if clients == 1:
        _init(where)
        _ask({"kind": "warm-up", "source": None, "phrase": "warm up the caches"})
        answers = [_ask(r) for r in rows]
    else:
        import multiprocessing

        rows = [r for r in rows if r["kind"] in ("exact", "typo")]
        with multiprocessing.get_context("fork").Pool(clients, _init, (where,)) as pool:
            answers = pool.map(_ask, rows, chunksize=1)
    wall = time.perf_counter() - t
    print(f"{n:,} documents, {where}, {clients} client(s): {len(rows)} phrases in {wall:.1f} s "
          f"({len(rows) / wall:.1f} phrases/s); load {_load_avg()}")  # fmt: skip
    for kind in ("exact", "typo", "paraphrase", "never"):
        got = [a for a in answers if a["kind"] == kind]
        if not got:
            continue
        secs = sorted(a["seconds"] for a in got)
        p95 = secs[min(len(secs) - 1, round(0.95 * (len(secs) - 1)))]
        own = sum(1 for a in got if a["found"] and a["source"] in a["sources"])
        found = sum(a["found"] for a in got)
        cpu = sorted(a["cpu"] for a in got)
        print(f"  {kind:10} p50 {statistics.median(secs) * 1000:5.0f} ms  p95 {p95 * 1000:5.0f} ms"
              f"  max {secs[-1] * 1000:5.0f} ms  found {found}/{len(got)}, in its own source "
              f"{own}/{len(got)}; client CPU p50 {statistics.median(cpu) * 1000:.0f} ms"
              f" p95 {_p95(cpu) * 1000:.0f} ms")  # fmt: skip
    out.write_text(json.dumps({"documents": n, "clients": clients, "answers": answers}, indent=1))


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def compare(a: Path, b: Path) -> None:
    x, y = json.loads(a.read_text()), json.loads(b.read_text())
    keys = ("found", "ambiguous", "sources", "quote", "closest")
    differ = [
        (p["phrase"], {k: (p[k], q[k]) for k in keys if p[k] != q[k]})
        for p, q in zip(x["answers"], y["answers"], strict=True)
        if any(p[k] != q[k] for k in keys)
    ]
    print(f"{len(x['answers']) - len(differ)}/{len(x['answers'])} answers identical")
    for phrase, what in differ[:10]:
        print("  differs:", phrase[:60], what)


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("work", type=Path)
    p = sub.add_parser("build")
    p.add_argument("work", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("where")
    p = sub.add_parser("query")
    p.add_argument("work", type=Path)
    p.add_argument("where")
    p.add_argument("out", type=Path)
    p.add_argument("--clients", type=int, default=1)
    p = sub.add_parser("compare")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "prepare":
        if not TARBALL.exists():
            print(f"skipped: {TARBALL} is missing")
            return 0
        prepare(args.work)
    elif args.cmd == "build":
        build(args.work, args.n, args.where)
    elif args.cmd == "query":
        query(args.work, args.where, args.out, args.clients)
    else:
        compare(args.a, args.b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
