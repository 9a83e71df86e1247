"""Citation records in the formats people paste that are not CSL styles.

BibTeX/BibLaTeX, RIS, CSL-JSON, the Wikipedia ``{{cite interview}}`` template, a Markdown
blockquote and an HTML blockquote. Each builder takes the base CSL-JSON item (interviewee as
author) and escapes what its own syntax needs: braces and LaTeX specials in BibTeX, line
breaks in RIS, pipes, equals signs and braces in wiki templates, Markdown punctuation, HTML
entities. The Markdown and HTML forms quote the words in their own language and end with an
attribution line that the caller renders through a CSL note style.

Pure string building: no engine, no I/O.
"""

from __future__ import annotations

import html
import json
import re

from quotecli.cite.shaping import date_parts
from quotecli.text.dates import MONTHS
from quotecli.text.names import display as display_name
from quotecli.text.names import sort_key as sort_name

_MONTHS = MONTHS["en"]

_LANGID = {"fr": "french", "en": "english", "de": "ngerman", "es": "spanish", "it": "italian"}

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """Escape braces and the LaTeX special characters; keep Unicode (BibLaTeX reads UTF-8)."""
    return "".join(_LATEX_SPECIALS.get(char, char) for char in " ".join(text.split()))


def _names(item: dict, role: str) -> list[dict]:
    return list(item.get(role) or [])


def _interview_by(item: dict, lang: str) -> str:
    names = [display_name(n) for n in _names(item, "interviewer")]
    if not names:
        return ""
    joined = (" et " if lang == "fr" else " and ").join(names)
    return ("Entretien réalisé par " if lang == "fr" else "Interview by ") + joined


def bibtex(item: dict) -> str:
    """A BibLaTeX ``@misc`` entry (valid without a title; BibTeX reads it too)."""
    fields: list[tuple[str, str]] = []
    authors = [", ".join(p for p in sort_name(n) if p) for n in _names(item, "author")]
    if authors:
        fields.append(("author", " and ".join(latex_escape(a) for a in authors)))
    if item.get("title"):
        fields.append(("title", latex_escape(str(item["title"]))))
    if item.get("container-title"):
        fields.append(("howpublished", latex_escape(str(item["container-title"]))))
    parts = date_parts(item)
    if parts:
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
        fields.append(("year", str(parts[0])))
    by = _interview_by(item, "en")
    if by:
        fields.append(("note", latex_escape(by)))
    if item.get("URL"):
        fields.append(("url", str(item["URL"]).replace("{", "%7B").replace("}", "%7D")))
    lang = str(item.get("language") or "")[:2]
    if lang in _LANGID:
        fields.append(("langid", _LANGID[lang]))
    key = re.sub(r"[^A-Za-z0-9_:.-]", "-", str(item.get("id") or "interview"))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{key},\n{body}}}"


def _ris_value(value: object) -> str:
    return " ".join(str(value).split())


def ris(item: dict) -> str:
    """An RIS record (``TY  - GEN``; interviewee as AU, interviewer as A2)."""
    lines = [("TY", "GEN")]
    lines += [("AU", ", ".join(p for p in sort_name(n) if p)) for n in _names(item, "author")]
    lines += [("A2", ", ".join(p for p in sort_name(n) if p)) for n in _names(item, "interviewer")]
    if item.get("title"):
        lines.append(("TI", item["title"]))
    if item.get("container-title"):
        lines.append(("T2", item["container-title"]))
    parts = date_parts(item)
    if parts:
        lines.append(("PY", str(parts[0])))
        slots = [str(parts[0])] + [f"{p:02d}" for p in parts[1:]]
        lines.append(("DA", "/".join(slots + [""] * (3 - len(slots))) + "/"))
    lines.append(("M3", "Interview"))
    if item.get("language"):
        lines.append(("LA", item["language"]))
    if item.get("URL"):
        lines.append(("UR", item["URL"]))
    if item.get("id"):
        lines.append(("ID", item["id"]))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() for tag, value in lines)


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


def wikipedia(
    item: dict, quote: str | None, paragraph: int | None, timestamp: str | None = None
) -> str:
    """A ``{{cite interview}}`` template with ``quote=`` filled when a quotation is given."""
    return cite_interview(wikipedia_params(item, paragraph, timestamp), quote)


def cite_interview(params: str, quote: str | None) -> str:
    """The template from :func:`wikipedia_params` and the quotation (the last parameter)."""
    if quote:
        param = f"|quote={wiki_escape(quote)}"
        params = f"{params} {param}" if params else param
    return "{{cite interview " + params + "}}"


def wikipedia_params(item: dict, paragraph: int | None, timestamp: str | None = None) -> str:
    """Every escaped parameter of the template but ``quote=``, which changes with each match."""
    params: list[tuple[str, str]] = []
    for i, name in enumerate(_names(item, "author"), start=1):
        family, given = sort_name(name)
        suffix = "" if i == 1 else str(i)
        params.append((f"last{suffix}", family))
        if given:
            params.append((f"first{suffix}", given))
    interviewers = [display_name(n) for n in _names(item, "interviewer")]
    if interviewers:
        params.append(("interviewer", ", ".join(interviewers)))
    if item.get("title"):
        params.append(("title", str(item["title"])))
    if item.get("container-title"):
        params.append(("work", str(item["container-title"])))
    if wiki_date(item):
        params.append(("date", wiki_date(item)))
    if item.get("URL"):
        params.append(("url", str(item["URL"])))
    if item.get("language"):
        params.append(("language", str(item["language"])))
    if timestamp:
        params.append(("time", timestamp))
    elif paragraph is not None:
        params.append(("at", f"para. {paragraph}"))
    return " ".join(f"|{name}={wiki_escape(value)}" for name, value in params)


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
