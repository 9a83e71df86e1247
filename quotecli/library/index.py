"""The library's catalogue and full-text index: one SQLite file (``home/library.sqlite``).

Tables: ``sources`` (one row per imported transcript: what ``quote sources`` lists, with the
``digest`` of its words that finds the same content under another id), ``fts``
(FTS5 over the quotable words of each transcript, for candidate retrieval) and ``pending`` (the
redo log of an import: staged file → final file, written in the same transaction as the rows).
A row in ``sources`` is what makes a transcript part of the library; the transcript files follow
the catalogue, never the other way round (``library`` owns the files and the recovery).

FTS5 is fed the words as ``folding`` sees them (lower case, accents and ligatures off: the
tokenizer is ``unicode61 remove_diacritics 2`` and ligatures are spelt out before), so the folded
words of a query find them. Only stdlib ``sqlite3``; nothing here reads the environment.
"""

from __future__ import annotations

import json
import os
import time

from quotecli.library import backend
from quotecli.matching import layout
from quotecli.records import NamedTuple
from quotecli.text.folding import EXTRA_LETTERS
from quotecli.transcript import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # sqlite3 is imported by connect(): searches without a library skip it
    import sqlite3
    from pathlib import Path

FILENAME = "library.sqlite"
# The schema's version, kept in SQLite's ``user_version`` (0: a catalogue from before issue 15,
# the same tables as 1); a newer one is refused rather than misread. ``MIGRATIONS`` are each
# version's statements, applied in order in one transaction when a catalogue is opened.
# 3: ``layouts`` (each source's folded words and sentences, ``matching.layout``) and
# ``vocabulary`` (every folded word, for typo-tolerant candidates); a library of version 1 or 2
# gets them empty, and ``quote library init`` fills them (``stale``).
SCHEMA_VERSION = 3
TIMEOUT = 30  # seconds a writer waits for another to finish
# The letters folding spells out (œ → oe, ß → ss…), in both cases, so FTS words match folded
# query words; one table, folding's.
_LIGATURES = str.maketrans(
    {**EXTRA_LETTERS, "ß": "ss"}
    | {k.upper(): v.upper() for k, v in EXTRA_LETTERS.items() if len(k.upper()) == 1}
)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE IF NOT EXISTS sources (
            id TEXT PRIMARY KEY, file TEXT NOT NULL, outlet TEXT, date TEXT, title TEXT,
            language TEXT, speakers TEXT NOT NULL, turns INTEGER NOT NULL, format TEXT,
            words INTEGER
        )""",
        """CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
            id UNINDEXED, body, tokenize = "unicode61 remove_diacritics 2"
        )""",
        "CREATE TABLE IF NOT EXISTS pending (staged TEXT PRIMARY KEY, final TEXT NOT NULL)",
    ),
    # issue 12: the same content under a new id is refused; rows from before are filled in by
    # ``_fill_digests`` from their stored transcripts
    2: (
        "ALTER TABLE sources ADD COLUMN digest TEXT",
        "CREATE INDEX sources_digest ON sources (digest)",
    ),
    # issue 15: stored layouts and the vocabulary; rows from before get theirs from
    # ``quote library init`` (``stale``), and a search computes a missing one meanwhile
    3: (
        """CREATE TABLE IF NOT EXISTS layouts (rowid INTEGER PRIMARY KEY,
            version INTEGER NOT NULL, data BLOB NOT NULL)""",
        "CREATE TABLE IF NOT EXISTS vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID",
    ),
}
assert max(MIGRATIONS) == SCHEMA_VERSION


class Entry(NamedTuple):
    """One catalogue row: what ``quote sources`` shows."""

    id: str
    file: str
    outlet: str | None
    date: str | None
    title: str | None
    language: str | None
    speakers: tuple[dict, ...]
    turns: int
    format: str | None

    @property
    def unattributed(self) -> int | None:
        """How many turns are unattributed; None for a row from before the catalogue counted
        each speaker's turns, when it has an unattributed speaker (its transcript knows)."""
        own = [s.get("turns") for s in self.speakers if s.get("role") == "unattributed"]
        return None if None in own else sum(n for n in own if n is not None)

    def to_json(self) -> dict:
        return {
            "id": self.id, "outlet": self.outlet, "date": self.date, "title": self.title,
            "language": self.language, "speakers": list(self.speakers), "turns": self.turns,
            "format": self.format, "file": self.file,
        }  # fmt: skip


def connect(home: Path) -> sqlite3.Connection:
    """Open (creating if needed) the catalogue; autocommit off, transactions explicit."""
    home.mkdir(parents=True, exist_ok=True)
    import sqlite3

    path = home / FILENAME
    if path.exists() and path.stat().st_size == 0 and _has_transcripts(home):
        # An emptied index beside stored transcripts is a damaged one, not a new library:
        # creating a fresh schema there would make the user's sources vanish (issue 11).
        raise damaged(home, "the file is empty")
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(home, os.W_OK):
        return _read_only(home, path)
    db = sqlite3.connect(path, isolation_level=None, timeout=TIMEOUT)
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            _set_up(db, home)
            return db
        except sqlite3.OperationalError as exc:
            # Two processes opening a new library at once: switching it to WAL can be refused
            # ("database is locked") without SQLite's busy wait. Busy, not damaged: try again.
            if "locked" in str(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            db.close()
            if "locked" in str(exc):
                raise busy(home) from None
            raise damaged(home, exc) from None
        except sqlite3.DatabaseError as exc:
            db.close()
            raise damaged(home, exc) from None


def _set_up(db: sqlite3.Connection, home: Path) -> None:
    """WAL journal, and the schema brought up to date (refused when a later quote wrote it)."""
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    (found,) = db.execute("PRAGMA user_version").fetchone()
    if found > SCHEMA_VERSION:
        db.close()
        raise newer(home / FILENAME, found)
    if found < SCHEMA_VERSION:
        _migrate(db, home)


def _migrate(db: sqlite3.Connection, home: Path) -> None:
    """Bring the catalogue to ``SCHEMA_VERSION`` in one transaction (another process may have
    done it meanwhile: the version is read again under the write lock)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        (found,) = db.execute("PRAGMA user_version").fetchone()
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                db.execute(statement)
        if found < 2:
            _fill_digests(db, home)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _fill_digests(db: sqlite3.Connection, home: Path) -> None:
    """The ``digest`` of every row imported before it was kept, from its stored transcript
    (one that no longer reads stays without: ``quote library check`` and ``rebuild`` see it)."""
    from quotecli import transcript

    rows = db.execute("SELECT id, file FROM sources WHERE digest IS NULL").fetchall()
    for source_id, file in rows:
        try:
            source = transcript.load(home / "transcripts" / file)
        except (OSError, transcript.TranscriptError):
            continue
        db.execute(
            "UPDATE sources SET digest = ? WHERE id = ?", (backend.digest(source), source_id)
        )


def _has_transcripts(home: Path) -> bool:
    folder = home / "transcripts"
    return folder.is_dir() and any(folder.glob("*.quote.txt"))


def _read_only(home: Path, path: Path) -> sqlite3.Connection:
    """A library the user may read but not write (a shared or read-only folder): searched as
    it is, nothing created, nothing recovered; an import or a removal is refused."""
    import sqlite3

    from quotecli.status import DataError

    if not path.exists():
        raise DataError(f"{home}: the library folder cannot be written, and has no index yet")
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True,
                             isolation_level=None)  # fmt: skip
        (found,) = db.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise damaged(home, exc) from None
    if found != SCHEMA_VERSION:
        db.close()
        if found > SCHEMA_VERSION:
            raise newer(path, found)
        raise DataError(f"{path}: an older library that cannot be written to be brought up to date")
    return db


def try_write_lock(db: sqlite3.Connection) -> bool:
    """Begin a write transaction if no one else is writing; False (nothing begun) if not."""
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute("BEGIN IMMEDIATE")
        return True
    except db.OperationalError:  # "database is locked": an import is running
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout = {TIMEOUT * 1000}")


def version(home: Path) -> int | None:
    """The schema version of the catalogue in ``home``; None when there is none yet."""
    if not (home / FILENAME).exists():
        return None
    import sqlite3

    db = sqlite3.connect(home / FILENAME)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise damaged(home, exc) from None
    finally:
        db.close()


def newer(where, found: int):
    """The error for a library whose schema a later quote wrote: refused, never guessed at."""
    from quotecli.status import DataError

    return DataError(
        f"the library {where} has schema version {found}, newer than this quote knows "
        f"({SCHEMA_VERSION}): upgrade quote"
    )


def busy(home: Path):
    """The error for a library another process kept locked longer than a writer waits."""
    from quotecli.status import DataError

    return DataError(f"the library {home} is busy (another quote kept it locked {TIMEOUT} s)")


def damaged(home: Path, exc: Exception | str):
    """The error for an index file that SQLite cannot read: what it is, and the way out."""
    from quotecli.status import DataError

    return DataError(
        f"the library index {home / FILENAME} is damaged ({exc}); "
        "run 'quote library rebuild' to re-create it from the stored transcripts"
    )


def body(source: Source) -> str:
    """The quotable text of a source, as FTS5 should index it."""
    text = source.text
    return "\n".join(text[t.start : t.end] for t in source.turns).translate(_LIGATURES)


def put(
    db: sqlite3.Connection,
    source: Source,
    file: str,
    fmt: str | None,
    key: str | None = None,
    laid: tuple[bytes, list[str]] | None = None,
) -> list[str]:
    """Insert or replace one source's row and its words (inside the caller's transaction);
    return its folded words, for the caller to give ``add_words`` once per transaction.
    ``key``: its ``backend.digest``, when the caller has it already; ``laid``: its encoded
    layout and words, when worker processes made them (``workers.layouts``).

    The FTS row shares the catalogue row's rowid: deleting by rowid is a lookup, where
    deleting by the (unindexed) id column would scan the whole index.
    """
    speakers = backend.speakers(source)
    text = body(source)
    delete(db, source.id)
    cur = db.execute(
        "INSERT INTO sources (id, file, outlet, date, title, language, speakers, turns, format,"
        " words, digest) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (source.id, file, source.outlet, source.date, source.title, source.language,
         json.dumps(speakers, ensure_ascii=False), len(source.turns), fmt, len(text.split()),
         key or backend.digest(source)),
    )  # fmt: skip
    db.execute(
        "INSERT INTO fts (rowid, id, body) VALUES (?, ?, ?)", (cur.lastrowid, source.id, text)
    )
    return put_layout(db, cur.lastrowid, source, laid)


def put_layout(
    db: sqlite3.Connection,
    rowid: int | None,
    source: Source,
    laid: tuple[bytes, list[str]] | None = None,
) -> list[str]:
    """Store a source's layout (by its catalogue row's rowid) inside the caller's transaction;
    return its folded words (``add_words``)."""
    from quotecli.library import workers

    laid = workers.laid(source, laid)
    db.execute("INSERT OR REPLACE INTO layouts VALUES (?, ?, ?)", (rowid, layout.VERSION, laid[0]))
    return laid[1]


def add_words(db: sqlite3.Connection, words: set[str]) -> None:
    """Add folded words to the vocabulary (inside the caller's transaction), once for a whole
    import batch and in order: most are there already, and each lookup is a B-tree descent."""
    db.executemany("INSERT OR IGNORE INTO vocabulary VALUES (?)", ((w,) for w in sorted(words)))


def stale(db: sqlite3.Connection) -> list[tuple[int, str]]:
    """(rowid, id) of the sources whose stored layout is missing or of other folding rules."""
    return db.execute(
        "SELECT s.rowid, s.id FROM sources s LEFT JOIN layouts l ON l.rowid = s.rowid"
        " WHERE l.version IS NOT ? ORDER BY s.rowid",
        (layout.VERSION,),
    ).fetchall()


def stored_layout(db: sqlite3.Connection, source: Source) -> layout.Layout | None:
    """A source's stored layout, if it was made for its text by this quote's folding rules."""
    row = db.execute(
        "SELECT l.version, l.data FROM sources s JOIN layouts l ON l.rowid = s.rowid"
        " WHERE s.id = ?",
        (source.id,),
    ).fetchone()
    return layout.decode(row[1], source.text) if row and row[0] == layout.VERSION else None


def delete(db: sqlite3.Connection, source_id: str) -> None:
    for (rowid,) in db.execute("SELECT rowid FROM sources WHERE id = ?", (source_id,)).fetchall():
        db.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
        db.execute("DELETE FROM layouts WHERE rowid = ?", (rowid,))
        db.execute("DELETE FROM sources WHERE rowid = ?", (rowid,))


def entries(db: sqlite3.Connection) -> list[Entry]:
    """Every catalogue row, by id."""
    rows = db.execute(
        "SELECT id, file, outlet, date, title, language, speakers, turns, format"
        " FROM sources ORDER BY id"
    )
    return [row_entry(r) for r in rows]


def entry(db: sqlite3.Connection, source_id: str) -> Entry | None:
    for e in db.execute(
        "SELECT id, file, outlet, date, title, language, speakers, turns, format"
        " FROM sources WHERE id = ?",
        (source_id,),
    ):
        return row_entry(e)
    return None


def same_content(db: sqlite3.Connection, digest: str) -> str | None:
    """The id of a catalogued transcript whose words have this ``backend.digest``, if any."""
    row = db.execute(
        "SELECT id FROM sources WHERE digest = ? ORDER BY id LIMIT 1", (digest,)
    ).fetchone()
    return row[0] if row else None


def row_entry(r) -> Entry:
    """A catalogue row (id, file, outlet, date, title, language, speakers JSON, turns, format)."""
    return Entry(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6])), r[7], r[8])


def candidates(db: sqlite3.Connection, words: list[str], limit: int) -> list[str]:
    """Ids of the sources that best hold ``words`` (folded), best first (``backend.candidates``,
    the policy shared with PostgreSQL, over FTS5 and the vocabulary table)."""
    return backend.candidates(_Engine(db), words, limit)


def _quoted(words) -> str:
    return " ".join(f'"{w}"' for w in words)


class _Engine:
    """``backend.Engine`` on the SQLite catalogue."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def known(self, words: list[str]) -> set[str]:
        marks = ",".join("?" * len(words))
        rows = self.db.execute(f"SELECT word FROM vocabulary WHERE word IN ({marks})", words)
        return {r[0] for r in rows}

    def starting(self, letter: str) -> list[str]:
        rows = self.db.execute(
            "SELECT word FROM vocabulary WHERE word >= ? AND word < ?",
            (letter, letter + "\U0010ffff"),
        )
        return [r[0] for r in rows]

    def _ids(self, query: str, limit: int) -> list[str]:
        try:
            rows = self.db.execute(
                "SELECT s.id FROM fts JOIN sources s ON s.rowid = fts.rowid WHERE fts MATCH ?"
                " ORDER BY s.words, s.id LIMIT ?",
                (query, limit),
            ).fetchall()
        except self.db.OperationalError:  # DB-API: the connection carries its exceptions
            return []
        return [r[0] for r in rows]

    def phrases(self, variants: list[tuple[str, ...]], limit: int) -> list[str]:
        return self._ids(" OR ".join(f'"{" ".join(v)}"' for v in variants), limit)

    def gapped(self, gaps: list[tuple[tuple[str, ...], ...]], limit: int) -> list[str]:
        held = (" AND ".join(f'"{" ".join(r)}"' for r in runs) for runs in gaps)
        return self._ids(" OR ".join(f"({h})" for h in held), limit)

    def every(self, groups: list[tuple[str, ...]], limit: int) -> list[str]:
        return self._ids(
            " AND ".join(f"({' OR '.join(_quoted([w]) for w in g)})" for g in groups), limit
        )

    def some(self, terms: tuple[str, ...], limit: int) -> list[str]:
        db = self.db
        try:
            holding = [
                db.execute(
                    "SELECT count(*) FROM fts WHERE fts MATCH ?", (_quoted([t]),)
                ).fetchone()[0]
                for t in terms
            ]
            (total,) = db.execute("SELECT count(*) FROM sources").fetchone()
            weights = backend.weights(total, holding)
            union = " UNION ALL ".join(
                ["SELECT rowid AS r, ? AS w FROM fts WHERE fts MATCH ?"] * len(terms)
            )
            params: list = [
                x for t, w in zip(terms, weights, strict=True) for x in (w, _quoted([t]))
            ]
            rows = db.execute(
                f"SELECT s.id FROM ({union}) h JOIN sources s ON s.rowid = h.r GROUP BY h.r"
                " ORDER BY sum(h.w) DESC, s.words, s.id LIMIT ?",
                [*params, limit],
            ).fetchall()
        except db.OperationalError:
            return []
        return [r[0] for r in rows]
