"""Press Q&A with questions in bold or as headings (issue 7: the press form of the web)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecli.main import main
from quotecli.readers import convert, detect

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "qa-bold.md"


@pytest.fixture
def home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUOTE_HOME", str(tmp_path / "home"))
    assert main(["import", str(FIXTURE), "--interviewee", "Claire Dubois"]) == 0
    capsys.readouterr()
    return tmp_path / "home"


def _first(capsys, phrase):
    status = main(["--json", "--source", "qa-bold", phrase])
    return status, json.loads(capsys.readouterr().out)


def test_bold_and_heading_questions_are_detected():
    assert detect(FIXTURE.read_text(encoding="utf-8")) == "qa"


def test_answers_are_the_interviewees_and_questions_the_outlets(home, capsys):
    status, obj = _first(capsys, "nos données sont notre souveraineté")
    assert status == 0
    m = obj["matches"][0]
    assert (m["speaker"]["name"], m["speaker"]["role"]) == ("Claire Dubois", "interviewee")
    assert m["quote"] == "Parce que nos données sont notre souveraineté."
    status, obj = _first(capsys, "Et les géants américains")
    assert obj["matches"][0]["speaker"] == {
        "name": "Le Courrier numérique", "role": "interviewer", "title": None,
    }  # fmt: skip
    assert obj["matches"][0]["quote"] == "Et les géants américains ?"  # no markup


def test_metadata_title_credit_and_editor_notes(home, capsys):
    status, obj = _first(capsys, "420 millions de consommateurs")
    m = obj["matches"][0]
    assert m["speaker"]["role"] == "editor" and m["editorial"]
    assert m["source"]["interviewer"] == "Jeanne Martin"
    assert m["source"]["date"] == "2024-03-12"
    assert m["source"]["title"] == "« Notre souveraineté passe par nos données »"


def test_the_standfirst_is_the_outlets_never_the_interviewees(home, capsys):
    # issue 12: kept in the transcript as the editor's words (it was left out before)
    status, obj = _first(capsys, "la ministre détaille sa stratégie pour le cloud européen")
    assert status == 0
    assert obj["matches"][0]["speaker"] == {
        "name": "Le Courrier numérique", "role": "editor", "title": None,
    }  # fmt: skip


def test_answers_without_a_name_are_unattributed_never_guessed():
    # issue 12: imported, the answers nobody's (it was a refusal), and the import says so
    got = convert(FIXTURE.read_bytes(), FIXTURE.name)
    assert any("--interviewee" in w for w in got.warnings)
    roles = {t.speaker.name: t.speaker.role for t in got.source.turns}
    assert roles["Unattributed"] == "unattributed" and "interviewee" not in roles.values()
    named = FIXTURE.read_text(encoding="utf-8").replace(
        "language: fr\n", "language: fr\ninterviewee: Claire Dubois\n"
    )
    got = convert(named.encode(), FIXTURE.name)
    assert got.format == "qa" and 'name = "Claire Dubois"' in got.text


def test_the_one_guest_the_standfirst_names_answers_and_two_name_nobody():
    # issue 12: the page's own words ("je reçois Marie Dupont") say whose answers they are
    page = (
        "Dans cet épisode, je reçois Marie Dupont.\n\n### Qui es-tu ?\n\nJe suis ingénieure.\n\n"
        "### Pourquoi ?\n\nParce que.\n"
    )
    got = convert(page.encode(), "ep.md", options={"outlet": "Techologie", "language": "fr"})
    assert {t.speaker.name: t.speaker.role for t in got.source.turns}["Marie Dupont"] == (
        "interviewee"
    )
    two = page.replace("Marie Dupont", "Marie Dupont et Jean Roe")
    got = convert(two.encode(), "ep.md", options={"outlet": "Techologie", "language": "fr"})
    assert "interviewee" not in {t.speaker.role for t in got.source.turns}


@pytest.mark.parametrize("field", ["Claire Dubois; Marc Roe", "Claire Dubois & Marc Roe"])
def test_two_interviewees_in_one_field_are_two_people_and_answer_nobody(field):
    # issue 12: "interviewee: A; B" was one person named "A; B"; the answers are unlabelled,
    # so they could be either's: unattributed, and the warning names both
    named = FIXTURE.read_text(encoding="utf-8").replace(
        "language: fr\n", f"language: fr\ninterviewee: {field}\n"
    )
    got = convert(named.encode(), FIXTURE.name)
    assert "interviewee" not in {t.speaker.role for t in got.source.turns}
    assert ";" not in got.text.split("+++")[1] and "&" not in got.text.split("+++")[1]
    assert any("Claire Dubois, Marc Roe" in w for w in got.warnings)
    got = convert(FIXTURE.read_bytes(), FIXTURE.name, options={"interviewee": field})
    assert "interviewee" not in {t.speaker.role for t in got.source.turns}


_ASKED = [
    "Why did you become an engineer?",
    "What is your favourite bridge?",
    "And what comes next for you?",
]
_SAID = [
    "Because I liked rivers and the sound of water.",
    "The one I have not built yet, in the north.",
    "More bridges, and then a long holiday.",
]


@pytest.mark.parametrize(
    "form",
    ["**{n}. {q}**", "**{n}.** {q}", "**Q{n}:** {q}", "**Q{n}: {q}**", "{n}. **{q}**",
     "### {n}) {q}", "**{n}) {q}**", "**Q: {q}**", "**Question {n} : {q}**"],
)  # fmt: skip
def test_issue12_numbered_and_labelled_questions_are_the_interviewers(form):
    page = "---\ntitle: Three questions\ninterviewee: Ann Lee\n---\n\nAnn Lee builds bridges.\n\n"
    page += "\n\n".join(
        f"{form.format(n=i + 1, q=q)}\n\n{a}"
        for i, (q, a) in enumerate(zip(_ASKED, _SAID, strict=True))
    )
    got = convert(page.encode(), "p.md", options={"outlet": "X", "language": "en"})
    assert got.format == "qa"
    source = got.source
    turns = [(t.speaker.role, source.text[t.start : t.end].strip()) for t in source.turns]
    asked = [("interviewer", q) for q in _ASKED]  # the number or the "Q1:" label left out
    said = [("interviewee", a) for a in _SAID]
    pairs = [turn for both in zip(asked, said, strict=True) for turn in both]
    assert turns == [("editor", "Ann Lee builds bridges."), *pairs]


def test_labelled_answers_keep_a_numbered_dialogue_with_the_turn_reader():
    page = "**Q1:** Why bridges?\n\n**A1:** They last.\n\n**Q2:** And roads?\n\n**A2:** Less so.\n"
    got = convert(page.encode(), "p.md", options={"outlet": "X", "language": "en"})
    assert got.format != "qa"
