"""What the blind sets files56 and files57 taught (issue 12), each failing before the change: a
trial's "MATTHEW DIAZ ⏎ Was called as a witness and, having been first ⏎ duly sworn …" is the
reporter's words to the oath's colon and names the witness; two names given for one person
("Alli Brown", "Allison Brown") name "MS. BROWN:"; the Assemblée's analytical summary's labels
with a hyphen ("M. Alain Bocquet - ", "M. Jean-Pierre Raffarin, Premier ministre - "); and a
statement is never found over the source's question ("They did stay…" over "Did they stay…?").
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles
from quotecli.search import Searcher, SearchOptions
from quotecli.text.names import by_family


def convert(text: str, name: str, roles=None, **options):
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    given = parse_roles(tuple(f"{k}={v}" for k, v in (roles or {}).items()))
    return readers.convert(text.encode(), name, options=options, roles=given).source


def turns(source) -> list[tuple[str, str, str]]:
    return [(t.speaker.name, t.speaker.role, " ".join(source.text[t.start : t.end].split()))
            for t in source.turns]  # fmt: skip


# data-blitz-demos/agentic-legal-deposition-demo, …/2024.02.20 Sugarman Tr. - V8 (Diaz).txt
TRIAL = """\
15             THE COURT:  Mr. Diaz, please.
16   Thereupon:
17                         MATTHEW DIAZ
18             Was called as a witness and, having been first
19   duly sworn and responding "I do," was examined and
20   testified as follows:
21             THE COURT:  You can have a seat.  Give us your
22        full name and spell your last name for the record.
23             THE WITNESS:  Matthew Diaz, M-A-T-T-H-E-W.
24                       DIRECT EXAMINATION
25   BY MR. OLIVER:
 1        Q    Good morning, Mr. Diaz.  How are you?
 2        A    I'm doing well.  Thank you.
 3        Q    Did they stay with that legal entity?
 4        A    They did not stay with that legal entity.
 5             MS. BROWN:  Objection, Your Honor.
 6             THE COURT:  Overruled.
 7        Q    Where do you work?
 8        A    I've been with FTI almost 20 years.
"""


def test_a_witness_called_and_sworn_in_a_trial():
    got = turns(convert(TRIAL, "trial.txt", interviewer="Lance V. Oliver"))
    oath = [w for who, role, w in got if "called as a witness" in w]
    assert oath == [
        "Thereupon: MATTHEW DIAZ Was called as a witness and, having been first duly sworn and "
        'responding "I do," was examined and testified as follows:'
    ]
    assert [who for who, _, w in got if w.startswith(("I'm doing", "They did not"))] == [
        "Matthew Diaz", "Matthew Diaz"]  # fmt: skip


def test_a_statement_is_never_found_over_the_question():
    search = Searcher([convert(TRIAL, "trial.txt")]).search
    assert search("They did not stay with that legal entity.", SearchOptions()).found
    assert not search("They did stay with that legal entity.", SearchOptions()).found
    assert search("Did they stay with that legal entity", SearchOptions()).found


def test_two_names_of_one_person_name_the_label():
    assert by_family("MS. BROWN", ["Allison Brown", "Alli Brown"]) == "Allison Brown"
    assert by_family("MR. SMITH", ["John Smith", "Jane Smith"]) is None
    got = turns(convert(TRIAL, "trial.txt", {"Allison Brown": "interviewer",
                                             "Alli Brown": "interviewer"}))  # fmt: skip
    assert ("Allison Brown", "interviewer", "Objection, Your Honor.") in got


# regardscitoyens/archive-AN-doslegs, archive/12/dossiers/irak.asp (shortened)
SUMMARY = """**IRAK**

M. le Président - J'ai souhaité que les quatre premières questions portent sur l'Irak.

M. Alain Bocquet - Nous vivons des jours et des heures d'une gravité exceptionnelle.

M. Jean-Pierre Raffarin, Premier ministre - Je vous remercie, Monsieur le Président.

M. Jean-Marc Ayrault - L'ultimatum de M. Bush à l'Irak a fermé la voie d'une solution.

M. Dominique de Villepin, ministre des affaires étrangères - La guerre est maintenant là.
"""


def test_the_assemblees_analytical_summary_labels_with_a_hyphen():
    got = turns(convert(SUMMARY, "irak.md", language="fr"))
    assert [who for who, role, _ in got if role != "editor"] == [
        "M. le Président", "M. Alain Bocquet", "M. Jean-Pierre Raffarin", "M. Jean-Marc Ayrault",
        "M. Dominique de Villepin",
    ]  # fmt: skip
    assert got[-1][2] == "La guerre est maintenant là."


def test_a_podcast_transcripts_header_fields_are_the_records():
    """silversword411/GRC_SecurityNow_Files, episodes/sn-129.txt (its head): `SERIES:`,
    `EPISODE:`, `FILE ARCHIVE:` are the record's fields, never speakers."""
    head = (
        "GIBSON RESEARCH CORPORATION\thttp://www.GRC.com/\r\r\n\r\r\nSERIES:\t\tSecurity Now!\r\r\n"
        "EPISODE:\t#129\r\r\nDATE:\t\tJanuary 31, 2008\r\r\nTITLE:\t\tWindows SteadyState\r\r\n"
        "SPEAKERS:\tSteve Gibson & Leo Laporte\r\r\n"
        "SOURCE FILE:\thttp://media.GRC.com/sn/SN-129.mp3\r\r\n"
        "FILE ARCHIVE:\thttp://www.GRC.com/securitynow.htm\r\r\n\r\r\n"
        "LEO:  It's time for Security Now!.  Steve Gibson is here.\r\r\n\r\r\n"
        "STEVE:  Hey, Leo.  Great to be back with you.\r\r\n\r\r\n"
        "LEO:  A week ago.\r\r\n\r\r\nSTEVE:  Exactly, a week ago.\r\r\n"
    )
    got = turns(convert(head, "sn-129.txt", outlet="Security Now!"))
    said = [w for _, role, w in got if role != "editor"]
    assert said == [
        "It's time for Security Now!. Steve Gibson is here.",
        "Hey, Leo. Great to be back with you.",
        "A week ago.",
        "Exactly, a week ago.",
    ]
    assert all(role == "editor" for _, role, w in got if w.endswith((".mp3", ".htm", "Now!")))
