"""Who speaks and what is the outlet's, for the conventions the blind set files29 brought
(issue 12): names in bold alone on their line with each turn set as a quotation below; a show's
name as the interviewer's label; the interviewer's closing thanks and the page's words after
it; a panel whose respondents are each named once above their answers, questions in bold
italics; the speaker's turn before the outlet's copy of the same words. Each failed before the
change (the last one's guard aside).
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles
from quotecli.search import Searcher, SearchOptions


def convert(text: str, name: str, **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options, roles={}).source


def turns(text: str, name: str, **options) -> list[tuple[str, str, str]]:
    s = convert(text, name, **options)
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# maeste/risorseartificiali.github.io, _posts/2026-01-21-Intervista-Emanuele-Fabbiani.md
RISORSE = """## Introduzione

**Stefano Maestri**

> Ciao a tutte e tutti e bentornati alle nostre interviste. Qual è il tuo gioco preferito?

**Emanuele Fabbiani**

> Ciao Stefano, grazie mille per l'invito. Il mio giocattolo preferito era un trenino.

## Il percorso di Emanuele Fabbiani

**Stefano Maestri**

> Quindi ti definisci un ingegnere del software o un ingegnere AI?

**Emanuele Fabbiani**

> Non credo che ci sia questa distinzione: tutto quello che si fa con i dati è software.

> Chi fa AI deve scrivere software e deve farlo nel modo migliore possibile.
"""


def test_a_name_in_bold_alone_is_a_label_and_the_quotation_below_its_turn():
    got = turns(RISORSE, "t.md", language="it", interviewee="Emanuele Fabbiani",
                interviewer="Stefano Maestri")  # fmt: skip
    assert [(who, role) for who, role, _ in got] == [
        ("Test Outlet", "editor"),
        ("Stefano Maestri", "interviewer"),
        ("Emanuele Fabbiani", "interviewee"),
        ("Test Outlet", "editor"),
        ("Stefano Maestri", "interviewer"),
        ("Emanuele Fabbiani", "interviewee"),
    ]
    last = got[-1][2]
    assert last.startswith("Non credo") and last.endswith("nel modo migliore possibile.")
    assert ">" not in last  # the quotation marks are markup, not words


def test_one_name_in_bold_alone_heads_a_section_and_is_nobodys_label():
    """Two names that recur make a dialogue; a name in bold once, or one name only, does not
    (here the page has "Name:" labels and one bold name heading a section)."""
    text = (
        "**Jane Roe**\n\n> A pull quote set apart.\n\n"
        "ALAN SMITH: What did you build first?\n\nJANE ROE: A bridge, in 1998.\n\n"
        "ALAN SMITH: And then?\n\nJANE ROE: A road.\n"
    )
    got = turns(text, "t.md", interviewee="Jane Roe")
    assert ("Test Outlet", "editor", "A pull quote set apart.") in [
        (w, r, t.lstrip("> ")) for w, r, t in got
    ]
    assert ("Jane Roe", "interviewee", "A bridge, in 1998.") in got


# wowthemesnet/mundana-theme-jekyll, _posts/2015-11-28-Ist-das-Thema-Berufseinstieg-…md
NETZCAMP = """# Chapter One Mag im Netzcamp Startup Podcast

Als Lucas, der Gründer von Netzcamp, zum Interview einlud, konnten wir nicht Nein sagen.

Netzcamp: Hallo Christina! Was ist das Chapter One Mag?

Christina: Das Chapter One Mag ist ein Onlinemagazin für Berufseinsteiger.

Netzcamp: Wie seid ihr auf das Thema gekommen?

Christina: Ich wollte eine Plattform gründen, die sich von Karriereportalen unterscheidet.

Netzcamp: Vielen Dank, Christina! Ich wünsche dem Chapter One Mag alles Gute!

Zum Netzcamp-Podcast-Abo geht es hier entlang: Soundcloud oder iTunes

Habt ihr sonst noch Fragen an uns?
"""


def test_a_label_that_is_a_shows_name_is_the_one_interviewer_given():
    """ "Netzcamp:" begins the show's name the page prints ("Netzcamp Startup Podcast"), no
    person's: given --role Netzcamp=interviewer and --interviewer, it is that person."""
    s = readers.convert(
        NETZCAMP.encode(), "t.md", roles=parse_roles(("Netzcamp=interviewer",)),
        options={"outlet": "Chapter One Mag", "language": "de", "interviewer": "Lucas Hoffmann",
                 "interviewee": "Christina Wunder"},
    ).source  # fmt: skip
    asked = {t.speaker.name for t in s.turns if t.speaker.role == "interviewer"}
    assert asked == {"Lucas Hoffmann"}


def test_after_the_interviewers_closing_thanks_the_short_paragraphs_are_the_pages():
    got = turns(NETZCAMP, "t.md", language="de", interviewee="Christina Wunder")
    closing = [(who, role) for who, role, words in got if "Fragen an uns" in words]
    assert closing == [("Chapter One Mag", "editor")] or closing == [("Test Outlet", "editor")]
    thanks = [role for _, role, words in got if words.startswith("Vielen Dank")]
    assert thanks and "editor" not in thanks  # the thanks are the interviewer's own words


# openSUSE/news-o-o, _posts/2018/2018-04-03-questions-and-answers-with-candidates-….md
PANEL = """Candidates were each presented with the following questions:

Their full responses are listed below under their name:

[**Gertjan Lettink ( Knurpht )**](https://en.opensuse.org/Knurpht)

**_What do you think is the best thing about the Project at the moment?_**

Our amazing community.

**_How do you feel about collaborating with other FOSS projects and_****_
_****_what would be your first act?_**

It belongs to the nature of the project.

[**Simon Lees**](https://lists.opensuse.org/msg00005.html)

**_What do you think is the best thing about the Project at the moment?_**

Our tools and how easy we make it for people to start contributing.

**_How do you feel about collaborating with other FOSS projects and_****_
_****_what would be your first act?_**

Collaboration is essential to any open source project.

########

The ballots are expected to open from April 15 to April 27.
"""


def test_a_panels_respondents_named_above_their_answers_answer_them():
    got = turns(PANEL, "t.md", outlet="openSUSE News")
    answers = [(who, words) for who, role, words in got if role == "interviewee"]
    assert answers == [
        ("Gertjan Lettink", "Our amazing community."),
        ("Gertjan Lettink", "It belongs to the nature of the project."),
        ("Simon Lees", "Our tools and how easy we make it for people to start contributing."),
        ("Simon Lees", "Collaboration is essential to any open source project."),
    ]
    asked = [words for _, role, words in got if role == "interviewer"]
    assert asked.count("How do you feel about collaborating with other FOSS projects and what "
                       "would be your first act?") == 2  # fmt: skip
    assert ("openSUSE News", "editor", "The ballots are expected to open from April 15 to April "
            "27.") in got  # fmt: skip


def test_one_bold_name_above_questions_is_no_panel():
    """A panel is two respondents or more; one bold name atop a Q&A heads it, and the answers
    stay the one interviewee's."""
    one = PANEL.split("[**Simon Lees**]")[0]
    got = turns(one, "t.md", outlet="openSUSE News", interviewee="Gertjan Lettink")
    assert {who for who, role, _ in got if role == "interviewee"} == {"Gertjan Lettink"}


def test_the_speakers_turn_comes_before_the_outlets_copy_of_the_same_words():
    """The page lists its questions, then asks each: the same words, as good a match; the
    question asked is the one shown first (the answer is still ambiguous)."""
    asked = "What do you think is the best thing about the Project at the moment?"
    source = convert(
        f"Each was asked:\n\n* **_{asked}_**\n* **_What is your worst habit?_**\n\n"
        + PANEL.split("########")[0], "t.md", outlet="openSUSE News"
    )  # fmt: skip
    said = [t.speaker.role for t in source.turns if asked in source.text[t.start : t.end]]
    assert said == ["editor", "interviewer", "interviewer"]
    got = Searcher([source]).search(asked, SearchOptions())
    assert got.found and got.ambiguous
    assert [m.speaker.role for m in got.matches][:3] == ["interviewer", "interviewer", "editor"]
