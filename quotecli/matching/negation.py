"""Negations and their clause: a negation added, dropped or moved is another statement.

"We have to cure it overnight, but we don't have to…" for "We don't have to cure it overnight,
but we do have to…"; "et non pour défendre" for "non pas … mais pour défendre"; a French "ne"
the source lacks. ``score.refusal`` asks these after the number rules (``critical``); each
returns a reason for a person ("" when the negations are the source's), or whether the source
has one the phrase does not stand for.
"""

from __future__ import annotations

from quotecli.matching.critical import display_word
from quotecli.text import lexicon


def negations(index, query, chosen, loners) -> str:
    """A French "ne" the source lacks, or a negation the phrase puts in another clause."""
    placed = {p for p, _ in chosen.values()}
    for j, w in enumerate(query):
        if w in lexicon.NE and j not in chosen:
            return "a negation of the phrase is not in the source"
    for j in loners:
        if query[j] in lexicon.NEGATIONS or query[j] in lexicon.NE:
            return f"the source has “{display_word(index, chosen[j][0])}” in another place"
    for j in sorted(chosen):
        if query[j] in lexicon.NEGATIONS and not _with_its_words(query, chosen, j):
            p = chosen[j][0]
            host = query[j] == "t" and j - 1 in chosen and chosen[j - 1][0] == p - 1
            said = index.source.text[index.starts[p - 1 if host else p] : index.ends[p]]
            return f"the source has “{said}” in another clause"
    positions = sorted(placed)
    for p in range(positions[0], positions[-1] + 1):
        if index.words[p] in lexicon.NE and p not in placed:
            ahead = range(p + 1, min(p + 5, len(index.words)))
            partner = [q for q in ahead if index.words[q] in lexicon.NE_PARTNERS]
            if partner and not any(q in placed for q in partner):
                return "the source has a negation the phrase lacks"
    return ""


def _with_its_words(query, chosen, j: int) -> bool:
    """Whether a negation stands with the words it negates: the phrase's next content word
    (or, failing one, its previous one) a few words after (before) it in the source too.
    "mais qui n'a pas été adressée" must not take "n'a pas" from "qui n'a pas été lue"."""
    p = chosen[j][0]
    # the word "n't" hangs on ("don't", "won't") is the negation's own, not a word it negates
    host = j - 1 if query[j] == "t" and chosen.get(j - 1, (-2,))[0] == p - 1 else -1
    words = [k for k in sorted(chosen) if k not in (j, host) and lexicon.is_content(query[k])
             and query[k] not in lexicon.NEGATIONS]  # fmt: skip
    after = [k for k in words if k > j]
    before = [k for k in words if k < j]
    if after and chosen[after[0]][0] < p:
        return False  # the word it negates stands before it: "is not alert and will hesitate"
    if after and 0 < chosen[after[0]][0] - p <= 4 + (after[0] - j - 1):
        return True
    if before and 0 < p - chosen[before[-1]][0] <= 4 + (j - before[-1] - 1):
        return True
    return not after and not before


def unplaced_negation(index, query, chosen, lo: int, hi: int, cut) -> bool:
    """A negation of the source inside the region that no word of the phrase stands for (the
    source's own doubling, "non pas pas", aside; a dropped "non pas X, mais" clause aside)."""
    placed = {p for p, _ in chosen.values()}
    for p in range(lo, hi + 1):
        w = index.words[p]
        if w not in lexicon.NEGATIONS or p in placed:
            continue
        if (p - 1 in placed and index.words[p - 1] == w) or (
            p + 1 in placed and index.words[p + 1] == w
        ):
            continue
        if cut[0] < p < cut[1] and any(index.words[q] in _CONTRASTS for q in range(p + 1, cut[1])):
            continue
        return True
    return False


_CONTRASTS = frozenset({"mais", "but", "plutot", "rather"})
# the words that open a clause hanging on the one before: "that", "que", "qui", "what"
_OPENERS = frozenset({"that", "which", "who", "whom", "what", "que", "qu", "qui", "dont", "ce"})
_STOPS = frozenset(',;:.!?()[]—–"“”«»')


def governed(index, lo: int) -> bool:
    """Whether the clause a phrase opens at source word ``lo`` hangs on a negated one: the word
    before it opens that clause ("that", "que") and a negation of the same sentence stands
    within four words before that, no punctuation between: "that's not anything that [we are
    here to prosecute you] for" (blind files53), "je ne crois pas que [nous…]" ("no doubt
    that" affirms it: ``_AFFIRMING``)."""
    if lo == 0 or index.words[lo - 1] not in _OPENERS:
        return False
    first = index.sentences[index.sentence_of[lo]].lo
    for p in range(lo - 2, max(first, lo - 6) - 1, -1):
        if _STOPS.intersection(index.source.text[index.ends[p] : index.starts[p + 1]]):
            return False
        if index.words[p] in _AFFIRMING:
            return False  # "aucun doute que", "no doubt that", "not until 1990 that", "sans que"
        if index.words[p] in lexicon.NEGATIONS:
            return True
    return False


# what a negation before "that" affirms the clause with, or ties it otherwise
_AFFIRMING = frozenset(
    "doute doutes doubt doubts doubted question until only seulement sans without".split()
)


def tail_negated(index, query, chosen, hi: int) -> bool:
    """Whether the phrase's last words, left unplaced, are the source's next words and a
    negation follows them: "… optimizing. And it is." over "… optimizing. And it is not"."""
    tail = len(query)
    while tail > 0 and tail - 1 not in chosen:
        tail -= 1
    rest = query[tail:]
    if not rest or hi + len(rest) + 1 >= len(index.words):
        return False
    if index.words[hi + 1 : hi + 1 + len(rest)] != rest:
        return False
    return index.words[hi + 1 + len(rest)] in lexicon.NEGATIONS
