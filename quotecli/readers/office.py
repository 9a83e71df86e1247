"""Word (.docx) and text PDF files: their text, for the turn reader (issue 12).

Owns getting the words out of the container, nothing else: what the words are is the turn
reader's job (``turns``), the same as for plain text. python-docx and pypdf are optional
extras (``pip install 'quote[office]'``), imported only when such a file is read; without
them the import says what to install.

- .docx: body paragraphs in order (one line each when the document sets one paragraph per
  printed line, as court reporters' files do; else blank lines between them); a table whose
  header has a "Speaker" column and a text column becomes ``Speaker (start): words`` lines;
  other tables (job details, scores) become ``| cell | cell |`` lines, the editor's.
- .pdf: the text layer of every page (a scanned PDF without one is refused: quote does no
  OCR). Margin line numbers and page numbers are undone by the turn reader.
"""

from __future__ import annotations

import io
import re

from quotecli.readers.builder import ReaderError

_TEXT_COLUMNS = ("transcription", "transcript", "text", "content", "words", "utterance")
_TIME_COLUMNS = ("start", "time", "begin", "timestamp")


def kind(name: str, raw: bytes) -> str | None:
    """ "docx", "pdf" or None, from the file's ending and its first bytes."""
    low = name.lower()
    if low.endswith(".docx") and raw[:4] == b"PK\x03\x04":
        return "docx"
    if raw[:5] == b"%PDF-":
        return "pdf"
    return None


def text(raw: bytes, fmt: str) -> tuple[str, list[str]]:
    """The words of a .docx or text PDF, as plain text lines, and what was left out."""
    return _docx(raw) if fmt == "docx" else (_pdf(raw), [])


def _need(module: str, extra: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ReaderError(
            f"reading this file needs {extra}: pip install 'quote[office]' (or {extra})"
        ) from None


def _docx(raw: bytes) -> tuple[str, list[str]]:
    docx = _need("docx", "python-docx")
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # a damaged archive: say so, in one line
        raise ReaderError(f"not a readable Word document ({type(exc).__name__})") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[tuple[str, list[str]]] = []  # ("p", [text]) or ("table", lines)
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(("p", [Paragraph(child, document).text]))
        elif tag == "tbl":
            blocks.append(("table", _table(Table(child, document))))
    pages = [b for b in blocks if b[0] == "p" and re.fullmatch(r"\s*\d{1,4}\s*", b[1][0])]
    blocks = [b for b in blocks if b not in pages]  # page numbers: the layout's, not words
    paras = [b[1][0].strip() for b in blocks if b[0] == "p" and b[1][0].strip()]
    short = paras and sum(len(p) < 80 for p in paras) >= 0.8 * len(paras)
    out: list[str] = []
    for what, lines in blocks:
        if what == "p":
            if lines[0].strip():
                out.append(lines[0].rstrip())
            elif not short:
                out.append("")
        else:
            out += ["", *lines, ""]
    text = "\n".join(out if short else [x for line in out for x in (line, "")]) + "\n"
    return text, [f"{len(pages)} page numbers (layout) left out"] if pages else []


def _table(table) -> list[str]:
    rows = [[" ".join(c.text.split()) for c in row.cells] for row in table.rows]
    if not rows:
        return []
    head = [c.lower() for c in rows[0]]
    who = next((i for i, c in enumerate(head) if c == "speaker"), None)
    says = next((i for i, c in enumerate(head) if c in _TEXT_COLUMNS), None)
    when = next((i for i, c in enumerate(head) if c in _TIME_COLUMNS), None)
    if who is None or says is None:
        return ["| " + " | ".join(r) + " |" for r in rows]
    lines = []
    for r in rows[1:]:
        if not r[says].strip():
            continue
        time = f" ({r[when]})" if when is not None and r[when].strip() else ""
        lines += [f"{r[who] or 'Unknown speaker'}{time}: {r[says]}", ""]
    return lines


def _pdf(raw: bytes) -> str:
    pypdf = _need("pypdf", "pypdf")
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise ReaderError(f"not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise ReaderError("this PDF has no text layer (a scan?): quote does not do OCR")
    return "\f".join(pages) + "\n"  # pages parted by form feeds: their running heads found
