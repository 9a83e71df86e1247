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

from quotecli.records import dataclass
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
    if data.get("type") != "interview" or data.get("medium"):
        import copy  # only here: not on a plain search's path (issue 16)

        data = _by_type(copy.deepcopy(item), base, locale)  # reshapes names: its own copy
    if data.get("type") != "interview":
        pass  # shaped by type above
    elif base.startswith(_ARTICLE_STYLES) and data.get("interviewer"):
        data = _as_article(data, locale, bracketed=not data.get("title"))
    elif base.startswith(_NEWSPAPER_STYLES) and data.get("interviewer"):
        data = _as_article(data, locale, bracketed=False)
    elif base.startswith(_NEWSPAPER_STYLES) and data.get("container-title"):
        # Without an interviewer the newspaper form keeps the interviewee as author; with
        # the interview type ISO 690 would drop the outlet ("FERRARI, Marina, 2024. . …").
        data = {**data, "type": "article-newspaper"}
    if base.startswith(_NUMBERED_PARAGRAPHS_ONLY) and not paragraphs_numbered:
        paragraph = None
    if base.startswith(_BRITISH_STYLES) and locale.startswith("en") and not locale_is_explicit:
        locale = "en-GB"
    return Shaped(data, locale, paragraph)


_HOST_STYLES = ("apa", "modern-language-association", "chicago-")
_FRENCH_TERMS = {
    "Audio podcast episode": "Épisode de podcast audio",
    "Video podcast episode": "Épisode de podcast vidéo",
    "Radio broadcast": "Émission de radio",
    "Television broadcast": "Émission de télévision",
    "Press conference": "Conférence de presse",
    "Debate": "Débat",
    "Speech transcript": "Transcription de discours",
}
_INTERVIEW_MEDIUM = {"Radio broadcast": "Radio interview", "Television broadcast": "TV interview"}


def _by_type(item: dict, base: str, locale: str) -> dict:
    """The manuals' rules for the source types of issue 14 (see quotecli.cite.types)."""
    kind = item.get("type")
    if kind == "interview":
        return _broadcast_interview(item, base, locale)
    if kind == "broadcast":
        # APA 7 (example 94, podcasts; radio and TV episodes), MLA 9 ("hosted by") and
        # Chicago 18 name the host; a guest is named in the text, not as the author.
        if item.get("host"):
            item.pop("guest", None)
        elif item.get("guest"):
            item["author"] = item.pop("guest")
        if not base.startswith(_HOST_STYLES) and item.get("host"):
            item["author"] = item.pop("host")  # styles that know no host role (ISO, IEEE…)
        if base.startswith("modern-language-association"):
            item.pop("medium", None)  # MLA 9 gives no medium for a podcast or an episode
        elif base.startswith("chicago-") and "podcast" in str(item.get("medium", "")).lower():
            item["medium"] = "Podcast"  # Chicago: "…, March 5, 2024. Podcast. URL."
    elif kind == "speech":
        if base.startswith("apa") and not item.get("genre"):
            item["genre"] = "Speech transcript"  # APA Style, "Transcripts": [Speech transcript]
        if base.startswith("modern-language-association") and "issued" in item:
            item["event-date"] = item["issued"]  # MLA dates a speech by its event
    elif kind == "hearing" and not base.startswith(("apa", "chicago-")):
        item.setdefault("publisher", item.get("authority"))  # only the legal styles read it
    if primary(locale) == "fr":
        for key in ("genre", "medium"):
            if item.get(key) in _FRENCH_TERMS:
                item[key] = _FRENCH_TERMS[item[key]]
    return item


def _broadcast_interview(item: dict, base: str, locale: str) -> dict:
    """An interview heard on the radio or seen on television (``medium``)."""
    medium = item.get("medium")
    if base.startswith(_ARTICLE_STYLES) and item.get("interviewer"):
        # APA 7 cites a broadcast by its host (the interviewer), the show as container and
        # the network as publisher; an untitled interview is described in brackets, the
        # medium inside the one bracket ("[Radio interview with …]"), never "[…] [Radio…]".
        broadcast = {k: v for k, v in item.items() if k not in ("author", "interviewer")}
        broadcast["type"] = "broadcast"
        broadcast["host"] = item["interviewer"]
        if not item.get("title") and item.get("author"):
            broadcast.pop("medium", None)
            description = bracketed_description(item["author"], locale)[1:-1]
            if primary(locale) == "en" and medium in _INTERVIEW_MEDIUM:
                description = description.replace("Interview", _INTERVIEW_MEDIUM[medium], 1)
            broadcast["genre"] = description
        item = broadcast
    elif base.startswith("modern-language-association"):
        item.pop("medium", None)  # MLA 9: "Interview by …", the show, the date
    if primary(locale) == "fr" and item.get("medium") in _FRENCH_TERMS:
        item["medium"] = _FRENCH_TERMS[item["medium"]]
    return item


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
