"""The records reference managers import: BibLaTeX/BibTeX and RIS, by source type (issue 14).

Each builder takes the base CSL-JSON item (:mod:`quotecli.cite.item`) and writes only what is
known, in fields the reader accepts:

- BibLaTeX, checked against biber's data model (``biber --tool --validate-datamodel``): a
  press interview is an ``@article`` (``entrysubtype = {newspaper}``; the interviewer as
  ``editora`` with ``editoratype = {interviewer}``, both valid for ``@article`` only); every
  other type is a ``@misc`` (``howpublished`` = the show or outlet, ``type`` = the medium or
  genre, ``organization`` = the network or chamber, the interviewer and episode in ``note``).
  ``title`` is mandatory for both: an untitled source gets a bracketed description
  ("[Interview with Marina Ferrari]"). Words with capitals after the first are braced so
  that a style's sentence case keeps proper nouns ("Address to the {Europa Forum}"). Both
  ``date`` (BibLaTeX) and ``year``/``month`` (BibTeX) are given.
- RIS, with the types Zotero's RIS translator maps back to the right item (its
  ``importTypeMap``): ``NEWS`` for a press interview, ``SOUND`` for a podcast or a radio
  broadcast, ``MPCT`` for television, ``SLIDE`` (presentation) for a speech, a press
  conference or a debate, ``HEAR`` for a hearing. Zotero has no RIS type for an interview
  (it exports its own as ``PCOMM``, which imports as a letter); ``M3`` is only written where
  Zotero reads it as the medium or type (it reads ``M3`` of a ``GEN`` record as a DOI).

Pure string building: no engine, no I/O.
"""

from __future__ import annotations

import re
from typing import Any

from quotecli.cite.shaping import bracketed_description, date_parts
from quotecli.text.names import display as display_name
from quotecli.text.names import sort_key as sort_name

_LANGID = {"fr": "french", "en": "english", "de": "ngerman", "es": "spanish", "it": "italian"}
_BIB_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """Escape braces and the LaTeX special characters; keep Unicode (BibLaTeX reads UTF-8)."""
    return "".join(_LATEX_SPECIALS.get(char, char) for char in " ".join(text.split()))


_CAPITALISED_RUN = re.compile(r"(?<![\w\\{])(\w*[A-Z]\w*(?:[ -]\w*[A-Z]\w*)*)", re.UNICODE)


def brace_proper_nouns(escaped_title: str) -> str:
    """ "Address to the Europa Forum" → "Address to the {Europa Forum}": runs of words with a
    capital, after the first word (which sentence case keeps anyway), are braced."""
    first, sep, rest = escaped_title.partition(" ")
    if not sep:
        return escaped_title
    # A first word with a capital after its first letter (an acronym, "McCain") is braced too.
    if re.search(r"\w[A-Z]", first) and "\\" not in first:
        first = "{" + first + "}"
    return first + sep + _CAPITALISED_RUN.sub(lambda m: "{" + m.group(1) + "}", rest)


def _names(item: dict, role: str) -> list[dict]:
    return list(item.get(role) or [])


def _bib_names(names: list[dict]) -> str:
    return " and ".join(latex_escape(", ".join(p for p in sort_name(n) if p)) for n in names)


def _interview_by(item: dict, lang: str) -> str:
    names = [display_name(n) for n in _names(item, "interviewer")]
    if not names:
        return ""
    joined = (" et " if lang == "fr" else " and ").join(names)
    return ("Entretien réalisé par " if lang == "fr" else "Interview by ") + joined


def _creators(item: dict) -> list[dict]:
    return _names(item, "author") or _names(item, "host") or _names(item, "guest")


def bibtex(item: dict) -> str:
    """A BibLaTeX entry that biber's data model accepts (BibTeX reads it too)."""
    kind = item.get("type")
    press = kind == "interview" and not item.get("medium")
    fields: list[tuple[str, str]] = []
    people = _creators(item)
    if people:
        fields.append(("author", _bib_names(people)))
    if press and item.get("interviewer"):
        fields.append(("editora", _bib_names(_names(item, "interviewer"))))
        fields.append(("editoratype", "interviewer"))
    title = str(item.get("title") or "")
    if not title:
        described = people if kind in ("interview", "broadcast") else []
        title = bracketed_description(described, "en-US") if described else "[Untitled]"
    fields.append(("title", brace_proper_nouns(latex_escape(title))))
    container = item.get("container-title") or item.get("event-title")
    if press:
        fields.append(("journaltitle", latex_escape(str(container or ""))))
        fields.append(("entrysubtype", "newspaper"))
    else:
        if container:
            fields.append(("howpublished", latex_escape(str(container))))
        described_as = item.get("medium") or item.get("genre")
        if described_as:
            fields.append(("type", latex_escape(str(described_as))))
        organization = item.get("publisher") or item.get("authority")
        if organization:
            fields.append(("organization", latex_escape(str(organization))))
    parts = date_parts(item)
    if parts:
        fields.append(("date", _iso(parts)))
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _BIB_MONTHS[parts[1] - 1]))  # a macro: no braces
    notes = [] if press else [_interview_by(item, "en")]
    if item.get("number") and not press:
        notes.append(f"Episode {item['number']}")
    if any(notes):
        fields.append(("note", latex_escape(". ".join(n for n in notes if n))))
    if item.get("URL"):
        fields.append(("url", str(item["URL"]).replace("{", "%7B").replace("}", "%7D")))
    accessed = date_parts({"issued": item.get("accessed")}) if item.get("accessed") else []
    if accessed:
        fields.append(("urldate", _iso(accessed)))
    lang = str(item.get("language") or "")[:2]
    if lang in _LANGID:
        fields.append(("langid", _LANGID[lang]))
    key = re.sub(r"[^A-Za-z0-9_:.-]", "-", str(item.get("id") or "interview"))
    body = "".join(
        f"  {name} = {value},\n" if name == "month" else f"  {name} = {{{value}}},\n"
        for name, value in fields
    )
    entry = "article" if press else "misc"
    return f"@{entry}{{{key},\n{body}}}"


def _iso(parts: list[int]) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def _ris_value(value: object) -> str:
    return " ".join(str(value).split())


def ris_type(item: dict) -> str:
    """The RIS type Zotero imports as the closest item type (see module doc)."""
    kind, medium = item.get("type"), str(item.get("medium") or "").lower()
    if kind == "hearing":
        return "HEAR"
    if kind == "speech":
        return "SLIDE"
    if "television" in medium or medium.startswith(("tv", "video")):
        return "MPCT"
    if kind == "broadcast" or medium:
        return "SOUND"
    return "NEWS"


def ris(item: dict) -> str:
    """An RIS record typed for Zotero (see module doc)."""
    ty = ris_type(item)
    lines: list[tuple[str, Any]] = [("TY", ty)]
    people = _creators(item)
    lines += [("AU", ", ".join(p for p in sort_name(n) if p)) for n in people]
    if ty in ("SOUND", "MPCT") and item.get("guest") and people is not item.get("guest"):
        lines += [("A2", ", ".join(p for p in sort_name(n) if p)) for n in _names(item, "guest")]
    if item.get("title"):
        lines.append(("TI", item["title"]))
    container = item.get("container-title") or item.get("event-title")
    if ty == "HEAR":
        lines.append(("T3", item.get("authority")))  # legislativeBody
    elif ty in ("SOUND", "MPCT"):
        lines.append(("T3", container))  # seriesTitle: the show
    else:
        lines.append(("T2", container))  # publicationTitle, meetingName
    if item.get("publisher") and ty != "HEAR":
        lines.append(("PB", item["publisher"]))
    parts = date_parts(item)
    if parts:
        lines.append(("PY", str(parts[0])))
        slots = [str(parts[0])] + [f"{p:02d}" for p in parts[1:]]
        lines.append(("DA", "/".join(slots + [""] * (3 - len(slots))) + "/"))
    if ty == "SLIDE" and item.get("genre"):
        lines.append(("M3", item["genre"]))  # presentationType
    if ty == "HEAR" and item.get("number"):
        lines.append(("M1", item["number"]))
    by = _interview_by(item, "en")
    notes = [by] if by else []
    if item.get("number") and ty in ("SOUND", "MPCT"):
        notes.append(f"Episode {item['number']}")
    if item.get("medium") and ty in ("SOUND", "MPCT"):
        notes.append(str(item["medium"]))
    lines += [("N1", note) for note in notes]
    if item.get("language"):
        lines.append(("LA", item["language"]))
    if item.get("URL"):
        lines.append(("UR", item["URL"]))
    accessed = date_parts({"issued": item.get("accessed")}) if item.get("accessed") else []
    if accessed:
        lines.append(("Y2", "/".join([str(accessed[0])] + [f"{p:02d}" for p in accessed[1:]])))
    if item.get("id"):
        lines.append(("ID", item["id"]))
    lines.append(("ER", ""))
    kept = [(tag, value) for tag, value in lines if value is not None]
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() for tag, value in kept)
