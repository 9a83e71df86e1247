"""Who speaks and what is the outlet's, for the conventions the blind set files19 brought
(issue 12): Rev's Markdown export, an earnings call's analysts, a French Q&A page's bold credit
and box, a parliament's record that names the member in the Chair, paged PDF text, a title
underlined in Markdown; and a French phrase whose last word is another (abstention).

Each test is a small file in the shape of a real one (credited in its docstring) and asserts
what the readers derive from it. Every one of these failed on the code before the change.
"""

from __future__ import annotations

import pytest

from quotecli import readers
from quotecli.readers import pages
from quotecli.search import Searcher, SearchOptions


def converted(text: str, name: str = "t.md", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options)


def turns(text: str, name: str = "t.md", **options) -> list[tuple[str, str, str]]:
    s = converted(text, name, **options).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


REV = """# Behind the Scenes at 37signals

**Kimberly Rhodes (00:00):**

Welcome to Rework, a podcast by 37signals about the better way to work.

**Jason Fried (00:51):**

Well, we have a few things going on at once.

**(03:39):**

Oftentimes we ship the smaller version first and see.

**Kimberly Rhodes (04:10):**

What happens when a project runs long?
"""


def test_rev_markdown_labels_and_a_bare_time_that_continues_the_turn():
    """Rev's Markdown export: ``**Name (00:00):**`` and ``**(03:39):**`` (the same speaker
    goes on), as in the Rework podcast's transcripts (37signals, rework.fm)."""
    got = turns(REV, interviewee="Jason Fried", interviewer="Kimberly Rhodes")
    assert [(n, r) for n, r, _ in got] == [
        ("Test Outlet", "editor"),  # the page's title
        ("Kimberly Rhodes", "interviewer"),
        ("Jason Fried", "interviewee"),
        ("Jason Fried", "interviewee"),  # "**(03:39):**": he goes on
        ("Kimberly Rhodes", "interviewer"),
    ]
    assert got[3][2] == "Oftentimes we ship the smaller version first and see."


CALL = """Microsoft FY24 Second Quarter Earnings Conference Call

BRETT IVERSEN: Good afternoon and thank you for joining us today. On the call with me are
Satya Nadella, chairman and chief executive officer, and Amy Hood, chief financial officer.

SATYA NADELLA: Thank you, Brett. We have moved from talking about AI to applying AI at scale.

BRETT IVERSEN: Thanks, Satya. Operator, next question please.

KEITH WEISS, Morgan Stanley: Excellent. Thank you guys for taking the question. How should we
think about the capital expenditure this year?

AMY HOOD: Thanks, Keith. Let me take the capital expenditure part first, because it matters for
the year. We said that capital expenditures would increase sequentially, and they did, driven by
investments in cloud and AI infrastructure and the purchase of finance leases. We expect the
sequential growth to continue, and we will keep balancing that against the margins we have
committed to and the demand signals we see across the commercial business. That is the
framework, and it has not changed since the last quarter, whatever the mix turns out to be.

MARK MOERDLER, Bernstein Research: Thank you very much for taking my question. Satya, how do you
see Copilot adoption?

SATYA NADELLA: It's a great question, Mark. I think the adoption is faster than any suite we have
had, and customers tell us that the value shows up in the first weeks of use, when the people
who use it every day find that the tasks they dreaded take a fraction of the time they did, and
we see that repeat across the industries and the company sizes we serve today and tomorrow.

AMY HOOD: And if I can add one thing, Mark, on the revenue side, the commercial bookings were
strong again, and the pipeline for the rest of the year looks healthy across every segment, with
renewals and new business both contributing, so we remain confident in the guidance we gave you
and in the operating leverage we expect to deliver while we keep investing for the long term.
We will give more detail on each segment in the outlook section, as we usually do at this point.

BRENT THILL, Jefferies: Thanks. Amy, what about the margins?

AMY HOOD: Finally, on the margin question, we expect the operating margins to be roughly flat
year over year, and the investments in AI capacity to be the main driver of the cost growth,
which is consistent with what we told you at the start of the fiscal year, and we will update
you each quarter as the demand picture and the build-out of the data centres evolve as planned.
That covers the three questions we had on margins, so back to you, Brett, for the next caller.
"""


def test_an_earnings_calls_analysts_and_the_officer_who_answers_at_length():
    """An earnings call as Microsoft's investor relations publish it: analysts labelled
    ``NAME, Firm:`` (the firm is not the speaker's name, nor a quotation); with only the CEO
    given as interviewee, the CFO who never asks and answers at length answers too."""
    got = turns(CALL, "call.txt", interviewee="Satya Nadella", outlet="Microsoft")
    speakers = [(n, r) for n, r, _ in got]
    assert ("Keith Weiss", "interviewer") in speakers or ("KEITH WEISS", "interviewer") in speakers
    weiss = next(t for n, _, t in got if n.upper() == "KEITH WEISS")
    assert weiss.startswith("Excellent. Thank you") and "Morgan Stanley" not in weiss
    assert {r for n, r, _ in got if n.upper() == "AMY HOOD"} == {"interviewee"}
    assert {r for n, r, _ in got if n.upper() == "SATYA NADELLA"} == {"interviewee"}
    assert {r for n, r, _ in got if n.upper() == "BRETT IVERSEN"} == {"interviewer"}


def test_an_analyst_who_asks_without_a_question_mark_asks():
    """With both the CEO and the moderator given, a voice that does not ask is another guest;
    an analyst's question put as "if you could walk us through…", or followed by thanks ("How
    do you see it? Thank you so much."), asks all the same."""
    text = CALL.replace(
        "How should we\nthink about the capital expenditure this year?",
        "If you could\nwalk us through the capital expenditure this year. Thank you so much.",
    ).replace("how do you\nsee Copilot adoption?", "how do you\nsee Copilot adoption? Thanks.")
    text += "\nKEITH WEISS: Thanks, Amy.\n\nMARK MOERDLER: Perfect. Thank you very much.\n"
    got = turns(text, "call.txt", interviewee="Satya Nadella", interviewer="Brett Iversen")
    assert {r for n, r, _ in got if n.upper() in ("KEITH WEISS", "MARK MOERDLER")} == {
        "interviewer"
    }
    assert {r for n, r, _ in got if n.upper() == "AMY HOOD"} == {"interviewee"}


DIALOG = """---
title: "Caméras : ce que dit la CNIL"
---

Les caméras se multiplient dans les commerces. Nous avons interrogé Claire Dubois, juriste.

**Qui peut installer une caméra dans un magasin ?**

Le commerçant, pour la sécurité des biens et des personnes, avec une
information claire des clients.

**Combien de temps les images sont-elles gardées ?**

Les images sont conservées pendant une durée maximale d'un mois, sauf procédure judiciaire.

**Propos recueillis par Jeanne Martin**

**RESSOURCES UTILES**

Le guide de la CNIL sur la vidéoprotection, en ligne.
"""


def test_a_french_qa_pages_bold_credit_and_box_are_the_outlets():
    """A French Q&A page in Markdown (questions in bold, a bold credit line and a bold box
    head in capitals, a box of links after it): none of it is the interviewee's, and the
    credit names the interviewer."""
    got = converted(DIALOG, language="fr", interviewee="Claire Dubois", outlet="Dialog")
    s = got.source
    said = " ".join(s.text[t.start : t.end] for t in s.turns if t.speaker.role not in ("editor",))
    assert "conservées pendant une durée maximale" in said
    for outlet_s in ("Propos recueillis", "RESSOURCES UTILES", "Le guide de la CNIL"):
        assert outlet_s not in said, outlet_s
    assert s.interviewer == "Jeanne Martin"  # the credit's, in the metadata
    assert {t.speaker.name for t in s.turns if t.speaker.role == "interviewer"} == {"Dialog"}


def test_a_phrase_that_ends_on_another_word_is_refused_in_french():
    """ "d'un an" over "d'un mois": French "an" is a light word in English, but the source's
    sentence goes on with another word of weight; the phrase says something else."""
    source = converted(DIALOG, language="fr", interviewee="Claire Dubois").source
    searcher = Searcher([source])
    assert searcher.search("conservées pendant une durée maximale d'un mois", SearchOptions()).found
    got = searcher.search("conservées pendant une durée maximale d'un an", SearchOptions())
    assert not got.found


HANSARD = """NATIONAL ASSEMBLY
OFFICIAL REPORT
Wednesday, 15th October 2025
The House met at 2.30 p.m.
[The Speaker (Hon. Moses Wetang’ula) in the Chair]
PRAYERS
QUORUM
Hon. Speaker: Order, Members. Ring the Division Bell. We now have quorum. Clerk, call the first
Order.
(The Speaker (Hon. Moses Wetang’ula) consulted with the Clerks-at-the-Table)
Hon. John Mbadi (Suba South, ODM): Thank you, Hon. Speaker. I rise to support the Motion on the
budget estimates for the coming year.
Hon. Speaker: Thank you. Next is the Leader of the Majority Party.
Hon. Kimani Ichung’wah (Kikuyu, UDA): Thank you, Hon. Speaker. The Motion before the House is
about the budget estimates, and the Committee has tabled its report on them this afternoon.
Hon. Speaker: Very well. Hon. Members, the Motion is now open for debate, and I will take the
requests in the order in which they appear on my screen, beginning with the Member for Suba.
Hon. John Mbadi (Suba South, ODM): The estimates leave out the roads that my constituency was
promised in the last financial year, and the people of Suba South are still waiting for them.
Hon. Speaker: Order. Let us keep to the estimates before the House, Hon. Mbadi. Having agreed
to what I have said, can I put the Question?
Hon. Members: Yes.
"""


def test_a_record_that_names_the_member_in_the_chair():
    """A Kenya National Assembly Hansard (parliament.go.ke): "Hon. Speaker:" is the member the
    record puts in the Chair; the time of sitting and a stage direction with a bracket inside
    are the record's."""
    got = turns(HANSARD, "h.txt")
    assert converted(HANSARD, "h.txt").source.date == "2025-10-15"
    named = [n for n, _, _ in got if n not in ("",)]
    assert "Moses Wetang’ula" in named
    assert "Hon. Speaker" not in named
    assert got[-1][0] == "Hon. Members" and got[-1][2] == "Yes."  # the House, as one voice
    spoken = " ".join(t for n, r, t in got if r != "editor")
    assert "The House met at 2.30" not in spoken
    assert "consulted with the Clerks-at-the-Table" not in spoken


def test_a_pdfs_two_line_foot_is_a_running_foot():
    """PDF text comes page by page (``readers.office`` parts the pages with form feeds): a
    disclaimer two lines long at each page's foot is the record's, like a running head."""
    foot = "Disclaimer: The electronic version of the Official Hansard Report is for\ninformation"
    foot += " purposes only. A certified version may be obtained from the Clerk."
    page = "Hon. Member: We need roads in my constituency, Hon. Speaker, and water too.\n"
    body = "\f".join(f"{page * 5}\n{foot}\nPage {n}" for n in range(1, 6))
    heads = pages.running_heads(body)
    assert any(h.startswith("Disclaimer: The electronic version") for h in heads)
    assert any(h.startswith("information purposes only") for h in heads)


CFGMGMT = """Config Management Camp turns ten
=================================

Kris Buytaert and Toshaan Bharvani run Config Management Camp in Ghent every February. We
asked them how it began.

**Kris:** It started as a fringe event of FOSDEM, for the people who automate servers.

**Toshaan:** And it grew because the tracks are chosen by the communities themselves.

**Kris:** We never wanted sponsors to pick the talks.
"""


def test_first_name_labels_are_the_full_names_the_standfirst_prints():
    """A Markdown interview whose title is underlined (setext) and whose standfirst names the
    two guests; the labels print first names (``**Toshaan:**``). The standfirst is the
    outlet's; the labels are the full names printed there."""
    got = turns(CFGMGMT, interviewer="Jane Doe")
    assert [(n, r) for n, r, _ in got] == [
        ("Test Outlet", "editor"),  # the title and the standfirst
        ("Kris Buytaert", "interviewee"),
        ("Toshaan Bharvani", "interviewee"),
        ("Kris Buytaert", "interviewee"),
    ]
    assert "run Config Management Camp in Ghent" in got[0][2]


@pytest.mark.parametrize(
    "line",
    ["The House met at 2.30 p.m.", "The Senate adjourned at 6.15 p.m.", "The House rose at 7 pm"],
)
def test_a_time_of_sitting_is_never_a_speakers(line):
    text = f"Hon. Speaker: Order.\n\n{line}\n\nHon. Speaker: Next Order.\n"
    source = converted(text, "s.txt").source
    for t in source.turns:
        if t.speaker.role != "editor":
            assert line not in source.text[t.start : t.end]


def test_the_phrases_quoted_from_a_rev_file_are_the_sources_text_at_their_offsets():
    source = converted(REV, interviewee="Jason Fried", interviewer="Kimberly Rhodes").source
    hit = Searcher([source]).search("we ship the smaller version first", SearchOptions())
    assert hit.found
    best = hit.matches[0]
    assert best.match == "we ship the smaller version first"
    assert source.text[best.match_start : best.match_end] == best.match
    assert source.text[best.start : best.end] == best.quote
    assert best.quote == "Oftentimes we ship the smaller version first and see."
    assert best.speaker.name == "Jason Fried"


def test_an_answer_that_opens_with_the_interviewees_name_keeps_the_label_off_the_quote():
    """An answer that opens with its speaker's label, once on the page ("Claire Dubois : …")
    or by family name ("Dubois : …"): who speaks, not the quotation's words."""
    text = DIALOG.replace("Le commerçant, pour", "Claire Dubois : Le commerçant, pour").replace(
        "Les images sont conservées", "Dubois : Les images sont conservées"
    )
    s = converted(text, language="fr", interviewee="Claire Dubois", outlet="Dialog").source
    answers = [s.text[t.start : t.end] for t in s.turns if t.speaker.role == "interviewee"]
    assert [a.split(",")[0][:26] for a in answers] == [
        "Le commerçant",
        "Les images sont conservées",
    ]
    assert {t.speaker.name for t in s.turns if t.speaker.role == "interviewee"} == {"Claire Dubois"}
    other = converted(text.replace("Claire Dubois : ", "Paul Martin : "), language="fr",
                      interviewee="Claire Dubois", outlet="Dialog").source  # fmt: skip
    assert any(  # another name's label is not taken off: it is not the interviewee's
        s_.startswith("Paul Martin : ") for s_ in
        (other.text[t.start : t.end] for t in other.turns)
    )  # fmt: skip
