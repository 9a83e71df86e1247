"""The user's trial (tests/fixtures/trial/README.md): eight real files, the turns and roles
quote must give them. One test per convention, not per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecli.readers import ReaderError, convert
from quotecli.readers.subtitles import NO_NAMES

TRIAL = Path(__file__).parent / "fixtures" / "trial"


def read(name: str, **options):
    encoding = options.pop("encoding", None)
    opts = {"outlet": "Outlet", **options}
    return convert((TRIAL / name).read_bytes(), name, options=opts, encoding=encoding)


def turns(converted) -> list[tuple[str, str, str]]:
    """(speaker name, role, text) of every turn."""
    s = converted.source
    return [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]


def who_says(converted, words: str) -> set[tuple[str, str]]:
    found = {(name, role) for name, role, text in turns(converted) if words in text}
    assert found, f"{words!r} is in no turn"
    return found


# 1. French Q&A whose questions open with "— "
def test_dash_questions_are_the_interviewers_answers_the_interviewees():
    c = read("telecom-explicabilite.md", interviewee="Florence d’Alché-Buc")
    assert c.format == "qa"
    assert c.source.title == "Ideas - IA : explicabilité et confiance ?"
    assert c.source.interviewer == "Isabelle Mauriac"
    assert who_says(c, "Pourquoi le sujet de la confiance") == {("Outlet", "interviewer")}
    assert who_says(c, "Vous avez cité différentes dimensions") == {("Outlet", "interviewer")}
    answer = who_says(c, "les outils de l’IA sont déployés")
    assert answer == {("Florence d’Alché-Buc", "interviewee")}
    assert who_says(c, "Commençons par la robustesse") == answer
    for editor in (
        "Title: Ideas",  # the page title
        "Explicabilité et confiance en l’intelligence artificielle ?",  # a heading, with "?"
        "Florence d’Alché nous parle",  # the standfirst
        "Propos recueillis par Isabelle Mauriac",
        "Podcast enregistré le 29 février 2024",
        "La confiance, notion cruciale",  # an intertitle
    ):
        assert who_says(c, editor) == {("Outlet", "editor")}, editor


def test_dash_questions_without_interviewee_stay_unattributed_never_guessed():
    # issue 12: the answers name nobody, so nobody is named for them (it was a refusal)
    c = read("telecom-explicabilite.md")
    assert any("--interviewee" in w for w in c.warnings)
    roles = {t.speaker.role for t in c.source.turns}
    assert "interviewee" not in roles and "unattributed" in roles


# 2. Parliamentary labels with a bracket, offices, headings, the sitting's date
def test_hansard_labels_titles_roles_headings_and_date():
    c = read("hansard-36-1-002.e.txt", encoding="cp1252")
    speakers = {sp.name: sp for sp in c.source.speakers}
    assert speakers["Hon. Don Boudria"].title == "Glengarry-Prescott-Russell, Lib."
    assert speakers["Mr. Preston Manning"].title == "Leader of the Opposition, Ref."
    assert {sp.role for sp in c.source.speakers} <= {"speaker", "editor", "unattributed"}
    assert who_says(c, "Order, please.") == {("The Speaker", "speaker")}
    assert who_says(c, "pursuant to notice, I move") == {("Hon. Don Boudria", "speaker")}
    assert who_says(c, "congratulate you on your re-election") == {
        ("Mr. Preston Manning", "speaker")
    }
    for mark in ("STANDING ORDERS", "BOARD OF INTERNAL ECONOMY", "* * *", "(Motion agreed to)"):
        assert {role for _, role in who_says(c, mark)} == {"editor"}, mark
    assert who_says(c, "(Prime Minister, Lib.) moved:") == {("Outlet", "editor")}
    assert {role for _, role in who_says(c, "That the speech of His Excellency")} == {
        "unattributed"
    }
    assert c.source.date == "1997-09-23"


def test_hansard_french_offices_and_date():
    c = read("hansard-36-1-001.f.txt", encoding="cp1252")
    speakers = {sp.name: sp for sp in c.source.speakers}
    assert speakers["Le président d'élection"].title == "M. Caccia"
    assert who_says(c, "j'invite M. Caccia") == {("Le greffier de la Chambre", "speaker")}
    assert who_says(c, "Chers collègues") == {("Le président d'élection", "speaker")}
    assert {role for _, role in who_says(c, "SUSPENSION DE LA SÉANCE")} == {"editor"}
    assert {role for _, role in who_says(c, "La séance reprend à 12 h 44.")} == {"unattributed"}
    assert c.source.date == "1997-09-22"


# 3. JSON turns under other keys, and a refusal that names the keys
def test_json_speaker_text_minute():
    c = read("debate-2020-first.json")
    assert c.format == "json"
    first = c.source.turns[0]
    assert first.speaker.name == "Chris Wallace"
    assert dict(first.attrs)["start"] == "00:01:20.000"
    assert who_says(c, "How you doing, man?") == {("Vice President Joe Biden", "speaker")}


@pytest.mark.parametrize(
    "rows, speaker",
    [
        ([{"name": "Ann", "content": "Hello there."}], "Ann"),
        ([{"speaker": "Ann:", "text": "Hello there.", "start": 1.5}], "Ann"),
        ({"segments": [{"speaker": "Ann", "text": "Hello there.", "start": 0, "end": 1}]}, "Ann"),
    ],
)
def test_json_shapes(rows, speaker):
    c = convert(json.dumps(rows).encode(), "t.json", options={"outlet": "O", "language": "en"})
    assert [t.speaker.name for t in c.source.turns] == [speaker]


def test_json_of_unknown_shape_says_which_keys_it_expects():
    raw = json.dumps([{"who": "Ann", "says": "Hello."}]).encode()
    with pytest.raises(ReaderError, match=r'"speaker" or "name".*first object has .who., .says.'):
        convert(raw, "t.json", options={"outlet": "O", "language": "en"})


# 4. HTML pages, by a parser; 5. "Par contre" is not a byline; 6. credits and bios
@pytest.mark.parametrize(
    "name", ["elias-benguezzou-interview.html", "elias-benguezzou-interview.txt"]
)
def test_web_interview(name):
    c = read(name, language="fr")
    assert c.format == ("html" if name.endswith(".html") else "dialogue")
    if name.endswith(".html"):
        assert c.source.title == "Elias Benguezzou"  # the page's <title>
        assert who_says(c, "Title: Elias Benguezzou") == {("Outlet", "editor")}
    assert who_says(c, "Comment tout a commencé pour vous ?") == {("LP", "interviewer")}
    assert who_says(c, "Par contre j'ai souvent eu des remarques") == {
        ("Elias Benguezzou", "interviewee")
    }
    for editor in (
        "Par Sophie Marchand",
        "Propos recueillis par Sophie Marchand",
        "Interview réalisée par mail",
        "est un entrepreneur français basé à Lyon",
    ):
        assert {role for _, role in who_says(c, editor)} == {"editor"}, editor
    text = c.source.text.split("+++", 2)[2]
    for markup in ("<", "**", "&nbsp;", "color:red", "pas un label"):
        assert markup not in text, markup


# 7. Lists inside a turn are the speaker's; show notes before the transcript are not
def test_lists_in_a_turn_stay_the_speakers():
    c = read("tdhopper-labaschin.md")
    assert who_says(c, "Cloud Code on the phone") == {("Tim", "interviewer")}
    # the list's markers are layout: the items' words are the speaker's, without "* "
    assert who_says(c, "What Are AI Agents Managing Memory for AI Agents") == {
        ("Ben Labaschin", "interviewee")
    }
    assert {role for _, role in who_says(c, "[RSS Feed]")} == {"editor"}


# 8. Subtitles with no names
def test_subtitles_without_names_warn_once_or_take_the_interviewee():
    c = read("podquest-transcript.srt", language="en")
    assert c.warnings.count(NO_NAMES) == 1
    assert {t.speaker.role for t in c.source.turns} == {"unattributed"}
    c = read("podquest-transcript.srt", language="en", interviewee="Mike Heavers")
    assert NO_NAMES not in c.warnings
    assert {(t.speaker.name, t.speaker.role) for t in c.source.turns} == {
        ("Mike Heavers", "interviewee")
    }


def test_a_bracket_or_capitals_outside_a_sitting_change_nothing():
    text = (
        "JANE ROE: Welcome back.\nJOHN DOE (laughing): Thanks.\nOH MY GOD\nThat was loud.\n"
        "JANE ROE: Indeed.\nJOHN DOE: Yes.\n"
    )
    c = convert(text.encode(), "t.txt", options={"outlet": "O", "language": "en"})
    assert who_says(c, "OH MY GOD") == who_says(c, "That was loud.") == {("John Doe", "speaker")}
    assert {sp.title for sp in c.source.speakers} == {None}


def test_an_htm_file_is_read_as_a_page_whatever_it_opens_with():
    ann = "<p><strong>ANN :</strong> Bonjour.</p>\n"
    page = f"Chapeau.\n{ann}<p><strong>BOB :</strong> Salut.</p>\n"
    c = convert(page.encode(), "page.htm", options={"outlet": "O", "language": "fr"})
    assert c.format == "html"
    assert [(name, text) for name, _, text in turns(c)] == [
        ("O", "Chapeau."), ("ANN", "Bonjour."), ("BOB", "Salut.")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "para, before_first, expected",
    [
        ("Par Jean Dupont", True, "editor"),
        ("Par Jean Dupont, à Lyon", True, "editor"),
        ("**Par Sophie Marchand** | Publié le 12 mars 2026", True, "editor"),
        ("By Jane Doe", True, "editor"),
        ("Par contre j'ai souvent eu des remarques.", True, "speech"),
        ("Par contre, c'est plus long que prévu, et je le regrette.", False, "speech"),
        ("By Tuesday.", False, "speech"),
        ("By the way, is anyone else watching the Artemis missions?", False, "speech"),
        ("Propos recueillis par Sophie Marchand", False, "editor"),
        ("Interview réalisée par mail", False, "editor"),
        ("À propos de Elias Benguezzou", False, "editor"),
    ],
)
def test_bylines_are_short_credits_are_the_editors(para, before_first, expected):
    from quotecli.readers.paragraphs import kind

    assert kind(para, before_first) == expected
