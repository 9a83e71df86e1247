"""Where transcripts live: the interview bundled with quote, and the user's library.

The bundled transcripts ship inside the package (``quotecli/data`` in a wheel, ``data/`` in a
source checkout). The user's library is ``home/transcripts/ID.quote.txt`` plus the catalogue
and full-text index ``home/library.sqlite`` (``quotecli.index``); ``home`` is settled by the
command line (``$QUOTE_HOME`` or the platform's data directory) and passed in. A library may
instead live in PostgreSQL (``postgres``, issue 15): ``open_library`` picks the backend from
``Environment.library``; both implement ``backend.Backend``, and the functions below take either
a folder or a ``postgresql://`` URL (``where``).

Nothing lost, nothing broken: an import writes each transcript to ``home/staging/`` first, then
in ONE SQLite transaction records the rows, the full-text words and a redo log (staged → final),
and only then renames the staged files into place (``os.replace``) and clears the log. Killed
before the commit, the library is as it was (the staged files are swept at the next open that
finds no import running); killed after it, the next open finishes the renames. The catalogue
decides what is in the library; a transcript file without a row is ignored. Nothing here reads
``../shared``, the network or the environment.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import OrderedDict

from quotecli import transcript
from quotecli.context import is_database_url
from quotecli.library import index
from quotecli.library.backend import Schema, check_items
from quotecli.matching.index import SourceIndex
from quotecli.records import NamedTuple, replace
from quotecli.status import DataError
from quotecli.text import ids
from quotecli.transcript import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # imported where used: a search without a library never loads them
    import sqlite3
    from pathlib import Path

    from quotecli.context import Environment
    from quotecli.library.backend import Backend

SUFFIX = ".quote.txt"
_STAGED = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.[0-9a-f]{8}\.tmp$")
CANDIDATES = 8  # library sources searched per phrase, besides the bundled ones
CACHE = 256  # indexed library sources kept in memory by a provider
RELAYOUT_BATCH = 500  # layouts re-made per transaction by ``init``


class LibraryError(DataError):
    """The library cannot do what was asked (an id taken, an id unknown, a damaged index)."""


def bundled_dir() -> Path:
    """The folder of bundled transcripts (installed package first, then a source checkout)."""
    from pathlib import Path

    return Path(_bundled_folder())


def _bundled_folder() -> str:
    # strings, not pathlib: a plain search does not load pathlib (about 7 ms, issue 16)
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the quotecli package
    for candidate in (os.path.join(here, "data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isdir(candidate):
            return candidate
    raise transcript.TranscriptError("the bundled transcripts are missing from this install")


def transcript_paths(folder: Path) -> list[Path]:
    """Transcript files of a folder, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))


def bundled_sources() -> list[Source]:
    folder = _bundled_folder()
    names = sorted(name for name in os.listdir(folder) if name.endswith(SUFFIX))
    return [transcript.load(os.path.join(folder, name)) for name in names]


class Item(NamedTuple):
    """One transcript ready to enter the library: its id, its text and the reader that made it."""

    id: str
    text: str
    format: str | None = None
    source: Source | None = None  # parsed already (an import parses each file once)
    digest: str | None = None  # its ``backend.digest``, when the caller has it already


def with_digests(items: list[Item]) -> list[Item]:
    """``items`` each with its ``backend.digest``, computed once (the checks before and under
    the write lock and the row itself all need it; an import spent a quarter of its time
    computing it four times, issue 15)."""
    from quotecli.library import backend

    return [i if i.digest else i._replace(digest=backend.item_digest(i)) for i in items]


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

    def __init__(self, home: Path | str):
        from pathlib import Path

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
        """Finish a committed import that was cut short; sweep what an uncommitted one left.

        Any process may finish the renames (a rename done twice is done once). Clearing the
        log and sweeping ``staging/`` wait for the write lock, taken without waiting: while
        another import runs, the staged files are its own (issue 15: searches during an import).
        """
        db = self.db
        pending = db.execute("SELECT staged, final FROM pending").fetchall()
        _finish(pending)
        if not pending and not (self.staging.is_dir() and any(self.staging.iterdir())):
            return
        if not index.try_write_lock(db):
            return
        try:
            _finish(db.execute("SELECT staged, final FROM pending").fetchall())
            db.execute("DELETE FROM pending")
            # only what an import of ours left (ID.HEX.tmp): nothing else there is ours to delete
            for leftover in self.staging.glob("*.tmp"):
                if _STAGED.match(leftover.name):
                    leftover.unlink(missing_ok=True)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

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
    def entry(self, source_id: str) -> index.Entry | None:
        return index.entry(self.db, source_id)

    @_guarded
    def has(self, source_id: str) -> bool:
        return index.entry(self.db, source_id) is not None

    @_guarded
    def same_content(self, digest: str) -> str | None:
        return index.same_content(self.db, digest)

    def init(self) -> Schema:
        """Create the catalogue, or bring it to this quote's schema (``index.migrate``), and
        store again every layout made by other folding rules (``matching.layout.VERSION``)."""
        before = index.version(self.home)
        self.db  # noqa: B018 (opening it creates or migrates it)
        return Schema("sqlite", str(self.home), before, index.SCHEMA_VERSION, self._relayout())

    @_guarded
    def _relayout(self) -> int:
        """Re-make the stale layouts, a transaction per batch (a kill loses one batch)."""
        db = self.db
        todo = index.stale(db)
        for k in range(0, len(todo), RELAYOUT_BATCH):
            db.execute("BEGIN IMMEDIATE")
            try:
                words: set[str] = set()
                for rowid, source_id in todo[k : k + RELAYOUT_BATCH]:
                    words.update(index.put_layout(db, rowid, self.load(source_id)))
                index.add_words(db, words)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return len(todo)

    @_guarded
    def add(self, items: list[Item], force: bool = False) -> list[str]:
        """Add transcripts in one transaction; return their ids. Ids taken, and content already
        here under another id, need ``force``."""
        items = with_digests(items)
        check_items(items, force, self.has, self.same_content)
        from quotecli.library import workers

        laid = workers.layouts([item.text for item in items])
        self.folder.mkdir(parents=True, exist_ok=True)
        self.staging.mkdir(parents=True, exist_ok=True)
        staged = []
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            # checked again under the write lock: another import may have added one meanwhile
            check_items(items, force, self.has, self.same_content)
            words: set[str] = set()
            for item, made in zip(items, laid, strict=True):
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
                words.update(
                    index.put(db, source, self.path(item.id).name, item.format, item.digest, made)
                )
                db.execute("INSERT INTO pending VALUES (?, ?)", (str(tmp), str(self.path(item.id))))
            index.add_words(db, words)
            _before_commit()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            for _, tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise
        _finish([(tmp, self.path(item.id)) for item, tmp, _ in staged])
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
        path = self.path(source_id)
        if not path.exists():  # committed a moment ago by another import, not yet moved
            _finish(self.db.execute("SELECT staged, final FROM pending").fetchall())
        return transcript.load(path)

    @_guarded
    def load_index(self, source_id: str) -> SourceIndex:
        """A library transcript by id, indexed for matching from its stored layout (computed
        when the stored one is missing, stale or of another text)."""
        source = self.load(source_id)
        return SourceIndex(source, index.stored_layout(self.db, source))

    @_guarded
    def candidates(self, words: list[str], limit: int = CANDIDATES) -> list[str]:
        return index.candidates(self.db, words, limit)


def _finish(renames) -> None:
    """Move committed transcripts into place; one another process moved already is done."""
    for staged, final in renames:
        with contextlib.suppress(FileNotFoundError):
            os.replace(staged, final)


def _before_commit() -> None:
    """Test seam: the point where a killed import must leave the library as it was."""


def open_library(env: Environment) -> Backend:
    """The user's library, in the backend the environment names (SQLite unless configured)."""
    return connect(env.library)


def connect(where: Path | str) -> Backend:
    """The library at a folder (SQLite) or a ``postgresql://`` URL; opened on first use."""
    if is_database_url(where):
        from quotecli.library import postgres

        return postgres.PostgresLibrary(str(where))
    return Library(where)


def exists(where: Path | str | None) -> bool:
    """Whether ``where`` holds a library at all (a configured database always does)."""
    if is_database_url(where):
        return True
    return where is not None and os.path.exists(os.path.join(where, index.FILENAME))


# a library this small is searched whole for the closest passage by meaning
WIDE = 200


def provider(where: Path | str | None, only: tuple[str, ...] = ()):
    """A Searcher provider: bundled sources plus the library's best candidates for a phrase.

    With ``only`` (``--source``), exactly those sources. Parsed sources are cached (the same
    object each time, so the Searcher keeps its index of them).
    """
    bundled = bundled_sources()
    lib = connect(where) if where is not None and exists(where) else None
    cache: OrderedDict[str, SourceIndex] = OrderedDict()
    unknown = [i for i in only if i not in {s.id for s in bundled} and not (lib and lib.has(i))]
    if unknown:
        raise LibraryError(f"no source {unknown[0]!r} (see quote sources)")

    def get(source_id: str) -> SourceIndex | None:
        if source_id in cache:
            cache.move_to_end(source_id)
            return cache[source_id]
        try:
            source = lib.load_index(source_id) if lib else None
        except LibraryError:
            return None
        if source is not None:
            cache[source_id] = source
            if len(cache) > CACHE:
                cache.popitem(last=False)
        return source

    size: list[int] = []

    def provide(words: list[str], wide: bool = False) -> list[Source | SourceIndex]:
        """``wide``: every source when the library is small (``WIDE``), for a search by
        meaning, whose phrase may share no word with the source (another language)."""
        if only:
            out: list[Source | SourceIndex] = [s for s in bundled if s.id in only]
            return out + [s for s in map(get, only) if s is not None]
        if lib is None:
            return list(bundled)
        if wide:
            if not size:
                size.append(len(lib.entries()))
            if size[0] <= WIDE:
                found = [get(e.id) for e in lib.entries()]
                return [*bundled, *(s for s in found if s is not None)]
        found = [get(i) for i in lib.candidates(words)]
        return [*bundled, *(s for s in found if s is not None)]

    return provide


def speaker_names(where: Path | str | None) -> list[str]:
    """Every speaker's and interviewer's name, bundled and in the library (from the catalogue,
    without loading the transcripts): the names a draft may attribute quotations to."""
    names = []
    for s in bundled_sources():
        names += [sp.name for sp in s.speakers] + ([s.interviewer] if s.interviewer else [])
    if where is not None and exists(where):
        with connect(where) as lib:
            for e in lib.entries():
                names += [sp["name"] for sp in e.speakers if sp.get("name")]
    return list(dict.fromkeys(names))


def load_sources(where: Path | str | None = None) -> list[Source]:
    """The bundled transcripts, then every transcript of the user's library."""
    sources = bundled_sources()
    if where is not None and exists(where):
        with connect(where) as lib:
            sources += [lib.load(e.id) for e in lib.entries()]
    return sources
