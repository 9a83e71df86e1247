"""Who speaks, for the conventions the blind sets files39 and files40 brought (issue 12), each
failing before the change:

- a city commission's PDF whose text layer places each word without a space (pypdf's plain
  text ran them together: "Moving ontoE-7"), a foot of five lines on every page, a page that
  opens mid-sentence, a cover listing those present under their offices ("Mayor Vince Lago"),
  labels by office and family name ("Mayor Lago:"), a vote recorded as "Vote: 5-0)";
- Zoom's WebVTT transcript, the display name with what Zoom appends ("Ashlee Kupor (SL): …");
- a podcast host's sponsor read opened by "But before I start, let me tell you about …";
- a French Q&A page: labels in italics ("*Sylvie (intrapreneure) :*", "*Maritza* :"), the
  full names in the front matter's excerpt only, a bold prompt with no question mark
  ("Raconte-nous ta préparation."), a bold question ending in a no-break space;
- a research interview: "MEL:" in capitals for --interviewer "Mel Chua", "(Laughter)." on a
  line of its own inside a paragraph, "(phone audio breaking up)" inside an answer.
"""

from __future__ import annotations

from pathlib import Path

from quotecli import readers
from quotecli.readers import pages
from quotecli.readers.builder import parse_roles
from quotecli.readers.labels import find
from quotecli.readers.paragraphs import cover, kind
from quotecli.readers.standfirst import under_office

WILD = Path(__file__).resolve().parent / "fixtures" / "wild"


def source(text: str | bytes, name: str, roles=None, **options):
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    given = parse_roles(tuple(f"{k}={v}" for k, v in (roles or {}).items()))  # as --role
    return readers.convert(raw, name, options=options, roles=given).source


def turns(text: str | bytes, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    s = source(text, name, roles, **options)
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# g-troiani/Coral-Gables-Knologi-City-Clerk-RAG, "01_09_2024 - Verbatim Transcripts - E-7.pdf"
COMMISSION = WILD / "coralgables-commission-2024-01-09-e7-shutters.pdf"
COMMISSION_ROLES = {
    "Mayor Lago": "interviewer", "Vice Mayor Anderson": "interviewer",
    "Commissioner Fernandez": "interviewer", "City Attorney Suarez": "interviewee",
    "Assistant City Attorney Ceballos": "interviewee",
}  # fmt: skip


def test_a_pdf_whose_words_run_together_is_read_as_laid_out():
    got = turns(COMMISSION.read_bytes(), COMMISSION.name, roles=COMMISSION_ROLES)
    words = " ".join(w for _, _, w in got)
    assert "Moving onto E-7." in words and "ontoE-7" not in words
    # labels by office and family name are the cover's people, named in full
    said = {(who, role, w[:30]) for who, role, w in got}
    assert ("Vince Lago", "interviewer", "Moving onto E-7.") in said
    assert ("Gus Ceballos", "interviewee", "Typically, Code Enforcement wi") in said
    # the five-line foot of every page is left out; a page opening mid-sentence goes on
    # with the attorney's words the foot had cut
    assert not any("Date]" in w for _, _, w in got)
    foot = "Agenda Item E-7 – Ordinance providing for a text amendment to the official zoning"
    assert not any(foot in w for _, _, w in got)
    suarez = [w for who, _, w in got if who == "Cristina Suárez"]
    assert "repealer provision, codification" in suarez[0]
    assert ("Rhonda Anderson", "interviewer", "Second.") in set(got)
    # "Vote: 5-0)": the record's, no speaker's
    assert all(role == "editor" for _, role, w in got if w == "5-0)")


def test_a_list_of_those_present_under_their_offices():
    assert under_office("Mayor Vince Lago") == "Vince Lago"
    assert under_office("Vice Mayor  Rhonda  Anderson") == "Rhonda Anderson"
    assert under_office("City Attorney,  Cristina  Suárez") == "Cristina Suárez"
    assert under_office("Mr Smith went home") is None
    assert under_office("City Commission") is None
    assert cover("City Commission\nMayor Vince Lago\nCommissioner Melissa Castro")
    assert not cover("Mayor Vince Lago spoke first.\nThen the vote.")


def test_a_page_foot_of_five_lines_and_a_page_that_goes_on():
    foot = "\n\nMeeting of the Board\n\n[Date] {n}\nJanuary 9, 2024\nItem E-7\nSection 5"
    said = [
        "A: The first page ends with words that run on to the",
        "next page. B: Then someone else speaks, and the page ends with",
        "C: A third voice, and a last line that runs",
        "on. A: And the last page.",
    ]
    body = "\f".join(words + foot.format(n=n) for n, words in enumerate(said, 1))
    heads = pages.running_heads(body)
    assert {"Meeting of the Board", "[Date] 1", "Item E-7"} <= set(heads)
    lines = [x for x in pages.lines(body) if x.strip()]
    assert not any("Board" in x or "[Date]" in x or "Section 5" in x for x in lines)
    # no paragraph between the words a foot cut and the page that goes on with them
    everything = pages.lines(body)
    at = everything.index(said[0])
    assert everything[at + 1] == said[1]
    assert everything[everything.index(said[2]) + 1] == said[3]


ZOOM = """WEBVTT

1
00:00:00.510 --> 00:00:01.550
Ashlee Kupor (SL): Let's do that

2
00:00:01.790 --> 00:00:07.080
Dora Demszky: by, too. We? And then

3
00:00:07.170 --> 00:00:09.520
No, it's gonna. I think it's

4
00:00:09.830 --> 00:00:12.050
Dora Demszky: transcribing.

5
00:00:24.680 --> 00:00:28.020
Ashlee Kupor (SL): Okay, great. Can you send a few things in the chat, too?
"""


def test_zoom_names_with_what_zoom_appends():
    s = source(ZOOM, "meeting.vtt", roles={"Ashlee Kupor (SL)": "interviewee"})
    got = [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]
    assert got[0] == ("Ashlee Kupor", "interviewee", "Let's do that")
    ashlee = next(t.speaker for t in s.turns if t.speaker.name == "Ashlee Kupor")
    assert "Ashlee Kupor (SL)" in ashlee.labels  # as Zoom prints her: --speaker finds her
    assert got[-1][2].startswith("Okay, great.") and got[-1][0] == "Ashlee Kupor"


# mgreiler/se-unlocked-website, src/posts/designer-to-web-developer.md (shortened)
READ = """**Michaela:** \\[00:00:00\\] Hello and welcome to the software engineering unlocked podcast. I'm your host, and today I have the pleasure to talk to Annie Liew. But before I start, let me tell you about botnay.io, yho sponsors today's episode. Botany is a virtual assistant and personal coach for engineers. For that hop over to botany.io to request access to the tool. So that is botany.io, but now back to Annie.

Annie is a designer who transitioned into software development.

**Annie:** \\[00:01:27\\]Thank you so much so happy to be here.
"""  # noqa: E501


def test_a_sponsor_read_before_i_start():
    got = turns(READ, "ep.md", roles={"Michaela": "interviewer", "Annie": "interviewee"})
    host = [w for who, role, w in got if who == "Michaela" and role == "interviewer"]
    assert host[0].endswith("I have the pleasure to talk to Annie Liew.")
    assert "Annie is a designer who transitioned into software development." in host
    ad = [w for _, role, w in got if role == "editor"]
    assert any(w.startswith("But before I start, let me tell you about botnay.io") for w in ad)
    assert not any("hop over to botany.io" in w for _, role, w in got if role != "editor")


# betagouv/blog.beta.gouv.fr, content/_posts/2021-03-22-le-transfert-…-coach.md (shortened)
ZEN = """---
layout: post
title: Retours d'expérience d'une intrapreneure et d'une coach
excerpt: >-
  Sylvie Lebel, intrapreneure chez Pôle emploi et Maritza Abreo, coach, ont travaillé
  ensemble.
---
**Ton produit a été transféré vers une direction métier. Quels ont été les déclencheurs ?**

*Sylvie (intrapreneure) :* Le produit Zen avait pour objectif de faire diminuer le risque.

**La culture de beta est très portée sur le démarrage. Maritza, tu fais donc partie des pionnières. Raconte-nous ta préparation.**

*Maritza (coach)* : J’ai essayé de comprendre au maximum l’organisation.

**Enfin, pourquoi la disparition de "ZEN" sera finalement une bonne nouvelle ?**\u00a0

*Sylvie :* Parce que les apprentissages du produit seront repris.
"""  # noqa: E501


def test_italic_labels_and_names_from_the_front_matter():
    got = turns(ZEN, "zen.md", language="fr", roles={"Sylvie": "interviewee"})
    assert [(who, role) for who, role, _ in got] == [
        ("Outlet", "interviewer"), ("Sylvie Lebel", "interviewee"),
        ("Outlet", "interviewer"), ("Maritza Abreo", "interviewee"),
        ("Outlet", "interviewer"), ("Sylvie Lebel", "interviewee"),
    ]  # fmt: skip
    assert got[1][2] == "Le produit Zen avait pour objectif de faire diminuer le risque."
    assert not any("*" in w or w.startswith("Sylvie") for _, _, w in got)


def test_italic_labels_need_their_colon():
    assert find("*Maritza* : Dans un premier temps").label == "Maritza"
    assert find("*Sylvie :* Sans aucun doute").label == "Sylvie"
    assert find("*rires* et puis") is None and find("*Le Monde*, 2019: texte") is None
    assert kind("**Une affirmation en gras, sans question.**", False) == "editor"
    assert kind("**Raconte-nous ta préparation.**", False) == "question"
    assert kind("**Tell us about the move.**", False) == "question"


# FOSSRIT/mismatches, jackie-1-full.md (shortened)
RESEARCH = """# BEGIN TRANSCRIPT

MEL: Okay. Are we ready to begin transcription?

JACKIE: Yeah. I would be interested in the story of the PyPI remake, the specific story.
(Laughter).

MEL: When you were talking earlier, you mentioned a grant.

JACKIE: Once you get those ideas (phone audio breaking up), there's money out there.
"""


def test_a_research_interview_in_capitals():
    s = source(RESEARCH, "jackie.md", interviewer="Mel Chua", interviewee="Jackie Kazil")
    got = [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]
    assert [(who, role) for who, role, _ in got if role != "editor"] == [
        ("Mel Chua", "interviewer"), ("Jackie Kazil", "interviewee"),
        ("Mel Chua", "interviewer"), ("Jackie Kazil", "interviewee"),
    ]  # fmt: skip
    assert any(role == "editor" and "(Laughter)." in w for _, role, w in got)
    jackie = [w for who, _, w in got if who == "Jackie Kazil"]
    assert "(Laughter)" not in jackie[0]
    assert "[(phone audio breaking up)]" in jackie[1]  # a note, not her words
