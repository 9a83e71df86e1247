"""Australian Prime Minister transcripts (PM&C "PM Transcripts" XML, as harvested by wragge).

One ``<transcript>`` per file: ``<transcript-id>``, ``<title>``, ``<prime-minister>`` ("Turnbull,
Malcolm"), ``<release-date>`` (DD/MM/YYYY), ``<release-type>``, ``<document>`` (the PDF of old
items) and ``<content>``, HTML in CDATA. The HTML's paragraphs carry "JOURNALIST:" / "PRIME
MINISTER:" labels, often alone in their paragraph and sometimes in ``<strong>``; OCR of old
typescripts has one ``<br />`` per printed line and damaged labels. Labels go to ``dialogue``.

Metadata comes from the XML: "PRIME MINISTER" is displayed as the prime minister's name, the
title is the release title, a named label that the title mentions ("Interview with Paul
Murray…") is the interviewer. The outlet is the publisher of the transcript series.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from quotecli.readers import dialogue
from quotecli.readers.builder import Draft, ReaderError
from quotecli.text.names import from_label as display_name

OUTLET = "PM Transcripts (Department of the Prime Minister and Cabinet)"
CREDIT = "Commonwealth of Australia, PM Transcripts, CC BY 3.0 AU"
_TAG = re.compile(r"<[^>]+>")
_P = re.compile(r"<p\b[^>]*>|</p\s*>|<div\b[^>]*>|</div\s*>|<h\d[^>]*>|</h\d\s*>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_OFFICES = frozenset(
    """MINISTER PRESIDENT PREMIER TREASURER LEADER SENATOR SECRETARY MR MRS MS DR GOVERNOR
    AMBASSADOR CHANCELLOR KING QUEEN PRINCE SIR DAME""".split()
)
# offices whose holders answer questions, not ask them (titles such as MR or DR say neither)
_HOLDERS = _OFFICES - frozenset("MR MRS MS DR SIR DAME".split())
_SPACES = re.compile(r"[ \t\u00a0]+")


def sniff(head: str) -> bool:
    """Is this text a PM transcript?"""
    return "<transcript>" in head and "<transcript-id>" in head


def paragraphs(content: str) -> list[str]:
    """HTML content → paragraphs of plain text (lines kept where the HTML broke them)."""
    out = []
    for block in _P.split(content):
        text = html.unescape(_TAG.sub("", _BR.sub("\n", block)))
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return out


def _date(value: str) -> str | None:
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", value or "")
    if not m:
        return None
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


def read(raw: str) -> Draft:
    """Read one PM transcript into a draft."""
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise ReaderError(f"not well-formed XML ({exc})") from None
    node = root if root.tag == "transcript" else root.find("transcript")
    if node is None:
        raise ReaderError("no <transcript> element")

    def field(name: str) -> str:
        return (node.findtext(name) or "").strip()

    pm = field("prime-minister")
    pm_name = " ".join(reversed([p.strip() for p in pm.split(",", 1)])) if pm else None
    title = " ".join(field("title").split())
    draft = Draft()
    draft.meta.update(
        outlet=OUTLET,
        date=_date(field("release-date")),
        language="en",
        title=title or None,
        url=field("document") or None,
        credit=CREDIT,
        release_type=field("release-type") or None,
        transcript_id=field("transcript-id") or None,
    )
    paras = paragraphs(field("content"))
    if not paras:
        raise ReaderError("the transcript has no content")
    names = {}
    if pm_name:
        surname = pm_name.split()[-1].upper()
        for label in {lab for lab, _ in dialogue.units(paras) if lab}:
            if label in ("PRIME MINISTER", "PM") or label == f"PRIME MINISTER {surname}":
                names[label] = pm_name
    dialogue.fill(draft, paras, names=names, header=OUTLET, sole_speaker=pm_name)
    lowered = title.lower()
    interview = "interview" in (field("release-type") + " " + title).lower()
    asked = any(sp.role == "interviewer" for sp in draft.speakers.values())
    for label, sp in draft.speakers.items():
        office = set(label.split()) & _HOLDERS
        person = len(label.split()) in (2, 3) and not set(label.split()) & _OFFICES
        if sp.role == "speaker" and person and sp.title != "damaged label":
            named = any(w.lower() in lowered for w in sp.name.split())
            if interview or named:
                sp.role = "interviewer"
        elif sp.role == "speaker" and office and asked and sp.title != "damaged label":
            # beside the Prime Minister at a press conference, a minister or a visiting
            # president answers the journalists' questions ("MINISTER FOR VETERANS' AFFAIRS")
            sp.role = "interviewee"
        if names.get(label):
            sp.title = "Prime Minister"
    interviewers = [sp.name for sp in draft.speakers.values() if sp.role == "interviewer"]
    known = [n for n in interviewers if n.lower() not in ("journalist", "interviewer")]
    if known:
        draft.meta["interviewer"] = " and ".join(dict.fromkeys(known))
    if draft.meta.get("interviewer") is None:
        draft.meta.pop("interviewer", None)
    return draft


def source_id(raw_name: str, draft: Draft) -> str:
    """``pm-40598`` from the transcript id (the file name otherwise)."""
    tid = draft.meta.get("transcript_id")
    return f"pm-{tid}" if tid else display_name(raw_name)
