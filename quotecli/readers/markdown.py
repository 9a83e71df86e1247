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
    """Two bold labels or more ("**Author**:" and other bylines are not labels)."""
    from quotecli.readers.labels import NOT_LABELS

    found = re.findall(r"^\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)", head, re.M)
    return len([f for f in found if f.split()[0].lower() not in NOT_LABELS]) >= 2


def front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body) — metadata empty when the file has no front matter (``frontmatter``)."""
    from quotecli.readers import frontmatter

    return frontmatter.split(text)
