"""Front matter of web pages and podcast sites: YAML between ``---``, TOML between ``+++``.

Owns reading the block and mapping Hugo/Jekyll keys to what a transcript says: ``title``,
``date`` (an ISO date or datetime, cut to its day by ``text.dates.normalize``), ``outlet``
(``show``, ``podcast``, ``publisher``…), ``url`` (``permalink``, ``link``), ``language``,
``interviewer``, ``episode``, and the people a page lists (``hosts``, ``guests``, ``speakers``,
``authors``, ``interviewee``, a title "… with Felipe Hoffa") as plain names. Keys translated
by a page's author (``titre``, ``épisode``) are read too. What the block does not say stays
unset: nothing is guessed, and the user's options override all of it (``builder.finish``).

PyYAML is imported only when a ``---`` block is read; a block it cannot parse (or PyYAML
missing) falls back to flat ``key: value`` lines. It never reads the body, except for the
lines of an oral history's header block ("INTERVIEWER: Janet Abbate / DATE: 9 July 2002",
``header_block``), which are the outlet's record of the interview, not labels.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import ReaderError
from quotecli.text import dates
from quotecli.text.decode import newlines

ALIASES = {
    "show": "outlet", "podcast": "outlet", "publisher": "outlet", "publication": "outlet",
    "host": "interviewer", "lang": "language", "link": "url", "permalink": "url",
    "published": "date", "titre": "title", "épisode": "episode", "episode_number": "episode",
    "episodenumber": "episode", "langue": "language",
}  # fmt: skip
PEOPLE = {
    "hosts": "hosts", "host": "hosts", "guests": "guests", "guest": "guests",
    "speakers": "speakers", "speaker": "speakers", "authors": "authors", "author": "authors",
    "interviewee": "guests", "interviewees": "guests", "invités": "guests", "invité": "guests",
}  # fmt: skip
_FULL = r"(?:[A-ZÀ-Þ][\w'’-]+[ \t]?){2,4}"
# "Big Data with Felipe Hoffa", "… with Matt Linton and Paul Turner": the guests a title names
_WITH = re.compile(
    rf"\b(?:with|avec|featuring|feat\.|ft\.)\s+({_FULL}(?:(?:,[ \t]*|[ \t]*(?:&|and|et)[ \t]+)"
    rf"{_FULL})*)\s*$"
)
TEXT_KEYS = ("outlet", "date", "title", "url", "interviewer", "language", "credit", "episode")


def split(text: str) -> tuple[dict, str]:
    """(metadata, body) — metadata empty when the file has no front matter.

    The metadata holds the text fields of ``TEXT_KEYS`` that the block gives and, under
    ``people``, {"hosts"|"guests"|"speakers"|"authors": [names]}.
    """
    text = newlines(text.lstrip("\ufeff"))
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            close = re.search(rf"^{re.escape(fence)}[ \t]*$", text[len(fence) + 1 :], re.M)
            if close is None:
                raise ReaderError(f"front matter opened by {fence!r} is not closed")
            start = len(fence) + 1
            block = text[start : start + close.start()]
            body = text[start + close.end() :].lstrip("\n")
            raw = _toml(block) if fence == "+++" else _yaml(block)
            return settle(raw), body
    return {}, text


def _toml(block: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return _flat(block, "=")


def _yaml(block: str) -> dict:
    try:
        import yaml
    except ImportError:  # optional at run time: flat lines are most front matter anyway
        return _flat(block, ":")
    try:
        found = yaml.safe_load(block)
    except yaml.YAMLError:
        return _flat(block, ":")
    return found if isinstance(found, dict) else {}


def _flat(block: str, sep: str) -> dict:
    meta = {}
    for line in block.split("\n"):
        key, found, value = line.partition(sep)
        if not found or line.startswith((" ", "\t", "#", "-")):
            continue
        value = value.strip().strip("'\"").strip()
        if value:
            meta[key.strip()] = value
    return meta


def _names(value) -> list[str]:
    """Names from a people field: "A", "A, B", "A; B", "A & B", ["A", "B"], [{"name": "A"}, …]."""
    from quotecli.text.names import several  # "A; B", "A and B", "Ferrari, Marina"

    if isinstance(value, str):
        return several(value)
    if isinstance(value, dict):
        value = [value]
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("title")
        if isinstance(item, str) and item.strip():
            out += several(item)  # a list item may itself be "A & B"
    return out


_STANDFIRST_KEYS = frozenset(
    "excerpt description summary lead intro chapo chapeau standfirst subtitle".split()
)


def settle(raw: dict) -> dict:
    """Raw front-matter keys → the fields a transcript takes, and the people named."""
    meta: dict = {}
    people: dict[str, list[str]] = {}
    for key, value in raw.items():
        low = str(key).strip().lower()
        if low in PEOPLE:
            people.setdefault(PEOPLE[low], []).extend(_names(value))
            if low == "host" and isinstance(value, str):
                meta.setdefault("interviewer", value.strip())
            continue
        low = ALIASES.get(low, low)
        if low not in TEXT_KEYS or value is None or isinstance(value, list | dict | bool):
            continue
        if low == "date":
            try:
                value = dates.normalize(value)
            except dates.DateError:
                continue  # a date we cannot read is not a date: the import warns "n.d."
        text = str(value).strip()
        if text:
            meta.setdefault(low, text)
    # the page's standfirst kept in its front matter ("excerpt: Sylvie Lebel, intrapreneure…
    # et Maritza Abreo, coach, ont travaillé…"): where ``people`` reads the names in full
    shown = [str(raw[k]) for k in raw if str(k).strip().lower() in _STANDFIRST_KEYS]
    if shown := [s for s in shown if s.strip()]:
        meta["_front_standfirst"] = "\n".join(shown)
    guest = _WITH.search(meta.get("title", ""))  # "Big Data with Felipe Hoffa": the page says
    if guest and not people.get("guests"):
        people["guests"] = _names(guest.group(1))
    if people:
        meta["people"] = people
    return meta


# The keys of an interview's header block ("INTERVIEW: Ruzena Bajcsy / INTERVIEWER: Janet
# Abbate / DATE: 9 July 2002 / PLACE: …", an oral history's; "Interviewé : … / Date : …").
_PERSON_KEYS = frozenset((
    "interview", "interviewee", "interviewees", "interviewer", "interviewers", "narrator",
    "narrators", "interviewed by", "conducted by", "host", "hosts", "guest", "guests",
    "speakers", "participants", "moderator", "interviewé", "interviewée", "enquêteur",
    "enquêtrice", "intervieweur", "animateur", "animatrice", "invité", "invitée", "invités",
))  # fmt: skip
_FACT_KEYS = frozenset((
    "date", "dates", "place", "location", "time", "subject", "subjects", "topic", "topics",
    "length", "duration", "transcribed by", "transcriber", "transcription", "recorded",
    "recording", "audio", "video", "source", "project", "collection", "language", "series",
    "lieu", "durée", "sujet", "thème", "langue", "date de l'entretien", "date of interview",
    "interview date", "recorded on", "transcript", "interview number", "accession number",
    "file", "file name", "filename", "recording file", "audio file", "source file", "file archive",
    "episode", "title", "description", "show", "program", "programme", "url",
))  # fmt: skip
_META_LINE = re.compile(r"^[*_]{0,2}(?P<key>[A-Za-zÀ-ÿ' ]{2,24}?)[*_]{0,2}[ \t\u00a0]*:[*_]{0,2}"
                        r"[ \t\u00a0]*\S")  # fmt: skip


_KEY_ALONE = re.compile(r"^\*\*(?P<key>[^*\n]{1,40}?)(?::\*\*|\*\*[ \t]*:)[ \t]*$")  # "**Cover:**"


def _short(value: str) -> bool:
    """A field's value: eight words at most, no sentence's end ("Collège de France", "AAPL")."""
    return len(value.split()) <= 8 and not re.search(r"[.!?…]$", value)


def header_block(lines: list[str]) -> set[int]:
    """The lines of a header block: the outlet's record of the interview or the page's fields,
    not speech, however much "INTERVIEWER: Janet Abbate" or "**Cover:**" looks like a label.

    Lines in a row (blank lines between them aside), each "Key: value" or a bold key alone
    with its value on the next line ("**Auteur:**" ⏎ "Uriel Gadessaud"): two or more whose
    keys are all the block's (who, when, where), one of them a fact (a date, a place); or
    three or more with short values (``_short``), one key of them a field's word
    (``labelwords.NOT_LABELS``, "Date", "Auteur"), whatever the others are called ("**Cover:**",
    "**Partager:**", "**Company:** AAPL")."""
    from quotecli.readers.labelwords import NOT_LABELS

    out: set[int] = set()
    run: list[int] = []
    keys: list[tuple[str, bool]] = []  # each field's key and whether its value is short

    def known(key: str) -> bool:
        return key in _FACT_KEYS or key in _PERSON_KEYS

    def record() -> bool:  # "INTERVIEWEE: … / DATE: …": the interview's record
        return (
            len(keys) >= 2
            and all(known(k) for k, _ in keys)
            and any(k in _FACT_KEYS for k, _ in keys)
        )

    def close() -> None:
        if record() or len(keys) >= 3 and all(short for _, short in keys) and any(
            k.split()[0] in NOT_LABELS for k, _ in keys
        ):  # fmt: skip
            out.update(range(run[0], run[-1] + 1))

    waiting = False  # a key alone was read: the next line may be its value
    for i, line in enumerate([*lines, "\x00"]):  # the end: a line that closes a block
        bare = line.strip()
        if not bare and run:
            continue  # a blank line inside the block (a PDF's layout): the block goes on
        alone = _KEY_ALONE.match(bare)
        m = None if alone else _META_LINE.match(bare)
        if alone or m:
            key = " ".join((alone or m).group("key").lower().strip(" *_").split())  # type: ignore[union-attr]
            value = "" if alone else bare[m.end() - 1 :]  # type: ignore[union-attr]
            # "Interviewer: Thank you so much for coming…": a sentence, a turn after the block
            said = key in _PERSON_KEYS and not alone and not _short(value)
            if (not known(key) or said) and (not _short(value) or record()):
                if run:  # "GRAYSON:  So, I'm going to start…": the block has ended
                    close()
                run, keys, waiting = [], [], False
                if not _short(value):
                    continue
            keys.append((key, _short(value)))
            run.append(i)
            waiting = bool(alone)
            continue
        if waiting and _short(bare) and bare != "\x00":
            run.append(i)  # "**Cover:**" ⏎ "Collège de France"
            waiting = False
            continue
        if run:
            close()
        run, keys, waiting = [], [], False
    return out
