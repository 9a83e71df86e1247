"""Who speaks, for the conventions the blind set files43 brought (issue 12), each failing
before the change:

- Oyez's Supreme Court transcripts printed to PDF: each speaker's full name alone on its line,
  no colon ("John G. Roberts, Jr." ⏎ "We'll hear argument next…"), and the rebuttal's heading
  run on after the chief's last words ("Rebuttal, Ms. Blatt? REBUTTAL ARGUMENT OF …");
- a German broadcaster's podcast script (NDR): its asker labelled by name, so an ``<h3>`` that
  asks amid an answer is an intertitle, and its teaser boxes (``<div class="teaser">``);
- a German local news site: a ``<figcaption>`` between two answers, its contact box
  (``Telefon: …``), a date in bold under the byline (``**2014-01-26 21:32:46 UTC:**``).
"""

from __future__ import annotations

from pathlib import Path

from quotecli import readers
from quotecli.readers import court
from quotecli.readers.builder import parse_roles
from quotecli.readers.labels import find

WILD = Path(__file__).resolve().parent / "fixtures" / "wild"


def turns(raw: bytes | str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    raw = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    given = parse_roles(tuple(f"{k}={v}" for k, v in (roles or {}).items()))
    s = readers.convert(raw, name, options=options, roles=given).source
    return [(t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split()))
            for t in s.turns]  # fmt: skip


# cooperativex/oral_argument, data/raw_data/E.M.D. Sales, Inc. v. Carrera _ Oyez.pdf
OYEZ = WILD / "scotus-emd-sales-v-carrera-2024-oyez.pdf"


def test_names_alone_on_their_lines():
    got = turns(OYEZ.read_bytes(), OYEZ.name, outlet="Oyez", language="en")
    who = [name for name, role, _ in got if role != "editor"]
    assert who[:4] == ["John G. Roberts, Jr.", "Lisa S. Blatt", "Clarence Thomas", "Lisa S. Blatt"]
    assert len(set(who)) == 10  # seven justices, three advocates
    first = dict((n, w) for n, _, w in reversed(got))
    assert first["Lisa S. Blatt"].startswith("Mr. Chief Justice, and may it please the Court")
    assert not any("John G. Roberts" in w for _, _, w in got)  # no label in the words
    # the rebuttal's heading, run on after "Rebuttal, Ms. Blatt?", is the record's
    heading = [w for _, role, w in got if "REBUTTAL ARGUMENT" in w]
    assert heading and all(role == "editor" for _, role, w in got if "REBUTTAL ARGUMENT" in w)
    assert ("John G. Roberts, Jr.", "speaker", "Rebuttal, Ms. Blatt?") in got


def test_an_arguments_heading_run_on_is_set_apart():
    lines = ["Rebuttal, Ms. Blatt? REBUTTAL ARGUMENT OF LISA S. BLATT ON", "BEHALF OF THE X"]
    assert court.headings_apart(lines) == [
        "Rebuttal, Ms. Blatt?", "REBUTTAL ARGUMENT OF LISA S. BLATT ON", "BEHALF OF THE X"
    ]  # fmt: skip
    assert court.headings_apart(["We will argue the point."]) == ["We will argue the point."]


PODCAST = """<html><body>
<p>Die Gefährdung für die Bevölkerung ist hoch.</p>
<p><strong>Korinna Hennig: </strong>Wie sieht es in Italien aus?</p>
<p><strong>Christian Drosten: </strong>Na ja, es ist einfach die Frage, wie viele Fälle.</p>
<p>Und man wird das in den Krankenhäusern sehen.</p>
<h3>Ein psychologischer Verdrängungsmechanismus?</h3>
<p>Und wenn man das von der Hand weisen will, ist das ein Verdrängungsmechanismus.</p>
<p><strong>Korinna Hennig: </strong>Sind wir in Italien schon bei der Übersterblichkeit?</p>
<p><strong>Christian Drosten: </strong>Also in einem gleichen Auswertungszeitraum, ja.</p>
<div class="boxhead">Weitere Informationen</div>
<div class="teaser"><h2><a href="/glossar">Das Glossar zum Corona-Podcast</a></h2>
<div class="teasertext"><p>Was ist eine Zoonose? Unser Glossar erklärt es.</p></div></div>
<p>Also, so ist es ja nicht. Wir müssen Fälle verhindern.</p>
<p><strong>Korinna Hennig: </strong>Wie häufig kommt ein schwerer Verlauf vor?</p>
<p><strong>Christian Drosten: </strong>Das ist selten.</p>
</body></html>
"""


def test_a_broadcasters_script_with_intertitles_and_teasers():
    got = turns(PODCAST, "ndr.html", outlet="NDR Info", language="de",
                interviewer="Korinna Hennig", interviewee="Christian Drosten")  # fmt: skip
    roles = {w: role for _, role, w in got}
    assert roles["### Ein psychologischer Verdrängungsmechanismus?"] == "editor"
    assert roles["Weitere Informationen"] == "editor"
    assert all(role == "editor" for _, role, w in got if "Glossar" in w)
    drosten = [w for who, _, w in got if who == "Christian Drosten"]
    assert "Also, so ist es ja nicht. Wir müssen Fälle verhindern." in drosten


NEWS = """<html><body>
<p>SPESSART - Der Spessart ist eine Tourismus-Region.</p>
<p><strong>Wie genau definiert Ihr Nachhaltigkeit?</strong></p>
<p>Weber: „Auf den Tourismus bezogen ist Nachhaltigkeit für uns wichtig.“</p>
<p><strong>Wie gelingt das konkret?</strong></p>
<p>Mosbacher: „Genau. Da geht es zum Beispiel auch um die Bezahlung.“</p>
<div><figure><img src="a.jpg" alt=""><figcaption> Bernhard Mosbacher und seine
Stellvertreterin Franziska Weber (links) mit KN-Reporter Moritz Pappert</figcaption></figure></div>
<p><strong>Kann man Nachhaltigkeit messen?</strong></p>
<p>Weber: „Man hat keine Skala von bis.“</p>
<p><strong>Und in zehn Jahren?</strong></p>
<p>Mosbacher: „Meine Vision wäre eine nachhaltige Mobilität.“</p>
<p>Kontakt<br>Kinzig.News Redaktion:<br>Telefon: 06051 88770 230<br>E-Mail: x@example.org</p>
</body></html>
"""


def test_a_caption_and_a_contact_box_are_the_outlets():
    got = turns(NEWS, "kn.html", outlet="Kinzig.News", language="de",
                interviewer="Moritz Pappert")  # fmt: skip
    spoken = [w for _, role, w in got if role not in ("editor", "interviewer")]
    assert not any("KN-Reporter" in w or "06051" in w for w in spoken)
    assert not any(who == "Telefon" for who, _, _ in got)
    assert find("Telefon: 06051 88770 230") is None
    assert find("**2014-01-26 21:32:46 UTC:**") is None  # a date under a byline
