"""French Assemblée nationale sittings: the plain-text report and its TEI XML encoding.

Plain text (as derived from the compte rendu intégral): blocks separated by blank lines; a
speaker's label is a block of one line indented by two spaces ("  le président", "  Christiane
Taubira,garde des Sceaux."); the next block is the speech, one printed paragraph per line.
Other blocks are the report's headings and are kept as the editor's turns. The first line is
the sitting's title ("Mariage pour tous - Troisième séance du samedi 2 février 2013").

TEI: ``<sp who="…"><speaker>…</speaker>…<p>…</p></sp>``, ``<head>`` for headings,
``<mpt:interruption text="Rires sur…"/>`` for the room's reactions, which become editor's notes
in square brackets (the report's words, never the speaker's).

"le président" is displayed as the presiding member named by the last "Présidence de M. …";
a label "Name, title." gives the speaker's name and title, so "Christiane Taubira, garde des
Sceaux." and "Christiane Taubira,garde des Sceaux." are one person (aliases).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quotecli.readers.builder import Draft, ReaderError
from quotecli.text.dates import MONTHS
from quotecli.text.decode import newlines

OUTLET = "Assemblée nationale"
_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS["fr"])}
_FR_DATE = re.compile(r"(\d{1,2})(?:er)? (" + "|".join(_MONTHS) + r") (\d{4})", re.I)
_PRESIDENCY = re.compile(r"^Présidence de (?:M\.|Mme) (.+?)\s*$")
_TEI = "{http://www.tei-c.org/ns/1.0}"
_MPT = "{http://mpt.ethelred.fr/ns/0.0/}"


def sniff_text(head: str) -> bool:
    """Plain-text AN report: a label line indented by two spaces then a blank line."""
    return bool(re.search(r"\n  [^ \n][^\n]{0,80}\n[ \t]*\n[ \t]*\n   ?\S", head)) and (
        "Présidence de" in head or "séance" in head.lower()
    )


def sniff_tei(head: str) -> bool:
    return "<TEI" in head and "<sp " in head or "tei-c.org/ns" in head


def french_date(text: str) -> str | None:
    """ "samedi 2 février 2013" → "2013-02-02"."""
    m = _FR_DATE.search(text)
    if not m:
        return None
    return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def _speaker(draft: Draft, label: str, president: str | None) -> str:
    label = " ".join(label.split()).rstrip(".")
    name, _, after = label.partition(",")
    name, title = name.strip(), after.strip() or None
    if name.lower() in ("le président", "la présidente") and president:
        key = f"{name.lower()}|{president}"
        return draft.speaker(key, president, title="président de séance", labels=[name])
    return draft.speaker(label, name, title=title)


def _start(draft: Draft, title: str) -> None:
    draft.meta.update(outlet=OUTLET, language="fr", title=title or None, date=french_date(title))
    draft.meta["credit"] = "Assemblée nationale, compte rendu intégral"


def read_text(raw: str) -> Draft:
    """Read the plain-text report of a sitting."""
    text = newlines(raw)
    blocks = [b.strip("\n") for b in re.split(r"\n(?:[ \t]*\n)+", text) if b.strip()]
    if not blocks:
        raise ReaderError("empty report")
    draft = Draft()
    _start(draft, blocks[0].strip().split("\n")[0].strip())
    president = None
    pending: str | None = None
    for block in blocks[1:]:
        lines = block.split("\n")
        first = lines[0]
        if pending is not None:
            draft.add(pending, "\n".join(line.strip() for line in lines), new=True)
            pending = None
            continue
        if len(lines) == 1 and re.match(r"^  [^ ]", first) and len(first) < 200:
            pending = _speaker(draft, first, president)
            continue
        pm = _PRESIDENCY.match(first.strip())
        if pm:
            president = pm.group(1)
        draft.add(draft.speaker("__report__", OUTLET, role="editor"), block.strip(), new=True)
    if len(draft.speakers) < 2:
        raise ReaderError("no speakers found (no indented speaker lines)")
    return draft


def _text(el) -> str:
    """Text of a TEI element, interruptions as editor's notes in square brackets."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == _MPT + "interruption":
            parts.append(f"[{child.get('text') or child.get('type') or ''}]")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tei(raw: str) -> Draft:
    """Read the TEI encoding of a sitting."""
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise ReaderError(f"not well-formed XML ({exc})") from None
    draft = Draft()
    title = " ".join((root.findtext(f".//{_TEI}titleStmt/{_TEI}title") or "").split())
    _start(draft, title)
    date = root.findtext(f".//{_TEI}edition/{_TEI}date") or ""
    draft.meta["date"] = french_date(date) or draft.meta.get("date")
    body = root.find(f".//{_TEI}body")
    if body is None:
        raise ReaderError("no TEI <body>")
    president = None
    report = None

    def walk(el) -> None:
        nonlocal president, report
        for child in el:
            tag = child.tag.replace(_TEI, "")
            if tag == "sp":
                label = " ".join(_text(child.find(f"{_TEI}speaker")).split()) or child.get("who")
                key = _speaker(draft, label or "?", president)
                new = True
                for p in child.iter(f"{_TEI}p"):
                    words = " ".join(_text(p).split())
                    if words:
                        draft.add(key, words, new=new)
                        new = False
            elif tag in ("head", "p"):
                words = " ".join(_text(child).split())
                pm = _PRESIDENCY.match(words)
                if pm:
                    president = pm.group(1)
                if words:
                    report = draft.speaker("__report__", OUTLET, role="editor")
                    draft.add(report, words, new=True)
            else:
                walk(child)

    walk(body)
    if len(draft.speakers) < 2:
        raise ReaderError("no speakers found (no <sp> elements)")
    return draft
