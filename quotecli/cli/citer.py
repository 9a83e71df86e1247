"""The citation function a command hands to the core: one style and locale for a whole run.

``find`` and ``check`` both cite what they return the same way: through ``quotecli.cite`` in
the style asked for (``--style``, else ``$QUOTE_STYLE``, else the default style) and the
reader's locale, cached in the user's cache folder. A bad style or locale is a
``CitationError`` (a usage error, exit 2) before any searching starts. One
``quotecli.cite.Renderer`` serves the whole run, so a batch renders each source and locator
once, whatever the quotations (issue 16).
"""

from __future__ import annotations

from dataclasses import replace

from quotecli import context as contextmod
from quotecli.results import Citation
from quotecli.transcript import Source

MEMO_SIZE = 4096
"""Citations a run keeps in memory (oldest dropped first)."""


def make(style: str | None, locale: str | None, ctx: contextmod.Environment):
    """``cite(source, paragraph, quote, time) -> Citation``: the citation of a match."""
    from quotecli.cite import Renderer, item

    renderer = Renderer(
        style=style, locale=locale, cache_dir=ctx.cache_dir,
        default_style=ctx.environ.get("QUOTE_STYLE") or None, default_locale=ctx.locale,
    )  # fmt: skip

    # The citation of each source and locator once per run, and for the formats that show the
    # quotation once per quotation too: a batch asks again for the same ones (issue 16). Keyed
    # by the source object itself (held, and compared by identity): sources are not changed.
    memo: dict[tuple, tuple[Source, Citation]] = {}

    def cite(source: Source, paragraph: int, quote: str, time: dict | None = None) -> Citation:
        # A timed transcript is cited at the quotation's start time (HH:MM:SS), not a paragraph.
        timestamp = time["start"].split(".")[0] if time else None
        key = (id(source), paragraph, timestamp, quote if renderer.quotes else None)
        hit = memo.get(key)
        if hit is not None and hit[0] is source:
            return hit[1]
        c = renderer.render(
            item.csl_item(source), paragraph=paragraph, quote=quote,
            paragraphs_numbered=source.numbered_paragraphs, timestamp=timestamp,
        )  # fmt: skip
        # The line to paste: a note style's footnote (it names the speaker and carries the
        # paragraph), else the entry or record; ``html`` follows it (the printers' italics).
        if c.note:
            c = replace(c, text=c.note, html=c.note_html or "")
        if len(memo) >= MEMO_SIZE:
            del memo[next(iter(memo))]
        memo[key] = (source, c)
        return c

    return cite
