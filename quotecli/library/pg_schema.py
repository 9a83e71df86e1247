"""The PostgreSQL library's schema: each version's statements (issue 15), applied in order
inside one transaction by ``PostgresLibrary.init``; the version is kept in ``schema_version``."""

SCHEMA_VERSION = 4

# Each version's statements, applied in order inside one transaction by ``init``.
MIGRATIONS: dict[int, tuple[str, ...]] = {
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
    # The pairs of neighbouring words of each transcript, from its ``tsvector``'s own
    # positions, GIN-indexed: a phrase's pairs narrow the sources whose positions the phrase
    # must be checked against to those holding every pair, where its words alone let through
    # most of a large library ("well it will be very much": 75,000 of 100,000 read, 1.1 s).
    # The pairs are the positions the phrase is checked against, so none is lost.
    4: (
        """CREATE FUNCTION quote_pairs(v tsvector) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || '_' || b.lexeme)),
                            ''::tsvector)
            FROM (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) a
            JOIN (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) b ON b.p = a.p + 1
        $$""",
        # a lexeme of ``quote_fold`` is letters and digits (``plain``): no backslash to escape
        """CREATE FUNCTION quote_pair_query(phrase text) RETURNS tsquery
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT string_agg(quote_literal(x), ' & ')::tsquery
            FROM unnest(tsvector_to_array(quote_pairs(to_tsvector('quote_fold', phrase)))) x
        $$""",
        "ALTER TABLE sources ADD COLUMN pairs tsvector",
        "UPDATE sources SET pairs = quote_pairs(tsv)",
        "ALTER TABLE sources ALTER COLUMN pairs SET NOT NULL",
        # a GIN index is built in memory: the default 64 MB took 11 min at 100,000 sources
        "SET LOCAL maintenance_work_mem = '512MB'",
        "CREATE INDEX sources_pairs ON sources USING gin (pairs)",
    ),
}
assert max(MIGRATIONS) == SCHEMA_VERSION
