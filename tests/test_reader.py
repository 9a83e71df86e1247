"""The press-interview reader and the bundled transcript it derives (issue 2)."""

from __future__ import annotations

import re

import pytest

from quotecli import transcript
from quotecli.readers import press
from tests.conftest import BUNDLED, SEED

SEED_OPTIONS = dict(
    source_id="la-tribune-2024-02-ferrari",
    outlet="La Tribune",
    language="fr",
    interviewee_title="secrétaire d'État chargée du Numérique",
)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not beside the repository")
def test_bundled_transcript_is_derived_from_the_seed_not_written_by_hand():
    derived = press.to_transcript(SEED.read_text(encoding="utf-8"), **SEED_OPTIONS)
    assert derived == BUNDLED.read_text(encoding="utf-8")


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not beside the repository")
def test_every_paragraph_of_the_seed_is_kept_verbatim(seed_source):
    raw = SEED.read_text(encoding="utf-8")
    for turn in seed_source.turns:
        for p in turn.paragraphs:
            assert seed_source.text[p.start : p.end] in raw


def test_turns_alternate_question_and_answer(seed_source):
    roles = [t.speaker.role for t in seed_source.turns]
    assert roles == ["interviewer", "interviewee"] * 3
    numbers = [[p.number for p in t.paragraphs] for t in seed_source.turns]
    assert numbers == [[1], [2, 3], [4], [5, 6], [7], [8, 9]]


def test_labels_are_kept_in_the_text_but_not_quotable(seed_source):
    first, second = seed_source.turns[:2]
    assert first.label == "LA TRIBUNE - "
    assert second.label == "MARINA FERRARI - "
    assert seed_source.text[first.start :].startswith("Mistral s'est fortement")
    assert seed_source.text[second.start :].startswith("Non, nous n'avions pas")
    assert all(t.label is None for t in seed_source.turns[2:])


def test_seventh_paragraph_is_a_question_though_it_ends_with_an_ellipsis(seed_source):
    turn = seed_source.turns[4]
    text = seed_source.text[turn.start : turn.end]
    assert turn.speaker.role == "interviewer"
    assert text.startswith("Quid de la souveraineté") and text.endswith("Microsoft...")


def test_metadata_leading_date_and_credit_line(seed_source):
    assert seed_source.date == "2024-02"
    assert seed_source.interviewer == "Sylvain Rolland"
    assert seed_source.credit == "Propos recueillis par Sylvain Rolland"
    assert seed_source.title is None and seed_source.url is None  # never invented
    body = seed_source.text[seed_source.turns[0].start :]
    assert "Propos recueillis" not in body and " date 2024-02" not in body
    ferrari = next(s for s in seed_source.speakers if s.role == "interviewee")
    assert (ferrari.name, ferrari.title) == (
        "Marina Ferrari",
        "secrétaire d'État chargée du Numérique",
    )


def test_editor_notes_are_found_inside_answers(seed_source):
    notes = [seed_source.text[a:b] for a, b in seed_source.editorial_spans()]
    assert notes == ["[de 15 millions d'euros, Ndlr]", "[tels que Capgemini ou Artefact, Ndlr]"]


@pytest.mark.parametrize(("said", "notes"), [
    ("Well (not clear) we wrote it (laughing) in C.", ["(not clear)", "(laughing)"]),
    ("C'est (inaudible) la loi (rires).", ["(inaudible)", "(rires)"]),
    ("It was (as I said) unclear to me (and to them).", []),  # parentheses are speech too
])  # fmt: skip
def test_a_transcribers_stage_note_in_parentheses_is_the_editors(said, notes):
    """ "(not clear)", "(laughing)" in an oral history (blind files8): never the speaker's."""
    text = transcript.dump(
        {"id": "t", "outlet": "X", "date": "2020-01-01", "language": "en"},
        [{"id": "a", "name": "Ann", "role": "interviewee"}],
        [("a", [said])],
    )
    source = transcript.parse(text, "t")
    assert [source.text[a:b] for a, b in source.editorial_spans()] == notes


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Et alors ?", True),
        ("Quid de l'IA ? Mistral finit par être intégré...", True),
        ("Non. Nous verrons...", False),
        ("C'est une réponse.", False),
        ("Pourquoi ?\u00a0", True),
    ],
)
def test_is_question(paragraph, expected):
    assert press.is_question(paragraph) is expected


def test_a_text_without_two_labels_is_refused():
    with pytest.raises(press.PressFormatError, match="two speaker labels"):
        press.read("Juste un paragraphe ?\n\nEt un autre.")


@pytest.mark.parametrize(
    "text, message",
    [
        ("no front matter", "no '+++' front matter"),
        ("+++\nschema = 1\n", "not closed"),
        ("+++\nschema = 2\nid='x'\noutlet='o'\nlanguage='fr'\n+++\n", "unsupported schema"),
        ("+++\nschema = 1\nid='x'\nlanguage='fr'\n+++\n", "lacks 'outlet'"),
        (
            "+++\nschema = 1\nid='x'\noutlet='o'\nlanguage='fr'\ndate='2024-13'\n+++\n",
            "is not YYYY",
        ),
        ("+++\nschema = 1\nid='x'\noutlet='o'\nlanguage='fr'\n+++\n\nhello\n", "before the first"),
        ("+++\nschema = 1\nid='x'\noutlet='o'\nlanguage='fr'\n+++\n::: nobody\nhi\n", "unknown"),
        ("+++\nschema = 1\nid='x'\noutlet='o'\nlanguage='fr'\n+++\n", "no turns"),
        ("+++\nid = [\n+++\n", "not valid TOML"),
    ],
)
def test_malformed_transcripts_are_one_line_errors(text, message):
    with pytest.raises(transcript.TranscriptError, match=re.escape(message)) as err:
        transcript.parse(text, "t.quote.txt")
    assert "\n" not in str(err.value)


def test_invalid_utf8_names_the_line(tmp_path):
    bad = tmp_path / "bad.quote.txt"
    bad.write_bytes(b"+++\nschema = 1\n\xff\n")
    with pytest.raises(transcript.TranscriptError, match="invalid UTF-8 at line 3"):
        transcript.load(bad)
