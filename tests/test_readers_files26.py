"""Who speaks and what is the outlet's, for the conventions the blind set files26 brought
(issue 12): a nickname in the labels and the full name given, a transcript's head of lines
("# Vero Saldaña" ⏎ "Entrevistadora: Betty Huerta"), labels in HTML with attributes
("<strong class="jay">Jay:</strong>"), and a header block of bold keys ("**Date:** …",
"**Company:** AAPL").

Each test is a small file in the shape of a real one (credited in its comment; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers


def source(text: str, name: str = "t.md", roles=None, **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source


def turns(text: str, name: str = "t.md", roles=None, **options) -> list[tuple[str, str, str]]:
    s = source(text, name, roles, **options)
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# gabvaldezg/MTY2030 (Tec de Monterrey, "Entrevista 4"): a head of lines, then bold first names
# in capitals alone on their line; the interviewee printed "Vero Saldaña", given "Verónica"
SALDANA = """# Vero Saldaña

Entrevistadora: Betty Huerta
Rol: Dirección General Tec Leaders

**BETTY:**

¿Cómo quieres que te diga, Vero o Verónica?

**VERO:**

Vero está bien.

**BETTY:**

¿Qué haces en Tech Leaders?

**VERO:**

Soy estudiante de cuarto año de medicina y presido Tech Leaders desde enero.
"""


def test_a_nickname_label_is_the_full_name_given():
    """ "VERO" begins "Verónica": the interviewee given, whose family name the head prints
    with the nickname ("Vero Saldaña"); "BETTY" is the interviewer the head names. Before,
    "Vero Saldaña Entrevistadora" was read across the head's lines and nobody was named."""
    got = turns(SALDANA, language="es", interviewee="Verónica Saldaña")
    said = {(who, role) for who, role, _ in got if role != "editor"}
    assert said == {("Verónica Saldaña", "interviewee"), ("Betty Huerta", "interviewer")}
    assert ("Verónica Saldaña", "interviewee", "Vero está bien.") in got


def test_a_name_is_never_read_across_two_lines_of_the_head():
    """Without --interviewee, "VERO" is the "Vero Saldaña" of the head's first line, not
    "Vero Saldaña Entrevistadora"."""
    names = {who for who, role, _ in turns(SALDANA, language="es") if role != "editor"}
    assert "Vero Saldaña" in names
    assert not any("Entrevistadora" in n for n in names)


# godotengine/godot-website, collections/_article/godot-showcase-cassette-beasts.md: questions
# as ### headings, answers opened by a label in HTML coloured per speaker
GODOT = """---
title: "Godot Showcase - Cassette Beasts"
author: Emi
date: 2023-04-26 15:00:00
---

We bring you Jay and Tom, the team behind Cassette Beasts.

### Could you tell us a bit about yourselves?

<strong class="jay">Jay:</strong> My name is Jay Baylis and I'm one half of Bytten Studio, a
micro game dev team based here in Brighton, United Kingdom. I've been making indie games for over
a decade now, and have made games for fun ever since I was a kid. Whilst pixel art is my
specialty, I also do writing and design.

<strong class="tom">Tom:</strong> I'm Tom Coxon, and I'm the other half of Bytten Studio.

I first started making games in my bedroom as a kid.

### How did you discover Godot?

<strong class="tom">Tom:</strong> I'm a long-time Linux user, so it was probably through Reddit.
"""


def test_a_label_in_html_with_attributes_is_a_label():
    """ "<strong class="jay">Jay:</strong>" opens Jay's answer, the label not in the words;
        the paragraph after Tom's is Tom's; Jay, who answers at length and never asks, is a guest
    beside the two people given. Before, the markup stayed in the turns' text."""
    got = turns(GODOT, interviewer="Emi", interviewee="Tom Coxon")
    answers = [(who, words) for who, role, words in got if role == "interviewee"]
    assert answers[0][0] == "Jay Baylis"
    assert answers[0][1].startswith("My name is Jay Baylis and I'm one half of Bytten Studio")
    assert answers[1][0] == "Tom Coxon"
    assert answers[1][1].startswith("I'm Tom Coxon, and I'm the other half of Bytten Studio.")
    assert "I first started making games" in answers[1][1]
    assert not any("<" in words or "class=" in words for _, _, words in got)


# an earnings call's Markdown export (the files26 set): a header block of bold keys, then
# one turn per line, "Full Name: text"
EARNINGS = """# AAPL Q3 2025 Earnings Call Transcript

**Date:** 2025-07-31
**Company:** AAPL
**Quarter:** Q3 2025

---

Operator: Good day, and welcome to the Apple conference call.
Timothy D. Cook: Thank you. Today we are proud to report a June quarter revenue record.
Michael Ng: Congratulations on the quarter. How should we think about tariffs?
Timothy D. Cook: We estimate the impact to add about $1.1 billion to our costs.
"""


def test_a_header_of_bold_keys_is_the_outlets():
    """ "**Company:** AAPL" and "**Quarter:** Q3 2025" beside "**Date:**" are the page's
    fields, whatever they are called: the outlet's, never speakers named Company or Quarter."""
    got = turns(EARNINGS, interviewee="Timothy D. Cook")
    names = {who for who, _, _ in got}
    assert not names & {"Company", "Quarter", "Date"}
    fields = [words for _, role, words in got if "AAPL" in words and "Q3 2025" in words]
    assert fields and all(role == "editor" for _, role, words in got if words in fields)
    assert ("Timothy D. Cook", "interviewee") in {(who, role) for who, role, _ in got}


def test_a_speakers_short_line_is_not_a_field():
    """Guard: three short turns in a row ("Jane Roe: Yes." …) are speech, not a block of
    fields: no key of them is a field's word."""
    text = (
        "# A call\n\nJane Roe: Yes.\nJohn Doe: Right.\nJane Roe: Thanks, John.\n"
        "John Doe: So, what about the second quarter, Jane?\n"
    )
    got = turns(text, interviewee="Jane Roe", interviewer="John Doe")
    assert [(who, words) for who, role, words in got if role != "editor"][:3] == [
        ("Jane Roe", "Yes."),
        ("John Doe", "Right."),
        ("Jane Roe", "Thanks, John."),
    ]
