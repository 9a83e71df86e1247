"""What the blind set files55 taught (issue 12), each failing before the change: a time inside
the bold with the label (``**[00:01] SPEAKER_00:**``, a converter's) is the turn's time, not
part of the label; a WebVTT export pasted in a Markdown note under its title and date is read
as cues, the note's lines the outlet's; a heading wholly in quotation marks is a pull quote,
never the interviewer's question; and a phrase that puts one of the source's words in the
place of another ("the Timor tax" over "the Have tax, the Timor levy") is never a quotation.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.search import Searcher, SearchOptions


def convert(text: str, name: str, **options):
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode(), name, options=options, roles={}).source


def turns(source) -> list[tuple[str, str, str]]:
    return [(t.speaker.name, t.speaker.role, " ".join(source.text[t.start : t.end].split()))
            for t in source.turns]  # fmt: skip


# bobsummerwill/stratomercata-transcripts, …/episode007-jacob-czepluch_assemblyai.md (shortened)
DIARIZED = """**[00:01] SPEAKER_00:** So, hello.

**[00:02] SPEAKER_01:** Hello, Bob.

**[00:03] SPEAKER_00:** So, yes, I'm recording here for Early days of Ethereum.

**[00:14] SPEAKER_01:** Good enough?
"""


def test_a_time_inside_the_bold_label_is_the_turns():
    s = convert(DIARIZED, "ep7.md")
    assert [(t.speaker.name, dict(t.attrs).get("start")) for t in s.turns] == [
        ("SPEAKER_00", "00:01"), ("SPEAKER_01", "00:02"), ("SPEAKER_00", "00:03"),
        ("SPEAKER_01", "00:14"),
    ]  # fmt: skip
    assert len(s.speakers) == 2
    assert s.text[s.turns[0].start : s.turns[0].end] == "So, hello."


# berlitz-global/berlitz-team-os, …/2026-06-19-martin-petry-intro.md (shortened)
PASTED = (
    "# Introductory Meeting — Martin Petry, Jan, Rob, Michal\n\n**Date:** 2026-06-19\n\n---\n\n"
    "WEBVTT\r\n\r\n00:00:09.301 --> 00:00:10.821\r\n<v Martin Petry>So I'll show you.</v>\r\n\r\n"
    "00:00:11.061 --> 00:00:11.541\r\n<v Michal Sobocinski>You don't know?</v>\r\n\r\n"
    "00:00:13.621 --> 00:00:16.261\r\n<v Martin Petry>Say again.</v>\r\n"
)


def test_a_webvtt_export_pasted_in_a_note_is_read_as_cues():
    assert readers.detect(PASTED) == "vtt"
    got = turns(convert(PASTED, "meeting.md"))
    assert got == [
        ("Outlet", "editor", "Introductory Meeting — Martin Petry, Jan, Rob, Michal"),
        ("Outlet", "editor", "Date: 2026-06-19"),
        ("Martin Petry", "speaker", "So I'll show you."),
        ("Michal Sobocinski", "speaker", "You don't know?"),
        ("Martin Petry", "speaker", "Say again."),
    ]
    # a note that only shows the word WEBVTT in its prose is no export
    assert readers.detect("# Notes\n\nWEBVTT\n\nis a format for captions.\n") != "vtt"


PULL = """## What does leadership mean to you in your current role?

### “Leadership is about enabling those below, above, and around you to be at their healthiest.”

I appreciate and admire technical, effective leaders who care for their reports as humans.

## What are you looking forward to next?

I can’t wait to wake up every day with my partner.
"""


def test_a_quoted_heading_is_a_pull_quote():
    got = turns(convert(PULL, "spotlight.md", interviewee="Erin Spiceland"))
    assert [role for _, role, _ in got] == [
        "interviewer", "editor", "interviewee", "interviewer", "interviewee"]  # fmt: skip


def test_a_word_put_in_the_place_of_another_is_never_a_quotation():
    text = ("JOURNALIST: Good morning to you.\n\nJOHN HOWARD: Let's come now to the Have tax, "
            "the Timor levy on the Medicare.\n\nJOURNALIST: Thank you.\n")  # fmt: skip
    search = Searcher([convert(text, "pm.txt")]).search
    assert search(
        "come now to the Have tax, the Timor levy on the Medicare.", SearchOptions()
    ).found
    for moved in ("come now to the Timor tax, the levy on the Medicare.",
                  "come now to the Timor tax, the crucial levy on the Medicare."):  # fmt: skip
        result = search(moved, SearchOptions())
        assert not result.found and "Have tax" in result.closest.text, moved
