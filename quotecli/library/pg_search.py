"""The searches a PostgreSQL library runs for ``backend.candidates`` (``backend.Engine``): what
the GIN indexes answer for a phrase (narrowed by the word pairs ``pg_schema.needed`` gives), a
word or its typo neighbours, ranked by the policy's own rules, the same as SQLite's (never
``ts_rank``, which reads every matching ``tsvector``). Only ``PostgresLibrary.engine`` makes
one, on its connection; psycopg is never imported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotecli.library import backend
from quotecli.library.pg_schema import needed

if TYPE_CHECKING:
    import psycopg

_PLAIN = "plainto_tsquery('quote_fold', %s)"
_PHRASE = "phraseto_tsquery('quote_fold', %s)"
_SHORTEST = ' ORDER BY words, id COLLATE "C" LIMIT %s'


class Engine:
    """``backend.Engine`` on PostgreSQL: the GIN index answers which sources hold the words;
    the ranking is the policy's (no ``ts_rank``, which reads every matching ``tsvector``)."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def known(self, words: list[str]) -> set[str]:
        rows = self.conn.execute("SELECT word FROM lexemes WHERE word = ANY(%s)", (words,))
        return {r[0] for r in rows}

    def starting(self, letter: str) -> list[str]:
        rows = self.conn.execute(
            'SELECT word FROM lexemes WHERE word COLLATE "C" >= %s AND word COLLATE "C" < %s',
            (letter, letter + "\U0010ffff"),
        )
        return [r[0] for r in rows]

    def _ids(self, expr: str, params: list, limit: int) -> list[str]:
        rows = self.conn.execute(
            f"SELECT id FROM sources WHERE tsv @@ ({expr}){_SHORTEST}", [*params, limit]
        ).fetchall()
        return [r[0] for r in rows]

    def phrases(self, variants: list[tuple[str, ...]], limit: int) -> list[str]:
        """The GIN index of word pairs narrows the sources, their positions decide. A phrase
        too short to need a pair (``pg_schema.needed``) is looked for by its positions alone."""
        texts = [" ".join(v) for v in variants]
        expr = " || ".join([_PHRASE] * len(variants))
        needs = [n for v in variants if (n := needed(list(v))) is not None]
        if len(needs) < len(variants):
            return self._ids(expr, texts, limit)
        # One phrase: its words, all of them, from the GIN index too, which the pairs of
        # common words leave many rows to read ("Well we are entitled to do that": 64,043 rows
        # of 100,000 hold "we_are" and "to_do", 14,823 its words; 1.0 s -> 0.35 s)
        return self._paired(needs, expr, texts, limit, texts[0] if len(texts) == 1 else None)

    def gapped(self, gaps: list[tuple[tuple[str, ...], ...]], limit: int) -> list[str]:
        """As ``phrases``: each gap's runs narrowed by the pairs they need (its longest run
        has enough, ``backend.GAP_RUN``), their positions decide."""
        expr = " || ".join("(" + " && ".join([_PHRASE] * len(runs)) + ")" for runs in gaps)
        needs = [
            set().union(*held)
            for runs in gaps
            if (held := [n for r in runs if (n := needed(list(r))) is not None])
        ]
        texts = [" ".join(r) for runs in gaps for r in runs]
        return self._paired(needs, expr, texts, limit)

    def _paired(
        self, needs: list[set[str]], expr: str, texts: list[str], limit: int, words=None
    ) -> list[str]:
        """The sources holding one of ``needs`` (each a set of pairs, all of them) and, when
        given, all of ``words`` (the GIN indexes answer both), whose positions hold ``expr``
        (its ``texts``). OFFSET 0 keeps the planner from reading the positions' GIN index
        instead: with the variants of a typo'd phrase it walks the postings of every common
        word (1.5 s)."""
        held = " | ".join("(" + " & ".join(f"'{p}'" for p in sorted(n)) + ")" for n in needs)
        also = f" AND tsv @@ {_PLAIN}" if words is not None else ""
        rows = self.conn.execute(
            "SELECT id FROM (SELECT id, words, tsv FROM sources"
            f" WHERE (pairs @@ %s::tsquery OR pairs IS NULL){also} OFFSET 0) paired"
            f" WHERE tsv @@ ({expr}){_SHORTEST}",
            [held, *([words] if words is not None else []), *texts, limit],
        ).fetchall()
        return [r[0] for r in rows]

    def every(self, groups: list[tuple[str, ...]], limit: int) -> list[str]:
        expr = " && ".join("(" + " || ".join([_PLAIN] * len(g)) + ")" for g in groups)
        return self._ids(expr, [w for g in groups for w in g], limit)

    def some(self, terms: tuple[str, ...], limit: int) -> list[str]:
        conn = self.conn
        counts = [f"(SELECT count(*) FROM sources WHERE tsv @@ {_PLAIN})" for _ in terms]
        row = conn.execute(
            f"SELECT (SELECT count(*) FROM sources), {', '.join(counts)}", terms
        ).fetchone()
        assert row is not None  # a SELECT without FROM is one row
        total, holding = row[0], list(row[1:])
        weights = backend.weights(total, holding)
        rounds = backend.rarest(weights)
        for k, round_ in enumerate(rounds):
            last = k == len(rounds) - 1
            rows = self._ranked(terms, weights, () if last else round_.rare, limit)
            if backend.settled([r[1] for r in rows], round_, limit, last):
                return [r[0] for r in rows]
        return []  # no terms

    def _ranked(
        self, terms: tuple[str, ...], weights: list[int], rare: tuple[int, ...], limit: int
    ) -> list[tuple[str, int]]:
        """The best ``limit`` sources by summed weights, among those holding one of the
        ``rare`` terms (all sources when none is given). Each term's sources come from the
        GIN index alone: a term and the rare terms are one tsquery, so no row is read twice."""
        among = " || ".join([_PLAIN] * len(rare))
        cond = f"tsv @@ ({_PLAIN} && ({among}))" if rare else f"tsv @@ {_PLAIN}"
        union = " UNION ALL ".join(
            [f"SELECT id, %s::integer AS w FROM sources WHERE {cond}"] * len(terms)
        )
        params = [
            x
            for t, w in zip(terms, weights, strict=True)
            for x in (w, t, *(terms[i] for i in rare))
        ]
        rows = self.conn.execute(
            f"SELECT s.id, sum(h.w)::integer FROM ({union}) h JOIN sources s USING (id)"
            ' GROUP BY s.id, s.words ORDER BY sum(h.w) DESC, s.words, s.id COLLATE "C"'
            " LIMIT %s",
            [*params, limit],
        ).fetchall()
        return [(r[0], r[1]) for r in rows]
