"""A transcript's text as lines, its page layout undone (issue 12): a court reporter's margin
numbers and page numbers, the running heads a PDF repeats atop every page, a converter's time
stamped on every line, and labels that HTML or a Q&A page runs together on one line put on
lines of their own. The turn reader (``turns``) reads what is left.
"""

from __future__ import annotations

import re
from collections import Counter

from quotecli.readers import sitting
from quotecli.readers.labels import STRONG, find
from quotecli.text.decode import newlines

_SHORTCODE = re.compile(r"^\{\{[<%][ \t]*\w+[ \t]*\"?|\"?[ \t]*[>%]\}\}[ \t]*$")
_ATTRIBUTE = re.compile(r'^\{\{[<%][ \t]*\w+[ \t]+\w+="')  # '{{< figure src="…"'
# a court reporter's margin: the line's number, after the time a realtime transcript prints
# before it ("03:44:55   18   Q.   And did you…")
_MARGIN = re.compile(r"^[ \t]*(?:\d{1,2}:\d{2}:\d{2}[ \t]+)?\d{1,2}(?:[ \t]{2,}|[ \t]*$)")
_PAGE = re.compile(r"^[ \t]*\d{1,5}[ \t]*$")
_PAGE_OF = re.compile(
    r"\b(?:Page|Seite|Página|Pagina) \d{1,5} (?:of|von|de|di|sur) \d{1,5}\b", re.I
)


def lines(body: str) -> list[str]:
    """The body's lines, with labels that HTML runs together put on lines of their own.

    Court-reporter layout (most lines open with a margin number 1–25, page numbers on lines
    of their own, double spacing) is undone: numbers and spacing are the layout, not words.
    """
    return split(body)[0]


def split(body: str) -> tuple[list[str], list[str]]:
    """The body's ``lines`` and what they leave out, said once each for the import's warnings
    (``left_out``): the pages are parted, their heads and footnotes found, once; a
    reStructuredText page's directives (".. rst-class:: indented") are layout too."""
    from quotecli.text.markup import directives

    body = re.sub(r"(?<=\S)(<p[^>]*>[ \t]*<b>)", r"\n\1", newlines(body))
    heads, notes = running_heads(body), footnotes(body)
    lines, dropped = _lines(body, set(heads) | set(notes))
    lines, rst = directives(lines)
    return lines, _left_out(body, heads, notes) + dropped + rst


def _lines(body: str, running: set[str]) -> tuple[list[str], list[str]]:
    """The body's lines, layout undone, and what was dropped that only this pass sees."""
    dropped: list[str] = []
    pages = [page.split("\n") for page in body.split("\f")]
    if running:  # "Official - Subject to Final Review" atop every page: the layout's, not words
        pages = [[x for x in page if _MARGIN.sub("", x).strip() not in running] for page in pages]
    lines: list[str] = []
    for page in pages:
        start = next((i for i, x in enumerate(page) if x.strip()), len(page))
        if lines and start < len(page) and _MARGIN.sub("", page[start]).lstrip()[:1].islower():
            # a page that opens mid-sentence ("repealer provision, …") goes on with the words
            # its foot cut (the foot left out above): no paragraph between them
            while lines and not lines[-1].strip():
                lines.pop()
            page = page[start:]
        lines += page
    filled = [line for line in lines if line.strip()]
    if filled and sum(bool(_MARGIN.match(line)) for line in filled) >= 0.5 * len(filled):
        lines = [_MARGIN.sub("", line) for line in lines if line.strip() and not _PAGE.match(line)]
    # '{{< transcript "MARK: Hi…" >}}' holds words; '{{< figure src="…" title="…" >}}' holds
    # attributes, left whole for the units to show its caption or leave it out as layout
    lines = [
        _SHORTCODE.sub("", line) if line.startswith("{{") and not _ATTRIBUTE.search(line) else line
        for line in lines
    ]
    if len(numbered := _unnumbered(lines)) < len(lines):
        lines = numbered
        dropped.append("runs of line numbers printed apart from the text (layout) left out")
    # one time stamped on every line ("0:00 Michael Kennedy  00:00", "0:00 Hello…"): a
    # converter's stamp, not the turns' times, so it is left out
    heads = Counter(m.group() for line in filled if (m := _STAMP_HEAD.match(line)))
    if heads and len(filled) >= 6:
        head, n = heads.most_common(1)[0]
        if n >= 0.9 * len(filled):
            lines = [line[len(head) :] if line.startswith(head) else line for line in lines]
    # a court reporter's clock at the end of most lines ("…the noticing attorney.    01:16"):
    # when the words were said, printed on every line, not words (blind files33's deposition)
    # (an Otter label's time, "Chris Bache  10:14", is the turn's: a line of words follows it,
    # where a clock's lines follow each other)
    stamped = [bool(_STAMP_TAIL.search(line)) for line in filled]
    tails, followed = sum(stamped), sum(a and b for a, b in zip(stamped, stamped[1:], strict=False))
    if len(filled) >= 6 and tails >= 0.5 * len(filled) and followed >= 0.5 * tails:
        lines = [_STAMP_TAIL.sub("", line) for line in lines]
        dropped.append(f"the clock time printed at the end of {tails} lines (layout) left out")
    # Factba.se's voice-stress line under each label ("No StressLens", "No Signal (0.531)",
    # or a level: "Weak (1.265)", "Strong (2.572)"): the exporter's measure, nobody's words
    measured = [_measure(x, before) for before, x in zip(["", *filled], filled, strict=False)]
    if sum(measured[:60]) >= 3:
        kept = [line for line in lines if not _METRIC.match(line) and not _LEVEL.match(line)]
        dropped.append(f"{len(lines) - len(kept)} voice-stress lines of the exporter left out")
        lines = kept
    # "**Team : Who are you?** **Pamela :** I'm…": a question in bold and the answer's label
    lines = [p for line in lines for p in _two_bold(line)]
    # a Markdown heading is a paragraph of its own, even run into a turn's lines ("FF: …" ⏎
    # "#### Entrevista Indira Gutiérrez, …" ⏎ "IG: …"): never a speaker's words
    if any(_ATX.match(line) for line in lines):
        lines = [p for line in lines for p in (["", line, ""] if _ATX.match(line) else [line])]
    # "… (Bruit.) M. le président. Je…": a record's label run on after a reaction (issue 12)
    runs = [part for line in lines for part in (sitting.run_on(line) if ") " in line else [line])]
    return runs, dropped


def _measure(line: str, before: str) -> bool:
    """A voice-stress line: the exporter's sign, or a level under a Factba.se label."""
    return bool(_METRIC.match(line) or (_LEVEL.match(line) and _FACTBASE.match(before)))


def _unnumbered(lines: list[str]) -> list[str]:
    """Without the runs of line numbers a PDF export prints apart from the text, a number a
    line ("1", "2", … "122" after a page's words): five in sequence or more."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, "\x00"]:
        x = line.strip()
        if x.isdigit() and (not run or int(x) == int(run[-1].strip()) + 1):
            run.append(line)
            continue
        out += [] if len(run) >= 5 else run
        run = [line] if x.isdigit() else []
        if not run:
            out.append(line)
    return out[:-1] if out and out[-1] == "\x00" else out


_TWO_BOLD = re.compile(
    r"^(\*\*[^*\n]{1,300}\*\*)[ \t]+(\*\*[^*\n]{1,40}?[ \t\u00a0]*:[ \t]*\*\*.*)$"
)


def _two_bold(line: str) -> list[str]:
    m = _TWO_BOLD.match(line) if "** **" in line else None
    return [m.group(1), m.group(2)] if m else [line]


_ATX = re.compile(r"^#{1,6}[ \t]+\S")
_STAMP_HEAD = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?[ \t]+")
_STAMP_TAIL = re.compile(r"(?:(?<=\S)[ \t]{2,}|^[ \t]*)\d{1,2}:\d{2}(?::\d{2})?[ \t]*$")
_METRIC = re.compile(r"^(?:No[ \t]+)?(?:StressLens|Signal)(?:[ \t]+\(?-?[\d.]+\)?)?[ \t]*$")
_FACTBASE = dict(STRONG)["factbase"]
_LEVEL = re.compile(r"^[A-Z][a-z]+(?:[ \t][A-Za-z][a-z]+)?[ \t]+\(\d+\.\d+\)[ \t]*$")


# a footnote's call glued after punctuation, as PDF text keeps a superscript ("SENYUZ.1 Thank
# you", "the memo,2 which"), and the note it calls, a line of its own opening with its number
_CALL = re.compile(r"(?<=[.,;:)\"”’])(\d{1,2})(?=[ \t])")
_NOTE_LINE = re.compile(r"^[ \t]*(\d{1,2})[ \t]+[A-Z][^\n]*$", re.M)


def footnotes(body: str) -> list[str]:
    """The footnotes of a PDF's text: on each page, the last line that opens with the number
    of a call on that page ("1 The materials used by Ms. Senyuz…" after "MS. SENYUZ.1")."""
    out: list[str] = []
    paged = _pages(body) if _CALL.search(body) else []
    for page in paged if len(paged) >= 2 else []:  # a text with no pages has no page feet
        calls = set(_CALL.findall(page))
        last = {m.group(1): m.group().strip() for m in _NOTE_LINE.finditer(page)}
        out += [line for number, line in last.items() if number in calls]
    return out


def _pages(body: str) -> list[str]:
    """A paged text's pages: parted by a converter's page marks, else by form feeds."""
    return PAGE_MARK.split(body) if PAGE_MARK.search(body) else body.split("\f")


# "--- Page 6 ---": a converter's mark of where a PDF's page begins
PAGE_MARK = re.compile(r"^[ \t]*-{2,}[ \t]*Page[ \t]+\d+[ \t]*-{2,}[ \t]*$", re.I | re.M)
_DIGITS = re.compile(r"\d+")
_PAGE_OF_CUT = re.compile(r"\b(?:Page|Seite|Página|Pagina) \d{1,5} (?:of|von|de|di|sur)$", re.I)


def running_heads(body: str) -> list[str]:
    """The lines a paged text (pages parted by form feeds, as PDF text is, or by a converter's
    "--- Page 6 ---") repeats at the top or the foot of most of its pages, its page number
    aside: running heads and feet ("Alderson Reporting Company", "March 19-20, 2019 6 of 232"),
    and the page marks themselves."""
    pages = _pages(body)
    if len(pages) < 3:
        # no page breaks kept (a PDF saved as text): a filing's head that says which page it
        # is, three times or more ("Case 2:19-cv-00123 Document 331 … Page 103 of 174 …")
        # (its count cut off onto the next line, "… Page 17 of" ⏎ "18", is the same head)
        rows = [line.strip() for line in body.split("\n")]
        keyed: dict[int, str] = {}
        cut: dict[int, int] = {}
        for i, x in enumerate(rows):
            if _PAGE_OF.search(x):
                keyed[i] = _DIGITS.sub("#", x)
            elif _PAGE_OF_CUT.search(x):
                j = next((k for k in range(i + 1, min(i + 3, len(rows))) if rows[k]), None)
                if j is not None and rows[j].isdigit():
                    keyed[i], cut[i] = _DIGITS.sub("#", f"{x} {rows[j]}"), j
        counted = Counter(keyed.values())
        found = {rows[i] for i, key in keyed.items() if counted[key] >= 3}
        return sorted(found | {rows[j] for i, j in cut.items() if counted[keyed[i]] >= 3})
    filled = [[x for line in page.split("\n") if (x := _MARGIN.sub("", line).strip())]
              for page in pages]  # fmt: skip
    heads: set[str] = set()
    for _ in range(4):  # a foot of five lines ("City Commission Meeting" ⏎ "[Date] 4" ⏎ the
        # date ⏎ the item, two lines): three lines from each edge, then three more past the
        # heads found, until no more are found
        seen: Counter = Counter()
        forms: dict[str, set[str]] = {}
        for lines in filled:
            inner = [x for x in lines if x not in heads and not _PAGE.match(x)]
            # a label alone ("Dan:") opens many a page of a transcript: a turn, never a head
            edges = [x for x in (*inner[:3], *inner[-3:]) if not (x.endswith(":") and find(x))]
            for x in set(edges):
                key = _DIGITS.sub("#", x)
                seen[key] += 1
                forms.setdefault(key, set()).add(x)
        found = {x for k, n in seen.items() if n >= max(3, len(pages) // 2) for x in forms[k]}
        if not found - heads:
            break
        heads |= found
    return sorted(heads | {m.group().strip() for m in PAGE_MARK.finditer(body)})


def margins(body: str) -> bool:
    """Whether ``_lines`` undid a court-reporter layout (the import says so)."""
    filled = [line for line in body.split("\n") if line.strip()]
    return bool(filled) and sum(bool(_MARGIN.match(x)) for x in filled) >= 0.5 * len(filled)


def _left_out(body: str, heads: list[str], notes: list[str]) -> list[str]:
    out = []
    if margins(body):
        out.append("margin line numbers and page numbers (layout) left out")
    if notes:
        out.append(f"{len(notes)} footnotes of the pages left out: {notes[0]!r}…")
    if heads:
        more = f" and {len(heads) - 4} more" if len(heads) > 4 else ""
        out.append(
            "running heads of the pages left out: " + ", ".join(repr(h) for h in heads[:4]) + more
        )
    return out
