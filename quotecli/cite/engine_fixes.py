"""Fixes for the bugs of citeproc-py 0.11.1 that CITATIONS.md lists, in code against the engine.

Each fix is a narrow subclass of a citeproc-py element class, registered only in the element
lookup that :mod:`quotecli.cite.engine` gives its own XML parser, or a post-processing step on
the engine's output. Nothing here patches citeproc-py globally, and no style file is edited
(styles are CC BY-SA): the raw engine stays intact, so the canary tests in
``tests/test_cite_engine_fixes.py`` can show each upstream bug is still there. When a canary
fails, upstream has fixed the bug: drop the matching fix here.

The fixes, numbered as in CITATIONS.md:
1. ``initialize="false"`` is never read: full given names become initials (MLA, Chicago).
2. Periods and commas stay outside closing quotes although the locale asks for them inside.
3. The ``disambiguate`` condition is always true: MLA in-text citations add the title.
4. A ``cs:label`` renders for an empty variable: a stray "Edition" in Chicago entries.
5. The delimiter of a localized ``cs:date`` is ignored: "2024Feb" in Vancouver.
6. ``second-field-align`` is ignored: "[1]M. Ferrari" in IEEE plain text.
7. Role labels are never title-cased: "interviewer" for "Interviewer" in APA.
8. Straight apostrophes are not turned into ’.
9. (in :mod:`engine`) bibliography entries are built from a fresh, locator-free citation.

And for the source types of issue 14 (podcasts, broadcasts, speeches, hearings):

10. The CSL 1.0.2 name variables (``host``, ``guest``…) are read as strings (APA podcasts
    crash or lose the host), and ``event-title`` is not the ``event`` of 1.0.1 styles.
11. A variable printed through ``cs:substitute`` is printed again: the title twice when there
    is no author (MLA), "hosted by" after the host named as author (Chicago).
12. A term form that no locale defines does not fall back to the long form: Chicago's "at"
    before a timestamp is lost.
13. Affixes are not merged: ". ." where an element is empty (ISO 690 fr).
14. APA's "Retrieved" is printed alone before the URL of an undated source without an access
    date.
Plus one rule of French typography that no engine follows: a date reads "27 février", never
"février 27" (APA and Chicago author-date put the month first).

This module imports citeproc and lxml at import time; only the engine imports it, lazily.
"""

from __future__ import annotations

import re
import warnings

from citeproc import PRIMARY_DIALECTS, model
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON as CiteProcJSONBase
from citeproc.string import String, join
from lxml import etree

from quotecli.text.lang import primary

CSL_NS = "http://purl.org/net/xbiblio/csl"
OUTPUT_LOCALE = "quotecli-output-locale"
"""Attribute set on the style root so elements know the output locale (lxml proxies keep no
Python state, so it lives in the XML)."""


def _output_language(element) -> str:
    return primary(element.get_root().get(OUTPUT_LOCALE, "en-US"))


def _inherited(element, name: str) -> str | None:
    node = element
    while node is not None:
        value = node.get(name)
        if value is not None:
            return value
        node = node.getparent()
    return None


class Name(model.Name):
    """Fix 1: honour ``initialize="false"`` (given names stay whole)."""

    def initialize(self, given, mark, context):
        if (_inherited(self, "initialize") or "true").lower() == "false":
            return given
        return super().initialize(given, mark, context)


class If(model.If):
    """Fix 3: ``disambiguate="true"`` tests false, since quote renders one source at a time and
    a lone cite never needs disambiguating."""

    def render(self, item, context=None, delimiter="", **kwargs):
        results = []
        tests = (
            ("type", self._type),
            ("variable", self._variable),
            ("is-numeric", self._is_numeric),
            ("is-uncertain-date", self._is_uncertain_date),
            ("locator", self._locator),
        )
        for attribute, test in tests:
            if attribute in self.attrib:
                results += test(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            results.append(False)
        match = self.get("match")
        if match == "any":
            result = any(results)
        elif match == "none":
            result = not any(results)
        else:
            result = all(results)
        if not result:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


class Else_If(If):  # noqa: N801 - the class name is the CSL element name (else-if)
    """Fix 3 also applies to ``cs:else-if``."""


class Label(model.Label):
    """Fix 4: no label for an empty variable. Fix 7: title case follows the output locale.
    Fix 12: a term form that no locale defines falls back to the longer form."""

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        if variable is None:
            name = self.get("variable", "")
            if name == "locator":
                if not item.has_locator:
                    return None
            elif name and name.replace("-", "_") not in item.reference:
                return None
        text = super().process(item, variable, plural, context, **kwargs)
        form = self.get("form", "long")
        if text or form not in ("short", "symbol", "verb-short"):
            return text
        # Fix 12: a form no locale defines falls back to the longer form (CSL 1.0.2, "Term
        # Forms": symbol → short → long, verb-short → verb), so Chicago's own long
        # "timestamp" term gives "at 00:04:10" where citeproc-py printed nothing.
        name = variable or self.get("variable", "")
        if name == "locator" and item.has_locator:
            name = item.locator.label
        chain = {"symbol": ("short", None), "short": (None,), "verb-short": ("verb",)}[form]
        if self.get_term(name, form) is not None:
            return text
        for fallback in chain:
            term = self.get_term(name, fallback)
            if term is not None:
                return term.single
        return text

    def markup(self, text):
        if not text:
            return None
        # Terms come from the locale, so the locale's language decides on title case, not the
        # item's language (citeproc-js: "(S. Rolland, Interviewer)" for a French item).
        language = _output_language(self)
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


class Date(model.Date):
    """Fix 5: a localized date joins its parts with its own delimiter. French: day first."""

    def render_single_date(self, date, show_parts=None, context=None):
        if context is not None and context is not self and self.is_locale_date():
            parts = self.parts(date, show_parts, context)
            if not parts:
                return None
            delimiter = self.get("delimiter")
            return join(parts, delimiter) if delimiter is not None else context.join(parts)
        return super().render_single_date(date, show_parts, context)

    def parts(self, date, show_parts, context=None):
        output = super().parts(date, show_parts, context)
        if self.is_locale_date() or _output_language(self) != "fr" or "day" not in date:
            return output
        names = [
            p.get("name")
            for p in self.iterchildren()
            if p.get("name") in show_parts and (p.get("name") != "month" or "month" in date)
        ]
        if len(names) != len(output) or "month" not in names:
            return output
        i = names.index("month")
        if i + 1 < len(names) and names[i + 1] == "day":
            month, day = str(output[i]), str(output[i + 1])
            output[i : i + 2] = [String(day.strip()), String(" " + month.strip())]
        return output


class Layout(model.Layout):
    """Fix 6: with ``second-field-align`` (or a first field displayed in the left margin) the
    first field is set off by a space, as in the plain-text output of citeproc-js
    ("[1] M. Ferrari", "1.  FERRARI")."""

    def render_bibliography(self, citation_items):
        children = list(self.iterchildren())
        aligned = self.getparent().get("second-field-align") or (
            children and children[0].get("display") == "left-margin"
        )
        if not aligned or len(children) < 2:
            return super().render_bibliography(citation_items)
        output_items = []
        for item in citation_items:
            self.repressed = {}
            first = _render(children[0], item)
            rest = [text for child in children[1:] if (text := _render(child, item))]
            body = self.format(self.wrap(join(rest))) if rest else None
            if first is None or body is None:
                text = self.format(self.wrap(self.render_children(item)))
            else:
                text = String(str(first) + " " + str(body))
            if text is not None:
                output_items.append(text)
        return output_items


_RECORDING: list[set] = []
"""While a ``cs:substitute`` child renders, the (tag, variable) pairs it printed."""


class Text(model.Text):
    """Fix 11 (with :class:`Substitute`): remember which variables a substitute printed."""

    def _variable(self, item, context):
        text = super()._variable(item, context)
        if text and _RECORDING:
            _RECORDING[-1].add((self.tag, self.get("variable")))
        return text


class Names(model.Names):
    """Fix 11: a name variable already printed as a substitute is not printed again ("hosted
    by Ira Glass" after "Glass, Ira" in Chicago), as the CSL specification requires."""

    def process(self, item, names_context=None, context=None, **kwargs):
        layout = (context if context is not None else self).get_layout()
        repressed = set(layout.repressed.get(self.tag, ()))
        roles = [r for r in self.get("variable", "").split() if r not in repressed]
        if not roles:
            return None
        if _RECORDING:
            _RECORDING[-1].update((self.tag, r) for r in roles if r in item.reference)
        if len(roles) == len(self.get("variable").split()):
            return super().process(item, names_context, context, **kwargs)
        original = self.get("variable")
        self.set("variable", " ".join(roles))
        try:
            return super().process(item, names_context, context, **kwargs)
        finally:
            self.set("variable", original)


class Substitute(model.Substitute):
    """Fix 11: every variable a substitute printed is suppressed in the rest of the entry (CSL
    1.0.2, "Substitution"): citeproc-py only suppresses a child's own ``variable`` attribute, so
    a title substituted through a macro was printed twice (MLA: "“Title.” “Title.” Show")."""

    def render(self, item, context=None, **kwargs):
        _RECORDING.append(set())
        try:
            return super().render(item, context=context, **kwargs)
        finally:
            _RECORDING.pop()

    def add_to_repressed_list(self, child, context):
        super().add_to_repressed_list(child, context)
        layout = context.get_layout()
        for tag, variable in _RECORDING[-1]:
            layout.repressed.setdefault(tag, []).append(variable)
        if len(_RECORDING) > 1:
            _RECORDING[-2].update(_RECORDING[-1])


def _render(child, item):
    try:
        return child.render(item)
    except VariableError:
        return None


FIXED_CLASSES = {
    "name": Name,
    "if": If,
    "else-if": Else_If,
    "label": Label,
    "date": Date,
    "layout": Layout,
    "text": Text,
    "names": Names,
    "substitute": Substitute,
}


def element_lookup(style_class) -> etree.ElementNamespaceClassLookup:
    """The CSL element classes citeproc-py registers, with the fixed ones swapped in."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        namespace[cls.__name__.replace("_", "-").lower()] = cls
    namespace.update(FIXED_CLASSES)
    namespace["style"] = style_class
    return lookup


_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+|doi:\S+")


def curl_apostrophes(text: str) -> str:
    """Fix 8: turn straight apostrophes into ’ ("l'adresse" → "l’adresse"), in item data and
    locale terms alike, as citeproc-js does; links are left exactly as they are."""
    pieces, last = [], 0
    for match in _URL.finditer(text):
        pieces.append(_APOSTROPHE.sub("\u2019", text[last : match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_APOSTROPHE.sub("\u2019", text[last:]))
    return "".join(pieces)


_CLOSE_QUOTE_PUNCT = re.compile(r"(\u201d)((?:</[a-z]+>)*)([.,])")


def punctuation_in_quote(text: str) -> str:
    """Fix 2: move a period or comma that follows a closing ” inside it (American usage, for
    locales whose ``punctuation-in-quote`` is true). Markup between them stays in place."""

    def move(match: re.Match) -> str:
        quote, tags, mark = match.groups()
        before = text[: match.start()]
        if before.endswith((mark, "?", "!")):
            return quote + tags
        return mark + quote + tags

    return _CLOSE_QUOTE_PUNCT.sub(move, text)


def system_locale_chain(output_locale: str) -> list[str]:
    """The locale files to fall back through, as citeproc-py's ``Style.set_locale_list``."""
    chain = [output_locale]
    language = primary(output_locale)
    if language in PRIMARY_DIALECTS:
        chain.append(PRIMARY_DIALECTS[language])
    chain.append("en-US")
    return list(dict.fromkeys(chain))


class CiteProcJSON(CiteProcJSONBase):
    """Fix 10: the CSL 1.0.2 name variables that citeproc-py does not list (``host``,
    ``guest``, ``director``, ``chair``…) are read as names, not strings, so a style's
    ``<names variable="host">`` finds them (APA podcasts: "Glass, I. (Host)"). In CSL-JSON only
    a name variable holds a list of objects. The CSL 1.0.2 variables it does not list
    (``event-title``, ``host``…) are read without a warning on stderr."""

    def __init__(self, json_data):
        # CSL 1.0.2 renamed ``event`` to ``event-title``; styles written for 1.0.1 (IEEE's
        # "presented at …") still read ``event``, which citeproc-js treats as the same.
        json_data = [
            {**ref, "event": ref["event-title"]}
            if "event-title" in ref and "event" not in ref
            else ref
            for ref in json_data
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            super().__init__(json_data)

    def parse_string(self, string):
        if isinstance(string, list) and string and all(isinstance(n, dict) for n in string):
            return self.parse_names(string)
        return super().parse_string(string)


_DOUBLED_PERIOD = re.compile(r"(?<![.])([.?!])((?:</[a-z]+>)*) ?\.(?= |$|<)")


def squash_periods(text: str) -> str:
    """Fix 13: no ". ." where an empty element left its prefix and suffix side by side
    (ISO 690 fr: "Address to the Europa Forum. . Europa Forum."), and no period after "?" or
    "!"; citeproc-js merges such affixes. An ellipsis ("...") is left alone."""
    return _DOUBLED_PERIOD.sub(r"\1\2", text)


def no_dangling_retrieved(text: str, retrieved: str) -> str:
    """Fix 14: "Retrieved" only with a retrieval date. APA 7 (9.16) writes "Retrieved Month
    Day, Year, from URL" when an access date is given; an undated source with a URL and no
    access date is cited with the bare URL, but the APA style's term is printed alone
    before it ("(n.d.). … Retrieved https://…")."""
    if not retrieved:
        return text
    pattern = re.compile(
        rf"(?:(?<=\s)|^){re.escape(retrieved)} (?=(?:<[^>]+>)*(?:https?|ftp)://)", re.IGNORECASE
    )
    return pattern.sub("", text)
