"""Markdown transcripts: front matter, then ``**Name:** words`` paragraphs (podcasts, blogs).

- Front matter between ``---`` lines (flat ``key: value``, YAML-like) or ``+++`` lines (TOML):
  ``title``, ``date``, ``outlet`` (or ``show``, ``podcast``, ``publisher``), ``url``,
  ``interviewer`` (or ``host``), ``language`` (or ``lang``).
- A paragraph opening with a bold label (``**Jerod Santo:**``, ``**Q:**`` or ``**Name**:``)
  opens a turn; an unlabelled paragraph continues the previous speaker. A ``# heading`` before
  the first turn is the title when the front matter has none; later headings are skipped.
- Inline markup is taken off (``text.markup.spoken``: emphasis, links, images, code spans,
  hard line breaks), so the stored transcript is the spoken words and a quotation never carries
  a ``*`` or a URL; escapes are undone (``\\[04:10\\]`` → ``[04:10]``), so inline timestamps and
  ``[laughter]`` become editor's notes in the transcript: never part of a quotation.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft, ReaderError
from quotecli.text.markup import spoken

_LABEL = re.compile(r"^\*\*(?P<name>[^*\n]{1,60}?)\s*(?::\*\*|\*\*\s*:)\s*(?P<rest>.*)", re.S)
_BREAKS = frozenset(("break", "ad", "sponsor", "advertisement", "music", "intro", "outro"))
_ALIASES = {
    "show": "outlet", "podcast": "outlet", "publisher": "outlet", "publication": "outlet",
    "host": "interviewer", "lang": "language", "link": "url", "published": "date",
}  # fmt: skip


def sniff(head: str) -> bool:
    """Does this text look like a Markdown transcript?"""
    return bool(re.search(r"^\*\*[^*\n]{1,60}?(?::\*\*|\*\*:)", head, re.M))


def front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body) — metadata empty when the file has no front matter."""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            close = text.find("\n" + fence + "\n", len(fence))
            if close < 0:
                raise ReaderError(f"front matter opened by {fence!r} is not closed")
            block, body = text[len(fence) + 1 : close], text[close + len(fence) + 2 :]
            return _flat(block, "=" if fence == "+++" else ":"), body
    return {}, text


def _flat(block: str, sep: str) -> dict:
    meta = {}
    for line in block.split("\n"):
        key, found, value = line.partition(sep)
        if not found or line.startswith((" ", "\t", "#", "-")):
            continue
        key = key.strip().lower()
        value = value.strip().strip("'\"").strip()
        if value:
            meta[_ALIASES.get(key, key)] = value
    return meta


def read(raw: str) -> Draft:
    """Read a Markdown transcript into a draft."""
    meta, body = front_matter(raw.replace("\r\n", "\n").lstrip("\ufeff"))
    draft = Draft()
    for key in ("outlet", "date", "title", "url", "interviewer", "language", "credit"):
        if meta.get(key):
            draft.meta[key] = str(meta[key])
    if draft.meta.get("date"):
        draft.meta["date"] = draft.meta["date"][:10]
    current = None
    for para in re.split(r"\n[ \t]*\n", body):
        para = para.strip()
        if not para:
            continue
        if para.startswith("#"):
            if current is None and "title" not in draft.meta:
                draft.meta["title"] = spoken(para.lstrip("#").strip())
            continue
        m = _LABEL.match(para)
        if m:
            name = spoken(m.group("name")).strip()
            role = "editor" if name.lower() in _BREAKS else "speaker"
            current = draft.speaker(name, name, role=role)
            draft.add(current, spoken(m.group("rest")), new=True)
        elif current is not None:
            draft.add(current, spoken(para))
    if not draft.turns:
        raise ReaderError("no speakers found (no '**Name:**' labels)")
    return draft
