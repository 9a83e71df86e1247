"""Reader for the raw press interview ("NAME - " labels, unlabelled turns, editor's notes).

The form as newspapers publish it, and as the bundled La Tribune seed is written:

- optional leading metadata ``date 2024-02`` run into the first paragraph;
- a question is the outlet's paragraph; only the first ones carry a label ("LA TRIBUNE - ",
  "MARINA FERRARI - "), later paragraphs carry none;
- an unlabelled paragraph is a question when it ends with "?", or when it asks a question and
  trails off with "..." (a prompt such as "Quid de … ? Mistral … finit par …"); every other
  paragraph continues the answer, which may run over several paragraphs;
- a credit line ("Propos recueillis par …", "Interview by …") names the journalist and is not a
  turn; square brackets are editor's notes and stay in the text.

The reader never rewrites the text: each paragraph is kept byte for byte. It decides turns and
speakers from the text and from what the caller knows (outlet, titles); it invents nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotecli import transcript
from quotecli.readers.builder import by_key, role_key
from quotecli.readers.paragraphs import asked_by
from quotecli.text.decode import newlines
from quotecli.text.ids import slug
from quotecli.text.names import from_label as display_name

_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+")
_LABEL = re.compile(r"^([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{1,60}?)\s+[-–—]\s+(?=\S)")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")


class PressFormatError(transcript.TranscriptError):
    """The raw text is not a press interview this reader understands."""


@dataclass
class PressInterview:
    """What the reader found: metadata, speakers and turns, ready for ``transcript.dump``."""

    date: str | None
    credit: str | None
    interviewer: str | None
    questioner_label: str
    answerer_label: str
    turns: list[tuple[str, list[str]]] = field(default_factory=list)


def is_question(paragraph: str) -> bool:
    """An unlabelled paragraph is the outlet's when it asks, not answers."""
    p = paragraph.rstrip()
    if p.endswith("?"):
        return True
    return "?" in p and bool(_ELLIPSIS_END.search(p))


def read(raw: str) -> PressInterview:
    """Split a raw press interview into turns; raise PressFormatError when it is not one."""
    text = newlines(raw)
    date = None
    m = _LEADING_DATE.match(text)
    if m:
        date = m.group(1)
        text = text[m.end() :]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    credit = interviewer = None
    c = asked_by(paragraphs[-1]) if paragraphs else None
    if c and re.fullmatch(r"\.?\s*", paragraphs[-1][c.end() :]):  # the whole last paragraph
        credit, interviewer = paragraphs.pop(), c.group("who").strip()
    if not paragraphs:
        raise PressFormatError("no paragraphs of interview text")

    labels: list[str] = []
    for p in paragraphs:
        lm = _LABEL.match(p)
        if lm and lm.group(1).strip() not in labels:
            labels.append(lm.group(1).strip())
    if len(labels) < 2:
        raise PressFormatError(
            f"expected two speaker labels such as 'OUTLET - ' and 'NAME - ' (found {len(labels)})"
        )
    first = _LABEL.match(paragraphs[0])
    if not first or not is_question(paragraphs[0]):
        raise PressFormatError("the first paragraph should be the outlet's labelled question")
    questioner = first.group(1).strip()
    answerer = next(lab for lab in labels if lab != questioner)

    out = PressInterview(date, credit, interviewer, questioner, answerer)
    for p in paragraphs:
        lm = _LABEL.match(p)
        if lm and lm.group(1).strip() in (questioner, answerer):
            who = "q" if lm.group(1).strip() == questioner else "a"
        else:
            who = "q" if is_question(p) else "a"
        if out.turns and out.turns[-1][0] == who:
            out.turns[-1][1].append(p)
        else:
            out.turns.append((who, [p]))
    return out


def to_transcript(
    raw: str,
    *,
    source_id: str,
    outlet: str | None = None,
    language: str = "fr",
    interviewee_title: str | None = None,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    interviewer: str | None = None,
    roles: dict[str, str] | None = None,
) -> str:
    """Convert a raw press interview to the project's transcript text.

    ``interviewer`` stands in when the text has no credit line; ``roles`` maps a lower-cased
    name or label to a role, overriding interviewee/interviewer.
    """
    found = read(raw)
    q_name = outlet or display_name(found.questioner_label)
    a_name = display_name(found.answerer_label)
    q_id, a_id = slug(q_name), slug(a_name.split()[-1])
    meta = {
        "id": source_id,
        "outlet": outlet or q_name,
        "date": date or found.date,
        "language": language,
        "interviewer": found.interviewer or interviewer,
        "title": title,
        "url": url,
        "credit": found.credit,
    }
    speakers: list[dict] = [
        {"id": a_id, "name": a_name, "role": "interviewee", "title": interviewee_title,
         "labels": [found.answerer_label]},
        {"id": q_id, "name": q_name, "role": "interviewer", "title": None,
         "labels": [found.questioner_label]},
    ]  # fmt: skip
    given = by_key(roles or {})
    for sp in speakers:
        for key in (sp["name"], *sp["labels"]):
            sp["role"] = given.get(role_key(key), sp["role"])
    turns = [(q_id if who == "q" else a_id, paras) for who, paras in found.turns]
    return transcript.dump(meta, speakers, turns)
