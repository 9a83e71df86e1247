"""Who speaks, for the conventions the blind sets files35 and files36 brought (issue 12):
Zoom's saved closed captions ("[Experimenter] 19:00:25" alone on a line, the words below, a
clock time), a podcast page whose sponsor read sits, unlabelled, under a heading that says so
("### [00:08:13] Ad"), and an ASP.NET page whose one <form> holds the whole page (the Assemblée
nationale du Québec's Journal des débats: nothing but the title was read). Each failed before
the change.
"""

from __future__ import annotations

from quotecli import readers


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# TroubleShoot175/Transcript-Phase-Coder, meeting_saved_closed_caption.txt (the first captions)
ZOOM = """[Experimenter] 19:00:25
Hello! Um, so…

[Experimenter] 19:00:28
We're supposed to have one more participant here with us, so I'm gonna go ahead and wait till 7.05.

[G3P1] 19:01:02
Hi, can you hear me?

[Experimenter] 19:01:05
Yes, I can hear you.
"""


def test_zoom_saved_captions_name_their_speakers():
    got = turns(ZOOM, "z.txt", roles={"Experimenter": "interviewer", "G3P1": "interviewee"})
    said = [(who, words) for who, _, words in got]
    assert ("G3P1", "Hi, can you hear me?") in said
    assert ("Experimenter", "Yes, I can hear you.") in said
    assert not any("19:0" in words for _, words in said)  # the clock is the label's, not words


# devtools-fm/devtools.fm, pages/episode/104.mdx (shortened)
PODCAST = """**Andrew:** So what got you into creative coding?

**Lu:** I was making games at school, and then I never stopped.

### [00:08:13] Ad

Hey there. We'd like to thank our sponsor for the week clerk. Clerk offers complete user
management out of the box.

If you want to learn more about clerk, head over to clerk.com.

### [00:09:40] Creative Coding and Teaching

**Andrew:** Um, so in your work, you are incredibly creative.

**Lu:** Thank you, that is kind.
"""


def test_a_sponsor_read_under_an_ad_heading_is_the_outlets():
    got = turns(PODCAST, "p.md", roles={"Andrew": "interviewer", "Lu": "interviewee"})
    lu = [w for who, _, w in got if who == "Lu"]
    assert not any("clerk" in w.lower() for w in lu)
    editor = [w for _, role, w in got if role == "editor"]
    assert any(w.startswith("Hey there. We'd like to thank our sponsor") for w in editor)
    assert ("Lu", "Thank you, that is kind.") in [(who, w) for who, _, w in got]


# mna/assnat, test/data/biz-20120615.html (the Journal des débats of the Assemblée nationale du
# Québec, an ASP.NET page: one <form> holds the whole page)
ASSNAT = """<html><head><title>Journal des débats</title></head><body>
<form method="post" action="/fr/travaux-parlementaires/61547.html" id="aspnetForm">
<div><form action="/recherche"><input name="q"/> Rechercher</form></div>
<p><b>Le Président: </b> Nous allons donc procéder maintenant à la période de questions.</p>
<p><b><intervenant><!--79 --></intervenant>Mme Marois: </b> Merci, M. le Président. Hier,
j'ai posé une question au premier ministre sur la transformation des ressources minières.</p>
<p><b>M. Charest: </b> Merci, M. le Président. Ce sont les Québécois qui comptent.</p>
</form></body></html>
"""


def test_a_form_that_wraps_the_whole_page_is_read():
    got = turns(ASSNAT, "a.html", language="fr")
    said = {who: w for who, _, w in got}
    assert said["Mme Marois"].startswith("Merci, M. le Président. Hier, j'ai posé une question")
    assert said["M. Charest"] == "Merci, M. le Président. Ce sont les Québécois qui comptent."
    assert not any("Rechercher" in w for _, _, w in got)  # a form inside the page is left out
