"""The word pairs a PostgreSQL library keeps of each transcript (``pg_schema.kept``) and those a
phrase needs (``pg_schema.needed``): whatever the words, a transcript holding a phrase keeps
every pair that phrase needs, so narrowing by pairs never loses a source (issue 15). No server
is needed: this is the rule both sides follow."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.library import pg_schema

# few distinct words, so that pairs repeat and windows tie; some not letters or digits, which
# neither side pairs
WORDS = st.sampled_from(
    ["le", "la", "de", "it", "was", "été", "x²", "1", "-", "l'", "東京", "dont"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, min_size=0, max_size=80), st.data())
def test_a_transcript_keeps_every_pair_a_phrase_it_holds_needs(words, data):
    kept = pg_schema.kept(words)
    assert kept <= set(pg_schema.pairs(words))
    if len(words) < 2:
        return
    start = data.draw(st.integers(0, len(words) - 2))
    end = data.draw(st.integers(start + 2, len(words)))
    phrase = words[start:end]
    need = pg_schema.needed(phrase)
    if need is None:  # too short to need a pair: looked for by its positions alone
        assert len(pg_schema.pairs(phrase)) < pg_schema.WINDOW
    else:
        assert need and need <= kept


def test_half_the_pairs_are_kept_and_a_phrase_of_four_words_needs_one():
    words = [f"w{i % 997}" for i in range(5000)]
    every = set(pg_schema.pairs(words))
    kept = pg_schema.kept(words)
    assert 0.4 < len(kept) / len(every) < 0.6
    assert pg_schema.needed(["well", "it", "will"]) is None
    assert len(pg_schema.needed(["well", "it", "will", "be"]) or ()) == 1
    # the same pairs choose the same: another process, another order of calls
    assert pg_schema.kept(words) == kept
