"""Issue 12, found by the wild fixtures: a changed number, or a phrase typed without the
negation just before where it matches, is not what the source said; a phrase may run over
three sentences when one is a word or three long ("Agh! Sorry. Somebody changed the")."""

from __future__ import annotations

import pytest

from quotecli import transcript
from quotecli.search import Searcher, SearchOptions

TEXT = """+++
schema = 1
id = "t"
outlet = "Radio"
language = "en"

[[speakers]]
id = "ann"
name = "Ann"
role = "interviewee"
+++

::: ann
I joined the crypto space in 2013. I'm not a registered investment advisor, and I don't give
investment advice! Since 4-5 years I have cared about routes.

::: ann
Agh! Sorry. Somebody changed the resolution. Director Burke. Here. Director Geary. Here.
"""


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("I joined the crypto space in 2013.", True),
        ("I joined the crypto space in 2011.", False),
        ("I'm not a registered investment advisor", True),
        ("I'm a registered investment advisor", False),
        ("Since 10 years I have cared about routes", False),
        ("Agh! Sorry. Somebody changed the", True),
        ("Director Burke. Here. Director Geary.", True),
    ],
)
def test_numbers_and_a_negation_before_the_region(phrase, found):
    source = transcript.parse(TEXT, "t")
    assert Searcher([source]).search(phrase, SearchOptions()).found is found


NUMBERS = TEXT.replace(
    "Since 4-5 years I have cared about routes.",
    "I think it was on the cards within the first day or two. Nine of them stayed home."
    " We won by millions of votes, a hundred thousand in one state.",
)


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("it was on the cards within the first day or two", True),
        # two letters of a number word swapped: a typo (blind-4, go-time-100's "frist")
        ("it was on the cards within the frist day or two", True),
        ("it was on the cards within the thrid day or two", False),  # "third": another number
        ("None of them stayed home", False),  # one letter changed: another word, not a typo
        ("Nien of them stayed home", True),
        # a long number word with a letter dropped or doubled: a typo (blind-11, "milions")
        ("We won by milions of votes", True),
        ("a hundred thousands in one state", False),  # another number word, not a typo
        ("We won by million of votes", False),
        ("We won by billions of votes", False),
        # inside a number of several words the typo is still read as another number: the
        # safe side, the passage is shown beside the refusal
        ("a hundred thousannd in one state", False),
        ("a hunded thousand in one state", False),
    ],
)
def test_a_number_word_typed_with_two_letters_swapped_is_that_number(phrase, found):
    source = transcript.parse(NUMBERS, "t")
    assert Searcher([source]).search(phrase, SearchOptions()).found is found


THREE = TEXT.replace(
    "Since 4-5 years I have cared about routes.",
    "They say it's an endangered species. Well, how is it endangered? No wonder it's a"
    " danger. It's not getting any water.",
)


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        # three sentences typed, one typo (blind-11): looked for over three sentences
        (
            "They say it's an endangered speceis. Well, how is it endangered? No wonder it's a"
            " danger.",
            True,
        ),
        ("Well, how is it endangered? No wonder it's a danger. It's not getting any watter.", True),
        # and still refused for a changed word, a number or a negation
        (
            "They say it's an endangered species. Well, how is it endangered? No wonder it's a"
            " flood.",
            False,
        ),
        ("Well, how is it endangered? No wonder it's a danger. It's getting any water.", False),
    ],
)
def test_a_phrase_of_three_sentences_with_a_typo(phrase, found):
    source = transcript.parse(THREE, "t")
    assert Searcher([source]).search(phrase, SearchOptions()).found is found


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        # blind-12, Publico's German interview: "Keine" dropped was found as a quotation
        (
            "Erstens: Keine europäischen Mehrheitsentscheidungen in der Steuerpolitik.",
            "Erstens: Europäische Mehrheitsentscheidungen in der Steuerpolitik.",
        ),
        (
            "Das hat mich nicht überrascht, denn Weber hatte sich vorher distanziert.",
            "Das hat mich überrascht, denn Weber hatte sich vorher distanziert.",
        ),
        (
            "Nunca he votado por ese partido en las elecciones.",
            "He votado por ese partido en las elecciones.",
        ),
        (
            "Non abbiamo mai avuto paura di quella decisione politica.",
            "Abbiamo avuto paura di quella decisione politica.",
        ),
        (
            "Não vamos aceitar essa proposta do governo agora.",
            "Vamos aceitar essa proposta do governo agora.",
        ),
    ],
)
def test_a_negation_dropped_in_german_spanish_italian_portuguese_is_refused(said, typed):
    text = TEXT.replace("Since 4-5 years I have cared about routes.", said)
    source = transcript.parse(text, "t")
    assert Searcher([source]).search(said, SearchOptions()).found
    assert not Searcher([source]).search(typed, SearchOptions()).found


MOTHER = TEXT.replace(
    "Since 4-5 years I have cared about routes.",
    "My mother was born on a Guyanese sugarcane plantation and my father grew up on a canola"
    " farm in Canada.",
)


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("My mother was born on a Guyanese sugarcane plantation", True),
        # blind files24: "my father" borrowed from the next clause, "mother" in its place
        ("My father was born on a Guyanese sugarcane plantation", False),
        ("was born on a Guyanese sugarcane plantation, my mother", True),  # a chunk moved
        ("my father grew up on a canola farm in Canada", True),
        ("my mother grew up on a canola farm in Canada", False),
    ],
)
def test_a_chunk_found_moved_where_the_source_says_another_word(phrase, found):
    source = transcript.parse(MOTHER, "t")
    assert Searcher([source]).search(phrase, SearchOptions()).found is found
