"""Who speaks, for the conventions the blind set files44 brought (issue 12), each failing
before the change: a W3C meeting's minutes (``Scribe:``, ``Present:``, ``Regrets:`` heads, then
``<cite>Dom:</cite>`` first names the attendee list gives in full), and captions whose names run
into the words with no colon (``Tim Davis There are several…``, a converter that dropped it).
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    given = parse_roles(tuple(f"{k}={v}" for k, v in (roles or {}).items()))
    s = readers.convert(text.encode(), name, options=options, roles=given).source
    return [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]


# w3c/machine-learning-workshop, minutes/20200922.html (shortened)
MINUTES = """<html><body>
<h2>Minutes of 2nd Live Session (September 22 2020)</h2>
<address><strong>Scribe:</strong> Dominique Hazael-Massieux</address>
<p><strong>Present:</strong> Dominique Hazael-Massieux, Roy Ran, Jason
Mayes, Anssi Kostiainen, Chai Chaoweeraprasit</p>
<p><strong>Regrets:</strong> Sangwhan Moon, François Daoust,</p>
<p><strong><a href="https://example.org/agenda">Agenda</a></strong></p>
<p><cite>Anssi:</cite> Introducing live session #2. What will we cover today?</p>
<p><cite>Dom:</cite> please make sure to speak slowly to help the
  interpreter</p>
<p><cite>Chai:</cite> the ML space is still evolving; we have ONNX, TF, PyTorch.</p>
<p><cite>Jason:</cite> Model security has been a big issue for us.</p>
<p><cite>Dom:</cite> how would that extend to the ML loader API?</p>
<p><cite>Chai:</cite> I think that will become clearer in the future.</p>
<p><cite>Anssi:</cite> Thank you all.</p>
</body></html>
"""


def test_a_w3c_meetings_minutes():
    got = turns(MINUTES, "minutes.html", outlet="W3C", language="en",
                roles={"Anssi": "interviewer", "Dom": "interviewer"})  # fmt: skip
    speakers = [who for who, role, _ in got if role != "editor"]
    assert speakers == [
        "Anssi Kostiainen", "Dominique Hazael-Massieux", "Chai Chaoweeraprasit", "Jason Mayes",
        "Dominique Hazael-Massieux", "Chai Chaoweeraprasit", "Anssi Kostiainen",
    ]  # fmt: skip
    assert {role for who, role, _ in got if who == "Dominique Hazael-Massieux"} == {"interviewer"}
    editor = " ".join(w for _, role, w in got if role == "editor")
    assert "Sangwhan Moon" in editor and "Dominique Hazael-Massieux" in editor


# nickdeamons/wtt-converter, transcript.vtt (shortened)
CUES = [
    "Tim Davis There are several things that make The UPS Store exceptional.",
    "Tim Davis First is it's a proven business model that's been working over 35 years.",
    "Michelle Van-Slyke It is a brand that has a great deal of strength in the marketplace,",
    "Michelle Van-Slyke so virtually the minute you open your doors you have visibility.",
    "Chris Adkins The strength of this brand is one of the most recognizable in the world.",
    "Chris Adkins And I think that attracts a lot of people to the brand.",
    "John & Marie McKinney We joined the ups network after doing research.",
    "John & Marie McKinney and of course we wanted a good return on our investment.",
]
VTT = "WEBVTT\n\n" + "\n".join(
    f"{n}\n00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 1:02d}.000\n{cue}\n"
    for n, cue in enumerate(CUES, 1)
)


def test_names_run_into_the_cues_words():
    got = turns(VTT, "testimonials.vtt", outlet="UPS", language="en")
    firsts = [(who, words.split("\n")[0][:30]) for who, _, words in got]
    assert firsts == [
        ("Tim Davis", "There are several things that "),
        ("Michelle Van-Slyke", "It is a brand that has a great"),
        ("Chris Adkins", "The strength of this brand is "),
        ("John & Marie McKinney", "We joined the ups network afte"),
    ]


def test_captions_opening_with_no_name_are_not_read_as_names():
    plain = [
        "There are several things that make it exceptional.",
        "First is it's a proven business model.",
        "New York City is where we started, years ago.",
        "New York City was a hard market, I think.",
        "And then we moved on to the rest of the country.",
        "So that was the story of how it all began for us.",
    ]
    vtt = "WEBVTT\n\n" + "\n".join(
        f"{n}\n00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 1:02d}.000\n{cue}\n"
        for n, cue in enumerate(plain, 1)
    )
    got = turns(vtt, "c.vtt", outlet="X", language="en")
    assert {who for who, _, _ in got} == {"Unattributed"}
