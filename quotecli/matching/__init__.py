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
compact, no word stands where the source has another, and nothing meaning-critical differs
(``critical``: numbers, negations and their clause, names, two words exchanged). Everything
else is at best a "closest passage", which ``explain`` describes as data.

This module knows nothing of speakers' names, output or citations.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from quotecli.matching import critical
from quotecli.matching.index import IndexCache, Sentence, SourceIndex
from quotecli.matching.score import MIN_SCORE, Candidate, score
from quotecli.records import replace
from quotecli.text import lexicon

__all__ = [
    "AMBIGUITY_MARGIN", "MIN_SCORE", "Candidate", "IndexCache", "Sentence", "SourceIndex",
    "exact_runs", "match",
]  # fmt: skip

AMBIGUITY_MARGIN = 3.0
MAX_WINDOWS = 16  # windows fully evaluated per source and phrase
MAX_SPAN = 5  # sentences a window spans at most, for a phrase typed as that many


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
    """Each phrase word's options inside word indices ``lo:hi``, by bisection (issue 16)."""
    return [o[bisect_left(k, lo) : bisect_left(k, hi)] for o, k in zip(opts, keys, strict=True)]


def _evaluate(index, query, in_win, content, display, scored: dict) -> Candidate | None:
    # The matcher's hot path (issue 16): the loops are written out, and every choice is still
    # a min() over whole tuples of distinct positions, so the order in which a word's options
    # come (sorted by position here) changes nothing. ``scored`` holds the regions already
    # scored for this phrase: neighbouring windows often settle on the same words.
    anchors = sorted({p for j in content for p, _ in in_win[j]})
    if not anchors:
        return None
    content_wins = [(j, in_win[j]) for j in content if in_win[j]]
    if all(len(win) == 1 for _, win in content_wins):
        # Each content word has one place in the window: every anchor makes the same choice,
        # and the first of equal keys is kept, so the first anchor is the answer.
        anchors = anchors[:1]
    best = None
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
        key = (sum(ss) - 0.15 * max(0, span - 2 * len(ps)), -span)
        if best is None or key > best[0]:
            best = (key, chosen, used, ps)
    assert best is not None  # anchors is not empty
    _, chosen, used, ps = best
    a, b = min(ps), max(ps)
    # Function words (and repeated words) go where the phrase puts them: next to the nearest
    # placed word of the phrase, at the same distance as in the phrase.
    for j in range(len(query)):
        win = in_win[j]
        if not win or (j in chosen and len(win) == 1):
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
            if p in used:
                continue
            d0, d1 = abs(p - e0), abs(p - e1)
            d = d0 if d0 < d1 else d1
            # near the placed words, or (next to) where the phrase puts it ("et ce au niveau
            # mondial": "et" three words before the first content word; "We [have] presented"
            # takes the "We" of "We will be presenting", not the one after the region)
            if a - 2 <= p <= b + 2 or d <= 2:
                t = (d, -s, p, s)
                if m is None or t < m:
                    m = t
        if m is not None:
            p, s = m[2], m[3]
            chosen[j] = (p, s)
            used.add(p)
        elif j in chosen:
            used.add(chosen[j][0])
    cand = _scored(index, query, content, chosen, display, scored)
    if cand.accepted or sum(1 for j in content if not in_win[j]) > len(content) // 5:
        # (more content words than score's rule allows have no place in this window: no
        # placement of the phrase here can be accepted, issue 16)
        return cand
    # Repeated words ("nous ne sommes pas favorables …, nous n'y sommes pas non plus
    # favorables") can be paired crosswise from an anchor; the phrase read in its own order
    # may be the quotation it is.
    ordered = _in_order(query, in_win)
    if len(ordered) >= len(chosen) and any(j in ordered for j in content):
        other = _scored(index, query, content, ordered, display, scored)
        if other.accepted:
            return other
    return cand


def _scored(index, query, content, chosen, display, scored: dict) -> Candidate:
    """``score`` once per region of a phrase: the same words in the same order (the coverage
    is a sum in that order) give the same candidate."""
    key = tuple(chosen.items())
    cand = scored.get(key)
    if cand is None:
        cand = scored[key] = score(index, query, content, chosen, display)
    return cand


def _in_source_order(cand: Candidate) -> bool:
    """Every word of the (reordered) phrase after the one before it in the source."""
    ps = [p for _, p, _ in cand.pairs]
    return all(x < y for x, y in zip(ps, ps[1:], strict=False))


def _in_order(query, in_win) -> dict[int, tuple[int, float]]:
    """The heaviest placement of the phrase's words in their order (a weighted common
    subsequence), without function words stranded away from the rest."""
    weights = [lexicon.weight(w) for w in query]
    points = sorted({p for opts in in_win for p, _ in opts})
    col = {p: k for k, p in enumerate(points)}
    sims = [{col[p]: s for p, s in opts} for opts in in_win]
    m = len(points)
    prev = [0.0] * (m + 1)
    rows = []
    for j in range(len(query)):
        # cur[k + 1] = max(cur[k], prev[k + 1], prev[k] + weight * sim at k): the take only
        # where the word has an option, then the running maximum (issue 16). Every value is
        # the same sum as before, so the placement traced back is the same.
        if sims[j]:
            cur = prev[:]
            w = weights[j]
            for k, s in sims[j].items():
                take = prev[k] + w * s
                if take > cur[k + 1]:
                    cur[k + 1] = take
            prev = list(accumulate(cur, max))
        rows.append(prev)  # a row is never changed once made: a word without options shares it
    chosen: dict[int, tuple[int, float]] = {}
    k = m
    for j in range(len(query) - 1, -1, -1):
        above = rows[j - 1] if j else [0.0] * (m + 1)
        while k > 0 and rows[j][k] == rows[j][k - 1]:
            k -= 1
        if k > 0 and rows[j][k] != above[k] and k - 1 in sims[j]:
            chosen[j] = (points[k - 1], sims[j][k - 1])
            k -= 1
    placed = sorted(p for j, (p, _) in chosen.items() if lexicon.is_content(query[j]))
    return {
        j: ps for j, ps in chosen.items()
        if lexicon.is_content(query[j]) or any(abs(ps[0] - p) <= 3 for p in placed)
    }  # fmt: skip


def _swapped_around(query, display, cand: Candidate, k: int) -> str:
    """The phrase's own order, read on a candidate of its clauses exchanged at word ``k``."""
    n = len(query)
    chosen = {(j + k) % n: (p, s) for j, p, s in cand.pairs}
    return critical.swapped_around(query, chosen, display)


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
    index: SourceIndex,
    query: list[str],
    display: list[str] | None = None,
    _swapped: bool = False,
    clauses: tuple[int, ...] = (),
    sentences: int = 1,
) -> list[Candidate]:
    """All candidate regions for the folded ``query`` in one source, best first.

    Overlapping candidates are reduced to the best one. Both accepted and rejected candidates
    are returned; the caller shows rejected ones only as a "closest passage". ``clauses`` are
    the word indices where the typed phrase has a comma or a semicolon: its clauses may come in
    the other order within one sentence. A phrase typed as ``sentences`` sentences, three or
    more, is also looked for over as many sentences of one turn.
    """
    if not query:
        return []
    exact_hits = exact_runs(index, query)
    by_position = [index.options_by_position(w, bool(exact_hits)) for w in query]
    opts = [o for o, _ in by_position]
    keys = [k for _, k in by_position]
    content = [j for j, w in enumerate(query) if lexicon.is_content(w)] or list(range(len(query)))
    # Which of the content words each sentence holds, one bit each (the windows' seeds are the
    # sentences that hold any); the pruning below counts them per window (issue 16).
    sentence_of = index.sentence_of
    holds: dict[int, int] = {}
    for bit, j in enumerate(content):
        for p in keys[j]:
            s = sentence_of[p]
            holds[s] = holds.get(s, 0) | (1 << bit)
    # The windows are evaluated in the order of ``ranked`` below, whatever this set's order.
    windows: set[tuple[int, int]] = set()
    windows_of = index.windows_of
    for s in holds:
        windows.update(windows_of[s])
    span = min(sentences, MAX_SPAN)
    if span >= 3:  # the index's windows cover two sentences (three round a short one)
        sents = index.sentences
        for s in holds:
            for s0 in range(max(0, s - span + 1), min(s, len(sents) - span) + 1):
                if sents[s0].turn == sents[s0 + span - 1].turn:
                    windows.add((s0, s0 + span - 1))
    # Cheap pruning before the full evaluation: a window can only be accepted if it holds
    # (nearly) every content word, so only the windows holding the most are evaluated.

    def present(s0: int, s1: int) -> int:
        bits = 0
        for s in range(s0, s1 + 1):
            bits |= holds.get(s, 0)
        return bits.bit_count()

    ranked = sorted(((present(s0, s1), s0 - s1, s0, s1) for s0, s1 in windows), reverse=True)
    if ranked:
        floor = ranked[0][0] - 1
        windows = {(s0, s1) for n, _, s0, s1 in ranked[:MAX_WINDOWS] if n >= floor}
    # A window that lacks more content words than ``score`` allows is never accepted: it is
    # evaluated only when no window could be, for the closest passage (issue 16).
    need = len(content) - len(content) // 5
    able = {(s0, s1) for n, _, s0, s1 in ranked if n >= need and (s0, s1) in windows}
    found: list[Candidate] = []
    scored: dict[tuple, Candidate] = {}
    for p in exact_hits:
        # the phrase word for word: scored as such, whatever the windows make of it
        chosen = {j: (p + j, 1.0) for j in range(len(query))}
        found.append(_scored(index, query, content, chosen, display or query, scored))
    evaluated: dict[tuple[int, int], Candidate | None] = {}
    for window in (w for w in windows if w in able), (w for w in windows if w not in able):
        if evaluated and any(c.accepted for c in [*found, *evaluated.values()] if c):
            break  # (the windows left cannot be accepted and no closest passage is needed)
        for s0, s1 in window:
            lo, hi = index.sentences[s0].lo, index.sentences[s1].hi
            in_win = _in_window(opts, keys, lo, hi)
            evaluated[s0, s1] = _evaluate(index, query, in_win, content, display or query, scored)
    # in the windows' own order: candidates of equal rank keep the order they always had
    found += [c for w in windows if (c := evaluated.get(w)) is not None]
    if not any(c.accepted for c in found) and not _swapped:
        # "la culture et les langues" for "les langues et la culture": coordinated words
        # may come in either order; try the phrase with the two sides of "et" exchanged.
        for variant in _coordination_swaps(query):
            found.extend(
                replace(c, exact=False)
                for c in match(index, variant, None, _swapped=True)
                # every word, nothing added, and then in the source's order
                if c.accepted and len(c.positions) == len(variant) and _in_source_order(c)
            )
        # "je maintiens l'interdit, je maintiens le principe d'une sanction": two clauses of
        # one sentence, each whole, in the other order.
        # Not across "mais", "but", "than" (…): "non pas Y, mais X" for "non pas X, mais Y".
        for k in clauses:
            variant, shown = query[k:] + query[:k], (display or query)[k:] + (display or query)[:k]
            found.extend(
                replace(c, exact=False, score=min(c.score, 95.0))
                for c in match(index, variant, shown, _swapped=True)
                if c.accepted and c.first_sentence == c.last_sentence
                and len(c.positions) == len(variant) and _in_source_order(c)
                and not _swapped_around(query, display or query, c, k)
                and not critical.connected_across(index, c.pairs, len(query) - k)
            )  # fmt: skip
    found.sort(key=lambda c: (-c.accepted, -c.score, c.last_sentence - c.first_sentence, c.start))
    kept: list[Candidate] = []
    for c in found:
        if all(
            c.last_sentence < k.first_sentence or c.first_sentence > k.last_sentence for k in kept
        ):
            kept.append(c)
    return kept
