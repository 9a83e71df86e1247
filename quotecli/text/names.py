"""People's names: the one place that turns a printed label into a name, a name into CSL name
parts, and CSL name parts back into running text.

Labels printed in capitals ("PRIME MINISTER", "MARINA FERRARI") are title-cased word by word,
hyphenated parts too ("JEAN-LUC MÉLENCHON" → "Jean-Luc Mélenchon"), with the name prefixes
that keep a capital inside ("MCCAIN" → "McCain", "O'BRIEN" → "O'Brien", "D'ESTAING" →
"d'Estaing") and small words of particles kept low ("Ministre de la Culture"). French "le"
and "la" stay capitals in a surname unless they follow "de" ("MARC LE FUR" → "Marc Le Fur").
A label in mixed case is kept as printed: it is already how the person is named.

Name parts follow CSL (issue 14): the family name keeps its capitalised particles ("Marc Le
Fur" → family "Le Fur"), a lower-case French or Dutch particle is the non-dropping particle
("Olivier de La Verpillière" → "de" + "La Verpillière", "Vincent van Gogh" → "van" + "Gogh").
Plain names are split here; a name with a title, a suffix, a nickname or a comma ("Dr. Martin
Luther King Jr.", "Ferrari, Marina") goes through the ``nameparser`` library, imported only
then, so a search over plain names never loads it. A field that lists several people ("A; B",
"A and B", "A & B") is split by :func:`several`, with the same parser for a comma. Every
record format and style takes its names from :func:`csl`, so a person is named the same way
everywhere.
"""

from __future__ import annotations

import functools
import re

_SMALL = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "le", "d'", "l'"})
_ARTICLES = frozenset({"le", "la", "les"})
# Lower-case particles that come before a family name (French, Dutch, German, Italian…).
_PARTICLES = frozenset(
    """de du des d' la le l' van der den ter ten het 't von zu vom zum
    da di do dos das del della""".split()
)
# Capitalised particles that belong to the family name itself ("Le Fur", "La Verpillière",
# "Van Rompuy" when written so).
_FAMILY_PARTICLES = frozenset("le la les van von de du des da di del della".split())
# Tokens that send a name to nameparser: titles and suffixes it knows better than we do.
_HARD_TOKENS = frozenset(
    "jr sr ii iii iv v dr mr mrs ms mme mlle m sir dame lord lady prof rev hon st".split()
)
_PLAIN = re.compile(r"^[^\W\d_][\w'’-]*$")


def _cap(part: str) -> str:
    low = part.lower()
    if low.startswith(("d'", "d’", "l'", "l’")) and len(low) > 2:
        return low[:2] + low[2:3].upper() + low[3:]
    if low.startswith(("o'", "o’")) and len(low) > 2:
        return "O" + low[1] + low[2:3].upper() + low[3:]
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:3].upper() + low[3:]
    return low[:1].upper() + low[1:]


def from_label(label: str) -> str:
    """ "PRIME MINISTER" → "Prime Minister"; a label in mixed case is kept as it is."""
    label = " ".join(label.split())
    if any(c.islower() for c in label) or DIARIZED.match(label):
        return label  # "SPEAKER_00" as the recogniser printed it
    words: list[str] = []
    for i, w in enumerate(label.split()):
        low = w.lower()
        after_de = bool(words) and words[-1] in ("de", "d'")
        last = i == len(label.split()) - 1
        if i and low in _SMALL and (low not in _ARTICLES or after_de or last):
            words.append(low)
        elif any(c.isdigit() for c in w):
            words.append(w)  # "3B1B", a channel's name: no word to write in lower case
        else:
            words.append("-".join(_cap(p) for p in w.split("-")))
    return " ".join(words)


def csl(full: str) -> dict:
    """ "Marina Ferrari" → {"family": "Ferrari", "given": "Marina"}; one word → literal.

    Particles: "Marc Le Fur" → family "Le Fur"; "Olivier de La Verpillière" → given
    "Olivier", non-dropping particle "de", family "La Verpillière".
    """
    full = " ".join(full.split())
    parts = full.split()
    if len(parts) < 2:
        return {"literal": full}
    if all(_PLAIN.match(p) and p.lower().strip(".") not in _HARD_TOKENS for p in parts):
        return _split(parts[:1], parts[1:]) if len(parts) > 1 else {"literal": full}
    return dict(_parsed_once(full))  # a copy: the caller may change it


@functools.lru_cache(maxsize=4096)
def _parsed_once(full: str) -> tuple[tuple[str, str], ...]:
    """``_parsed`` once per name: a file's names are parsed again for every label compared."""
    return tuple(_parsed(full).items())


def _split(given: list[str], rest: list[str]) -> dict:
    """Given names, then the rest (particles and family) of a plain name."""
    # Middle words that are not particles belong to the given names ("Jean Marie Le Pen").
    while len(rest) > 1 and rest[0].lower() not in _PARTICLES:
        given.append(rest.pop(0))
    particle: list[str] = []
    while len(rest) > 1 and rest[0] in _PARTICLES:  # lower-case as written
        particle.append(rest.pop(0))
    name: dict = {"family": " ".join(rest), "given": " ".join(given)}
    if particle:
        name["non-dropping-particle"] = " ".join(particle)
    return name


def _parsed(full: str) -> dict:
    from nameparser import HumanName  # only for names with titles, suffixes or commas

    human = HumanName(full)
    given = " ".join(p for p in (human.first, human.middle) if p).split()
    family = human.last.split()
    if not family:
        return {"literal": full}
    if not given:
        name: dict = {"family": " ".join(family)}
    else:
        name = _split(given, family) if len(family) > 1 else {"family": family[0]}
        name["given"] = name.get("given") or " ".join(given)
    if human.suffix:
        name["suffix"] = human.suffix
    return name


# Between two people in a list: "A; B", "A and B", "A & B", "A et B" (never a comma: see
# ``several``).
_BETWEEN = re.compile(r"\s*;\s*|\s*&\s*|\s+(?:and|et|und|y)\s+")


def several(text: str) -> list[str]:
    """The people a field lists, each as a name: "A; B", "A and B", "A & B", "A, B and C".

    A comma separates people only when it stands between names: "Ferrari, Marina" is one
    person written family first (→ "Marina Ferrari"), "Martin Luther King, Jr." one person
    with a suffix — ``nameparser`` reads those, imported only for a comma.
    """
    out: list[str] = []
    for chunk in _BETWEEN.split(" ".join(text.split())):
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        if len(parts) == 2 and (_suffix(parts[1]) or all(" " not in p for p in parts)):
            out.append(_one(chunk))  # "King, Jr.", "Ferrari, Marina"
        else:
            out.extend(parts)
    return out


def _suffix(part: str) -> bool:
    from nameparser.config import CONSTANTS

    key = part.lower().replace(".", "")
    return key in CONSTANTS.suffix_acronyms or key in CONSTANTS.suffix_not_acronyms


def _one(chunk: str) -> str:
    from nameparser import HumanName

    human = HumanName(chunk)
    if not human.last:
        return chunk.strip()
    given = " ".join(p for p in (human.first, human.middle, human.last) if p)
    return f"{given}, {human.suffix}" if human.suffix else given


def display(name: dict) -> str:
    """A CSL name as it is written in running text: "Marina Ferrari"."""
    if "literal" in name:
        return str(name["literal"])
    parts = [
        name.get("given"),
        name.get("dropping-particle"),
        name.get("non-dropping-particle"),
        name.get("family"),
    ]
    text = " ".join(str(part) for part in parts if part)
    return f"{text}, {name['suffix']}" if name.get("suffix") else text


def sort_key(name: dict) -> tuple[str, str]:
    """(family, given) with particles attached to the family name, for record formats."""
    if "literal" in name:
        return str(name["literal"]), ""
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    return family, given


# Titles a label puts before a family name that nameparser's list lacks ("JUSTICE SCALIA",
# "M. Dupont", "LE PRÉSIDENT DUPONT"); its list has "Mr", "Mme", "Senator", "Chief"…
_MORE_TITLES = frozenset(
    """justice m mm chairman chairwoman congressman congresswoman sen députée député ministre
    sénateur sénatrice maître président présidente commissaire rapporteur rapporteure le la
    the city county town""".split()  # "City Attorney Suarez", "County Clerk Ruiz"
)


def by_family(label: str, people: list[str]) -> str | None:
    """The one person of ``people`` a label names by family name alone, behind titles or
    none: "MR. LONG", "Chief Justice Roberts", "Bajcsy", "M. de La Verpillière" (an oral
    history's, a court's or a sitting's way), or by the whole name behind a title ("M. Hervé
    Gaymard"). None when no one or several have it, or when the
    label names someone else ("John Long" is not Robert A. Long)."""
    from quotecli.text import folding

    words = label.split()
    while len(words) > 1 and _title(words[0]):
        words = words[1:]
    rest = tuple(folding.fold_words(" ".join(words)))
    if not rest or len(rest) > 3:
        return None
    hits = set()
    for p in people:
        if tuple(folding.fold_words(p)) == rest and len(words) < len(label.split()):
            hits.add(p)  # the whole name behind a title: "M. Hervé Gaymard"
            continue
        whole = tuple(folding.fold_words(p))
        if len(rest) >= 2 and len(whole) > len(rest) and whole[-len(rest) :] == rest:
            hits.add(p)  # a family name of two words: "Abd Rabou:" for Ahmad Abd Rabou
            continue
        name = csl(p)
        family = name.get("family")
        if not family:
            continue
        forms = [family, f"{name.get('non-dropping-particle', '')} {family}"]
        if "-" in family:
            forms.append(family.rsplit("-", 1)[1])  # "MR. BROWN" for Joshua Flynn-Brown
        for form in forms:
            if tuple(folding.fold_words(form)) == rest:
                hits.add(p)
    return hits.pop() if len(hits) == 1 else _one_of(hits)


def _one_of(hits: set[str]) -> str | None:
    """The one person several names of one family name are: each given name the beginning of
    the longest ("Alli Brown", "Allison Brown": Allison Brown, whom the user gave twice)."""
    from quotecli.text import folding

    if not hits:
        return None
    longest = max(sorted(hits), key=len)
    first = "".join(folding.fold_words(longest.split()[0]))
    same = all(first.startswith("".join(folding.fold_words(h.split()[0]))) for h in hits)
    return longest if same and len({h.split()[-1] for h in hits}) == 1 else None


def _title(word: str) -> bool:
    from nameparser.config import CONSTANTS

    key = word.lower().strip(".,")
    return key in _MORE_TITLES or key in CONSTANTS.titles


# Labels that name a role, not a person (the readers give them a role; a citation never names
# them as an author): the asker's, then whoever answers
INTERVIEWER_LABELS = frozenset(
    """JOURNALIST JOURNALISTS INTERVIEWER QUESTION Q REPORTER HOST PRESENTER COMPERE
    PRESENTATEUR JOURNALISTE INTERVIEWEUR INTERVIEWEUSE ENTREVISTADOR ENTREVISTADORA
    ENTREVISTADORES INTERVISTATORE INTERVISTATRICE INTERVIEWERIN I AUDIENCE QUESTIONER
    QUESTIONNER COUNSEL""".split()  # an inquiry's "Counsel Inquiry:", counsel to the inquiry
)
# the labels of whoever answers, naming nobody: "A:", "R.", a research interview's
# "Participant:", "Entrevistado:", "Befragte:" (and its participant codes, "E2:", "P1:"), a
# podcast's "[Guest]:"
ANSWER_LABELS = frozenset(
    """A R ANSWER RÉPONSE REPONSE RESPUESTA RESPOSTA RISPOSTA ANTWORT INTERVIEWEE INTERVIEWÉ
    INTERVIEWÉE RESPONDENT PARTICIPANT PARTICIPANTE ENTREVISTADO ENTREVISTADA INTERVISTATO
    INTERVISTATA BEFRAGTE BEFRAGTER GUEST INVITÉ INVITÉE INVITADO INVITADA GAST OSPITE""".split()
)
_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}$")  # "E2", "P1", "R12": a participant's code


def label_role(label: str) -> str:
    """The role a label gives by itself: the asker's ("Q", "INTERVIEWER", "Entrevistador"),
    the answerer's ("A", "R", "Participant", "THE WITNESS"), else a speaker's."""
    first = label.split()[0].upper() if label.split() else ""
    if label.upper() in ("Q", "QUESTION") or first in INTERVIEWER_LABELS:
        return "interviewer"
    if label.upper() in ANSWER_LABELS or label.upper() in ("THE WITNESS", "LE TÉMOIN"):
        return "interviewee"
    if _CODE.match(label) and not label.startswith("Q"):
        return "interviewee"  # a participant's code answers ("E2:", "P1:")
    return "speaker"


# a recogniser's label for a voice it told apart ("SPEAKER_00", "Speaker 2", "spk_1"): nobody's
# name, kept as printed
DIARIZED = re.compile(r"^(?:speaker|spk)[ _-]?\d{1,2}$", re.I)


def generic(label: str) -> bool:
    """A label that names a role or a recogniser's voice, not a person ("Q", "A",
    "Interviewer", "E2", "SPEAKER_00")."""
    return label_role(label) != "speaker" or bool(DIARIZED.match(label))


# words of a show's or a publication's name, never of a person's ("Netzcamp Startup Podcast")
_TITLE_WORDS = frozenset(
    "podcast podcasts show radio magazine magazin mag blog tv news journal zeitung revista"
    " rivista periódico giornale fm".split()
)


def titled_work(name: str) -> bool:
    """A name that is a show's or a publication's: it holds a word of one ("Netzcamp Startup
    Podcast", "The Daily Show")."""
    return any(w.lower().strip(".,") in _TITLE_WORDS for w in name.split())


# offices a press conference's or an interview's answerer is labelled by ("PRIME MINISTER:",
# "THE PRESIDENT:", "LEADER OF THE OPPOSITION:"); a sitting's presiding offices are not these
OFFICES = frozenset(
    " ".join(o.split())
    for o in """prime minister|the prime minister|premier|the premier|president|the president
    |treasurer|the treasurer|leader of the opposition|the leader of the opposition|minister
    |the minister|secretary|the secretary|mayor|the mayor|governor|the governor|chancellor
    |the chancellor|premier ministre|le premier ministre|la première ministre|le ministre
    |la ministre|le président de la république|presidente|la presidenta|el presidente""".split("|")
)


def office(label: str) -> bool:
    """A label that names an office, not a person ("PRIME MINISTER", "The President")."""
    return " ".join(label.lower().split()) in OFFICES


# the offices a news transcript's label puts before a full name ("SECRETARY OF STATE HILLARY
# CLINTON:", "PRESIDENT BARACK OBAMA:"): the title, then the person
_TITLED = re.compile(
    r"^(?P<title>(?:VICE |FORMER |THEN-)?(?:SECRETARY OF STATE|SECRETARY OF DEFENSE|SECRETARY"
    r"|PRESIDENT|SENATOR|GOVERNOR|PRIME MINISTER|CONGRESSMAN|CONGRESSWOMAN|REPRESENTATIVE"
    r"|MAYOR|AMBASSADOR|GENERAL|ADMIRAL|ATTORNEY GENERAL|CHIEF JUSTICE|JUSTICE|JUDGE"
    # Spanish, a government's stenographic version: "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR"
    r"|PRESIDENTE|PRESIDENTA|GOBERNADORA?|SECRETARIA?|MINISTRA?|SENADORA?|DIPUTADA?|ALCALDESA?"
    r"|ALCALDE))"
    r" (?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){1,3})$"
)


def titled(label: str) -> tuple[str | None, str]:
    """(the office, the name's label) of a label in capitals that names both ("SECRETARY OF
    STATE HILLARY CLINTON" → ("Secretary of State", "HILLARY CLINTON")); (None, label) else."""
    m = _TITLED.match(" ".join(label.split()))
    return (from_label(m.group("title")), m.group("name")) if m else (None, label)


def shortened(label: str, others: list[str]) -> str | None:
    """The one first name of ``others`` that a label of two or three letters begins ("Ar" for
    "Arnaud", "Ab" for "Abdellah" on the same page); None when none or several do."""
    if not (2 <= len(label) <= 3 and label.isalpha() and label[:1].isupper()) or label.isupper():
        return None
    longer = {o for o in others if len(o) > len(label) and o.startswith(label) and " " not in o}
    return longer.pop() if len(longer) == 1 else None


def is_initials(label: str) -> bool:
    """A label of one to three capitals ("DB", "MSM", "Q"): kept as printed, never made a
    name ("Db"); whose initials they are, the options or the file tell (``readers.people``)."""
    return 1 <= len(label) <= 3 and label.isalpha() and label.isupper()


def initials(name: str) -> str:
    """ "Michael S. Mahoney" → "MSM"; "Jean-Luc Mélenchon" → "JLM"."""
    return "".join(part[:1].upper() for word in name.split() for part in word.split("-") if part)


def has_initials(name: str, label: str) -> bool:
    """Whether a label of capitals is this name's initials: all of them ("MSM"), or, for a
    name of three words or more, two of them a transcript may use: the first name's and the
    family name's ("LJ", "Livia Bitton Jackson") or the first two ("LB", her "Bitton" first;
    a family name of two words)."""
    full = initials(name)
    if label == full:
        return True
    return len(label) == 2 and len(full) >= 3 and label in (full[0] + full[-1], full[:2])
