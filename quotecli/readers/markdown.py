"""Markdown transcripts: front matter, then ``**Name:** words`` paragraphs (podcasts, blogs).

This module owns recognising the form (``sniff``) and hands the front matter to
``frontmatter``; the turns are read by the general turn reader (``turns``), which knows the
bold labels (``**Jerod Santo:**``, ``**Q:**``, ``**Name**:``, ``**Name** 0:00``) among its
shapes. There, an unlabelled paragraph continues the previous speaker; headings, rules and
show notes are the editor's; Markdown escapes are undone (``\\[04:10\\]`` → ``[04:10]``), so
inline timestamps and ``[laughter]`` become editor's notes: never part of a quotation.
"""

from __future__ import annotations

import re


def sniff(head: str) -> bool:
    """Two bold labels or more ("**Author**:" and other bylines are not labels), some of them
    again: three bold openings or more that are each used once ("**The Desktop:**", "**The
    Music:**") are run-in subheads of a Q&A page, not speakers, who speak more than once."""
    from quotecli.readers.frontmatter import header_block
    from quotecli.readers.labels import run_in_heads
    from quotecli.readers.labelwords import NOT_LABELS

    lines = head.split("\n")
    fields = header_block(lines)  # "**Auteur:** ⏎ X ⏎ **Cover:** …": the page's fields
    named = {
        i: m.group(1) for i, line in enumerate(lines)
        if (m := _BOLD.match(line)) and m.group(1).split()[0].lower() not in NOT_LABELS
        and i not in fields
    }  # fmt: skip
    return len(named) >= 2 and not run_in_heads(lines, named)


_BOLD = re.compile(r"^\*\*([^*\n]{1,60}?)(?::(?:&nbsp;|\u00a0| )?\*\*|\*\*:)")  # "**CHUCK:&nbsp;**"


def front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body) — metadata empty when the file has no front matter (``frontmatter``)."""
    from quotecli.readers import frontmatter

    return frontmatter.split(text)
