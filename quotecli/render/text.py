"""Text printer: the quotation as a person reads it, with who said it and a citation to paste.

Layout (one block per match)::

    «␯Mistral devient une vraie alternative à OpenAI…␯»
      — Marina Ferrari, secrétaire d'État chargée du Numérique (interviewee)
      La Tribune, February 2024 · paragraph 3 · characters 1502–1790
      Cite: Marina Ferrari, interview by Sylvain Rolland, La Tribune, February 2024

Warnings that protect attribution (the interviewer's words, an editor's note) are part of the
block, not a footnote. Colour only where the caller says so; transcript text goes through
``safe`` first. A style nested in another (the outlet in italics inside the dim line) closes
back into the outer one, never into plain text. The citation's italics are the style's own
(its HTML ``<i>``: a title, a journal), never a guess from the outlet's name.
"""

from __future__ import annotations

import re

from quotecli.records import NamedTuple
from quotecli.render import quoted, safe
from quotecli.results import Closest, Match, QueryResult
from quotecli.text import dates
from quotecli.text.lang import primary

_RESET = "\x1b[0m"
_ITALIC_HTML = re.compile(r"<(i|em)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


class Style(NamedTuple):
    """ANSI styling, or none."""

    color: bool = False

    def _wrap(self, code: str, text: str) -> str:
        if not (self.color and text):
            return text
        # a nested style's reset re-opens this one: the dim line stays dim after the italics
        inner = text.replace(_RESET, f"{_RESET}\x1b[{code}m")
        return f"\x1b[{code}m{inner}{_RESET}"

    def hit(self, text: str) -> str:
        return self._wrap("1;33", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def warn(self, text: str) -> str:
        return self._wrap("1;31", text)

    def italic(self, text: str) -> str:
        return self._wrap("3", text)

    def bold(self, text: str) -> str:
        return self._wrap("1", text)


def _interviewees(m: Match) -> str:
    return ", ".join(safe(s.name) for s in m.source.interviewees) or "the interviewee"


def render_match(m: Match, style: Style, locale: str) -> list[str]:
    text = m.source.text
    before = safe(text[m.start : m.match_start]) if m.match_start >= m.start else ""
    hit = safe(text[max(m.start, m.match_start) : min(m.end, m.match_end)])
    after = safe(text[m.match_end : m.end]) if m.match_end <= m.end else ""
    body = before + style.hit(hit) + after if m.start <= m.match_start < m.end else safe(m.quote)
    lines = [quoted(body, m.source.language)]
    sp = m.speaker
    who = sp.name + (f", {sp.title}" if sp.title else "")
    lines.append(f"  — {safe(who)} ({sp.role})")
    if sp.role == "interviewer":
        by = f"; {safe(m.source.interviewer)}" if m.source.interviewer else ""
        lines.append(
            style.warn(f"  ! These are the interviewer's words ({safe(sp.name)}{by}), ")
            + style.warn(f"not {_interviewees(m)}'s.")
        )
    elif sp.role == "editor":
        lines.append(
            style.warn(
                f"  ! This is an editor's note: the outlet's words, not {_interviewees(m)}'s."
            )
        )
    elif m.editorial:
        notes = " ".join(safe(n) for n in m.notes)
        lines.append(
            style.warn(f"  ! Contains an editor's note, not {safe(sp.name)}'s words: {notes}")
        )
    lang = primary(locale)
    where = [style.italic(safe(m.source.outlet)) + ", " + dates.human(m.source.date, lang)]
    if m.time:
        end = m.time.get("end")  # a labelled turn has a start only ("Emma  3:10")
        where.append(f"{m.time['start']}–{end}" if end else str(m.time["start"]))
    else:
        where.append(f"paragraph {m.paragraph}")
    where.append("exact" if m.exact else f"score {m.score:g} (words differ from the phrase)")
    if m.misread:
        read = ", ".join(f"“{safe(a)}” as “{safe(b)}”" for a, b in m.misread)
        where.append(f"read through misprints: {read}")
    where.append(f"characters {m.start}–{m.end}")
    lines.append(style.dim("  " + " · ".join(where)))
    if m.context:
        lines.append(style.dim("  Asked: ") + safe(m.context))
    lines.append("  Cite: " + cite_line(m.citation.text, m.citation.html, style))
    return lines


def _diff_line(c: Closest, style: Style) -> str:
    """The diff of a closest passage on one line: the source's words, the phrase's beside."""
    parts = []
    for d in c.diff:
        src, typed = safe(d.source or ""), safe(d.draft or "")
        if d.op in ("same", "spelling"):
            parts.append(src)
        elif d.op == "changed":
            parts.append(style.warn(f"[-{src}-]{{+{typed}+}}"))
        elif d.op == "added" or (d.op == "moved" and d.draft):
            parts.append(style.warn(f"{{+{typed}+}}"))
        else:
            parts.append(style.dim(f"[-{src}-]"))
    return " ".join(parts)


def cite_line(text: str, html: str, style: Style) -> str:
    """The citation to read, in italics where the style's own HTML has ``<i>`` or ``<em>``.

    Only when the HTML says the same words as ``text`` (a record format's HTML is its
    source code, a bibliography entry's is not the note's): else the text is left plain.
    """
    plain = safe(text)
    if not style.color or not html or "<" not in html:
        return plain
    from html import unescape  # only with colour: a plain search loads no html module

    pieces, at = [], 0
    for m in _ITALIC_HTML.finditer(html):
        pieces.append((unescape(_TAG.sub("", html[at : m.start()])), False))
        pieces.append((unescape(_TAG.sub("", m.group(2))), True))
        at = m.end()
    pieces.append((unescape(_TAG.sub("", html[at:])), False))
    if "".join(p for p, _ in pieces) != text:
        return plain
    return "".join(style.italic(safe(p)) if italic else safe(p) for p, italic in pieces)


def render(result: QueryResult, style: Style, locale: str = "en-US") -> str:
    """The whole text block for one query (no trailing newline)."""
    if not result.found:
        out = [f"No match for {quoted(safe(result.query), 'en')}: it is not in the transcripts."]
        c = result.closest
        if c is not None:
            out.append(style.dim(f"Closest passage, not a quotation — {c.reason}:"))
            out.append(style.dim(f"  {safe(c.text)}"))
            out.append(style.dim(f"  ({safe(c.speaker.name)}, {safe(c.source.outlet)})"))
            if c.diff:
                out.append("  Differences ([-source-] {+your phrase+}): " + _diff_line(c, style))
            line = "  This passage is not a quotation of your words"
            if c.critical:
                line += f"; these changes alter what is said: {', '.join(c.critical)}."
            else:
                line += "."
            out.append(style.warn(line) if c.critical else line)
        return "\n".join(out)
    out = []
    if result.ambiguous:
        out.append(
            style.warn(
                f"Ambiguous: {len(result.matches)} passages match about equally well; "
                "check which one you mean."
            )
        )
    for k, m in enumerate(result.matches):
        if k:
            out.append("")
        if len(result.matches) > 1:
            out.append(style.bold(f"[{k + 1}]"))
        out.extend(render_match(m, style, locale))
    return "\n".join(out)
