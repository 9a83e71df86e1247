"""Drafts: the quotations of an article (Markdown or plain text) and whom the draft gives them to.

This module owns reading a draft as a writer wrote it: French « … » (with or without no-break
spaces), “ … ” and straight "…" quotations, Markdown blockquotes, the line each one starts on,
and the attribution near it — the person named in the same sentence or the one before
("a déclaré Marina Ferrari", "selon la ministre", "Ferrari estime", "said Ferrari").

It reports what the draft says, as the draft spells it. Finding quotations never looks at
transcripts (the caller passes the names worth recognising), nor does splitting a quotation at
the writer's marks (cuts "[…]", "(…)", "...", insertions "[words]"). ``designates`` then reads one
source's speakers to say whom the draft's wording can mean ("la ministre" is the interviewee
whose title makes her a member of the government). It never decides whether a quotation is
right.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from quotecli.records import dataclass
from quotecli.results import Quotation
from quotecli.status import UsageError
from quotecli.text import folding, sentences
from quotecli.text.markup import spoken
from quotecli.transcript import Source

# Quotation marks, outermost first: French guillemets, then curly, then straight quotes. A
# pair of an inner kind inside an outer one is part of the outer quotation (nested quotes).
_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
_BLOCK = re.compile(r"^ {0,3}> ?(.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# An attribution line closing a blockquote: "> — Marina Ferrari" or "-- Ferrari".
_BYLINE = re.compile(r"^\s*(?:—|–|--)\s*(.+?)\s*$")
# Masking a quotation keeps the prose around it readable for the sentence splitter and the
# name finder: "·" is neither a letter nor white space, so it never looks like a name.
_MASK = "·"

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_UPPER}][\w’'-]*[\w](?:\s+(?:de\s+|d[’']|van\s+|von\s+)?[{_UPPER}][\w’'-]*[\w])*"
_ROLE_NOUNS = (
    r"secrétaire d[’']([ÉE]tat|[ée]tat)|sous-ministre|ministre|porte-parole|députée?|"
    r"sénat(?:eur|rice)|présidente?|journaliste|intervieweu(?:r|se)|interviewée?|intéressée?|"
    r"junior minister|secretary of state|minister|secretary|journalist|interviewer|reporter"
)
_ROLE = rf"(?:[Ll]a|[Ll]e|[Ll][’']|[Nn]otre|[Cc]ette|[Cc]e|[Tt]he|[Oo]ur)\s*(?:{_ROLE_NOUNS})\b"
# Verbs of saying, French (stems cover the tenses: "déclare", "a déclaré", "déclarait") and
# English. "noter" is left out: "notamment Mistral" would read as an attribution.
_VERB = (
    r"(?:déclar|affirm|estim|expliqu|ajout|assur|soulign|indiqu|précis|martel|martèl|confi|"
    r"lanc|insist|rappel|jug|observ|concéd|concèd|gliss|tranch|résum|avanc|comment|plaid|"
    r"répét|répèt|relev|salu|demand|regrett|considér|considèr|constat|analys|détaill|racont|"
    r"nuanc|tempér|tempèr|déplor|félicit|réjou|interrog|reconn|répond|poursui|admet|admis|"
    r"prévien|prévenu|pens|conclu|avert|soutien|soutenu|écri|dit\b|dis\b|dise|"
    r"said|says|told|tells|added|adds|explain|argu|stat|insist|ask|repl|answer|warn|wrote|writes)"
    r"[\wé]*"
)
_ADVERBS = r"(?:\s+(?:encore|alors|aussi|ainsi|également|hier|enfin|ensuite|mardi|lundi|" \
    r"mercredi|jeudi|vendredi|samedi|dimanche|then|also|again|later))?"  # fmt: skip
_PRONOUN_SAYS = re.compile(
    rf"-t-(?:elle|il)\b|\b(?:[Ee]lle|[Ii]l|[Ss]he|[Hh]e)\s+(?:\S+\s+)?{_VERB}"
    r"|\b[Ss]elon (?:elle|lui)"
)

CUTS = re.compile(r"\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.|\[[^\[\]]*\]")
_INSERTION = re.compile(r"\[(?!\s*(?:…|\.\.\.)\s*\])[^\[\]]*\]")


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    text: str
    block: bool
    byline: str | None = None


@dataclass(frozen=True)
class Token:
    """A word of a quotation: folded, as written, and where (into the quotation text)."""

    fold: str
    surface: str
    start: int  # into the quotation text
    end: int


def fragments(text: str) -> tuple[list[list[Token]], list[str]]:
    """The quotation's fragments and, between each pair, "cut" or "insertion"."""
    frags: list[list[Token]] = []
    seps: list[str] = []
    pending = None
    pos = 0
    for m in [*CUTS.finditer(text), None]:
        stop = m.start() if m else len(text)
        toks = [Token(w.text, text[w.start : w.end], w.start, w.end) for w in
                folding.words(text[pos:stop], pos)]  # fmt: skip
        if toks:
            if frags:
                seps.append(pending or "cut")
            frags.append(toks)
            pending = None
        if m is not None:
            kind = "insertion" if _INSERTION.fullmatch(m.group()) else "cut"
            pending = "cut" if pending == "cut" else kind
            pos = m.end()
    return frags, seps


def word_count(text: str) -> int:
    """Words as a reader counts them ("l'intérêt général" is two)."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def find_quotations(
    draft: str, names: Iterable[str] = (), limit: int | None = None
) -> list[Quotation]:
    """Every quotation of ``draft`` in reading order, with its line and its attribution.

    ``names`` are people worth recognising even without a verb of saying (the speakers and
    interviewers of the transcripts): "Interrogée, Marina Ferrari sourit : « … »".
    """
    raws, prose = _scan(draft)
    if limit is not None:
        distinct = len({(r.text, r.block) for r in raws})
        if distinct > limit:
            raise UsageError(
                f"the draft has {distinct:,} different quotations; quote check takes at most "
                f"{limit:,} at a time (split the draft)"
            )
    masked = list(draft)
    for r in raws:
        _mask(masked, r.start, r.end, draft)
    masked_text = "".join(masked)
    spans: list[tuple[int, int]] = []
    for a, b in prose:
        spans.extend(sentences.split(masked_text, a, b))
    spans.sort()
    known = _known_patterns(names)
    newlines = [i for i, ch in enumerate(draft) if ch == "\n"]
    starts = [a for a, _ in spans]
    seen: dict = {}  # what each sentence names, found once however many quotations (issue 11)
    out = []
    for r in raws:
        line = bisect_right(newlines, r.start - 1) + 1
        who = r.byline or _attribution(masked_text, spans, starts, r, known, seen)
        # A Markdown draft's emphasis and links are its typesetting, not the words quoted
        # (issue 14): "*really*" and "[data](url)" are checked, and fixed, as "really", "data";
        # its lines stay as written.
        text = "\n".join(spoken(part) for part in r.text.split("\n"))
        out.append(Quotation(line, text, r.start, r.end, r.block, who))
    return out


def _mask(chars: list[str], start: int, end: int, draft: str) -> None:
    """Hide a quotation's words, keeping a leading capital and a closing "." for the splitter."""
    for i in range(start, end):
        if not chars[i].isspace():
            chars[i] = _MASK
    if start < end and draft[start].isupper():
        chars[start] = draft[start]
    # A closing "." stays for the splitter (the quotation ended the sentence); a "?" or "!"
    # does not: in '"Will you shut up, man?" Trump said.' the sentence goes on to its speaker.
    last = draft[start:end].rstrip()
    if last and last[-1] in ".…":
        chars[start + len(last) - 1] = last[-1]


def _scan(draft: str) -> tuple[list[_Raw], list[tuple[int, int]]]:
    """Quotations and the spans of prose paragraphs (blockquotes and code excluded)."""
    raws: list[_Raw] = []
    prose: list[tuple[int, int]] = []
    lines = draft.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    para_start: int | None = None

    def close(upto: int) -> None:
        nonlocal para_start
        if para_start is not None:
            prose.append((para_start, offsets[upto] - 1))
            raws.extend(_inline(draft, para_start, offsets[upto] - 1))
            para_start = None

    while i < len(lines):
        line = lines[i].rstrip("\r")
        if _FENCE.match(line):
            close(i)
            i += 1
            while i < len(lines) and not _FENCE.match(lines[i]):
                i += 1
            i += 1
            continue
        if _BLOCK.match(line):
            close(i)
            j = i
            while j < len(lines) and _BLOCK.match(lines[j].rstrip("\r")):
                j += 1
            raws.append(_block(draft, offsets, lines, i, j))
            # The block stands as one sentence of its own in the prose, so that the sentence
            # leading into it ("Elle répond :") is "the one before".
            prose.append((offsets[i], offsets[j] - 1))
            i = j
            continue
        if line.strip() == "":
            close(i)
        elif para_start is None:
            para_start = offsets[i]
        i += 1
    close(len(lines))
    raws.sort(key=lambda r: r.start)
    return raws, prose


def _block(draft, offsets, lines, i, j) -> _Raw:
    body = [m.group(1) for k in range(i, j) if (m := _BLOCK.match(lines[k].rstrip("\r")))]
    byline = None
    while body and not body[-1].strip():
        body.pop()
    if body and (m := _BYLINE.match(body[-1])):
        byline = m.group(1).split(",")[0].strip()
        body.pop()
    text = " ".join(part.strip() for part in body).strip()
    for opening, closing in _PAIRS:
        if text.startswith(opening) and text.endswith(closing) and len(text) > 1:
            text = text[1:-1].strip()
            break
    return _Raw(offsets[i], offsets[j] - 1, text, True, byline)


def _inline(draft: str, start: int, end: int) -> list[_Raw]:
    """Quotations inside one prose paragraph: outer pairs first, nested ones stay inside."""
    # One flag per character inside a quotation already taken: each pass is linear, whatever
    # the number of marks (10,000 unbalanced quotes must not take quadratic time, issue 11).
    taken = bytearray(end - start)
    found: list[_Raw] = []
    for opening, closing in _PAIRS:
        depth, open_at = 0, -1
        marks = [i for i in range(start, end) if draft[i] in (opening, closing)]
        for i in marks:
            ch = draft[i]
            if taken[i - start]:
                continue
            # Straight quotes cannot say which way they face: they alternate open, close.
            opens = depth == 0 if opening == closing else ch == opening
            if opens:
                if depth == 0:
                    open_at = i
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    inner = draft[open_at + 1 : i]
                    text = inner.strip()
                    a = open_at + 1 + len(inner) - len(inner.lstrip())
                    found.append(_Raw(a, a + len(text), text, False))
                    taken[open_at - start : i + 1 - start] = b"\x01" * (i + 1 - open_at)
    return found


def _known_patterns(names: Iterable[str]) -> list[re.Pattern]:
    """Names worth recognising anywhere: full names first, then surnames alone."""
    full, last = set(), set()
    for name in names:
        words = name.split()
        if not words:
            continue
        full.add(" ".join(words))
        if len(words) > 1 and words[-1][:1].isupper():
            last.add(words[-1])
    ordered = sorted(full, key=len, reverse=True) + sorted(last - full, key=len, reverse=True)
    return [
        re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, n.split())) + r"(?![\w])", re.I)
        for n in ordered
    ]


@lru_cache(maxsize=1)
def _strong() -> tuple[re.Pattern, ...]:
    """The patterns that tie a name to a verb of saying (compiled once)."""
    who = rf"({_ROLE}|{_NAME})"
    return (
        re.compile(rf"{_VERB}(?:-t-(?:elle|il))?{_ADVERBS}\s+{who}"),
        re.compile(rf"{who},?\s+(?:(?:a|avait|aura|aurait|lui|nous|l[’']a|has|had)\s+)*{_VERB}"),
        re.compile(rf"(?:[Ss]elon|[Dd][’']après|[Aa]ccording to)\s+{who}"),
        re.compile(rf"{who}\s*:\s*$"),
    )


_ROLE_RE = re.compile(_ROLE)


def _mentions(text: str, known: list[re.Pattern]) -> list[tuple[int, int, str, bool]]:
    """People named in ``text``: (start, end, as written, strong); strong = tied to a verb of
    saying or to "selon"/"according to", weak = a known name or a role noun on its own."""
    found: list[tuple[int, int, str, bool]] = []
    for pattern in _strong():
        for m in pattern.finditer(text):
            if not _not_a_name(m.group(1)):
                found.append((m.start(1), m.end(1), m.group(1), True))
    for m in _ROLE_RE.finditer(text):
        found.append((m.start(), m.end(), m.group(0), False))
    for pattern in known:
        for m in pattern.finditer(text):
            if m.group(0)[:1].isupper():
                found.append((m.start(), m.end(), m.group(0), False))
    return found


_NOT_NAMES = frozenset(
    """la le les l un une ce ceci cela ça cette il elle ils elles on nous je vous tu mais et puis
    ainsi alors donc or car interrogée interrogé encore pourtant enfin the a an it this that
    she he we they i but and so then yet""".split()
)


def _not_a_name(text: str) -> bool:
    # Sentence-initial capitals ("Ceci dit", "Elle a dit", "La …") are not people.
    first = re.split(r"[\s’']", text, maxsplit=1)[0].lower()
    return first in _NOT_NAMES and not re.match(_ROLE, text)


def _attribution(masked: str, spans, starts, raw: _Raw, known, seen) -> str | None:
    """The person named in the quotation's sentence, else in the one before."""
    k = bisect_right(starts, raw.start) - 1  # spans are sorted and do not overlap
    if k < 0 or not spans[k][0] <= raw.start < spans[k][1]:
        return None
    a, b = spans[k]
    sentence = masked[a:b]
    here = seen.get((a, b))
    if here is None:
        here = seen[(a, b)] = _mentions(sentence, known)
    if here:
        pick = max(here, key=lambda m: (m[3], -_distance(a + m[0], a + m[1], raw)))
        return _clean(pick[2])
    says = seen.get((a, b, "says"))
    if says is None:
        says = seen[(a, b, "says")] = bool(_PRONOUN_SAYS.search(sentence))
    depth = 3 if says or raw.block else 1
    for back in range(k - 1, max(-1, k - 1 - depth), -1):
        a, b = spans[back]
        there = seen.get((a, b))
        if there is None:
            there = seen[(a, b)] = _mentions(masked[a:b], known)
        if there:
            return _clean(max(there, key=lambda m: (m[3], m[0]))[2])
    return None


def _distance(a: int, b: int, raw: _Raw) -> int:
    return raw.start - b if b <= raw.start else a - raw.end


def _clean(name: str) -> str:
    return " ".join(name.split())


_ARTICLES = {"la", "le", "l", "les", "notre", "cette", "ce", "the", "our"}
_MINISTER = {"ministre", "minister"}
_GOVERNMENT = {"ministre", "minister", "secretaire", "secretary"}
_INTERVIEWER = {"journaliste", "intervieweur", "intervieweuse", "journalist", "interviewer"}
_INTERVIEWEE = {"interviewee", "interessee", "interesse", "interviewe"}


def designates(name: str | None, source: Source) -> set[str]:
    """The speakers of ``source`` the draft's wording designates (speaker ids; "editor")."""
    words = folding.fold_words(name or "")
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if not words:
        return set()
    wanted = set(words)
    ids = set()
    for sp in source.speakers:
        if any(wanted <= set(folding.fold_words(n)) for n in (sp.name, *sp.labels)):
            ids.add(sp.id)
        title = folding.fold_words(sp.title or "")
        if title and title[: len(words)] == words:
            ids.add(sp.id)
        # French usage calls a secrétaire d'État "la ministre" (a member of the government).
        if words[0] in _MINISTER and len(words) == 1 and _GOVERNMENT & set(title):
            ids.add(sp.id)
        if sp.role in ("interviewee", "guest") and words[0] in _INTERVIEWEE:
            ids.add(sp.id)
        if sp.role == "interviewer":
            if source.interviewer and wanted <= set(folding.fold_words(source.interviewer)):
                ids.add(sp.id)
            if words[0] in _INTERVIEWER:
                ids.add(sp.id)
    if wanted <= set(folding.fold_words(source.outlet)):
        ids.add("editor")
    return ids
