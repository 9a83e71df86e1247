"""Where transcripts live: the interview bundled with quote, and the user's library.

The bundled transcripts ship inside the package (``quotecli/data`` in a wheel, ``data/`` in a
source checkout). The user's library is ``home/transcripts/ID.quote.txt`` plus the catalogue
and full-text index ``home/library.sqlite`` (``quotecli.index``); ``home`` is settled by the
command line (``$QUOTE_HOME`` or the platform's data directory) and passed in.

Nothing lost, nothing broken: an import writes each transcript to ``home/staging/`` first, then
in ONE SQLite transaction records the rows, the full-text words and a redo log (staged → final),
and only then renames the staged files into place (``os.replace``) and clears the log. Killed
before the commit, the library is as it was (the staged files are swept at the next open);
killed after it, the next open finishes the renames. The catalogue decides what is in the
library; a transcript file without a row is ignored. Nothing here reads ``../shared``, the
network or the environment.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quotecli import transcript
from quotecli.library import index
from quotecli.status import DataError
from quotecli.text import ids
from quotecli.transcript import Source

if TYPE_CHECKING:  # imported where used: a search without a library never loads them
    import sqlite3

SUFFIX = ".quote.txt"
_STAGED = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.[0-9a-f]{8}\.tmp$")
CANDIDATES = 8  # library sources searched per phrase, besides the bundled ones
CACHE = 256  # parsed library sources kept in memory by a provider


class LibraryError(DataError):
    """The library cannot do what was asked (an id taken, an id unknown, a damaged index)."""


def bundled_dir() -> Path:
    """The folder of bundled transcripts (installed package first, then a source checkout)."""
    here = Path(__file__).resolve().parents[1]  # the quotecli package
    for candidate in (here / "data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise transcript.TranscriptError("the bundled transcripts are missing from this install")


def transcript_paths(folder: Path) -> list[Path]:
    """Transcript files of a folder, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))


def bundled_sources() -> list[Source]:
    return [transcript.load(p) for p in transcript_paths(bundled_dir())]


class Item(NamedTuple):
    """One transcript ready to enter the library: its id, its text and the reader that made it."""

    id: str
    text: str
    format: str | None = None
    source: Source | None = None  # parsed already (an import parses each file once)


def _guarded(method):
    """A library method whose SQLite errors become one line saying the index is damaged."""
    import functools

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        import sqlite3

        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "readonly" in str(exc) or "disk I/O" in str(exc):
                raise LibraryError(
                    f"the library at {self.home} cannot be written ({exc})"
                ) from None
            raise index.damaged(self.home, exc) from None
        except sqlite3.DatabaseError as exc:
            raise index.damaged(self.home, exc) from None

    return run


class Library:
    """The user's library at ``home``: catalogue, files, imports, removals, retrieval.

    A context manager, like sqlite-utils' ``Database``: ``with Library(home) as lib: …``
    closes the catalogue whatever happens. The catalogue is opened on first use.
    """

    def __init__(self, home: Path):
        self.home = Path(home)
        self.folder = self.home / "transcripts"
        self.staging = self.home / "staging"
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = index.connect(self.home)
            self.recover()
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @_guarded
    def recover(self) -> None:
        """Finish a committed import that was cut short; sweep what an uncommitted one left."""
        db = self.db
        done = []
        for staged, final in db.execute("SELECT staged, final FROM pending").fetchall():
            if os.path.exists(staged):
                os.replace(staged, final)
            done.append(staged)
        if done:
            db.execute("DELETE FROM pending")
        if self.staging.is_dir():
            # only what an import of ours left (ID.HEX.tmp): nothing else there is ours to delete
            for leftover in self.staging.glob("*.tmp"):
                if _STAGED.match(leftover.name):
                    leftover.unlink(missing_ok=True)

    def path(self, source_id: str) -> Path:
        """The file of a source id, checked to be a plain name inside the library's folder."""
        ids.check(source_id)
        path = self.folder / f"{source_id}{SUFFIX}"
        if path.parent != self.folder:  # belt and braces: ids.check allows no separator
            raise LibraryError(f"{source_id!r}: not a name inside the library")
        return path

    @_guarded
    def entries(self) -> list[index.Entry]:
        return index.entries(self.db)

    @_guarded
    def has(self, source_id: str) -> bool:
        return index.entry(self.db, source_id) is not None

    @_guarded
    def add(self, items: list[Item], force: bool = False) -> list[str]:
        """Add transcripts in one transaction; return their ids. Ids taken need ``force``."""
        bundled = {p.name[: -len(SUFFIX)] for p in transcript_paths(bundled_dir())}
        seen: set[str] = set()
        for item in items:
            if item.id in bundled:
                raise LibraryError(f"{item.id}: the id of a bundled transcript")
            if item.id in seen:
                raise LibraryError(f"{item.id}: two files give the same id (pass --id)")
            seen.add(item.id)
            if not force and self.has(item.id):
                raise LibraryError(f"{item.id}: already in the library (pass --force to replace)")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.staging.mkdir(parents=True, exist_ok=True)
        staged = []
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                tmp = self.staging / f"{item.id}.{os.urandom(4).hex()}.tmp"
                staged.append((item, tmp, None))
                with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(item.text)
                final = str(self.path(item.id))
                source = (
                    replace(item.source, path=final)
                    if item.source is not None
                    else transcript.parse(item.text, final)
                )
                index.put(db, source, self.path(item.id).name, item.format)
                db.execute("INSERT INTO pending VALUES (?, ?)", (str(tmp), str(self.path(item.id))))
            _before_commit()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            for _, tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise
        for item, tmp, _ in staged:
            os.replace(tmp, self.path(item.id))
        db.execute("DELETE FROM pending")
        return [item.id for item in items]

    @_guarded
    def remove(self, source_id: str) -> None:
        """Take a transcript out of the library (its row first, then its file)."""
        if not self.has(source_id):
            raise LibraryError(f"{source_id}: not in the library (see quote sources)")
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        index.delete(db, source_id)
        db.execute("COMMIT")
        self.path(source_id).unlink(missing_ok=True)

    @_guarded
    def load(self, source_id: str) -> Source:
        """A library transcript by id."""
        if not self.has(source_id):
            raise LibraryError(f"{source_id}: not in the library (see quote sources)")
        return transcript.load(self.path(source_id))

    @_guarded
    def candidates(self, words: list[str], limit: int = CANDIDATES) -> list[str]:
        return index.candidates(self.db, words, limit)


def _before_commit() -> None:
    """Test seam: the point where a killed import must leave the library as it was."""


def exists(home: Path | None) -> bool:
    """Whether ``home`` holds a library (its catalogue) at all."""
    return home is not None and (Path(home) / index.FILENAME).exists()


def provider(home: Path | None, only: tuple[str, ...] = ()):
    """A Searcher provider: bundled sources plus the library's best candidates for a phrase.

    With ``only`` (``--source``), exactly those sources. Parsed sources are cached (the same
    object each time, so the Searcher keeps its index of them).
    """
    bundled = bundled_sources()
    lib = Library(home) if home is not None and exists(home) else None
    cache: OrderedDict[str, Source] = OrderedDict()
    unknown = [i for i in only if i not in {s.id for s in bundled} and not (lib and lib.has(i))]
    if unknown:
        raise LibraryError(f"no source {unknown[0]!r} (see quote sources)")

    def get(source_id: str) -> Source | None:
        if source_id in cache:
            cache.move_to_end(source_id)
            return cache[source_id]
        try:
            source = lib.load(source_id) if lib else None
        except LibraryError:
            return None
        if source is not None:
            cache[source_id] = source
            if len(cache) > CACHE:
                cache.popitem(last=False)
        return source

    def provide(words: list[str]) -> list[Source]:
        if only:
            out = [s for s in bundled if s.id in only]
            return out + [s for s in map(get, only) if s is not None and s not in out]
        if lib is None:
            return list(bundled)
        found = [get(i) for i in lib.candidates(words)]
        return bundled + [s for s in found if s is not None]

    return provide


def speaker_names(home: Path | None) -> list[str]:
    """Every speaker's and interviewer's name, bundled and in the library (from the catalogue,
    without loading the transcripts): the names a draft may attribute quotations to."""
    names = []
    for s in bundled_sources():
        names += [sp.name for sp in s.speakers] + ([s.interviewer] if s.interviewer else [])
    if home is not None and exists(home):
        with Library(home) as lib:
            for e in lib.entries():
                names += [sp["name"] for sp in e.speakers if sp.get("name")]
    return list(dict.fromkeys(names))


def load_sources(library: Path | None = None) -> list[Source]:
    """The bundled transcripts, then every transcript of the user's library."""
    sources = bundled_sources()
    if library is not None and exists(library):
        with Library(library) as lib:
            sources += [lib.load(e.id) for e in lib.entries()]
    return sources
