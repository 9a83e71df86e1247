"""Found by the blind set files32 (issue 12): a place typed with one letter put for another
("Iraq" for "Iran") is another name, not a typo of it, while a name typed with a letter
dropped, doubled or swapped is still found; "every week" is not "every other week". Each
phrase was found (wrongly) before the change; the passage is shown beside it."""

from __future__ import annotations

import pytest

from quotecli import transcript
from quotecli.search import Searcher, SearchOptions

# scottpetrovic/krita-org-hugo, content/en/posts/2021/interview-with-ali-bahabadi.md, and
# openjournals/blog.joss.theoj.org, _posts/2024-05-16-josscast-10-defect-structure-searching.md
TEXT = """+++
schema = 1
id = "t"
outlet = "Krita.org"
language = "en"

[[speakers]]
id = "ali"
name = "Ali Bahabadi"
role = "interviewee"
+++

::: ali
My full name is Mohammad-Ali Bahabadi, but I sign with my shortened version of my name, Ali
Bahabadi. I was born in 1983 in Iran. I got a master's degree in art conservation.

::: ali
And we're your hosts. Every other week, we interview an author published in the Journal of
Open Source Software or JOSS.
"""


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("I was born in 1983 in Iran", True),
        ("I was born in 1983 in Iraq", False),  # another country, one letter off
        ("I was born in 1983 in Irna", True),  # two letters swapped: a typo
        ("I was born in 1983 in Irann", True),  # a letter doubled
        ("I sign with my shortened version of my name, Ali Bahabdi", True),  # a letter dropped
        ("Every other week, we interview an author published in the Journal", True),
        ("Every week, we interview an author published in the Journal", False),
    ],
)
def test_a_name_or_a_frequency_changed_is_not_found(phrase, found):
    source = transcript.parse(TEXT, "t.quote.txt")
    got = Searcher([source]).search(phrase, SearchOptions())
    assert got.found is found, phrase
    if not found:
        assert got.closest is not None  # the real passage beside the refusal
