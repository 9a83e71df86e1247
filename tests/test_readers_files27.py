"""Who speaks and what is the outlet's, for the conventions the blind set files27 brought
(issue 12): initials of a three-word name, an archive's closing line, a reStructuredText title
between turns, an inquiry's office labels, AssemblyAI's export, answers set in quotes, a
chapter heading with its time, sponsor reads under --role; and two phrases never said (German
number words, a word borrowed from elsewhere in the passage) in the matcher.

Each test is a small file in the shape of a real one (credited in its comment; the files are
wild fixtures too) and asserts what the readers or the Searcher derive. Each failed before the
change.
"""

from __future__ import annotations

import json

from quotecli import readers
from quotecli.search import Searcher


def source(text: str, name: str = "t.txt", roles=None, **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source


def turns(text: str, name: str = "t.txt", roles=None, **options) -> list[tuple[str, str, str]]:
    s = source(text, name, roles, **options)
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


def roles(*given: str) -> dict[str, str]:
    return readers.builder.parse_roles(given)


# toth12/data_processing_lts, …/RG-50.165.0007_trs_en.docx (USHMM, Livia Bitton Jackson):
# initials "LB:" for a name of three words, and the archive's "Conclusion of Interview"
USHMM = (
    "United States Holocaust Memorial Museum\n\nInterview with Livia Bitton Jackson\n\n"
    "WH:\tWhere were you born?\n\n"
    "LB:\tIn 1931. The town I came from was mostly Hungarian.\n\n"
    "WH:\tWhen did you come to America?\n\n"
    "LB:\tIn 1951, with my mother.\n\n"
    "Conclusion of Interview\n"
)


def test_initials_of_a_three_word_name_and_an_archives_closing_line():
    """ "LB" is the first two initials of "Livia Bitton Jackson" (a family name of two words),
    given by --interviewee; "Conclusion of Interview" is the archive's, not her words."""
    got = turns(USHMM, interviewee="Livia Bitton Jackson", interviewer="William Helmreich")
    assert ("Livia Bitton Jackson", "interviewee", "In 1951, with my mother.") in got
    assert got[-1][1] == "editor" and got[-1][2] == "Conclusion of Interview"


# c19witness/uk-covid19-inquiry, 2024-05-16_module-2C/1_Ms_Sue_Gray.rst: a title underlined
# between two turns, counsel labelled by name then by office, the witness by office then name
INQUIRY = """Transcript of Module 2C Public Hearing on 16 May 2024

**Lady Hallett**: Mr Scott.

**Mr Scott**: Good morning, my Lady. May I call Sue Gray.

**The Witness**: Thank you very much.

1. Ms Sue Gray
==============

**Mr Scott**: Good morning, Ms Gray.

**Ms Sue Gray**: Good morning.

**Counsel Inquiry**: Are you content to rely on that statement in evidence to the Inquiry?

**Ms Sue Gray**: Yes.

**Counsel Inquiry**: How long had you been working in the Civil Service?

**Ms Sue Gray**: I'd probably been in the Civil Service for about 35 years.
"""


def test_an_inquirys_office_labels_are_the_people_given_and_a_title_is_the_records():
    """ "Counsel Inquiry" asks: the one --interviewer, "Mr Scott", printed by name too (the
    two labels never answer each other); "1. Ms Sue Gray" underlined is the record's title,
    not the witness's words."""
    got = turns(INQUIRY, "t.rst", interviewer="Mr Scott", interviewee="Sue Gray")
    assert ("Mr Scott", "interviewer", "How long had you been working in the Civil Service?") in got
    assert not any(who == "Counsel Inquiry" for who, _, _ in got)
    titles = [(role, words) for _, role, words in got if "1. Ms Sue Gray" in words]
    assert titles and all(role == "editor" for role, _ in titles)
    assert ("Sue Gray", "interviewee", "Thank you very much.") in got


# EngineeringKiosk/webpage, src/data/transcripts/237-transcript-slim.json (AssemblyAI)
ASSEMBLY = {
    "id": "04a3d7e4",
    "language_code": "de",
    "speaker_labels": True,
    "utterances": [
        {"start": 3680, "end": 9000, "speaker": "A", "text": "Willkommen zum Adventskalender."},
        {"start": 9000, "end": 15000, "speaker": "B", "text": "Wie viele habt ihr gesammelt?"},
        {"start": 15000, "end": 22000, "speaker": "C",
         "text": "Also wir haben jetzt etwas mehr als sechzig tausend Unterschriften gesammelt."},
    ],
}  # fmt: skip


def test_an_assemblyai_export_is_read_and_its_letters_take_the_names_given():
    """AssemblyAI's top-level "utterances" (times in milliseconds) were refused; "C", given
    the interviewee's role by --role, is the one --interviewee."""
    s = source(
        json.dumps(ASSEMBLY), "t.json", roles("A=speaker", "B=interviewer", "C=interviewee"),
        language="de", interviewee="Boris Hinzer", interviewer="Andy Grunwald",
    )  # fmt: skip
    got = [(t.speaker.name, t.speaker.role) for t in s.turns]
    assert got == [
        ("A", "speaker"),
        ("Andy Grunwald", "interviewer"),
        ("Boris Hinzer", "interviewee"),
    ]
    searcher = Searcher([s])
    assert searcher.search("etwas mehr als sechzig tausend Unterschriften gesammelt").found
    # a German number word changed is another number, never a typo of it
    assert not searcher.search("etwas mehr als sechs tausend Unterschriften gesammelt").found


# manuelsagra/elblogdemanu, …/entrevista-a-sonia-herranz-…/index.md: bold questions, answers
# set in quotes, a figure between them
QUOTED = """---
title: 'Entrevista a Sonia Herranz'
---

El nombre de **Sonia Herranz** seguro que le suena a muchos aficionados.

**¿Es posible hacer periodismo de investigación en los videojuegos?**

> Claro que es posible, lo que pasa es que es mucho más difícil.
>
> Si hablas de periodismo de investigación, es obvio que lo tienes que hacer a toro pasado.

**¿Qué opinas de las puntuaciones?**

{{< fg src="mario.webp" alt="Super Mario 64" >}}

> A mí, personalmente, no me gustan las puntuaciones.
"""


def test_answers_set_in_quotes_after_bold_questions_are_the_answers():
    """Most questions followed by a blockquote: the quotes are the answers (a pull-quote
    elsewhere), the "> " marks not in the words."""
    got = turns(QUOTED, "t.md", language="es", interviewee="Sonia Herranz")
    answers = [words for who, role, words in got if role == "interviewee"]
    assert answers[0].startswith("Claro que es posible, lo que pasa es que es mucho más difícil.")
    assert "a toro pasado" in " ".join(answers)
    assert answers[-1] == "A mí, personalmente, no me gustan las puntuaciones."
    assert not any(">" in words for words in answers)


# WorkingCodePod/workingcode, src/episodes/052-…-steve-rittler.md: "[00:00:00] **Adam:**",
# chapter headings with their times, a sponsor read inside the host's closing
WORKING = """# Transcript

[00:00:00] **Adam:** So, as the guy who has it all riding on your shoulders, what keeps you up?

[00:00:20] **Steve:** Yup. Payroll, mostly, and the people who depend on it every month.

## [00:16:58] Things That Keep You Up At Night

[00:16:58] **Adam:** And what would you tell someone starting out?

[00:17:30] **Steve:** Save six months of expenses before you quit, and then save some more.

## [00:40:39] Patreon

[00:40:39] **Adam:** All right, let's bring the show to a close. Thank you everybody for listening. as usual, this episode of Working Code is brought to you by our patrons at patreon.com slash workingcode.
"""  # noqa: E501


def test_a_chapter_heading_with_its_time_and_a_sponsor_read_under_a_given_role():
    """ "## [00:16:58] Things That Keep You Up At Night" speaks of "you" but is a chapter
    mark, the outlet's; --role "Adam=interviewer" does not make the sponsor read the host's,
    and the read is cut from the host's own words before it ("… for listening. as usual,
    this episode of Working Code is brought to you by …")."""
    got = turns(
        WORKING, "t.md", roles("Adam=interviewer", "Steve=interviewee"),
        interviewer="Adam Tuttle", interviewee="Steve Rittler",
    )  # fmt: skip
    chapter = [role for _, role, words in got if "Things That Keep You Up" in words]
    assert chapter == ["editor"]
    assert ("Adam Tuttle", "interviewer", "All right, let's bring the show to a close. "
            "Thank you everybody for listening.") in got  # fmt: skip
    read = [role for _, role, words in got if words.startswith("as usual, this episode")]
    assert read == ["editor"]


def test_a_shows_welcome_that_credits_its_producer_is_the_hosts():
    """ "Hello, and welcome to Environment Variables, brought to you by the Green Software
    Foundation." (greensoftwarefoundation's podcast pages): the host's welcome, no ad."""
    text = (
        "**Chris Adams:** Hello, and welcome to Environment Variables, brought to you by the "
        "Green Software Foundation. In each episode, we discuss green software.\n\n"
        "**Kate Goldenring:** Thanks for having me, Chris.\n\n"
        "**Chris Adams:** So what do you work on?\n\n"
        "**Kate Goldenring:** I work on WebAssembly and serverless functions.\n"
    )
    got = turns(text, "t.md", interviewer="Chris Adams", interviewee="Kate Goldenring")
    assert got[0][:2] == ("Chris Adams", "interviewer")


def test_a_word_borrowed_from_earlier_in_the_passage_is_a_word_replaced():
    """ "…the Watch have a country of origin of India that are sold…" over "…a country of
    origin of India and … the Watch have a country of origin of Vietnam that are sold…": the
    phrase's "India" is taken from before, the source says "Vietnam" where the phrase puts
    it (blind-14, the Apple earnings call). Not found; the exact words are."""
    text = (
        "Operator: Next question.\n\nTimothy D. Cook: Thanks.\n\nOperator: Go on.\n\n"
        "Timothy D. Cook: There hasn't been a change to that, which is the vast majority of the "
        "iPhone sold in the U.S. have a country of origin of India and the vast majority of the "
        "products, other products, the Mac and the iPad and the Watch have a country of origin "
        "of Vietnam that are sold in the United States.\n"
    )
    searcher = Searcher([source(text, interviewee="Timothy D. Cook")])
    said = "the Watch have a country of origin of {} that are sold in the United States"
    assert searcher.search(said.format("Vietnam")).found
    assert not searcher.search(said.format("India")).found


def test_a_guests_plug_of_their_own_site_is_theirs():
    """The Changelog #300 (../shared/corpus/formats): the guest's "If you wanna buy my books
    … go to LearnCodeTheHardWay.org" is no sponsor read, with or without --role; a host's
    read stays the outlet's."""
    text = (
        "**Jerod Santo:** What's the best way to get in touch?\n\n"
        "**Zed Shaw:** I have my blog. If you wanna buy my books, I would really appreciate it. "
        "You can go to LearnCodeTheHardWay.org and you can get them there.\n\n"
        "**Jerod Santo:** Thanks, Zed. This episode is brought to you by Linode, go to "
        "linode.com slash changelog.\n\n"
        "**Zed Shaw:** Thanks for having me.\n"
    )
    for given in ({}, roles("Zed Shaw=interviewee", "Jerod Santo=interviewer")):
        got = turns(text, "t.md", given, interviewee="Zed Shaw", interviewer="Jerod Santo")
        plug = [(who, role) for who, role, words in got if "LearnCodeTheHardWay" in words]
        assert plug == [("Zed Shaw", "interviewee")]
        read = [role for _, role, words in got if "linode.com" in words]
        assert read == ["editor"]
