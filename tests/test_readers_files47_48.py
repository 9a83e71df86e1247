"""Who speaks, for the conventions the blind sets files47 and files48 brought (issue 12), each
failing before the change: a podcast session's ``[00:00:51] Stefan`` alone on its line, its
audience labelled ``Frau``, ``Mann``, ``Kind`` (nobody named); a research interview's ``(0:01)
**Sebastián:** …`` (the time in parentheses before a bold label); the Mexican presidency's
stenographic versions (blocks parted by ``---``, each headed by its speaker in capitals alone
on a line, ``PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR``, ``PREGUNTA``, ``INTERLOCUTOR``).
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.labels import find


def turns(text: str, name: str, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Outlet")
    s = readers.convert(text.encode(), name, options=options, roles={}).source
    return [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]


def test_bracketed_times_before_a_name_alone():
    assert find("[00:00:51] Stefan").label == "Stefan"
    assert find("## [00:01:07] Intro") is None  # a chapter's time and title
    session = "\n\n".join(
        f"[00:0{n}:00] {who}\n{words}"
        for n, (who, words) in enumerate([
            ("Stefan", "Hallo, mein Name ist Stefan und ich mache Podcasts."),
            ("Frau", "Kannst du noch mal kurz sagen, wie lange die Karte hielt?"),
            ("Stefan", "Die hielt ungefähr zehn Stunden."),
            ("Mann", "Ich verschlinge Hörbücher."),
            ("Stefan", "Das kann ich gut verstehen."),
        ])
    )  # fmt: skip
    got = turns(session, "session.md", language="de", interviewee="Stefan Wintermeyer")
    assert [(who, role) for who, role, _ in got] == [
        ("Stefan Wintermeyer", "interviewee"), ("Frau", "unattributed"),
        ("Stefan Wintermeyer", "interviewee"), ("Mann", "unattributed"),
        ("Stefan Wintermeyer", "interviewee"),
    ]  # fmt: skip


def test_a_time_in_parentheses_before_a_bold_label():
    f = find("(0:01) **Sebastián:** Primeramente, buenas tardes.")
    assert (f.label, f.time, f.rest) == ("Sebastián", "0:01", "Primeramente, buenas tardes.")


STENO = """Versión estenográfica de la conferencia de prensa del presidente en Veracruz
Presidencia de la República
27 de abril de 2019
---
PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR
¿Cómo están?
Me da mucho gusto estar aquí con ustedes.
---
PREGUNTA
Buenos días, presidente. ¿Qué certeza tiene de que se haga justicia?
---
PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR
Bueno, lo primero, desde luego, es la justicia.
---
INTERLOCUTOR
(Inaudible)
---
CUITLÁHUAC GARCÍA JIMÉNEZ, GOBERNADOR DE VERACRUZ
Tuvimos una reunión de trabajo.
---
PREGUNTA
¿Y Pemex?
---
PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR
Pemex está recuperándose.
+++++
"""


def test_a_stenographic_versions_blocks():
    got = turns(STENO, "steno.txt", language="es")
    who = [name for name, role, _ in got if role != "editor"]
    assert who == [
        "Andrés Manuel López Obrador", "Pregunta", "Andrés Manuel López Obrador", "Interlocutor",
        "Cuitláhuac García Jiménez", "Pregunta", "Andrés Manuel López Obrador",
    ]  # fmt: skip
    assert {role for name, role, _ in got if name == "Interlocutor"} == {"unattributed"}
    assert not any("GOBERNADOR" in words or "PRESIDENTE" in words for _, _, words in got)
