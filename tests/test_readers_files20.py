"""Who speaks and what is the outlet's, for the conventions the blind set files20 brought
(issue 12): an Otter export pasted as Markdown headings, a sponsor read that opens inside the
host's paragraph, reStructuredText directives, a hearing's "Questioned by", a recogniser's
labels ("SPEAKER_01") with a self-introduction, a council's minutes, and a recogniser's raw
output with no label at all.

Each test is a small file in the shape of a real one (credited in its docstring; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

import pytest

from quotecli import readers
from quotecli.cite import item as cite_item


def converted(text: str, name: str = "t.md", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options)


def turns(text: str, name: str = "t.md", **options) -> list[tuple[str, str, str]]:
    s = converted(text, name, **options).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


JAMSTACK = """---
title: Gareth McCumskey on serverless-first
---

## Quick show notes

* Serverless framework

### Bryan Robinson  0:03
Hello, everyone, welcome to another episode. Hey, Gareth, thanks for joining us on the show.

### Gareth McCumskey  0:45
Yeah, thanks so much for having me. I love talking about Jamstack stuff.

### Bryan Robinson  28:10
Thanks again to Gareth, for the awesome conversation. And thanks to you our dear listeners for
tuning in week after week. Now a sponsor time. This week, we're lucky to have Auth0 back as our
sponsor. Head over to auth0.com/tmj for all their videos.

### Bryan Robinson  29:16
That's it for this week. Keep things jammy.

Transcribed by https://otter.ai
"""


def test_an_otter_export_pasted_as_markdown_headings():
    """That's My Jamstack's episode pages (brob/thatsmyjamstack.com-v2, episodes/*.md): Otter's
    ``Name  0:03`` labels set as ``###`` headings; the sponsor read that opens inside the
    host's closing paragraph ("Now a sponsor time.") is the outlet's, the thanks before it
    the host's."""
    got = turns(JAMSTACK, interviewee="Gareth McCumskey", interviewer="Bryan Robinson")
    spoken = [(n, r, t) for n, r, t in got if r != "editor"]
    assert [(n, r) for n, r, _ in spoken] == [
        ("Bryan Robinson", "interviewer"),
        ("Gareth McCumskey", "interviewee"),
        ("Bryan Robinson", "interviewer"),
        ("Bryan Robinson", "interviewer"),
    ]
    assert spoken[2][2].startswith("Thanks again to Gareth") and "sponsor" not in spoken[2][2]
    ad = [t for n, r, t in got if r == "editor" and "sponsor read" in n]
    assert ad == [
        "Now a sponsor time. This week, we're lucky to have Auth0 back as our sponsor. Head over "
        "to auth0.com/tmj for all their videos."
    ]


INQUIRY = """21 October 2022 – Paul Rich
============================

*(10.00 am)*

Questioned by Mr Blake (continued)
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

**Sir Wyn Williams**: I can hear what goes on when the usher makes her announcements.

**Mr Blake**: Mr Rich is ready. Can we look at the evaluation board's report, please?

.. rst-class:: indented

**Paul Rich**: Yes, I remember it.

.. rst-class:: indented

It was written before I joined the board, in early 1996.

**Mr Blake**: Who wrote the memo to you?

.. rst-class:: indented

**Paul Rich**: The programme director, I think.

**Mr Blake**: And did you reply to it?

.. rst-class:: indented

**Paul Rich**: I did, in writing, the week after.

**Sir Wyn Williams**: Yes.

**Mr Blake**: Can we have a ten-minute break now?

**Sir Wyn Williams**: Whatever suits best, Mr Blake.
"""


def test_a_hearings_directives_and_its_questioner():
    """The Post Office Horizon IT Inquiry's transcripts in reStructuredText (dracos/pohi,
    phase-2/2022-10-21.rst): ``.. rst-class:: indented`` is layout, left out with a warning,
    and the witness's paragraphs stay one turn; "Questioned by Mr Blake" names the asker, not
    a guest; the chair, who neither asks nor answers, is neither."""
    got = converted(INQUIRY, "t.rst", date="2022-10-21")
    s = got.source
    assert "rst-class" not in s.text
    assert any("reStructuredText directives" in w for w in got.warnings)
    roles = {t.speaker.name: t.speaker.role for t in s.turns if t.speaker.role != "editor"}
    assert roles == {
        "Sir Wyn Williams": "speaker", "Mr Blake": "interviewer", "Paul Rich": "interviewee",
    }  # fmt: skip
    rich = [" ".join(s.text[t.start : t.end].split()) for t in s.turns
            if t.speaker.name == "Paul Rich"]  # fmt: skip
    assert rich[0] == "Yes, I remember it. It was written before I joined the board, in early 1996."


SRT = "".join(
    f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n[{who}]: {words}\n\n"
    for n, (who, words) in enumerate(
        [
            ("SPEAKER_01", "Hello, everyone, and welcome to Medford Happenings."),
            ("SPEAKER_01", "And I am John Petrella."),
            ("SPEAKER_01", "Bobby, tell us about yourself?"),
            ("SPEAKER_00", "Thank you, John. I was a liquor salesman for thirty years."),
            ("SPEAKER_01", "And what do you do on the commission?"),
            ("SPEAKER_00", "I chair the licensing commission, the third Wednesday of the month."),
        ],
        1,
    )
)


def test_a_recognisers_labels_named_only_by_a_self_introduction():
    """Medford Happenings' captions (medford-transcripts/medford-transcripts.github.io, an SRT
    with WhisperX's ``[SPEAKER_01]:``): the label whose turns say "I am John Petrella", the
    interviewer given, is him; the other voice answers, its label kept as printed and named
    nobody (a citation names no author)."""
    got = converted(
        SRT, "t.srt", interviewee="Robert Delafano", interviewer="John Petrella", outlet="MH"
    )
    s = got.source
    who = [(t.speaker.name, t.speaker.role) for t in s.turns]
    assert who == [
        ("John Petrella", "interviewer"), ("SPEAKER_00", "interviewee"),
        ("John Petrella", "interviewer"), ("SPEAKER_00", "interviewee"),
    ]  # fmt: skip
    assert cite_item._authors(s) == ()


COUNCIL = """MINUTES

Madam Speaker: Good morning. We will now deal with the minutes of the last meeting.

Councillor Lukes moves that the Minutes of the meeting held on February 25, 2015, be taken as
read and confirmed.

Madam Speaker: All in favour? Contrary? Carried. Councillor Orlikow, would you rise please?

Motion No. 5

Moved by Councillor Orlikow,

Seconded by Councillor Morantz,

THEREFORE BE IT RESOLVED that the Building Canada Fund Applications be amended.

Councillor Orlikow: Thank you, Madam Speaker. I'd like to withdraw Motion No. 5 please.

Madam Speaker: Okay. Is that with the concurrence of your seconder?

Councillor Orlikow: With the concurrence of my seconder.
"""


def test_a_councils_minutes_narrate_what_members_move():
    """Winnipeg City Council's Hansard (OpenDemocracyManitoba/Winnipeg-Hansard-Parser,
    ms_word_council_docs/*.docx): "Councillor X moves that…", "Moved by …", "Seconded by …"
    and a motion's "THEREFORE BE IT RESOLVED" are the record's, nobody's words."""
    s = converted(COUNCIL, "t.txt").source
    said = " ".join(
        s.text[t.start : t.end] for t in s.turns if t.speaker.role not in ("editor", "unattributed")
    )
    for narrated in ("moves that the Minutes", "Moved by", "Seconded by", "BE IT RESOLVED"):
        assert narrated not in said, narrated
    assert "I'd like to withdraw Motion No. 5" in said


ASR = """Do you want me over here?
Yeah that's perfect.
Nice to meet you, Fred.
Very nice to meet you.
Thank you for being here.
Thanks for having me.
Henrik, can you just start, give us a very short round, how do you and Fred know each other?
So Fred and I have been friends and worked together briefly back in 2006.
I was working on a documentary about copyright.
Fred was working at a non-profit called Creative Commons.
And so we were in this
group of people that were very idealistic about the internet, and have stayed friends ever since.
And you've been hanging around in Copenhagen for a couple of days?
Yeah, I got here a week ago, I guess.
And then I went to Sweden for a bit, but Henrik's given me an incredible tour.
We went mushroom hunting on Friday, and that was amazing.
We got lots of chanterelles, but what was the Danish name for them?
They were amazing, we cooked them that night, and my friends here loved them too.
Are they good? Yeah, they were great. I think we will go again next week, if you can come.
You have worked with artificial intelligence for a long time, so tell us where it started for you.
I met the people who would found the company when I was working in New York, and we talked a lot.
"""


def test_a_recognisers_raw_output_imports_unattributed():
    """A WhisperX transcript with no diarization (AUGMXNT/transcribe, 'Prompt - DR - Fred
    Benenson - AI'): no label anywhere, so every word is nobody's, never refused and never
    given to the interviewee named; the import says so."""
    got = converted(ASR, "t.txt", interviewee="Fred Benenson", interviewer="Marcel")
    assert {t.speaker.role for t in got.source.turns} == {"unattributed"}
    assert any("no speaker labels" in w for w in got.warnings)
    assert cite_item._authors(got.source) == ()


@pytest.mark.parametrize(
    "text",
    [
        "# Project\n\nInstall it with pip. " + "You can configure the tool in a file. " * 40,
        "Permission is hereby granted, free of charge, to any person obtaining a copy. " * 20,
    ],
)
def test_prose_that_is_not_speech_is_still_refused(text):
    with pytest.raises(readers.ReaderError, match="no speakers found"):
        converted(text, "t.txt")
