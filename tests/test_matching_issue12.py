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
    "I think it was on the cards within the first day or two. Nine of them stayed home.",
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
    ],
)
def test_a_number_word_typed_with_two_letters_swapped_is_that_number(phrase, found):
    source = transcript.parse(NUMBERS, "t")
    assert Searcher([source]).search(phrase, SearchOptions()).found is found
