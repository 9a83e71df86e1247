"""Source types (issue 14): what kind of event a transcript records, and its CSL mapping.

A transcript's front matter may say ``type = "…"`` with one of :data:`SOURCE_TYPES`, and give
``show`` (the podcast or programme), ``episode``, ``network``, ``medium`` and ``accessed``
(YYYY-MM-DD). They are optional keys (``Source.extra``); without ``type`` a source is an
``interview``, as before. This module maps them to the CSL 1.0.2 type and variables that the
styles read (checked against the style files and the manuals, see
``tests/golden/citations/by-type/``):

- ``interview`` (press or broadcast): CSL ``interview``; the interviewee is the author, the
  journalist the ``interviewer``, the outlet (or ``show``) the ``container-title``.
- ``podcast-episode``: CSL ``broadcast`` with ``medium`` "Audio podcast episode" (APA 7,
  Publication Manual example 94, via the APA style's description element), the hosts as
  ``host`` and the guests as ``guest`` (CSL 1.0.2 roles), ``episode`` as ``number``, ``show``
  as ``container-title``, ``network`` as ``publisher``.
- ``broadcast`` (a segment of a radio or television programme): CSL ``broadcast``; ``medium``
  "Radio broadcast" or "Television broadcast" (APA 7's bracketed description).
- ``press-conference``: CSL ``speech`` with ``genre`` "Press conference"; ``speech``: CSL
  ``speech`` (MLA is given the date as ``event-date``: it dates a speech by its event).
- ``debate`` (parliamentary): CSL ``speech`` with ``genre`` "Debate", the chamber (the outlet)
  as ``event-title``, the speaker as author; ``hearing`` (legislative committee, court): CSL
  ``hearing``, the chamber or court as ``authority`` (APA and Chicago legal form: "Title,
  Authority (Year) (testimony of Name)").

Pure data: no engine, no I/O.
"""

from __future__ import annotations

SOURCE_TYPES = (
    "interview",
    "podcast-episode",
    "broadcast",
    "press-conference",
    "speech",
    "debate",
    "hearing",
)
TYPE_KEYS = ("type", "show", "episode", "network", "medium", "accessed")
"""The optional front-matter keys of a source's type, in the order a transcript writes them."""

CSL_TYPE = {
    "interview": "interview",
    "podcast-episode": "broadcast",
    "broadcast": "broadcast",
    "press-conference": "speech",
    "speech": "speech",
    "debate": "speech",
    "hearing": "hearing",
}
GENRE = {"press-conference": "Press conference", "debate": "Debate"}
_MEDIUM = {
    "radio": "Radio broadcast",
    "tv": "Television broadcast",
    "television": "Television broadcast",
    "video": "Video",
    "audio": "Audio",
}
_PODCAST_MEDIUM = {"video": "Video podcast episode"}


def source_type(extra: dict) -> str:
    """The source's type from its front matter (``interview`` when absent or unknown)."""
    value = str(extra.get("type") or "interview").strip().lower()
    return value if value in SOURCE_TYPES else "interview"


def medium(kind: str, extra: dict) -> str | None:
    """The CSL ``medium`` of a source: APA's bracketed description for broadcasts and
    podcasts ("Radio broadcast", "Audio podcast episode"), else the front matter's own."""
    given = str(extra.get("medium") or "").strip()
    if kind == "podcast-episode":
        return _PODCAST_MEDIUM.get(given.lower(), "Audio podcast episode")
    if kind == "broadcast":
        return _MEDIUM.get(given.lower(), given or None)
    return _MEDIUM.get(given.lower(), given) or None
