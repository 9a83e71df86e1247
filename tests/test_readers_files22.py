"""Who speaks and what is the outlet's, for the conventions the blind set files22 brought
(issue 12): Factba.se's export, a Zoom webinar's captions, a MAXQDA interview PDF, a blog Q&A's
closing promotion, an Assemblée nationale page whose HTML never closes its menu, and the
record's "Présidence de M. X".

Each test is a small file in the shape of a real one (credited in its docstring; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.cite import item as cite_item
from quotecli.readers import pages, webpage


def converted(text: str, name: str = "t.txt", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options)


def turns(text: str, name: str = "t.txt", **options) -> list[tuple[str, str, str]]:
    s = converted(text, name, **options).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


FACTBASE = """Full Transcript
Sean Hannity 00:00:00-00:00:01 (1 sec)
No StressLens
Mr. President --
Donald Trump 00:00:01-00:00:02 (1 sec)
No StressLens
Thank you.
Sean Hannity 00:00:05-00:00:14 (9 sec)
No Signal (0)
Let's talk about the moment you walked back in this office. How do you feel?
Donald Trump 00:00:14-00:00:41 (27 sec)
No Signal (0.531)
Well, it was a lot of work. But with all that being said, I think it's bigger.
"""

# the stress measure's levels (blind-11, the same file further on: 00:37:39)
LEVELS = """Full Transcript
Sean Hannity 00:37:38-00:37:39 (1 sec)
No StressLens
And from that distance?
Donald Trump 00:37:39-00:37:58 (18 sec)
Medium (1.749)
Yes, from that distance. I mean, to me, I didn't know.
Sean Hannity 00:38:01-00:38:03 (2 sec)
No StressLens
Really?
Donald Trump 00:38:03-00:38:09 (6 sec)
Weak (1.265)
And I didn't want to -- well, I went through four years of hell.
Donald Trump 00:38:09-00:38:12 (3 sec)
Strong (2.572)
Sure.
"""


def test_a_factbase_export_and_its_voice_stress_lines():
    """Factba.se's transcripts (andrewresnick1/trumptranscripts, cleaning/dirty_text/): a
    label line "Name 00:00:05-00:00:14 (9 sec)", the exporter's voice-stress line under it
    ("No StressLens", "No Signal (0.531)"), then the words; the stress line is nobody's, left
    out with a warning."""
    got = converted(FACTBASE, interviewee="Donald Trump", interviewer="Sean Hannity")
    s = got.source
    assert "StressLens" not in s.text and "No Signal" not in s.text
    assert any("voice-stress" in w for w in got.warnings)
    assert [(t.speaker.name, t.speaker.role) for t in s.turns if t.speaker.role != "editor"] == [
        ("Sean Hannity", "interviewer"), ("Donald Trump", "interviewee"),
    ] * 2  # fmt: skip


def test_a_factbase_stress_level_is_not_the_speakers_first_words():
    """Where the exporter's stress lines are, a level alone on a line ("Weak (1.265)") is its
    measure too, not the start of the answer under it (it came back inside a quotation)."""
    got = turns(LEVELS, interviewee="Donald Trump", interviewer="Sean Hannity")
    said = [t for t in got if t[1] != "editor"]
    assert said[1] == ("Donald Trump", "interviewee",
                       "Yes, from that distance. I mean, to me, I didn't know.")  # fmt: skip
    assert said[3][2].startswith("And I didn't want to")
    assert not any(x in t[2] for t in got for x in ("(1.749)", "(1.265)", "(2.572)"))


ZOOM = "WEBVTT\n\n" + "".join(
    f"{n}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{text}\n\n"
    for n, text in enumerate(
        [
            "John Lennon: Hi, how's it going, good.",
            "George Harrison: Good.",
            "John Lennon: It said host is waiting.",
            "George Harrison: Yeah.",
            "Andrew Knight: Welcome everyone to the webinar. Today our guest is Paul.",
            "Paul McCartney: Thank you, Andrew. I have worked on pricing models for years.",
            "Andrew Knight: What got you started in the field?",
            "Paul McCartney: A summer job at a bank, where I built my first model.",
            "And that",
            "Andrew Knight: And what did you learn there?",
            "Paul McCartney: That data beats opinion, almost every time, and by a lot.",
            "John Lennon: Sorry, your audio dropped.",
            "Andrew Knight: Thank you all for joining us today.",
        ],
        1,
    )
)


def test_a_zoom_webinars_unnamed_cue_and_its_technicians():
    """Zoom's WebVTT of a webinar (PhilipPragerUrbina/TranscriptParsing, transcript.vtt):
    every cue opens with "Name: ", so the one that does not is a voice it does not name
    (unattributed), not the last one's; with host and guest given, the others' short
    technical chatter ("It said host is waiting.") is a speaker's, never a guest's."""
    got = converted(
        ZOOM, "t.vtt", interviewee="Paul McCartney", interviewer="Andrew Knight", outlet="Olin"
    )
    s = got.source
    roles = {t.speaker.name: t.speaker.role for t in s.turns}
    assert roles["John Lennon"] == roles["George Harrison"] == "speaker"
    assert roles["Paul McCartney"] == "interviewee"
    unnamed = [s.text[t.start : t.end] for t in s.turns if t.speaker.role == "unattributed"]
    assert unnamed == ["And that"]
    assert [p.name for p in cite_item._authors(s)] == ["Paul McCartney"]


def test_a_label_atop_each_page_is_a_turn_and_line_numbers_are_layout():
    """MAXQDA's interview PDFs (DanielKerrigan/PDPilotUserStudy, results/transcripts/P3.pdf):
    a speaker's label alone opens many pages ("Dan:"), never a running head; the page's line
    numbers printed apart, one a line, are layout."""
    numbers = "\n".join(str(k) for k in range(1, 12))
    said = ["scatter plots", "box plots", "heat maps", "line charts", "bar charts"]
    body = "\f".join(
        f"{n}/6\nDan:\n\tOkay. And {x}, do you use them?\nParticipant:\n"
        f"\tYes, {x} come up in our work every week.\n{numbers}"
        for n, x in enumerate(said, 1)
    )
    assert pages.running_heads(body) == ["1/6", "2/6", "3/6", "4/6", "5/6"]
    lines, left_out = pages.split(body)
    assert "Dan:" in lines and "7" not in [x.strip() for x in lines]
    assert any("line numbers" in w for w in left_out)


GODOT = """---
title: "Godot Showcase - Usagi Shima"
---

Today we talk to Jess, who made Usagi Shima.

## Please tell us a bit about yourself?

I'm Jess, a solo developer from Canada, and I have been making games for five years.

## What do you hope players will take away from your game?

I hope mobile games make a comeback as a reputable platform for gaming.

![](/assets/showcase/usagi-shima-scr03.webp)

Usagi Shima is available in the [App Store](https://apps.apple.com/us/app/usagi-shima/id1) and
[Google Play Store](https://play.google.com/store/apps/details?id=x). You can also find more
about the game on [their website](https://usagishima.net/).
"""


def test_a_blog_qas_closing_promotion_is_the_outlets():
    """Godot's showcase interviews (godotengine/godot-website, collections/_article/): the
    paragraph that sends readers to the stores, with its links, is the page's, not the last
    answer's."""
    got = turns(GODOT, "t.md", interviewee="Jess", interviewer="Emi", outlet="Godot Engine")
    assert {r for _, r, t in got if "available in the App Store" in t} == {"editor"}
    assert {r for _, r, t in got if "comeback" in t} == {"interviewee"}


ASSEMBLEE = """<html><head><title>Assemblée nationale ~ Troisième séance</title></head>
<body><header><div id="logo">Assemblée nationale</div>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/deputes">Les députés</a></li></ul>
</header>
<div id="contenu">
<h2>Présidence de M. Claude Bartolone</h2>
<p><b>M. le président.</b> La séance est ouverte.</p>
<p><b>M. le président.</b> La parole est à M. Hervé Mariton.</p>
<p><b>M. Hervé Mariton.</b> Monsieur le président, ce texte change le droit de la famille.</p>
<p><b>M. le président.</b> Il vous faut conclure, monsieur Mariton.</p>
<p><b>M. Hervé Mariton.</b> Je conclus : nous voterons contre ce texte.</p>
</div></body></html>
"""


def test_a_records_page_that_never_closes_its_menu_and_its_presidency():
    """The Assemblée nationale's record pages of 2013 (nlegrand/mariagepourtousInXML,
    files/html/*.asp): the menu's "<nav>" is never closed, so it ends with its parent, and
    the record after it is read; "M. le président" is the member the record's head puts in
    the chair ("Présidence de M. Claude Bartolone")."""
    assert "La séance est ouverte." in webpage.text(ASSEMBLEE)
    assert "Les députés" not in webpage.text(ASSEMBLEE)
    got = turns(ASSEMBLEE, "t.asp", language="fr", outlet="Assemblée nationale")
    named = [n for n, r, _ in got if r != "editor"]
    assert named == ["Claude Bartolone", "Claude Bartolone", "M. Hervé Mariton",
                     "Claude Bartolone", "M. Hervé Mariton"]  # fmt: skip
