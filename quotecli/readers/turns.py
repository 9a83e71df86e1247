"""The general turn reader: speaker labels found in the content, whatever their shape (issue 12).

Plain text, Markdown pages and captions that name their speakers: ``labels`` reads a label on
a line (``NAME:``, Otter's ``Name  0:00``, ``**Name** [00:00]``, ``[00:00:41] CC:``, ``>>``…),
this module turns the lines into a ``Draft``:

- a plain ``Name:`` label counts only when its form says so (capitals, ``Q``/``A``,
  ``Speaker 1``) or it recurs; a label is never invented and never completed by guess — it
  becomes a full name only when the page itself lists that person (front-matter ``hosts``,
  ``guests``, ``speakers``) and the label is their name, their first name or their initials;
- a label's time goes to the turn line (``start=``), never into the quotable text;
- paragraphs without a label continue the last speaker, except what is not speech: headings,
  rules, HTML blocks and shortcodes, images, link lists, italic standfirsts and captions,
  credit and transcription lines, stage notes. Those are the outlet's, role ``editor``: kept,
  never an interviewee's. A heading or bold paragraph that asks a question is the
  interviewer's; one that does not is an intertitle (editor);
- text before the first label is the outlet's (a standfirst), unless it is a long run of
  prose (a talk before its Q&A): then nobody is named for it — ``Unattributed``;
- after applause, or at a ``>>`` change with no name, words go to ``Unattributed`` too: the
  reader does not guess who took the floor. Otter's "Unknown Speaker" stays as printed,
  role ``unattributed``, as does any label that names nobody.

``name_speakers`` then settles names and roles with the user's options once ``finish`` has run.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from quotecli.readers import frontmatter, labels
from quotecli.readers.builder import INTERVIEWER_LABELS, Draft, ReaderError
from quotecli.text import folding
from quotecli.text.names import from_label

EDITOR = "__editor__"
QUESTION = "__question__"
UNATTRIBUTED = "__unattributed__"
_LONG_PROSE = 4  # prose paragraphs before the first label that make a talk, not a standfirst
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_SHORTCODE = re.compile(r"^\{\{[<%][ \t]*\w+[ \t]*\"?|\"?[ \t]*[>%]\}\}[ \t]*$")
_MARKUP = re.compile(r"^(?:[-*_]{3,}|<!--.*-->|\{\{[<%].*[>%]\}\}|</?div[^>]*>|</?p>)[ \t]*$")
_CREDIT = re.compile(
    r"^[*_]*(?:Propos recueillis par|Entretien réalisé|Interview(?:ed)? by|Transcri(?:bed|pt|ption)"
    r"(?: by| par)?|Photo|Crédit|Credit|Source|Author|Auteur|By |Par |Cliché|Capture)",
    re.I,
)
_NOTE = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,40}\]|\(\(?[^()\n]{1,40}\)?\))[ \t]*$")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\n]+>|https?://\S+")


def sniff(head: str) -> bool:
    """Labels of a shape only transcripts have recur (plain ``NAME:`` text is "dialogue")."""
    _, body = frontmatter.split(head) if head.startswith(("---\n", "+++\n")) else ({}, head)
    found = [f for line in _lines(body) if (f := labels.find(line))]
    strong = [f for f in found if f.shape not in ("colon", "bold", "dash")]
    return len(strong) >= 2


def _lines(body: str) -> list[str]:
    """The body's lines, with labels that HTML runs together put on lines of their own."""
    body = re.sub(r"(?<=\S)(<p[^>]*>[ \t]*<b>)", r"\n\1", body.replace("\r\n", "\n"))
    return [
        _SHORTCODE.sub("", line) if line.startswith("{{") else line for line in body.split("\n")
    ]


def _confirmed(found: list[labels.Found]) -> set[str]:
    """Plain labels that are labels: by their form, or recurring, or alongside recurring ones."""
    counts = Counter(f.label for f in found if f.shape == "colon")
    sure = {lab for lab, n in counts.items() if labels.strong_form(lab) or n >= 2}
    if len(sure) >= 2:
        sure |= {lab for lab in counts if len(lab.split()) <= 3}
    return sure | {f.label for f in found if f.shape != "colon"}


def census(text: str) -> list[tuple[str, int]]:
    """The label-like line openings of ``text``, most frequent first (for a refusal)."""
    counts = Counter(
        f"{f.label}:" if f.shape == "colon" else f.label or ">>"
        for line in _lines(text)
        if (f := labels.find(line))
    )
    return counts.most_common(3)


def _kind(para: str, before_first: bool) -> str:
    """ "speech", "editor", "note" (a stage note), "applause" or "question"."""
    first = para.lstrip()
    plain = _TAG.sub("", para).strip()
    if _NOTE.match(para):
        return "applause" if "applau" in para.lower() else "note"
    if first.startswith("#"):
        words = first.lstrip("#").strip()
        return "question" if words.rstrip("*").endswith("?") and not before_first else "editor"
    if re.fullmatch(r"\*\*[^*]+\*\*(?:<br\s*/?>)?", first.strip()):
        return "question" if first.rstrip("<br/> ").rstrip("*").endswith("?") else "editor"
    if first.startswith(("<", "{{", "{%", "![", ":::", "|")) and len(plain) < len(para) / 2 + 40:
        return "editor"
    if not plain or _CREDIT.match(first) or re.fullmatch(r"[*_][^*_].*[*_]", first, re.S):
        return "editor"
    lines = [ln for ln in para.split("\n") if ln.strip()]
    if all(re.match(r"^\s*(?:[-*+]|\d+\.)\s|^\s{2,}\S", ln) for ln in lines):
        return "editor"  # a list: show notes, links
    linked = sum(len(m.group()) for m in _LINK.finditer(para))
    if linked > len(para) * 0.4 or (before_first and linked):
        return "editor"
    if re.fullmatch(r"[\[\]A-ZÀ-Þ0-9 .:'’&-]{2,60}", plain) and not plain.endswith("."):
        return "editor"  # "EPISODE 7", "[INTERVIEW]": section marks
    if before_first and len(plain) < 60 and not re.search(r"[.!?…:]$", plain):
        return "editor"  # a title line
    return "speech"


def _speech(text: str) -> str:
    """A paragraph's words: Markdown escapes undone, HTML markup and entities gone."""
    text = _ESCAPE.sub(r"\1", text)
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub("", text))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return text.strip()


def _units(lines: list[str]) -> list[tuple[labels.Found | None, str]]:
    """Paragraphs cut at labelled lines: (label or None, the paragraph's text)."""
    found = {i: f for i, line in enumerate(lines) if (f := labels.find(line))}
    sure = _confirmed(list(found.values()))
    out: list[tuple[labels.Found | None, list[str]]] = []
    current: tuple[labels.Found | None, list[str]] | None = None
    for i, line in enumerate(lines):
        f = found.get(i)
        if f is not None and f.shape == "colon" and f.label not in sure:
            f = None
        if f is not None:
            current = (f, [f.rest] if f.rest else [])
            out.append(current)
        elif not line.strip() or _MARKUP.match(line.strip()):
            current = None
        elif current is None:
            current = (None, [line])
            out.append(current)
        else:
            current[1].append(line)
    return [(f, "\n".join(ls)) for f, ls in out]


def read(text: str) -> Draft:
    """Read labelled turns into a draft (front matter, if any, gives the metadata)."""
    meta, body = frontmatter.split(text.replace("\r\n", "\n"))
    draft = Draft(meta=dict(meta))
    units = _units(_lines(body))
    if not any(f is not None and f.shape != "header" for f, _ in units):
        raise ReaderError(refusal(body))
    first = next(i for i, (f, _) in enumerate(units) if f is not None)
    prose = [t for f, t in units[:first] if _kind(t, True) == "speech"]
    opening = UNATTRIBUTED if len(prose) >= _LONG_PROSE else EDITOR
    current, fresh, pending = opening, True, None
    for i, (f, para) in enumerate(units):
        attrs = {"start": f.time} if f is not None and f.time else None
        if f is not None and f.shape == "header":
            pending, current, fresh = f.label, _register(draft, f.label), True
            continue
        if f is not None:
            if f.shape == "chevron":
                label = pending or UNATTRIBUTED
                current = _register(draft, label)
                pending = None
            else:
                current = _register(draft, f.label, asked=f.shape == "bold-question")
            fresh = True
            if para.strip():
                draft.add(current, _speech(para), attrs, new=True)
                fresh = False
            elif attrs:
                draft.meta.setdefault("_times", {})[len(draft.turns)] = attrs
            continue
        kind = _kind(para, i < first)
        if kind in ("editor", "note", "applause"):
            draft.add(_register(draft, EDITOR), para.strip(), new=True)
            fresh = True
            if kind == "applause":
                current = UNATTRIBUTED
        elif kind == "question":
            words = para.strip().lstrip("#").strip().strip("*")
            draft.add(
                _register(draft, QUESTION), _speech(re.sub(r"<br\s*/?>", "", words)), new=True
            )
            fresh = True
        else:
            key = _register(draft, current)
            times = draft.meta.get("_times", {}).pop(len(draft.turns), None) if fresh else None
            if not fresh and draft.turns and draft.turns[-1][0] == key:
                draft.turns[-1][1].append(_speech(para))  # a timed turn goes on
            else:
                draft.add(key, _speech(para), times, new=True)
            fresh = False
    draft.meta.pop("_times", None)
    return draft


def _register(draft: Draft, label: str, asked: bool = False) -> str:
    if label == EDITOR:
        return draft.speaker(EDITOR, "Editor", role="editor")
    if label == QUESTION:
        return draft.speaker(QUESTION, "Interviewer", role="interviewer")
    if label == UNATTRIBUTED:
        return draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
    low = label.lower()
    if label not in draft.speakers:
        initials = len(label) <= 3 and label.isupper()
        name = label if initials else from_label(label)
        role = "speaker"
        if low in labels.EDITOR_LABELS:
            role = "editor"
        elif low in labels.UNNAMED:
            role = "unattributed"
        elif label in ("Q", "Question") or label.split()[0] in INTERVIEWER_LABELS:
            role = "interviewer"
        elif label in ("A", "R", "Answer", "Réponse"):
            role = "interviewee"
        draft.speaker(label, name, role=role)
    if asked:
        draft.speakers[label].title = "asks"
    return label


def refusal(text: str) -> str:
    """Why no speakers were found, with the labels seen most and what to pass."""
    seen = census(text)
    if not seen:
        return "no speakers found: no line opens with a speaker label ('NAME:', '**Name:**', …)"
    listed = ", ".join(f"'{lab}' {n} time{'s' if n > 1 else ''}" for lab, n in seen)
    return f"no speakers found; labels found: {listed} — pass --format dialogue"


def _fold(text: str) -> tuple[str, ...]:
    return tuple(folding.fold_words(text))


def _person(label: str, people: list[str]) -> str | None:
    """The listed person this label prints: their name, first name or initials (unique)."""
    key = _fold(label)
    for pick in (
        lambda p: _fold(p) == key,
        lambda p: len(key) == 1 and _fold(p)[:1] == key,
        lambda p: (
            label.isupper()
            and 2 <= len(label) <= 3
            and "".join(w[0] for w in p.split()).upper() == label
        ),
    ):
        hits = [p for p in people if pick(p)]
        if len(hits) == 1:
            return hits[0]
    return None


def name_speakers(draft: Draft, options: dict) -> None:
    """Names and roles once metadata is settled: the page's people, then the user's options.

    The outlet speaks the editor's turns and, unless an interviewer is named, the questions.
    With ``--interviewee`` (or page guests) the other named speakers are the interviewers;
    with only ``--interviewer`` (or page hosts) the others are interviewees.
    """
    meta = draft.meta
    people = meta.pop("people", {}) or {}
    outlet = meta.get("outlet") or "Editor"
    if EDITOR in draft.speakers:
        draft.speakers[EDITOR].name = outlet
    if QUESTION in draft.speakers:
        draft.speakers[QUESTION].name = options.get("interviewer") or outlet
    hosts, guests = people.get("hosts", []), people.get("guests", [])
    listed = hosts + guests + people.get("speakers", [])
    named = [sp for key, sp in draft.speakers.items() if not key.startswith("__")]
    for sp in named:
        if sp.role in ("editor", "unattributed"):
            continue
        who = _person(sp.labels[0], listed)
        if who is None and sp.labels[0] in ("A", "R") and len(set(listed)) == 1:
            who = listed[0]
        if who:
            sp.name = who
    interviewee = options.get("interviewee")
    interviewer = options.get("interviewer")
    chosen = set()
    for sp in named:
        keys = {_fold(k) for k in (sp.name, *sp.labels)}
        if interviewee and _fold(interviewee) in keys or sp.name in guests:
            sp.role = "interviewee"
        elif interviewer and _fold(interviewer) in keys or sp.name in hosts or sp.title == "asks":
            sp.role = "interviewer"
        else:
            continue
        chosen.add(sp.role)
        if sp.title == "asks":
            sp.title = None
    others = [sp for sp in named if sp.role == "speaker"]
    if "interviewee" in chosen:
        for sp in others:
            sp.role = "interviewer"
    elif "interviewer" in chosen:
        for sp in others:
            sp.role = "interviewee"
