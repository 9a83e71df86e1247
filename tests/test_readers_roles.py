"""Who speaks, for the conventions the blind sets files12 and files13 brought (issue 12).

Each test is a small file in the shape of a real one (credited in the docstring: the blind
files themselves are fixtures in ``tests/fixtures/wild``) and asserts the turns it reads to:
speaker, role, and what is the outlet's.
"""

from __future__ import annotations

import json

from quotecli import readers
from quotecli.cite import item as cite_item


def turns(text: str, name: str = "t.txt", **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    got = readers.convert(text.encode("utf-8"), name, options=options)
    s = got.source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


def converted(text: str, name: str = "t.txt", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options)


QA = "Q: Where were you born?\n\nA: In Utah, in 1939.\n\nQ: And then?\n\nA: Caltech.\n"


def test_q_and_a_are_the_one_interviewer_and_interviewee_given():
    got = turns(QA, interviewee="Cleve Moler", interviewer="Thomas Haigh")
    assert [(n, r) for n, r, _ in got] == [
        ("Thomas Haigh", "interviewer"), ("Cleve Moler", "interviewee"),
    ] * 2  # fmt: skip


def test_q_and_a_with_no_names_given_name_nobody_in_a_citation():
    got = converted(QA)
    assert [t.speaker.name for t in got.source.turns] == ["Q", "A", "Q", "A"]
    assert [w for w in got.warnings if "names nobody" in w] == [
        "the label 'A' names nobody: cited without an author; pass --interviewee NAME"
    ]
    assert cite_item._authors(got.source) == ()  # never "A" as the author


def test_a_research_interview_code_is_the_interviewee_given():
    """``**ENTREVISTADOR:**`` / ``**E2:**`` (Dreamink-SNPP/BookThesis,
    data/transcripciones_entrevistas/Entrevista_E2.md), with form fields and observer notes."""
    text = (
        "**Fecha:** 2025-11-14\n\n**Hora de inicio:** 16:00\n\n"
        "**ENTREVISTADOR:** ¿Cuántos años de experiencia tiene?\n\n"
        "**E2:** Diría que ocho años escribiendo en serio.\n\n"
        "**[NOTAS DE OBSERVACIÓN]:** Tono de voz relajado.\n\n"
        "**E2 (probe):** Producidos, son seis cortos.\n\n"
        "**Correo electrónico (si desea resultados):** x@example.com\n"
    )
    got = turns(text, "e2.md", interviewee="Frank Mason", language="es")
    spoken = [(n, r) for n, r, _ in got if r != "editor"]
    assert spoken == [("Entrevistador", "interviewer"), ("Frank Mason", "interviewee"),
                      ("Frank Mason", "interviewee")]  # fmt: skip
    editor = " ".join(w for _, r, w in got if r == "editor")
    assert "Tono de voz" in editor and "x@example.com" in editor and "16:00" in editor


def test_a_dashed_question_with_its_answer_on_the_next_line():
    text = (
        "— Comment êtes-vous arrivée à ce sujet ?\nPar hasard, en 2019.\n\n"
        "— Et ensuite ?\nJ'ai continué.\n"
    )
    got = turns(text, interviewee="Charlotte Laclau", interviewer="Isabelle Mauriac",
                language="fr")  # fmt: skip
    assert [(n, r) for n, r, _ in got] == [
        ("Isabelle Mauriac", "interviewer"), ("Charlotte Laclau", "interviewee"),
    ] * 2  # fmt: skip


def test_a_site_s_own_html_elements_and_an_author_element_label_the_turns():
    """``<bubble><author>Ms. SAWYER</author><p>…</p></bubble>`` (AlexRiina/fusiongps_transcripts,
    sawyer-fourth-interview.html): custom elements hold blocks; ``<author>`` is the label."""
    page = (
        "<!DOCTYPE html><html><head><title>Sawyer Interview #4</title></head><body>"
        "<aside><p>Heather Sawyer's final interview of Glenn Simpson.</p></aside><section>"
        "<bubble><author>Ms. SAWYER</author><p>We'll go back on the record.</p></bubble>"
        "<bubble class='interviewee'><author>Mr. Simpson</author><p>Offhand, not that I can "
        "think of.</p></bubble>"
        "<bubble><author>Ms. Sawyer</author><p>Were the findings influenced?</p></bubble>"
        "</section></body></html>"
    )
    got = turns(page, "p.html", interviewee="Glenn Simpson", interviewer="Heather Sawyer")
    assert [(n, r) for n, r, _ in got if r != "editor"] == [
        ("Heather Sawyer", "interviewer"), ("Glenn Simpson", "interviewee"),
        ("Heather Sawyer", "interviewer"),
    ]  # fmt: skip
    assert all("<" not in w for _, _, w in got)


HEARING = """\
 INTERVIEW OF:  GLENN SIMPSON
 TUESDAY, AUGUST 22, 2017
APPEARANCES:
Patrick Davis, Deputy Chief Investigative Counsel,
FOR THE WITNESS:
Joshua Levy, Cunningham Levy Muse

      MR. DAVIS:  Good morning.  Would the witness state his name?

      MR. SIMPSON:  Glenn Simpson.

      MR. LEVY:  Josh Levy, counsel for the witness.

      MR. DAVIS:  Thank you.  Where do you work?

      MR. SIMPSON:  At Fusion GPS.
"""


def test_a_hearing_s_cover_is_the_outlet_s_and_names_its_counsel():
    """AlexRiina/fusiongps_transcripts, transcript.txt: "INTERVIEW OF:" and "FOR THE
    WITNESS:" head the cover, not turns; "MR. LEVY" is the "Joshua Levy" the cover lists, a
    speaker (neither asks nor is interviewed) when the user names the other two."""
    got = turns(HEARING, interviewee="Glenn Simpson", interviewer="Patrick Davis")
    assert got[0][:2] == ("Test Outlet", "editor")  # the cover, "APPEARANCES:" and all
    assert [(n, r) for n, r, _ in got[1:]] == [
        ("Patrick Davis", "interviewer"), ("Glenn Simpson", "interviewee"),
        ("Joshua Levy", "speaker"), ("Patrick Davis", "interviewer"),
        ("Glenn Simpson", "interviewee"),
    ]  # fmt: skip


def test_the_court_stays_a_speaker_when_only_the_witness_is_named():
    text = (
        "THE COURT: Please be seated.\n\nMR. SMITH: I call the witness.\n\n"
        "Q. Where were you on June 3?\nA. At home.\nQ. Did you see him?\nA. No.\n"
    )
    got = turns(text, interviewee="Jane Witness")
    roles = {n: r for n, r, _ in got}
    assert roles["The Court"] == "speaker" and roles["Jane Witness"] == "interviewee"


def test_the_subject_of_a_sitting_leaves_the_members_speakers():
    """ThomasSanna/Hackathon2025 (a Sénat compte rendu, 1995-10-31): --interviewee names the
    minister; the president and the other senators speak, they do not ask him."""
    text = (
        "M. le président. La séance est ouverte.\n\n"
        "M. Hervé Gaymard, secrétaire d'Etat. Monsieur le président, nous voici réunis.\n\n"
        "M. Emmanuel Hamel. Très bien !\n\n"
        "M. Hervé Gaymard, secrétaire d'Etat. Quant au Comptoir des Entrepreneurs, non.\n"
    )
    got = turns(text, interviewee="Hervé Gaymard", language="fr")
    assert [(n, r) for n, r, _ in got] == [
        ("M. le président", "speaker"), ("Hervé Gaymard", "interviewee"),
        ("M. Emmanuel Hamel", "speaker"), ("Hervé Gaymard", "interviewee"),
    ]  # fmt: skip


def test_json_segments_with_a_table_of_speakers():
    """awsbites/aws-bites-site, src/_transcripts/1.json: ``speakerLabel`` and ``speakers``."""
    data = {
        "speakers": {"spk_0": "Luciano", "spk_1": "Eoin"},
        "segments": [
            {"speakerLabel": "spk_0", "start": 0, "end": 2.5, "text": " Hello, my name is"},
            {"speakerLabel": "spk_0", "start": 2.5, "end": 4, "text": " Luciano."},
            {"speakerLabel": "spk_1", "start": 4, "end": 5, "text": " My name is Eoin."},
        ],
    }
    got = turns(json.dumps(data), "t.json")
    assert [(n, r) for n, r, _ in got] == [("Luciano", "speaker"), ("Eoin", "speaker")]


def test_a_page_that_labels_only_its_questions_has_quoted_answers():
    """bigskysoftware/htmx, www/content/essays/interviews/leonard_richardson.md (TOML front
    matter, ``**Question**:``, answers in blockquotes whose wrapped lines lack the ``>``)."""
    text = (
        '+++\ntitle = "An interview"\nauthors = ["Carson Gross"]\n+++\n\n'
        "**Question**: Can you give us some background?\n\n"
        "> When I was in high school, I got\nInternet access through BBSes.\n>\n"
        "> My formative years came later.\n\n"
        "**Question**: And REST?\n\n> I blame capitalism.\n"
    )
    got = converted(text, "i.md", interviewee="Leonard Richardson", interviewer="Carson Gross")
    s = got.source
    assert [(t.speaker.name, t.speaker.role) for t in s.turns] == [
        ("Carson Gross", "interviewer"), ("Leonard Richardson", "interviewee"),
    ] * 2  # fmt: skip
    answer = s.text[s.turns[1].start : s.turns[1].end]
    assert ">" not in answer and "BBSes." in answer and "My formative years" in answer


def test_an_oral_history_cover_and_a_liquid_include_are_the_outlet_s():
    """statespacedev/starid (a CHM/SIAM oral history pasted in a post) and WoNoMute's
    ``{% include image.html … %}``."""
    text = (
        "the interview below comes to mind repeatedly. insistently even, and so on here.\n\n"
        "it's time to get back to basics and keep things real, says the blogger again.\n\n"
        "this all leads back to matlab for the project, over ten years of daily use.\n\n"
        "An interview with\nCLEVE MOLER\nConducted by Thomas Haigh\n\n"
        '{% include image.html\nfile="a.jpg" caption="Cleve Moler. Photo by X." %}\n\n'
        "HAIGH: Where were you born?\n\nMOLER: In Utah.\n\nHAIGH: And then?\n\nMOLER: Caltech.\n"
    )
    got = turns(text, "m.md", interviewee="Cleve Moler", interviewer="Thomas Haigh")
    assert [r for _, r, _ in got[:3]] == ["editor"] * 3  # the notes, the cover, the figure
    assert [(n, r) for n, r, _ in got[3:]] == [
        ("Thomas Haigh", "interviewer"), ("Cleve Moler", "interviewee"),
    ] * 2  # fmt: skip


def test_a_second_label_inside_a_line_opens_its_own_turn():
    """A hard-wrapped record ("MR. SIMPSON:  Yes.   MR. DAVIS:  So…", AlexRiina/
    fusiongps_transcripts) and a PDF's glued label ("…or was itMOLER: No", statespacedev/starid)
    — labels in capitals that open other lines of the file; "MOLER:" after one space is words."""
    text = (
        "HAIGH: Did all the students do that, or was itMOLER: No, no, just a very few.\n\n"
        "MOLER: Everybody who took 205.\n\nHAIGH: I see.   MOLER:  Yes.\n\n"
        "HAIGH: He wrote to MOLER: a letter.\n\nMOLER: Right.\n"
    )
    got = turns(text, interviewee="Cleve Moler", interviewer="Thomas Haigh")
    assert [(n, w) for n, _, w in got] == [
        ("Thomas Haigh", "Did all the students do that, or was it"),
        ("Cleve Moler", "No, no, just a very few."),
        ("Cleve Moler", "Everybody who took 205."),
        ("Thomas Haigh", "I see."),
        ("Cleve Moler", "Yes."),
        ("Thomas Haigh", "He wrote to MOLER: a letter."),
        ("Cleve Moler", "Right."),
    ]


def test_a_hearing_s_section_heads_and_tape_notes_are_not_speech():
    text = (
        "MR. DAVIS:  We will get started.\n                    EXAMINATION\nBY MS. SAWYER:\n"
        "      Q. Mr. Simpson, I'm Heather Sawyer.\n      A. Good morning.\n"
        "      Q. Where do you work?\n      A. Fusion GPS.\n"
        "[End of Tape 1, Side A] [Start of Tape 2, Side B]\n      Q. Since when?\n"
        "      A. 2011.\n\n      MR. DAVIS:  Thank you.\n"
    )
    got = turns(text, interviewee="Glenn Simpson", interviewer="Heather Sawyer; Patrick Davis")
    spoken = " ".join(w for _, r, w in got if r != "editor")
    assert "EXAMINATION" not in spoken and "End of Tape" not in spoken
    assert [n for n, r, _ in got if r == "interviewee"] == ["Glenn Simpson"] * 3


def test_a_talk_named_by_its_page_with_questions_from_the_floor():
    """matthiasn/talk-transcripts (Nolen_David/FunctionalFinalFrontier.md): the page names the
    speaker, the talk is unlabelled, each question is bracketed whole."""
    text = (
        "# The Functional Final Frontier\n\n* **Speaker: [David Nolen](http://example.org/)**\n\n"
        "All right. This is my talk. I'm David Nolen.\n\nSo user interfaces came with objects.\n\n"
        "[Audience member: Is that canvas, or is that…?]\n\nIt is canvas, yeah.\n\n"
        "[Audience member: How does it scale?]\n\nSo actually it's a great question.\n"
    )
    got = turns(text, "talk.md", interviewee="David Nolen")
    assert [(n, r) for n, r, _ in got if r != "editor"] == [
        ("David Nolen", "interviewee"), ("Audience member", "interviewer"),
        ("David Nolen", "interviewee"), ("Audience member", "interviewer"),
        ("David Nolen", "interviewee"),
    ]  # fmt: skip
    assert all("[" not in w for n, r, w in got if r != "editor")


def test_the_uk_hansard_s_labels_name_one_member_in_full_and_then_by_surname():
    """lizconlan/hansard-scraper (test/data/debates_and_oral_answers.html): a numbered question,
    constituency and party in brackets, an office with its holder in brackets, then surnames."""
    text = (
        "### Syria\n\n1. Mr David Hanson (Delyn) (Lab): When he next expects to discuss Syria.\n\n"
        "**The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague):**\n"
        "I am in regular contact with Secretary Clinton.\n\n"
        "**Mr Hanson:**\nI thank the Foreign Secretary for that answer.\n\n"
        "**Mr Hague:**\nThe right hon. Gentleman raises some important issues.\n"
    )
    got = turns(text, "h.md")
    assert [n for n, r, _ in got if r != "editor"] == [
        "Mr David Hanson", "Mr William Hague", "Mr David Hanson", "Mr William Hague",
    ]  # fmt: skip


def test_a_post_whose_transcript_is_raw_html_paragraphs():
    """a11yrules/podcast-dev: ``<p><strong>Nic</strong>: …</p>`` inside a Markdown post."""
    lines = [f"<p><strong>{who}</strong>: {words}</p>" for who, words in [
        ("Nic", "Welcome to the show. I'm Nic Steenhout."), ("Eric", "Thanks for having me."),
        ("Nic", "Who is Eric Bailey?"), ("Eric", "I'm a designer in Boston."),
        ("Nic", "Thank you."), ("Eric", "My pleasure."),
    ]]  # fmt: skip
    text = '---\ntitle: "E62"\nauthor: "Nic Steenhout"\n---\n\n<details>\n' + "\n".join(lines)
    got = turns(text + "\n</details>\n", "e62.md", interviewee="Eric Bailey")
    # "Nic" introduces himself ("I'm Nic Steenhout"): the file says who the label is
    assert [(n, r) for n, r, _ in got][:2] == [
        ("Nic Steenhout", "interviewer"),
        ("Eric Bailey", "interviewee"),
    ]
    assert all("<" not in w for _, _, w in got)


def test_a_voice_cutting_in_inside_another_s_words():
    """keinriesenradinparis/testing_local (Macron on TF1 and France 2): ``(**Macron :** …)``
    inside the journalist's question; a joint label of the two interviewers asks too."""
    text = (
        "**Julian :** Pourquoi ce bilan, la baisse (**Macron :** c'est selon les chiffres) du "
        "taux de chômage ?\n\n**Macron :** Parce que les choses prennent du temps.\n\n"
        "**Julian et Marie-Sophie :** Merci Monsieur le Président.\n"
    )
    got = turns(text, "m.md", interviewee="Emmanuel Macron",
                interviewer="Marie-Sophie Lacarrau; Julian Bugier", language="fr")  # fmt: skip
    assert [(n, r, w) for n, r, w in got] == [
        ("Julian Bugier", "interviewer", "Pourquoi ce bilan, la baisse"),
        ("Emmanuel Macron", "interviewee", "c'est selon les chiffres"),
        ("Julian Bugier", "interviewer", "du taux de chômage ?"),
        ("Emmanuel Macron", "interviewee", "Parce que les choses prennent du temps."),
        ("Julian et Marie-Sophie", "interviewer", "Merci Monsieur le Président."),
    ]


def test_a_restructuredtext_transcript_imports():
    """c19witness/uk-covid19-inquiry (``.rst``, ``**Name**: words``)."""
    text = (
        "3. Ms Jeane Freeman\n===================\n\n*MS JEANE FREEMAN (called).*\n\n"
        "**Lady Hallett**: I can see the witness.\n\n**Ms Blackwell**: Would you give your name?"
        "\n\n**The Witness**: It's Jeane Freeman.\n\n**Ms Blackwell**: Thank you.\n"
    )
    got = converted(text, "freeman.rst")
    assert [t.speaker.name for t in got.source.turns if t.speaker.role != "editor"] == [
        "Lady Hallett", "Ms Blackwell", "The Witness", "Ms Blackwell",
    ]  # fmt: skip


def test_a_first_name_label_is_the_full_name_its_speaker_introduces():
    """phindinganswers/phindinganswers.github.io: "OLAYA:" and "PETER:", introduced as "host
    Dr. Olaya Fernandez Gayol and Dr. Peter Myers"; two candidates would name nobody."""
    text = (
        "OLAYA: Are you about to finish your PhD?\n\nPETER: Or are you a recent graduate?\n\n"
        "OLAYA: In this podcast host Dr. Olaya Fernandez Gayol and Dr. Peter Myers address the "
        "questions.\n\nPETER: Let's find some answers together.\n"
    )
    assert {n for n, _, _ in turns(text)} == {"Olaya Fernandez Gayol", "Peter Myers"}
    twice = text + "\nOLAYA: I went there with Peter Parker.\n"
    assert {n for n, _, _ in turns(twice)} == {"Olaya Fernandez Gayol", "Peter"}


def test_a_press_conference_opened_by_its_office_named_in_the_head():
    """wragge/trove-parliament-pressreleases: "TRANSCRIPT OF THE PRIME MINISTER …", an opening
    statement with no label, then "JOURNALIST:" / "PRIME MINISTER:"; --interviewee names him."""
    text = (
        " 19 February 2002\n\n TRANSCRIPT OF THE PRIME MINISTER THE HON JOHN HOWARD MP PRESS "
        "CONFERENCE, CANBERRA\n\n Subjects: asylum seekers; defence photos.\n\n E&EO……………\n\n"
        " Ladies and Gentleman, I would like to start by congratulating Steven Bradbury.\n\n"
        " So I'd be very happy to answer any questions.\n\nJOURNALIST: Prime Minister, when?\n\n"
        "PRIME MINISTER: No.\n\nJOURNALIST: Why not?\n\nPRIME MINISTER: Because it is not so.\n"
    )
    got = turns(text, interviewee="John Howard")
    assert [(n, r) for n, r, _ in got if r != "editor"] == [
        ("John Howard", "interviewee"), ("Journalist", "interviewer"),
        ("John Howard", "interviewee"), ("Journalist", "interviewer"),
        ("John Howard", "interviewee"),
    ]  # fmt: skip
    head = " ".join(w for _, r, w in got if r == "editor")
    assert "Subjects:" in head and "E&EO" in head


def test_a_voice_of_several_and_a_release_s_ends_and_stamp():
    """phindinganswers ("Both: Hello everyone!") and wragge/trove-parliament-pressreleases (a
    doorstop closing with "ends" and a filing stamp, "md 1999-10-26  10:58")."""
    text = (
        "JOURNALIST: Kim Beazley, have you got enough backbone?\n\n"
        "BEAZLEY: Look, if Mr Howard had a backbone.\n\nBoth: Hello everyone!\n\n"
        "JOURNALIST: And Falintil?\n\nBEAZLEY: It will be difficult to disarm the others.\n\n"
        " ends\n\n  md 1999-10-26  10:58\n"
    )
    got = turns(text, interviewee="Kim Beazley")
    assert ("Both", "speaker", "Hello everyone!") in got
    assert got[-1][1] == "editor" and "10:58" in got[-1][2]
    assert all("10:58" not in w for _, r, w in got if r != "editor")


def test_initials_and_a_news_clip_s_titled_label():
    """martinctc/blog ("M:", "C:", "N:" for the people the intro names) and a Democracy Now!
    clip ("SECRETARY OF STATE HILLARY CLINTON:", the office aside)."""
    text = (
        "M: Tell me about Worldacquire.\n\nC: We launched two years ago.\n\n"
        "N: I grew up in Thailand.\n\nM: And then?\n\n"
        "SECRETARY OF STATE HILLARY CLINTON: Iran is a source of great concern.\n\n"
        "C: That is what she said.\n"
    )
    got = converted(text, interviewer="Martin Chan",
                    interviewee="Christopher Treshan Perera; Nanthida Rakwong")  # fmt: skip
    names = [(t.speaker.name, t.speaker.role) for t in got.source.turns]
    assert names[:3] == [("Martin Chan", "interviewer"), ("Christopher Treshan Perera",
                         "interviewee"), ("Nanthida Rakwong", "interviewee")]  # fmt: skip
    clinton = got.source.turns[4].speaker
    assert (clinton.name, clinton.title) == ("Hillary Clinton", "Secretary of State")


def test_the_page_before_start_of_interview_and_its_footnotes_are_the_outlet_s():
    """martinctc/blog (an R Markdown post): an introduction with question headings, then
    "[START OF INTERVIEW]", bold questions, and a "Footnotes" section."""
    text = (
        "## Introduction\n\n### Why do an interview?\n\nOn this occasion I chose a data "
        "scientist.\n\n[START OF INTERVIEW]\n\n**What is your talk about?**\n\nNobel prizes and"
        " algorithms.\n\n**Why R?**\n\nBecause it is free.\n\n[END OF INTERVIEW]\n\nThanks to"
        " Avision for his time.\n\n## Footnotes\n\nHe also spoke about economics.\n"
    )
    got = turns(text, "a.md", interviewee="Avision Ho", interviewer="Martin Chan")
    spoken = [(n, w) for n, r, w in got if r != "editor"]
    assert spoken == [
        ("Martin Chan", "What is your talk about?"), ("Avision Ho", "Nobel prizes and algorithms."),
        ("Martin Chan", "Why R?"), ("Avision Ho", "Because it is free."),
    ]  # fmt: skip


def test_a_bulletin_that_labels_each_paragraph_leaves_its_clips_unattributed():
    """MartyZhou/francaisfacile (RFI's Journal en français facile): "Maxime Jaglin :" once and
    then "MJ :"; a paragraph with no label between labelled ones is a clip, never the
    presenter's words; "JOURNALIST:" alone then "(inaudible)." stays the journalist's turn."""
    lines = ["Maxime Jaglin : Bonsoir, merci d'écouter RFI.", "Alexis Guilleux : Bonsoir Maxime."]
    for k in range(6):
        lines += [f"MJ : Sujet {k}, une affiche sans surprise.", f"MJ : Ivan Duque arrive {k}."]
        lines += ["Nous ne voulons pas déchirer les accords de paix."] if k in (1, 4) else []
        lines += [f"AG : Merci {k}."]
    got = turns("\n\n".join(lines) + "\n", "rfi.md", language="fr")
    assert got[0][:2] == ("Maxime Jaglin", "speaker") and got[2][0] == "Maxime Jaglin"
    clips = [(n, r) for n, r, w in got if w.startswith("Nous ne voulons pas")]
    assert clips == [("Unattributed", "unattributed")] * 2
    text = "JOURNALIST:\n\n(inaudible).\n\nPRIME MINISTER:\n\nNo.\n\nJOURNALIST: Why?\n"
    assert turns(text)[0][:2] == ("Journalist", "interviewer")


def test_a_report_after_the_presenter_s_hand_over_is_not_the_presenter_s():
    """RFI, 2018-05-30: "MJ : … une opération planifiée. Anastasia Becchio" and then the
    report, with no label; a bulletin that never labels a presenter twice running."""
    lines = ["Maxime Jaglin : Bonsoir.", "Sylvie Berruet : Bonsoir Maxime."]
    for k in range(5):
        lines += [f"MJ : Sujet {k}.", f"SB : Le sujet {k} continue. À Washington, Anne Corpet."]
        lines += [f"Le rapport {k} du correspondant."] if k in (1, 3) else []
    got = turns("\n\n".join(lines) + "\n", "rfi.md", language="fr")
    reports = [(n, r) for n, r, w in got if w.startswith("Le rapport")]
    assert reports == [("Unattributed", "unattributed")] * 2
    assert all(n != "Sylvie Berruet" for n, _, w in got if "rapport" in w)
