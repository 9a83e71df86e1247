"""``quote library check`` and ``quote library rebuild``: a damaged index, found and re-made.

The transcripts (``home/transcripts/*.quote.txt``) are the library's content; the index
(``library.sqlite``) is derived from them. ``check`` says whether the index opens, passes
SQLite's integrity check and agrees with the files. ``rebuild`` never deletes anything: it
moves the old index aside (``library.sqlite.damaged-TIMESTAMP``, with its -wal and -shm), then
re-creates the index from every stored transcript that still reads, in one transaction, and
names the ones that do not (they stay where they are, for a person to mend or remove).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NamedTuple

from quotecli.library import SUFFIX, Item, Library, index


class Report(NamedTuple):
    """What ``check`` found, or what ``rebuild`` did: one line per problem or step."""

    ok: bool
    lines: tuple[str, ...]


def check(home: Path | str) -> Report:
    """Whether the library at ``home`` is whole: index readable and in step with the files."""
    home = Path(home)
    import sqlite3

    lines: list[str] = []
    path = home / index.FILENAME
    if not path.exists():
        return Report(True, ("no library index here yet (nothing imported)",))
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            rows = {r[0]: r[1] for r in db.execute("SELECT id, file FROM sources")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return Report(False, (f"the index cannot be read ({exc}): run 'quote library rebuild'",))
    if verdict != "ok":
        lines.append(f"the index fails SQLite's check ({verdict}): run 'quote library rebuild'")
    folder = home / "transcripts"
    files = {p.name for p in folder.glob(f"*{SUFFIX}")} if folder.is_dir() else set()
    for sid, file in sorted(rows.items()):
        if file not in files:
            lines.append(f"{sid}: in the index but its file {file} is missing")
    for name in sorted(files - set(rows.values())):
        lines.append(f"{name}: a transcript file the index does not list")
    ok = not lines
    return Report(ok, tuple(lines) or (f"{len(rows)} transcripts, index whole",))


def rebuild(home: Path | str) -> Report:
    """Re-create the index from the stored transcripts; the old index is kept aside."""
    home = Path(home)
    from quotecli import transcript

    stamp = time.strftime("%Y%m%d-%H%M%S")
    lines: list[str] = []
    for suffix in ("", "-wal", "-shm"):
        old = home / f"{index.FILENAME}{suffix}"
        if old.exists():
            kept = home / f"{index.FILENAME}{suffix}.damaged-{stamp}"
            os.replace(old, kept)
            if not suffix:
                lines.append(f"old index kept as {kept.name}")
    folder = home / "transcripts"
    items: list[Item] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        try:
            source = transcript.load(path)
        except transcript.TranscriptError as exc:
            lines.append(f"left out (kept in place): {exc}")
            continue
        if path.name != f"{source.id}{SUFFIX}":
            lines.append(f"left out (kept in place): {path.name} holds id {source.id!r}")
            continue
        items.append(Item(source.id, source.text, None, source))
    with Library(home) as lib:
        lib.add(items, force=True)
    lines.append(f"index rebuilt from {len(items)} transcripts")
    return Report(True, tuple(lines))
