"""Who a page's own words say its people are: the guests and hosts a standfirst names, and
the list of those present a record's cover prints, for ``people``.

"Nous avons interrogé Claire Dubois", "our guest Kelsey Hightower", "hosted by Jane Doe",
"Questioned by Mr Blake"; "APPEARANCES: … Joshua Levy, Counsel", "SPEAKERS: SEN. CHARLES E.
GRASSLEY, R-IOWA, CHAIRMAN". Reading only: this module gives nobody a role.
"""

from __future__ import annotations

import re

from quotecli.text.names import from_label

NAME = r"[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+(?:(?:de|van|von|da|del|le|la)\b|[A-ZÀ-Þ][\w'’\-]+)){1,3}"
NAMES = rf"{NAME}(?:(?:,[ \t]*|[ \t]+(?:and|et|&)[ \t]+|,[ \t]+(?:and|et)[ \t]+){NAME})*"
# "talked with X, Y and Z", "our guest X", "je reçois X": the guests the standfirst names
GUEST_CUE = re.compile(
    r"(?:(?P<told>\b(?:talk(?:s|ed)?|spoke|speak(?:s|ing)?|chat(?:s|ted)?|sat down) (?:with|to))"
    r"|\b(?:joined by|interview(?:s|ed)?|welcom(?:e|es|ed|ing)|(?:[Oo]ur|[Ss]pecial|[Mm]y) guests?"
    r"|guests?:|with guests?|je reçois|nous recevons|reçoit|notre invitée?|invitée?s? ?:"
    r"|avec (?:notre|mon|ma) invitée?|[Jj]oining (?:me|us)))"
    # "a special guest with us, Kelsey Hightower", "joining us today is …"
    r"(?:[ \t]+(?:with (?:us|me)|here|today|tonight|this (?:week|time)|on the show|is|are))*"
    r",?[ \t]+(?:(?:the|our|my|le|la)[ \t]+[\w'’ -]{0,40}?,?[ \t]+)?"
    rf"(?P<names>{NAMES})"
)
# "Arpit Agrawal talked with …", "hosted by Jane Doe": the host the standfirst names
HOST_CUE = re.compile(
    rf"(?P<lead>{NAME})[ \t]+(?:talk(?:s|ed)?|spoke|speaks|chat(?:s|ted)?|sat down) (?:with|to)\b"
    rf"|\b(?:hosted by|your hosts?|(?:my|our) co-?hosts?|animé par|présenté par|[Qq]uestioned by"
    rf"|(?:[Cc]ross-)?[Ee]xamined by|[Mm]oderated by|Hosted by),?[ \t]+"
    rf"(?P<names>{NAMES})"
)
SPLIT = re.compile(r",[ \t]*(?:and[ \t]+|et[ \t]+)?|[ \t]+(?:and|et|&)[ \t]+")

# a full name and its comma in a record's cover ("APPEARANCES: … Joshua Levy, Counsel")
COVER_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?),")
# and in capitals, after a title: "SPEAKERS: SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN"
COVER_CAPS = re.compile(
    r"(?:\b(?:SEN|SENATOR|REP|JUDGE|MR|MS|MRS|DR)\.?[ \t]+|: |^|(?<=[A-Z]{2})\.[ \t]+)"
    r"((?:[A-Z][A-Z'’-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][A-Z'’-]+|[A-Z]\.)){1,3}),"
)


def cover_names(text: str) -> list[str]:
    """The full names a record's cover lists, as names ("Charles E. Grassley"): the text's
    lines, read as one run of words and line by line (``under_office``)."""
    flat = " ".join(text.split())
    found = COVER_NAME.findall(flat) + [from_label(n) for n in COVER_CAPS.findall(flat)]
    return found + [n for line in text.split("\n") if (n := under_office(line))]


_WHOLE_NAME = re.compile(rf"{NAME}")


def under_office(line: str) -> str | None:
    """The name on a line of a list of those present that gives each one under their office:
    "Mayor Vince Lago", "Vice Mayor Rhonda Anderson", "City Attorney, Cristina Suárez" (a
    city commission's cover; its labels then say "Mayor Lago:", "City Attorney Suarez:")."""
    from quotecli.text.names import _title

    words = line.split()
    n = 0  # the office's words: titles, up to a comma ("City Attorney, Cristina Suárez")
    while n < len(words) - 2 and _title(words[n]) and not words[max(n - 1, 0)].endswith(","):
        n += 1
    if n == 0:
        return None
    name = " ".join(words[n:])
    return name if _WHOLE_NAME.fullmatch(name) and not name.endswith(",") else None


def standfirst_people(standfirst: str) -> tuple[list[str], list[str]]:
    """(guests, hosts) the standfirst names by its own words (see ``people``' docstring)."""
    guests: list[str] = []
    hosts: list[str] = []
    for m in GUEST_CUE.finditer(standfirst):
        guests += [n for n in SPLIT.split(m.group("names")) if n]
    for m in HOST_CUE.finditer(standfirst):
        if m.group("lead"):
            hosts.append(m.group("lead"))
        else:
            hosts += [n for n in SPLIT.split(m.group("names")) if n]
    return [g for g in guests if g not in hosts], hosts


# a key to the labels atop a transcript, two lines or more: "Dr = Dr. Carmen Gillespie",
# "C = Christine Cha, Presidential Fellow with the Griot", "Amber / Am = Amber Quinlan, …"
_LEGEND = re.compile(
    r"^[ \t]*(?P<abbr>[A-Z][\w.]{0,5}(?:[ \t]*/[ \t]*[A-Z][\w.]{0,5})*)[ \t]*=[ \t]*"
    rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?(?P<name>{NAME})[ \t]*(?:,|$)",
    re.M,
)


def legend(text: str) -> dict[str, str]:
    """The labels a key atop the transcript spells out: {"Dr": "Carmen Gillespie", …}."""
    found = {
        abbr.strip(): " ".join(m.group("name").split())
        for m in _LEGEND.finditer(text)
        for abbr in m.group("abbr").split("/")
    }
    return found if len(set(found.values())) >= 2 else {}
