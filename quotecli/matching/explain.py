"""What differs between a phrase that was not found and its closest passage, as data.

``diff`` lines the typed phrase up word by word with the source's region (the words between the
first and the last one the matcher placed): ``same``, ``spelling`` (a typo, an accent or an
inflection the matcher tolerated), ``changed``, ``added`` (in the phrase only), ``dropped`` (in
the source only) and ``moved``, the vocabulary of ``quote check``. ``critical`` names the
differences that change what is said: ``negation``, ``number``, ``name``, ``antonym``.

Both sides are verbatim: the phrase as typed, the source's own text. It never prints.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from quotecli.results import DiffOp
from quotecli.text import folding, lexicon

CRITICAL = ("negation", "number", "name", "antonym")

# Word pairs of opposite meaning that share no letters a typo could explain, by stem (the
# folded word starts with it): a changed word found here is named an antonym.
_OPPOSITES = [
    ("vrai", "faux"), ("fort", "faibl"), ("renforc", "affaibl"), ("plus", "moins"),
    ("major", "minor"), ("optimis", "pessimis"), ("gagn", "perd"), ("reuss", "echou"),
    ("ouvert", "ferm"), ("toujours", "jamais"), ("avant", "apres"), ("hauss", "baiss"),
    ("augment", "diminu"), ("meilleur", "pire"), ("premier", "dernier"), ("accept", "refus"),
    ("pour", "contre"), ("plus", "minus"), ("more", "less"), ("most", "least"),
    ("win", "los"), ("succe", "fail"), ("true", "false"), ("strong", "weak"),
    ("always", "never"), ("before", "after"), ("increas", "decreas"), ("high", "low"),
    ("best", "worst"), ("first", "last"), ("great", "little"), ("great", "small"),
    ("big", "small"), ("open", "clos"), ("accept", "reject"), ("some", "none"),
    ("easy", "hard"), ("easi", "hard"), ("easy", "difficult"), ("facil", "difficil"),
    ("good", "bad"), ("bon", "mauvais"), ("right", "wrong"), ("rich", "poor"),
    ("riche", "pauvre"), ("early", "late"), ("young", "old"), ("jeune", "vieu"),
    ("cheap", "expensiv"), ("fast", "slow"), ("rapide", "lent"), ("hot", "cold"),
    ("chaud", "froid"), ("love", "hate"), ("allow", "forbid"), ("autoris", "interdi"),
    ("safe", "danger"), ("buy", "sell"), ("achet", "vend"), ("rise", "fall"),
    ("begin", "end"), ("inclu", "exclu"), ("same", "different"), ("friend", "enem"),
    ("ami", "ennemi"), ("peace", "war"), ("paix", "guerre"), ("support", "oppos"),
    ("public", "priv"), ("local", "global"), ("cause", "prevent"),
]  # fmt: skip


def diff(query: str, typed: list[folding.Word], cand) -> tuple[DiffOp, ...]:
    """The word-level diff of the typed phrase (``typed``: its folded words with offsets)
    against the region of ``cand``."""
    index = cand.index
    text = index.source.text
    lo, hi = cand.positions[0], cand.positions[-1] + 1
    a = [w.text for w in typed]
    # phrase words before the first placed one or after the last stand for the source's
    # words there ("très majoritaire" for "très minoritaire"), within the sentence
    js = [j for j, _, _ in cand.pairs]
    if js:
        first, last = index.sentences[cand.first_sentence], index.sentences[cand.last_sentence]
        lo = max(first.lo, lo - min(js))
        hi = min(last.hi, hi + len(a) - 1 - max(js))
    # a source word the matcher paired with a phrase word compares as that word
    b = list(index.words[lo:hi])
    spelled = set()
    for j, p, _ in cand.pairs:
        if lo <= p < hi and j < len(a):
            if b[p - lo] != a[j]:
                spelled.add(p)
            b[p - lo] = a[j]

    def src(j1, j2):
        return text[index.starts[lo + j1] : index.ends[lo + j2 - 1]]

    def typ(i1, i2):
        return query[typed[i1].start : typed[i2 - 1].end]

    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            run = 0
            for k in range(i2 - i1 + 1):
                if k < i2 - i1 and lo + j1 + k not in spelled:
                    continue
                if run < k:
                    ops.append(DiffOp("same", typ(i1 + run, i1 + k), src(j1 + run, j1 + k)))
                if k < i2 - i1:
                    ops.append(DiffOp("spelling", typ(i1 + k, i1 + k + 1), src(j1 + k, j1 + k + 1)))
                run = k + 1
        elif tag == "replace":
            ops.append(DiffOp("changed", typ(i1, i2), src(j1, j2)))
        elif tag == "insert":
            ops.append(DiffOp("dropped", None, src(j1, j2)))
        else:
            ops.append(DiffOp("added", typ(i1, i2), None))
    return tuple(mark_moves(ops))


def mark_moves(ops: list[DiffOp]) -> list[DiffOp]:
    """Words added in one place and dropped in another were moved, not changed (the one rule,
    for find's closest passages and check's diffs)."""
    added = {w for o in ops if o.op == "added" for w in folding.fold_words(o.draft or "")}
    dropped = {w for o in ops if o.op == "dropped" for w in folding.fold_words(o.source or "")}
    both = added & dropped
    out = []
    for o in ops:
        side = o.draft if o.op == "added" else o.source if o.op == "dropped" else None
        if side is not None and both and set(folding.fold_words(side)) <= both:
            out.append(DiffOp("moved", o.draft, o.source))
        else:
            out.append(o)
    return out


def critical(ops: tuple[DiffOp, ...], reason: str = "") -> tuple[str, ...]:
    """The meaning-critical kinds among the differences, in :data:`CRITICAL` order."""
    found: set[str] = set()
    first = True
    for o in ops:
        if o.op in ("same", "spelling", "moved"):
            first = False
            continue
        typed = folding.words(o.draft or "")
        source = folding.words(o.source or "")
        words = [w.text for w in typed] + [w.text for w in source]
        if any(w in lexicon.NEGATIONS or w in lexicon.NE for w in words):
            found.add("negation")
        if any(lexicon.is_number(w) for w in words):
            found.add("number")
        caps = [
            ((o.draft or "")[w.start : w.end], w.text)
            for k, w in enumerate(typed)
            if k or not first
        ] + [((o.source or "")[w.start : w.end], w.text) for w in source]
        # a capital that opens a sentence on a function word ("The hard") names no one
        if any(c[:1].isupper() and lexicon.is_content(f) for c, f in caps):
            found.add("name")
        if o.op == "changed" and _opposite([w.text for w in typed], [w.text for w in source]):
            found.add("antonym")
        first = False
    if "negation" in reason:
        found.add("negation")
    said = _REPLACED.match(reason)  # the refusal's own "“easy” where the source has “hard”"
    if said and _opposite(folding.fold_words(said.group(1)), folding.fold_words(said.group(2))):
        found.add("antonym")
    if "in each other's place" in reason:
        # two words exchanged: who did what to whom, or which number goes where
        moved = [w for o in ops if o.op == "moved" for w in folding.words(o.draft or "")]
        drafts = [o.draft or "" for o in ops if o.op == "moved" and o.draft]
        if any(d[w.start : w.end][:1].isupper() for d in drafts for w in folding.words(d)):
            found.add("name")
        if any(lexicon.is_number(w.text) for w in moved):
            found.add("number")
    return tuple(k for k in CRITICAL if k in found)


_REPLACED = re.compile(r"^“([^”]+)” where the source has “([^”]+)”")


def _opposite(typed: list[str], source: list[str]) -> bool:
    for x in typed:
        for y in source:
            if lexicon.prefix_antonyms(x, y):
                return True
            for s, t in _OPPOSITES:
                if (x.startswith(s) and y.startswith(t)) or (x.startswith(t) and y.startswith(s)):
                    return True
            if len(x) > 5 and len(x) == len(y) and x[:3] != y[:3] and x[3:] == y[3:]:
                return True  # majoritaire / minoritaire: the head changed, the rest kept
    return False
