"""Citation data for a source: the CSL-JSON item and the one-line citation of the core.

The CSL-JSON item describes what is actually known of the source: its type (an interview by
default; a podcast episode, a broadcast, a press conference, a speech, a debate or a hearing
when the front matter says so, see :mod:`quotecli.cite.types`), who spoke (interviewee as
author, interviewer credited; hosts and guests of a programme), the outlet or show as
container, the date at its known precision, no invented title or URL). Styles and formats
are rendered from it by ``quotecli.cite``; the one-line text here is the default when no
style is asked for.
"""

from __future__ import annotations

from quotecli.cite import types
from quotecli.text import dates, lang, names
from quotecli.transcript import Source


def csl_item(source: Source) -> dict:
    """The CSL-JSON item for ``source``: keys only for what the transcript knows.

    The type comes from the front matter's ``type`` (:mod:`quotecli.cite.types`); an
    ``interview`` without the type keys is exactly the item of before issue 14.
    """
    extra = source.extra or {}
    kind = types.source_type(extra)
    item: dict = {"id": source.id, "type": types.CSL_TYPE[kind]}
    if kind in ("podcast-episode", "broadcast"):
        item.update(_broadcast_people(source))
    else:
        people = _authors(source, kind)
        if people:
            item["author"] = [names.csl(p.name) for p in people]
        if source.interviewer:
            item["interviewer"] = _people(source.interviewer)
    show, network = _text(extra.get("show")), _text(extra.get("network"))
    if kind == "hearing":
        item["authority"] = source.outlet
        if show:
            item["container-title"] = show
    elif kind in ("press-conference", "speech", "debate"):
        if show or kind == "debate":
            item["event-title"] = show or source.outlet
        if network or (kind != "debate" and not show) or (show and show != source.outlet):
            item["publisher"] = network or source.outlet
    else:
        item["container-title"] = show or source.outlet
        if network or (show and show != source.outlet):
            item["publisher"] = network or source.outlet
    if kind in types.GENRE:
        item["genre"] = types.GENRE[kind]
    medium = types.medium(kind, extra)
    if medium:
        item["medium"] = medium
    episode = _text(extra.get("episode"))
    if episode:
        item["number"] = episode
    if source.date:
        item["issued"] = {"date-parts": [dates.parts(source.date)]}
    if source.title:
        item["title"] = source.title
    if source.url:
        item["URL"] = source.url
    accessed = _text(extra.get("accessed"))
    if accessed:
        try:
            item["accessed"] = {"date-parts": [dates.parts(dates.normalize(accessed))]}
        except dates.DateError:
            pass
    item["language"] = source.language
    return item


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _people(text: str) -> list[dict]:
    """The CSL names of a field that may list several people ("A; B", "A and B")."""
    return [names.csl(n) for n in names.several(text)]


def _broadcast_people(source: Source) -> dict:
    """Hosts as ``host``, guests as ``guest`` (CSL 1.0.2): APA names the host as author of a
    podcast or programme, MLA and Chicago add "hosted by"; with no host known, the
    interviewer of the front matter hosts."""
    hosts = [names.csl(s.name) for s in source.speakers
             if s.role in ("host", "interviewer") and not names.generic(s.name)]  # fmt: skip
    if not hosts and source.interviewer:
        hosts = _people(source.interviewer)
    guests = [names.csl(s.name) for s in source.interviewees if not names.generic(s.name)]
    people: dict = {}
    if hosts:
        people["host"] = hosts
    if guests:
        people["guest"] = guests
    return people


def _authors(source: Source, kind: str = "interview"):
    """Who a citation names as author: the interviewees (or guests), else the hosts, else
    nobody — never every label of a transcript ("Unknown", "Guest", a chair), which would be
    invented authorship. ``quote import --role NAME=interviewee`` settles it. A speech, a
    press conference, a debate or a hearing is by its speakers."""
    first = ("interviewee", "guest") if kind == "interview" else ("interviewee", "guest", "speaker")
    for roles in (first, ("host",)):
        # "A", "Q", "Participant", "E2": a role's label names nobody (issue 12: never guess)
        people = tuple(s for s in source.speakers if s.role in roles and not names.generic(s.name))
        if people:
            return people
    return ()


def one_line(source: Source, locale: str = "en-US") -> str:
    """ "Marina Ferrari, interview by Sylvain Rolland, La Tribune, February 2024"."""
    language = lang.primary(locale)
    people = ", ".join(p.name for p in _authors(source, types.source_type(source.extra))) or (
        source.outlet
    )
    by = {"fr": "entretien réalisé par", "en": "interview by"}.get(language, "interview by")
    parts = [people]
    if source.interviewer:
        listed = names.several(source.interviewer) or [source.interviewer]
        last = " et " if language == "fr" else " and "
        named = last.join([", ".join(listed[:-1]), listed[-1]]) if len(listed) > 1 else listed[0]
        parts.append(f"{by} {named}")
    if source.title:
        parts.append(f"“{source.title}”" if language != "fr" else f"« {source.title} »")
    parts.append(source.outlet)
    parts.append(dates.human(source.date, language))
    return ", ".join(parts)
