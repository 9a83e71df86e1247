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
    bold: list[int] = []  # the blocks of paragraphs set wholly in bold
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            runs = [r for r in para.runs if r.text.strip()]
            if runs and all(r.bold or (r.bold is None and _bold_style(para)) for r in runs):
                bold.append(len(blocks))
            blocks.append(("p", [para.text]))
        elif tag == "tbl":
            blocks.append(("table", _table(Table(child, document))))
    # questions set in bold, two or more (answers plain, unlabelled): the bold kept, as
    # Markdown's, for the Q&A reader; elsewhere bold is emphasis or headings, not marked
    asked = sum(blocks[i][1][0].rstrip().endswith("?") for i in bold) >= 2
    if asked:
        for i in bold:
            blocks[i] = ("p", [f"**{blocks[i][1][0].strip()}**"])
    pages = [b for b in blocks if b[0] == "p" and re.fullmatch(r"\s*\d{1,4}\s*", b[1][0])]
    blocks = [b for b in blocks if b not in pages]  # page numbers: the layout's, not words
    paras = [b[1][0].strip() for b in blocks if b[0] == "p" and b[1][0].strip()]
    # (a question in bold and its answer are two paragraphs, however short)
    short = not asked and paras and sum(len(p) < 80 for p in paras) >= 0.8 * len(paras)
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


def _bold_style(paragraph) -> bool:
    font = paragraph.style.font if paragraph.style is not None else None
    return bool(font is not None and font.bold)


def _table(table) -> list[str]:
    rows = [[" ".join(c.text.split()) for c in row.cells] for row in table.rows]
    if not rows:
        return []
    from quotecli.readers.table import columns

    found = columns(rows[0])
    if found is None:
        return ["| " + " | ".join(r) + " |" for r in rows]
    who, says, when = found["who"], found["words"], found.get("start")
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
        pages = [_page(page) for page in reader.pages]
        if _glued(p for p, _ in pages):
            spaced = [_spaced(page) for page in reader.pages]
            if _words(spaced) >= 1.3 * _words(p for p, _ in pages):
                pages = [(text, [False] * len(text)) for text in spaced]
        elif (bare := _bare_numbers(p for p, _ in pages)) >= 20:
            spaced = [_spaced(page, numbered=True) for page in reader.pages]
            if _bare_numbers(spaced) * 4 < bare:
                pages = [(text, [False] * len(text)) for text in spaced]
    except Exception as exc:
        raise ReaderError(f"not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p, _ in pages):
        raise ReaderError("this PDF has no text layer (a scan?): quote does not do OCR")
    marked = [_marked(p, marks) for p, marks in pages]
    # questions set in bold, two or more (answers plain, unlabelled): the bold kept, as
    # Markdown's, for the Q&A reader; elsewhere (labels in bold, headings) it is not marked
    if len(re.findall(r"\?\*\*$", "\n".join(marked), re.M)) < 2:
        marked = [p for p, _ in pages]
    return "\f".join(marked) + "\n"  # pages parted by form feeds: their running heads found


def _page(page) -> tuple[str, list[bool]]:
    """A page's text and, for each of its characters, whether its font is bold (the text the
    visitor is handed is the text ``extract_text`` returns, piece by piece)."""
    marks: list[bool] = []

    def visit(text, _cm, _tm, font, _size):
        name = str((font or {}).get("/BaseFont", "")) if hasattr(font, "get") else ""
        marks.extend([bool(_BOLD_FONT.search(name))] * len(text))

    text = page.extract_text(visitor_text=visit) or ""
    marks = marks if len(marks) == len(text) else [False] * len(text)
    # zero-width spaces a text layer sets round every space ("Hi\u200b \u200bAgnes"): no
    # glyph, no word; they would hide a label's colon and split a phrase from its words
    kept = [i for i, c in enumerate(text) if c not in _ZERO_WIDTH]
    return "".join(text[i] for i in kept), [marks[i] for i in kept]


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def _glued(texts) -> bool:
    """Words run together ("isanOrdinanceof theCity"): a text layer that places each word
    without a space, which pypdf's plain extraction then joins (py-pdf/pypdf#1328). Seen
    by the length of its "words": 4–6 letters in prose, in German too, over 6.5 glued."""
    found = [w for t in texts for w in t.split()]
    return len(found) >= 50 and sum(map(len, found)) > 6.5 * len(found)


def _bare_numbers(texts) -> int:
    """Lines holding a line number alone ("14"): a court reporter's numbered page whose plain
    extraction has parted the numbers from their lines, and the lines out of order ("A Oh,
    okay." before "11", "fact?" after the next question), which the page laid out keeps."""
    return sum(1 for t in texts for line in t.split("\n") if _BARE.match(line))


_BARE = re.compile(r"^[ \t]*\d{1,2}[ \t]*$")


def _spaced(page, numbered: bool = False) -> str:
    """The page as pypdf lays it out (words apart by where they stand on the page), its runs
    of spaces, there for the layout, made one space and its margins taken off; ``numbered``:
    a line number that opens a line keeps two spaces after it, the margin the turn reader
    undoes (``pages._MARGIN``)."""
    text = page.extract_text(extraction_mode="layout") or ""
    out = []
    for line in text.split("\n"):
        number = _NUMBERED.match(line) if numbered else None
        rest = line[number.end() :] if number else line
        squeezed = re.sub(r"[ \t]{2,}", " ", rest).strip()
        out.append(f"{number.group(1)}  {squeezed}" if number else squeezed)
    return "\n".join(out)


_NUMBERED = re.compile(r"^[ \t]*(\d{1,2})(?:[ \t]+|$)")


_BOLD_FONT = re.compile(r"Bold|Black|Heavy|Semibold|Demi", re.I)


def _lines(text: str, marks: list[bool]) -> list[tuple[str, bool]]:
    """A page's lines, each bold or not: bold when every letter of it is set in bold (a time
    code before the words, "01:00:55 Catherine could you…", set in plain type, is the line's
    own and split off it, in plain)."""
    out, at = [], 0
    for line in text.split("\n"):
        here = marks[at : at + len(line)]
        at += len(line) + 1
        flags = [m for c, m in zip(line, here, strict=False) if c.isalpha()]
        bold = bool(flags) and all(flags)
        stamp = _STAMP.match(line) if bold else None
        if stamp and not any(here[: stamp.end()]):
            out += [(stamp.group().strip(), False), (line[stamp.end() :], True)]
        else:
            out.append((line, bold))
    return out


_STAMP = re.compile(r"^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+")


def _marked(text: str, marks: list[bool]) -> str:
    """A page's text with each run of bold lines as one Markdown bold paragraph ("**What was
    it like …\n… the WRNS?**"): questions set in bold, as oral histories and Q&A PDFs print
    them, read as such (bold is the only mark of who speaks there)."""
    out: list[str] = []
    run: list[str] = []
    for line, bold in [*_lines(text, marks), ("", False)]:
        if bold:
            run.append(line.strip())
            continue
        if run:
            out += ["", "**" + "\n".join(run) + "**", ""]
            run = []
        out.append(line)
    return "\n".join(out[:-1])
