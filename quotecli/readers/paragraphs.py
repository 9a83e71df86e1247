"""What a paragraph without a speaker label is: speech, or the outlet's furniture.

Owns the one decision ``turns`` (and ``qa``) make about an unlabelled paragraph (the lines a
page keeps in fenced divs of its furniture are ``furniture.fenced``'s): ``kind``
says "speech", "editor" (headings, rules, HTML blocks, images, link lists, show notes before
the transcript, captions, credits, bylines, section marks, a title line, a blockquote: a
web page's pull-quote repeats words it typesets as an answer), "note" (a stage
note), "applause" or "question" (a heading or bold line that asks, or a heading that speaks
to the interviewee: "## Vous utilisez uMap…" is a prompt). A byline is short ("Par
Jean Dupont", "By Jane Doe, in Lyon"): "Par contre, …" is a speaker's words. Lines that close
an interview ("Propos recueillis par…", "Interview réalisée par mail", "À propos de X") and a
bio paragraph ("X est un entrepreneur…") are the outlet's too. It never decides who speaks.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft
from quotecli.readers.labelwords import NOT_LABELS, NOTE_LABELS
from quotecli.readers.sitting import STAGE

_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_CREDIT = re.compile(
    r"^[*_]*(?:Propos recueillis (?:par|le)|(?:Entretien|Interview) réalisée? |Interview(?:ed)? by"
    # Spanish, Portuguese, Italian, German: "(Entrevista) realizada el/por…", "Intervista
    # raccolta da…", "Das Gespräch führte…"
    r"|(?:Entrevista[ \t]+)?[Rr]ealizada[ \t]+(?:el|por|en|em)\b|Intervista[ \t]+(?:realizzata"
    r"|raccolta)[ \t]+(?:da|il)\b|Das Gespräch führte"
    r"|(?:The following )?[Ii]nterview (?:was )?(?:conducted|made|recorded|held) (?:on|by|as|in)\b"
    r"|Transcri(?:bed|pt|ption)(?: by| par)?|Photo|Crédit|Credit|Source|Author|Auteur|Cliché"
    r"|Capture|À propos de |A propos de |About (?:the author|the guest|our guest)"
    # a box about the interviewer's house ("Über das Rogate-Kloster: Eine 2010 gegründete…")
    r"|(?:Über|About|Acerca de|Sobre|À propos d[eu'’]|A propos d[eu'’])[ \t]+[^.:!?\n]{1,60}:\s"
    # where the whole interview is: "Das ganze Interview gibt es hier: …", "Read the full
    # interview at …", "Lire l'intégralité de l'entretien sur …"
    r"|Das (?:ganze|vollständige|komplette) (?:Interview|Gespräch)\b"
    r"|(?:Read|Watch|Listen to) the (?:full|whole|complete|entire) (?:interview|conversation)"
    r"|(?:Lire|Retrouve[zr]?) l['’](?:intégralité|entretien|interview) (?:complet|de l['’]|sur|en)"
    # an oral history's cover: "An interview with CLEVE MOLER Conducted by Thomas Haigh"
    r"|An interview with\b|(?:Interview )?conducted by\b"
    # the outlet's calls to follow, closing a page: "Pour suivre toute l'actualité de X,
    # n'hésite pas à…", "Retrouve toute l'actualité du collectif…", "Follow her on Twitter"
    r"|(?:Pour suivre|Retrouve[zs]?|Suive[zs]) (?:toute )?l['’]actualité"
    r"|Follow (?:him|her|them|us) (?:on|at) )",
    re.I,
)
# a byline is short and near the top (``kind`` asks only before the first label): "Par Jean
# Dupont", "By Jane Doe, in Lyon", no verb; "By Tuesday." later on is a speaker's words
_BYLINE = re.compile(
    r"^[*_]*(?:Par|By)[ \t]+(?:[A-ZÀ-Þ][\w'’.-]*[ \t]*){1,4}[*_]*"
    r"(?:[ \t]*[,|–—-][^.!?\n]{0,60})?$"
)


def byline(para: str) -> bool:
    """ "Par Jean Dupont", "By Jane Doe, in Lyon": not "Par contre, …" (words of a speaker)."""
    first = para.strip().split("\n")[0]
    return len(first.split()) <= 12 and bool(_BYLINE.match(first))


# "An Interview Conducted by Janet Abbate for the IEEE History Center…", "Propos recueillis
# par…": who made the interview, even after a name and a colon, as an oral history prints it
_MADE_BY = re.compile(
    r"^[*_]*(?:(?:An? )?(?:Oral[- ]History )?Interview (?:Conducted|Recorded|Made) by "
    r"|Propos recueillis (?:par|le) |(?:Entretien|Interview) réalisée? (?:par|le) |Interviewed by "
    # as the end of a page credits who asked: "*Interview: Frater Franziskus, Rogate-Kloster…"
    r"|(?:Interview|Entretien|Entrevista|Intervista|Gespräch|Fragen)[ \t]*:[ \t]*[A-ZÀ-Þ])",
    re.I,
)


# a credit run on after an answer's last sentence ("…pour les respecter.Propos recueillis le 3
# novembre 2004."), to the paragraph's end: the outlet's, cut off from the words
_GLUED = re.compile(
    r"(?<=[.!?…»”])[ \t]*(?=(?:Propos recueillis|Entretien réalisé|Interview réalisée"
    r"|Interviewed by|Interview conducted by)\b[^\n]{0,150}$)"
)


def unglued(para: str) -> list[str]:
    """A paragraph, and the credit run on at its end apart from it (``_GLUED``)."""
    m = _GLUED.search(para)
    return [para[: m.start()], para[m.end() :]] if m else [para]


def made_by(para: str) -> bool:
    """A credit of who made the interview (``_MADE_BY``)."""
    return bool(_MADE_BY.match(para.lstrip()))


# the credit that names who asked, the name in ``who``: "Propos recueillis par Jean Dupont",
# "Interviewed by X", "Interview conducted by X", "**Interview: Julia Lauter:**", "Entretien :
# X" (the Q&A reader and the press reader take the interviewer from it)
_ASKED_BY = re.compile(
    r"^(?:Propos recueillis par|Entretien réalisé par|Interview(?:ed)? by|Interview conducted by"
    r"|(?:Interview|Entretien|Entrevista|Intervista)[ \t]*:"
    # "Interviewer: David La Monaca (aka Cercamon)" under the last answer: who asked
    r"|(?:Interviewer|Intervieweur|Interviewerin|Intervistatore|Intervistatrice"
    r"|Entrevistadora?)[ \t]*:)\s+(?P<who>[^.\n:(]+)",
    re.I,
)


def asked_by(para: str) -> re.Match | None:
    """The credit of who asked at the start of ``para`` (its name in ``who``), if any."""
    return _ASKED_BY.match(para)


# a cover page's credit, wherever on the page: "RONALD D. MACFARLANE ⏎ Transcript of an
# Interview ⏎ Conducted by ⏎ Michael A. Grayson"
_COVER = re.compile(
    r"\b(?:Transcript of an? |An? )?(?:Oral[- ]History )?Interview (?:Conducted|Recorded|Made)"
    r"[ \t]+by\b"
    # "Rebecca Conard French ('30) interviewed by Stuart Yeager", "interviewée par", "befragt von"
    r"|\b(?:interviewed|interviewée?|entrevistad[oa]|intervistat[oa]|befragt|interviewt)"
    r"[ \t]+(?:by|par|por|da|von)[ \t]+[A-Z]",
    re.I,
)


def cover(para: str) -> bool:
    """A cover page: it credits who made the interview, in one of its lines or over several,
    or lists those present under their offices, two or more ("Mayor Vince Lago" ⏎ "Vice
    Mayor Rhonda Anderson": a meeting's record)."""
    from quotecli.readers.standfirst import under_office

    if _COVER.search(" ".join(para.split())):
        return True
    return sum(under_office(line) is not None for line in para.split("\n")) >= 2


def credit(para: str) -> bool:
    """A credit, transcription or photo line, an "À propos de X" box, or a byline."""
    return bool(_CREDIT.match(para.lstrip()) or _MADE_BY.match(para.lstrip())) or byline(para)


# "Title: …" (a page saved as text, a web page's <title>): the page's title, the outlet's
TITLE = re.compile(r"^(?:#{1,6}[ \t]+)?(?:Title|Titre)[ \t]*:[ \t]*(?P<t>[^\n]+?)[ \t#]*$", re.I)
NOTE = re.compile(  # "[Laughter]", "((applause))", "[End of Tape 1, Side A] [Start of Tape 2]"
    r"^[ \t]*(?:(?:\[[^\]\n]{1,40}\][ \t]*)+|\(\(?[^()\n]{1,40}\)?\)\.?)[ \t]*$"
)
LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\n]+>|https?://\S+")


# a heading that speaks to the interviewee ("## Vous utilisez uMap…", "## Nous avons repéré
# votre carte…"): the interviewer's prompt, though it asks nothing
_ADDRESS = re.compile(r"\b(?:vous|votre|vos|you|your)\b", re.I)


def asks(heading: str) -> bool:
    """Whether a heading is the interviewer's: it asks ("?") or speaks to the interviewee."""
    words = heading.strip().lstrip("#").strip().rstrip("*").strip()
    if _CHAPTER.match(words):
        return words.endswith("?")  # "## [00:16:58] Things That Keep You Up": a chapter mark
    if words[:1] in '«"“' and words[-1:] in '»"”':  # a pull quote ("### “Leadership is
        return words.rstrip('»"” ').endswith("?")  # about enabling … around you…”"): quoted
    return words.endswith("?") or bool(_ADDRESS.search(words))


_CHAPTER = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]")  # a time opens it


# what a turn may say after its question ("How do you see it? Thank you so much."), and a
# question put without "?" ("I'm curious how…", "if you could walk us through…"): an earnings
# call's analysts, a panel's moderator
_COURTESY = re.compile(
    r"^(?:(?:thank you|thanks|merci|great|perfect|terrific|excellent|ok(?:ay)?)\b[^.!?]{0,30}"
    r"[.!]?[ \t]*)+$",
    re.I,
)
_REQUEST = re.compile(
    r"\b(?:(?:could|can|would)[ \t]+you|if[ \t]+you[ \t]+could|I(?:'|’)?m[ \t]+curious"
    r"|I[ \t]+(?:was[ \t]+)?wonder(?:ing|ed)?|walk[ \t]+(?:us[ \t]+)?through"
    r"|help[ \t]+us[ \t]+understand|pourriez-vous|pouvez-vous|pourrais-tu|peux-tu"
    # a prompt in the imperative: "Raconte-nous ta préparation.", "Tell us about…"
    r"|(?:racont|parl|expliqu|présent|décri[sv])(?:e|ez)?-(?:nous|moi)|di(?:s|tes)-(?:nous|moi)"
    r"|tell[ \t]+(?:us|me)[ \t]+(?:about|more|how|what|why))\b",
    re.I,
)
_ASKS = re.compile(r"\?[\s\"”»’)*_]*$")  # a question mark, a closing mark aside
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’)]*\s+")


def turn_asks(paragraph: str) -> bool:
    """Whether a turn whose last paragraph is ``paragraph`` puts a question: its last sentence
    asks ("?"), or asks without the mark, thanks aside."""
    # a Markdown hard break ("…?\\") and emphasis are layout
    sentences = [x for x in _SENTENCE_END.split(paragraph.strip().strip("*_\\ ")) if x.strip()]
    while sentences and _COURTESY.match(sentences[-1].strip()):
        sentences.pop()
    if not sentences:
        return False
    last = sentences[-1].strip()
    return bool(_ASKS.search(last) or _REQUEST.search(last))


# a heading among heading questions that goes on the conversation ("Et cette carte…",
# "Effectivement, c'est très pratique…") or is a whole sentence of twelve words or more
# (uMap's interviews, blind files9) is the interviewer's prompt; a short one is an intertitle,
# and one in quotation marks is a pull quote (the editor's)
_GOES_ON = re.compile(
    r"^(?:Et|Effectivement|Justement|Alors|Donc|Mais|Pourtant|Ainsi|And|So|But|Indeed)\b", re.I
)


_SECTION = re.compile(
    r"(?:Entrevista|Interview|Entretien|Intervista|Gespräch|Transcript|Transcripción"
    r"|Transcription|Part|Parte|Partie|Teil|Anexo|Annexe|Appendix)\b",
    re.I,
)


def prompts(words: str) -> bool:
    """Whether a heading that asks nothing, once the questions have begun, is a prompt."""
    heading = words.strip().lstrip("#").strip().strip("*_ ")
    if heading[:1] in "«\"“'‘" or _SECTION.match(heading):
        return False  # a quotation as a title; "Entrevista Indira Gutiérrez, …": a section
    return bool(_GOES_ON.match(heading)) or len(heading.split()) >= 12


_NOTE_HEAD = re.compile(r"^[*_\[(]*([^:\n*_\])]{3,30}?)[*_\])]*[ \t]*:")


_SHORTCODE_BOX = re.compile(r"^\\?\[(?:caption|gallery|embed|video|audio)\b[^\]]*\\?\]")


_FIELD = re.compile(r"\*\*[^*\n]{1,60}?(?::\*\*|\*\*[ \t]*:)")


def field(first: str) -> bool:
    """A head's field: a word of ``labelwords.NOT_LABELS`` with its colon or its run of dots."""
    m = re.match(r"^[ \t]*([^\W\d][\w&.-]*?)(?:[ \t]*:|[.…]{3,})", first)
    return m is not None and m.group(1).lower().strip(".") in NOT_LABELS


def contact(para: str) -> bool:
    """A box of fields, half its lines or more ("Kontakt" ⏎ "Kinzig.News Redaktion:" ⏎
    "Telefon: 06051 …" ⏎ "E-Mail: …"): the page's, not words."""
    lines = [ln for ln in para.split("\n") if ln.strip()]
    return len(lines) >= 3 and sum(field(ln) for ln in lines) >= len(lines) / 2


# a record's time of sitting ("The House met at 2.30 p.m.", "The Committee adjourned at …")
SITTING_MARK = re.compile(
    r"^\[?(?:The[ \t]+)?(?:House|Senate|Assembly|Committee|Council|Chamber|Sitting|Commission)"
    r"(?:[ \t]+of[ \t]+[\w ]{1,30}?)?[ \t]+(?:met|rose|resumed|adjourned|was[ \t]+suspended)"
    r"[ \t]+at[ \t]+[^\n]{1,40}$"
)


def _heading_line(plain: str) -> bool:
    """One line of two to eight words, most of them capitalised, and no sentence's end."""
    words = plain.split()
    if "\n" in plain or not 2 <= len(words) <= 8 or re.search(r"[.!?…:;,\"”»)\]'’-]$", plain):
        return False
    capital = [w for w in words if w[:1].isupper()]
    return words[0][:1].isupper() and len(capital) >= 0.6 * len(words) and len(capital) >= 3


# a caption's credit closing it: "(Foto: Dominik Landwehr)", "(Photo : AFP)", "(Crédit : X)"
_PICTURED = re.compile(
    r"\((?:Fotos?|Photos?|Bild|Image|Crédit(?:s)?(?: photo)?|Credits?|Foto di)[ \t]*:"
    r"[^()\n]{2,80}\)[ \t]*$",
    re.I,
)
# a page's licence or copyright notice: the outlet's, wherever it stands
_LICENCE = re.compile(
    r"^[*_]*(?:©|\(c\)[ \t]+\d{4}|Copyright\b|All rights reserved|Tous droits réservés)"
    r"|\b(?:is|are)[ \t]+licensed[ \t]+under[ \t]+(?:a[ \t]+|the[ \t]+)?(?:Creative[ \t]+Commons|CC"
    r"[ \t-]BY|MIT|Apache|GNU)|\b(?:sous[ \t]+licence|unter[ \t]+der[ \t]+Lizenz|bajo[ \t]+"
    r"(?:la[ \t]+)?licencia|sotto[ \t]+(?:la[ \t]+)?licenza)[ \t]+"
    r"(?:Creative[ \t]+Commons|CC[ \t-]BY)",
    re.I,
)


# a page's closing promotion: a call to go and get it, with its links ("Usagi Shima is
# available in the [App Store](…)", "find more about the game on [their website](…)")
_PROMO = re.compile(
    r"\b(?:is|are)[ \t]+(?:now[ \t]+)?available[ \t]+(?:in|on|at|from)\b"
    r"|\bfind[ \t]+(?:out[ \t]+)?more\b[^.\n]{0,60}?[ \t](?:on|at)[ \t]"
    r"|\bfollow[ \t]+(?:them|him|her|us)[ \t]+on\b"
    r"|\b(?:est|sont)[ \t]+disponibles?[ \t]+(?:sur|dans|en)\b"
    # "Download the interview in PDF format (…) here: http://…"
    r"|^(?:Download|Scarica|Télécharge[rz]?|Descarga|Baixe)\b[^\n]{0,120}\b(?:PDF|here|ici|qui|aquí)\b",
    re.I,
)


def promo(para: str) -> bool:
    """A paragraph that sends the reader to a link to get or follow something: the page's."""
    return bool(LINK.search(para) and _PROMO.search(para))


def kind(para: str, before_first: bool) -> str:
    """ "speech", "editor", "note" (a stage note), "applause" or "question"."""
    first = para.lstrip()
    plain = _TAG.sub("", para).strip()
    if NOTE.match(para):
        return "applause" if "applau" in para.lower() else "note"
    if _SHORTCODE_BOX.match(first):
        return "editor"  # WordPress's '[caption id=…]<img> CRÉDIT : X[/caption]': a figure
    head = _NOTE_HEAD.match(plain)
    if head and " ".join(head.group(1).lower().split()) in NOTE_LABELS:
        return "note"  # "AUDIO DESCRIPTION: Discussion is held at side-bar, on the record."
    if re.fullmatch(r"\{%.*%\}|\{\{.*\}\}", first.strip(), re.S):
        return "editor"  # a Liquid tag over several lines ("{% include image.html … %}")
    if promo(para):
        return "editor"  # "… is available in the [App Store](…)": the page's promotion
    if len(plain) <= 400 and _PICTURED.search(plain):
        return "editor"  # "… zeigt eine App (Foto: picture alliance/Kyodo)": a caption
    if len(plain) <= 400 and _LICENCE.search(plain):
        return "editor"  # "Content on this site is licensed under a Creative Commons…", "©"
    if _FIELD.match(first) or contact(para):
        return "editor"  # "**Correo electrónico:** x": a form's field, the labels refused it
    if "\n" not in para.strip() and STAGE.match(para):
        return "note"  # "(La séance est ouverte à neuf heures trente.)": a stage direction
    if first.startswith("#"):
        return "question" if (asks(first) or prompts(first)) and not before_first else "editor"
    if not before_first and re.fullmatch(
        r"[^\n]*\S[^\n]*\n[ \t]*(?:={3,}|-{3,}|~{3,})[ \t]*", first.rstrip()
    ):
        title = first.split("\n")[0]  # "1. Ms Sue Gray" ⏎ "=====": a title underlined (setext,
        return "question" if asks(title) else "editor"  # reStructuredText)
    if re.fullmatch(r"\*\*[^*]+\*\*(?:<br\s*/?>)?", first.strip()):
        # a bold question, or a bold prompt ("… Maritza, tu fais donc partie des pionnières.
        # Raconte-nous ta préparation."); a bold statement alone is the outlet's
        inner = re.sub(r"<br\s*/?>$", "", first.strip()).strip("*").strip()
        return "question" if inner.endswith("?") or turn_asks(inner) else "editor"
    if first.startswith("|") or (
        first.startswith(("<", "{{", "{%", "![", ":::")) and len(plain) < len(para) / 2 + 40
    ):
        return "editor"  # a table, an HTML block, a shortcode, an image
    if not plain or _CREDIT.match(first) or CLOSING.match(first) or before_first and byline(first):
        return "editor"
    if all(ln.lstrip().startswith(">") for ln in para.split("\n") if ln.strip()):
        return "editor"  # a Markdown blockquote on a web page: a pull-quote, the outlet's
    if re.fullmatch(r"[*_][^*_\s].*[*_]", first, re.S):
        return "editor"  # an italic standfirst or caption (not "* item", a list)
    lines = [ln for ln in para.split("\n") if ln.strip()]
    if all(re.match(r"^\s*(?:[-*+]|\d+\.)\s|^\s{2,}\S", ln) for ln in lines) and (
        before_first or not re.search(r"\w{2,}.*\s\w{2,}", _TAG.sub("", LINK.sub("", para)))
    ):
        return "editor"  # show notes before the transcript, or a list of links
    linked = sum(len(m.group()) for m in LINK.finditer(para))
    if linked > len(para) * 0.4 or (before_first and linked):
        return "editor"
    if re.fullmatch(r"[\[\]A-ZÀ-Þ0-9 .:'’&-]{2,60}", plain) and not plain.endswith("."):
        return "editor"  # "EPISODE 7", "[INTERVIEW]": section marks
    if (
        plain.count("\n") <= 2 and len(plain) <= 240 and not plain.endswith(".")
        and re.fullmatch(r"[A-ZÀ-Þ0-9 \t\n.,:;'’&()/-]+", plain) and len(plain.split()) >= 3
    ):  # fmt: skip
        return "editor"  # "RESOLUTION TO HOLD A THURSDAY MORNING SITTING, ⏎ EXTENSION OF …"
    if SITTING_MARK.match(plain):
        return "note"  # "The House met at 2.30 p.m.": the record's, as a stage direction
    if before_first and len(plain) < 60 and not re.search(r"[.!?…:]$", plain):
        return "editor"  # a title line
    if before_first and field(first):
        return "editor"  # "Subjects: asylum seekers; …", "E&EO……": a release's head
    if _heading_line(plain):
        return "editor"  # "Questions From Counsel to the Inquiry": a section's head, in capitals
    return "speech"


# lines that close an interview: what follows them, unlabelled, is the outlet's (a bio)
_END = (
    r"\[?(?:END|FIN|CONCLUSION) (?:OF (?:THE )?)?"
    r"(?:INTERVIEW|TRANSCRIPT|RECORDING|DE L['’]ENTRETIEN)\]?\.?$"
)
END = re.compile(rf"^[*_#\s]*{_END}", re.I)  # "[END OF INTERVIEW]": the page's words after it
CLOSING = re.compile(
    r"^[*_#\s]*(?:Propos recueillis par|(?:Entretien|Interview) réalisée? |Interview(?:ed)? by"
    r"|(?:À|A) propos de |About (?:the author|the guest)"
    r"|(?:-+[ \t]*)?ends(?:[ \t]*-+)?[ \t.]*$"  # a release's "ENDS": what follows is a stamp
    r"|Published by[ \t]*(?:\n|$)"  # a record's colophon: "Published by ⏎ Clerk of the …"
    r"|" + _END + ")",
    re.I,
)


_IS = r"(?:est|is|was|était|ist|war|es|fue|era|è)"  # "Felix Stalder ist Professor…"


def bio(para: str, draft: Draft) -> bool:
    """A paragraph that opens on a speaker's full name and "est"/"is" ("Elias Benguezzou est un
    entrepreneur…"): the outlet presenting them, not their words."""
    opening = " ".join(_TAG.sub("", para).replace("*", "").split()[:6])
    return any(
        len(sp.name.split()) >= 2 and re.match(rf"{re.escape(sp.name)},? {_IS}\b", opening)
        for key, sp in draft.speakers.items() if not key.startswith("__")
    )  # fmt: skip


_TALK_SPEAKER = re.compile(
    r"^[*\-+ \t]*\**[ \t]*(?:Speakers?|Presenters?|Orateur|Oratrice|Conférencier|Conférencière)"
    r"[ \t]*:[ \t]*\**[ \t]*\[?(?P<name>[A-ZÀ-Þ][^\]\n*(,;]{1,60}?)\]?(?:\([^)\n]*\))?[ \t*]*$",
    re.M,
)


# "TRANSCRIPT OF THE PRIME MINISTER THE HON JOHN HOWARD MP PRESS CONFERENCE": the office or
# the name after "TRANSCRIPT OF" (an Australian minister's release), up to the rest of the head
_TRANSCRIPT_OF = re.compile(
    r"\bTRANSCRIPT OF (?:THE )?(?P<who>[A-Z][A-Z .'’-]{2,60}?)"
    r"(?= THE HON\b| MP\b| PRESS\b| DOORSTOP\b| INTERVIEW\b| REMARKS\b| SPEECH\b|,|$)",
    re.M,
)


def talk_speaker(before: list[str], labels: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The one speaker a page names above its unlabelled prose: a talk's ("Speaker: David
    Nolen"), or a release's whose head names a label of the file ("TRANSCRIPT OF THE PRIME
    MINISTER …" where "PRIME MINISTER:" answers the questions)."""
    named = {m.group("name").strip() for t in before for m in _TALK_SPEAKER.finditer(t)}
    if len(named) == 1:
        return named.pop()
    heads = {m.group("who").strip() for t in before for m in _TRANSCRIPT_OF.finditer(t)}
    said = [label for label in labels if any(h == label.upper() for h in heads)]
    return said[0] if len(said) == 1 else None


# the last word of an interview: thanks to the guest ("Vielen Dank, Christina und Jana!")
THANKS = re.compile(
    r"^[*_\s]*(?:thank(?:s| you)|many thanks|merci|vielen dank|danke|gracias|muchas gracias"
    r"|grazie|obrigad[oa]|muito obrigad[oa]|dank je)\b",
    re.I,
)
# "[START OF INTERVIEW]": what comes before it is the page's, however it is set
START = re.compile(
    r"^[*_#\s]*\[?(?:START|BEGINNING|BEGIN|DÉBUT) (?:OF (?:THE )?|DE L['’])?"
    r"(?:INTERVIEW|TRANSCRIPT|RECORDING|ENTRETIEN)\]?[*_\s.]*$",
    re.I,
)


# the headings of a page's back matter: what follows them is the outlet's, not an answer
BACK_MATTER = frozenset(
    " ".join(b.split())
    for b in """footnotes|notes|references|sources|bibliography|further reading|related
    |related posts|see also|credits|about the author|about the authors|acknowledgements
    |acknowledgments|notes de bas de page|références|sources et références|à lire aussi
    |à propos de l'auteur|crédits|pour aller plus loin|comments|commentaires|resources
    |useful resources|further resources|links|useful links|ressources|ressources utiles
    |liens|liens utiles|en savoir plus|pour en savoir plus|comment|commentaire|kommentare
    |kommentar|comentarios|comentários|commenti|reactions|réactions|reaktionen|responses
    |replies|leave a reply|leave a comment|laisser un commentaire|kommentar schreiben
    |schreibe einen kommentar|deja un comentario|mehr zum thema|das könnte dich auch interessieren
    |das könnte sie auch interessieren|auch interessant|weiterlesen|lire aussi|à lire également
    |sur le même sujet|pour approfondir|dans la même rubrique|leer más|lee también|te puede
    interesar|también te puede interesar|leggi anche|potrebbe interessarti|more on this topic
    |you might also like|you may also like|read more|read next|more stories|related articles
    |related stories|latest articles|latest posts|recent articles|recent posts|popular posts
    |more articles|most popular|derniers articles|articles récents|últimos artículos
    |neueste artikel|ultimi articoli""".split("|")
)


def back_matter(heading: str) -> bool:
    """ "## Footnotes", "### Références", "8 Kommentare": a heading that opens the page's
    back matter (a count before it is the page's, as its comments are)."""
    folded = " ".join(heading.strip().lstrip("#").strip(" *_:").lower().split())
    return re.sub(r"^\d+ ", "", folded) in BACK_MATTER


# a presenter's hand-over to a report: the paragraph ends on the reporter's name alone
# ("… une opération planifiée. Anastasia Becchio", "À Washington, Anne Corpet.", "Reportage,
# William de Lesseux."): the next paragraph, unlabelled, is that report
_HANDOVER = re.compile(
    r"(?:[.:!?»]\s+|\b(?:Reportage|Correspondance|Report|Reporting)[,:]?\s+|\bÀ [A-ZÀ-Þ][\w'’-]+"
    r"(?: [A-ZÀ-Þ][\w'’-]+)?,\s+)[A-ZÀ-Þ][\w'’-]+(?:\s+(?:de |du |da |van |von |le |la )?"
    r"[A-ZÀ-Þ][\w'’-]+){1,3}\.?\s*$"
)


def handover(para: str) -> bool:
    """Whether ``para`` ends by handing over to a named reporter (a broadcast's report cue)."""
    return bool(_HANDOVER.search(para.strip()[-120:]))
