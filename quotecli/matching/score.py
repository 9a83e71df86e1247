"""Scoring one region of a window, and the verdict on it: found, or why not.

``score`` measures three things — how much of the phrase is there (function words count less
than content words), how tightly packed the region is (one dropped clause allowed), whether the
order is kept — then ``refusal`` says what, if anything, makes the region something the source
did not say (a substitution, a missing or extra negation, scattered or reordered words).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cached_property

from quotecli.matching import critical, figures, moves, negation
from quotecli.matching.index import SourceIndex
from quotecli.records import dataclass
from quotecli.text import lexicon

MIN_SCORE = 60.0


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
    # why not accepted ("" when accepted); a function giving it when it was not needed to
    # decide (issue 16: only a closest passage's reason is ever shown)
    why: str | Callable[[], str]
    pairs: tuple[tuple[int, int, float], ...] = ()  # (phrase word, word index, similarity)

    @cached_property
    def reason(self) -> str:
        """Why the region is not a quotation of the phrase ("" when it is one)."""
        return self.why if isinstance(self.why, str) else self.why()

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


def _clause_cut(index, positions: list[int]) -> tuple[int, tuple[int, int]]:
    """The region's effective span and the dropped clause it skips, if any.

    One cut is allowed inside a sentence between two solid runs (a dropped clause: "Grâce à
    la puissance de distribution de Microsoft, [qui est …,] Mistral devient"): density is
    measured without it. A lone word far from the rest is not a run: "Microsoft devient une
    vraie alternative à OpenAI" must not borrow "Microsoft" from the start of the sentence.
    """
    span = positions[-1] - positions[0] + 1
    gaps = [(positions[k + 1] - positions[k] - 1, k) for k in range(len(positions) - 1)]
    if not gaps:
        return span, (0, -1)
    gap, k = max(gaps)
    left, right = k + 1, len(positions) - k - 1
    sentence = index.sentence_of[positions[k]]
    same_sentence = sentence == index.sentence_of[positions[k + 1]]
    # the subject that opens the sentence, then its verb after a clause ("Mistral [fait
    # face à un vrai enjeu … et] a déjà signé des partenariats")
    opens = positions[0] == index.sentences[sentence].lo and right >= 4
    if gap > 1 and same_sentence and (min(left, right) >= 3 or opens):
        return span - gap, (positions[k], positions[k + 1])
    return span, (0, -1)


def _chunks(in_query_order: list[int]) -> int:
    """How many chunks the phrase's words form in the source.

    Reordering moves whole chunks ("une vraie alternative à OpenAI, Mistral devient"); a
    phrase whose words are shuffled one by one says something else ("OpenAI devient une
    vraie alternative à Mistral"). A chunk goes on while each word is 1–2 words further on.
    """
    pairs = zip(in_query_order, in_query_order[1:], strict=False)
    return 1 + sum(1 for x, y in pairs if not 0 < y - x <= 2)


def _is_exact(index, query, chosen, positions) -> bool:
    n = len(query)
    return (
        len(chosen) == n
        and all(s == 1.0 and index.words[p] == query[j] for j, (p, s) in chosen.items())
        and positions == list(range(positions[0], positions[0] + n))
        and [chosen[j][0] for j in range(n)] == positions
    )


def _runs_on(index, p: int) -> bool:
    """Whether the word after ``p`` follows it in the same clause (no punctuation between)."""
    if p + 1 >= len(index.words) or index.sentence_of[p + 1] != index.sentence_of[p]:
        return False
    return not index.source.text[index.ends[p] : index.starts[p + 1]].strip()


def refusal(index, query, content, chosen, display, shape) -> str:
    """Why the region is not a quotation of the phrase ("" when it is one)."""
    coverage, density, score, cut, in_query_order = shape
    positions = sorted(p for p, _ in chosen.values())
    missing = [j for j in content if j not in chosen]
    # a subject pronoun typed for the source's subject ("nous étions au courant" for "L'Etat
    # était-il au courant") is a substitution too, though pronouns weigh little in coverage
    pronouns = [j for j, w in enumerate(query) if w in lexicon.SUBJECTS and j not in chosen]
    replaced = _replaced(index, query, chosen, missing + pronouns, cut)
    # A content word typed in place of the source's is a different statement ("se féliciter"
    # or "s'inquiéter de cet accord" for "se réjouir"): never a match, whatever the rest. A
    # word only added is tolerated, one in five content words, none in a short phrase.
    if replaced:
        return _listed([f"“{display[j]}” where the source has “{w}”" for j, w in replaced], "; ")
    # A word found only far from where the phrase puts it stands where the source has another
    # ("au niveau européen" taking "européenne" from further on, for "au niveau mondial").
    loners = critical.chunk_loners(query, chosen)
    suspects = critical.suspect_loners(chosen, loners)
    kept = {j: v for j, v in chosen.items() if j not in suspects}
    if suspects and kept:
        moved = _replaced(index, query, kept, [j for j in suspects if j in content], cut)
        if moved:
            return _listed([f"“{display[j]}” where the source has “{w}”" for j, w in moved], "; ")
    why = (
        figures.number_away(query, chosen, display)
        or figures.number_in_its_place(index, query, chosen, display)
        or figures.numbers(index, query, chosen, display, cut)
        or negation.negations(index, query, chosen, loners)
        or critical.name_in_its_place(index, query, chosen, loners, display)
        or moves.replaced(index, query, chosen, display)
        or moves.restarted(index, query, chosen, display)
    )
    if why:
        return why
    if len(missing) > len(content) // 5:
        return "not in the source: " + _listed([f"“{display[j]}”" for j in missing], ", ")
    if any(query[j] in lexicon.NEGATIONS for j in missing):
        return "a negation of the phrase is not in the source"
    if why := critical.goes_on_otherwise(index, query, content, chosen, display):
        return why
    lo_s, hi_s = critical.typed_reach(index, chosen, len(query))
    # the words just before the region count too when the phrase's first word was not placed
    # there: "I'm [not] a registered advisor" typed without "not" must not match from "a
    # registered…" on (issue 12's wild fixtures, a new user's "this is [not] a right wing…")
    opens = 0 in chosen and chosen[0][0] == lo_s
    before = lo_s if opens else max(index.sentences[index.sentence_of[lo_s]].lo, lo_s - 2)
    if opens and _negated_on(index, lo_s):
        before = lo_s - 1  # "[Nunca] he votado", "[Não] vamos aceitar": the clause's negation
    # and the word just after it when the phrase ends on the source's word before a negation
    # of the same clause: "He certainly did" over "He certainly did not." (blind files16)
    after = hi_s
    if (len(query) - 1) in chosen and chosen[len(query) - 1][0] == hi_s and _runs_on(index, hi_s):
        after = hi_s + 1 if index.words[hi_s + 1] == "not" else hi_s  # "non pas X" opens X
    if negation.unplaced_negation(index, query, chosen, before, after, cut):
        return "the source has a negation the phrase lacks"
    if negation.tail_negated(index, query, chosen, hi_s):
        return "the source has a negation the phrase lacks"
    if opens and negation.governed(index, lo_s):
        return "the source says it under a negation the phrase lacks"
    why = critical.claims(index, query, chosen, display, (lo_s, hi_s), cut)
    why = why or critical.traded(index, query, chosen, missing, display, cut)
    why = why or critical.one_for_one(index, query, chosen, display, cut)
    why = why or figures.letter_changed(index, query, chosen, display, cut)
    why = why or critical.borrowed(index, query, chosen, display)
    why = why or critical.relative_dropped(index, query, chosen, display)
    why = why or critical.across_connector(index, query, chosen)
    why = why or moves.sandwiched(index, query, chosen, display)
    why = why or moves.inverted(index, query, chosen, display)
    if why:
        return why
    why = (
        critical.added_name(query, missing, display)
        or critical.swapped(index, query, chosen, display)
        or critical.swapped_around(query, chosen, display)
    )
    if why:
        return why
    if density < 0.6 or _split_across(index, positions):
        return "the words are scattered"
    if _chunks(in_query_order) > 1 + len(chosen) // 5 or not _sentences_in_order(
        index, in_query_order
    ):
        return "the words are in another order"
    if coverage < 0.7 or score < MIN_SCORE:
        return "too different"
    return ""


def _negated_on(index, p: int) -> bool:
    """The source word before ``p`` negates the clause ``p`` opens: a negation of the same
    sentence, nothing between them but a space ("Non, nous…" keeps its comma: an answer, typed
    without it, is still found)."""
    if p == 0 or index.words[p - 1] not in lexicon.NEGATIONS:
        return False
    if index.sentence_of[p - 1] != index.sentence_of[p]:
        return False
    return not index.source.text[index.ends[p - 1] : index.starts[p]].strip()


def _listed(items: list[str], sep: str, most: int = 3) -> str:
    """At most ``most`` items of a reason, then how many more: one line for a person."""
    more = f"{sep}and {len(items) - most} more" if len(items) > most else ""
    return sep.join(items[:most]) + more


def score(index, query, content, chosen, display) -> Candidate:
    """The scored candidate for the words ``chosen`` (query position → (word index, sim))."""
    weights = [lexicon.weight(w) for w in query]
    coverage = sum(weights[j] * s for j, (_, s) in chosen.items()) / sum(weights)
    positions = sorted(p for p, _ in chosen.values())
    effective, cut = _clause_cut(index, positions)
    density = len(positions) / effective
    in_query_order = [chosen[j][0] for j in sorted(chosen)]
    order = _lis(in_query_order) / len(chosen)
    exact = _is_exact(index, query, chosen, positions)
    value = 100.0 if exact else 100.0 * coverage * (0.5 + 0.5 * density) * (0.9 + 0.1 * order)
    shape = (coverage, density, value, cut, in_query_order)
    missing = sum(1 for j in content if j not in chosen)
    why: str | Callable[[], str]
    if coverage < 0.7 or value < MIN_SCORE or density < 0.6 or missing > len(content) // 5:
        # refused whichever rule speaks first: which one is worked out only if asked for (the
        # full analysis was about a fifth of a batch's time, issue 16)
        why = _deferred(index, query, content, dict(chosen), display, shape)
        reason = "refused"
    else:
        why = reason = refusal(index, query, content, chosen, display, shape)
    s_first = index.sentence_of[positions[0]]
    s_last = index.sentence_of[positions[-1]]
    pairs = tuple(sorted((j, p, sim) for j, (p, sim) in chosen.items()))
    return Candidate(
        index, tuple(positions), s_first, s_last, round(value, 1), exact, not reason, why, pairs
    )


def _deferred(index, query, content, chosen, display, shape) -> Callable[[], str]:
    return lambda: refusal(index, query, content, chosen, display, shape)


def _split_across(index, positions: list[int]) -> bool:
    """Words taken from the start of one sentence and the end of the one before, far apart: a
    phrase over two sentences runs on from one to the other (a dropped clause stays inside
    one sentence; "Selon l'article 7, … les États parties" must not take "Selon l'article 7"
    from the sentence before "Selon l'article 9, « les États parties")."""
    first = index.sentence_of[positions[0]]
    if index.sentence_of[positions[-1]] == first:
        return False
    boundary = index.sentences[first].hi
    before = max(p for p in positions if p < boundary)
    after = min(p for p in positions if p >= boundary)
    skipped = [p for p in range(before + 1, after) if index.in_editorial(p) is None]
    return len(skipped) > 3  # an editor's note left out is no gap: "[de 15 millions, Ndlr]"


def _sentences_in_order(index, in_query_order: list[int]) -> bool:
    """Words may move inside a sentence, never from one sentence to the other: a phrase over
    two sentences keeps them in their order (else it splices a new claim)."""
    sents = [index.sentence_of[p] for p in in_query_order]
    return sents == sorted(sents)


def _past_function_words(index, slot: range, step: int) -> list[int]:
    """An edge's slot, then up to three more source words on its far side while the slot holds
    function words only (they weigh nothing as a substitution)."""
    out = list(slot)
    words = index.words
    while out and len(out) < len(slot) + 3:
        if any(0 <= p < len(words) and lexicon.is_content(words[p]) for p in out):
            break
        out.append(out[-1] + step if step > 0 else out[0] - 1)
        if step < 0:
            out.sort()
    return out


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
            # word may sit between: "était-il" for "étions"), past up to three function words
            # ("would probably be teleportation" over "would probably be to be right")
            slot = _past_function_words(index, range(pl + 1, pl + 2 + (j - max(left))), 1)
        elif pr is not None:
            slot = _past_function_words(index, range(max(0, pr - 1 - (min(right) - j)), pr), -1)
        else:
            continue
        # a short "dropped clause" with a word typed in its place was replaced, not dropped
        # ("une alliance" for "un partenariat", "Goldman Sachs" for "JP Morgan")
        straddle = pl is not None and (pl, pr) == cut and len(slot) <= 3
        for p in slot:
            if not 0 <= p < len(index.words) or p in placed:
                continue
            if cut[0] < p < cut[1] and not straddle:
                continue
            if index.sentence_of[p] != index.sentence_of[pl if pl is not None else pr]:
                continue
            if index.words[p] == query[j] or (
                query[j] in lexicon.PER_CENT and index.words[p] in lexicon.PER_CENT
            ):
                break  # the phrase's own word is there: placed elsewhere, not replaced
            if lexicon.is_content(index.words[p]):
                out.append((j, index.source.text[index.starts[p] : index.ends[p]]))
                break
    return out
