"""Who speaks, for the conventions the blind set files32 brought (issue 12): a Microsoft Teams
WebVTT export's times with one digit for the seconds ("0:0:3.490"), the Congressional Record's
chair ("The Acting CHAIRMAN.", "The SPEAKER pro tempore (Mr. Mica).") with its headings centred
in the page and the Record's narration ("There was no objection.", "The text of the amendment
is as follows:"), a page saved cut short (no closing </pre>), and a podcast page's "Subscribe
Now:" links, which name no speaker. Each failed before the change.
"""

from __future__ import annotations

from pathlib import Path

from quotecli import readers


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# jmew/TextContextualSummarizer, transcript.vtt (the first cues; the voices are GUIDs there)
TEAMS = """WEBVTT

0:0:0.0 --> 0:0:3.490
<v Ann>2 minutes and help. I need someone else's computer for little bit longer than that.</v>

0:0:3.0 --> 0:0:5.550
<v Bob>OK, I mean I can just start talking, but.</v>

0:0:11.520 --> 0:0:17.210
<v Bob>Yeah, the transcriber has started, Yeah, but only you can see it.</v>
"""


def test_a_teams_cue_timed_with_one_digit_seconds_is_read():
    got = turns(TEAMS, "t.vtt")
    said = {words: who for who, _, words in got}
    assert (
        said["2 minutes and help. I need someone else's computer for little bit longer than that."]
        == "Ann"
    )
    assert any(
        w.startswith("OK, I mean I can just start talking")
        for w, who in said.items()
        if who == "Bob"
    )


# unitedstates/congressional-record, tests/test_files/CREC-2005-07-20/html/
# CREC-2005-07-20-pt1-PgH6117-3.htm (its head, then lines 206–211; cut, as the blind file was)
CREC = (Path(__file__).parent / "fixtures" / "crec" / "h6117-excerpt.htm").read_text()


def test_the_records_chair_headings_and_narration():
    got = turns(CREC, "t.htm")
    said = {words: (who, role) for who, role, words in got}
    mica = [w for w, (who, _) in said.items() if who == "The Speaker pro tempore (Mr. Mica)"]
    assert mica and mica[0].startswith("Pursuant to House Resolution 365 and rule XVIII")
    chair = [w for w, (who, _) in said.items() if who == "The Acting Chairman"]
    assert "The Clerk will designate the amendment." in chair
    assert any(w.startswith("Is there objection to the request") for w in chair)
    record = {w for w, (_, role) in said.items() if role == "editor"}
    assert {"In the Committee of the Whole", "Amendment No. 20 Offered by Mr. Issa"} <= record
    assert "There was no objection." in record
    lantos = [w for w, (who, _) in said.items() if who == "Mr. Lantos"]
    assert lantos and not any("objection." in w and w.startswith("There") for w in lantos)


# openjournals/blog.joss.theoj.org, _posts/2024-05-16-josscast-10-defect-structure-searching.md
PODCAST = """---
layout: post
date: 2024-05-16 00:00
title:  "JOSSCast #10: Defect Structure Searching"
---

**Subscribe Now:** [Apple](https://podcasts.apple.com/x), [Spotify](https://open.spotify.com/x)

Irea Mosquera-Lois and Seán Kavanagh join Arfon and Abby to discuss releasing software.

[00:00:05] **Arfon Smith:** Welcome to Open Source for Researchers.

[00:00:12] **Abby Cabunoc Mayes:** And we're your hosts. Every other week, we interview an author.

[00:00:30] **Irea Mosquera-Lois:** Thank you for having us.

[00:00:40] **Arfon Smith:** So tell us about ShakeNBreak.
"""


def test_subscribe_links_name_no_speaker():
    got = turns(PODCAST, "t.md", interviewee="Irea Mosquera-Lois")
    assert not any(who.startswith("Subscribe") for who, _, _ in got)
    roles = {who: role for who, role, _ in got}
    assert roles["Irea Mosquera-Lois"] == "interviewee"


def test_the_chair_printed_in_lower_case_once_is_still_the_chair():
    from quotecli.readers import labels

    line = "The Acting Chairman. Is the gentleman from New Jersey acting as the designee?"
    m = labels.RECORD.match(line)  # the same page prints "The Acting CHAIRMAN." elsewhere
    assert m and m.group("label") == "The Acting Chairman"
    assert labels.RECORD.match("The bill was read. Then…") is None
