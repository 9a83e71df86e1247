"""The general turn reader: speaker labels found in the content, whatever their shape (issue 12).

Plain text, Markdown pages and captions that name their speakers: ``labels`` reads a label on
a line (``NAME:``, Otter's ``Name  0:00``, ``**Name** [00:00]``, ``[00:00:41] CC:``, ``>>``…),
this module turns the lines into a ``Draft``:

- a plain ``Name:`` label counts only when its form says so (capitals, ``Q``/``A``,
  ``Speaker 1``) or it recurs; a label is never invented and never completed by guess — it
  becomes a full name only when the page itself lists that person (front-matter ``hosts``,
  ``guests``, ``speakers``) and the label is their name, their first name or their initials;
- a label's time goes to the turn line (``start=``), never into the quotable text; so does a
  bracketed time opening its words (``**Adam:** \\[01:22\\] Yeah``), and one inside the words
  (``databases \\[16:13\\] is``) is taken out: a quotation never holds a timestamp;
- paragraphs without a label continue the last speaker, except what is not speech: headings,
  rules, HTML blocks and shortcodes, images, link lists, italic standfirsts and captions,
  credit and transcription lines, stage notes, info boxes and figures. Those are the outlet's,
  role ``editor``: kept, never an interviewee's. A paragraph that reads an ad ("visit
  shopify.com slash careers") is its speaker's "sponsor read" voice, role ``editor`` too.
  A heading or bold paragraph that asks a question is the interviewer's; one that does not
  is an intertitle (editor);
- text before the first label is the outlet's (a standfirst), unless it is a long run of
  prose (a talk before its Q&A): then nobody is named for it — ``Unattributed``;
- after applause, or at a ``>>`` change with no name, words go to ``Unattributed`` too: the
  reader does not guess who took the floor. Otter's "Unknown Speaker" stays as printed,
  role ``unattributed``, as does any label that names nobody.

``people.name_speakers`` then settles names and roles once ``finish`` has run.
"""

from __future__ import annotations

import html
import re

from quotecli.readers import (
    artefacts,
    court,
    cuts,
    frontmatter,
    labels,
    labelwords,
    pages,
    sitting,
    sponsor,
)
from quotecli.readers.builder import Draft, damaged_labels
from quotecli.readers.paragraphs import (  # the paragraphs' kinds, the page's furniture
    CLOSING,
    START,
    THANKS,
    TITLE,
    asks,
    bio,
    cover,
    credit,
    handover,
    kind,
    talk_speaker,
)  # fmt: skip
from quotecli.readers.units import confirmed, cut
from quotecli.readers.unlabelled import UNATTRIBUTED, unlabelled
from quotecli.text.markup import heading
from quotecli.text.names import from_label, label_role, titled

EDITOR = "__editor__"
QUESTION = "__question__"
_LONG_PROSE = 4  # prose paragraphs before the first label that make a talk, not a standfirst
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")


def sniff(head: str) -> bool:
    """Labels of a shape only transcripts have recur (plain ``NAME:`` text is "dialogue")."""
    _, body = frontmatter.split(head) if head.startswith(("---\n", "+++\n")) else ({}, head)
    found = [f for line in pages.lines(body) if (f := labels.find(line.strip()))]
    strong = [f for f in labels.recurring_headings(found)
              if f.shape not in ("colon", "bold", "dash", "record-fr-ocr")]  # fmt: skip
    return len(strong) >= 2


def labelled(head: str) -> bool:
    """Plain labels recur ("Frédéric Guimier : …" answers on a Q&A page)."""
    lines = pages.lines(head)
    at = {i: f for i, line in enumerate(lines) if (f := labels.find(line.strip()))}
    found = list(at.values())
    plain = [f for f in found if f.shape == "colon"]
    sure = confirmed(plain)
    # or labels set in bold ("**Johanna Benamrouche** : pour nous…"), two lines or more
    bold = [f for f in found if f.shape == "bold" and f.rest]
    heads = labels.run_in_heads(lines, {i: f.label for i, f in at.items() if f.shape == "bold"})
    return sum(1 for f in plain if f.label in sure) >= 2 or len(bold) >= 2 and not heads


def _speech(text: str) -> str:
    """A paragraph's words: Markdown markup and escapes undone (``text.markup.spoken``: no
    ``*``, link or image reaches a quotation), HTML markup and entities gone."""
    from quotecli.text.markup import listed, spoken

    text = spoken(text) if _INLINE_MARKS & set(text) or listed(text) else text
    if "<" in text or "&" in text:
        # "<Laughs>", "<Inaudible>": a transcriber's note in angle brackets (the Computer
        # History Museum's oral histories), no HTML element: kept, bracketed as a note
        text = _ANGLE_NOTE.sub(_angle_note, text)
        text = html.unescape(_KEPT_NOTE_TAG.sub("", text))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return sitting.reactions(text.strip())  # "(Rires.)" in a speech: the record's, bracketed


_INLINE_MARKS = frozenset("\\`*_[<~")
_ANGLE_NOTE = re.compile(r"<([A-Z][\w'’]*(?:[ \t]+[\w'’]+){0,4})>")
_KEPT_NOTE_TAG = re.compile(r"(?<!\[)</?[a-zA-Z][^>\n]*>|</?[a-zA-Z][^>\n]*>(?!\])")
_HTML_ELEMENTS = frozenset(
    """a abbr address article aside audio b bdi bdo big blockquote body br button caption center
    cite code col dd del details dfn div dl dt em embed figcaption figure font footer form h1 h2
    h3 h4 h5 h6 head header hr html i iframe img input ins kbd label li link main mark meta nav
    noscript ol option p picture pre q s samp script section select small source span strike
    strong style sub summary sup svg table tbody td textarea tfoot th thead time title tr tt u
    ul var video wbr""".split()
)


def _angle_note(m: re.Match) -> str:
    return m.group(0) if m.group(1).split()[0].lower() in _HTML_ELEMENTS else f"[{m.group(0)}]"


def _handed_over(units, n: int) -> bool:
    """Whether the labelled paragraph before unit ``n`` hands over to a named reporter."""
    f = units[n - 1][0] if n > 0 else None
    return f is not None and bool(f.rest) and handover(units[n - 1][1])


def _alone(units, n: int) -> bool:
    """Whether unit ``n`` follows a label alone on its line ("JOURNALIST:" and nothing)."""
    return n > 0 and units[n - 1][0] is not None and not units[n - 1][0].rest


def _labelled_asker(units) -> bool:
    """Whether a labelled voice asks: three of its paragraphs or more, a third of them, end on a
    question (the page labels its questions with the asker's name)."""
    from collections import Counter

    said = Counter(f.label for f, _, _ in units if f is not None and f.label)
    asked = Counter(
        f.label for f, t, _ in units if f is not None and f.label and t.rstrip(" *_").endswith("?")
    )  # fmt: skip
    return any(n >= 3 and n >= 0.3 * said[label] for label, n in asked.items())


def _signed_off(units, last: int) -> bool:
    """Whether the last labelled turn is a short thanks ("Netzcamp: Vielen Dank, Christina und
    Jana!") and a few short paragraphs follow it to the end: the page's ("Zum Podcast-Abo
    geht es hier entlang", "Habt ihr sonst noch Fragen an uns?"), the interview over."""
    f = units[last][0]
    after = [t for _, t, _ in units[last + 1 :] if t.strip()]
    return (
        f is not None and bool(f.rest) and len(units[last][1]) <= 250
        and bool(THANKS.match(f.rest)) and 1 <= len(after) <= 5
        and all(len(t) <= 300 for t in after)
    )  # fmt: skip


def _plain(text: str) -> str:
    return _TAG.sub("", re.sub(r"\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text))


def read(text: str) -> Draft:
    """Read labelled turns into a draft (front matter, if any, gives the metadata)."""
    meta, body = frontmatter.split(text)  # (line ends made "\n" there)
    draft = Draft(meta=dict(meta))
    lines, left_out = pages.split(body)  # the pages parted once (their heads, footnotes)
    lines = court.headings_apart(lines)
    units = cut(cuts.interjections(cuts.glued([cuts.bold_time(x) for x in lines])))
    draft.warnings += left_out
    if not any(f is not None and f.shape != "header" for f, _, _ in units):
        return unlabelled(draft, body)  # spoken prose, no label: nobody's; else refused
    sitting.mark(draft, body, lines, [f for f, _, _ in units if f is not None])
    for _f, t, _ in units[: next(i for i, u in enumerate(units) if u[0] is not None)]:
        if m := TITLE.match(t.strip()):  # "Title: …" before the first label: the page's title
            draft.meta.setdefault("title", m.group("t").strip())
            break
    first = next(i for i, (f, _, _) in enumerate(units) if f is not None)
    last = max(i for i, (f, _, _) in enumerate(units) if f is not None)
    kinds = [kind(t, i < first) if f is None and not box else "editor" if box else ""
             for i, (f, t, box) in enumerate(units)]  # fmt: skip
    if first and units[first - 1][1].lstrip().startswith("#") and asks(units[first - 1][1]):
        kinds[first - 1] = "question"  # "## Pouvez-vous … ?" before the first answer: asked
    if _labelled_asker(units):  # "Korinna Hennig: … ?" asks: a heading that asks amid the
        # answers is the outlet's intertitle ("### Ein psychologischer Verdrängungsmechanismus?")
        kinds = [
            "editor" if k == "question" and u[1].lstrip().startswith("#")
            and labels.find(u[1].lstrip("# \t")) is None else k  # "#### M: Why…?" is M's
            for k, u in zip(kinds, units, strict=True)
        ]  # fmt: skip
    started = [
        i for i, (f, t, _) in enumerate(units) if f is None and START.match(_plain(t).strip())
    ]
    for i in range(started[0] if started else 0):
        if units[i][0] is None:
            kinds[i] = "editor"  # before "[START OF INTERVIEW]": the page's own words
    if _signed_off(units, last):
        for i in range(last + 1, len(units)):
            kinds[i] = "editor" if units[i][0] is None and kinds[i] == "speech" else kinds[i]
    prose = [t for (_, t, _), k in zip(units[:first], kinds, strict=False) if k == "speech"]
    # a long run of prose is a talk, not a standfirst; words that open mid-sentence end a
    # turn whose label is not in the file (an excerpt): nobody is named for either
    midway = bool(prose) and prose[0].lstrip()[:1].islower()
    headed = any(heading(t) for _, t, _ in units[:first])  # "## Title", "Title" ⏎ "====="
    covered = any(credit(t) or cover(t) for _, t, _ in units[:first])  # "Conducted by …"
    midway = midway and not covered  # a cover: the page opens with the outlet's words
    talk = len(prose) >= _LONG_PROSE and not headed and not covered
    opening = UNATTRIBUTED if talk or midway else EDITOR
    # a talk's page that names its speaker ("* **Speaker: [David Nolen](…)**"): the prose
    # is theirs, and theirs again after each bracketed question from the floor
    printed = {f.label for f, _, _ in units if f is not None and f.label}
    if prose and (named := talk_speaker([t for _, t, _ in units[:first]], printed)):
        opening = _register(draft, named)
    if (draft.meta.get("_debate") or pages.margins(body)) and not midway:
        opening = EDITOR  # a sitting's or a court's record opens with its header: contents,
        # date, prayers, appearances; a page that opens mid-sentence opens in a speech whose
        # label is on the page before
    draft.meta["_standfirst"] = "\n".join(  # its lines kept: a name is never read across two
        _plain(t) for (f, t, _), k in zip(units[:first], kinds, strict=False)
        if opening == EDITOR and not credit(t)
    )  # fmt: skip
    current, fresh, pending, closed = opening, True, None, False
    sworn: dict[str, str] = {}  # "Q"/"A" → the examiner's and the witness's labels
    # "**Question**: …" and every answer unlabelled (often quoted, "> When I was…"): the
    # page labels its questions only, so the prose after a question is the answer
    answers_unlabelled = bool(printed) and all(label_role(x) == "interviewer" for x in printed)
    # a file that labels each paragraph, a speaker's next one too ("MJ : …" twice, RFI's
    # bulletins): a paragraph with no label after a labelled one is a voice it does not name
    # (a clip), not theirs
    said = [f is not None for i, (f, t, _) in enumerate(units) if i > first
            and (f is not None and f.rest or f is None and kinds[i] == "speech")]  # fmt: skip
    runs = [f.label for f, _, _ in units if f is not None and f.rest]
    # (a tenth of them or more: a panel's few "**JULES:** [Laughs]" twice leave the unlabelled
    # paragraphs of an answer its speaker's)
    again = sum(a == b for a, b in zip(runs, runs[1:], strict=False)) >= max(1, len(runs) / 10)
    each_labelled = again and len(said) >= 10 and sum(said) >= 0.85 * len(said)
    mostly = len(said) >= 10 and sum(said) >= 0.75 * len(said)  # a report after a hand-over
    quoting = False  # the turn is set as a quotation below its label alone on its line
    for n, ((f, para, box), what) in enumerate(zip(units, kinds, strict=True)):
        quoted = f is None and para.lstrip().startswith(">")
        if quoted and not answers_unlabelled and current not in (EDITOR, UNATTRIBUTED):
            # "**Stefano Maestri**" ⏎ "> Ciao a tutte e tutti…": the turn, not a pull quote
            quoting = quoting or fresh and _alone(units, n)
        else:
            quoting = False
        if quoted and (answers_unlabelled or quoting):
            what = "speech"  # the answer, set as a quotation; its ">" lines part paragraphs
            para, *more = re.split(r"\n[ \t]*\n", _UNQUOTE.sub("", para).strip())
        else:
            more = []
        if f is None and what in ("editor", "note"):
            for role, pattern in (("Q", court.EXAMINER), ("A", court.WITNESS)):
                if m := pattern.search(para.strip()):
                    sworn[role] = " ".join(next(g for g in m.groups() if g).split())
        para, stamp = labels.untimed(para) if "[" in para else (para, None)
        if f is not None and not f.time and stamp and para.strip():
            f = f._replace(time=stamp)  # "**Adam:** \\[01:22\\] Yeah": the turn's start
        attrs = {"start": f.time} if f is not None and f.time else None
        if f is not None and f.shape == "header":
            pending, current, fresh = f.label, _register(draft, f.label), True
            continue
        if f is not None:
            if f.shape == "chevron":
                current = _register(draft, pending or UNATTRIBUTED)
                pending = None
            elif f.label in sworn:  # "Q." is the examiner, "A." the witness sworn in
                current = _register(draft, sworn[f.label])
                draft.speakers[current].role = "interviewer" if f.label == "Q" else "interviewee"
                if f.label not in (known := draft.speakers[current].labels):
                    known.append(f.label)  # "--speaker Q", "--role A=…" name them still
            else:
                current = _register(draft, f.label, asked=f.shape == "bold-question")
            fresh = True
            if para.strip():
                draft.add(current, _speech(para), attrs, new=True)
                fresh = False
            elif attrs:
                draft.meta.setdefault("_times", {})[len(draft.turns)] = attrs
            if f.shape == "bracket-said" and opening not in (EDITOR, UNATTRIBUTED):
                current, fresh = opening, True  # the bracket closed the question
            continue
        if what == "speech" and (closed or n > last and bio(para, draft)):
            what = "editor"  # after the closing credits, or "X est un entrepreneur…" at the end
        if what == "note" and fresh and current not in (EDITOR, UNATTRIBUTED) and _alone(units, n):
            what = "speech"  # "JOURNALIST:" ⏎ "(inaudible).": the turn is theirs, the note marked
        if what in ("editor", "note", "applause"):
            # a credit line, or a heading after the last label ("## Résumé de la réunion"): a
            # section of the page's own, and the unlabelled prose after it is the outlet's
            closed = closed or bool(CLOSING.match(para.lstrip()))
            closed = closed or (n > last and what == "editor" and para.lstrip().startswith("#"))
            draft.add(_register(draft, EDITOR), para.strip(), new=True)
            fresh = True
            if what == "applause" or box == "section" and n > first:
                current = UNATTRIBUTED  # who speaks after a new section, the label says
            if sponsor.HEADING.match(para.strip()):
                current = _register(draft, EDITOR)  # the read under it, to the next label
        elif what == "question":
            words = para.strip().lstrip("#").strip().strip("*")
            words = _speech(re.sub(r"<br\s*/?>", "", words))
            draft.add(_register(draft, QUESTION), words, new=True)
            fresh = True
        else:
            if (
                answers_unlabelled
                and draft.speakers.get(current, None) is not None
                and (draft.speakers[current].role == "interviewer")
            ):
                current, fresh = _register(draft, ANSWER), True
            elif (
                (each_labelled or mostly and _handed_over(units, n))
                and not fresh
                and (current not in (EDITOR, UNATTRIBUTED))
            ):
                current, fresh = UNATTRIBUTED, True
            key = _register(draft, current)
            times = draft.meta.get("_times", {}).pop(len(draft.turns), None) if fresh else None
            if stamp and not fresh:  # "\\[00:04:02.17\\] It would…": the speaker goes on, timed
                draft.add(key, _speech(para), {"start": stamp}, new=True)
            elif not fresh and draft.turns and draft.turns[-1][0] == key:
                draft.turns[-1][1].append(_speech(para))  # a timed turn goes on
            else:
                draft.add(key, _speech(para), times, new=True)
            draft.turns[-1][1].extend(_speech(x) for x in more if x.strip())
            fresh = False
    draft.meta.pop("_times", None)
    for label, title in draft.meta.pop("_titles", {}).items():
        if label in draft.speakers and not draft.speakers[label].title:
            draft.speakers[label].title = title
    for label, forms in draft.meta.pop("_printed", {}).items():
        if label in draft.speakers:  # the label with its title, as the record prints it
            draft.speakers[label].labels += [f for f in dict.fromkeys(forms) if f != label]
    sponsor.mark(draft)
    artefacts.mark(draft)  # "Sous-titrage Société Radio-Canada": a recogniser invented it
    damaged_labels(draft, [f for f, _, _ in units if f is not None])
    return draft


ANSWER = "Answer"  # the label given to unlabelled answers on a page that labels its questions
_UNQUOTE = re.compile(r"(?m)^[ \t]*>[ \t]?")
_QUALIFIED = re.compile(r"^(.+?)[ \t]*\([^()]*\)$")  # "E2 (probe)", "Tim (laughing)"


def _register(draft: Draft, label: str, asked: bool = False) -> str:
    if label == EDITOR:
        return draft.speaker(EDITOR, "Editor", role="editor")
    if label == QUESTION:
        return draft.speaker(QUESTION, "Interviewer", role="interviewer")
    if label == UNATTRIBUTED:
        return draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
    # "[NOTAS DE OBSERVACIÓN - PROBE]" is the note's label, a qualifier after a dash aside
    low = re.split(r" [-–—] ", label.lower().strip("[]() "))[0]
    qualified = _QUALIFIED.match(label)
    if label not in draft.speakers and qualified and qualified.group(1) in draft.speakers:
        label = qualified.group(1)  # "E2 (probe)" after "E2": the same voice
    if label not in draft.speakers:
        initials = len(label) <= 3 and label.isupper()
        office, named = titled(label)  # "SECRETARY OF STATE HILLARY CLINTON": the office aside
        name = label if initials else from_label(named)
        role = "speaker"
        notes = labelwords.NOTE_LABELS
        if low in labelwords.EDITOR_LABELS or any(low.startswith(f"{n} ") for n in notes):
            role = "editor"  # "[NOTAS DE OBSERVACIÓN PROBE]": a note's label and its kind
        elif low in labelwords.UNNAMED or labels.BENCHES.match(label):
            role = "unattributed"
        else:
            role = label_role(label)
        draft.speaker(label, name, role=role, **({"title": office} if office else {}))
    if asked:
        draft.speakers[label].title = "asks"
    return label
