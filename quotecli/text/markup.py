"""Markdown inline markup taken off, so what remains is the words (issue 14, item 5).

A Markdown transcript's paragraph is typeset speech: ``*really*``, ``**never**``, ``_so_``,
``[Plan 9](https://9p.io/plan9/)``, ``![photo](p.jpg)``, `` `go fmt` ``, a hard line break
(two trailing spaces, or a backslash, before a newline). None of that was said, and none of it
may reach a quotation. The readers (``readers.markdown``, ``readers.qa``) call ``spoken`` when
they build the transcript, so the stored transcript *is* the words and every offset into it
stays exact (the verbatim promise holds on the text that is stored, not on the raw file).

Rules, after CommonMark but deliberately small:

- a backslash escape (``\\*``, ``\\[``, ``\\_``) is the character itself, never markup: an
  escaped ``\\[04:10\\]`` stays ``[04:10]`` (an editor's note), ``a\\*\\*\\*e`` stays ``a***e``;
- an image is dropped (its alt text describes a picture; nobody said it); a link keeps its
  text (``[Plan 9](url)`` → ``Plan 9``, also ``[text][ref]`` and ``<https://…>`` → the URL);
  a bracket not followed by ``(`` or ``[`` is not a link (``[laughter]`` stays an editor's note);
- emphasis keeps its words: ``*x*``, ``**x**``, ``***x***``, ``_x_``, ``__x__``, ``~~x~~``; an
  underscore inside a word (``snake_case``) and a lone ``*`` or ``_`` with spaces around it
  (``2 * 3``) are text;
- a code span keeps its content as written (`` `go fmt` `` → ``go fmt``);
- a list's markers (``- ``, ``* ``, ``+ ``, ``1. ``, ``2) `` opening a line) are layout: a
  paragraph that opens with one, or has two lines or more that do, keeps the items' words
  only (an answer that lists things); a lone ``- `` on a wrapped line of prose is text;
- Pandoc's spans with attributes keep their words (``[x]{.s1}`` → ``x``), attribute blocks
  and superscript carets go (``{#id .p1}``, ``4^e^`` → ``4e``);
- a line break inside a paragraph is a space: a soft break is one in Markdown already, and a
  hard break (two trailing spaces, or a backslash, before the newline) is typesetting, not
  speech; a paragraph is one stretch of speech and its quotations paste as one line.

It must not: change any character that is not markup, or touch label syntax (the readers take
``**Name:**`` off before calling ``spoken``).
"""

from __future__ import annotations

import re

# Escaped characters and code spans' content are parked in the Private Use Area while the
# markup is taken off, so an escaped '*' can never close an emphasis; they come back as
# themselves at the end.
_PARK = 0xF0000
_CODE = re.compile(r"(?<!\\)(`+)(?!`)(?P<x>.+?)(?<!`)\1(?!`)", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_PARKED = re.compile(f"[{chr(_PARK)}-{chr(_PARK + 0x7F)}]")
_BREAK = re.compile(r"(?:[ \t]*\\|[ \t]*)\n[ \t]*")
_IMAGE = re.compile(r"[ \t]?!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[(?P<x>[^\]\n]+)\](?:\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?P<x>(?:https?|mailto|ftp):[^\s<>]+)>")
# Emphasis: the opening run is followed by a non-space, the closing run preceded by one; an
# underscore run must not touch a letter on its outer side (snake_case is text).
_STAR = re.compile(r"(?<![*\w])(\*{1,3})(?=\S)(?P<x>[^*]*?[^\s*])\1(?!\*)")
_UNDER = re.compile(r"(?<![_\w])(_{1,3})(?=\S)(?P<x>[^_]*?[^\s_])\1(?![_\w])")
_STRIKE = re.compile(r"(?<!~)~~(?=\S)(?P<x>[^~]*?\S)~~(?!~)")
_MARKS = frozenset("\\`*_[<~{^")
# Pandoc's Markdown, what a web page converted by pandoc keeps of its HTML: a span with
# attributes ("[Jeuxvideo.com]{.s2}", "[**Quel …?**]{.s1 style=\"color:#800000;\"}") keeps its
# words; an attribute block on its own ("{#quel-est .p1}" after a heading, "{.wp-image-14743
# width=\"1280\"}" after an image, over several lines) and a superscript's carets ("4^e^") go
_SPAN = re.compile(r"\[(?P<x>[^\[\]\n]*)\]\{(?:[#.]|[\w-]+=)[^{}]*\}")
_ATTRS = re.compile(r"[ \t]*\{(?:[#.][\w-]|[\w-]+=)[^{}]*\}")
_SUPER = re.compile(r"\^(?P<x>[^\s^]{1,12})\^")
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+(?=\S)", re.M)


def _park_all(content: str) -> str:
    return "".join(chr(_PARK + ord(c)) if ord(c) < 0x80 else c for c in content)


def _words(m: re.Match) -> str:
    return m.group("x")


def listed(text: str) -> bool:
    """Whether ``text`` is, or holds, a Markdown list (its markers are layout)."""
    return bool(_BULLET.match(text)) or len(_BULLET.findall(text)) >= 2


# a reStructuredText directive or comment (".. rst-class:: indented", ".. raw:: html", ".. _x:"),
# and the indented block that is its content: layout, no words of the page
_DIRECTIVE = re.compile(r"^\.\.[ \t]+(?:[\w:-]+::|_[^:\n]+:|\|[^|\n]+\|[ \t]+[\w:-]+::)")


def directives(lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` with reStructuredText's directives and their indented content blanked (lines
    are kept, blank, so the paragraphs stay apart), and the warning that says so, if any."""
    if not any(x.startswith("..") for x in lines):
        return lines, []
    out, n, inside = [], 0, False
    for line in lines:
        if _DIRECTIVE.match(line):
            out.append("")
            n, inside = n + 1, True
        elif inside and (not line.strip() or line[:1] in " \t"):
            out.append("")  # the directive's options and content, indented
        else:
            out.append(line)
            inside = False
    return out, [f"{n} reStructuredText directives (layout) left out"] if n else []


_SETEXT = re.compile(r"\S[^\n]*\n(?:={3,}|-{3,})[ \t]*$")


def heading(text: str) -> bool:
    """Whether the paragraph ``text`` is a Markdown heading: "## Title", or a title underlined
    ("Title" ⏎ "=====", setext)."""
    text = text.strip()
    return text.startswith("#") or bool(_SETEXT.search(text))


def spoken(text: str) -> str:
    """``text`` with Markdown inline markup taken off: the words, as written."""
    if not _MARKS.intersection(text) and "\n" not in text and not _BULLET.match(text):
        return text
    if listed(text):
        text = _BULLET.sub("", text)
    text = _CODE.sub(lambda m: _park_all(m.group("x")), text)
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    text = _BREAK.sub(" ", text)
    if "{" in text:
        previous = None
        while previous != text:  # "[[Jeuxvideo.com]{.s2}](url)": the span, then the link
            previous, text = text, _SPAN.sub(_words, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_words, text)
    if "{" in text:
        text = _ATTRS.sub("", text)
    if "^" in text:
        text = _SUPER.sub(_words, text)
    text = _AUTOLINK.sub(_words, text)
    for pattern in (_STAR, _UNDER, _STRIKE):
        previous = None
        while previous != text:  # nested emphasis (*a **b** c*) comes off one layer a pass
            previous, text = text, pattern.sub(_words, text)
    return _PARKED.sub(lambda m: chr(ord(m.group()) - _PARK), text)
