"""The library in PostgreSQL (issue 15): the same catalogue, imports and answers as SQLite's.

Chosen by ``$QUOTE_LIBRARY`` or ``library = "postgresql://…"`` in ``config.toml``
(``Environment.library``). Unlike the SQLite library there are no transcript files: each row of
``sources`` holds the transcript's text (the ``.quote.txt`` it would have been), its catalogue
fields and a ``tsvector`` of its quotable words (GIN index) in the ``quote_fold`` text search
configuration (``simple`` behind ``unaccent``: lower case, accents and ligatures off, no stop
words, no stemming — what ``folding`` does to a query), plus its layout (``matching.layout``:
folded words and sentences, made at import, so a query folds only the phrase). ``lexemes`` is
the vocabulary, the folded words of every layout, so a word typed with a typo still finds the
sources holding the word meant (it only grows: a removed transcript's words stay, and match
nothing).

Candidates follow ``backend.candidates``, the policy SQLite follows, with the same rankings
(never ``ts_rank``, which reads every matching ``tsvector``).

Changes are transactions: an import is all its transcripts or none (a killed client's
transaction is rolled back by the server), a removal one ``DELETE``. Writers and migrations
take one advisory lock, so two imports of the same source run one after the other and the
second is refused with the same error as a re-import. The schema is created and migrated by
``quote library init`` (``pg_schema.MIGRATIONS``, version in ``schema_version``); a schema
newer than this quote is refused, one older asks for ``init``. Every driver error becomes one
``DataError`` line (a role that may only read is told so). psycopg 3 is imported only here,
and this module only when a PostgreSQL library is configured.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import TYPE_CHECKING

from quotecli import transcript
from quotecli.library import CANDIDATES, SUFFIX, Item, LibraryError, backend, index, workers
from quotecli.library.pg_schema import MIGRATIONS, SCHEMA_VERSION, paired
from quotecli.matching import layout
from quotecli.matching.index import SourceIndex
from quotecli.records import replace
from quotecli.status import DataError

if TYPE_CHECKING:
    import psycopg

    from quotecli.transcript import Source

LOCK = 0x71756F7465  # pg_advisory_xact_lock key ("quote") of writers and migrations

_COLUMNS = "id, file, outlet, date, title, language, speakers, turns, format"
# Anything that is not a letter, a digit or a combining mark separates words, as in FTS5's
# unicode61 tokenizer and in ``folding``: PostgreSQL's parser would otherwise keep e-mail
# addresses, URLs, "COVID-19" ("-19") or "1.5" as single tokens a folded query never has.
_SEPARATORS = re.compile(
    r"[^\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+|_"
)


def plain(text: str) -> str:
    """Text as the ``tsvector`` is fed: composed (NFC), words separated by single spaces."""
    return _SEPARATORS.sub(" ", unicodedata.normalize("NFC", text))


def _driver():
    """psycopg, or the one line that says how to get it."""
    try:
        import psycopg
    except ImportError:
        raise DataError(
            "the library is a PostgreSQL database, but psycopg is not installed: "
            "pip install 'quotecli[postgres]'"
        ) from None
    return psycopg


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _errors(method):
    """Driver errors become one line for a person (the ladder in ``main`` prints it)."""

    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        psycopg = _driver()
        try:
            return method(self, *args, **kwargs)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DataError(
                f"the library database refuses this change ({_first_line(exc)}): "
                "this role may only read"
            ) from None
        except psycopg.errors.UniqueViolation:
            raise DataError(
                "another import added the same transcript at the same time; run it again"
            ) from None
        except psycopg.errors.DeadlockDetected:
            raise DataError("another import was writing at the same time; run it again") from None
        except psycopg.OperationalError as exc:
            raise DataError(f"cannot use the library database: {_first_line(exc)}") from None
        except psycopg.Error as exc:
            raise DataError(f"the library database failed: {_first_line(exc)}") from None

    return wrapped


class PostgresLibrary:
    """The user's library in the PostgreSQL database at ``url`` (``backend.Backend``)."""

    def __init__(self, url: str):
        self.url = url
        self._conn: psycopg.Connection | None = None
        self._compression: bool | None = None  # whether the server compresses with LZ4

    def __enter__(self) -> PostgresLibrary:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connect(self) -> psycopg.Connection:
        if self._conn is None:
            psycopg = _driver()
            # autocommit: a read is its own statement; every change is an explicit transaction
            self._conn = psycopg.connect(
                self.url, autocommit=True, connect_timeout=10, application_name="quote"
            )
            # The planner prices ``tsv @@ query`` as cheap, so for a word most sources hold it
            # reads every row's tsvector (1.9 s for one word at 100k); the GIN index answers
            # which sources hold a word without reading one (0.12 s). Every query of this
            # library has an index to use.
            self._conn.execute("SET enable_seqscan = off")
        return self._conn

    @property
    def db(self) -> psycopg.Connection:
        """The connection, its schema checked to be this quote's."""
        fresh = self._conn is None
        conn = self._connect()
        if fresh:
            found, where = _version(conn), self.where
            if found != SCHEMA_VERSION:
                self.close()
            if found is None:
                raise DataError(
                    f"the library {where} has no quote schema yet: run 'quote library init'"
                )
            if found > SCHEMA_VERSION:
                raise _newer(where, found)
            if found < SCHEMA_VERSION:
                raise DataError(
                    f"the library {where} has schema version {found}, older than this "
                    f"quote's ({SCHEMA_VERSION}): run 'quote library init' to migrate it"
                )
        return conn

    @property
    def where(self) -> str:
        """The database, named for a person (no password, no full URL)."""
        info = self._connect().info
        host = info.host if not info.host.startswith("/") else f"socket {info.host}"
        return f"database {info.dbname} on {host}"

    def _path(self, source_id: str) -> str:
        """What ``Source.path`` says for a transcript kept in the database."""
        return f"postgresql:{self._connect().info.dbname}/{source_id}{SUFFIX}"

    @_errors
    def init(self) -> backend.Schema:
        """Create the schema, or migrate it to ``SCHEMA_VERSION``; refuse a newer one."""
        conn = self._connect()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            before = _version(conn)
            if before is not None and before > SCHEMA_VERSION:
                raise _newer(self.where, before)
            if before is None:
                conn.execute("CREATE TABLE schema_version (version integer NOT NULL)")
                conn.execute("INSERT INTO schema_version VALUES (0)")
            for version in range((before or 0) + 1, SCHEMA_VERSION + 1):
                for step in MIGRATIONS[version]:
                    step(conn) if callable(step) else conn.execute(step)
            if before is not None and before < 2:
                self._fill_digests(conn)
            if before != SCHEMA_VERSION:  # up to date: nothing written (a reader may run init)
                conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION,))
        done = self._relayout(conn)
        return backend.Schema("postgresql", self.where, before, SCHEMA_VERSION, done)

    def _relayout(self, conn: psycopg.Connection) -> int:
        """Re-make the layouts that are missing or of other folding rules, a transaction per
        batch (a kill loses one batch); their words join the vocabulary."""
        from quotecli.library import RELAYOUT_BATCH

        todo = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM sources WHERE layout_version IS DISTINCT FROM %s ORDER BY id",
                (layout.VERSION,),
            )
        ]
        for k in range(0, len(todo), RELAYOUT_BATCH):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
                rows = conn.execute(
                    "SELECT id, text FROM sources WHERE id = ANY(%s)",
                    (todo[k : k + RELAYOUT_BATCH],),
                ).fetchall()
                words: set[str] = set()
                for source_id, text in rows:
                    made, got = workers.laid(transcript.parse(text, self._path(source_id)))
                    words.update(got)
                    conn.execute(
                        "UPDATE sources SET layout = %s, layout_version = %s,"
                        " pairs = %s::tsvector WHERE id = %s",
                        (made, layout.VERSION, paired(got), source_id),
                    )
                _add_words(conn, words)
        return len(todo)

    @_errors
    def entries(self) -> list[index.Entry]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY id").fetchall()
        return [index.row_entry(r) for r in rows]

    @_errors
    def entry(self, source_id: str) -> index.Entry | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM sources WHERE id = %s", (source_id,)
        ).fetchone()
        return index.row_entry(row) if row else None

    def has(self, source_id: str) -> bool:
        return self.entry(source_id) is not None

    @_errors
    def same_content(self, digest: str) -> str | None:
        return self._same(digest)

    def _fill_digests(self, conn: psycopg.Connection) -> None:
        """The ``digest`` of every row imported before it was kept, from the text it holds."""
        rows = conn.execute("SELECT id, text FROM sources WHERE digest IS NULL").fetchall()
        for source_id, text in rows:
            source = transcript.parse(text, self._path(source_id))
            conn.execute(
                "UPDATE sources SET digest = %s WHERE id = %s",
                (backend.digest(source), source_id),
            )

    @_errors
    def add(self, items: list[Item], force: bool = False) -> list[str]:
        """Add transcripts in one transaction; return their ids. Ids taken need ``force``."""
        from quotecli import library

        items = library.with_digests(items)
        conn = self.db
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            # GIN indexes take new rows into a pending list and merge it in when it is full,
            # sorting it in ``work_mem``: the default 4 MB merges a batch's word pairs in many
            # small rounds (2,000 transcripts: 7.4 s of the server's time for the pairs
            # index, 6.5 s with 256 MB)
            conn.execute("SET LOCAL work_mem = '256MB'")
            if self._lz4(conn):
                # a transcript's text and layout are stored compressed: LZ4 where the server
                # has it, several times faster than the default pglz both ways (pglz was a
                # tenth of the server's time in an import at 40,000 transcripts)
                conn.execute("SET LOCAL default_toast_compression = 'lz4'")
            # checked under the lock: an import running at the same time has committed by now;
            # the ids and digests the library holds are asked for once (two round trips per
            # transcript were a tenth of an import's time)
            taken, same = self._holding(items)
            backend.check_items(items, force, taken.__contains__, same.get)
            words: set[str] = set()
            laid = workers.layouts([item.text for item in items], extra=row_words)
            # pipelined: the server indexes one transcript while this process folds the next
            # (no INSERT waits for the one before; an error still ends the transaction)
            with conn.pipeline():
                for item, made in zip(items, laid, strict=True):
                    words.update(_put(conn, item, self._path(item.id), made))
            _add_words(conn, words)
            library._before_commit()
        return [item.id for item in items]

    def _lz4(self, conn: psycopg.Connection) -> bool:
        if self._compression is None:
            row = conn.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings"
                " WHERE name = 'default_toast_compression'"
            ).fetchone()
            self._compression = bool(row and row[0])
        return self._compression

    def _holding(self, items: list[Item]) -> tuple[set[str], dict[str, str]]:
        """Which of the items' ids the library holds, and the first id (as ``_same``) holding
        each of their digests."""
        conn = self.db
        ids = [item.id for item in items]
        taken = {r[0] for r in conn.execute("SELECT id FROM sources WHERE id = ANY(%s)", (ids,))}
        rows = conn.execute(
            "SELECT DISTINCT ON (digest) digest, id FROM sources WHERE digest = ANY(%s)"
            " ORDER BY digest, id",
            ([item.digest for item in items],),
        )
        return taken, {r[0]: r[1] for r in rows}

    def _same(self, digest: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM sources WHERE digest = %s ORDER BY id LIMIT 1", (digest,)
        ).fetchone()
        return row[0] if row else None

    @_errors
    def remove(self, source_id: str) -> None:
        """Take a transcript out of the library, in one transaction."""
        conn = self.db
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            gone = conn.execute("DELETE FROM sources WHERE id = %s RETURNING id", (source_id,))
            if gone.fetchone() is None:
                raise LibraryError(f"{source_id}: not in the library (see quote sources)")

    @_errors
    def load(self, source_id: str) -> Source:
        """A library transcript by id, parsed from the text the database holds."""
        row = self.db.execute("SELECT text FROM sources WHERE id = %s", (source_id,)).fetchone()
        if row is None:
            raise LibraryError(f"{source_id}: not in the library (see quote sources)")
        return transcript.parse(row[0], self._path(source_id))

    @_errors
    def load_index(self, source_id: str) -> SourceIndex:
        """A library transcript indexed for matching from the layout stored with it (computed
        when that is missing or stale)."""
        row = self.db.execute(
            "SELECT text, layout_version, layout FROM sources WHERE id = %s", (source_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"{source_id}: not in the library (see quote sources)")
        source = transcript.parse(row[0], self._path(source_id))
        stored = layout.decode(row[2], source.text) if row[1] == layout.VERSION else None
        return SourceIndex(source, stored)

    @_errors
    def candidates(self, words: list[str], limit: int = CANDIDATES) -> list[str]:
        """Ids of the sources that best hold ``words`` (folded), best first: the policy
        shared with SQLite (``backend.candidates``)."""
        return backend.candidates(self.engine(), words, limit)

    def engine(self) -> backend.Engine:
        """The searches ``candidates`` runs here (``backend.Engine``), each on its own: what
        the GIN indexes answer for a phrase, a word or its typo neighbours."""
        from quotecli.library.pg_search import Engine

        return Engine(self.db)


def _add_words(conn: psycopg.Connection, words: set[str]) -> None:
    """Add folded words to the vocabulary (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO lexemes SELECT unnest(%s::text[]) ORDER BY 1 ON CONFLICT DO NOTHING",
        (sorted(words),),
    )


def _version(conn: psycopg.Connection) -> int | None:
    """The schema version the database holds; None when it has no quote schema."""
    found = conn.execute("SELECT to_regclass('schema_version')").fetchone()
    table = found[0] if found else None
    if table is None:
        return None
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] if row and row[0] is not None else 0


def _newer(where: str, found: int) -> DataError:
    return DataError(
        f"the library {where} has schema version {found}, newer than this quote knows "
        f"({SCHEMA_VERSION}): upgrade quote"
    )


def _put(
    conn: psycopg.Connection, item: Item, path: str, laid: tuple[bytes, list[str]] | None
) -> list[str]:
    """Insert or replace one transcript's row, its layout with it (inside the caller's
    transaction; ``laid`` when worker processes made it); return its folded words."""
    source = (
        replace(item.source, path=path)
        if item.source is not None
        else transcript.parse(item.text, path)
    )
    speakers = backend.speakers(source)
    laid = workers.laid(source, laid)
    fed, words, pairs = laid[2] if len(laid) > 2 else row_words(source, laid[1])
    conn.execute(
        "INSERT INTO sources (id, file, outlet, date, title, language, speakers, turns, format,"
        " words, text, tsv, pairs, digest, layout, layout_version) VALUES (%s, %s, %s, %s, %s,"
        " %s, %s, %s, %s, %s, %s, to_tsvector('quote_fold', %s), %s::tsvector,"
        " %s, %s, %s)"
        " ON CONFLICT (id) DO UPDATE SET file = excluded.file, outlet = excluded.outlet,"
        " date = excluded.date, title = excluded.title, language = excluded.language,"
        " speakers = excluded.speakers, turns = excluded.turns, format = excluded.format,"
        " words = excluded.words, text = excluded.text, tsv = excluded.tsv,"
        " pairs = excluded.pairs, digest = excluded.digest, layout = excluded.layout,"
        " layout_version = excluded.layout_version, imported = now()",
        (source.id, f"{source.id}{SUFFIX}", source.outlet, source.date, source.title,
         source.language, json.dumps(speakers, ensure_ascii=False), len(source.turns),
         item.format, words, item.text, fed, pairs,
         backend.item_digest(item), laid[0], layout.VERSION),
    )  # fmt: skip
    return laid[1]


def row_words(source: Source, words: list[str]) -> tuple[str, int, str | None]:
    """What a row holds of a transcript's words, made by a worker in a large import
    (``workers.layouts``): the text its ``tsvector`` is fed (``plain``), how many words it has
    (``sources.words``) and its word pairs (``pg_schema.paired``, from its folded words)."""
    body = index.body(source)
    return plain(body), len(body.split()), paired(words)
