"""A labelled text's units: its lines cut into paragraphs at the labels the file confirms.

``turns.read`` reads a transcript as units, each a paragraph with the label that opens it (or
none, for a paragraph that goes on with the speaker before, or a heading, a note or a box).
This module owns which of the lines ``labels.find`` sees are labels in this file: a plain
``Name:`` only where it recurs or beside others that do (``confirmed``), a name alone on its
line where the file uses it as a label elsewhere, the bare ``Q``/``A`` of a deposition and
the ``Q`` of a press briefing where many are; and which lines are boxes (``<aside>``,
``<figure>``, a call-out ``<div>``, a court's caption) whatever they say.
"""

from __future__ import annotations

import re
from collections import Counter

from quotecli.readers import court, frontmatter, labels, sitting
from quotecli.readers.furniture import fence, fenced
from quotecli.readers.paragraphs import END, NOTE, SITTING_MARK, field, made_by
from quotecli.text.names import initials

_MARKUP = re.compile(  # a rule, a comment, a shortcode, a <div> or <p> line: layout, no words
    r"^(?:[-*_]{3,}|<!--.*-->|\{\{[<%].*[>%]\}\}|</?div[^>]*>|</?p(?:[ \t][^>]*)?>)[ \t]*$"
)
# what a Hugo figure shortcode shows under the picture ('{{< figure src=… title="Credits: …" >}}')
_SHOWN = re.compile(r'(?<=[ \t])(?:title|caption|attr)="([^"\n]*[^"\s][^"\n]*)"')
_BOLD_NO_COLON = re.compile(r"^[ \t]*\*\*([^*\n]{1,40})\*\*[ \t]+(\S.*)$")
_TIME_LINE = re.compile(r"^\(?(\d{1,2}:\d{2}(?::\d{2})?)\)?:?$")


def confirmed(found: list[labels.Found]) -> set[str]:
    """Plain labels that are labels: by their form, or recurring, or alongside recurring ones."""
    counts = Counter(f.label for f in found if f.shape == "colon")
    sure = {lab for lab, n in counts.items() if labels.strong_form(lab) or n >= 2}
    if len(sure) >= 2:  # not "Ladies and Gentlemen:", an address in a speech
        # and, where every sure label is printed in capitals ("MS. JEAN-PIERRE:"), not a
        # capitalised word once ("Next: Are they effective?"): the file's labels have one form
        capitals = all(labels.strong_form(lab) and not labels.KNOWN.match(lab) for lab in sure)
        sure |= {
            lab for lab in counts
            if len(lab.split()) <= 3 and not _JOINED.search(lab)
            and (not capitals or _mostly_capitals(lab))
        }  # fmt: skip
    # "Maxime Jaglin :" once, then "MJ :" throughout (RFI): the full name of the initials
    sure |= {lab for lab in counts if len(lab.split()) >= 2 and initials(lab) in sure}
    return sure | {f.label for f in found if f.shape != "colon"}


def _mostly_capitals(label: str) -> bool:
    """ "SENATOR DeFRANCISCO" is in the capitals of its file's labels; "Next" is not."""
    letters = [c for c in label if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


_JOINED = re.compile(r"\s(?:and|et|&)\s", re.I)


_BOX = re.compile(
    r"^<(?P<tag>figure|aside|figcaption)\b|^<(?P<div>div)\b[^>]*class=\"[^\"]*"
    r"(?:alert|box|note|info|callout|encart|caption)"
)
# "Q Good morning." / "A That's correct.": the examiner's and the witness's lines without the
# period, read as labels only where a transcript has many of both (never "A lot of…" in prose)
_BARE_QA = re.compile(r"^(?P<name>[QA])[ \t\u00a0]+(?P<rest>\S.*)$")
# "Q    You have gifts.": a reporter's question in a press briefing's record (the White House's
# transcripts: "Q" and spaces, often no-break ones), read as a label where a file has at least
# two of them beside other labels (the officials' "MS. JEAN-PIERRE:")
_PRESS_Q = re.compile(r"^Q(?:[ \t\u00a0]{2,}|\t)(?P<rest>\S.*)$")


def boxes(lines: list[str]) -> list[bool]:
    """Lines inside an info box, a figure or its caption: the page's furniture, not speech;
    and a stage direction in parentheses over several lines ("(Whereupon, at 11:05 a.m., the
    Senate adjourned.)")."""
    out, tag, depth = [], None, 0
    furniture = fenced(lines) if any(x.startswith(":::") for x in lines) else None
    header = frontmatter.header_block(lines)  # "INTERVIEWER: Janet Abbate / DATE: 9 July 2002"
    for i, line in enumerate(lines):
        bare = line.strip()
        if furniture is not None and furniture[i] or i in header:
            out.append(True)
            continue
        ahead = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if tag is None and (
            court.BLOCK.match(bare)
            or ahead.lower().startswith(("called as a witness", "was called as a witness"))
            or court.OATH.match(ahead)
        ):
            out.append(True)
            # the oath's sentence goes on to its colon ("… deposes and says in reply to oral
            # examination as follows:"), the reporter's words too
            tag = "oath" if court.OATH.match(bare) and not bare.endswith((":", ".")) else None
            continue
        if tag == "oath":
            out.append(bool(bare))
            tag = None if not bare or bare.endswith((":", ".")) else tag
            continue
        # ("(The Mace … was placed on the Table]": a typesetter's mismatched bracket closes it)
        if tag is None and bare.startswith("(") and ")" not in bare and not bare.endswith("]"):
            following = [x.strip() for x in lines[i + 1 : i + 6]]
            if any(x.endswith(")") for x in following):
                tag, depth = ")", 1
                out.append(True)
                continue
        if tag == ")":
            out.append(True)
            if bare.endswith(")"):
                tag = None
            continue
        if tag is None:
            m = _BOX.match(bare)
            if m:
                tag, depth = m.group("tag") or "div", 0
        if tag is not None:
            depth += len(re.findall(rf"<{tag}\b", bare)) - len(re.findall(rf"</{tag}>", bare))
            out.append(True)
            if depth <= 0:
                tag = None
        else:
            out.append(False)
    return out


def cut(lines: list[str]) -> list[tuple[labels.Found | None, str, bool | str]]:
    """Paragraphs cut at labelled lines: (label or None, the paragraph's text, boxed), boxed
    being "section" or "stage" for a sitting's heading or stage direction cut out of a run."""
    boxed = boxes(lines)
    found = {
        i: f for i, line in enumerate(lines) if not boxed[i] and (f := labels.find(line.strip()))
    }
    kept = {id(f) for f in labels.recurring_headings(list(found.values()))}
    found = {i: f for i, f in found.items() if id(f) in kept}
    if labels.run_in_heads(lines, {i: f.label for i, f in found.items() if f.shape == "bold"}):
        found = {i: f for i, f in found.items() if f.shape != "bold"}  # "**The Desktop:**"
    for i in [i for i, f in found.items() if f.rest and (made_by(f.rest) or _credited(f))]:
        del found[i]  # "RUZENA BAJCSY: An Interview Conducted by …": the record's credit
        boxed[i] = True
    bare = {i: m for i, line in enumerate(lines) if i not in found and not boxed[i]
            and (m := _BARE_QA.match(line.strip()))}  # fmt: skip
    names = [m.group("name") for m in bare.values()]
    if names.count("Q") >= 3 and names.count("A") >= 3:
        for i, m in bare.items():
            found[i] = labels.Found(m.group("name"), m.group("rest").strip(), None, "court")
    elif found:
        press = {i: m for i in bare if (m := _PRESS_Q.match(lines[i].strip()))}
        if len(press) >= 2:
            for i, m in press.items():
                found[i] = labels.Found("Q", m.group("rest").strip(), None, "press")
    sure = confirmed(list(found.values()))
    named = sure - {""}  # a label that names nobody (">>") is no line of its own
    bold = {f.label for f in found.values() if f.shape == "bold"} & named
    for i, line in enumerate(lines):  # "Interviewee" alone on its line, the words below: a
        if i not in found and not boxed[i] and line.strip() in named and _below(lines, i):
            found[i] = labels.Found(line.strip(), "", None, "colon")  # label the file uses
        elif i not in found and not boxed[i] and bold and (m := _BOLD_NO_COLON.match(line)):
            if m.group(1) in bold:  # "**Santiago** ¿Lees…?" where "**Santiago**:" labels the
                found[i] = labels.Found(m.group(1), m.group(2).strip(), None, "bold")  # rest
    found.update(_names_alone(lines, found, boxed))
    found.update(_blocks_headed(lines, found, boxed))
    for i in [i for i, f in found.items() if not f.rest and i + 1 < len(lines)]:
        if field(lines[i + 1]):  # "Kinzig.News Redaktion:" ⏎ "Telefon: …": a contact box's
            del found[i]  # head, no one speaking
    members = sorted({f.label for f in found.values() if f.shape == "record-fr"})
    for i, f in list(found.items()):  # "lVJ. Georges Péri». Soit…": a label if it copies one
        if f.shape == "record-fr-ocr" and not labels.damaged_member(f.label, members):
            del found[i]
    titles = {f.label: labels.bracket(lines[i].strip()) for i, f in found.items()}
    # a sitting's marks split its runs, once speech has begun
    marks = sitting.debate(list(found.values()), lambda f: titles[f.label])
    # a court's or a hearing's record too: "BY MS. SAWYER:" heads each examination
    marks = marks or any(court.EXAMINER.match(line.strip()) for line in lines)
    marks, spoken = marks and not sitting.capitals(lines), False
    out: list[tuple[labels.Found | None, list[str], bool | str]] = []
    current: tuple[labels.Found | None, list[str], bool | str] | None = None
    last: labels.Found | None = None  # the last label read
    for i, line in enumerate(lines):
        f = found.get(i)
        if f is not None and f.shape == "colon" and f.label not in sure:
            f = None
        if f is None and last is not None and (m := _TIME_LINE.match(line.strip())):
            # "(00:00:35):" alone on a line: the same speaker goes on, from that time
            f = labels.Found(last.label, "", m.group(1), last.shape)
        last = f or last
        if f is not None:
            current, spoken = (f, [f.rest] if f.rest else [], False), True
            out.append(current)
        elif line.lstrip().startswith("{{") and (shown := _SHOWN.findall(line)) and not boxed[i]:
            out.append((None, [" ".join(shown)], True))  # a figure's caption: the outlet's box
            current = None
        elif (
            current is not None and current[0] is None and len(current[1]) == 1
            and _UNDERLINE.match(line) and len(line.strip()) >= len(current[1][0].strip()) - 2
        ):  # fmt: skip
            current[1].append(line)  # "Show Notes" ⏎ "----------": a title underlined (setext,
            current = None  # reStructuredText), a heading, not a rule after a paragraph
        elif not line.strip() or fence(line) or _MARKUP.match(line.strip()) and not boxed[i]:
            current = None
        elif (NOTE.match(line) or END.match(line.strip()) or SITTING_MARK.match(line.strip())) \
                and not boxed[i]:  # fmt: skip
            # "[ Applause ]" on a line of its own; "END OF INTERVIEW" under the last answer;
            # "The House rose at 3.30 p.m." under the Speaker's last words
            out.append((None, [line.strip()], False))
            current = None
        elif marks and spoken and not boxed[i] and sitting.STAGE.match(line) and in_run(lines, i):
            out.append((None, [line.strip()], "stage"))  # "(La masse ayant été placée …)"
            current = None
        elif marks and spoken and not boxed[i] and sitting.NARRATION.match(line):
            out.append((None, [line.strip()], "section"))  # the record narrates; who speaks next
            current = None  # is the next label's to say
        elif marks and spoken and not boxed[i] and sitting.section(line) and in_run(lines, i):
            out.append((None, [line.strip()], "section"))  # a sitting's heading, in a run
            current = None
        elif current is None or current[2] != boxed[i]:
            current = (None, [line], boxed[i])
            out.append(current)
        else:
            current[1].append(line)
    return [(f, "\n".join(ls), box) for f, ls, box in out]


_WORD = r"(?:[A-Z](?=[\w'’-]*[a-z])[\w'’-]+|[A-Z]\.)"
_NAME_ALONE = re.compile(
    rf"^{_WORD}(?:[ \t]+(?:{_WORD}|de|van|von|da|del|di|le|la)){{1,4}}"
    r"(?:,?[ \t]+(?:Jr|Sr)\.|[ \t]+I{2,3})?$"
)


_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,})[ \t]*$")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,}|\+{3,})[ \t]*$")
_CAPS = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’.,-]*){0,6}$")


def _blocks_headed(lines: list[str], found: dict, boxed: list[bool]) -> dict:
    """Blocks parted by rules, each headed by its speaker in capitals alone on a line ("---" ⏎
    "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR" ⏎ "¿Cómo están?": a government's stenographic
    version): labels where three blocks or more are so headed, two labels or more recurring."""
    heads = {}
    for i, line in enumerate(lines):
        before = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        x = line.strip()
        name = x.split(",")[0].strip()  # "CUITLÁHUAC GARCÍA JIMÉNEZ, GOBERNADOR DE VERACRUZ"
        if (
            i not in found and not boxed[i] and _CAPS.match(x) and _RULE.match(before)
            and i + 1 < len(lines) and lines[i + 1].strip() and labels.plausible(name.title())
        ):  # fmt: skip
            heads[i] = name
    counts = Counter(heads.values())
    if len(heads) < 3 or sum(n >= 2 for n in counts.values()) < 2:
        return {}
    return {i: labels.Found(x, "", None, "bold-alone") for i, x in heads.items()}


def _credited(f: labels.Found) -> bool:
    """A role's label before a name alone ("Interviewer: David La Monaca (aka Cercamon)"):
    the interview's credit, not the interviewer speaking."""
    from quotecli.readers.standfirst import NAME

    name = re.fullmatch(rf"{NAME}(?:[ \t]*\([^()\n]{{1,40}}\))?", f.rest.strip())
    return f.label.lower() in _ASKERS and name is not None


# the role's word, not its letter ("I: On Instagram." is a question)
_ASKERS = frozenset(
    "interviewer intervieweur interviewerin intervistatore intervistatrice entrevistador "
    "entrevistadora".split()
)


def _names_alone(lines: list[str], found: dict, boxed: list[bool]) -> dict:
    """A person's name alone on its line, the words below, no colon ("John G. Roberts, Jr." ⏎
    "We'll hear argument next…": Oyez's transcripts, printed to PDF with no blank lines):
    labels where two names or more recur so, more often than the file's other labels."""
    names = {
        i: x for i, line in enumerate(lines)
        if i not in found and not boxed[i] and _NAME_ALONE.match(x := line.strip())
        and i + 1 < len(lines) and any(c.isalnum() for c in lines[i + 1]) and labels.plausible(x)
    }  # fmt: skip
    counts = Counter(names.values())
    recurring = {n for n, c in counts.items() if c >= 2}
    if len(recurring) < 2 or sum(counts[n] for n in recurring) <= len(found):
        return {}
    return {i: labels.Found(n, "", None, "bold-alone") for i, n in names.items() if n in recurring}


def _below(lines: list[str], i: int) -> bool:
    """Whether line ``i`` stands alone with words on the next line: after a blank line or
    none, before words."""
    before = i == 0 or not lines[i - 1].strip()
    # words, not a heading's underline ("Paul Rich" ⏎ "---------": a section of the record)
    return before and i + 1 < len(lines) and any(c.isalnum() for c in lines[i + 1])


def in_run(lines: list[str], i: int) -> bool:
    """Whether line ``i`` has text right before or after it (one paragraph a line)."""
    return bool(i > 0 and lines[i - 1].strip() or i + 1 < len(lines) and lines[i + 1].strip())
