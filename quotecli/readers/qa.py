"""Press Q&A whose questions are set in bold or as headings, answers in plain paragraphs.

The web form of a published interview: no speaker labels at all, the outlet's questions
typeset apart (``**Pourquoi avoir signé ?**`` or ``## Pourquoi avoir signé ?``), every plain
paragraph after a question the interviewee's answer (answers run over several paragraphs).

- Front matter (``---`` or ``+++``, as for Markdown transcripts) gives the metadata, including
  ``interviewee:`` (or a single ``guests:`` entry, or the one guest the standfirst names:
  "je reçois Marie Dupont", ``standfirst.standfirst_people``) — else ``--interviewee NAME`` says
  whose answers they are. The reader never guesses a name: without one, or with several
  ("interviewee: A; B", two guests — ``names.several`` reads the list), the answers are
  imported unattributed (role ``unattributed``, issue 12) and the import says why.
- Paragraphs before the first question (the standfirst), captions, boxes, rules and credit
  lines are the outlet's: kept as the editor's turns, so they can never be given to the
  interviewee. A heading that asks nothing and does not speak to the interviewee (an
  intertitle) is the editor's too; "## Vous utilisez uMap…" is a prompt, asked.
- A heading before the first question that does not end with "?" is the title when the front
  matter has none; a credit line ("Propos recueillis par …") names the interviewer.
- Questions may instead open with a dash (``— Pourquoi … ?``, French press usage): when two
  paragraphs or more do, those are the questions (with or without "?"), and every heading is
  the page's (a title or an intertitle), never a question.
- A ``Title: …`` line or heading at the top gives the title.
- The bold or heading markup is not text: it is dropped; the words are kept as written, and
  inline markup (emphasis, links, images, code spans, hard breaks) comes off them too
  (``text.markup.spoken``): the stored transcript is the words, offsets exact into it.
"""

from __future__ import annotations

import re
from collections import Counter

from quotecli.readers.builder import Draft, ReaderError
from quotecli.readers.frontmatter import header_block
from quotecli.readers.furniture import fence, fenced
from quotecli.readers.paragraphs import (
    END,
    START,
    asked_by,
    asks,
    back_matter,
    bio,
    made_by,
    promo,
    prompts,
    unglued,
)
from quotecli.readers.paragraphs import TITLE as _TITLE
from quotecli.readers.standfirst import standfirst_people
from quotecli.text.markup import spoken
from quotecli.text.names import several

QUESTION = "QUESTION"
ANSWER = "ANSWER"
# a question in bold, on one line or wrapped over several ("**Vous avez fondé …\nconcrètement ?**")
# (or bold and italic: "**_What do you think…?_**", "***…***")
_BOLD = re.compile(
    r"^(?:\*\*|__)(?:[*_](?=[^*_\s]))?(?P<q>[^*_\s](?:[^\n]|\n(?!\s*\n))*?)[*_]?(?:\*\*|__)$", re.S
)
# two bold-italic runs joined ("…projects and_****_⏎_****_what would…"): one, as a WordPress
# import leaves a question broken over a line
_JOINED = re.compile(r"_\*{4}_")
# the one who answers what follows, named alone in bold, linked or not ("[**Simon Lees**](…)",
# "**Gertjan Lettink ( Knurpht )**"): a panel's respondent, above their answers
_RESPONDENT = re.compile(
    r"^\[?\*\*(?P<name>[^*\n()]{2,60}?)[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*\*\*(?:\]\([^)\s]*\))?$"
)
_HEADING = re.compile(r"^#{1,6}\s+(?P<q>[^\n]+?)\s*#*$")


_RULE = r"[-*_]{3,}|[-*+]"  # a rule, or an empty list bullet: layout, no words
_DASH = re.compile(r"^[—–][ \t\u00a0]+(?P<q>\S.*)$", re.S)


def _dashed(paragraphs: list[str]) -> bool:
    """Questions that open with a dash: two paragraphs or more do."""
    return sum(bool(_DASH.match(p)) for p in paragraphs) >= 2


# the interviewer's label or the question's number before a question set apart: "Q:", "Q1.",
# "Question 3 :", "1.", "2)" (issue 12) — a label, never the question's words
_ASKER = r"(?:(?:Q|Question|Frage|Pregunta)[ \t]*\d{0,2}[ \t\u00a0]*[.:)–—-]|\d{1,2}[ \t]*[.)])"
_NUMBER = re.compile(rf"^{_ASKER}[ \t]+(?=\S)")
# "**Q: How did you…\n…?**" (over several lines), "**1.** Why…?", "1. **Why…?**"
_LABELLED_BOLD = re.compile(
    rf"^(?:\*\*|__)(?P<q>{_ASKER}[ \t]+(?:(?!\*\*|__).)+?)(?:\*\*|__)$", re.S
)
_BOLD_NUMBER = re.compile(rf"^(?:\*\*|__)(?P<n>{_ASKER})(?:\*\*|__)[ \t]+(?P<q>\S.*)$", re.S)
# a numbered list's item, its bold run over the item's lines ("8. **¿Consideras…⏎    libres?**")
_LISTED_BOLD = re.compile(
    r"^\d{1,2}[.)][ \t]+(?:\*\*|__)(?P<q>(?:[^\n]|\n(?![ \t]*\n))+?)(?:\*\*|__)$"
)
# the outlet's name before each bold question ("**Publico: Herr Zahradil, …?**", "**SPIEGEL:
# …?**"): a label (``numbered`` wants it before two questions or more), never the words
_NAMED = re.compile(
    r"^(?P<label>[A-ZÀ-Þ][\w&’'.-]*(?:[ \t][A-ZÀ-Þ][\w&’'.-]*){0,2})[ \t\u00a0]*:[ \t]+(?=\S)"
)


def _asker(paragraphs: list[str]) -> str | None:
    """The label before two bold questions or more ("**Publico: …?**"), the page's asker."""
    named = Counter(
        n.group("label")
        for p in paragraphs
        if (m := _BOLD.match(p)) and (n := _NAMED.match(m.group("q")))
    )
    found = named.most_common(1)
    return found[0][0] if found and found[0][1] >= 2 else None


def _question(
    paragraph: str, dashed: bool = False, asker: str | None = None
) -> tuple[str, bool] | None:
    """(the question's words, whether it is a heading) when the paragraph is set apart; an
    interviewer's label or a number before it ("Q1:", "2.", the page's ``asker``) is not part
    of the words."""
    if dashed:
        m = _DASH.match(paragraph)
        return (" ".join(m.group("q").split()), False) if m else None
    paragraph = _JOINED.sub("", paragraph)
    m = _BOLD.match(paragraph) or _LABELLED_BOLD.match(paragraph) or _LISTED_BOLD.match(paragraph)
    if m and "**" not in m.group("q"):
        words = _NUMBER.sub("", " ".join(m.group("q").split()))
        label = _NAMED.match(words)
        return (words[label.end() :] if label and label.group("label") == asker else words), False
    m = _BOLD_NUMBER.match(paragraph)
    if m and "**" not in m.group("q") and asks(m.group("q")):
        return " ".join(m.group("q").split()), False
    m = _HEADING.match(paragraph)
    if m:
        return _NUMBER.sub("", m.group("q").strip()), True
    return None


def numbered(head: str) -> bool:
    """A Q&A page whose questions carry the interviewer's label or a number ("**Q: …?**",
    "**1.** …?", "## 2) …?") and whose answers carry none: two such questions or more, and
    no other paragraph opening with a speaker label. Its labels are the page's typesetting,
    not a dialogue's: the page is ``qa``'s, not the turn reader's."""
    from quotecli.readers import labels
    from quotecli.readers.markdown import front_matter

    try:
        _, body = front_matter(head)
    except ReaderError:
        return False
    paragraphs = _paragraphs(body)
    asker = _asker(paragraphs)
    by_asker = re.compile(rf"^(?:\*\*|__){re.escape(asker)}[ \t\u00a0]*:") if asker else None
    labelled = [p for p in paragraphs if re.match(rf"^(?:\*\*|__|#{{1,6}}[ \t]+)?{_ASKER}", p)
                or _LISTED_BOLD.match(p) or by_asker and by_asker.match(p)]  # fmt: skip
    asked = [p for p in labelled if (q := _question(p, asker=asker)) and asks(q[0])]
    answers = [p for p in paragraphs if p not in labelled and labels.find(p.split("\n")[0])]
    return len(asked) >= 2 and len(answers) < 2


def _paragraphs(body: str) -> list[str]:
    """Paragraphs, a bold or dashed question run into its answer ("**…?**<br>\nAnswer",
    "— …?\nAnswer") cut in two."""
    out = []
    for p in re.split(r"\n[ \t]*\n", body):
        first, _, rest = p.strip().partition("\n")
        bold = re.fullmatch(r"(\*\*[^\n]+\*\*)[ \t]*(?:<br\s*/?>)?", first.strip())
        # "— Pourquoi … ?" with its answer on the next line, no blank between them
        asked = _DASH.match(first.strip()) and _asked(first) and not _DASH.match(rest.strip())
        if bold and rest.strip():
            out += [bold.group(1), *unglued(rest.strip())]
        elif asked and rest.strip():
            out += [first.strip(), *unglued(rest.strip())]
        elif p.strip():
            out += unglued(p.strip())
    return out


def _asked(words: str) -> bool:
    """A question's words end with "?" once markup is off ("[**…?**]{.s1} {#id}", Pandoc)."""
    return spoken(words).rstrip(" \u00a0*_").endswith("?")


def sniff(head: str) -> bool:
    """Two questions or more set apart (bold or heading, ending with "?"), followed by text."""
    from quotecli.readers.markdown import front_matter

    try:
        _, body = front_matter(head)
    except ReaderError:
        return False
    paragraphs = _paragraphs(body)
    asked = [q for p in paragraphs if (q := _question(p)) and _asked(q[0])]
    return len(asked) >= 2 or _dashed(paragraphs) or len(plain_asked(paragraphs)) >= 2


def plain_asked(paragraphs: list[str]) -> set[str]:
    """Questions in plain type, each answered by a blockquote ("Come è nato GlobaLeaks?" ⏎
    "> GlobaLeaks è nato…"): the short paragraphs a whole blockquote follows, where two of
    them or more ask; none otherwise (a pull-quote after a paragraph is no answer)."""
    found = set()
    for p, after in zip(paragraphs, paragraphs[1:], strict=False):
        quoted = all(_QUOTED.match(ln) for ln in after.split("\n") if ln.strip())
        if quoted and len(p) <= 300 and p.count("\n") <= 1 and not re.match(r"[>#*_<{|!\[]", p):
            found.add(p)
    return found if sum(_asked(p) for p in found) >= 2 else set()


def read(text: str) -> Draft:
    """Questions to the interviewer, plain paragraphs to the interviewee, the rest the editor's.

    The standfirst, captions, boxes and credit lines are the outlet's (role ``editor``): kept
    in the transcript, never the interviewee's; an intertitle (a heading that asks nothing) too.
    """
    from quotecli.readers import turns
    from quotecli.readers.markdown import front_matter

    meta, body = front_matter(text)
    draft = Draft(meta={k: v for k, v in meta.items() if v})
    editor = draft.speaker(turns.EDITOR, "Editor", role="editor")
    asked = False
    standfirst: list[str] = []
    # a page converted by Pandoc keeps its furniture in fenced divs ("::: {.wp-caption}"):
    # the outlet's, whatever it says
    lines = body.split("\n")
    boxed = fenced(lines) if any(x.startswith(":::") for x in lines) else [False] * len(lines)
    fields = header_block(lines)  # "**Auteur:** ⏎ X ⏎ **Date:** ⏎ …": the page's, as a box is
    boxed = [box or i in fields for i, box in enumerate(boxed)]
    chunks: list[tuple[bool, list[str]]] = []
    for line, box in zip(lines, boxed, strict=True):
        if box and fence(line):
            continue  # the fence itself is markup
        if not chunks or chunks[-1][0] != box:
            chunks.append((box, []))
        chunks[-1][1].append(line)
    marked = [(box, p) for box, chunk in chunks for p in _paragraphs("\n".join(chunk))]
    marked = _untimed(marked, draft)
    dashed = _dashed([p for box, p in marked if not box])
    asker = _asker([p for box, p in marked if not box])
    # "[START OF INTERVIEW]": the page's own words come before it, headings that ask included
    begins = next((n for n, (_, p) in enumerate(marked) if START.match(spoken(p).strip())), 0)
    # "## Références", "**RESSOURCES UTILES**": the page's back matter from there on
    ends = next((n + (0 if p.startswith(("#", "**", "__")) else 1)
                 for n, (_, p) in enumerate(marked)
                 if (p.startswith("#") or _BOLD.match(p)) and back_matter(p)
                 or END.match(spoken(p).strip())),
                len(marked))  # fmt: skip
    ends = min(ends, _closed(marked, dashed, asker))
    plain = plain_asked([p for box, p in marked if not box])
    quoted = _quoted_answers(marked, dashed, asker, plain)
    panel = _respondents(marked, dashed, asker)
    answers = ANSWER  # who answers: the interviewee, or the panel's respondent named above
    for n, (box, paragraph) in enumerate(marked):
        if n in panel:
            answers = panel[n]
            draft.speaker(answers, answers, role="interviewee")
            continue
        if quoted and not box and _QUOTED.match(paragraph) and asked and n < ends:
            for part in re.split(r"\n[ \t]*\n", _QUOTED.sub("", paragraph)):  # the answer's
                if part.strip():  # paragraphs, its "> " off (a pull-quote's mark elsewhere)
                    draft.speaker(ANSWER, "Interviewee", role="interviewee")
                    draft.add(ANSWER, spoken(part.strip()), new=draft.turns[-1][0] != ANSWER)
            continue
        if box or n <= begins and begins or n >= ends:
            words = spoken(paragraph).strip("*_ ") if n >= ends else ""
            if m := asked_by(words):
                draft.meta.setdefault("interviewer", m.group("who").strip())  # who asked
                draft.meta.setdefault("credit", words)
            draft.add(editor, paragraph, new=True)
            continue
        title = _TITLE.match(paragraph) if not asked else None
        if title:
            draft.meta.setdefault("title", title.group("t").strip())
            draft.add(editor, paragraph, new=True)
            continue
        q = _question(paragraph, dashed, asker) or _plain(paragraph, plain)
        if q is None and dashed and paragraph.startswith("#"):
            draft.add(editor, paragraph, new=True)  # a title or an intertitle
            continue
        if q is not None:
            words, heading = spoken(q[0]), q[1]
            if asked_by(words) or (
                not asks(words) and words.upper() == words and re.search(r"[^\W\d_]{2}", words)
            ):  # "**Propos recueillis par X.**", "**À RETENIR**": a credit, a box's head
                if m := asked_by(words):
                    draft.meta.setdefault("interviewer", m.group("who").strip())
                    draft.meta.setdefault("credit", words)
                draft.add(editor, paragraph, new=True)
                continue
            if heading and not asked and not asks(words):
                draft.meta.setdefault("title", words)
                draft.add(editor, paragraph, new=True)
                continue
            after = marked[n + 1][1] if n + 1 < len(marked) else ""
            if (
                not asks(words)
                and (nxt := _question(after, dashed, asker))
                and asks(spoken(nxt[0]))
            ):
                # "**Voici son portrait, et merci !**" before a question: nothing answers it
                draft.add(editor, paragraph, new=True)
                if not asked:
                    standfirst.append(words)
                continue
            if (not asked and not heading and not asks(words) and not prompts(words)
                    and not words.rstrip("*_ ").endswith(tuple(".?!…:;,"))):  # fmt: skip
                # "**Catherine Avent\nWRNS …**" atop a document, no sentence: its title
                draft.meta.setdefault("title", words)
                draft.add(editor, paragraph, new=True)
                standfirst.append(words)
                continue
            if asks(words) or not heading or (asked and prompts(words)):  # a prompt, asked
                asked = True
                draft.speaker(QUESTION, "Interviewer", role="interviewer", labels=[])
                draft.add(QUESTION, re.sub(r"<br\s*/?>$", "", words).strip(), new=True)
                continue
        advert = promo(paragraph)  # read with its links, before they come off
        if not re.fullmatch(r"[-*_]{3,}", paragraph):
            paragraph = spoken(paragraph)  # emphasis, links, images off: the spoken words
        credit = asked_by(paragraph)
        if credit and len(paragraph) < 120:
            draft.meta.setdefault("interviewer", credit.group("who").strip())
            draft.meta.setdefault("credit", paragraph)
        if (q is not None or not asked or credit or advert or re.fullmatch(_RULE, paragraph)
                or turns.kind(paragraph, False) != "speech"):  # fmt: skip
            if not re.fullmatch(_RULE, paragraph):
                draft.add(editor, paragraph, new=True)
                if not asked:  # the standfirst: it may name the one guest ("je reçois X")
                    standfirst.append(paragraph)
            continue
        if answers == ANSWER:
            draft.speaker(ANSWER, "Interviewee", role="interviewee")
        draft.add(answers, paragraph, new=draft.turns[-1][0] != answers)
    if not asked:
        raise ReaderError("no questions set apart in bold or as headings")
    draft.meta["_standfirst"] = " ".join(" ".join(standfirst).split())
    return draft


def _closed(marked: list[tuple[bool, str]], dashed: bool, asker) -> int:
    """Where a rule after the last question's answer closes the interview ("########" ⏎ "The
    ballots are expected to open…"): the page's words follow; ``len(marked)`` when none does."""
    asked = [
        n for n, (box, p) in enumerate(marked)
        if not box and (q := _question(p, dashed, asker)) and _asked(q[0])
    ]  # fmt: skip
    for n in range(asked[-1] + 2 if asked else len(marked), len(marked)):
        if re.fullmatch(r"[-*_]{3,}|#{4,}", marked[n][1].strip()) or made_by(marked[n][1]):
            return n  # a rule, or the credit of who asked ("*Interview: Frater Franziskus")
    return len(marked)


def _respondents(marked: list[tuple[bool, str]], dashed: bool, asker) -> dict[int, str]:
    """A panel's respondents (paragraph → name): names alone in bold, each right above a
    question, two of them or more ("[**Simon Lees**](…)" ⏎ "**_What do you think…?_**"):
    the answers below each are that person's, not one interviewee's. The name drops what is
    in brackets ("Gertjan Lettink ( Knurpht )": a nickname)."""
    from quotecli.readers.labels import plausible

    found = {}
    for n, (box, p) in enumerate(marked[:-1]):
        m = None if box else _RESPONDENT.match(p.strip())
        if m and plausible(name := " ".join(m.group("name").split())):
            q = _question(marked[n + 1][1], dashed, asker)
            if q is not None and _asked(q[0]):
                found[n] = name
    return found if len(set(found.values())) >= 2 else {}


# a time code opening a row of a timecoded table ("01:00:55 Catherine could you…"), or alone
# on its line with the table's "Start" / "End" marks ("01:00:00\nStart")
_ROW_TIME = re.compile(
    r"^[ \t]*\d{1,2}:\d{2}:\d{2}(?:[ \t]*\n?[ \t]*(?:Start|End)\b)?[ \t]*\n?[ \t]*"
)


_QUOTED = re.compile(r"^[ \t]*>[ \t]?", re.M)


def _plain(paragraph: str, plain: set[str]) -> tuple[str, bool] | None:
    return (" ".join(paragraph.split()), False) if paragraph in plain else None


def _quoted_answers(marked: list[tuple[bool, str]], dashed: bool, asker, plain=frozenset()) -> bool:
    """Whether the page sets its answers in quotes ("**¿…?**" ⏎ "> Claro que…"): two
    questions or more, most of them followed by a blockquote (a pull-quote elsewhere)."""
    questions = quoted = 0
    paragraphs = [p for box, p in marked if not box]
    for n, p in enumerate(paragraphs):
        q = _question(p, dashed, asker) or _plain(p, plain)
        if q is None or not _asked(q[0]):
            continue
        questions += 1
        after = next((x for x in paragraphs[n + 1 :] if not x.startswith("{{")), "")
        quoted += all(_QUOTED.match(ln) for ln in after.split("\n") if ln.strip()) and bool(after)
    return quoted >= 2 and quoted * 2 > questions


def _untimed(marked: list[tuple[bool, str]], draft: Draft) -> list[tuple[bool, str]]:
    """A timecoded table's rows (three paragraphs or more open with a time code: an oral
    history's "Timecode | What said"): the time codes are the table's, not words, and are left
    out with a warning; a paragraph of a time code alone goes with it."""
    if sum(bool(_ROW_TIME.match(p)) for _, p in marked) < 3:
        return marked
    out, dropped = [], 0
    for box, p in marked:
        m = _ROW_TIME.match(p)
        if m:
            dropped += 1
            p = p[m.end() :]
        # the next rows of one answer, in its paragraph ("…in.\n01:49:48 it was part…"), and a
        # time code alone at its end (the row of the question after it)
        p, n = re.subn(r"(?<=\n)[ \t]*\d{1,2}:\d{2}:\d{2}(?:[ \t]+|[ \t]*$)", "", p)
        dropped += n
        p, n = re.subn(r"\n[ \t]*$", "", p)
        if p.strip():
            out.append((box, p))
    draft.warnings.append(f"{dropped} time codes of the table's rows left out")
    return out


def name_speakers(draft: Draft, options: dict) -> None:
    """The outlet asks the questions; the interviewee (named by the user) answers."""
    # The questions are the outlet's unless the user names who asked them (a credit line
    # names the interviewer in the metadata, not the voice of every question).
    draft.speakers[QUESTION].name = options.get("interviewer") or draft.meta["outlet"]
    draft.speakers["__editor__"].name = draft.meta["outlet"]
    people = draft.meta.pop("people", {}) or {}
    guests = people.get("guests", [])
    said, _ = standfirst_people(draft.meta.pop("_standfirst", ""))
    # "--interviewee 'A; B'" or two guests: unlabelled answers could be either's — nobody's
    listed = several(options["interviewee"]) if options.get("interviewee") else guests
    who = listed[0] if len(listed) == 1 else None
    if not who and len(set(said)) == 1:
        who = said[0]  # the page's own words: "Dans cet épisode, je reçois Marie Dupont."
    if ANSWER in draft.speakers:
        answer = draft.speakers[ANSWER]
        if not who:  # issue 12: never guess a speaker — the words stay nobody's
            answer.name, answer.role, answer.labels = "Unattributed", "unattributed", []
            many = len(set(listed)) > 1
            draft.warnings.append(NO_NAME_OF.format(", ".join(listed)) if many else NO_NAME)
            return
        answer.name = str(who)
        _unlabel(draft, str(who))
        # after the last question, "Felix Stalder ist Professor…": the outlet's note on them
        last = max(n for n, turn in enumerate(draft.turns) if turn[0] == QUESTION)
        for n, (label, paragraphs, attrs) in enumerate(draft.turns):
            if n > last and label == ANSWER and bio(paragraphs[0], draft):
                draft.turns[n] = ("__editor__", paragraphs, attrs)


def _unlabel(draft: Draft, who: str) -> None:
    """An answer that opens with its speaker's label ("Claire Dubois : Le commerçant…", once
    on the page or more): the label is who speaks, not the quotation's words."""
    from quotecli.readers.labels import find
    from quotecli.text.folding import fold_words

    name = fold_words(who)
    for label, paragraphs, _ in draft.turns:
        if label != ANSWER or not paragraphs:
            continue
        first, newline, rest = paragraphs[0].partition("\n")
        f = find(first.strip())
        said = fold_words(f.label) if f is not None and f.shape in ("colon", "bold") else []
        if f is not None and f.rest and said and (said == name or said == name[-1:]):
            paragraphs[0] = f.rest + newline + rest


NO_NAME_OF = (
    "the answers are not labelled with a name and several people answer ({}): they are "
    "unattributed (pass --interviewee NAME if one person answers)"
)
NO_NAME = (
    "the answers are not labelled with a name: they are unattributed "
    "(pass --interviewee NAME, or 'interviewee:' in the front matter, to name them)"
)
