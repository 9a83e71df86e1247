"""Who speaks and what is the outlet's, for the conventions the blind set files21 brought
(issue 12): Rev's text export ("Name: (09:24)"), an oral history's cover and header block, a
page's licence footer, a hearing's cover list of speakers and its "(UNKNOWN):" voices, a
French student paper's "LH :" (the outlet's initials) and first names cut short ("Ar :").

Each test is a small file in the shape of a real one (credited in its docstring; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers


def converted(text: str, name: str = "t.txt", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options)


def turns(text: str, name: str = "t.txt", **options) -> list[tuple[str, str, str]]:
    s = converted(text, name, **options).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


BRIEFING = """Donald Trump: (09:24)
I'm glad to see that you're practicing social distancing. I want to thank everybody for being
here today, and we will take questions after the doctors have spoken to you all.
Mike Pence: (32:24)
Thank you, Mr. President. We had a very productive call today with governors from every state
and territory, and we told them that the federal government stands with them in every way we
can, with testing, with supplies, with guidance that their health officials can rely on now.
Every governor on the call heard the same message from the task force, and every governor will
receive the written guidance tonight, so that schools, hospitals and businesses know what to do.
Mike Pence: (32:55)
The guidance the president announced today reflects the best advice of the experts on the task
force, and we will keep the governors informed every day of the week, as we have done so far.
Speaker 17: (33:10)
Mr. Vice President, what did the governors ask for on the call?
Mike Pence: (33:20)
They asked for testing first of all, and we told them that the private labs are coming online
now, and that the numbers of tests available in every state will grow in the days ahead of us.
The commercial labs have committed to results within a day or two, and the drive-through sites
will open in the states that asked for them first, with more to follow as supplies come in.
We expect to have millions of tests available by the end of the week, as the president said.
Speaker 18: (34:02)
And what about the masks?
Mike Pence: (34:10)
The president has asked us to work with industry on the masks, and the companies have told us
that they will increase production, so that hospitals have what they need in the weeks ahead.
The industrial masks that builders use are as good for the nurses and doctors, and the
legislation before the Congress will let the companies sell them to hospitals without fear of
liability, which is what they asked us for, and which the president supports as you know.
"""


def test_rev_text_labels_and_a_voice_that_answers_at_length():
    """Rev's text export as the COVID-19 briefings were published
    (ebenzel/discourse_project_covidpressconferences, data/3_16.txt): "Name: (09:24)" alone on
    its line, the words below; the time is the turn's, never its words. A label printed again
    for the same voice ("Mike Pence: (32:55)") goes on the turn: the vice-president answers at
    length and never asks, an interviewee beside the one given."""
    got = converted(BRIEFING, interviewee="Donald Trump", outlet="White House")
    s = got.source
    assert "(09:24)" not in s.text and "(32:24)" not in s.text
    assert s.turns[0].speaker.name == "Donald Trump"
    assert s.text[s.turns[0].start :].startswith("I'm glad to see")
    roles = {t.speaker.name: t.speaker.role for t in s.turns}
    assert roles["Mike Pence"] == "interviewee"
    assert roles["Speaker 17"] == "interviewer"


ORAL = """SCIENCE HISTORY INSTITUTE
RONALD D. MACFARLANE
Transcript of an Interview
Conducted by
Michael A. Grayson
at
Texas A&M University
on
26 May 2011

ACKNOWLEDGMENT

This oral history is one in a series initiated by the Chemical Heritage Foundation on behalf of
the American Society for Mass Spectrometry. The series documents the personal perspectives of
individuals related to the advancement of mass spectrometric instrumentation.

This oral history is designated Free Access.

Please note: Users citing this interview for purposes of publication are obliged under the terms
of the Center for Oral History to credit the Science History Institute.

This project is made possible through the generous support of the American Society for Mass
Spectrometry.

INTERVIEWEE:  Ronald D. Macfarlane

INTERVIEWER:  Michael A. Grayson

LOCATION:   Texas A&M University, College Station, Texas

DATE:   26 May 2011

GRAYSON:  So, I'm going to start the way we usually do. Where were you born?

MACFARLANE:  I was born in Buffalo, New York, the oldest of three children.

GRAYSON:  And your parents?

MACFARLANE:  My father was a machinist and my mother kept the house.
"""


def test_an_oral_historys_cover_and_header_block_are_the_outlets():
    """The Science History Institute's oral histories (sciencehistory/scihist_digicoll, a
    sample PDF): the cover credits who made the interview over several lines, so the pages of
    prose before the first label are the outlet's, not a talk; the header block keeps going
    across blank lines; "INTERVIEWEE:" is a word of its own, not a damaged "INTERVIEWER"."""
    got = converted(
        ORAL, interviewee="Ronald D. Macfarlane", interviewer="Michael A. Grayson", outlet="SHI"
    )
    s = got.source
    spoken = " ".join(s.text[t.start : t.end] for t in s.turns if t.speaker.role != "editor")
    for outlet_s in ("designated Free Access", "Users citing this interview", "generous support",
                     "Transcript of an Interview", "LOCATION", "INTERVIEWEE"):  # fmt: skip
        assert outlet_s not in spoken, outlet_s
    assert not any("looks damaged" in w for w in got.warnings)
    assert [(t.speaker.name, t.speaker.role) for t in s.turns if t.speaker.role != "editor"] == [
        ("Michael A. Grayson", "interviewer"), ("Ronald D. Macfarlane", "interviewee"),
    ] * 2  # fmt: skip


HASKELL = """<html><body><div class='container'>
<p>&gt;&gt; Hello, and welcome to the Haskell Weekly podcast. I'm your host.</p>
<p>&gt;&gt; It's been great to be here. I look forward to talking to you soon.</p>
<p>&gt;&gt; We'll see you next week.</p>
<div class='card-body'>Content on this site is licensed under a
<a href='https://creativecommons.org/licenses/by/4.0/'>Creative Commons Attribution 4.0
International</a> license. The source code for this site is available
<a href='https://github.com/haskellweekly/podcast'>on GitHub</a>.</div>
</div></body></html>
"""


def test_a_pages_licence_footer_is_the_outlets():
    """Haskell Weekly's episode pages (haskellweekly/podcast, episodes/1.html): ">>" changes
    of voice, nobody named; the page's licence notice after the last one is the outlet's."""
    got = turns(HASKELL, "t.html", outlet="Haskell Weekly")
    assert {r for _, r, _ in got if "licensed under" in _} == {"editor"}
    assert {r for _, r, t in got if "next week" in t} == {"unattributed"}


HEARING = """SENATE JUDICIARY COMMITTEE HEARING ON THE NOMINATION OF BRETT M. KAVANAUGH
SEPTEMBER 27, 2018
SPEAKERS: SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN
SEN. DIANNE FEINSTEIN, D-CALIF., RANKING MEMBER
SEN. KAMALA HARRIS, D-CALIF.
RACHEL MITCHELL, STAFF COUNSEL
WITNESSES: CHRISTINE BLASEY FORD, KAVANAUGH ACCUSER
[*] GRASSLEY: This morning we continue our hearing on the nomination of Judge Kavanaugh.
FEINSTEIN: Thank you very much, Mr. Chairman. Dr. Ford, can you tell us why you came forward?
FORD: I am here today not because I want to be. I am terrified.
(UNKNOWN): That's what I'm trying, Senator. No.
GRASSLEY: Thank you. Ms. Mitchell, you have five minutes.
MITCHELL: Good morning, Dr. Ford. Do you remember the date of the letter?
FORD: I do not remember the date, no.
MITCHELL: And who did you send it to?
FORD: I sent it to the ranking member, in July.
MITCHELL: Did you keep a copy of it?
FORD: I kept a copy, yes, on my computer.
GRASSLEY: Senator Feinstein.
FEINSTEIN: Dr. Ford, why did you not go to the police then?
FORD: I was afraid, and I did not want to tell anyone.
"""


def test_a_hearings_cover_list_names_its_labels():
    """The Washington Post's transcript of a Senate Judiciary hearing
    (saberry/Kavanaugh-Hearing-Transcript-Parsed, data/transcriptLines.txt): the cover's
    "SPEAKERS:" list in capitals names the surname labels ("GRASSLEY:" is Charles E.
    Grassley), and is no speaker itself; "[*] GRASSLEY:" is a label; "(UNKNOWN):" names
    nobody; the chair, who seldom asks, neither asks nor answers."""
    got = turns(HEARING, interviewee="Christine Blasey Ford", date="2018-09-27")
    who = {n: r for n, r, _ in got if r != "editor"}
    assert who == {
        "Charles E. Grassley": "speaker", "Dianne Feinstein": "interviewer",
        "Christine Blasey Ford": "interviewee", "Unknown": "unattributed",
        "Rachel Mitchell": "interviewer",
    }  # fmt: skip
    first = next(t for n, r, t in got if r != "editor")
    assert first == "This morning we continue our hearing on the nomination of Judge Kavanaugh."
    assert not any("STAFF COUNSEL" in t for _, r, t in got if r != "editor")


LETTRE = """---
title: "Interview des NainAs"
---

La LH a interviewé, rien que pour vous, des admissibles à notre chère école.

**LH :** Vous comptez faire quelle école ?\\
**Arnaud :** Télécom a une meilleure ambiance, même si les crêpes de Centrale sont bonnes.\\
**Abdellah :** Aucune idée, on va dire Télécom.

**LH :** C'est quoi votre manga préféré ?\\
**Ar :** Le seul manga que j'ai lu c'est Dragon Ball Z.\\
**Ab :** Pareil, Dragon Ball.

**LH :** Du coup tu comptes faire LV3 japonais ?\\
**Ar :** Non, je prends ce qu'il y a d'utile.

**LH :** Et toi Abdellah, tu sais ce que tu vas prendre comme LV3 ?\\
**Ab :** L'allemand c'est mort.
"""


def test_the_outlets_initials_ask_and_first_names_cut_short_are_the_same_voices():
    """La Lettre Hebdomadaire's interviews (lettre-hebdomadaire/lettre-hebdomadaire.github.io,
    LH/LH14/fr/interview.md): "**LH :**" is the paper's own voice (its initials, articles
    aside), so it asks and the others answer; "**Ar :**" after "**Arnaud :**" is Arnaud; a
    question before a Markdown hard break ("…?\\") still asks."""
    got = turns(LETTRE, "t.md", outlet="La Lettre Hebdomadaire", language="fr")
    who = {(n, r) for n, r, _ in got if r != "editor"}
    assert who == {("LH", "interviewer"), ("Arnaud", "interviewee"), ("Abdellah", "interviewee")}
