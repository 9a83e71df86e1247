"""What a reader found, before it becomes a transcript: metadata, speakers and turns.

Every reader (except the press reader, which predates it) fills a ``Draft``: the metadata the
file gives, the speaker labels in the order they appear, and the turns as (label, paragraphs,
attrs). ``finish`` then settles what the file cannot: options given by the user (``--outlet``,
``--date``, ``--role NAME=ROLE``…) fill the gaps, labels become speakers with stable ids,
display names and roles, and a missing date becomes a warning, a missing outlet or language an
error that says what to pass. ``to_text`` writes the project's format with ``transcript.dump``.

Readers never guess a speaker: a label that looks damaged (OCR: "4TERVIEWER", "RIME MINISTER")
is kept as printed and reported in ``Draft.warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotecli import transcript
from quotecli.text import dates
from quotecli.text.ids import slug
from quotecli.text.names import from_label as display_name
from quotecli.text.names import is_initials

FIELDS = ("outlet", "date", "title", "url", "interviewer", "language",
          "type", "show", "episode", "network")  # fmt: skip


class ReaderError(transcript.TranscriptError):
    """The file cannot be turned into a transcript; the message says what to pass or fix."""


@dataclass
class SpeakerDraft:
    """One person as the file names them: every label they go by, and what is known of them."""

    name: str
    role: str = "speaker"
    title: str | None = None
    labels: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A transcript under construction (mutable; ``finish`` settles it)."""

    meta: dict = field(default_factory=dict)
    speakers: dict[str, SpeakerDraft] = field(default_factory=dict)  # key: label as printed
    turns: list[tuple[str, list[str], dict]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def speaker(self, label: str, name: str | None = None, **known) -> str:
        """Register ``label`` (once); return it, the key turns refer to."""
        if label not in self.speakers:
            name = name or (label if is_initials(label) else display_name(label))
            self.speakers[label] = SpeakerDraft(name, labels=[label])
            for key, value in known.items():
                setattr(self.speakers[label], key, value)
        return label

    def add(self, label: str, paragraph: str, attrs: dict | None = None, new: bool = False) -> None:
        """Append a paragraph to the current turn of ``label``, or open a new turn."""
        paragraph = paragraph.strip()
        if not paragraph:
            return
        last = self.turns[-1] if self.turns else None
        if not new and last and last[0] == label and not attrs and not last[2]:
            self.turns[-1][1].append(paragraph)
        else:
            self.turns.append((label, [paragraph], dict(attrs or {})))


def role_key(name: str) -> str:
    """How ``--role`` names a speaker, and how a name or a label is looked up in it: case,
    spacing and Unicode form aside ("Côté" printed with a combining accent is "Côté")."""
    return _as_typed(name).lower()


def _as_typed(name: str) -> str:
    """A name as typed, its spacing and Unicode form aside."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).split())


def parse_roles(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("Zed Shaw=guest",)`` → {"Zed Shaw": "guest"}, the name as typed (looked up by
    ``role_key``; a full name given names a label, ``people.name_speakers``); a bad pair is a
    ReaderError."""
    roles = {}
    for pair in pairs:
        name, sep, role = pair.rpartition("=")
        if not sep or not name.strip() or role not in transcript.ROLES:
            raise ReaderError(
                f"--role expects NAME=ROLE with ROLE one of {', '.join(transcript.ROLES)}"
                f" (got {pair!r})"
            )
        # a label copied as printed, its colon with it ("LG:=interviewee"), is the label
        roles[_as_typed(name).rstrip(" :")] = role
    return roles


def by_key(roles: dict[str, str]) -> dict[str, str]:
    """``roles`` as looked up: by ``role_key``."""
    return {role_key(k): v for k, v in roles.items()}


DAMAGED = "damaged label"


def mark_damaged(draft: Draft, label: str, good: str) -> None:
    """A label OCR damaged ("RIME MINISTER", "lVJ. Georges Péri».") is the speaker of the one
    clean label it copies within two edits (``looks_damaged``): its turns stay its own, marked
    "damaged label" (``quote show`` flags them), and take that speaker's name and role once
    roles are settled (``finish``). Two edits never turn one person's label into another's."""
    sp = draft.speakers[label]
    sp.title, sp.name = DAMAGED, label
    draft.meta.setdefault("_damaged", {})[label] = good
    draft.warnings.append(f"label {label!r} looks damaged: read as {good!r}, marked as damaged")


def _resolve_damaged(draft: Draft) -> None:
    for label, good in draft.meta.pop("_damaged", {}).items():
        sp, clean = draft.speakers.get(label), draft.speakers.get(good)
        if sp is not None and clean is not None:
            sp.name, sp.role = clean.name, clean.role


def looks_damaged(label: str, good_labels: list[str]) -> str | None:
    """The clean label a damaged one resembles ("RIME MINISTER" → "PRIME MINISTER"), if any.

    ``good_labels`` are the labels trusted more (well-known ones, the most frequent ones),
    best first; a label within one edit of one of them is damaged, or two when both are of
    ten letters or more: "MODERATOR" is two edits from "OPERATOR", and another word.
    """
    from rapidfuzz.distance import Levenshtein

    if len(label) < 5:
        return None
    for good in good_labels:
        most = 2 if min(len(label), len(good)) >= 10 else 1
        if good != label and len(good) >= 5 and Levenshtein.distance(label, good) <= most:
            return good
    return None


def finish(draft: Draft, options: dict, roles: dict[str, str], source_id: str) -> Draft:
    """Fill metadata from options, settle roles, check what a transcript needs."""
    meta = draft.meta
    for key in FIELDS:
        if options.get(key):
            meta[key] = options[key]
    meta["id"] = source_id
    missing = [k for k in ("outlet", "language") if not meta.get(k)]
    if missing:
        flags = " ".join(f"--{k} {k.upper()}" for k in missing)
        raise ReaderError(f"the file does not say its {' or '.join(missing)}: pass {flags}")
    if meta.get("date"):
        try:
            meta["date"] = dates.normalize(meta["date"])
        except dates.DateError as exc:
            raise ReaderError(f"the file's date {exc}: pass --date") from None
    if not meta.get("date"):
        draft.warnings.append("no date in the file or options: it will be cited as n.d.")
    if not draft.turns or not draft.speakers:
        raise ReaderError("no speakers found (no speaker labels this reader knows)")
    given_roles(draft, roles)
    _resolve_damaged(draft)
    return draft


def given_roles(draft: Draft, roles: dict[str, str], late: bool = False) -> None:
    """The roles ``--role NAME=ROLE`` gives, by a speaker's name or a label: applied when the
    draft is finished and again (``late``) after any rule that reads roles from the turns,
    which they override — not then to the outlet's own text, which the readers set apart
    (a sponsor read under the host's name, the page's standfirst under the outlet's)."""
    roles = by_key(roles)
    for sp in draft.speakers.values():
        if late and sp.role in ("editor", "unattributed"):
            continue
        # the outlet's voice under a speaker's label (their sponsor read) is not that speaker
        for key in [sp.name] if sp.role == "editor" else [sp.name, *sp.labels]:
            role = roles.get(role_key(key))
            if role:
                sp.role = role


def to_text(draft: Draft) -> str:
    """The draft as the project's transcript text."""
    meta = draft.meta
    ordered = {
        "id": meta["id"],
        "outlet": meta.get("outlet"),
        "date": meta.get("date"),
        "language": meta.get("language"),
        "interviewer": meta.get("interviewer"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "credit": meta.get("credit"),
        # The source type and its keys (issue 14), read back into ``Source.extra``.
        **{
            k: meta[k]
            for k in ("type", "show", "episode", "network", "medium", "accessed")
            if meta.get(k)
        },
    }
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    # One speaker per display name and role: several labels of one person become aliases
    # (the outlet as editor and the outlet asking the questions stay two speakers).
    merged: dict[tuple[str, str, bool], SpeakerDraft] = {}
    ids: dict[str, str] = {}
    used: set[str] = set()
    # the clean labels first: the id of a person is theirs ("interviewer", then "interviewer-2"
    # for the damaged copies)
    in_order = sorted(draft.speakers.items(), key=lambda kv: kv[1].title == DAMAGED)
    for label, sp in in_order:
        # a damaged label's turns stay its own speaker: ``quote show`` marks them
        key = (sp.name.lower(), sp.role, sp.title == DAMAGED)
        if key in merged:
            merged[key].labels += [lab for lab in sp.labels if lab not in merged[key].labels]
        else:
            merged[key] = SpeakerDraft(sp.name, sp.role, sp.title, list(sp.labels))
            sid = base = slug(sp.name)
            n = 2
            while sid in used:
                sid, n = f"{base}-{n}", n + 1
            used.add(sid)
            merged[key].id = sid  # type: ignore[attr-defined]
        ids[label] = merged[key].id  # type: ignore[attr-defined]
    speakers = [
        {"id": sp.id, "name": sp.name, "role": sp.role, "title": sp.title, "labels": sp.labels}  # type: ignore[attr-defined]
        for sp in merged.values()
    ]
    turns = []
    for label, paragraphs, attrs in draft.turns:
        sid = ids[label]
        if attrs:
            sid += " " + " ".join(f"{k}={v}" for k, v in attrs.items())
        turns.append((sid, [_safe(p) for p in paragraphs]))
    return transcript.dump(ordered, speakers, turns)


def _safe(paragraph: str) -> str:
    """A paragraph ``dump`` can write verbatim: no blank line inside, no trailing spaces."""
    lines = [line.rstrip() for line in paragraph.strip().split("\n")]
    # A line opening with ":::" would read back as a turn line (OCR junk does this): a
    # zero-width space in front keeps it text (folding ignores it, so matching is unchanged).
    lines = ["\u200b" + line if line.startswith(":::") else line for line in lines if line.strip()]
    return "\n".join(lines)


def damaged_labels(draft: Draft, found: list) -> None:
    """Labels OCR damaged, each the speaker of the clean label it copies, marked as damaged
    and reported (``mark_damaged``): a label that looks like a copy of a more frequent one
    ("RIME MINISTER"), and a sitting's member whose "M." was misread ("lVJ. Georges Péri».",
    issue 12). ``found`` is the file's ``labels.Found``, in order."""
    from collections import Counter

    from quotecli.readers import labels
    from quotecli.readers.dialogue import KNOWN
    from quotecli.text.names import label_role

    counts = Counter(f.label for f in found if f.label)
    trusted = list(KNOWN) + [lab for lab, _ in counts.most_common()]
    for label, n in counts.items():
        if label not in draft.speakers or len(label) < 5:
            continue
        better = [x for x in trusted if x in KNOWN or counts.get(x, 0) > n]
        good = looks_damaged(label, better)
        if good and _DIGITS.sub("#", good) == _DIGITS.sub("#", label):
            continue  # "Speaker 2" is not a damaged "Speaker 1": numbered voices differ so
        if good and label_role(label) != "speaker":
            continue  # "INTERVIEWEE" is a word of its own, no damaged "INTERVIEWER"
        if good and good != label and good in draft.speakers:
            mark_damaged(draft, label, good)
    members = sorted({f.label for f in found if f.shape == "record-fr"})
    for label in dict.fromkeys(f.label for f in found if f.shape == "record-fr-ocr"):
        good = labels.damaged_member(label, members)
        if label in draft.speakers and good and good in draft.speakers:
            mark_damaged(draft, label, good)


_DIGITS = re.compile(r"\d+")
