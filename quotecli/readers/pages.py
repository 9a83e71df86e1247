"""A transcript's text as lines, its page layout undone (issue 12): a court reporter's margin
numbers and page numbers, the running heads a PDF repeats atop every page, a converter's time
stamped on every line, and labels that HTML or a Q&A page runs together on one line put on
lines of their own. The turn reader (``turns``) reads what is left.
"""

from __future__ import annotations

import re
from collections import Counter

from quotecli.readers import sitting

_SHORTCODE = re.compile(r"^\{\{[<%][ \t]*\w+[ \t]*\"?|\"?[ \t]*[>%]\}\}[ \t]*$")
_MARGIN = re.compile(r"^[ \t]*\d{1,2}(?:[ \t]{2,}|[ \t]*$)")
_PAGE = re.compile(r"^[ \t]*\d{1,5}[ \t]*$")


def lines(body: str) -> list[str]:
    """The body's lines, with labels that HTML runs together put on lines of their own.

    Court-reporter layout (most lines open with a margin number 1–25, page numbers on lines
    of their own, double spacing) is undone: numbers and spacing are the layout, not words.
    """
    body = re.sub(r"(?<=\S)(<p[^>]*>[ \t]*<b>)", r"\n\1", body.replace("\r\n", "\n"))
    running = set(running_heads(body))
    lines = body.replace("\f", "\n").split("\n")
    if running:  # "Official - Subject to Final Review" atop every page: the layout's, not words
        lines = [line for line in lines if _MARGIN.sub("", line).strip() not in running]
    filled = [line for line in lines if line.strip()]
    if filled and sum(bool(_MARGIN.match(line)) for line in filled) >= 0.5 * len(filled):
        lines = [_MARGIN.sub("", line) for line in lines if line.strip() and not _PAGE.match(line)]
    lines = [_SHORTCODE.sub("", line) if line.startswith("{{") else line for line in lines]
    # one time stamped on every line ("0:00 Michael Kennedy  00:00", "0:00 Hello…"): a
    # converter's stamp, not the turns' times, so it is left out
    heads = Counter(m.group() for line in filled if (m := _STAMP_HEAD.match(line)))
    if heads and len(filled) >= 6:
        head, n = heads.most_common(1)[0]
        if n >= 0.9 * len(filled):
            lines = [line[len(head) :] if line.startswith(head) else line for line in lines]
    # "**Team : Who are you?** **Pamela :** I'm…": a question in bold and the answer's label
    lines = [p for line in lines for p in _two_bold(line)]
    # "… (Bruit.) M. le président. Je…": a record's label run on after a reaction (issue 12)
    return [part for line in lines for part in (sitting.run_on(line) if ") " in line else [line])]


_TWO_BOLD = re.compile(
    r"^(\*\*[^*\n]{1,300}\*\*)[ \t]+(\*\*[^*\n]{1,40}?[ \t\u00a0]*:[ \t]*\*\*.*)$"
)


def _two_bold(line: str) -> list[str]:
    m = _TWO_BOLD.match(line) if "** **" in line else None
    return [m.group(1), m.group(2)] if m else [line]


_STAMP_HEAD = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?[ \t]+")


def running_heads(body: str) -> list[str]:
    """The lines a paged text (pages parted by form feeds, as PDF text is) repeats at the top
    or the foot of most of its pages: running heads and feet ("Alderson Reporting Company")."""
    pages = body.split("\f")
    if len(pages) < 3:
        return []
    seen: Counter = Counter()
    for page in pages:
        filled = [x for line in page.split("\n") if (x := _MARGIN.sub("", line).strip())]
        edges = [x for x in (*filled[:2], *filled[-2:]) if not _PAGE.match(x)]
        seen.update(set(edges))
    return sorted(x for x, n in seen.items() if n >= max(3, len(pages) // 2))


def margins(body: str) -> bool:
    """Whether ``_lines`` undid a court-reporter layout (the import says so)."""
    filled = [line for line in body.split("\n") if line.strip()]
    return bool(filled) and sum(bool(_MARGIN.match(x)) for x in filled) >= 0.5 * len(filled)
