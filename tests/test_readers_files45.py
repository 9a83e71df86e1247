"""Who speaks, for the conventions the blind set files45 brought (issue 12), each failing
before the change: Riverside's text export (``Alex (00:01.692)`` alone on its line, the words
below), a standfirst whose "Will Maier leads…" was read as the name "Will Maier le" (a name's
particle must be a word), and an interview's closing credits ("Interviewer: David La Monaca
(aka Cercamon)", "*Interview made in May-June, 2018*", "Download the interview in PDF…").
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles
from quotecli.readers.labels import find
from quotecli.readers.paragraphs import asked_by, credit, kind

RIVERSIDE = """---
title: "I Haven't Opened an IDE Since November — Will Maier (Stripe)"
---

Will Maier leads growth engineering at Stripe and has been one of the most active voices.

## Transcript

Alex (00:01.692)
Hello and welcome back to the Staff Eng podcast. I'm Alex.

DNR (00:24.2)
I'm DNR. Very excited today to have Will on the show with us.

Alex (00:45.01)
Yeah, so Will, I'd love it if you just sort of give us a quick rundown.

Will (00:50.732)
So I'm Will Meyer. I work at Stripe.

Alex (01:38.596)
And what changed?

Will (01:40.1)
I mean, the change everything was November 28th or so.
"""


def test_riverside_labels_and_a_name_read_whole():
    given = parse_roles(("Alex=interviewer", "DNR=interviewer", "Will=interviewee"))
    s = readers.convert(RIVERSIDE.encode(), "ep.md", roles=given,
                        options={"outlet": "StaffEng", "language": "en",
                                 "interviewee": "Will Maier"}).source  # fmt: skip
    got = [(t.speaker.name, s.text[t.start : t.end]) for t in s.turns if t.speaker.role != "editor"]
    assert got[0] == ("Alex", "Hello and welcome back to the Staff Eng podcast. I'm Alex.")
    assert [who for who, _ in got] == ["Alex", "DNR", "Alex", "Will Maier", "Alex", "Will Maier"]
    assert find("Alex (00:01.692)").time == "00:01.692"
    assert not any("(00:" in words for _, words in got)


def test_an_interviews_closing_credits():
    assert asked_by("Interviewer: David La Monaca (aka Cercamon)").group("who").strip() == (
        "David La Monaca"
    )
    assert credit("*Interview made in May-June, 2018")
    download = "Download the interview in PDF format (off-print) here: __ http://bit.ly/2NJXsEe"
    assert kind(download, False) == "editor"
    # the letter of the role is a question's label, not a credit: "I: On Instagram."
    assert find("I:\tOn Instagram.").rest == "On Instagram."
