"""Who speaks and what is the outlet's, for the conventions the blind set files24 brought
(issue 12): a realtime court transcript (a time and a line number in the margin, a filing's
head on each page, no page breaks kept) and the Fed chair's press conference (reporters
labelled by their names in capitals, with a period), and ``--role`` over every rule that reads
roles from the turns.

Each test is a small file in the shape of a real one (credited in its docstring; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers


def turns(text: str, name: str = "t.txt", roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# mcdaddytn/SysMuse, judicial-transcripts/samples/transcripts/
# Excerpt19_1002_Aft_Witness_Redirect.txt
HEAD = (
    "   Case 2:19-cv-00123-JRG Document 331 Filed 10/09/20 Page {p} of 174 PageID #: {id}\n"
    "                                                                                    {n}\n\n"
)
COURT = (
    HEAD.format(p=102, id=18840, n=504) + "03:45:06   21   A.   Okay.\n\n"
    "03:45:06   22   Q.   And did they do that?\n\n"
    "03:45:06   23   A.   I did.\n\n"
    "03:45:08   24   Q.   And did they issue the patent?\n\n"
    "03:45:08   25   A.   Yes.\n\n"
    + HEAD.format(p=103, id=18841, n=505)
    + "03:45:09    1   Q.   Even though they knew about the Brandstein reference?\n\n"
    "03:45:14    2   A.   Yes, I only remember I give all the relevant\n\n"
    "03:45:16    3   information to patent agent.        Yeah, I --\n\n"
    "03:45:23    4               MR. BAXTER:    Okay.   Thank you.    Your Honor, that's\n\n"
    "03:45:27    5   all I have.\n\n"
    + HEAD.format(p=104, id=18842, n=506)
    + "03:45:28    1               THE COURT:    All right.   You pass the witness?\n\n"
    "03:45:31    2               MR. BAXTER:    Yes.\n\n"
)


def test_a_realtime_court_transcripts_margin_and_its_filing_heads():
    """A time before the line number is the margin too; the filing's head that says which
    page it is ("… Page 103 of 174 …"), three times, is a running head though no page break
    was kept; what is left is Q and A, counsel and the court."""
    got = turns(COURT, interviewee="Dr. Manli Zhu")
    assert not [w for _, _, w in got if "PageID" in w or "03:45" in w]
    said = [(who, role, words) for who, role, words in got if role != "editor"]
    assert said[:3] == [
        ("Dr. Manli Zhu", "interviewee", "Okay."),
        ("Q", "interviewer", "And did they do that?"),
        ("Dr. Manli Zhu", "interviewee", "I did."),
    ]
    assert ("Dr. Manli Zhu", "interviewee",
            "Yes, I only remember I give all the relevant information to patent agent. "
            "Yeah, I --") in said  # fmt: skip
    assert said[-2][0] == "The Court" and said[-1][2] == "Yes."


# gtfintechlab/fomc-hawkish-dovish, data/raw_data/press_conference/pdf/FOMCpresconf20200303.pdf
FED = (
    "Transcript of Chair Powell's Press Conference\nMarch 3, 2020\n\n"
    "CHAIR POWELL.  Good afternoon.  The Federal Reserve today lowered interest rates.\n"
    "Thank you, and I'll be happy to take a few questions.\n"
    "NICK TIMIRAOS.  Thank you.  Nick Timiraos with the Wall Street Journal.  What changed\n"
    "between last week and today?\n"
    "CHAIR POWELL.  So, what changed?  We've been carefully monitoring the situation.\n"
    "JIM TANKERSLEY.  Hi, Mr. Chairman.  Jim Tankersley, New York Times.  What would you\n"
    "like to see from American fiscal policymakers?\n"
    "CHAIR POWELL.  I'm not going to get into that.\n"
)


def test_reporters_named_in_capitals_beside_the_chairs_label():
    """ "NICK TIMIRAOS.  Thank you." is a label, as "CHAIR POWELL." is: a name in capitals
    with a period and two spaces after it (it was the chair's words)."""
    got = turns(FED, outlet="Federal Reserve")
    assert [(who, words[:24]) for who, _, words in got[1:]] == [
        ("Chair Powell", "Good afternoon. The Fede"),
        ("Nick Timiraos", "Thank you. Nick Timiraos"),
        ("Chair Powell", "So, what changed? We've "),
        ("Jim Tankersley", "Hi, Mr. Chairman. Jim Ta"),
        ("Chair Powell", "I'm not going to get int"),
    ]


def test_role_given_overrides_the_rules_that_read_roles():
    """``--role "Chair Powell=speaker"`` with the reporters given as interviewers: the chair
    stays a speaker (the rule "with only interviewers known, the others are interviewees" made
    him an interviewee, against the option)."""
    roles = {"chair powell": "speaker", "nick timiraos": "interviewer",
             "jim tankersley": "interviewer"}  # fmt: skip
    got = turns(FED, outlet="Federal Reserve", roles=roles)
    assert {(who, role) for who, role, _ in got[1:]} == {
        ("Chair Powell", "speaker"), ("Nick Timiraos", "interviewer"),
        ("Jim Tankersley", "interviewer"),
    }  # fmt: skip


# ViniciaLaraRangel/Proyecto-5-Registro-de-visitantes, README.md: two interviews in one page,
# one turn a line, the second interview's heading run into the first's last turn
ANEXOS = """## Anexos

Sandra Salinas, Entrevistadora: ¿Nada más me podrías dar tu nombre completo?
FF: Soy administradora de A255 y mi nombre es Fabiola Pineda.
EN: Gracias.
FF: De nada, para servirte.
#### Entrevista Indira Gutiérrez, colaboradora de EasyBroker, startup cuyas oficinas se \
encuentran en Ámsterdam 255. Realizada el lunes 6 de agosto del 2018.
EN: ¿Cómo te registras?
FF: Con el correo electrónico.
"""


def test_a_heading_run_into_a_turn_is_the_outlets():
    """A Markdown heading is a paragraph of its own, never the last voice's words, and a long
    one that names a section ("Entrevista …", "Realizada el …") is no prompt: the name swap
    "mi nombre es Indira Gutiérrez" found its names in it."""
    from quotecli.search import Searcher, SearchOptions

    got = readers.convert(ANEXOS.encode(), "a.md", options={"outlet": "Laboratoria",
                                                           "language": "es"})  # fmt: skip
    s = got.source
    roles = {" ".join(s.text[t.start : t.end].split())[:30]: t.speaker.role for t in s.turns}
    assert roles["#### Entrevista Indira Gutiérr"] == "editor"
    assert roles["Soy administradora de A255 y m"] not in ("editor", "unattributed")
    phrase = "Soy administradora de A255 y mi nombre es Indira Gutiérrez."
    assert not Searcher([s]).search(phrase, SearchOptions()).found
