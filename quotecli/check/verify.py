"""Verdicts: is a quotation of a draft what was said, and by whom the draft says?

This module owns the fact-checker's judgement of one quotation against the transcripts:
``verbatim``, ``drift`` (a word-level diff against the source's own words, naming the kind),
``misattributed`` (the words exist but are someone else's: the interviewer's, an editor's
note's, another speaker's), ``ambiguous``, ``not_found`` and ``too_short``.

Journalistic conventions it follows: a cut marked "[…]", "(…)" or "..." splits a quotation
into fragments that must appear in order in one speaker's turn; words in square brackets are
the writer's insertions and are not compared; the case of a fragment's first letter, ’ versus '
and the kind of quotation marks are not differences (folding already ignores the last two).

The matcher (``matching.match``) proposes candidate passages and its abstention is not
second-guessed for ``quote find``; here its rejected candidates are still compared word by
word, because a draft that drifted from the source is exactly what a checker must show. It never
prints and never reads the environment.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from quotecli import attribution, matching, search
from quotecli.check import quotations as drafts
from quotecli.matching.explain import mark_moves
from quotecli.records import dataclass, replace
from quotecli.results import VERDICTS, DiffOp, Passage, Quotation, Verdict  # noqa: F401
from quotecli.text import folding
from quotecli.transcript import Speaker

KINDS = {
    "spelling": "accent or spelling",
    "changed": "word changed",
    "added": "word added",
    "dropped": "word dropped",
    "order": "order",
}
_MAX_INSERTION_GAP = 8  # source words a writer's "[insertion]" may stand for


@dataclass(frozen=True)
class _Span:
    index: matching.SourceIndex
    turn: int
    lo: int
    hi: int
    matched: int
    exact: bool


class Checker:
    """Holds the indexed transcripts of one run and judges any number of quotations.

    ``sources`` is every source, or a provider as for ``search.Searcher`` (a quotation's
    folded words → the sources worth checking it against): a large library is then asked for
    candidates through its full-text index instead of being indexed whole.
    """

    def __init__(self, sources, locale: str = "en-US", citer=None):
        self._cache = matching.IndexCache(sources)
        self._judged: dict[tuple, Verdict] = {}  # the same words, given to the same person
        self.indexes: list[matching.SourceIndex] = []
        self.locale = locale
        self.citer = citer  # (source, paragraph, quote, time) -> citation dict, as search's

    def _indexes_for(self, text: str) -> list[matching.SourceIndex]:
        return self._cache.for_words(folding.fold_words(text))

    def check(self, q: Quotation) -> Verdict:
        """The verdict for one quotation of the draft (a quotation the draft repeats, with the
        same attribution, is judged once: a 20 MB draft of one line repeated stays linear)."""
        key = (q.text, q.attribution, q.block)
        if key not in self._judged:
            self._judged[key] = self._check(q)
        return replace(self._judged[key], quotation=q)

    def _check(self, q: Quotation) -> Verdict:
        self.indexes = self._indexes_for(q.text)
        if not q.block and drafts.word_count(drafts.CUTS.sub(" ", q.text)) <= 2:
            return Verdict(q, "too_short", "one or two words: too short to verify")
        frags, seps = drafts.fragments(q.text)
        if not frags:
            return Verdict(q, "too_short", "no words to verify")
        placements = self._placements(frags, seps)
        if not placements:
            return self._spliced(q, frags) or Verdict(
                q, "not_found", "these words are not in the transcripts",
                closest=search.closest_in(self.indexes, drafts.CUTS.sub(" ", q.text)),
            )  # fmt: skip
        best = max(p[0] for p in placements)
        tied = [p for p in placements if p[0] == best]
        passages = [(self._passage(p[1]), p[1]) for p in tied]
        if len(passages) > 1:
            keys = {_key(ps.speaker) for ps, _ in passages}
            named = [pp for pp in passages if _key(pp[0].speaker) in (_wanted(q, pp[0]) or ())]
            if named:
                passages = named
            elif len(keys) > 1:
                alts = tuple(ps for ps, _ in passages)
                return Verdict(q, "ambiguous", _ambiguity(alts), alts[0], alternatives=alts)
        passage, spans = passages[0]
        wanted = _wanted(q, passage)
        diff, cuts = self._diff(q.text, frags, spans)
        kinds = tuple(dict.fromkeys(_KIND_OF[d.op] for d in diff if d.op in _KIND_OF))
        who = passage.speaker
        role = "an editor's note" if who.role == "editor" else f"{who.name} ({who.role})"
        if passage.editorial and who.role != "editor":
            return Verdict(q, "misattributed", f"includes an editor's note, not {who.name}'s "
                           "words", passage, diff if kinds else None, kinds, cuts)  # fmt: skip
        if (wanted is not None and _key(who) not in wanted) or (
            wanted is None and who.role == "editor"
        ):
            said = f"the draft gives them to {q.attribution}" if q.attribution else "unattributed"
            return Verdict(q, "misattributed", f"these are the words of {role}; {said}", passage,
                           diff if kinds else None, kinds, cuts)  # fmt: skip
        if kinds:
            which = ", ".join(KINDS[k] for k in kinds)
            return Verdict(q, "drift", f"the words differ from the source ({which})", passage,
                           diff, kinds, cuts)  # fmt: skip
        note = f"{len(cuts)} marked cut(s)" if cuts else "exact words"
        if len(passages) > 1:
            note += f", said {len(passages)} times by {who.name}"
        return Verdict(q, "verbatim", note, passage, None, (), cuts)

    def _spliced(self, q: Quotation, frags) -> Verdict | None:
        """A cut that joins words from different turns: each fragment was said, not together."""
        found = [[s for ix in self.indexes for s in _spans(ix, f) if s.exact] for f in frags]
        if len(frags) < 2 or not all(found):
            return None
        first = found[0][0]
        spans = [first] + [None] * (len(frags) - 1)
        passage = self._passage(spans)
        diff, cuts = self._diff(q.text, frags, spans)
        reason = "the cut joins words from different turns; each fragment must be from one turn"
        return Verdict(q, "drift", reason, passage, diff, ("added",), cuts)

    def _placements(self, frags, seps) -> list[tuple[tuple, list]]:
        """Acceptable ways to place every fragment in one turn, in order: (quality, spans)."""
        per_frag = [[s for ix in self.indexes for s in _spans(ix, f)] for f in frags]
        n_draft = sum(len(f) for f in frags)
        turns = {(id(s.index), s.turn): s.index for spans in per_frag for s in spans}
        out = []
        for (ix_id, turn), _ix in turns.items():
            chosen, prev = [], None
            for k, options in enumerate(per_frag):
                ok = [s for s in options if id(s.index) == ix_id and s.turn == turn
                      and (prev is None or s.lo >= prev.hi)
                      and (prev is None or seps[k - 1] == "cut" or
                           s.lo - prev.hi <= _MAX_INSERTION_GAP)]  # fmt: skip
                pick = max(ok, key=lambda s: (s.matched, -s.lo), default=None)
                chosen.append(pick)
                prev = pick or prev
            placed = [s for s in chosen if s]
            matched = sum(s.matched for s in placed)
            n_source = sum(s.hi - s.lo for s in placed)
            if matched < min(3, n_draft) or matched < 0.6 * n_draft:
                continue
            if 2 * matched / (n_draft + n_source) < 0.6:
                continue
            exact = all(s and s.exact for s in chosen)
            quality = (exact, round(matched / n_draft, 2), round(-n_source / n_draft, 2))
            out.append((quality, chosen))
        return out

    def _passage(self, spans: list[_Span | None]) -> Passage:
        placed = [s for s in spans if s]
        index = placed[0].index
        source = index.source
        positions = tuple(p for s in placed for p in range(s.lo, s.hi))
        first = index.sentence_of[positions[0]]
        cand = matching.Candidate(index, positions, first, index.sentence_of[positions[-1]],
                                  100.0, False, True, "")  # fmt: skip
        attr = attribution.attribute(cand)
        text = " […] ".join(source.text[index.starts[s.lo] : index.ends[s.hi - 1]] for s in placed)
        start, end = index.starts[positions[0]], index.ends[positions[-1]]
        paragraph = index.sentences[first].paragraph
        cite = self.citer or search.default_citer(self.locale)
        citation = cite(source, paragraph, text, source.time_of(start, end))
        return Passage(source, attr.speaker, text, start, end, paragraph,
                       attr.editorial and not attr.editor_only, citation)  # fmt: skip

    def _diff(self, qtext, frags, spans) -> tuple[tuple[DiffOp, ...], tuple[str, ...]]:
        ops: list[DiffOp] = []
        cuts: list[str] = []
        prev = None
        for frag, span in zip(frags, spans, strict=True):
            if ops:
                omitted = None
                if prev is not None and span is not None and span.lo > prev.hi:
                    ix = span.index
                    omitted = ix.source.text[ix.ends[prev.hi - 1] : ix.starts[span.lo]].strip()
                cuts.append(omitted or "")
                ops.append(DiffOp("cut", None, omitted))
            if span is None:
                ops.append(DiffOp("added", qtext[frag[0].start : frag[-1].end], None))
                continue
            ops.extend(_word_diff(qtext, frag, span))
            prev = span
        return tuple(mark_moves(_merge(ops))), tuple(cuts)


_KIND_OF = {"spelling": "spelling", "changed": "changed", "added": "added",
            "dropped": "dropped", "moved": "order"}  # fmt: skip


def _wanted(q: Quotation, passage: Passage) -> set[str] | None:
    return drafts.designates(q.attribution, passage.source) if q.attribution else None


def _key(speaker: Speaker) -> str:
    return "editor" if speaker.role == "editor" else speaker.id


def _ambiguity(alts) -> str:
    who = ", ".join(dict.fromkeys(p.speaker.name for p in alts))
    return f"these words occur in {len(alts)} places, said by {who}; name who said them"


def _spans(index: matching.SourceIndex, frag: list[drafts.Token]) -> list[_Span]:
    """Where one fragment is in one source: every exact occurrence, else aligned candidates."""
    words = [t.fold for t in frag]
    n = len(words)
    exact = [
        _Span(index, index.sentences[index.sentence_of[p]].turn, p, p + n, n, True)
        for p in matching.exact_runs(index, words)
    ]
    if exact:
        return exact
    out = []
    for cand in matching.match(index, words)[:5]:
        span = _align(index, words, cand)
        if span is not None:
            out.append(span)
    return out


def _align(index, words, cand) -> _Span | None:
    """The region of a candidate's turn that lines up with the fragment's words.

    difflib's SequenceMatcher because it yields the longest common runs first and opcodes that
    read as replace / insert / delete, which is the vocabulary of the diff we show; fragments
    are short, so autojunk is off (its heuristics are for long texts).
    """
    turn = index.sentences[cand.first_sentence].turn
    reach = 1 + len(words) // 20
    s0, s1 = cand.first_sentence, cand.last_sentence
    for _ in range(reach):
        if s0 > 0 and index.sentences[s0 - 1].turn == turn:
            s0 -= 1
        if s1 + 1 < len(index.sentences) and index.sentences[s1 + 1].turn == turn:
            s1 += 1
    w_lo, w_hi = index.sentences[s0].lo, index.sentences[s1].hi
    window = index.words[w_lo:w_hi]
    blocks = [b for b in SequenceMatcher(None, words, window, autojunk=False)
              .get_matching_blocks() if b.size]  # fmt: skip
    if not blocks:
        return None
    core = max(range(len(blocks)), key=lambda k: blocks[k].size)
    lo_k = hi_k = core
    # Keep neighbouring runs only while the source does not stretch far past the draft: a
    # lone "de" ten words away is a coincidence, not part of the quotation.
    while lo_k > 0 and _close(blocks[lo_k - 1], blocks[lo_k]):
        lo_k -= 1
    while hi_k + 1 < len(blocks) and _close(blocks[hi_k], blocks[hi_k + 1]):
        hi_k += 1
    kept = blocks[lo_k : hi_k + 1]
    # Draft words before the first run or after the last one stand for the source's words
    # there (a changed first word), but never past the sentence those runs are in.
    lo, hi = kept[0].b, kept[-1].b + kept[-1].size
    first_sentence = index.sentences[index.sentence_of[w_lo + lo]]
    last_sentence = index.sentences[index.sentence_of[w_lo + hi - 1]]
    lo = max(first_sentence.lo - w_lo, lo - kept[0].a)
    hi = min(last_sentence.hi - w_lo, hi + len(words) - (kept[-1].a + kept[-1].size))
    matched = sum(b.size for b in kept)
    return _Span(index, turn, w_lo + lo, w_lo + hi, matched, False)


def _close(left, right) -> bool:
    gap_a = right.a - (left.a + left.size)
    gap_b = right.b - (left.b + left.size)
    return gap_b <= gap_a + 3 or min(left.size, right.size) >= 3 and gap_b <= gap_a + 12


def _word_diff(qtext: str, frag: list[drafts.Token], span: _Span) -> list[DiffOp]:
    ix = span.index
    text = ix.source.text

    def src(j1, j2):
        return text[ix.starts[span.lo + j1] : ix.ends[span.lo + j2 - 1]]

    def dft(i1, i2):
        return qtext[frag[i1].start : frag[i2 - 1].end]

    a = [t.fold for t in frag]
    b = ix.words[span.lo : span.hi]
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            run = i1  # a run of identical words keeps the draft's own punctuation inside
            for k in range(i1, i2 + 1):
                d = frag[k].surface if k < i2 else ""
                s = src(j1 + k - i1, j1 + k - i1 + 1) if k < i2 else ""
                if k < i2 and _same_surface(d, s, first=k == 0):
                    continue
                if run < k:
                    ops.append(DiffOp("same", dft(run, k), src(j1 + run - i1, j1 + k - i1)))
                if k < i2:
                    ops.append(DiffOp("spelling", d, s))
                run = k + 1
        elif tag == "replace":
            if i2 - i1 == j2 - j1 and all(
                SequenceMatcher(None, x, y).ratio() >= 0.75
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ):
                ops.append(DiffOp("spelling", dft(i1, i2), src(j1, j2)))
            else:
                ops.append(DiffOp("changed", dft(i1, i2), src(j1, j2)))
        elif tag == "insert":
            ops.append(DiffOp("dropped", None, src(j1, j2)))
        else:
            ops.append(DiffOp("added", dft(i1, i2), None))
    return ops


def _same_surface(d: str, s: str, first: bool) -> bool:
    d, s = unicodedata.normalize("NFC", d), unicodedata.normalize("NFC", s)
    if first:
        # A quotation may start with a capital or not, whatever the source has there.
        d, s = d[:1].lower() + d[1:], s[:1].lower() + s[1:]
    return d == s


def _merge(ops: list[DiffOp]) -> list[DiffOp]:
    out: list[DiffOp] = []
    for op in ops:
        if out and op.op == "same" and out[-1].op == "same":
            out[-1] = DiffOp("same", f"{out[-1].draft} {op.draft}", f"{out[-1].source} {op.source}")
        else:
            out.append(op)
    return out
