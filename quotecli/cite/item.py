"""Citation data for a source: the CSL-JSON item and the one-line citation of the core.

The CSL-JSON item describes what is actually known of the source (CSL "interview" type:
interviewee as author, interviewer credited, the outlet as container, the date at its known
precision, no invented title or URL). Styles and formats are rendered from it by
``quotecli.cite``; the one-line text here is the default when no style is asked for.
"""

from __future__ import annotations

from quotecli.text import dates, lang, names
from quotecli.transcript import Source


def csl_item(source: Source) -> dict:
    """The CSL-JSON item for ``source``: keys only for what the transcript knows."""
    item: dict = {"id": source.id, "type": "interview"}
    people = _authors(source)
    if people:
        item["author"] = [names.csl(p.name) for p in people]
    if source.interviewer:
        item["interviewer"] = [names.csl(n.strip()) for n in source.interviewer.split(" and ")]
    item["container-title"] = source.outlet
    if source.date:
        item["issued"] = {"date-parts": [dates.parts(source.date)]}
    if source.title:
        item["title"] = source.title
    if source.url:
        item["URL"] = source.url
    item["language"] = source.language
    return item


def _authors(source: Source):
    """Who a citation names as author: the interviewees (or guests), else the hosts, else
    nobody — never every label of a transcript ("Unknown", "Guest", a chair), which would be
    invented authorship. ``quote import --role NAME=interviewee`` settles it."""
    for roles in (("interviewee", "guest"), ("host",)):
        people = tuple(s for s in source.speakers if s.role in roles)
        if people:
            return people
    return ()


def one_line(source: Source, locale: str = "en-US") -> str:
    """ "Marina Ferrari, interview by Sylvain Rolland, La Tribune, February 2024"."""
    language = lang.primary(locale)
    people = ", ".join(p.name for p in _authors(source)) or source.outlet
    by = {"fr": "entretien réalisé par", "en": "interview by"}.get(language, "interview by")
    parts = [people]
    if source.interviewer:
        parts.append(f"{by} {source.interviewer}")
    if source.title:
        parts.append(f"“{source.title}”" if language != "fr" else f"« {source.title} »")
    parts.append(source.outlet)
    parts.append(dates.human(source.date, language))
    return ", ".join(parts)
