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

from bisect import bisect_left

from quotecli.matching.index import IndexCache, Sentence, SourceIndex
from quotecli.matching.score import MIN_SCORE, Candidate, score
from quotecli.text import lexicon

__all__ = [
    "AMBIGUITY_MARGIN", "MIN_SCORE", "Candidate", "IndexCache", "Sentence", "SourceIndex",
    "exact_runs", "match",
]  # fmt: skip

AMBIGUITY_MARGIN = 3.0
MAX_WINDOWS = 16  # windows fully evaluated per source and phrase


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


def _in_window(opts, keys, lo: int, hi: int) -> list[list[tuple[int, float]]]:
    """Each query word's options inside word indices ``lo:hi`` (by bisection: issue 16)."""
    return [o[bisect_left(k, lo) : bisect_left(k, hi)] for o, k in zip(opts, keys, strict=True)]


def _evaluate(index, query, in_win, content, display, scored: dict) -> Candidate | None:
    # Every choice below is a min() over complete tuples, so the order of a word's options
    # does not matter (they come sorted by position); the loops are written out because this
    # is the matcher's hot path (issue 16). ``scored`` holds the candidates already scored for
    # this phrase: neighbouring windows often settle on the same words (half of them do).
    anchors = sorted({p for j in content for p, _ in in_win[j]})
    if not anchors:
        return None
    best = None
    content_wins = [(j, in_win[j]) for j in content if in_win[j]]
    if all(len(win) == 1 for _, win in content_wins):
        # Each content word has one place in the window: every anchor makes the same choice,
        # and the first of equal keys is kept, so the first anchor is the answer.
        anchors = anchors[:1]
    for anchor in anchors:
        chosen: dict[int, tuple[int, float]] = {}
        used: set[int] = set()
        ps: list[int] = []  # chosen's positions and similarities, in chosen's order
        ss: list[float] = []
        for j, win in content_wins:
            if len(win) == 1:
                p, s = win[0]
                if p in used:
                    continue
            else:
                m = None
                for p, s in win:
                    if p not in used:
                        t = (abs(p - anchor), -s, p, s)
                        if m is None or t < m:
                            m = t
                if m is None:
                    continue
                p, s = m[2], m[3]
            chosen[j] = (p, s)
            used.add(p)
            ps.append(p)
            ss.append(s)
        span = max(ps) - min(ps) + 1
        got = sum(ss)
        key = (got - 0.15 * max(0, span - 2 * len(ps)), -span)
        if best is None or key > best[0]:
            best = (key, chosen, used)
    _, chosen, used = best
    ps = [p for p, _ in chosen.values()]
    a, b = min(ps), max(ps)
    # Function words (and repeated words) go where the phrase puts them: next to the nearest
    # placed word of the phrase, at the same distance as in the phrase.
    for j in range(len(query)):
        win = in_win[j]
        if not win or (len(win) == 1 and j in chosen):
            continue
        # the nearest placed word on each side of the phrase
        left = right = None
        for k in chosen:
            if k < j:
                if left is None or k > left:
                    left = k
            elif k > j and (right is None or k < right):
                right = k
        if left is None and right is None:
            continue
        # the places they expect it at (one, or one on each side)
        e0 = chosen[left][0] + (j - left) if left is not None else None
        e1 = chosen[right][0] - (right - j) if right is not None else None
        if e0 is None:
            e0 = e1
        elif e1 is None:
            e1 = e0
        if j in chosen:
            used.discard(chosen[j][0])
        m = None
        for p, s in win:
            if p not in used and a - 2 <= p <= b + 2:
                d0, d1 = abs(p - e0), abs(p - e1)
                t = (d0 if d0 < d1 else d1, -s, p, s)
                if m is None or t < m:
                    m = t
        if m is not None:
            p, s = m[2], m[3]
            chosen[j] = (p, s)
            used.add(p)
        elif j in chosen:
            used.add(chosen[j][0])
    key = tuple(chosen.items())  # in order: the coverage is a sum in that order
    cand = scored.get(key)
    if cand is None:
        cand = scored[key] = score(index, query, content, chosen, display)
    return cand


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
    by_position = [index.options_by_position(w, bool(exact_hits)) for w in query]
    opts = [o for o, _ in by_position]
    keys = [k for _, k in by_position]
    content = [j for j, w in enumerate(query) if lexicon.is_content(w)] or list(range(len(query)))
    sentence_of = index.sentence_of
    seeds = {sentence_of[p] for j in content for p in keys[j]}
    # The windows are evaluated in the order of ``ranked`` below, whatever this set's order.
    windows: set[tuple[int, int]] = set()
    windows_of = index.windows_of
    for s in seeds:
        windows.update(windows_of[s])
    # Cheap pruning before the full evaluation: a window can only be accepted if it holds
    # (nearly) every content word, so only the windows holding the most are evaluated.
    spots = [keys[j] for j in content]

    sentences = index.sentences
    ranked = []
    for s0, s1 in windows:
        lo, hi = sentences[s0].lo, sentences[s1].hi
        n = 0  # how many of the content words the window holds
        for sp in spots:
            k = bisect_left(sp, lo)
            if k < len(sp) and sp[k] < hi:
                n += 1
        ranked.append((n, s0 - s1, s0, s1))
    ranked.sort(reverse=True)
    if ranked:
        floor = ranked[0][0] - 1
        windows = {(s0, s1) for n, _, s0, s1 in ranked[:MAX_WINDOWS] if n >= floor}
    found: list[Candidate] = []
    scored: dict[tuple, Candidate] = {}
    for s0, s1 in windows:
        lo, hi = index.sentences[s0].lo, index.sentences[s1].hi
        in_win = _in_window(opts, keys, lo, hi)
        cand = _evaluate(index, query, in_win, content, display or query, scored)
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
