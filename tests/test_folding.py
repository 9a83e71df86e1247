"""Folding with an offset map: the same words, whatever the typing (issue 2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecli.text.folding import fold_words, words

TROUBLEMAKERS = "İıßﬁﬂŒœÆæ\u00a0\u202f’‘«»“”–—/\u0301\u0308éèêëàçÉ ÇĳǅẞΣς\t\n'\"-.,?!…[]()"


@pytest.mark.parametrize(
    "typed, source",
    [
        ("alternative a openai", "alternative à OpenAI"),
        ("l'Etat", "L’État"),
        ("l etat", "l'État"),
        ("« OpenAI »", "OpenAI"),
        ("vis a vis", "vis-à-vis"),
        ("Microsoft OpenAI", "Microsoft/OpenAI"),
        ("  la   tech  ", "la tech"),
        ("strasse", "Straße"),
        ("oeuvre", "Œuvre"),
        ("fin", "ﬁn"),
        ("ete", "e\u0301te\u0301"),  # NFD source
        ("plus-value", "plus value"),
    ],
)
def test_typed_and_source_fold_alike(typed, source):
    assert fold_words(typed) == fold_words(source)


def test_words_keep_the_source_spans():
    text = "L’État  français — «\u202fOpenAI\u202f»"
    got = [(w.text, text[w.start : w.end]) for w in words(text)]
    assert got == [("l", "L"), ("etat", "État"), ("francais", "français"), ("openai", "OpenAI")]


def test_combining_accents_belong_to_their_word():
    text = "e\u0301te\u0301 ici"
    first = words(text)[0]
    assert text[first.start : first.end] == "e\u0301te\u0301"


def test_base_offset_is_added():
    assert words("ab cd", 10)[1].start == 13


@given(st.text(alphabet=st.sampled_from(TROUBLEMAKERS) | st.characters(), max_size=80))
def test_folding_is_idempotent(text):
    once = fold_words(text)
    assert fold_words(" ".join(once)) == once


@given(st.text(alphabet=st.sampled_from(TROUBLEMAKERS) | st.characters(), max_size=80))
def test_offset_map_is_monotonic_and_inside_the_source(text):
    spans = [(w.start, w.end) for w in words(text)]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    assert all(w.text and " " not in w.text for w in words(text))


@given(st.text(alphabet=st.sampled_from(TROUBLEMAKERS) | st.characters(), max_size=80))
def test_each_word_folds_from_its_own_span(text):
    for w in words(text):
        assert fold_words(text[w.start : w.end]) == [w.text]


@given(st.text(alphabet=st.sampled_from(TROUBLEMAKERS + "\0") | st.characters(), max_size=80),
       st.integers(min_value=0, max_value=5))  # fmt: skip
def test_issue_16_one_for_one_folding_is_the_mapped_loop(text, base):
    """The fast path (text folding one character for one) gives the loop's words exactly."""
    from quotecli.text.folding import _mapped_words, _words

    assert _words(text, base) == _mapped_words(text, base)
