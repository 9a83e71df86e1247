"""Render one CSL-JSON item with citeproc-py: bibliography entry, in-text citation, note.

This module owns the use of the engine: loading a style and its locales through a safe XML
parser (a user's ``.csl`` file is untrusted: no entity expansion, no DTD, no network, no
schema validation, which would cost 15–40 ms), wiring in the fixed element classes of
:mod:`quotecli.cite.engine_fixes`, and building each output from its own fresh citation, so a
paragraph locator never leaks into the bibliography entry (CITATIONS.md, bug 9).

It is imported lazily, only on a cache miss: importing it imports citeproc and lxml.
It knows nothing about item shapes, record formats or the cache.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from citeproc import (
    LANGUAGE_NAMES,
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
    model,
)
from lxml import etree

from quotecli.cite import engine_fixes
from quotecli.cite.styles import CitationError, locales_dir
from quotecli.records import dataclass
from quotecli.text.lang import primary


@dataclass(frozen=True)
class Rendered:
    """What a style makes of one item, in plain text and HTML (outlet in ``<i>``)."""

    bibliography: str
    bibliography_html: str
    citation: str
    citation_html: str
    is_note_style: bool


class Style(model.Style):
    """The ``cs:style`` root: loads its locale files through the safe parser too, so localized
    dates get the fixed element classes."""

    def set_locale_list(self, output_locale, validate=False):
        self.locales = []

        def add_instyle(lang):
            expr = f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]"
            self.locales.extend(self.xpath_search(expr)[:1])

        add_instyle(output_locale)
        add_instyle(primary(output_locale))
        add_instyle(None)
        for name in engine_fixes.system_locale_chain(output_locale):
            if name in LANGUAGE_NAMES or name == "en-US":
                path = Path(locales_dir()) / f"locales-{name}.xml"
                if path.is_file():
                    self.locales.append(_parse(path).getroot())
        for locale in self.locales:
            locale.style = self


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        remove_comments=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    parser.set_element_class_lookup(engine_fixes.element_lookup(Style))
    return parser


def _parse(path: Path | str) -> etree._ElementTree:
    path = Path(path)
    try:
        tree = etree.parse(str(path), _parser())
    except OSError as exc:
        raise CitationError(f"cannot read style {path}: {exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        raise CitationError(f"style {path.name} is not valid XML: {exc.msg}") from None
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        # CSL files never declare a DTD; one that does is trying to define entities.
        raise CitationError(f"style {path.name} declares a DTD, which CSL styles never do")
    return tree


def load_style(path: Path | str, locale: str) -> CitationStylesStyle:
    """Parse a style file safely and set its output locale. Raises :class:`CitationError`."""
    path = Path(path)
    tree = _parse(path)
    root = tree.getroot()
    if not isinstance(root, Style) or root.find(f"{{{engine_fixes.CSL_NS}}}citation") is None:
        raise CitationError(f"{path.name} is not a CSL style (no <style> with a <citation>)")
    root.set(engine_fixes.OUTPUT_LOCALE, locale)
    style = CitationStylesStyle.__new__(CitationStylesStyle)
    style.xml, style.root = tree, root
    root.set_locale_list(locale)
    return style


def render(
    item: dict,
    style_file: Path | str,
    locale: str,
    paragraph: int | None,
    timestamp: str | None = None,
) -> Rendered:
    """Render ``item`` (CSL-JSON) with the style in ``style_file`` for ``locale``.

    The bibliography entry comes from a locator-free citation; the citation (note or in-text)
    carries ``timestamp`` (HH:MM:SS) or else ``paragraph`` as its locator when given. Raises
    :class:`CitationError` when the style cannot be used.
    """
    style = load_style(style_file, locale)
    piq = (style.root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"
    key = str(item.get("id") or "item")
    source = engine_fixes.CiteProcJSON([{**item, "id": key}])
    # A timed transcript is cited by time ("(Ferrari, 2024, 00:04:10)"), a text by paragraph.
    if timestamp:
        locator = Locator("timestamp", timestamp)
    else:
        locator = Locator("paragraph", str(paragraph)) if paragraph is not None else None
    # citeproc-py's HTML formatter escapes locale terms but not item data: escape it here.
    sources = {
        "plain": source,
        "html": engine_fixes.CiteProcJSON([_html_escaped({**item, "id": key})]),
    }
    out = {}
    for fmt_name, fmt in (("plain", formatter.plain), ("html", formatter.html)):
        source = sources[fmt_name]
        try:
            out[fmt_name, "bib"] = _bibliography(style, source, key, fmt)
            out[fmt_name, "cite"] = _citation(style, source, key, fmt, locator)
        except CitationError:
            raise
        except Exception as exc:  # a broken style fails deep inside the engine
            name = os.path.basename(style_file)
            raise CitationError(
                f"style {name} cannot be rendered: {type(exc).__name__}: {exc}"
            ) from None

    retrieved = str(style.root.get_single_term("retrieved") or "")

    def finish(text: str) -> str:
        text = engine_fixes.no_dangling_retrieved(text, retrieved)
        text = engine_fixes.squash_periods(engine_fixes.curl_apostrophes(text))
        return engine_fixes.punctuation_in_quote(text) if piq else text

    return Rendered(
        bibliography=finish(out["plain", "bib"]),
        bibliography_html=finish(out["html", "bib"]),
        citation=finish(out["plain", "cite"]),
        citation_html=finish(out["html", "cite"]),
        is_note_style=style.root.get("class") == "note",
    )


def _html_escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_html_escaped(v) for v in value]
    if isinstance(value, dict):
        return {
            k: v if k in ("id", "type", "language") else _html_escaped(v) for k, v in value.items()
        }
    return value


def _bibliography(style, source, key: str, fmt) -> str:
    if not style.has_bibliography():
        return ""
    bibliography = CitationStylesBibliography(style, source, fmt)
    bibliography.register(Citation([CitationItem(key)]))
    entries = bibliography.bibliography()
    return str(entries[0]).strip() if entries else ""


def _citation(style, source, key: str, fmt, locator) -> str:
    bibliography = CitationStylesBibliography(style, source, fmt)
    cite = CitationItem(key, locator=locator) if locator else CitationItem(key)
    citation = Citation([cite])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda _item: None)).strip()
