"""US Congressional Record pages (GPO HTML: the printed text in one ``<pre>``).

A paragraph starts on a line indented by two spaces and runs over unindented lines; a speech
opens with its speaker's label and a period (``  Mr. WARNER. Mr. President, …``, ``  Mr. BROWN
of Ohio. …``, ``  The PRESIDING OFFICER. …``) and goes on until the next label. Quoted material
is indented further and stays with whoever reads it. The clerk's narration ("The assistant
legislative clerk read as follows:") is the Record's own text, kept as an editor's turn.

The label is not kept in the turn's text (the turn names its speaker); the date comes from the
``[Congressional Record Volume …, Number … (Wednesday, July 20, 2005)]`` header.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from quotecli.readers import labels
from quotecli.readers.builder import Draft, ReaderError

OUTLET = "Congressional Record"
_PRE = re.compile(r"<pre[^>]*>(.*?)(?:</pre>|\Z)", re.S | re.I)  # a page cut short: to its end
_TAG = re.compile(r"<[^>]+>")
_LABEL = labels.RECORD  # "Mr. WARNER. Mr. President, …": the one owner of the shape
_NARRATION = re.compile(
    r"^(?:The (?:assistant |legislative |chief |reading )*[Cc]lerk"
    r"|There (?:being|was) no objection|\("
    r"|The (?:bill|amendment|question|motion|resolution) (?:was|is)"
    r"|The text of the (?:amendment|bill|resolution|motion)s? (?:is|are|was) as follows)"
)
_CENTRED = re.compile(r"^ {10,}[A-Z][^:;]{2,80}[^.:;\s]\s*$")
_HEADER_DATE = re.compile(
    r"\[Congressional Record Volume [^\]]*\((?:\w+, )?(\w+ \d{1,2}, \d{4})\)\]"
)


def sniff(head: str) -> bool:
    """Is this a Congressional Record page?"""
    return "<pre" in head.lower() and "Congressional Record" in head


def display(label: str) -> str:
    """ "Mr. McCONNELL" → "Mr. McConnell"; "The PRESIDING OFFICER" → "The Presiding Officer"."""
    words = []
    for w in label.split():
        if w.isupper() and len(w) > 1:
            w = w[0] + w[1:].lower()
        elif re.match(r"^(Mc|Mac)[A-Z]{2,}", w):
            k = 2 if w.startswith("Mc") else 3
            w = w[:k] + w[k] + w[k + 1 :].lower()
        words.append(w)
    return " ".join(words)


def paragraphs(pre: str) -> list[str]:
    """The page's paragraphs, lines kept as printed (without their indentation)."""
    out: list[list[str]] = []
    blank = True
    for line in pre.split("\n"):
        if not line.strip() or line.lstrip().startswith("[") and line.rstrip().endswith("]"):
            blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        if blank or indent in (2,) or (indent >= 5 and not out) or (indent >= 5 and blank):
            out.append([])
        out[-1].append(line.strip())
        blank = False
    return ["\n".join(p) for p in out]


def read(raw: str) -> Draft:
    """Read a Congressional Record page into a draft."""
    m = _PRE.search(raw)
    if not m:
        raise ReaderError("no <pre> text in this Congressional Record page")
    pre = html.unescape(_TAG.sub("", m.group(1)))
    draft = Draft()
    draft.meta.update(outlet=OUTLET, language="en", credit="U.S. Government Publishing Office")
    d = _HEADER_DATE.search(pre)
    if d:
        draft.meta["date"] = datetime.strptime(d.group(1), "%B %d, %Y").strftime("%Y-%m-%d")
    t = re.search(r"<title>(.*?)</title>", raw, re.S | re.I)
    if t:
        draft.meta["title"] = " ".join(html.unescape(t.group(1)).split())
    current = None
    # a heading centred in the page ("Amendment No. 20 Offered by Mr. Issa", "In the Committee
    # of the Whole"): the Record's, between two speeches
    centred = {ln.strip() for ln in pre.split("\n") if _CENTRED.match(ln)}
    heading = False  # the paragraph before was a centred heading
    for para in paragraphs(pre):
        if para in centred:
            draft.add(draft.speaker("__record__", OUTLET, role="editor"), para, new=True)
            current, heading = None, True
            continue
        lm = _LABEL.match(para)
        if lm:
            label = lm.group("label")
            current = draft.speaker(label, display(label))
            draft.add(current, lm.group("rest"), new=True)
        elif _NARRATION.match(para) or current is None:
            if current is None and para.isupper():
                continue  # the page's headings before anyone speaks
            key = draft.speaker("__record__", OUTLET, role="editor")
            draft.add(key, para, new=heading)
            current = key
        else:
            draft.add(current, para)
        heading = False
    if not any(k != "__record__" for k in draft.speakers):
        raise ReaderError("no speakers found (no 'Mr. NAME.' labels)")
    return draft
