"""Speaker labels as people print them, recognised on one line of a transcript (issue 12).

Owns the shapes; ``turns`` owns what a run of labelled lines becomes. Each shape gives the
label, the words after it on the same line, and a time when the label carries one:

- strong shapes, labels wherever they occur: Otter's ``Name  0:00`` (two spaces, time, alone on
  its line); ``**Name** 0:00`` / ``**Name** [00:00]``; ``*Name (00:00)*``; ``0:00:14.3 **Name**
  words``; ``[00:00:41] CC: words``; ``[Speaker 1] [00:17] words``; ``Name (00:01:02): words``;
  ``**Name:**`` / ``**Name**:`` / ``**(Name)**`` / ``<b>NAME</b>:``; ``**NAME: the question**``
  (a question set in bold, the label inside); French ``M. Dupont. –``, ``LE PRÉSIDENT. –``; the
  French official record's ``M. le président. La séance…``, ``M. Hervé Gaymard, secrétaire
  d'Etat. Monsieur…`` (the words after the comma are the speaker's title; a contents line
  ending "(p. 2330)." is not a label), and its benches (``A droite. Mais non !``: many voices,
  nobody's by name: role ``unattributed``); the US record's ``Mr. LIMAN. Colonel…``, ``The
  CHAIRMAN. The…`` (surname in capitals, then a period: ``crec`` reads the Congressional Record
  with the same shape); the French record's label with its "M." damaged by OCR (``lVJ.
  Georges Péri».``, shape ``record-fr-ocr``), a label only when ``damaged_member`` finds the
  clean label it copies;
- parliamentary labels with the member's riding and party or office in brackets: ``Hon. Don
  Boudria (Glengarry-Prescott-Russell, Lib.):``, ``Le président d'élection (M. Caccia):``; the
  label is the name without the bracket, the bracket is the speaker's title (``Found.title``);
  the chair's and the clerk's offices (``The Speaker:``, ``Le greffier de la Chambre:``,
  ``Des voix:``) are labels by their form;
- a time in brackets inside the words (``\\[16:13\\]``, ``[00:04:02.17]``) is when, not what:
  ``untimed`` takes it out of the words;
- ``== Name`` header lines and ``>>`` speaker changes of live captions;
- plain ``NAME:`` / ``Name:`` / ``Name : `` (a no-break space before the colon is French
  typography), ``Speaker 1:``, ``Q:``/``A:``/``R:``, ``Q.``/``R.``: weak, a label only when
  ``turns`` confirms it (capitals or a known form, or recurring).

A label is 1–5 words, mostly capitalised; "Note:", "Update:", "Author:" and a sentence with a
colon are not labels. This module never decides whose words follow: it only reads labels.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotecli.readers import labelwords
from quotecli.readers.labelwords import EDITOR_LABELS, LIST_HEADS, NOT_LABELS, NOTE_LABELS
from quotecli.text.dates import TIME, TIME_MARK

_WORD = r"(?:\d+(?=[A-ZÀ-Þ]))?[^\W\d_][\w.'’\-]*"  # "3B1B": a channel's name opens with a digit
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|\d{{1,2}}))*"
_SP = r"(?:[ \t\u00a0\u202f]|&nbsp;|&#160;)"  # a space, or Markdown's "&nbsp;" ("**CHUCK:&nbsp;**")
_AFTER = r"[ \t]*:?[ \t]*(?P<rest>.*)$"  # an optional colon, then the words on the same line
# the French official record's label (Journal officiel, Sénat, Assemblée): "M. le président.",
# "Mme Hélène Luc.", "M. Hervé Gaymard, secrétaire d'Etat." — a title, a name, a period
_FR_WORD = r"(?:[A-ZÀ-Þ]\.(?:-[A-ZÀ-Þ]\.)?|(?:d['’])?[A-ZÀ-Þ][\w'’\-]+|de|du|des|le|la)"
# a title of nobility before the name ("M. le baron Reille", "M. le comte de Colbert-Laplace")
# and the "fils"/"père" after it ("M. Le Provost de Launay fils") are the member's label too
_FR_RANK = r"(?:baron|baronne|comte|comtesse|marquis|marquise|vicomte|duc|duchesse|prince|général)"
_FR_MEMBER = (
    r"(?:M\.|Mme|MM\.|Mmes|Mlle)[ \t]+(?:(?:le|la)[ \t]+(?:vice-)?(?:président|présidente"
    r"|rapporteur|rapporteure|ministre)(?:[ \t]+[\w'’\-]+){0,3}?"
    rf"|(?:(?:le|la)[ \t]+{_FR_RANK}[ \t]+)?(?:(?:de|du)[ \t]+|d['’])?[A-ZÀ-Þ][\w'’\-]*\.?"
    rf"(?:[ \t]+{_FR_WORD}){{0,4}}(?:[ \t]+(?:fils|père|aîné|jeune))?)"
)
# the US record's label: "Mr. WARNER.", "Mr. BROWN of Ohio.", "The PRESIDING OFFICER.",
# "Senator INOUYE.", "Chairman HAMILTON." — the surname in capitals, then a period
_SURNAME = r"(?:Mc|Mac|De|La|O')?[A-Z][A-Z'’-]+"
# the benches of a French chamber, as its record prints them: "A droite. Mais non !", "Sur
# divers bancs à gauche. Très bien !" — many voices, nobody's by name
_BENCHES = (
    r"(?:À|A)[ \t]+(?:droite|gauche|l['’]extrême[ \t]+(?:gauche|droite))|Au[ \t]+centre"
    r"|Sur[ \t]+(?:divers|plusieurs|quelques|de[ \t]+nombreux|un[ \t]+grand[ \t]+nombre[ \t]+de)"
    r"[ \t]+bancs|Plusieurs[ \t]+voix|De[ \t]+nombreuses[ \t]+voix|Voix[ \t]+diverses"
)
# the record's "M." as OCR prints it on a scanned page (Gallica: "lVJ.", "IVI.", "M,"), then a
# name that may be damaged too ("Péri»."): a label only when ``damaged_member`` finds the
# clean label it copies — a damaged title alone before any capitalised word is not one
_FR_OCR_TITLE = r"(?:[lI1|][VW][JIl1|]?|[lI1]M|M[,;]|N[lI1])[.,]"
_FR_OCR_NAME = r"[A-ZÀ-Þ][\w'’\-»«]*(?:[ \t]+(?:de|du|le|la|[A-ZÀ-Þ][\w'’\-»«]*)){0,3}"
_FR_OCR = re.compile(rf"^{_FR_OCR_TITLE}[ \t]*")
_BENCH_TAIL = r"(?:[ \t]+(?:à|a|au|du|de|et|sur)[ \t][^.!?\n]{1,60}?)?"
BENCHES = re.compile(rf"^(?:{_BENCHES})", re.I)
# (a minutes' record prints the title in capitals too, "CHAIR POWELL.", "MS. MESTER.1", a
# footnote's number after the period)
RECORD_SOURCE = (
    rf"^(?P<label>(?:(?:Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|MISS|DR)\.|Senator|Chairman|Chairwoman"
    rf"|Representative|Colonel|General|Admiral|Judge|SENATOR|CHAIRMAN|CHAIRWOMAN|CHAIR"
    rf"|VICE CHAIR|VICE CHAIRMAN|GOVERNOR|PRESIDENT) {_SURNAME}(?: {_SURNAME})*"
    r"(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    # the chair, and who holds it: "The Acting CHAIRMAN.", "The SPEAKER pro tempore (Mr. Mica)."
    r"|The (?:Acting )?(?:[A-Z]{2,}(?: [A-Z]{2,})*|Chairman|Chairwoman)(?: pro tempore)?"
    r"(?: \((?:Mr|Mrs|Ms)\. [A-Z][a-zA-Z'’-]+(?: of [A-Z][a-z]+)?\))?"
    # a reporter named in capitals, two spaces after the period ("NICK TIMIRAOS.  Thank you."
    # in the Fed chair's press conferences, beside "CHAIR POWELL.")
    r"|[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}(?=\.[ \t]{2}))"
    r"\.(?:\d{1,2}(?=\s))?\s+(?P<rest>\S.*)"
)
RECORD = re.compile(RECORD_SOURCE, re.S)
_STRONG_SOURCES: list[tuple[str, str]] = [
    ("otter", rf"^(?P<name>{_NAME}) {{2,}}(?P<time>{TIME})[ \t]*$"),
    # Factba.se's: "Sean Hannity 00:00:05-00:00:14 (9 sec)" alone on its line
    ("factbase", rf"^(?P<name>{_NAME})[ \t]+(?P<time>\d{{1,2}}:\d{{2}}:\d{{2}})-\d{{1,2}}:\d{{2}}"
     rf":\d{{2}}[ \t]+\([ \t]*\d*[ \t]*sec\)[ \t]*$"),
    # Rev's text export: "Donald Trump: (09:24)" alone on its line, the words below
    ("rev-colon-time", rf"^(?P<name>{_NAME}):[ \t]*\((?P<time>{TIME})\)[ \t]*$"),
    ("bold-time", rf"^\*\*(?P<name>[^*\n]{{1,60}}?)\*\*[ \t]*[\[(]?(?P<time>{TIME})[\])]?"
     rf"{_AFTER}"),  # "**Justice Wagner** (00:00:28): Good morning" too (Obiter's hearings)
    ("emph-time",
     rf"^\*{{1,2}}(?P<name>[^*\n(]{{1,60}}?)[ \t]*\((?P<time>{TIME})\)[ \t]*:?\*{{1,2}}"
     rf"{_AFTER}"),  # "*Name (00:00)*", "**Kimberly (00:51):**" (Rev's Markdown)
    ("time-bold",  # "0:00:14.3 **Name**", "(0:01) **Sebastián:** Primeramente…"
     rf"^(?P<p>\()?(?P<time>{TIME})(?(p)\))[ \t]+\*\*(?P<name>[^*\n]{{1,60}}?)\*\*{_AFTER}"),
    ("time-name", rf"^\[(?P<time>{TIME})\][ \t]*(?P<name>{_NAME})[ \t]*:[ \t]*(?P<rest>.*)$"),
    ("time-bold-colon",  # "[00:00:55] **Saman Farid:** Sure." (Descript's Markdown export)
     rf"^\[(?P<time>{TIME})\][ \t]*\*\*(?P<name>[^*\n]{{1,60}}?)[ \t]*(?::\*\*|\*\*[ \t]*:)"
     r"[ \t]*(?P<rest>.*)$"),
    ("bold-time-alone",  # "**00:03:32 SPANBERGER**" alone on its line, the words below (a
     # debate's transcript from captions: the time, then the speaker, in one bold)
     rf"^\*\*(?P<time>{TIME})[ \t]+(?P<name>[^*\n]{{1,60}}?)[ \t]*\*\*[ \t]*(?P<rest>)$"),
    ("heading",  # "### Audrey Tang：" alone, the words below (a full-width colon: CJK text)
     rf"^#{{1,6}}[ \t]+(?P<name>{_NAME})[ \t]*[:\uff1a][ \t]*(?P<rest>)$"),
    ("bold-alone",  # "**Stefano Maestri**" alone, the words below (where two such recur)
     rf"^\*\*(?P<name>{_NAME})\*\*[ \t]*(?P<rest>)$"),
    ("bracket-time",  # "[Speaker 1] [00:17] So…" (Whisper-and-diarization exports)
     rf"^\[(?P<name>{_NAME})\][ \t]*\[(?P<time>{TIME})(?:[ \t]*(?:-->|→|–|-)[ \t]*{TIME})?\]"
     r"[ \t]*(?P<rest>.*)$"),
    ("bracket-line",  # "[Experimenter] 19:00:25" alone on its line, the words below (Zoom's
     # saved captions, a clock time)
     rf"^\[(?P<name>{_NAME})\][ \t]+(?P<time>\d{{1,2}}:\d{{2}}:\d{{2}})[ \t]*(?P<rest>)$"),
    ("time-line",  # "00:00:45 Florent Lardic" alone on its line, the words below (diarised;
     # in brackets too: "[00:00:51] Stefan", a podcast's Markdown)
     rf"^(?P<b>\[)?(?P<time>\d{{1,2}}:\d{{2}}:\d{{2}})(?(b)\])[ \t]+(?P<name>{_NAME})"
     r"[ \t]*(?P<rest>)$"),
    ("range-name",  # "[37.16, 37.44] - SPEAKER_00:  Il aurait…" (WhisperX segments, seconds)
     rf"^\[(?P<time>\d{{1,6}}(?:\.\d+)?),[ \t]*\d{{1,6}}(?:\.\d+)?\][ \t]*[-–—]?[ \t]*"
     rf"(?P<name>{_NAME})[ \t]*:[ \t]*(?P<rest>.*)$"),
    ("name-time",
     rf"^(?P<name>{_NAME})[ \t]*[(\[](?P<time>{TIME})[)\]][ \t]*:[ \t]*(?P<rest>.*)$"),
    ("name-time-line",  # "Alex (00:01.692)" alone on its line, the words below (Riverside's
     # text export: minutes, seconds and milliseconds)
     rf"^(?P<name>{_NAME})[ \t]+\((?P<time>{TIME})\)[ \t]*(?P<rest>)$"),
    ("bold-question",
     rf"^\*\*(?P<name>{_NAME}){_SP}*:[ \t]+(?P<rest>[^*\n]+?)\*\*[ \t]*(?:<br\s*/?>)?[ \t]*$"),
    ("bold",
     # a time before the name in the bold: "**00:34:16 LT. GOV. EARLE-SEARS**: That's not…"
     rf"^\*\*(?:(?P<time>\d{{1,2}}:\d{{2}}:\d{{2}})[ \t]+(?=[^\W\d_]))?(?P<name>[^*\n]{{1,60}}?)"
     rf"{_SP}*(?::{_SP}*\*\*|\*\*{_SP}*:)[ \t]*(?P<rest>.*)$"),
    ("bold-paren", rf"^\*\*\((?P<name>[^)*\n]{{1,60}})\)\*\*{_AFTER}"),
    # "[Audience member: How does…?]": a voice a talk's transcript brackets whole, its words
    # inside the brackets (matthiasn/talk-transcripts)
    ("bracket-said", rf"^\[(?P<name>{_NAME})[ \t]*:[ \t]*(?P<rest>[^\[\]\n]*)\][ \t]*$"),
    ("html-bold",
     r"^(?:<p[^>]*>)?[ \t]*<b>[ \t]*(?P<name>[^<\n]{1,60}?)[ \t]*</b>[ \t]*:[ \t]*(?P<rest>.*)$"),
    ("dash",
     # a name in capitals ends on a letter: "F- — the Fiscal…" is a word cut off, no label
     r"^(?P<name>(?:M\.|MM\.|Mme|Mmes|Mlle|Dr)[ \t]+[^–—\n]{1,50}?(?=[ \t]+-[ \t]|\.?[ \t]*[–—])"
     r"|[A-ZÀ-Þ][A-ZÀ-Þ .'’\-]{1,49}?[A-ZÀ-Þ](?=\.?[ \t]*[–—]))"  # "M. X - ", the record's
     r"(?:\.?[ \t]*[–—]|[ \t]+-)[ \t]+(?P<rest>.*)$"),  # analytical summary, a hyphen
    ("record", RECORD_SOURCE.replace("(?P<label>", "(?P<name>", 1) + "$"),
    ("benches-fr", rf"^(?P<name>{_BENCHES}){_BENCH_TAIL}\.[ \t]+(?P<rest>\S.*)$"),
    ("record-fr", rf"^(?P<name>{_FR_MEMBER})(?:,[ \t]*(?P<title>[^.\n]{{2,120}}?))?"
                  r"(?:\.|[ \t]+[-–—])[ \t]+(?P<rest>\S.*)$"),  # "…, Premier ministre - Je…"
    ("record-fr-ocr", rf"^(?P<name>{_FR_OCR_TITLE}[ \t]*{_FR_OCR_NAME})[.,][ \t]+(?P<rest>\S.*)$"),
]  # fmt: skip
STRONG = [(shape, re.compile(pattern)) for shape, pattern in _STRONG_SOURCES]
# a time in square brackets inside the words, escaped or not (Markdown "\\[16:13\\]"): when
# the recording got there, not something anyone said
TIMESTAMP = re.compile(TIME_MARK.pattern + r"[ \t]*")


# a time alone in the bold of a label ("**(03:39):** Oftentimes…", Rev's Markdown): the same
# speaker goes on, the recording at that time
_ATX = re.compile(r"^#{1,6}[ \t]+")
_UNDERSCORED = re.compile(r"^__(?=[^_\s])([^_\n]{1,60}?)__")
# a label in italics, its colon within or after ("*Sylvie (intrapreneure) :* …", "*Maritza* :
# …": a French blog's Q&A); italics with no colon after are words ("*rires*", a title)
_ITALIC = re.compile(r"^\*(?=[^*\s])(?:([^*\n]{1,60}?)\*(?=[ \t]*:)|([^*\n]{1,60}?[ \t]*:)\*)")


def untimed(text: str) -> tuple[str, str | None]:
    """``text`` without its bracketed times, and the time it opens with, if any:
    "\\[01:22\\] Yeah, \\[01:30\\] so" → ("Yeah, so", "01:22")."""
    m = TIMESTAMP.match(text.lstrip())
    first = m.group("time") if m else None
    return TIMESTAMP.sub("", text), first


# "(Glengarry-Prescott-Russell, Lib.)" after a name, then the colon: the Hansard's label
BRACKET = re.compile(  # the UK's: "1. Mr David Hanson (Delyn) (Lab):", a question's number
    rf"^(?:\d{{1,3}}\.[ \t]+)?(?P<name>{_NAME})[ \t]*\((?P<title>[^()\n]{{2,120}})\)"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]*(?P<rest>.*)$"
)
# "The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague):": an office
# and, in brackets, the member who holds it (the UK Hansard's answering minister)
OFFICE_NAMED = re.compile(
    rf"^(?:\d{{1,3}}\.[ \t]+)?(?P<title>(?:The|Le|La|His|Her)[ \t][^()\n:]{{3,150}}?)[ \t]*"
    rf"\((?P<name>{_NAME})\)[ \t]*:[ \t]*(?P<rest>.*)$"
)
# a bracketed label set in bold ("**Mr Philip Hollobone (Kettering) (Con):**"): read as plain
_BOLD_BRACKETED = re.compile(r"^\*\*([^*\n]{2,200}?\([^*\n]+\))[ \t]*(?::\*\*|\*\*[ \t]*:)")
# the offices that speak in a sitting, English and French (Hansard, Assemblée nationale)
OFFICE = re.compile(
    r"^(?:(?:The|Madam|Mr\.?)[ \t]+(?:Deputy[ \t]+|Acting[ \t]+|Assistant[ \t]+Deputy[ \t]+)?"
    r"(?:Speaker|Chairman|Chair|Chairperson|Clerk(?:[ \t]+of[ \t]+the[ \t]+House)?|President)"
    r"|(?:Some|An)[ \t]+hon\.?[ \t]+members?|(?:Hon\.?|Honourable|Honorable)[ \t]+Members"
    r"|(?:(?:M\.|Mme|Monsieur|Madame)[ \t]+)?(?:Le|La)[ \t]+(?:vice-)?(?:président|présidente"
    r"|greffier|greffière)(?:[ \t]+(?:suppléante?"
    r"|d['’]élection|de[ \t]+la[ \t]+Chambre|de[ \t]+séance))?"
    r"|(?:Des|Plusieurs)[ \t]+voix|Une[ \t]+voix|Un[ \t]+député|Une[ \t]+députée)$",
    re.I,
)
_RECORD_FR = dict(STRONG)["record-fr"]
# a contents line of a sitting's record: "M. le président. Ouverture de la séance (p. 2330)."
_CONTENTS = re.compile(r"\(p(?:p)?\.[ \t]*\d+(?:[ \t]*(?:et|à|-)[ \t]*\d+)?\)\.?[ \t]*$")
HEADER = re.compile(r"^==[ \t]+(?P<name>[^=\n]{1,60}?)[ \t]*=*[ \t]*$")
CHEVRON = re.compile(rf"^[ \t]*(?:>>|\[{TIME}\][ \t]*:)[ \t]*(?P<rest>.*)$")  # "[0:22:41] :"
# at most two spaces before the colon: "Name : " is French typography, a colon further off a
# column of a case caption ("DEPARTMENT OF HEALTH AND          :")
# "C&N:", "Jen & Safia:": two voices joined, one label
_COLON = re.compile(  # a stray quote mark typed before a label aside ("‘SOLOMON:")
    rf"^[‘'`]?(?P<name>{_NAME}(?:[ \t]*[&/+][ \t]*{_NAME})*){_SP}{{0,2}}:"
    rf"(?:{_SP}+(?P<rest>.*)|[ \t]*$)"
)
# "Q." / "R." / "A.", and a court reporter's "Q" / "A" set off by a tab or three spaces
# ("Q    Good afternoon, Ms. Yu."), where the words after are not spaced so too (a PDF's text
# that sets every word apart: "A    lot    of…" is no answer)
_QR = re.compile(
    r"^(?P<name>[QRA])(?:\.[ \t]*[–—-]?[ \t]+|(?<=[QA])(?:\t|[ \t]{3,})(?!.*\S[ \t]{3,}\S))"
    r"(?P<rest>\S.*)$"
)
_SMALL = frozenset("of for the and & de du des la le van von der d’ d' y et".split())
# words a name never opens or ends with, and a heading's phrase does
_LEADS = frozenset("for on in to from at pour sur dans".split())
_TRAILS = frozenset("of by for with to de par pour avec committee commission".split())
# "Both:", "All:", "Tous :": several voices at once (a speaker, no one person's words)
_SEVERAL = r"Both|All|Everyone|Tous|Toutes|Ensemble"
SEVERAL = re.compile(rf"^(?:{_SEVERAL})$", re.I)
KNOWN = re.compile(
    rf"^(?:Q|A|R|Question|Answer|Réponse|Speaker \d+|Intervenant \d+|{_SEVERAL}"
    r"|(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Senator|Sen\.|Rep\.) \S.*)$"
)  # a title before a name ("Mme Dupont :", "Senator Black:") is a label's form


class Found(NamedTuple):
    """A label on a line: as printed (markup stripped), the words after it, its time."""

    label: str
    rest: str
    time: str | None
    shape: str  # "otter", "bold", …, "bracket", "header", "chevron", "colon" (weak)


def clean(label: str) -> str:
    """A label without its markup and final punctuation: "**Kelly:**" → "Kelly"."""
    label = re.sub(r"<[^>]+>|\*|(?<!\w)_+|_+(?!\w)", "", label)  # "SPEAKER_00" keeps its _
    label = " ".join(label.replace("\u00a0", " ").replace("&nbsp;", " ").split()).strip(" :–—-")
    label = labelwords.CONTINUED.sub("", label)  # "SPANBERGER (CONT.)": the same speaker
    label = m.group("name") if (m := labelwords.ROLE_NAMED.match(label)) else label  # Tom
    # the period of a name's initial is the name's ("Maxime S."), any other the label's
    return label if _INITIAL_LAST.search(label) else label.strip(" .:–—-")


_INITIAL_LAST = re.compile(r"\w\w[ \t]+[^\W\d_]\.$")


_WHEN = re.compile(
    r"[\d \t:./,-]*\d[\d \t:./,-]*(?:[ \t]*(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|[AP]M))?", re.I
)


def plausible(label: str) -> bool:
    """1–5 words, mostly capitalised, not a word that introduces a note ("Note", "Update")."""
    words = label.split()
    if OFFICE.match(label):
        return True
    if not words or len(words) > 5 or len(label) > 50:
        return False
    if _WHEN.fullmatch(label):  # "**2014-01-26 21:32:46 UTC:**" under a byline: a date
        return False
    if words[0].lower().strip(".") in NOT_LABELS or label.lower() in NOT_LABELS:
        return False
    if words[-1].lower() in LIST_HEADS:
        return False
    if len(words) > 1 and (words[0].lower() in _LEADS or words[-1].lower() in _TRAILS):
        return False  # a cover page's heads: "INTERVIEW OF:", "FOR THE WITNESS:"
    capital = [w for w in words if w.lower() not in _SMALL]
    if not capital or not all(w[0].isupper() or w[0].isdigit() for w in capital):
        return False
    return sum(c.isalpha() for c in label) >= 1


def _member(label: str) -> bool:
    """The name before a bracket: an office, or 1–6 words opening with a capital."""
    words = label.split()
    return bool(OFFICE.match(label)) or (
        0 < len(words) <= 6 and words[0][0].isupper() and words[0].lower() not in NOT_LABELS
    )


# "MARK MOERDLER, Bernstein Research: Thank you…": a name, the firm or the paper it speaks for,
# the colon (an earnings call's, a press conference's analysts and reporters)
_CAP = r"[A-ZÀ-Þ][\w&.'’\-]*"
AFFILIATED = re.compile(
    rf"^(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,3}}),[ \t]+(?P<title>{_CAP}"
    rf"(?:[ \t]+(?:{_CAP}|of|and|&|de|du|la)){{0,5}})[ \t]*:[ \t]+(?P<rest>\S.*)$"
)


_UNKNOWN = re.compile(
    r"^\((?P<name>unknown(?:[ \t]+speaker)?|unidentified(?:[ \t]+\w+){0,2})\)[ \t]*:[ \t]*"
    r"(?P<rest>.*)$",
    re.I,
)


def bracket(line: str) -> str | None:
    """The words in a parliamentary label's bracket ("Glengarry-Prescott-Russell, Lib."), or
    after the name of a French record's label ("M. Hervé Gaymard, secrétaire d'Etat.")."""
    if line.startswith("**") or line[:1].isdigit():  # read as ``find`` reads them
        m = next(iter(_parliament(line)), None)
    else:  # "Le président d'élection (M. Caccia):", a sitting's office and its holder
        m = BRACKET.match(line) or _RECORD_FR.match(line) or AFFILIATED.match(line)
    return " ".join(m.group("title").split()) if m and m.group("title") else None


def _parliament(line: str) -> list[re.Match]:
    """A parliament's label with its brackets, in bold or after a question's number, read
    both ways, the office first: an office with its holder ("The Secretary of State … (Mr
    William Hague):"), a member with constituency and party ("**Mr Philip Hollobone
    (Kettering) (Con):**")."""
    plain = _BOLD_BRACKETED.sub(r"\1:", line, count=1) if line.startswith("**") else line
    return [m for m in (OFFICE_NAMED.match(plain), BRACKET.match(plain)) if m]


def damaged_member(label: str, members: list[str]) -> str | None:
    """The clean record label an OCR-damaged one copies ("lVJ. Georges Péri»" → "M. Georges
    Perin"): the names after the titles within two edits (``builder.looks_damaged``), else
    None — then it is no label at all."""
    from quotecli.readers.builder import looks_damaged

    name = _FR_OCR.sub("", label)
    names = {_RECORD_TITLE.sub("", m): m for m in members}
    good = looks_damaged(name, list(names)) if name not in names else name
    return names.get(good) if good else None


_RECORD_TITLE = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle)[ \t]+")


def _joint(label: str) -> bool:
    """A list of two to four people, each a name of two or three capitalised words."""
    from quotecli.text.names import several  # the one reader of lists of people

    people = several(label)
    return 2 <= len(people) <= 4 and all(2 <= len(p.split()) <= 3 and plausible(p) for p in people)


def _voice(label: str) -> bool:
    """A bracketed voice: a name, or a few words that open with a capital ("Audience member")."""
    words = label.split()
    return plausible(label) or (
        label[:1].isupper() and len(words) <= 3 and words[0].lower() not in NOT_LABELS
        and label.lower() not in NOTE_LABELS and label.lower() not in EDITOR_LABELS
    )  # fmt: skip


def _named(label: str) -> bool:
    """A bold label names someone: a name, a role in capitals, two to four people, a note
    ("[NOTAS DE OBSERVACIÓN]"), its qualifier in brackets aside ("E2 (probe)")."""
    base = re.sub(r"[ \t]*\([^()]*\)$", "", label).strip("[] ")
    return bool(base) and (
        plausible(base) or strong_form(base) or _joint(base) or base.lower() in NOTE_LABELS
        or any(c.isdigit() for c in base)
    )  # fmt: skip


def strong_form(label: str) -> bool:
    """A plain label that is a label by its form alone: capitals ("MR. CARTER"), Q/A, Speaker 1."""
    if KNOWN.match(label) or OFFICE.match(label):
        return True
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def find(line: str) -> Found | None:
    """The label at the start of ``line``, if any (weak ``colon`` ones still to be confirmed)."""
    if line.startswith("[*]"):  # "[*] GRASSLEY: This morning…": a converter's marker
        line = line[3:].lstrip()
    if line.startswith("__"):  # "__Yves__ : Mon expérience…": Markdown's other bold
        line = _UNDERSCORED.sub(r"**\1**", line, count=1)
    elif line.startswith("*") and not line.startswith("**") and (m := _ITALIC.match(line)):
        line = f"**{m.group(1) or m.group(2)}**{line[m.end() :]}"
    if line.startswith("#") and (head := _ATX.match(line)):
        # "### Bryan Robinson  0:03": an export's timed label pasted as a Markdown heading
        inner = line[head.end() :]
        for shape, pattern in STRONG:
            if "time" in pattern.groupindex and (m := pattern.match(inner)):
                if shape == "time-line" and m.group("b"):
                    continue  # "## [00:01:07] Intro": a chapter's time and title
                if plausible(label := clean(m.group("name"))):
                    rest = (m.groupdict().get("rest") or "").strip()
                    return Found(label, rest, m.group("time"), shape)
    if "(" in line and ":" in line and (line.startswith("**") or line[:1].isdigit()):
        for hit in _parliament(line):
            if re.fullmatch(rf"\[?{TIME}\]?", hit.group("title").strip()):
                break  # "**Bob Smith (00:01:02):**": a time, the timed shapes' to read
            name = clean(hit.group("name"))
            if (plausible(name) or strong_form(name)) and len(name.split()) <= 5:
                return Found(name, hit.group("rest").strip(), None, "bracket")
    for shape, pattern in STRONG:
        m = pattern.match(line)
        if m:
            label = clean(m.group("name"))
            words = label.split()
            most = 7 if shape == "record-fr" else 5  # "M. le comte de Colbert-Laplace"
            if len(words) > most and shape in ("bold", "html-bold") and _joint(label):
                most = len(words)  # "**Coumba Samake, Johanna Benamrouche et Wissale Achargui**"
            ok = bool(words) and len(words) <= most and words[0].lower() not in NOT_LABELS
            ok = ok and not _WHEN.fullmatch(label)  # "**2014-01-26 21:32:46 UTC:**": a date
            if shape == "record-fr" and _CONTENTS.search(line):
                continue  # the sitting's contents, not a speech
            if ok and shape == "bold-alone" and not plausible(label):
                return None  # "**Introduzione**" is a heading (and one name alone is too)
            if ok and shape in ("bold", "html-bold") and not _named(label):
                return None  # "**Correo electrónico:**", "**Hora de inicio:**": a form's field
            if ok and shape == "bracket-said" and not _voice(label):
                continue  # "[Note: …]", "[inaudible: 3 s]": a note in brackets
            if ok and (shape not in ("dash", "bracket-time") or plausible(label)):
                rest = (m.groupdict().get("rest") or "").strip()
                return Found(label, rest, m.groupdict().get("time"), shape)
            if shape in ("bold", "bold-question", "html-bold"):
                return None  # "**Author**: …" is a byline, not a turn
    m = OFFICE_NAMED.match(line)  # "His Excellency the President (Mr. Daniel arap Moi):"
    if m and not OFFICE.match(m.group("title")):  # "Le président (M. X):" keeps the office
        name = clean(m.group("name"))
        civil = re.match(r"(?:Mrs?|Ms|Miss|Dr|Hon|Prof|M|Mme)\.?[ \t]", name)  # "arap Moi"
        if (civil or plausible(name)) and len(name) < 60:
            return Found(name, m.group("rest").strip(), None, "bracket")
    m = BRACKET.match(line)
    if m and _member(clean(m.group("name"))):
        return Found(clean(m.group("name")), m.group("rest").strip(), None, "bracket")
    if line.startswith("(") and (m := _UNKNOWN.match(line)):  # "(UNKNOWN): …": nobody named
        return Found(m.group("name"), m.group("rest").strip(), None, "bracket")
    m = AFFILIATED.match(line)
    if m and plausible(clean(m.group("name"))) and plausible(m.group("title")):
        return Found(clean(m.group("name")), m.group("rest").strip(), None, "bracket")
    m = HEADER.match(line)
    if m and plausible(clean(m.group("name"))):
        return Found(clean(m.group("name")), "", None, "header")
    m = CHEVRON.match(line)
    if m:
        return Found("", m.group("rest").strip(), None, "chevron")
    m = _COLON.match(line) or _QR.match(line)
    if m:
        label = clean(m.group("name"))
        if plausible(label):
            return Found(label, (m.group("rest") or "").strip(), None, "colon")
    return None


def run_in_heads(lines: list[str], bold: dict[int, str]) -> bool:
    """Whether a page's bold openings (``bold``: line → label) are run-in subheads of answers
    ("**The Desktop:** My workspace…", "**The Music:** …"), not speakers: on a page whose
    questions are headings, three or more, each used once (a speaker speaks again), none of
    them after a question (an answer's label follows one)."""
    from collections import Counter

    counts = Counter(bold.values())
    if len(counts) < 3 or max(counts.values()) > 1:
        return False
    if not any(x.lstrip().startswith("#") and x.rstrip(" *_#").endswith("?") for x in lines):
        return False  # the page's questions are headings: its bold openings head answers
    for i in bold:
        before = next((x.strip() for x in reversed(lines[:i]) if x.strip()), "")
        if before.rstrip("*_ #").endswith("?"):
            return False
    return True


def recurring_headings(found: list[Found]) -> list[Found]:
    """Labels, a heading label ("### Audrey Tang：") only where one recurs: a heading that
    ends with a colon once ("## Summary:") names nobody. A name in bold alone on its line
    ("**Stefano Maestri**") is a label only where two such names recur, speaking by turns:
    one bold name, or several each once, head sections or a list."""
    from collections import Counter

    heads = Counter(f.label for f in found if f.shape == "heading")
    if not heads or max(heads.values()) < 2:
        found = [f for f in found if f.shape != "heading"]
    alone = Counter(f.label for f in found if f.shape == "bold-alone")
    if sum(n >= 2 for n in alone.values()) >= 2:
        return found
    # beside labels of other shapes, a name alone that recurs or is one of them (not a heading)
    others = {f.label for f in found if f.shape not in ("bold-alone", "heading")}
    keep = (lambda f: alone[f.label] >= 2 or f.label in others) if len(others) >= 2 else None
    return [f for f in found if f.shape != "bold-alone" or keep and keep(f)]
