"""Noisy sources (issue 13 item 6): text that character recognition got wrong is found by a
phrase typed with normal spelling, marked as read through misprints, and the quotation is still
the source's own text; digits typed stay exact and a changed claim is still refused.

The French sitting below is written with the misprints the issue names ("Ia loi", "11 a su",
"]-es"); ``tests/fixtures/ocr/pm-transcript-6525.xml`` is a real OCR'd transcript of the PM
corpus (Commonwealth of Australia, CC BY 3.0 AU: ../shared/corpus/README.md).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from quotecli import readers, transcript
from quotecli.main import main
from quotecli.matching.index import SourceIndex
from quotecli.search import Searcher
from quotecli.text import misread

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ocr" / "pm-transcript-6525.xml"

SITTING = """+++
schema = 1
id = "seance"
outlet = "Journal officiel"
date = "1881-01-11"
language = "fr"

[[speakers]]
id = "dupont"
name = "M. Dupont"
role = "speaker"
+++

::: dupont
Messieurs, Ia loi que vous votez aujourd'hui est une loi de liberté. 11 a su le dire avant
moi, et ]-es ouvriers le savent bien. Nous savons que Ia rnaison brûle depuis 1879.
"""


@pytest.fixture(scope="module")
def sitting():
    return Searcher([transcript.parse(SITTING, "seance")])


@pytest.mark.parametrize(("printed", "before", "expected"), [
    ("Ia", "", {"la"}), ("Ies", "", {"les"}), ("11", "", {"il", "ll"}), ("es", "]-", {"les"}),
    ("rnaison", "", {"maison"}), ("tbe", "", {"the"}), ("wbat", "", {"what"}),
    ("0f", "", {"of"}), ("wou1d", "", {"would"}), ("capital1", "", {"capital"}),
])  # fmt: skip
def test_readings_of_damaged_tokens(printed, before, expected):
    assert expected <= set(misread.readings(printed, before))


@pytest.mark.parametrize("printed", [
    "It", "In", "Iraq", "modern", "burn", "outbreak", "football", "1st", "1980", "80s", "1er",
    "Il", "la", "maison",
])  # fmt: skip
def test_words_and_numbers_are_not_misprints(printed):
    """A word is never read as another ("modern" is not "modem"), nor a number as a word."""
    assert not [r for r in misread.readings(printed) if r not in {"ll"}]


@pytest.mark.parametrize(("phrase", "marks"), [
    ("la loi que vous votez aujourd'hui", [("Ia", "la")]),
    ("Il a su le dire avant moi, et les ouvriers", [("11", "Il"), ("]-es", "les")]),
    ("nous savons que la maison brûle", [("Ia", "la"), ("rnaison", "maison")]),
])  # fmt: skip
def test_a_phrase_typed_right_finds_the_misprinted_text(sitting, phrase, marks):
    result = sitting.search(phrase)
    assert result.found
    m = result.matches[0]
    assert list(m.misread) == marks
    assert m.source.text[m.start : m.end] == m.quote  # the source's text, misprints and all
    for printed, _ in marks:
        assert printed in m.quote


@pytest.mark.parametrize("phrase", [
    "Il a su le dire après moi",  # antonym
    "Il n'a pas su le dire avant moi",  # negation added
    "nous savons que la maison brûle depuis 1878",  # a digit changed
    "11 a su le dire avant nous",  # a word changed
])  # fmt: skip
def test_a_changed_claim_on_a_misprinted_source_is_refused(sitting, phrase):
    assert not sitting.search(phrase).found


def test_no_phrase_with_a_changed_digit_is_found_on_a_noisy_source():
    """Property: every digit of every sentence of the real OCR'd transcript, changed, is never
    found, though the sentence as printed is."""
    converted = readers.convert(FIXTURE.read_bytes(), FIXTURE.name, options={})
    source = transcript.parse(converted.text, "pm-6525")
    searcher = Searcher([source])
    index = SourceIndex(source)
    rng = random.Random(13)
    tried = 0
    for s in index.sentences:
        text = source.text[s.start : s.end]
        digits = [m.start() for m in re.finditer(r"\d", text)]
        if not digits or len(text.split()) < 4:
            continue
        at = rng.choice(digits)
        changed = text[:at] + str((int(text[at]) + rng.randint(1, 9)) % 10) + text[at + 1 :]
        assert not searcher.search(changed).found, (text, changed)
        tried += 1
    assert tried >= 5


def test_real_ocr_is_found_and_marked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUOTE_HOME", str(tmp_path))
    assert main(["import", str(FIXTURE)]) == 0
    capsys.readouterr()
    assert main(["--json", "talk about the possibility of a capital gains"]) == 0
    m = json.loads(capsys.readouterr().out)["matches"][0]
    assert m["misread"] == [{"printed": "tbe", "read": "the"},
                            {"printed": "capital1", "read": "capital"}]  # fmt: skip
    assert m["match"].startswith("tallk about tbe possibility")
    assert main(["talk about the possibility of a capital gains"]) == 0
    assert "read through misprints: “tbe” as “the”, “capital1” as “capital”" in (
        capsys.readouterr().out
    )
    assert main(["talk about the impossibility of a capital gains"]) == 1
