"""Claims the light words carry (issue 13): a quantifier, a modal, an auxiliary's tense, the two
sides of "but"/"mais"/"than" — changed, the phrase says something the source does not and is
refused, with the real passage as the closest. Typed without an apostrophe ("dont", "cest",
"laccord", "nest"), the same words are found.

The English transcript below is written for these tests (a budget interview of nobody); the
French phrases are over the bundled interview. A property: every quantifier or modal of these
sentences replaced by one of another group is refused.
"""

from __future__ import annotations

import re

import pytest

from quotecli import library, transcript
from quotecli.search import Searcher, SearchOptions
from quotecli.text import folding, lexicon

TEXT = """+++
schema = 1
id = "budget"
outlet = "Radio"
language = "en"

[[speakers]]
id = "jane"
name = "Jane Doe"
role = "interviewee"

[[speakers]]
id = "host"
name = "Host"
role = "interviewer"
+++

::: host
What is the plan for the budget?

::: jane
We don't need to finish it this year, but we do need to have a serious plan. I will be
presenting the figures next week. We are one of the leaders in the region, not the only one.
All of our schools have new teachers, and some of them have new buildings. We must cut costs,
but we can still invest.

::: host
And after that?

::: jane
We would rather build schools than build roads. We did it before the election, not after it.
Families moved in after the works.
"""


@pytest.fixture(scope="module")
def budget():
    return Searcher([transcript.parse(TEXT, "budget")])


@pytest.fixture(scope="module")
def bundled():
    return Searcher(library.load_sources(None))


REFUSED = [
    ("I have presented the figures next week", "will"),
    ("We are the only leader in the region", None),
    ("Some of our schools have new teachers", "All"),
    ("all of them have new buildings", "some"),
    ("We can cut costs, but we must still invest", None),
    ("We would rather build roads than build schools", None),
    ("We did it after the election, not before it", None),
    ("We need to finish it this year, but we don't need to have a serious plan", "but"),
    ("We are the leaders in the region", "one"),
    ("Families moved out after the works", "in"),
]

FOUND = [
    "I will be presenting the figures next week",
    "We don't need to finish it this year, but we do need to have a serious plan",
    "We dont need to finish it this year",
    "All of our schools have new teachers",
    "We did it before the election",
    "We must cut costs but we can still invest",
    "Families moved in after the works",
    "We are one of the leaders in the region",
]


@pytest.mark.parametrize(("phrase", "named"), REFUSED)
def test_a_changed_claim_is_refused_with_the_real_passage(budget, phrase, named):
    result = budget.search(phrase, SearchOptions())
    assert not result.found, result.matches and result.matches[0].quote
    closest = result.closest
    assert closest is not None and closest.speaker.name == "Jane Doe"
    assert closest.source.text[closest.start : closest.end] == closest.text
    if named:
        assert f"“{named}”" in closest.reason, closest.reason


@pytest.mark.parametrize("phrase", FOUND)
def test_the_same_claims_are_found(budget, phrase):
    result = budget.search(phrase, SearchOptions())
    assert result.found, result.closest and result.closest.reason
    m = result.matches[0]
    assert m.speaker.name == "Jane Doe"
    assert m.source.text[m.start : m.end] == m.quote


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("Microsoft, qui est le seul leader mondial du cloud et des logiciels d'entreprise", False),
        ("Microsoft, qui est l'un des leaders mondiaux du cloud et des logiciels", True),
        ("il faudrait plutôt se réjouir qu'un Français réussisse à casser le duopole", False),
        ("il faut plutôt se réjouir qu'un Français réussisse à casser le duopole", True),
        ("L'Etat français a pris ses positions sur l'AI Act non pas pour défendre l'intérêt "
         "général, mais vis-à-vis de celles de Mistral", False),
        ("De plus laccord de distribution avec Microsoft nest pas exclusif", True),
        ("lentreprise était en train de construire son propre modèle fermé", True),
        ("cest une forte plus-value de Mistral, et cest essentiel pour les entreprises", True),
    ],
)  # fmt: skip
def test_french_claims_and_apostrophes(bundled, phrase, found):
    assert bundled.search(phrase, SearchOptions()).found is found


@pytest.mark.parametrize(
    ("typed", "source"),
    [("doesnt", "doesn't"), ("youre", "you’re"), ("cest", "c'est"), ("quil", "qu'il"),
     ("aujourdhui", "aujourd'hui"), ("Im", "I'm")],
)  # fmt: skip
def test_a_contraction_without_its_apostrophe_folds_like_the_source(typed, source):
    assert folding.fold_words(typed) == folding.fold_words(source)
    for w in folding.words(typed):
        assert w.end - w.start == len(w.text)  # each part keeps a span of its own


def test_words_that_exist_without_an_apostrophe_stay_whole():
    for w in ("its", "were", "well", "ill", "lets", "nest", "quelle"):
        assert folding.fold_words(w) == [w]


def test_no_quantifier_or_modal_replaced_by_another_is_found(budget):
    """Property over the budget transcript: each quantifier or modal of Jane Doe's sentences,
    replaced by a word of another group of its kind, makes a phrase that is never found."""
    turns = TEXT.split("+++")[2].split("::: ")
    said = " ".join(t.split("\n", 1)[1] for t in turns if t.startswith("jane"))
    groups = {
        "quantifier": ["only", "all", "some", "most", "several", "every"],
        "modal": ["will", "would", "should", "can", "could", "may", "must"],
    }
    tried = 0
    for sentence in re.split(r"(?<=\.)\s+", " ".join(said.split())):
        words = sentence.split()
        folded = [(folding.fold_words(w) or [""])[0] for w in words]
        for k in range(len(words)):
            c = lexicon.claim(folded, k)
            if c is None or c[0] not in groups:
                continue
            for other in groups[c[0]]:
                if lexicon.claim([other], 0) == c:
                    continue
                phrase = " ".join(words[:k] + [other] + words[k + 1 :])
                tried += 1
                assert not budget.search(phrase, SearchOptions()).found, phrase
    assert tried >= 30


def test_french_dont_is_a_word_and_english_dont_is_dont_t(bundled):
    assert folding.fold_words("ce dont la tech a besoin") == ["ce", "dont", "la", "tech", "a",
                                                              "besoin"]  # fmt: skip
    assert folding.fold_words("I dont know", english=True) == ["i", "don", "t", "know"]
    result = bundled.search("ce qui est exactement ce dont la tech européenne a besoin")
    assert result.found and result.matches[0].exact


def test_an_english_phrase_typed_with_dont_finds_dont_t(budget):
    result = budget.search("We dont need to finish it this year", SearchOptions())
    assert result.found
    assert "don't" in result.matches[0].quote


NUMBERS = TEXT.replace(
    "We would rather build schools",
    "We waited forty-five minutes. We hired 15,000 teachers. We would rather build schools",
)


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("We waited 45 minutes", True),
        ("We waited forty five minutes", True),
        ("We waited forty-six minutes", False),
        ("We waited 46 minutes", False),
        ("We hired fifteen thousand teachers", True),
        ("We hired 15000 teachers", True),
        ("We hired sixteen thousand teachers", False),
        ("We hired 15,500 teachers", False),
    ],
)
def test_a_number_in_words_or_digits_is_the_same_number_and_no_other(phrase, found):
    searcher = Searcher([transcript.parse(NUMBERS, "budget")])
    result = searcher.search(phrase, SearchOptions())
    assert result.found is found, result.closest and result.closest.reason
    if found:
        m = result.matches[0]
        assert m.source.text[m.start : m.end] == m.quote


def test_numbers_read_over_several_words_keep_their_spans():
    text = "wait forty-five minutes, in the order of 15,000, vingt et un ans, 2,5 and in 2013, 500"
    got = [(w.text, text[w.start : w.end]) for w in lexicon.read_numbers(folding.words(text), text)]
    assert (
        ("45", "forty-five") in got and ("15000", "15,000") in got and ("21", "vingt et un") in got
    )
    assert (
        ("2", "2") in got
        and ("5", "5") in got
        and ("2013", "2013") in got
        and ("500", "500") in got
    )


def test_a_function_word_is_placed_where_the_phrase_puts_it():
    """ "We [have] presented it" takes the "We" of "We will be presenting it", not the "we" after
    the region (which hid the source's "will" from the claim check: found before, blind-5)."""
    said = "We will be presenting it to the Senate and we look forward to it."
    text = TEXT.replace("Families moved in after the works.", said)
    searcher = Searcher([transcript.parse(text, "budget")])
    for phrase in ("We have presented it to the Senate", "We presented it to the Senate"):
        result = searcher.search(phrase)
        assert not result.found, phrase
    assert searcher.search("We will present it to the Senate").found  # an inflection only


@pytest.mark.parametrize(("phrase", "found"), [
    # a relative pronoun left out makes the relative clause a statement of the phrase's own
    ("Microsoft est l'un des leaders mondiaux du cloud et des logiciels d'entreprise", False),
    ("Microsoft, qui est l'un des leaders mondiaux du cloud", True),
    # clauses exchanged across a "car" the phrase left out: the cause becomes the effect
    ("le marché aura accès à une solution française de la meilleure qualité, ce qui renforce "
     "la souveraineté européenne", False),
    ("cela renforce la souveraineté européenne car le marché aura accès à une solution", True),
    # a chunk moved across a left-out "mais" keeps what is said (tests/queries/blind-2.tsv)
    ("pour défendre l'intérêt général, l'Etat français a pris ses positions sur l'AI Act", True),
])  # fmt: skip
def test_relative_clauses_and_causes_keep_their_shape(bundled, phrase, found):
    assert bundled.search(phrase).found is found


def test_a_one_letter_name_exchanged_is_refused():
    """ "C" and "Pascal" exchanged around a negation (blind-7, Go Time): a capitalised name is
    a content word however short its letters."""
    said = "I did not grow up necessarily with C; I grew up with Pascal and its successors."
    searcher = Searcher([transcript.parse(TEXT.replace("Families moved in after the works.", said),
                                          "budget")])  # fmt: skip
    assert searcher.search(said).found
    swapped = "I grew up with C; I did not grow up necessarily with Pascal and its successors"
    assert not searcher.search(swapped).found


def test_a_name_found_only_away_from_its_place_is_refused(bundled):
    """ "Microsoft devient une vraie alternative" over "…de Microsoft, …, Mistral devient une
    vraie alternative" (blind-8): the subject changed, not a word moved."""
    result = bundled.search("Microsoft devient une vraie alternative à OpenAI sur Azure")
    assert not result.found
    assert result.closest is not None and "“Microsoft” where the source has “Mistral”" in (
        result.closest.reason
    )
    assert bundled.search("une vraie alternative à OpenAI sur Azure, Mistral devient").found


def test_a_number_is_matched_in_its_place_only(bundled):
    """ "De fifteen plus, l'accord…" took the 15 of the sentence before (found by the property
    test of tests/test_abstention.py)."""
    phrase = "De fifteen plus, l'accord de distribution avec Microsoft n'est pas exclusif"
    assert not bundled.search(phrase).found
    assert bundled.search(phrase.replace(" fifteen", "")).found
