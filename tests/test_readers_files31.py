"""Who speaks, for the conventions the blind set files31 brought (issue 12): a channel's label
opening with a digit ("3B1B:" in subtitles), a label the file uses alone on its line once
("Interviewee" ⏎ the words), two different role words a letter or two apart ("MODERATOR",
"OPERATOR": neither a damaged copy of the other), a page's photo credits ("Foto: …") that are
no speaker, the end of a Q&A page (the credit of who asked, a box about them, a bold link to
the whole interview, a hidden template's words) and a numbered bold question over two lines.
Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# 3b1b/captions, 2016/brachistochrone/portuguese/brazil_community.srt (cues 19–25)
SRT = """19
00:01:08,300 --> 00:01:11,240
Steve: Ok, tudo bem, você quer que eu tente fazer isso?

20
00:01:11,260 --> 00:01:12,840
3B1B: Sim, vá em frente.

21
00:01:12,840 --> 00:01:15,880
Steve: Ok, então, é essa... palavra complicada

22
00:01:19,240 --> 00:01:21,920
Puxa, eu preciso conferir. São palavras em latim, ou grego, eu acho?

24
00:01:22,220 --> 00:01:23,960
3B1B: Tenho bastante certeza que são em grego.
"""


def test_a_label_opening_with_a_digit_is_a_label_and_keeps_its_case():
    roles = parse_roles(("Steve=interviewee", "3B1B=interviewer"))
    got = turns(SRT, "t.srt", roles=roles, language="pt")
    said = {words: (who, role) for who, role, words in got}
    assert said["Sim, vá em frente."] == ("3B1B", "interviewer")
    assert said["Tenho bastante certeza que são em grego."] == ("3B1B", "interviewer")
    assert not any(words.startswith("3B1B") for _, _, words in got)  # the label is no word
    steve = [words for who, _, words in got if who == "Steve"]
    assert any("São palavras em latim" in words for words in steve)  # the cue goes on


# poclecoqq/quality_issues_in_MLSSs, interviews/transcripts/Interview 3.txt (lines 206–225,
# cut short; "Interviewee " alone with its trailing space, as printed)
ALONE = f"""Interviewee: In that case, yes, yes. Sometimes we'll wait to gather up new data.

Interviewer 2: All right. All right.

Interviewer 1:  That's it for model deployment. And maybe the last question.

Interviewee: It was simple as explicitly initiating the random seed to something.

Interviewer 1:  So you fixed a bug basically. That's it. Thanks. Alright.

Interviewee{" "}
Don't rush it. We reserved the time for an hour. So it's okay.

Interviewer 1:  Okay, thanks. Okay, I know you deploy your model, generally.
"""


def test_a_label_the_file_uses_is_one_alone_on_its_line():
    got = turns(ALONE, "t.txt")
    said = {words: who for who, _, words in got}
    assert said["Don't rush it. We reserved the time for an hour. So it's okay."] == "Interviewee"
    assert "Interviewee" not in said  # the label alone is no one's words


def test_a_heading_underlined_is_not_a_label_alone():
    text = (
        "Paul Rich: Good morning.\n\nSir Wyn: Good morning.\n\nPaul Rich: Shall I begin?\n\n"
        "Sir Wyn: Please.\n\nPaul Rich\n---------\n\nSir Wyn: Begun.\n"
    )
    got = turns(text, "t.txt")
    assert ("Paul Rich", "Good morning.") in [(w, t) for w, _, t in got]
    assert not any(t.startswith("---") for _, _, t in got)


# brian14708/wh-briefings, press-briefings/2024-03/2024-03-12-on-the-record-press-call-…md
CALL = """MODERATOR:  Good morning, everyone.  Thanks so much for joining us.

DIRECTOR YOUNG:  Thank you.  The budget reduces the deficit.

MODERATOR:  Thank you.  Operator, the first caller.

OPERATOR:  All right.  We’ll go to the first caller in queue.

Q  Hi, thank you.  What about the deficit?

MODERATOR:  Next question.

OPERATOR:  All right.  We’ll go to the next caller in queue.

Q  Thank you.  And the debt?

MODERATOR:  That is all the time we have.

OPERATOR:  This concludes the call.
"""


def test_two_role_words_a_letter_or_two_apart_are_two_voices():
    got = turns(CALL, "t.md")
    said = {words: who for who, _, words in got}
    assert said["Good morning, everyone. Thanks so much for joining us."] == "Moderator"
    assert said["All right. We’ll go to the first caller in queue."] == "Operator"


# adbar/trafilatura, tests/eval/maenner.media-church.html (cut down: the Q&A's markup, the
# carousel's credit, the hidden template and the end of the page as printed)
PAGE = """<!DOCTYPE html><html><head><title>Interview mit Rainer Teuber</title></head><body>
<article><h1>Interview mit Rainer Teuber – #OutInChurch</h1>
<div class="media"><p class="credits">Foto: M. Rädel</p><h2>Kirche, Weihnachten</h2></div>
<div class="media"><p class="credits">Foto: Nicole Cronauge, Bistum Essen</p></div>
<p>Rainer Teuber, geboren in Essen, ist seit 1996 in der katholischen Kirche beschäftigt.</p>
<p><strong>Herr Teuber, was genau ist #outinchurch und wer ist daran beteiligt?</strong></p>
<p>Bei der Initiative #OutInChurch outen sich heute 125 queere Menschen.</p>
<p><strong>Was müsste sich in den Bistümern sofort ändern?</strong></p>
<p>Das kirchliche Arbeitsrecht muss reformiert werden.</p>
<p>*Interview: Frater Franziskus, Rogate-Kloster Sankt Michael</p>
<p>Über das Rogate-Kloster: Eine 2010 gegründete geistliche Gemeinschaft.</p>
<p><strong>Das ganze Interview gibt es hier: rogatekloster.wordpress.com</strong></p>
<div id="backlink_container" style="display:none"><a href="">Zurück zu den Suchergebnissen</a></div>
<aside class="tags"><h4>Tags</h4><ul><li>Rogate-Kloster</li><li>Kirche</li></ul></aside>
<aside class="author"><h3>Michael Rädel</h3><p>Herausgeber, Chefredakteur, V.i.S.d.P.</p></aside>
</article><footer><ul><li>Impressum</li><li>AGB</li></ul></footer></body></html>
"""


def test_a_qa_page_ends_at_the_credit_of_who_asked_and_its_photo_credits_are_no_speaker():
    got = turns(PAGE, "t.html", language="de", interviewee="Rainer Teuber")
    who = {words: (name, role) for name, role, words in got}
    assert who["Bei der Initiative #OutInChurch outen sich heute 125 queere Menschen."][1] == (
        "interviewee"
    )
    assert who["Das kirchliche Arbeitsrecht muss reformiert werden."][1] == "interviewee"
    assert not any(name == "Foto" for name, _, _ in got)
    spoken = {role for _, role, _ in got} - {"editor"}
    for words, (_, role) in who.items():
        if role in spoken:
            assert not words.startswith(("*Interview", "Über das", "Das ganze", "Herausgeber"))
            assert words not in ("Impressum", "AGB", "Rogate-Kloster")
    assert not any("Suchergebnissen" in words for _, _, words in got)  # never shown


# arantxaserantes/Entrevista_Stallman, "entrevista Stallman - esp.md" (questions 7 and 8)
LISTED = """7. **¿Por qué las grandes multinacionales están invirtiendo en software libre?**

A veces sirve los objetivos de una empresa grande que un programa libre esté disponible.

8. **¿Consideras que faltan herramientas crowdsourcing que potencien
    licencias libres?**

Hay plataformas de crowdfunding que funcionan para proyectos de software libre.
"""


def test_a_numbered_bold_question_over_two_lines_is_the_interviewers():
    got = turns(LISTED, "t.md", language="es", interviewee="Richard Stallman")
    who = {words: role for _, role, words in got}
    asked = [w for w, role in who.items() if role == "interviewer"]
    assert any(w.startswith("¿Consideras que faltan") for w in asked), got
    answer = "Hay plataformas de crowdfunding que funcionan para proyectos de software libre."
    assert who[answer] == "interviewee"


# the same call (lines 538–548): a word cut off at the start of a hard-wrapped line
STAMMER = """DIRECTOR YOUNG:  So, on global health, State Department typically det- —
has the details.

What I will say is the President is able to invest in and keep the
progress going over the last three years, even while complying with the
F- — the Fiscal Responsibility Act, one major reason we — we pay for our
investments.

MODERATOR:  Thank you.

DIRECTOR YOUNG:  Thank you.

MODERATOR:  Next.
"""


def test_a_word_cut_off_before_a_dash_is_no_label():
    got = turns(STAMMER, "t.md")
    assert {who for who, _, _ in got} == {"Director Young", "Moderator"}
    said = " ".join(words for who, _, words in got if who == "Director Young")
    assert "complying with the F- — the Fiscal Responsibility Act" in said
