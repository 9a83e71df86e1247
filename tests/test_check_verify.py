"""Verdicts of ``quote check`` on a French draft of our own over the bundled interview.

The draft (tests/fixtures/drafts/ferrari-fr.md) holds verbatim quotations, marked cuts and an
insertion, a drift of each kind, the interviewer's words and an editor's note given to the
minister, words of hers given to someone else, a never-said sentence, a too-short quotation and
words both the interviewer and she said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli import library
from quotecli.check import quotations as drafts
from quotecli.check import verify

DRAFT = Path(__file__).parent / "fixtures" / "drafts" / "ferrari-fr.md"
NAMES = ["Marina Ferrari", "La Tribune", "Sylvain Rolland"]

# line → (verdict, drift kinds, role of who said it (None: not found), marked cuts)
EXPECTED = {
    5: ("verbatim", (), "interviewee", 0),
    7: ("verbatim", (), "interviewee", 1),
    9: ("verbatim", (), "interviewee", 1),  # with a writer's insertion "[Mistral]"
    13: ("verbatim", (), "interviewee", 0),  # blockquote after "La ministre insiste :"
    15: ("drift", ("spelling",), "interviewee", 0),
    17: ("drift", ("changed",), "interviewee", 0),
    19: ("drift", ("dropped",), "interviewee", 0),
    21: ("drift", ("added",), "interviewee", 0),
    23: ("drift", ("order",), "interviewee", 0),
    25: ("misattributed", (), "interviewer", 0),
    27: ("misattributed", (), "editor", 0),
    29: ("not_found", (), None, 0),
    31: ("too_short", (), None, 0),
    33: ("misattributed", (), "interviewee", 0),  # hers, given to Emmanuel Macron
    35: ("verbatim", (), "interviewee", 0),
    37: ("verbatim", (), "interviewer", 0),  # the question, rightly given to the interviewer
    39: ("ambiguous", (), "interviewer", 0),
}


@pytest.fixture(scope="module")
def checker() -> verify.Checker:
    return verify.Checker(library.load_sources(None))


@pytest.fixture(scope="module")
def verdicts(checker) -> dict[int, verify.Verdict]:
    quotations = drafts.find_quotations(DRAFT.read_text(encoding="utf-8"), NAMES)
    return {q.line: checker.check(q) for q in quotations}


def test_the_draft_has_every_expected_quotation(verdicts):
    assert sorted(verdicts) == sorted(EXPECTED)


@pytest.mark.parametrize("line", sorted(EXPECTED))
def test_verdict(verdicts, line):
    verdict, kinds, role, cuts = EXPECTED[line]
    v = verdicts[line]
    assert v.verdict == verdict, v.reason
    assert v.kinds == kinds
    assert (v.passage.speaker.role if v.passage else None) == role
    assert len(v.cuts) == cuts


@pytest.mark.parametrize("line", sorted(EXPECTED))
def test_every_passage_is_the_source_own_text(verdicts, line):
    p = verdicts[line].passage
    if p is None:
        return
    fragments = p.text.split(" […] ")
    assert p.source.text[p.start : p.end].startswith(fragments[0])
    assert p.source.text[p.start : p.end].endswith(fragments[-1])
    assert p.citation_json()["start"] == p.start and p.citation_json()["source"] == p.source.id


def _changes(v: verify.Verdict) -> list[tuple[str, str | None, str | None]]:
    return [(d.op, d.draft, d.source) for d in v.diff if d.op != "same"]


def test_drift_diffs_name_the_words(verdicts):
    assert _changes(verdicts[15]) == [("spelling", "État", "Etat")]
    assert _changes(verdicts[17]) == [("changed", "véritable", "vraie")]
    assert _changes(verdicts[19]) == [("dropped", None, "n"), ("dropped", None, "pas")]
    assert _changes(verdicts[21]) == [("added", "aussi", None)]
    assert {op for op, _, _ in _changes(verdicts[23])} == {"moved"}


def test_drift_fix_is_the_source_wording(verdicts):
    assert verdicts[17].passage.text == "Mistral devient une vraie alternative à OpenAI sur Azure"
    assert verdicts[19].passage.text.startswith("nous n'avions pas connaissance")


def test_cut_lists_what_was_left_out(verdicts):
    (omitted,) = verdicts[7].cuts
    assert "voire anecdotique" in omitted and "De plus" in omitted


def test_ambiguous_lists_both_speakers(verdicts):
    roles = {p.speaker.role for p in verdicts[39].alternatives}
    assert roles == {"interviewer", "interviewee"}


def _check(checker, text: str) -> verify.Verdict:
    (q,) = drafts.find_quotations(text, NAMES)
    return checker.check(q)


@pytest.mark.parametrize(
    "text, verdict",
    [
        # first-letter case, ’ versus ' and the kind of marks are not differences
        ("« il faut donc se réjouir de cet accord », dit Ferrari.", "verbatim"),
        ("“Il faut donc se réjouir de cet accord”, dit Ferrari.", "verbatim"),
        ("« Nous n’avions pas connaissance des négociations », dit Ferrari.", "verbatim"),
        # naming her narrows words both speakers said to hers
        ("« dans l'intelligence artificielle », dit Ferrari.", "verbatim"),
        # an editor's note inside her words is not hers
        (
            "« très minoritaire, voire anecdotique de 15 millions d'euros », dit Ferrari.",
            "misattributed",
        ),  # fmt: skip
        # the note kept in brackets is the writer's insertion: fine
        (
            "« très minoritaire, voire anecdotique [de 15 millions d'euros, Ndlr] », dit Ferrari.",
            "verbatim",
        ),  # fmt: skip
        # a cut must stay inside one turn
        (
            "« Non, nous n'avions pas connaissance des négociations […] il faut plutôt se réjouir "
            "qu'un Français réussisse », dit Ferrari.",
            "drift",
        ),  # fmt: skip
        # fragments in the wrong order are not a cut
        (
            "« Il faut donc se réjouir de cet accord […] je trouve formidable », dit Ferrari.",
            "drift",
        ),  # fmt: skip
        ("« Le gouvernement va interdire les modèles américains », dit Ferrari.", "not_found"),
        ("Elle parle de « souveraineté européenne ».", "too_short"),
    ],
)
def test_conventions(checker, text, verdict):
    v = _check(checker, text)
    assert v.verdict == verdict, v.reason


def test_a_quotation_found_nowhere_shows_the_passage_meant_not_as_a_quotation(checker):
    """issue 13: check's not_found carries the closest passage, as find's does."""
    v = _check(checker, "« il faut se féliciter de ce partenariat », dit Ferrari.")
    assert v.verdict == "not_found" and v.passage is None
    c = v.closest
    assert c is not None and c.speaker.name == "Marina Ferrari"
    assert c.source.text[c.start : c.end] == c.text and "se réjouir de cet accord" in c.text
    assert ("changed", "féliciter", "réjouir") in [(d.op, d.draft, d.source) for d in c.diff]
    body = v.to_json()
    assert body["verdict"] == "not_found" and body["closest"]["text"] == c.text
    assert body["speaker"] is None and body["citation"] is None  # nothing to paste


def test_a_word_changed_at_the_start_is_a_change_not_an_addition(checker):
    v = _check(checker, "« Oui, nous n'avions pas connaissance des négociations », dit Ferrari.")
    assert v.verdict == "drift"
    assert _changes(v) == [("changed", "Oui", "Non")]


TURNBULL = Path(__file__).resolve().parents[2] / "shared/corpus/formats/transcript-40598.xml"


@pytest.mark.skipif(not TURNBULL.exists(), reason="../shared/corpus is not beside the repository")
def test_english_draft_over_an_english_transcript(tmp_path, monkeypatch, capsys):
    """Issue 6: an English draft over an imported English transcript (a PM press conference)."""
    import json

    from quotecli.main import main

    monkeypatch.setenv("QUOTE_HOME", str(tmp_path / "home"))
    assert main(["import", str(TURNBULL)]) == 0
    capsys.readouterr()
    draft = Path(__file__).parent / "fixtures" / "drafts" / "turnbull-en.md"
    assert main(["check", "--json", str(draft)]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    got = [(r["line"], r["verdict"]) for r in rows if "verdict" in r]
    assert got == [
        (3, "verbatim"),
        (5, "drift"),
        (7, "verbatim"),  # a marked cut
        (9, "misattributed"),  # the journalist's question
        (11, "misattributed"),  # the minister's words
        (13, "not_found"),
        (15, "too_short"),
    ]
    drift = rows[1]
    assert drift["source_quote"] == "This is a great initiative"
    assert drift["speaker"]["name"] == "Malcolm Turnbull"
    assert rows[3]["speaker"]["role"] == "interviewer"
    assert rows[4]["speaker"]["name"].startswith("Minister for Veterans")


def test_a_number_written_with_separators_is_verbatim_in_a_draft():
    """A draft quoting "15,000" as the source prints it is verbatim: a draft's words fold as the
    transcript's (one folding: numbers over several words are one word on both sides)."""
    from quotecli import transcript

    text = (
        '+++\nschema = 1\nid = "t"\noutlet = "Radio"\nlanguage = "en"\n\n[[speakers]]\n'
        'id = "ann"\nname = "Ann Lee"\nrole = "interviewee"\n+++\n\n::: ann\n'
        "We hired 15,000 teachers and waited forty-five minutes for the results.\n"
    )
    checker = verify.Checker([transcript.parse(text, "t")])
    (q,) = drafts.find_quotations(
        "« We hired 15,000 teachers and waited forty-five minutes », dit Ann Lee.", ["Ann Lee"]
    )
    assert checker.check(q).verdict == "verbatim"
