"""Shape the base CSL-JSON item of a source the way each style's manual needs it.

The core describes what is actually known of a published interview (shape "A" of
CITATIONS.md): type ``interview``, the interviewee as ``author``, the journalist as
``interviewer``, the outlet as ``container-title``. Style manuals disagree on how to cite it:

- APA 7 cites a published interview as the article: the journalist is the author, and when
  the article has no known title a bracketed description takes its place ("[Interview with
  Marina Ferrari]"). The description is written by whoever cites, so it follows the output
  language ("[Entretien avec Marina Ferrari]" in French), as French APA guides do.
- MLA, Chicago, IEEE, Harvard and unknown styles keep the interview type (interviewee as
  author, interviewer credited); a bracketed title there would be put in quotation marks.
- ISO 690 and NLM/Vancouver need the newspaper form, journalist as author: with the
  interview type they drop the newspaper and the interviewer.
- Harvard (Cite Them Right) is a British style: English output runs with en-GB.
- MLA gives a paragraph number only when the transcript itself numbers its paragraphs.

Pure data in, data out: no engine, no I/O, cheap enough for the warm-cache path.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotecli.text.lang import primary
from quotecli.text.names import display as display_name

_DESCRIPTION = {
    "en": ("[Interview with {names}]", " and "),
    "fr": ("[Entretien avec {names}]", " et "),
    "de": ("[Interview mit {names}]", " und "),
    "es": ("[Entrevista con {names}]", " y "),
    "it": ("[Intervista con {names}]", " e "),
}

_ARTICLE_STYLES = ("apa",)
_NEWSPAPER_STYLES = ("iso690", "nlm-", "vancouver")
_BRITISH_STYLES = ("harvard-cite-them-right",)
_NUMBERED_PARAGRAPHS_ONLY = ("modern-language-association",)


@dataclass(frozen=True)
class Shaped:
    """The item to render, the locale to render it in, and the paragraph locator to use."""

    item: dict
    locale: str
    paragraph: int | None


def shape(
    item: dict,
    style_id: str,
    locale: str,
    *,
    paragraph: int | None = None,
    paragraphs_numbered: bool = False,
    locale_is_explicit: bool = False,
) -> Shaped:
    """Return the item, locale and locator that ``style_id`` should render (see module doc).

    ``locale_is_explicit`` is true when the user chose the locale (``--locale``): then a
    British style does not switch an English locale to en-GB.
    """
    base = style_id.rsplit("/", 1)[-1].removesuffix(".csl")
    data = dict(item)  # nested values are shared, never changed: no deep copy (issue 16)
    if base.startswith(_ARTICLE_STYLES) and data.get("interviewer"):
        data = _as_article(data, locale, bracketed=not data.get("title"))
    elif base.startswith(_NEWSPAPER_STYLES) and data.get("interviewer"):
        data = _as_article(data, locale, bracketed=False)
    if base.startswith(_NUMBERED_PARAGRAPHS_ONLY) and not paragraphs_numbered:
        paragraph = None
    if base.startswith(_BRITISH_STYLES) and locale.startswith("en") and not locale_is_explicit:
        locale = "en-GB"
    return Shaped(data, locale, paragraph)


def _as_article(item: dict, locale: str, *, bracketed: bool) -> dict:
    interviewees = item.get("author") or []
    article = {key: value for key, value in item.items() if key not in ("author", "interviewer")}
    article["type"] = "article-newspaper"
    article["author"] = item["interviewer"]
    if bracketed and interviewees:
        article["title"] = bracketed_description(interviewees, locale)
    return article


def bracketed_description(names: list[dict], locale: str) -> str:
    """APA's description of an untitled interview, in the output language."""
    template, conjunction = _DESCRIPTION.get(primary(locale), _DESCRIPTION["en"])
    full = [display_name(name) for name in names]
    if len(full) > 2:
        joined = ", ".join(full[:-1]) + "," + conjunction + full[-1]
    else:
        joined = conjunction.join(full)
    return template.format(names=joined)


def date_parts(item: dict) -> list[int]:
    """The issued date as [year, month?, day?], or [] when unknown."""
    try:
        return [int(part) for part in item["issued"]["date-parts"][0]]
    except (KeyError, IndexError, TypeError, ValueError):
        return []
