"""Who speaks, for the conventions the blind sets files49 and files50 brought (issue 12), each
failing before the change: a podcast page's ``**CHUCK:&nbsp;**`` (Markdown's entity for a
space inside the bold label); a debate's ``**00:03:32 SPANBERGER**`` alone on its line (the time
and the speaker in one bold), ``**LT. GOV. EARLE-SEARS**`` alone beside them,
``SPANBERGER (CONT.)`` (the same speaker) and ``MODERATOR (TOM)`` (Tom, who moderates);
captions' ``[Guest]:`` (the one interviewee given) and ``[Unknown]:`` (nobody); a host's own
plug ("check it out at NewbieRemoteConf.com") is no sponsor read; a reStructuredText title
underlined after the last answer ("Show Notes" ⏎ "----------") is the page's.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.labels import find


def turns(text: str, name: str, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode(), name, options=options, roles={}).source
    return [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]


PANEL = """---
title: "095 AiA Building NG2 Libraries with Olivier Combe"
---

**CHUCK:&nbsp;** Hey everybody and welcome to episode 95. I'm Charles Max Wood from DevChat.tv. \
If you're new to programming I'm putting on a remote conference called Newbie Remote Conf. So, \
go check it out at NewbieRemoteConf.com.

**WARD:&nbsp;** Hello, everyone.

**OLIVIER:&nbsp;** Sure. As you said, my name is Olivier Combe.

**CHUCK:&nbsp;** Do you want to give us a brief introduction?

**OLIVIER:&nbsp;** I'm a French developer at a startup named Holimetrix.
"""


def test_a_bold_label_with_an_entity_for_its_space():
    f = find("**CHUCK:&nbsp;** Hey everybody")
    assert (f.label, f.rest) == ("CHUCK", "Hey everybody")
    got = turns(PANEL, "aia.md", interviewee="Olivier Combe")
    assert [(who, role) for who, role, _ in got] == [
        ("Chuck", "interviewer"), ("Ward", "interviewer"), ("Olivier Combe", "interviewee"),
        ("Chuck", "interviewer"), ("Olivier Combe", "interviewee"),
    ]  # fmt: skip
    assert got[0][2].endswith("go check it out at NewbieRemoteConf.com.")  # the host's, no ad


DEBATE = """# Virginia Gubernatorial Debate

**Norfolk State University Debate**

## Opening Topic: Car Tax

**0:01:12 MODERATOR (TOM)**
We want to begin tonight with the dreaded car tax.

**00:01:39 LT. GOV. EARLE-SEARS**
On the car tax, we could have gotten rid of that.

**00:02:27 MODERATOR**
I want to get an answer from you.

**LT. GOV. EARLE-SEARS**: I answered the question.

**00:02:40 MODERATOR**
I will give you 15 seconds to clarify.

**LT. GOV. EARLE-SEARS**
As I said, we have the money.

**00:03:32 SPANBERGER**
A car tax is the most hated tax in the Commonwealth of Virginia.

**00:07:57 SPANBERGER (CONT.)**
And my opponent has no plan.

**00:15:55 TOM**
Next topic.

**00:34:16 LT. GOV. EARLE-SEARS**: That's not discrimination.
"""


def test_a_debates_time_and_speaker_in_one_bold():
    f = find("**00:03:32 SPANBERGER**")
    assert (f.label, f.time, f.rest) == ("SPANBERGER", "00:03:32", "")
    f = find("**00:34:16 LT. GOV. EARLE-SEARS**: That's not discrimination.")
    assert (f.label, f.time) == ("LT. GOV. EARLE-SEARS", "00:34:16")
    assert f.rest == "That's not discrimination."
    assert find("**0:01:12 MODERATOR (TOM)**").label == "TOM"
    assert find("**00:07:57 SPANBERGER (CONT.)**").label == "SPANBERGER"
    got = turns(DEBATE, "debate.md", interviewer="Tom Schaad")
    said = [(who, words.split("\n")[0][:20]) for who, role, words in got if role != "editor"]
    assert said == [
        ("Tom Schaad", "We want to begin ton"), ("Lt. Gov. Earle-Sears", "On the car tax, we c"),
        ("Moderator", "I want to get an ans"), ("Lt. Gov. Earle-Sears", "I answered the quest"),
        ("Moderator", "I will give you 15 s"), ("Lt. Gov. Earle-Sears", "As I said, we have t"),
        ("Spanberger", "A car tax is the mos"), ("Spanberger", "And my opponent has "),
        ("Tom Schaad", "Next topic."),
        ("Lt. Gov. Earle-Sears", "That's not discrimin"),
    ]  # fmt: skip
    assert ("Outlet", "editor", "**Norfolk State University Debate**") in got  # a heading once


CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:04.000
[Unknown]: Welcome to the show. Please welcome your host, Amit Varma.

00:00:04.000 --> 00:00:09.000
[Amit Varma]: Mohit, welcome to the show.

00:00:09.000 --> 00:00:12.000
[Guest]: Thanks, Amit. It is a pleasure to be here.

00:00:12.000 --> 00:00:16.000
[Amit Varma]: Tell me about the queue.

00:00:16.000 --> 00:00:21.000
[Guest]: She had fielded 6,515 applications for a single IPO.
"""


def test_captions_guest_and_unknown():
    got = turns(CAPTIONS, "e05.vtt", interviewer="Amit Varma", interviewee="Mohit Satyanand")
    assert [(who, role) for who, role, _ in got] == [
        ("Unknown", "unattributed"), ("Amit Varma", "interviewer"),
        ("Mohit Satyanand", "interviewee"), ("Amit Varma", "interviewer"),
        ("Mohit Satyanand", "interviewee"),
    ]  # fmt: skip


OTTER_RST = """PHP Internals News: Episode 100: Sealed Classes
================================================

Derick Rethans  0:14
\tHi, I'm Derick. Welcome to PHP internals news.

Saif Eddin Gmati  0:35
\tHello, I'm Saif Eddin Gmati.

Derick Rethans  12:42
\tI hope so too. Thank you for listening.



Show Notes
----------

- RFC: `Sealed Classes <https://wiki.php.net/rfc/sealed_classes>`_
"""


def test_a_title_underlined_after_the_last_answer():
    got = turns(OTTER_RST, "pin100.rst", interviewer="Derick Rethans")
    assert got[-2][:2] == ("Outlet", "editor") and got[-2][2].startswith("Show Notes")
    assert got[-3][:2] == ("Derick Rethans", "interviewer")
