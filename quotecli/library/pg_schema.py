"""The PostgreSQL library's schema: each version's statements (issue 15), applied in order
inside one transaction by ``PostgresLibrary.init``; the version is kept in ``schema_version``.
It also owns what ``sources.pairs`` holds (``kept``, ``paired``) and which of them a phrase
needs (``needed``), made only from a layout's folded words: at import, when a layout is
re-made, and by the migrations that made them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quotecli.matching import layout

if TYPE_CHECKING:
    import psycopg

SCHEMA_VERSION = 6
MAX_PAIRS = 40_000  # pairs a transcript keeps (a tsvector holds 1 MB: about 60,000 of them)
# A transcript keeps, of every WINDOW neighbouring pairs of its words, the one whose hash is
# least (winnowing): half its pairs, and each phrase of WINDOW + 1 words or more still has
# the ones it needs (``needed``). Every pair cost the GIN index 2 µs at import, which was
# most of a PostgreSQL import's time (2,000 transcripts: 7 of 14 s of the server's).
WINDOW = 3


def pairs(words: list[str]) -> list[str]:
    """The pairs of neighbouring words ("well_it") of folded words, in order, among those a
    phrase query keeps (letters and digits: ``backend.queries``)."""
    kept = [w for w in words if w.isalnum()]
    return list(map("_".join, zip(kept, kept[1:], strict=False)))


def _least(found: list[str]) -> set[str]:
    """Of every ``WINDOW`` neighbouring pairs, the least by (hash, pair): a choice made by the
    pairs alone, so a phrase and a transcript holding it choose alike in the window they
    share. The hash (CRC-32 of the UTF-8) is the same in every process and on every machine."""
    import zlib

    keys = [(zlib.crc32(p.encode("utf-8")), p) for p in found]
    return {k[1] for k in map(min, *(keys[i:] for i in range(WINDOW)))}


def kept(words: list[str]) -> set[str]:
    """The pairs a transcript of these folded words keeps in ``sources.pairs``: the least of
    every window (all of them when there are fewer than ``WINDOW``)."""
    found = pairs(words)
    return set(found) if len(found) < WINDOW else _least(found)


def needed(words: list[str]) -> set[str] | None:
    """The pairs a transcript holding this phrase (its folded words) keeps for certain: the
    least of each window inside the phrase, which the transcript holds too. None when the
    phrase has fewer than ``WINDOW`` pairs: nothing it holds is kept for certain."""
    found = pairs(words)
    return None if len(found) < WINDOW else _least(found)


def paired(words: list[str]) -> str | None:
    """What a transcript of these folded words keeps in ``sources.pairs``, as the text of a
    ``tsvector`` (pairs separated by spaces; letters, digits and "_" need no quoting, and the
    server sorts them): sent as one string, where a ``text[]`` of them cost the importing
    process 3 ms a transcript to write out. None (NULL, checked by its positions alone) when
    they are more than a tsvector holds."""
    found = kept(words)
    return " ".join(found) if len(found) <= MAX_PAIRS else None


PAIRS_BATCH = 500  # rows read at once by ``fill_pairs``: their texts and layouts in memory


def fill_pairs(conn: psycopg.Connection) -> None:
    """Version 4: the pairs of every row whose stored layout is current, from its words; a
    stored layout that is not that text's is marked stale, for ``init`` to re-make it (with
    its pairs), as it does the rows imported before layouts were kept."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM sources WHERE layout_version = %s ORDER BY id", (layout.VERSION,)
        )
    ]
    for k in range(0, len(ids), PAIRS_BATCH):
        rows = conn.execute(
            "SELECT id, text, layout FROM sources WHERE id = ANY(%s)", (ids[k : k + PAIRS_BATCH],)
        ).fetchall()
        for source_id, text, stored in rows:
            laid = layout.decode(stored, text)
            if laid is None:
                conn.execute("UPDATE sources SET layout_version = NULL WHERE id = %s", (source_id,))
            else:
                conn.execute(
                    "UPDATE sources SET pairs = %s::tsvector WHERE id = %s",
                    (paired(laid.words), source_id),
                )


# Each version's steps, applied in order inside one transaction by ``init``: statements, and
# the Python that fills what only a layout can tell.
MIGRATIONS: dict[int, tuple[str | Callable[[psycopg.Connection], None], ...]] = {
    1: (
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TEXT SEARCH CONFIGURATION quote_fold (COPY = pg_catalog.simple)",
        "ALTER TEXT SEARCH CONFIGURATION quote_fold"
        " ALTER MAPPING FOR word, hword_part WITH unaccent, simple",
        # a hyphenated word's whole form would take a position of its own and break phrases
        # ("pas vis-à-vis"); its parts are indexed, as FTS5 does
        "ALTER TEXT SEARCH CONFIGURATION quote_fold DROP MAPPING FOR hword, asciihword, numhword",
        """CREATE TABLE sources (
            id text PRIMARY KEY, file text NOT NULL, outlet text, date text, title text,
            language text, speakers text NOT NULL, turns integer NOT NULL, format text,
            words integer NOT NULL, text text NOT NULL, tsv tsvector NOT NULL,
            imported timestamptz NOT NULL DEFAULT now()
        )""",
        "CREATE INDEX sources_tsv ON sources USING gin (tsv)",
        "CREATE TABLE lexemes (word text PRIMARY KEY)",
        "CREATE INDEX lexemes_trgm ON lexemes USING gin (word gin_trgm_ops)",
    ),
    # issue 12: the same content under a new id is refused (``backend.digest``); rows from
    # before are filled in by ``_fill_digests``
    2: (
        "ALTER TABLE sources ADD COLUMN digest text",
        "CREATE INDEX sources_digest ON sources (digest)",
    ),
    # Each transcript's folded words and sentences, stored at import (``matching.layout``;
    # NULL until ``init`` makes them), and the vocabulary made of those same words, as
    # SQLite's is, so both backends guess the same typos; its range index serves
    # ``starting`` (a first letter) in any collation.
    3: (
        "ALTER TABLE sources ADD COLUMN layout bytea, ADD COLUMN layout_version integer",
        "DELETE FROM lexemes",
        "DROP INDEX lexemes_trgm",
        'CREATE INDEX lexemes_bytes ON lexemes (word COLLATE "C")',
    ),
    # The pairs of neighbouring words of each transcript ("well_it", "it_will"), GIN-indexed:
    # a phrase's pairs narrow the sources whose positions the phrase must be checked against
    # to those holding every pair, where its words alone let through most of a large library
    # ("well it will be very much": 75,000 of 100,000 tsvectors read, 1.1 s). An import makes
    # them from the transcript's folded words (``pairs``), and so does this migration, from
    # each row's stored layout. A transcript with more pairs than a tsvector holds keeps none
    # (NULL) and is checked by its positions alone (the partial index finds those); so is a
    # row not yet filled.
    4: (
        "ALTER TABLE sources ADD COLUMN pairs tsvector",
        fill_pairs,
        # a GIN index is built in memory: the default 64 MB took 11 min at 100,000 sources
        "SET LOCAL maintenance_work_mem = '512MB'",
        "CREATE INDEX sources_pairs ON sources USING gin (pairs)",
        "CREATE INDEX sources_unpaired ON sources (id) WHERE pairs IS NULL",
        # the shortest sources first: where most sources hold the words (every content word
        # of a typo'd phrase), reading them in that order finds the first few at once (0.09 s
        # where collecting all 32,000 of them took 0.53 s)
        'CREATE INDEX sources_shortest ON sources (words, id COLLATE "C")',
    ),
    # Each transcript keeps the least pair of every ``WINDOW`` (``kept``), half of them: the
    # index is dropped, every row's pairs made again from its stored layout, and the index
    # built once over them (updating it row by row would cost more than building it).
    5: (
        "DROP INDEX sources_pairs",
        fill_pairs,
        "SET LOCAL maintenance_work_mem = '512MB'",
        "CREATE INDEX sources_pairs ON sources USING gin (pairs)",
    ),
    # No planner statistics for the columns no query filters on (text, layout) or whose
    # filter is planned the same without them (pairs: a bitmap scan of its index either way;
    # 200/200 answers and the same latencies at 100,000 sources). ANALYZE read every sampled
    # row's text, layout and pairs: 8.5 s of the server's CPU at 100,000 sources, 1.9 s
    # without, and autovacuum runs it at every tenth of growth during a large import.
    6: (
        "ALTER TABLE sources ALTER COLUMN text SET STATISTICS 0,"
        " ALTER COLUMN layout SET STATISTICS 0, ALTER COLUMN pairs SET STATISTICS 0",
    ),
}
assert max(MIGRATIONS) == SCHEMA_VERSION
