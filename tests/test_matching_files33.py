"""Found by the blind set files33 (issue 12): a letter that stands for something ("I got a D
on my paper", a grade) typed as another ("an A") says something else, as a changed digit does;
and a quotation opens on the speaker's words, not on a transcriber's note before them ("[Both
chuckle.] So everyone wrote…"). The changed grade was found (wrongly) before the change; the
passage is shown beside it."""

from __future__ import annotations

import pytest

from quotecli import transcript
from quotecli.search import Searcher, SearchOptions

# ediewilson/ddhi-encoder, tests/transcript1.docx (Dartmouth Vietnam Project, Susan E. Tavela)
TEXT = """+++
schema = 1
id = "t"
outlet = "Dartmouth College Oral History Program"
language = "en"

[[speakers]]
id = "tavela"
name = "Susan E. Tavela"
role = "interviewee"
+++

::: tavela
And they had just [chuckles]—I didn't know, but the eighth-grade teacher just finished a
section on all the primitive machines and how the wheel is the basis of life, you know?
[Both chuckle.] So everyone wrote about the wheel but me, and I got a D on my paper. [Laughs.]

::: tavela
We were on plan B by then, and vitamin D was all we had. I was born and raised in L.A., so it
is absolutely home.
"""


def search(phrase: str):
    return Searcher([transcript.parse(TEXT, "t.quote.txt")]).search(phrase, SearchOptions())


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("So everyone wrote about the wheel but me, and I got a D on my paper", True),
        ("So everyone wrote about the wheel but me, and I got an A on my paper", False),
        ("everyone wrote about the wheel but me and I got a F on my paper", False),
        ("and I got a on my paper", False),  # the grade left out
        ("We were on plan B by then, and vitamin D was all we had", True),
        ("We were on plan C by then, and vitamin D was all we had", False),
        # an abbreviation's letters, typed without their periods (blind-13's row)
        ("I was born and raised in LA, so it is absolutely home", True),
    ],
)
def test_a_letter_put_for_another_is_not_found(phrase, found):
    got = search(phrase)
    assert got.found is found, phrase
    if not found:
        assert got.closest is not None  # the real passage beside the refusal


def test_a_quotation_opens_after_the_note_before_the_words():
    got = search("So everyone wrote about the wheel but me")
    assert got.found
    match = got.matches[0]
    assert match.quote == "So everyone wrote about the wheel but me, and I got a D on my paper."
    assert TEXT[TEXT.index("+++\n\n") :].count(match.quote) == 1
