"""Benchmark: ``quote import`` of the 8,228 Australian PM transcripts (issue 7, target < 2 min).

Unpacks ``../shared/corpus/pm-transcripts.tar.xz`` under a temporary folder (never in the
repository), imports every transcript into a fresh library with ``QUOTE_HOME`` pointing at a
temporary folder, and prints the time with a baseline measured in the same run: converting
every file without writing anything (the readers alone), so the ratio shows what the library
(files, catalogue, full-text index) adds. With ``--library URL`` the import goes into that
PostgreSQL database instead (issue 15; ``quote library init`` first, the database should be
empty). Prints numbers; never asserts timing.

    .venv/bin/python benchmarks/bench_import.py [--limit N] [--keep DIR] [--library URL]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARBALL = ROOT.parent / "shared" / "corpus" / "pm-transcripts.tar.xz"


def unpack(dest: Path) -> list[Path]:
    with tarfile.open(TARBALL) as tar:
        tar.extractall(dest, filter="data")
    return sorted(dest.rglob("transcript-*.xml"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="import only the first N files")
    ap.add_argument("--keep", type=Path, help="leave the library in this folder (for search)")
    ap.add_argument("--library", help="a postgresql:// URL: import into that database")
    args = ap.parse_args()
    if not TARBALL.exists():
        print(f"skipped: {TARBALL} is missing")
        return 0
    from quotecli import readers
    from quotecli.transcript import TranscriptError

    work = Path(tempfile.mkdtemp(prefix="quote-bench-import-"))
    try:
        t = time.perf_counter()
        files = unpack(work / "src")
        if args.limit:
            files = files[: args.limit]
        print(f"unpacked {len(files)} transcripts in {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        failed = 0
        for f in files:
            try:
                readers.convert(f.read_bytes(), f.name)
            except TranscriptError:
                failed += 1
        base = time.perf_counter() - t
        print(f"baseline, readers only: {base:.1f} s ({1000 * base / len(files):.1f} ms/file, "
              f"{failed} not convertible)")  # fmt: skip

        home = args.keep or work / "home"
        if home.exists():
            shutil.rmtree(home)
        folder = work / "src" / "batch"
        folder.mkdir()
        for f in files:
            (folder / f.name).symlink_to(f)
        env = {"QUOTE_HOME": str(home), "PATH": "/usr/bin:/bin"}
        if args.library:
            env["QUOTE_LIBRARY"] = args.library
            quote = [sys.executable, "-m", "quotecli", "library", "init"]
            print(subprocess.run(quote, env=env, capture_output=True, text=True).stdout.strip())
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "quotecli", "import", str(folder)],
            env=env,
            capture_output=True,
            text=True,
        )
        total = time.perf_counter() - t
        imported = proc.stdout.count("\nimported ") + proc.stdout.startswith("imported ")
        print(f"quote import: {total:.1f} s for {imported} imported, exit {proc.returncode} "
              f"({1000 * total / len(files):.1f} ms/file; ratio to readers only "
              f"{total / base:.2f}x; target < 120 s)")  # fmt: skip
        errors = [line for line in proc.stderr.splitlines() if "error:" in line]
        print(f"files refused: {len(errors)}")
        for line in errors[:5]:
            print("  ", line[:160])
        if args.library:
            import psycopg

            with psycopg.connect(args.library) as conn:
                rows, size = conn.execute(
                    "SELECT count(*), pg_database_size(current_database()) FROM sources"
                ).fetchone()
            print(f"library: {rows} rows, database {size / 1e6:.0f} MB")
        else:
            db = home / "library.sqlite"
            print(f"library: {sum(1 for _ in (home / 'transcripts').iterdir())} files, "
                  f"index {db.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    finally:
        shutil.rmtree(work / "src", ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
