"""The PostgreSQL library's schema: each version's statements (issue 15), applied in order
inside one transaction by ``PostgresLibrary.init``; the version is kept in ``schema_version``."""

SCHEMA_VERSION = 4
MAX_PAIRS = 40_000  # pairs a transcript keeps (a tsvector holds 1 MB: about 60,000 of them)

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
    # The pairs of neighbouring words of each transcript ("well_it", "it_will"), GIN-indexed:
    # a phrase's pairs narrow the sources whose positions the phrase must be checked against
    # to those holding every pair, where its words alone let through most of a large library
    # ("well it will be very much": 75,000 of 100,000 tsvectors read, 1.1 s). An import makes
    # them from the transcript's folded words (``postgres.pairs``); this migration from each
    # row's own tsvector positions. A transcript with more pairs than a tsvector holds keeps
    # none (NULL) and is checked by its positions alone (the partial index finds those).
    4: (
        f"""CREATE FUNCTION quote_pairs(v tsvector) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN count(*) <= {MAX_PAIRS} THEN array_to_tsvector(array_agg(x)) END
            FROM (SELECT DISTINCT a.lexeme || '_' || b.lexeme AS x
                  FROM (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) a
                  JOIN (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) b
                  ON b.p = a.p + 1) pairs
        $$""",
        "ALTER TABLE sources ADD COLUMN pairs tsvector",
        "UPDATE sources SET pairs = quote_pairs(tsv)",
        # a GIN index is built in memory: the default 64 MB took 11 min at 100,000 sources
        "SET LOCAL maintenance_work_mem = '512MB'",
        "CREATE INDEX sources_pairs ON sources USING gin (pairs)",
        "CREATE INDEX sources_unpaired ON sources (id) WHERE pairs IS NULL",
        # the shortest sources first: where most sources hold the words (every content word
        # of a typo'd phrase), reading them in that order finds the first few at once (0.09 s
        # where collecting all 32,000 of them took 0.53 s)
        'CREATE INDEX sources_shortest ON sources (words, id COLLATE "C")',
        "DROP FUNCTION quote_pairs",
    ),
}
assert max(MIGRATIONS) == SCHEMA_VERSION
