"""Citation records in the formats people paste that are not CSL styles.

BibTeX/BibLaTeX and RIS (built in :mod:`quotecli.cite.records`), CSL-JSON, the Wikipedia
CS1 template of the source's type (``{{cite interview}}``, ``{{cite podcast}}``, ``{{cite AV
media}}``, ``{{cite speech}}``), a Markdown blockquote and an HTML blockquote. Each builder
takes the base CSL-JSON item (interviewee as author) and escapes what its own syntax needs:
braces and LaTeX specials in BibTeX, line breaks in RIS, pipes, equals signs and braces in
wiki templates, Markdown punctuation, HTML entities. The Markdown and HTML forms quote the
words in their own language and end with an attribution line that the caller renders
through a CSL note style.

Pure string building: no engine, no I/O.
"""

from __future__ import annotations

import html
import json
import re

from quotecli.cite.records import bibtex, latex_escape, ris
from quotecli.cite.shaping import date_parts
from quotecli.text.dates import MONTHS
from quotecli.text.names import display as display_name
from quotecli.text.names import sort_key as sort_name

__all__ = ["bibtex", "latex_escape", "ris"]  # the record formats live in quotecli.cite.records

_MONTHS = MONTHS["en"]


def csl_json(item: dict) -> str:
    """The CSL-JSON item, as a one-element array (what Zotero and pandoc import)."""
    return json.dumps([item], ensure_ascii=False, indent=2)


# Wikitext that would turn part of a quotation into markup: template braces, tags (<ref>),
# links, bold/italic quote runs and signatures.
_WIKI_ENTITIES = (
    ("{", "&#123;"),
    ("}", "&#125;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("[", "&#91;"),
    ("]", "&#93;"),
    ("''", "&#39;&#39;"),
    ("~~~", "&#126;&#126;&#126;"),
)


def wiki_escape(text: str, *, named: bool = True) -> str:
    """Make text safe as a template parameter value: ``|`` → ``{{!}}``, wiki markup characters
    as HTML entities, no line breaks. ``=`` only needs ``{{=}}`` in a positional
    parameter; in a named one (all of ours) everything after the first ``=`` is the value,
    and an escaped ``=`` would only clutter URLs and quotations."""
    text = " ".join(str(text).split())
    for raw, entity in _WIKI_ENTITIES:
        text = text.replace(raw, entity)
    text = text.replace("|", "{{!}}")
    return text if named else text.replace("=", "{{=}}")


def wiki_date(item: dict) -> str:
    """A CS1 date ("27 February 2024", "February 2024", "2024")."""
    parts = date_parts(item)
    if len(parts) >= 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0]) if parts else ""


_TEMPLATES = {
    "interview": "cite interview",
    "broadcast": "cite AV media",
    "speech": "cite speech",
    "hearing": "cite speech",
}


def wiki_template(item: dict) -> str:
    """The CS1 template for the item's type: ``{{cite podcast}}`` for a podcast episode,
    ``{{cite AV media}}`` for a broadcast, ``{{cite speech}}`` for a speech, a press
    conference, a debate or a hearing, ``{{cite interview}}`` otherwise."""
    if "podcast" in str(item.get("medium") or "").lower():
        return "cite podcast"
    return _TEMPLATES.get(str(item.get("type")), "cite interview")


def _wiki_people(item: dict, role: str, prefix: str = "") -> list[tuple[str, str]]:
    params = []
    for i, name in enumerate(_names(item, role), start=1):
        family, given = sort_name(name)
        suffix = "" if i == 1 else str(i)
        params.append((f"{prefix}last{suffix}", family))
        if given:
            params.append((f"{prefix}first{suffix}", given))
    return params


def wikipedia(
    item: dict, quote: str | None, paragraph: int | None, timestamp: str | None = None
) -> str:
    """The CS1 template of the item's type (:func:`wiki_template`), with only parameters
    that template documents, and ``quote=`` filled when a quotation is given."""
    return cite_template(item, wikipedia_params(item, paragraph, timestamp), quote)


def cite_template(item: dict, params: str, quote: str | None) -> str:
    """The template from :func:`wikipedia_params` and the quotation (the last parameter)."""
    if quote:
        param = f"|quote={wiki_escape(quote)}"
        params = f"{params} {param}" if params else param
    return "{{" + wiki_template(item) + " " + params + "}}"


def wikipedia_params(item: dict, paragraph: int | None, timestamp: str | None = None) -> str:
    """Every escaped parameter of the template but ``quote=``, which changes with each match."""
    template = wiki_template(item)
    params: list[tuple[str, str]] = []
    container = item.get("container-title") or item.get("event-title")
    if template == "cite interview":
        params += _wiki_people(item, "author")
        interviewers = [display_name(n) for n in _names(item, "interviewer")]
        if interviewers:
            params.append(("interviewer", ", ".join(interviewers)))
        if item.get("title"):
            params.append(("title", str(item["title"])))
        if container:
            params.append(("program" if item.get("medium") else "work", str(container)))
    elif template == "cite podcast":
        hosts = [display_name(n) for n in _names(item, "host") or _names(item, "author")]
        if hosts:
            params.append(("host", ", ".join(hosts)))
        if item.get("title"):
            params.append(("title", str(item["title"])))
        if container:
            params.append(("website", str(container)))
    elif template == "cite AV media":
        people = [f"{display_name(n)} (Host)" for n in _names(item, "host")]
        people += [display_name(n) for n in _names(item, "author")]
        if people:
            params.append(("people", ", ".join(people)))
        if item.get("title"):
            params.append(("title", str(item["title"])))
        if container:
            params.append(("series", str(container)))
        if item.get("medium"):
            params.append(("medium", str(item["medium"])))
    else:  # cite speech
        params += _wiki_people(item, "author")
        params.append(("title", str(item.get("title") or item.get("genre") or "Speech")))
        if item.get("genre") and item.get("title"):
            params.append(("type", str(item["genre"])))
        event = container or item.get("authority")
        if event:
            params.append(("event", str(event)))
    if item.get("publisher") and template != "cite interview":
        params.append(("publisher", str(item["publisher"])))
    elif item.get("publisher") and item.get("medium"):
        params.append(("publisher", str(item["publisher"])))
    if wiki_date(item):
        params.append(("date", wiki_date(item)))
    if item.get("URL"):
        params.append(("url", str(item["URL"])))
    if item.get("accessed"):
        params.append(("access-date", wiki_date({"issued": item["accessed"]})))
    if item.get("language"):
        params.append(("language", str(item["language"])))
    if timestamp:
        params.append(("time", timestamp))
    elif paragraph is not None:
        params.append(("at", f"para. {paragraph}"))
    return " ".join(f"|{name}={wiki_escape(value)}" for name, value in params)


def _names(item: dict, role: str) -> list[dict]:
    return list(item.get(role) or [])


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(?=\s)", re.M)


def markdown_escape(text: str) -> str:
    """Escape Markdown punctuation so a quotation is shown, never interpreted."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match) -> str:
    indent, marker = match.groups()
    if marker[0].isdigit():  # "1." starts an ordered list; CommonMark escapes the dot: "1\."
        return indent + marker[:-1] + "\\" + marker[-1]
    return indent + "\\" + marker


def html_to_markdown(fragment: str) -> str:
    """The citeproc HTML of an attribution line as Markdown (``<i>`` → ``*``)."""
    text = re.sub(r"<(/?)(i|em)>", "*", fragment)
    text = re.sub(r"<(/?)(b|strong)>", "**", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def markdown(quote: str | None, attribution_html: str) -> str:
    """A blockquote of the quotation and an attribution line."""
    line = "— " + html_to_markdown(attribution_html)
    if not quote:
        return line
    lines = [markdown_escape(row) for row in quote.splitlines() or [""]]
    block = "\n".join(f"> {row}".rstrip() for row in lines)
    return f"{block}\n>\n> {line}"


def html_blockquote(
    quote: str | None, attribution_html: str, *, lang: str | None, url: str | None
) -> str:
    """A ``<blockquote>`` with the quotation in its own language and a ``<cite>`` footer.

    ``attribution_html`` comes from citeproc's HTML formatter, which escapes the item text.
    """
    footer = f"<footer>— <cite>{attribution_html}</cite></footer>"
    if not quote:
        return footer
    attrs = ""
    if url:
        attrs += f' cite="{html.escape(url, quote=True)}"'
    if lang:
        attrs += f' lang="{html.escape(lang, quote=True)}"'
    paragraphs = "".join(
        f"<p>{html.escape(p, quote=False)}</p>" for p in quote.split("\n\n") if p.strip()
    )
    return f"<blockquote{attrs}>{paragraphs}{footer}</blockquote>"
