"""Matching: which passage of a transcript a remembered phrase stands for, and how well.

The matcher works on folded words (``folding``) laid out sentence by sentence (``sentences``)
and never crosses a turn: a window is one sentence or two neighbouring sentences of the same
speaker's turn, so a match is never stitched across speakers.

For each window it finds the compact region where the phrase's words occur — each word exactly
or with a typo (optimal string alignment distance 1 for words of 4–7 letters, 2 from 8), in any
order — and scores it from 0 to 100 on three things: how much of the phrase is there (function
words count less than content words), how tightly packed the region is (one cut between two
solid runs is allowed: people drop a clause), and whether the order is kept.

Abstention is decided here, not left to a score threshold alone: a phrase is *found* only when
its content words are there (none missing up to three, one in four after that), the region is
compact, and no negation is on one side only. Everything else is at best a "closest passage".

This module knows nothing of speakers' names, output or citations.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from quotecli.text import folding, lexicon, sentences
from quotecli.transcript import Source

MIN_SCORE = 60.0
AMBIGUITY_MARGIN = 3.0
MAX_WINDOWS = 16  # windows fully evaluated per source and phrase


class Sentence(NamedTuple):
    start: int
    end: int
    lo: int  # first word index
    hi: int  # one past the last word index
    paragraph: int
    turn: int


class SourceIndex:
    """The words and sentences of one source, with offsets into its file text."""

    def __init__(self, source: Source):
        self.source = source
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sentence_of: list[int] = []
        self.sentences: list[Sentence] = []
        self.paragraph_spans: dict[int, tuple[int, int]] = {}
        for t in source.turns:
            for p in t.paragraphs:
                self.paragraph_spans[p.number] = (p.start, p.end)
                for a, b in sentences.split(source.text, p.start, p.end):
                    lo = len(self.words)
                    for w in folding.words(source.text[a:b], a):
                        self.words.append(w.text)
                        self.starts.append(w.start)
                        self.ends.append(w.end)
                        self.sentence_of.append(len(self.sentences))
                    self.sentences.append(Sentence(a, b, lo, len(self.words), p.number, t.index))
        self.vocab: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            self.vocab.setdefault(w, []).append(i)
        self.editorial = source.editorial_spans()
        self._vocab_keys: list[str] | None = None
        self._options: dict[tuple[str, bool], list[tuple[int, float]]] = {}
        self._stems: dict[str, list[str]] | None = None

    def in_editorial(self, pos: int) -> tuple[int, int] | None:
        """The editor's note a word sits in, if any."""
        s = self.starts[pos]
        for a, b in self.editorial:
            if a <= s < b:
                return (a, b)
        return None

    def options(self, word: str, exact_only: bool) -> list[tuple[int, float]]:
        """Positions where ``word`` occurs, exactly (similarity 1) or with a typo.

        Memoised per index: a batch, and the reordered variants of one phrase, ask again for
        the same words."""
        key = (word, exact_only)
        got = self._options.get(key)
        if got is None:
            got = self._options[key] = self._find_options(word, exact_only)
        return got

    def _find_options(self, word: str, exact_only: bool) -> list[tuple[int, float]]:
        found = [(pos, 1.0) for pos in self.vocab.get(word, ())]
        n = len(word)
        if exact_only or n < 4:
            return found
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._vocab_keys is None:
            self._vocab_keys = list(self.vocab)
        if n >= 5:
            # Inflections share a stem: réussit / réussisse, intégré / intègrent,
            # devient / devenait (half the longer word at least, four letters or more).
            if self._stems is None:
                self._stems = {}
                for w in self.vocab:
                    if len(w) >= 5:
                        self._stems.setdefault(w[:4], []).append(w)
            for other in self._stems.get(word[:4], ()):
                common = len(os.path.commonprefix((word, other)))
                if other != word and common >= 0.5 * max(n, len(other)):
                    found.extend((pos, 0.8) for pos in self.vocab[other])
        limit = 1 if n < 8 else 2
        for other, dist, _ in process.extract(
            word, self._vocab_keys, scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            if dist == 0 or len(other) < 4:
                continue
            if dist == 2 and other[:3] != word[:3]:
                # Two edits at the head of a word make antonyms, not typos:
                # majoritaire/minoritaire, possible/impossible, exclusif/inclusif.
                continue
            sim = 1.0 - dist / max(n, len(other))
            found.extend((pos, sim) for pos in self.vocab[other])
        best: dict[int, float] = {}
        for pos, sim in found:
            best[pos] = max(sim, best.get(pos, 0.0))
        return list(best.items())


@dataclass(frozen=True)
class Candidate:
    """A scored region of one window; ``accepted`` says whether it may be given as a quote."""

    index: SourceIndex
    positions: tuple[int, ...]  # matched word indices, sorted
    first_sentence: int
    last_sentence: int
    score: float
    exact: bool
    accepted: bool
    reason: str  # why not accepted ("" when accepted)

    @property
    def start(self) -> int:
        return self.index.starts[self.positions[0]]

    @property
    def end(self) -> int:
        return self.index.ends[self.positions[-1]]


def _lis(seq: list[int]) -> int:
    tails: list[int] = []
    for x in seq:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def exact_runs(index: SourceIndex, query: list[str]) -> list[int]:
    """Word indices where the whole folded query occurs, in order, within one sentence pair."""
    first = index.vocab.get(query[0], ())
    n = len(query)
    hits = []
    for p in first:
        if index.words[p : p + n] == query:
            t0 = index.sentences[index.sentence_of[p]].turn
            if index.sentences[index.sentence_of[p + n - 1]].turn == t0:
                hits.append(p)
    return hits


def _evaluate(index, query, opts, lo, hi, display) -> Candidate | None:
    content = [j for j, w in enumerate(query) if lexicon.is_content(w)] or list(range(len(query)))
    in_win = [[(p, s) for p, s in opts[j] if lo <= p < hi] for j in range(len(query))]
    anchors = sorted({p for j in content for p, _ in in_win[j]})
    if not anchors:
        return None
    best = None
    for anchor in anchors:
        chosen: dict[int, tuple[int, float]] = {}
        used: set[int] = set()
        for j in content:
            cands = [(abs(p - anchor), -s, p, s) for p, s in in_win[j] if p not in used]
            if cands:
                _, _, p, s = min(cands)
                chosen[j] = (p, s)
                used.add(p)
        ps = [p for p, _ in chosen.values()]
        span = max(ps) - min(ps) + 1
        got = sum(s for _, s in chosen.values())
        key = (got - 0.15 * max(0, span - 2 * len(ps)), -span)
        if best is None or key > best[0]:
            best = (key, chosen, used)
    _, chosen, used = best
    ps = [p for p, _ in chosen.values()]
    a, b = min(ps), max(ps)
    # Function words (and repeated words) go where the phrase puts them: next to the nearest
    # placed word of the phrase, at the same distance as in the phrase.
    for j in range(len(query)):
        if j in chosen and len(in_win[j]) == 1:
            continue
        others = [k for k in chosen if k != j]
        if not others:
            continue
        # expected places from the nearest placed word on each side of the phrase
        expect = []
        left = [k for k in others if k < j]
        right = [k for k in others if k > j]
        if left:
            expect.append(chosen[max(left)][0] + (j - max(left)))
        if right:
            expect.append(chosen[min(right)][0] - (min(right) - j))
        if j in chosen:
            used.discard(chosen[j][0])
        near = [(min(abs(p - e) for e in expect), -s, p, s) for p, s in in_win[j] if p not in used]
        near = [x for x in near if a - 2 <= x[2] <= b + 2]
        if near:
            _, _, p, s = min(near)
            chosen[j] = (p, s)
            used.add(p)
        elif j in chosen:
            used.add(chosen[j][0])
    return _score(index, query, content, chosen, display)


def _score(index, query, content, chosen, display) -> Candidate:
    weights = [lexicon.weight(w) for w in query]
    coverage = sum(weights[j] * s for j, (_, s) in chosen.items()) / sum(weights)
    positions = sorted(p for p, _ in chosen.values())
    span = positions[-1] - positions[0] + 1
    # One cut is allowed inside a sentence between two solid runs (a dropped clause: "Grâce à
    # la puissance de distribution de Microsoft, [qui est …,] Mistral devient"): density is
    # measured without it. A lone word far from the rest is not a run: "Microsoft devient une
    # vraie alternative à OpenAI" must not borrow "Microsoft" from the start of the sentence.
    gaps = [(positions[k + 1] - positions[k] - 1, k) for k in range(len(positions) - 1)]
    effective = span
    cut = (0, -1)
    if gaps:
        gap, k = max(gaps)
        left, right = k + 1, len(positions) - k - 1
        sentence = index.sentence_of[positions[k]]
        same_sentence = sentence == index.sentence_of[positions[k + 1]]
        # the subject that opens the sentence, then its verb after a clause ("Mistral [fait
        # face à un vrai enjeu … et] a déjà signé des partenariats")
        opens = positions[0] == index.sentences[sentence].lo and right >= 4
        if gap > 1 and same_sentence and (min(left, right) >= 3 or opens):
            effective -= gap
            cut = (positions[k], positions[k + 1])
    density = len(positions) / effective
    in_query_order = [chosen[j][0] for j in sorted(chosen)]
    order = _lis(in_query_order) / len(chosen)
    # Reordering moves whole chunks ("une vraie alternative à OpenAI, Mistral devient"); a
    # phrase whose words are shuffled one by one says something else ("OpenAI devient une
    # vraie alternative à Mistral"). A chunk goes on while each word is 1–2 words further on.
    chunks = 1 + sum(
        1 for x, y in zip(in_query_order, in_query_order[1:], strict=False) if not 0 < y - x <= 2
    )
    n = len(query)
    exact = (
        len(chosen) == n
        and all(s == 1.0 for _, s in chosen.values())
        and positions == list(range(positions[0], positions[0] + n))
        and [chosen[j][0] for j in range(n)] == positions
    )
    score = 100.0 if exact else 100.0 * coverage * (0.5 + 0.5 * density) * (0.9 + 0.1 * order)
    missing = [j for j in content if j not in chosen]
    reason = ""
    lo_w, hi_w = positions[0], positions[-1]
    # a subject pronoun typed for the source's subject ("nous étions au courant" for "L'Etat
    # était-il au courant") is a substitution too, though pronouns weigh little in coverage
    pronouns = [j for j, w in enumerate(query) if w in lexicon.SUBJECTS and j not in chosen]
    replaced = _replaced(index, query, chosen, missing + pronouns, cut)
    # A content word typed in place of the source's is a different statement ("se féliciter"
    # or "s'inquiéter de cet accord" for "se réjouir"): never a match, whatever the rest. A
    # word only added is tolerated, one in five content words, none in a short phrase.
    if replaced:
        reason = "; ".join(f"“{display[j]}” where the source has “{w}”" for j, w in replaced)
    elif len(missing) > len(content) // 5:
        reason = "not in the source: " + ", ".join(f"“{display[j]}”" for j in missing)
    elif any(query[j] in lexicon.NEGATIONS for j in missing):
        reason = "a negation of the phrase is not in the source"
    elif any(
        index.words[p] in lexicon.NEGATIONS and index.words[p] not in query
        for p in range(lo_w, hi_w + 1)
        if not (cut[0] < p < cut[1] and _contrast_after(index, p, cut[1]))
    ):
        reason = "the source has a negation the phrase lacks"
    elif density < 0.6:
        reason = "the words are scattered"
    elif chunks > 1 + len(chosen) // 5 or not _sentences_in_order(index, in_query_order):
        reason = "the words are in another order"
    elif coverage < 0.7 or score < MIN_SCORE:
        reason = "too different"
    s_first = index.sentence_of[positions[0]]
    s_last = index.sentence_of[positions[-1]]
    return Candidate(
        index, tuple(positions), s_first, s_last, round(score, 1), exact, not reason, reason
    )


_CONTRASTS = frozenset({"mais", "but", "plutot", "rather"})


def _contrast_after(index, p: int, end: int) -> bool:
    """ "non pas X, mais Y": dropping "non pas X, mais" keeps what Y says; dropping only the
    negation ("non pas") of "non pas pas vis-à-vis de celles de Mistral" reverses it."""
    return any(index.words[q] in _CONTRASTS for q in range(p + 1, end))


def _sentences_in_order(index, in_query_order: list[int]) -> bool:
    """Words may move inside a sentence, never from one sentence to the other: a phrase over
    two sentences keeps them in their order (else it splices a new claim)."""
    sents = [index.sentence_of[p] for p in in_query_order]
    return sents == sorted(sents)


def _replaced(index, query, chosen, missing, cut) -> list[tuple[int, str]]:
    """Typed words that stand where the source has another content word (substitutions)."""
    placed = set(p for p, _ in chosen.values())
    out = []
    for j in missing:
        left = [k for k in chosen if k < j]
        right = [k for k in chosen if k > j]
        pl = chosen[max(left)][0] if left else None
        pr = chosen[min(right)][0] if right else None
        if pl is not None and pr is not None:
            # neighbours out of order (a moved chunk): the word stood next to one of them
            slot = range(pl + 1, pr) if pl < pr else [pr - 1, pl + 1]
        elif pl is not None:
            # at the end of the phrase: the source's next word or the one after (a function
            # word may sit between: "était-il" for "étions")
            slot = range(pl + 1, pl + 2 + (j - max(left)))
        elif pr is not None:
            slot = range(max(0, pr - 1 - (min(right) - j)), pr)
        else:
            continue
        for p in slot:
            if not 0 <= p < len(index.words) or p in placed or cut[0] < p < cut[1]:
                continue
            if index.sentence_of[p] != index.sentence_of[pl if pl is not None else pr]:
                continue
            if lexicon.is_content(index.words[p]):
                out.append((j, index.source.text[index.starts[p] : index.ends[p]]))
                break
    return out


_CONJUNCTIONS = frozenset({"et", "ou", "and", "or"})


def _coordination_swaps(query: list[str]) -> list[list[str]]:
    out = []
    for c, w in enumerate(query):
        if w not in _CONJUNCTIONS:
            continue
        for left in (1, 2):
            for right in (1, 2):
                if c - left < 0 or c + 1 + right > len(query):
                    continue
                a, b = query[c - left : c], query[c + 1 : c + 1 + right]
                out.append(query[: c - left] + b + [w] + a + query[c + 1 + right :])
    return out


def match(
    index: SourceIndex, query: list[str], display: list[str] | None = None, _swapped: bool = False
) -> list[Candidate]:
    """All candidate regions for the folded ``query`` in one source, best first.

    Overlapping candidates are reduced to the best one. Both accepted and rejected candidates
    are returned; the caller shows rejected ones only as a "closest passage".
    """
    if not query:
        return []
    exact_hits = exact_runs(index, query)
    opts = [index.options(w, exact_only=bool(exact_hits)) for w in query]
    content = [j for j, w in enumerate(query) if lexicon.is_content(w)] or list(range(len(query)))
    seeds = {index.sentence_of[p] for j in content for p, _ in opts[j]}
    windows: set[tuple[int, int]] = set()
    n_sent = len(index.sentences)
    for s in seeds:
        windows.add((s, s))
        turn = index.sentences[s].turn
        if s + 1 < n_sent and index.sentences[s + 1].turn == turn:
            windows.add((s, s + 1))
        if s > 0 and index.sentences[s - 1].turn == turn:
            windows.add((s - 1, s))
    # Cheap pruning before the full evaluation: a window can only be accepted if it holds
    # (nearly) every content word, so only the windows holding the most are evaluated.
    spots = [sorted(p for p, _ in opts[j]) for j in content]

    def present(s0: int, s1: int) -> int:
        lo, hi = index.sentences[s0].lo, index.sentences[s1].hi
        n = 0
        for sp in spots:
            k = bisect_left(sp, lo)
            n += k < len(sp) and sp[k] < hi
        return n

    ranked = sorted(((present(s0, s1), s0 - s1, s0, s1) for s0, s1 in windows), reverse=True)
    if ranked:
        floor = ranked[0][0] - 1
        windows = {(s0, s1) for n, _, s0, s1 in ranked[:MAX_WINDOWS] if n >= floor}
    found: list[Candidate] = []
    for s0, s1 in windows:
        lo, hi = index.sentences[s0].lo, index.sentences[s1].hi
        cand = _evaluate(index, query, opts, lo, hi, display or query)
        if cand is not None:
            found.append(cand)
    if not any(c.accepted for c in found) and not _swapped:
        # "la culture et les langues" for "les langues et la culture": coordinated words
        # may come in either order; try the phrase with the two sides of "et" exchanged.
        for variant in _coordination_swaps(query):
            found.extend(
                c
                for c in match(index, variant, None, _swapped=True)
                if c.accepted and len(c.positions) == len(variant)  # every word, nothing added
            )
    found.sort(key=lambda c: (-c.accepted, -c.score, c.last_sentence - c.first_sentence, c.start))
    kept: list[Candidate] = []
    for c in found:
        if all(
            c.last_sentence < k.first_sentence or c.first_sentence > k.last_sentence for k in kept
        ):
            kept.append(c)
    return kept
