"""A sitting's record (Hansard and the like): its section marks and its date, for ``turns``.

A parliament's record prints one paragraph a line, with no blank line between a heading and
the speech around it. Its section marks ("* * *", "STANDING ORDERS", "ROUTINE PROCEEDINGS"),
stage directions ("(Motion agreed to)") and narration ("Hon. Don Boudria (…, Lib.) moved:")
are the record's own, never inside a member's turn; the words after them are nobody's until
a label says whose. The sitting's date is printed alone on a line of the header ("Tuesday,
September 23, 1997", "Le mardi 23 septembre 1997"). The room's reactions printed inside a
speech ("(Très-bien ! …)", "(Applause.)", ``REACTION``: those forms only) are the record's
too, and a label run on after one opens the next turn (``run_on``). The member in the Chair
is named once ("The Speaker (Hon. X) in the Chair", ``chairs``). This module finds these; it
never decides who speaks.
"""

from __future__ import annotations

import re

from quotecli.text.dates import MONTHS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from quotecli.readers.builder import Draft
    from quotecli.readers.labels import Found

# a stage direction on a line of its own, however long: the record's, not a member's words
# "(The Speaker (Hon. Moses Wetang’ula) consulted with the Clerks-at-the-Table)": one bracket
# inside another
STAGE = re.compile(r"^[ \t]*\((?:[^()\n]|\([^()\n]{1,80}\)){2,400}\)\.?[ \t]*$")
# the room's reaction, in parentheses inside a member's paragraph ("(Très-bien ! très-bien ! à
# droite.)", "(Applause.)", "(Rires.)"): only these forms — a speaker's own parenthesis is
# speech (issue 12). A few adjectives may come first ("Vive approbation", "Nouvelles
# exclamations"); OCR's "Trèsbien" and "Aux voix 1" are the same words.
_AHEAD = (
    r"(?:(?:vive|vives|vif|vifs|nouvel|nouvelle|nouvelles|nouveaux|nombreuses|longue|longues"
    r"|bruyante|bruyantes|légère|légères|sustained|loud|prolonged|general|some|much|renewed)"
    r"[ \t]+)*"
)
_REACTS = (
    r"(?:très[- \t]*bien|trèsbien|bravos?|rires?|hilarité|sourires?|applaudissements?"
    r"|assentiments?|approbations?|adhésion|exclamations?|interruptions?|murmures?|rumeurs?"
    r"|bruits?|mouvements?|sensation|protestations?|réclamations?|dénégations?|agitation"
    r"|oh[ \t]*!|ah[ \t]*!|aux[ \t]+voix|parlez|à[ \t]+l['’]ordre|silence"
    r"|applause|laughter|laughs|laughing|chuckles?|chuckling|cheers|cheering|boos?|booing"
    r"|hear,?[ \t]+hear|groans|uproar|music|sighs?|coughs?|clapping"
    r"|crosstalk|inaudible|standing[ \t]+ovation|shouts|interjections?"
    # the line's or the recording's trouble, as a transcriber notes it ("(phone audio breaking
    # up)", "(connection lost)", "(recording paused)")
    r"|(?:phone[ \t]+|cell[ \t]+|zoom[ \t]+)?"
    r"(?:audio|signal|connection|line|recording|tape|video|sound)"
    r"[ \t]+(?:breaking|breaks|broke|cuts?|cutting|drops?|dropped|dropping|lost|ends?|paused|stops?"
    r"|garbled|glitch(?:es)?|freezes|frozen))"
)
REACTION = re.compile(
    rf"\(\(?(?i:{_AHEAD}{_REACTS})(?![\w-])[^()\n]{{0,300}}\)\)?"
)  # "((applause))"


def reactions(paragraph: str) -> str:
    """A paragraph with the room's reactions marked as the record's notes ("[(Rires.)]"):
    square brackets are the editor's in a transcript, so they are never a speaker's words."""
    if "(" not in paragraph:
        return paragraph
    return REACTION.sub(lambda m: f"[{m.group(0)}]", paragraph)


def run_on(line: str) -> list[str]:
    """A line cut where a label runs on after a reaction ("… (Bruit.) M. le président. Je…"):
    the record lost the paragraph break, not the change of speaker."""
    from quotecli.readers import labels

    out, start = [], 0
    for m in REACTION.finditer(line):
        rest = line[m.end() :].lstrip()
        f = labels.find(rest) if rest else None
        if f is not None and f.shape in ("record-fr", "benches-fr", "record"):
            out.append(line[start : m.end()])
            start = len(line) - len(rest)
    return [*out, line[start:]] if out else [line]


# the record narrating what a member did: "Hon. Don Boudria (…, Lib.) moved:" — not a label
# and a council's minutes: "Councillor Lukes moves that the Minutes…", "Moved by Councillor
# Orlikow,", a motion's "THEREFORE BE IT RESOLVED that…"
NARRATION = re.compile(
    r"^[ \t]*[A-ZÀ-Þ][^()\n]{1,60}\([^()\n]{2,120}\)[ \t]+(?:moved|presented|laid|rose"
    r"|a proposé|propose|présente|dépose|prend la parole)\b"
    r"|^[ \t]*(?:(?:Councillor|Mayor|Deputy[ \t]+Mayor|Alderman|Alderwoman|Senator|Hon\.?"
    r"|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)[ \t]+)?[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,3}[ \t]+"
    r"(?:moves|seconds)[ \t]+(?:that|the)\b"
    r"|^[ \t]*(?:Moved|Seconded)[ \t]+by[ \t]+[A-ZÀ-Þ]"
    r"|^[ \t]*(?:AND[ \t]+)?(?:THEREFORE[ \t]+)?BE[ \t]+IT[ \t]+(?:FURTHER[ \t]+)?RESOLVED\b"
    r"|^[ \t]*WHEREAS\b"
)
_RULE = re.compile(r"^\*(?:[ \t]*\*){2,}$")
_CAPS = re.compile(r"^[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9 ,'’&()/-]{2,80}$")
_EN = {m.lower(): i + 1 for i, m in enumerate(MONTHS["en"])}
_FR = {m: i + 1 for i, m in enumerate(MONTHS["fr"])}
_DAYS_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYS_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_EN_DATE = re.compile(
    rf"^(?:(?:{_DAYS_EN}),?[ \t]+)?(?P<m>{'|'.join(_EN)})[ \t]+(?P<d>\d{{1,2}}),[ \t]*"
    r"(?P<y>\d{4})\.?$",
    re.I,
)
# "Wednesday, 15th October 2025", "Tuesday 14 January 2020" (Kenya's, the UK's, India's records)
_EN_DMY = re.compile(
    rf"^(?:(?:{_DAYS_EN}),?[ \t]+)?(?:the[ \t]+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+"
    rf"(?:of[ \t]+)?(?P<m>{'|'.join(_EN)}),?[ \t]+(?P<y>\d{{4}})\.?$",
    re.I,
)
_FR_DATE = re.compile(
    rf"^(?:(?:Le|Du)[ \t]+)?(?:(?:{_DAYS_FR})[ \t]+)?(?P<d>\d{{1,2}})(?:er)?[ \t]+"
    rf"(?P<m>{'|'.join(_FR)})[ \t]+(?P<y>\d{{4}})\.?$",
    re.I,
)
# "(Glengarry-Prescott-Russell, Lib.)", "(Prime Minister, Lib.)": a party after a comma
_PARTY = re.compile(r",[ \t]*[A-ZÀ-Þ][\w.'’-]{0,14}\.?$")
HEAD_LINES = 60  # the header's extent: the date is printed before the first speech


def debate(found: list, line_of) -> bool:
    """Whether the labels are a sitting's: an office ("The Speaker", "Le greffier de la
    Chambre") or a member's riding and party in brackets. ``line_of(found)`` gives the
    bracket's words of a "bracket" label. "Tim (laughing):" alone is not a debate."""
    from quotecli.readers.labels import OFFICE

    for f in found:
        if OFFICE.match(f.label):
            return True
        if f.shape == "bracket" and _PARTY.search(line_of(f) or ""):
            return True
    return False


def capitals(lines: list[str]) -> bool:
    """Whether most of the text is in capitals (old captions, some court records): then a
    line in capitals is speech like any other, not a section mark."""
    filled = [x.strip() for x in lines if x.strip()]
    caps = [x for x in filled if any(c.isalpha() for c in x) and x.upper() == x]
    return bool(filled) and len(caps) > 0.3 * len(filled)


def section(line: str) -> bool:
    """ "* * *", or a heading in capitals: few words, no sentence's end, no label's colon."""
    bare = line.strip()
    if _RULE.match(bare):
        return True
    return (
        bool(_CAPS.match(bare))
        and len(bare.split()) <= 10
        and sum(c.isalpha() for c in bare) >= 4
        and not bare.endswith((".", ":", "?", "!"))
    )


def date(body: str) -> str | None:
    """The sitting's date, when a line of the header is a date and nothing else."""
    for line in body.split("\n")[:HEAD_LINES]:
        bare = " ".join(line.split())
        m = _EN_DATE.match(bare) or _EN_DMY.match(bare)
        month = _EN.get(m.group("m").lower()) if m else None
        if not m:
            m = _FR_DATE.match(bare)
            month = _FR.get(m.group("m").lower()) if m else None
        if m and month:
            return f"{m.group('y')}-{month:02d}-{int(m.group('d')):02d}"
    return None


# "The Speaker (Hon. Moses Wetang’ula) in the Chair", "[The Deputy Chairman (Mr X) took the
# Chair]": a record says who holds the office its labels print ("Hon. Speaker:")
_IN_CHAIR = re.compile(
    r"\b[Tt]he[ \t]+(?P<office>(?:Temporary[ \t]+)?(?:Deputy[ \t]+)?(?:Speaker|Chairman"
    r"|Chairperson|Chairwoman|Chair|President))[ \t]*\((?:(?:Rt\.?[ \t]+)?Hon\.?|Mr\.?|Mrs\.?"
    r"|Ms\.?|Dr\.?|Madam|Senator)?[ \t]*(?P<name>[^()\n]{3,60}?)\)[ \t\n]*(?:in[ \t]+the"
    r"[ \t]+Chair|took[ \t]+the[ \t]+Chair|presiding)"
)
# "Présidence de M. Claude Bartolone": a French record's head says who presides
_PRESIDENCY = re.compile(
    r"\bPR[ÉE]SIDENCE[ \t]+DE[ \t]+(?P<civ>M\.|MME|MADAME|MONSIEUR)[ \t]+"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,3})",
    re.I,
)
_HONORIFIC = re.compile(
    r"^(?:(?:The|Mr\.?|Madam|Madame|Mrs\.?|Ms\.?|(?:Rt\.?[ \t]+)?Hon\.?|M\.|Mme|Monsieur|le|la)"
    r"[ \t]+)+",
    re.I,
)


def office_of(label: str) -> str:
    """ "Hon. Speaker" → "speaker": the office a label prints, without its honorifics."""
    return _HONORIFIC.sub("", label).lower()


def chairs(text: str) -> dict[str, str]:
    """Office → the one member the record puts in it; an office two members held in turn
    (a change of chair) names nobody."""
    if "Chair" not in text and "presiding" not in text and "résidence" not in text.lower():
        return {}
    holders: dict[str, set[str]] = {}
    for m in _IN_CHAIR.finditer(text):
        holders.setdefault(m.group("office").lower(), set()).add(" ".join(m.group("name").split()))
    for m in _PRESIDENCY.finditer(text):
        office = "président" if m.group("civ").lower() in ("m.", "monsieur") else "présidente"
        holders.setdefault(office, set()).add(" ".join(m.group("name").split()))
    return {office: next(iter(names)) for office, names in holders.items() if len(names) == 1}


def mark(draft: Draft, body: str, lines: list[str], found: list[Found]) -> None:
    """For ``turns``: a debate's labels: the bracket's words are the member's title, and the
    roles are ``speaker`` (nobody is interviewed); the sitting's date from its header."""
    from quotecli.readers import labels

    titles: dict[str, str | None] = {}
    printed: dict[str, list[str]] = {}  # "M. Alain Lambert, rapporteur": each form as printed
    for line in lines:
        f = labels.find(line.strip())
        if f is not None and f.shape in ("bracket", "record-fr"):
            titles.setdefault(f.label, title := labels.bracket(line.strip()))
            if title and f.shape == "record-fr":
                printed.setdefault(f.label, []).append(f"{f.label}, {title}")
    if not debate(found, lambda f: titles.get(f.label)):
        return
    draft.meta["_debate"] = True
    draft.meta["_titles"] = titles
    draft.meta["_printed"] = printed
    if not draft.meta.get("date"):
        found_date = date(body)
        if found_date:
            draft.meta["date"] = found_date
