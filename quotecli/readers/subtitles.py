"""Subtitles: SubRip (.srt) and WebVTT (.vtt) cues with speaker names, cue times kept.

A speaker is named in the cue text by a WebVTT voice tag (``<v Amit Varma>``), a diarization
prefix (``[Amit Varma]: ``) or an upper-case label (``JOURNALIST: ``); a cue without a name
continues the previous speaker, unless it opens with a change of speaker (``- `` or ``>>``),
which names nobody: those words are unattributed. Consecutive cues of one speaker form a
turn, one cue per line, and the turn line records every cue's time in order::

    ::: amit-varma start=00:00:30.000 end=00:00:40.000 cues=00:00:30.000/00:00:33.000,…

so a quotation maps back to the cues it spans (``transcript.Source.time_of``). Roles are not
this module's: named voices get theirs from ``people.name_speakers`` as every reader's
speakers do (``--interviewee``/``--interviewer``, issue 12); ``name_speaker`` only names the
one voice of cues that name nobody. A long run of
one speaker is cut into turns of about ``CUES_PER_TURN`` cues at a sentence end, to keep the
turn lines readable.

Hand-written rather than ``srt``/``webvtt-py``: the cue grammar is a few lines, both formats
need the same speaker handling on the raw cue text (which those libraries strip or leave
undone), and a reader must accept the sloppy files people have (missing cue numbers, MM:SS
times, comma or dot before milliseconds).
"""

from __future__ import annotations

import html
import re

from quotecli.readers import artefacts, labels, labelwords, sitting, sponsor
from quotecli.readers.builder import Draft, ReaderError
from quotecli.text.decode import newlines
from quotecli.text.names import label_role

CUES_PER_TURN = 20
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})"  # Teams writes "0:0:3.490"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_PREFIX = re.compile(r"^\s*\[([^\]\n]{1,60})\]\s*:\s*")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*$")


# "WEBVTT" on a line of its own below a page's few lines (a Markdown note with the export
# pasted under its title and date), cues after it
_PASTED = re.compile(r"\n(WEBVTT)[ \t]*\r?\n")


def sniff(head: str) -> str | None:
    """ "vtt", "srt" or None."""
    stripped = head.lstrip("\ufeff")
    if stripped.startswith("WEBVTT"):
        return "vtt"
    if (m := _PASTED.search(stripped)) and stripped.count("\n", 0, m.start()) <= 40:
        if sum(bool(_TIMING.match(x)) for x in stripped[m.end() :].splitlines()[:40]) >= 3:
            return "vtt"
    lines = [line for line in stripped.splitlines()[:6] if line.strip()]
    if len(lines) >= 2 and any(_TIMING.match(line) for line in lines[:2]):
        return "srt"
    return None


def _stamp(groups: tuple) -> str:
    h, m, s, ms = groups
    return f"{int(h or 0):02d}:{int(m):02d}:{int(s):02d}.{ms.ljust(3, '0')}"


def cues(raw: str) -> list[tuple[str, str, str]]:
    """(start, end, raw cue text) of every cue, in file order.

    A cue runs from its timing line to a blank line or the next timing line (YouTube's
    files leave out the blank line); cue numbers, NOTE and STYLE blocks are not cue text.
    """
    out = []
    current: tuple[str, str, list[str]] | None = None

    def close() -> None:
        if current is not None and "\n".join(current[2]).strip():
            out.append((current[0], current[1], "\n".join(current[2]).strip()))

    for line in newlines(raw).split("\n"):
        m = _TIMING.match(line)
        if m:
            close()
            current = (_stamp(m.groups()[:4]), _stamp(m.groups()[4:]), [])
        elif not line.strip():
            close()
            current = None
        elif current is not None:
            current[2].append(line)
    close()
    return out


_BRACKET = re.compile(r"^\s*\[([^\]\n]{1,60})\]\s*")
# a change of speaker with no name: "- " (subtitling convention) or ">>" (broadcast captions)
_CHANGE = re.compile(r"^\s*(?:-\s+|>>\s*)(?=\S)")
_SOUNDS = frozenset("music applause laughter laughs inaudible silence noise crosstalk".split())


# ">> Hey. >> Hello." (or "&gt;&gt;", as YouTube writes it), on one line or the next: two voices
_WITHIN = re.compile(r"(?<=\S)[ \t]*(?:[ \t]|\n)[ \t]*(?=(?:>>|&gt;&gt;)[ \t]+\S)")


def _unrolled(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Rolling captions (YouTube's automatic ones) without their repeats: each cue shows the
    line before again above its new words, and a cue of a few milliseconds shows the line
    just finished once more. Where most cues open with a line the cue before showed, those
    lines are the screen's, not new words: each cue keeps only what it adds."""
    shown = [[" ".join(_TAGS.sub("", x).split()) for x in t.split("\n")] for _, _, t in found]
    rolls = sum(
        bool(now[0] and now[0] in before) for before, now in zip(shown, shown[1:], strict=False)
    )
    if len(found) < 10 or rolls < 0.5 * (len(found) - 1):
        return found
    out = []
    for k, (a, b, text) in enumerate(found):
        lines, before = text.split("\n"), set(shown[k - 1]) if k else set()
        n = 0
        while n < len(lines) and shown[k][n] in before:
            n += 1
        if rest := "\n".join(lines[n:]).strip():
            out.append((a, b, rest))
    return out


def _changes_within(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Each cue, cut where a ">>" inside it marks another voice (broadcast captions)."""
    return [(a, b, piece) for a, b, text in found for piece in _WITHIN.split(text)]


def _speaker_and_text(text: str, sure: set[str]) -> tuple[str | None, str, bool]:
    """(the name the cue gives, its words, whether it opens with a change of speaker)."""
    who = None
    m = _VOICE.search(text)
    if m:
        who = " ".join(m.group(1).split()).rstrip(" :")  # "<v Karen Herman:>": the colon is not
    text = html.unescape(_TAGS.sub("", text))  # the name's
    text = " ".join(text.split())
    change = _CHANGE.match(text)
    if change:
        text = text[change.end() :]
    if who is None:
        m = _PREFIX.match(text) or _BRACKET.match(text)
        name = m.group(1).strip() if m else ""
        if m and labels.plausible(name) and name.lower() not in _SOUNDS:
            who, text = name, text[m.end() :]
        else:
            found = labels.find(text)
            if found and found.shape in _NAMED and found.label in sure:
                if found.label not in ("Q", "R", "A"):
                    # the label as printed ("Ashlee Kupor (SL)"), its name read by ``read``
                    printed = text[: text.index(":")].strip() if found.time is None else ""
                    who, text = printed or found.label, found.rest
    # "(laughing)", "(applause)" in a caption: the captioner's, never the speaker's words
    return who, sitting.reactions(text), bool(change)


# "Dora Demszky: …", and Zoom's display name with what it appends ("Ashlee Kupor (SL): …",
# "Sam Lee (she/her): …")
_NAMED = ("colon", "bracket")


def _confirmed(found: list[tuple[str, str, str]]) -> set[str]:
    """Plain "Name:" cue openings that are labels: in capitals, or recurring."""
    from collections import Counter

    counts = Counter(
        f.label for _, _, t in found
        if (f := labels.find(_CHANGE.sub("", " ".join(_TAGS.sub("", t).split()), count=1)))
        and f.shape in _NAMED
    )  # fmt: skip
    sure = {lab for lab, n in counts.items() if n >= 2 or labels.strong_form(lab)}
    if sure:  # beside a recurring label, a short one said once is a label too ("Sarah:"), and
        # a full name said once whose first name recurs ("Bekah Hawrot Weigel:", then "Bekah:")
        sure |= {
            lab for lab in counts
            if len(lab.split()) <= 2 or (len(lab.split()) <= 4 and lab.split()[0] in sure)
        }  # fmt: skip
    return sure


def _run_in(found: list[tuple[str, str, str]]) -> list[str]:
    """Names run into the cue's words with no colon ("Tim Davis There are several…": a
    converter dropped it): openings of two to four capitalised words that recur, when most
    cues open with one. Longest first, for ``_named_in``."""
    from collections import Counter

    opens = []
    for _, _, text in found:
        words = " ".join(_TAGS.sub("", text).split()).split()
        capital = [w[:1].isupper() or w == "&" for w in words]
        opens.append(
            [" ".join(words[:n]) for n in (4, 3, 2) if len(words) > n and all(capital[:n])]
        )
    counts = Counter(c for cands in opens for c in cands)
    names = {c for c, n in counts.items() if n >= 2 and labels.plausible(c)}
    chosen = [max((c for c in cands if c in names), key=lambda c: (counts[c], len(c)), default=None)
              for cands in opens]  # fmt: skip
    kept = {c for c in chosen if c}
    if len(found) < 6 or len(chosen) - chosen.count(None) < 0.7 * len(found) or len(kept) > 12:
        return []
    return sorted(kept, key=len, reverse=True)


def _named_in(words: str, names: list[str]) -> tuple[str | None, str]:
    name = next((n for n in names if words.startswith(f"{n} ")), None)
    return (name, words[len(name) :].strip()) if name else (None, words)


def read(raw: str, unnamed: str = "refuse") -> Draft:
    """Read SRT or WebVTT cues into a draft with timed turns.

    Cues before anyone is named, after a "- " or ">>" change of speaker, or in a file that names
    nobody: with ``unnamed="unattributed"`` (what ``quote import`` asks) they go to
    ``Unattributed``, never to a guessed name; by default a file naming nobody is refused.
    """
    from quotecli.readers.turns import UNATTRIBUTED

    draft = Draft()
    if not raw.lstrip("\ufeff").startswith("WEBVTT") and (m := _PASTED.search(raw)):
        _preamble(draft, raw[: m.start()])  # the page's title and date above a pasted export
        raw = raw[m.start(1) :]
    found = _unrolled(cues(raw))
    if not found:
        raise ReaderError("no cues (no 'HH:MM:SS.mmm --> HH:MM:SS.mmm' lines)")
    sure = _confirmed(found)
    voiced = any(_VOICE.search(t) or _PREFIX.match(t) for _, _, t in found)
    run_in = [] if sure or voiced else _run_in(found)
    run: list[tuple[str, str, str]] = []
    current: str | None = None
    previous = ""

    def flush() -> None:
        if run and current is not None:
            attrs = {
                "start": run[0][0],
                "end": run[-1][1],
                "cues": ",".join(f"{a}/{b}" for a, b, _ in run),
            }
            draft.turns.append((current, ["\n".join(t for _, _, t in run)], attrs))
        run.clear()

    nobody = unnamed == "unattributed"
    # a file that names the voice of every cue but a few (Zoom's "Name: " on each): a cue
    # with no name is a voice it does not name, not the last one's
    named = [
        _speaker_and_text(text, sure)[0] is not None or _named_in(text, run_in)[0] is not None
        for _, _, text in found
    ]
    every = len(named) >= 10 and sum(named) >= 0.9 * len(named)
    reading = False  # inside a sponsor read
    for start, end, text in _changes_within(found):
        who, words, dash = _speaker_and_text(text, sure)
        if who is None and run_in:
            who, words = _named_in(words, run_in)
        if dash and who is None:
            draft.meta["_changes"] = draft.meta.get("_changes", 0) + 1
        if previous and words.startswith(previous) and who is None:
            words = words[len(previous) :].strip()  # rolling captions repeat the last line
        if not words:
            continue
        previous = _TAGS.sub("", text).strip().split("\n")[-1].strip()
        if who is None and nobody and (current is None or dash or every):
            who = UNATTRIBUTED
        if who is not None and (who != current or dash):
            flush()
            if who == UNATTRIBUTED:
                current = draft.speaker(UNATTRIBUTED, "Unattributed", role="unattributed")
            else:  # "Ashlee Kupor (SL)": Ashlee Kupor, labelled as Zoom prints her
                printed = labels.find(f"{who}: …") if who.endswith(")") else None
                # "[Guest]:" answers, "[Host]:" asks: the label's role, as the turn reader's
                current = draft.speaker(
                    who, printed.label if printed else None, role=label_role(who)
                )
        elif current is None:
            continue  # words before anyone is named: nobody to attribute them to
        elif len(run) >= CUES_PER_TURN and _SENTENCE_END.search(run[-1][2]):
            flush()
        elif sponsor.OPENS.search(words):
            flush()  # a sponsor read begins: a turn of its own (``sponsor.mark`` below)
        reading = reading or bool(current is not None and sponsor.OPENS.search(words))
        run.append((start, end, words))
        if reading and sponsor.CALL.search(words):
            flush()  # its call to action ends it
            reading = False
    flush()
    sponsor.mark(draft)  # "This episode is sponsored by…" in the host's voice: the outlet's
    artefacts.mark(draft)  # a subtitler's credit the recogniser invented: the outlet's
    if not draft.speakers:
        raise ReaderError("no speakers found: name them in the cues as <v Name>, [Name]: or NAME:")
    for sp in draft.speakers.values():
        if sp.name.lower() in labelwords.UNNAMED:  # "[Unknown]:", a recogniser's: nobody named
            sp.title = "unidentified"
            sp.role = "unattributed"
    return draft


def _preamble(draft: Draft, text: str) -> None:
    """What a page prints above the WebVTT export pasted in it (its front matter read as
    metadata; its title, date and rules): the outlet's paragraphs, markup taken off."""
    from quotecli.readers import frontmatter
    from quotecli.readers.turns import EDITOR
    from quotecli.text.markup import spoken

    meta, body = frontmatter.split(newlines(text))
    draft.meta.update(meta)
    for para in re.split(r"\n[ \t]*\n", body):
        words = " ".join(spoken(para.strip().lstrip("#").strip()).split())
        if words and set(words) - set("-*_= "):
            draft.turns.append((draft.speaker(EDITOR, "Editor", role="editor"), [words], {}))


NO_NAMES = (
    "no speaker names in the cues: the text is unattributed "
    "(pass --interviewee NAME if one person speaks)"
)


def name_speaker(draft: Draft, options: dict) -> None:
    """Cues that name nobody: ``--interviewee NAME`` says who speaks them (the user's word, not
    a guess); without it the import says once that the text is unattributed."""
    from quotecli.readers.turns import UNATTRIBUTED

    changes = draft.meta.pop("_changes", 0)
    if set(draft.speakers) != {UNATTRIBUTED}:
        return
    who = options.get("interviewee")
    if not who:
        draft.warnings.append(NO_NAMES)
        return
    if changes >= 2:
        # "- " or ">>" marks where another voice begins: more than one person speaks, and the
        # interviewee's name would go to the host's words as well
        draft.warnings.append(
            f"the cues mark {changes} changes of speaker and name nobody: the text stays "
            f"unattributed ({who} is not the only voice)"
        )
        return
    from quotecli.text.names import several

    if len(several(str(who))) > 1 or options.get("interviewer"):
        # the user names more than one voice (an interviewer too, or several interviewees):
        # which cues are whose, nothing in the file says
        draft.warnings.append(
            "no speaker names in the cues and more than one person named: the text stays "
            "unattributed"
        )
        return
    sp = draft.speakers[UNATTRIBUTED]
    sp.name, sp.role, sp.labels = str(who), "interviewee", [str(who)]
