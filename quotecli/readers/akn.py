"""Akoma Ntoso debates (issue 12): the OASIS LegalDocML standard in which parliaments publish
their records (South Africa's, Kenya's, the Senato della Repubblica's, AKN4EU…).

A ``<debate>``'s ``<speech by="#id">`` (and ``<question>``, ``<answer>``) is a turn of the
person its ``<from>`` prints, or of the ``TLCPerson`` its ``by`` names (``showAs``); its ``<p>``
are the paragraphs. Everything else the record says — ``<heading>``, the ``<preface>``, the
``<p>`` of a section, ``<prayers>``, ``<adjournment>``, ``<narrative>``, ``<scene>``,
``<summary>``, ``<other>`` — is the record's own, the editor's. The record's date
(``<docDate date=…>``, else ``FRBRExpression``'s) and language (``FRBRlanguage``: ISO 639-2
"eng" → "en") are its metadata; options override them. Roles are not guessed: ``--role``
gives them. Read with the standard library's XML parser, as the TEI reader is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quotecli.readers.builder import Draft, ReaderError

RECORD = "__record__"  # the record's own words: the outlet's, named so once it is known
_SPOKEN = ("speech", "question", "answer")
# the record's own words: a heading, a section's narration, the prayers, the adjournment
_RECORD = (
    "heading", "subheading", "num", "p", "prayers", "adjournment", "narrative", "scene",
    "summary", "other", "preface", "rollCall", "pointOfOrder", "administrationOfOath",
    "declarationOfVote", "communication", "papers", "noticesOfMotion", "questions",
)  # fmt: skip
_BLOCKS = ("p", "blockList", "list", "blockQuote", "quotedText", "table", "tblock", "ul", "ol")
# ISO 639-2 codes as FRBRlanguage gives them: the ones a record is published in
_LANGUAGES = {
    "eng": "en", "fra": "fr", "fre": "fr", "ita": "it", "spa": "es", "por": "pt", "deu": "de",
    "ger": "de", "nld": "nl", "dut": "nl", "swa": "sw", "afr": "af", "zul": "zu", "xho": "xh",
}  # fmt: skip


def sniff(head: str) -> bool:
    return "<akomaNtoso" in head and "<debate" in head


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _words(el: ET.Element) -> str:
    """An element's words, its inline marks (``<recordedTime>``, ``<docDate>``, ``<i>``) kept
    as the text they print."""
    return " ".join("".join(el.itertext()).split())


def read(raw: str) -> Draft:
    """Read an Akoma Ntoso ``<debate>`` into a draft: speeches as turns, the rest the record's."""
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise ReaderError(f"not well-formed XML ({exc})") from None
    debate = next((el for el in root.iter() if _local(el.tag) == "debate"), None)
    if debate is None:
        raise ReaderError("no Akoma Ntoso <debate> in this file")
    draft = Draft()
    people = _shown(root, "TLCPerson")
    _metadata(draft, root, debate)

    def record(el: ET.Element) -> None:
        if words := _words(el):
            draft.add(draft.speaker(RECORD, "Record", role="editor"), words, new=True)

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = _local(child.tag)
            if tag == "meta":
                continue
            if tag in _SPOKEN:
                _speech(draft, child, people, record)
            elif tag in _RECORD and not any(_local(x.tag) in _SPOKEN for x in child.iter()):
                record(child)
            else:
                walk(child)

    walk(debate)
    if not any(label != RECORD for label, _, _ in draft.turns):
        raise ReaderError("no <speech> in this Akoma Ntoso debate")
    return draft


def _shown(root: ET.Element, kind: str) -> dict[str, str]:
    """The references of one kind ("TLCPerson", "TLCOrganization"): id → the name shown."""
    return {
        el.get("id") or el.get("eId") or "": " ".join((el.get("showAs") or "").split())
        for el in root.iter()
        if _local(el.tag) == kind
    }


def _speech(draft: Draft, el: ET.Element, people: dict[str, str], record) -> None:
    """One speech: its ``<from>`` (or its ``by``'s name) speaks its paragraphs; a heading or a
    scene inside it is the record's."""
    shown = next((x for x in el if _local(x.tag) == "from"), None)
    label = _words(shown) if shown is not None else ""
    label = label or people.get((el.get("by") or "").lstrip("#"), "")
    if not label:
        raise ReaderError(f"a <{_local(el.tag)}> names nobody (no <from>, no 'by' person)")
    key = draft.speaker(label.rstrip(":").strip())
    new = True
    loose = [el.text or ""]  # words set in the speech itself, no <p> (SayIt's exports)

    def said(words: str) -> None:
        nonlocal new
        if words := " ".join(words.split()):
            draft.add(key, words, new=new)
            new = False

    for child in el:
        tag = _local(child.tag)
        if tag == "from":
            pass
        elif tag in ("heading", "scene", "narrative", "summary"):
            said("".join(loose))
            loose = []
            record(child)
            new = True
        elif tag in _BLOCKS:
            said("".join(loose))
            loose = []
            said(_words(child))
        else:  # an inline mark among loose words (<i>, <recordedTime>)
            loose.append("".join(child.itertext()))
        loose.append(child.tail or "")
    said("".join(loose))


def _metadata(draft: Draft, root: ET.Element, debate: ET.Element) -> None:
    def first(name: str) -> ET.Element | None:
        return next((el for el in root.iter() if _local(el.tag) == name), None)

    date = first("docDate")
    when = date.get("date") if date is not None else None
    if not when or when.startswith("3000"):  # "3000-01-01": a converter's "not known"
        expression = first("FRBRExpression")
        found = [
            x.get("date") for x in (expression.iter() if expression is not None else ())
            if _local(x.tag) == "FRBRdate"
        ]  # fmt: skip
        when = next((d for d in found if d and not d.startswith("3000")), None)
    if when and re.match(r"^\d{4}-\d{2}-\d{2}", when):
        draft.meta["date"] = when[:10]
    language = first("FRBRlanguage")
    code = (language.get("language") or "").lower() if language is not None else ""
    if code in _LANGUAGES or len(code) == 2:
        draft.meta["language"] = _LANGUAGES.get(code, code)
    # the record's author, as its references name it ("#za-parliament" → "ZA Parliament")
    work = first("FRBRWork")
    author = (
        next((x.get("href") for x in work.iter() if _local(x.tag) == "FRBRauthor"), None)
        if (work is not None)
        else None
    )
    if author and (outlet := _shown(root, "TLCOrganization").get(author.lstrip("#"))):
        draft.meta["outlet"] = outlet
    name = " ".join((debate.get("name") or "").split())
    if name:
        draft.meta["title"] = name.capitalize() if name.isupper() else name
