"""The page's furniture (issue 12): captions, share bars, menus, teasers, author boxes —
what a web page frames around its words, the outlet's wherever it stands. Owned here for the
readers that meet it: Pandoc's fenced divs in Markdown (``fenced``, for ``units`` and ``qa``)
and the classes of an HTML page's elements (``furniture``, for ``webpage``, which writes the
furniture it finds as fenced divs).
"""

from __future__ import annotations

import re

# Pandoc's fenced divs, what a web page converted to Markdown keeps of its <div>s: "::: {.wp-caption
# …}" opens one, ":::" alone closes the innermost. A div whose class or id names the page's
# furniture (a caption, a share bar, a menu, an author box) is the outlet's, as <figure> is.
_FENCE_OPEN = re.compile(r"^:{3,}[ \t]*(?:\{(?P<attrs>[^}\n]*)\}?|(?P<name>[\w-]+))[ \t]*$")
_FENCE_CLOSE = re.compile(r"^:{3,}[ \t]*$")
_FURNITURE = frozenset(
    "caption figure figcaption share sharing social apss menu nav navbar breadcrumb author "
    "widget footer comment comments related banner newsletter encart callout infobox teaser "
    "teasers boxhead".split()
)  # words of a class or id ("wp-caption", "navbar-top", "apss-social-share", NDR's "teaser")


def furniture(attrs: str) -> bool:
    """Whether a class or an id names the page's furniture (its words: "wp-caption")."""
    return bool(set(re.split(r"[^a-z]+", attrs.lower())) & _FURNITURE)


def fence(line: str) -> bool:
    """Whether a line opens or closes a fenced div (markup: no words of the page)."""
    bare = line.strip()
    return bool(_FENCE_OPEN.match(bare) or _FENCE_CLOSE.match(bare))


def fenced(lines: list[str]) -> list[bool]:
    """Lines inside a Pandoc fenced div of the page's furniture (the fences included), and the
    fences of every other div (markup, no words)."""
    out: list[bool] = []
    stack: list[bool] = []  # whether each open div is furniture
    for line in lines:
        bare = line.strip()
        m = _FENCE_OPEN.match(bare)
        if m and not _FENCE_CLOSE.match(bare):
            stack.append(furniture(m.group("attrs") or m.group("name") or "") or any(stack))
            out.append(True)
        elif _FENCE_CLOSE.match(bare) and stack:
            stack.pop()
            out.append(True)
        else:
            out.append(any(stack))
    return out
