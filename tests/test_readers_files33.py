"""Who speaks, for the conventions the blind sets files33 and files34 brought (issue 12): a
court reporter's deposition (a clock time at the end of every line, "Q    " / "A    " set off
by spaces, "EXAMINATION" alone, "TEL:" / "FAX:" on the appearances page), a stray quote mark
typed before a label ("‘SOLOMON:"), YouTube's rolling automatic captions (each line shown two
or three times, "&gt;&gt;" for a change of voice), a credit run on after an answer's last
sentence ("…les respecter.Propos recueillis le 3 novembre 2004.") and two labelled turns typed
on one line ("…sustentabilidade? G: Funcionalidades."). Each failed before the change but two
that guard what it must not break: a contact field is no speaker, and an article opening a
line of widely spaced words is no answer.
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


FIXTURES = Path(__file__).parent / "fixtures" / "wild"
# Bharat269/DepoIndex_docu3c, DepostionForPersisYu_LinkPDF.pdf (from pages 6 and 7, as pypdf
# reads them: margin numbers, a clock time at the end of each line)
DEPOSITION = """1        Sacramento, California; Tuesday, March 28, 2023;
2                            1:15 P.M.
3
4            THE VIDEOGRAPHER:  Good afternoon.  We are going    01:15
5   on the record at 1:15 P.M. on Tuesday, March 28th, 2023.     01:15
6            MR. PURCELL:  My name is John Purcell.  I'm the     01:16
7   noticing attorney.  I represent the defendants in this       01:16
8   case.                                                        01:16
9            MR. BLOOD:  I'm Tim Blood, and I represent the      01:16
10   plaintiffs and class in this case.                           01:16
11                          EXAMINATION                           01:17
12   BY MR. PURCELL:                                              01:17
13       Q    Good afternoon, Ms. Yu.  My name's John Purcell.    01:17
14   I represent the defendants, and we will hopefully get you    01:17
15   out of here fairly soon.                                     01:17
16            Have you?                                           01:17
17       A    I have not.                                         01:17
18       Q    Okay.  I won't go into a huge amount of detail,     01:17
19   as I imagine you've got a chance to talk to your lawyers.    01:17
20       A    Yes, I do.                                          01:17
"""


def test_a_deposition_reads_without_its_clock_and_q_and_a_are_its_turns():
    got = turns(DEPOSITION, "d.txt", roles={"A": "interviewee"})
    said = [(who, words) for who, _, words in got]
    assert ("Mr. Purcell", "My name is John Purcell. I'm the noticing attorney. I represent the "
            "defendants in this case.") in said  # fmt: skip
    assert not any("01:1" in words for _, words in said)  # the clock is nobody's words
    q = [w for who, role, w in got if who == "Mr. Purcell" and role == "interviewer"]
    assert any(w.startswith("Good afternoon, Ms. Yu.") and w.endswith("Have you?") for w in q)
    a = [w for _, role, w in got if role == "interviewee"]
    assert a == ["I have not.", "Yes, I do."]
    editor = [w for _, role, w in got if role == "editor"]
    assert "EXAMINATION" in editor and "BY MR. PURCELL:" in editor


def test_a_contact_field_is_no_speaker():
    text = DEPOSITION.replace(
        "3\n", "3   BY: TIMOTHY G. BLOOD\n    TEL:  (619) 338-1100\n    FAX:  (619) 338-1101\n", 1
    )
    got = turns(text, "d.txt", roles={"A": "interviewee"})
    assert not any(who in ("TEL", "FAX", "BY") for who, _, _ in got)
    assert any("338-1100" in w for _, role, w in got if role == "editor")


def test_an_article_opening_a_widely_spaced_line_is_no_answer():
    # a PDF's text that sets every word apart (tests/fixtures/wild/griot-antigua-…pdf)
    text = (
        "C:    When    were    you    born?\n"
        "A:    I    was    born    in    1940.\n"
        "A    lot    of    people    came    then.\n"
        "C:    And    then?\n"
        "A:    We    left.\n"
    )
    got = turns(text, "g.txt")
    assert [who for who, _, _ in got] == ["C", "A", "C", "A"]


def test_a_stray_quote_mark_before_a_label_is_not_the_words():
    text = (
        "SOLOMON:\tWhere did you grow up?\n\n"
        "TAVELA:\tIn Ohio, and I got a D on my paper.\n\n"
        "\u2018SOLOMON:\tOh, no!\n\n"
        "TAVELA:\tYes. [Laughs.]\n"
    )
    got = turns(text, "t.txt")
    assert ("SOLOMON", "Oh, no!") in [(who.upper(), w) for who, _, w in got]


def test_rolling_youtube_captions_are_read_once():
    # ConcessaObvius/Concessa-s-Repository, loa_law_of_mind.en.vtt (14 cues from 00:04:36.800)
    vtt = (FIXTURES / "youtube-autocaptions-nat-felix-openclaw-interview.vtt").read_text("utf-8")
    start = vtt.index("00:04:36.800 --> 00:04:38.390")
    cues = vtt[start:].split("\n\n")[:14]
    text = "WEBVTT\nKind: captions\nLanguage: en\n\n" + "\n\n".join(cues) + "\n"
    got = [w for _, _, w in turns(text, "y.vtt")]
    assert got[:3] == [
        "now.",
        "Can Can you show us this website that you bought me?",
        "Yeah. Yeah. Yeah. Yeah. Okay. So, it's felixcraft.ai. guides from an AI with a real job.",
    ]
    assert sum(w.count("you bought me?") for w in got) == 1


def test_a_credit_run_on_after_the_last_answer_is_the_outlets():
    # mevaere/spnet-blog, a_propos/portfolio.md (an Arobase.org interview of 2004)
    text = (
        "**Comment est né Client Mail Checker ?**\n"
        "Au début, c’était un shareware.\n\n"
        "**Quel avis portez-vous sur les logiciels de messagerie ?**\n"
        "S’il y a des RFC et des normes, c’est pour les respecter.Propos recueillis le 3 "
        "novembre 2004.\n\n"
        "Propos recueillis par Arobase.org\n"
    )
    got = turns(text, "a.md", interviewee="Rémi Mévaere", language="fr")
    answers = [w for _, role, w in got if role == "interviewee"]
    assert answers[-1] == "S’il y a des RFC et des normes, c’est pour les respecter."
    assert "Propos recueillis le 3 novembre 2004." in [w for _, r, w in got if r == "editor"]


def test_two_labelled_turns_on_one_line_are_two_turns():
    # Bruno-Jambeiro/CarbonFighters, evidences/interview/interview_giovana_transcription.md
    text = (
        "E: Você conhece alguma plataforma?\nG: Não.\n\n"
        "E: E os usuários?\nG: Todo mundo.\n\n"
        "E: Quais funcionalidades você consideraria essenciais? G: Funcionalidades. Uhum. "
        "Mapas diferentes.\n\n"
        "E: Tá.\nG: Sim.\n"
    )
    got = turns(text, "c.md", language="pt")
    assert ("G", "Funcionalidades. Uhum. Mapas diferentes.") in [(who, w) for who, _, w in got]
    assert ("E", "Quais funcionalidades você consideraria essenciais?") in [
        (who, w) for who, _, w in got
    ]
