"""The matcher's view of one source: folded words and sentences with offsets, built once.

``SourceIndex`` lays a source out word by word (folded, with code-point offsets into the file
text) and sentence by sentence, and answers "where does this word occur, exactly or with a
typo". ``IndexCache`` is the one cache of indexes that ``find`` and ``check`` share: one index
per source id for the life of a run, rebuilt only when the provider hands a new object.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable

from quotecli.matching import layout
from quotecli.matching.layout import Layout, Sentence
from quotecli.text import lexicon
from quotecli.transcript import Source

MISREAD = 0.95  # the similarity of a word read through a misprint of the source (issue 13)


class SourceIndex:
    """The words and sentences of one source, with offsets into its file text."""

    def __init__(self, source: Source, stored: Layout | None = None):
        """Index ``source``; ``stored`` is its layout as the library kept it at import (the
        same as ``layout.build(source)``, which is computed when none is given and quote did
        not ship it made ahead: ``layout.shipped``)."""
        self.source = source
        got = stored or layout.shipped(source) or layout.build(source)
        self.words: list[str] = got.words
        self.starts: list[int] = got.starts
        self.ends: list[int] = got.ends
        self.sentences: list[Sentence] = got.sentences
        self.sentence_of: list[int] = []
        for k, sentence in enumerate(self.sentences):
            self.sentence_of += [k] * (sentence.hi - sentence.lo)
        self.paragraph_spans: dict[int, tuple[int, int]] = {
            p.number: (p.start, p.end) for t in source.turns for p in t.paragraphs
        }
        # a capitalised word inside a sentence is a name: a typo of it may be tolerated, never
        # another form of it, nor two letters off ("France" is not "Français")
        self.names = {
            i for i, st in enumerate(self.starts)
            if source.text[st].isupper() and i != self.sentences[self.sentence_of[i]].lo
        }  # fmt: skip
        self.vocab: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.vocab.setdefault(word, []).append(i)
        self.editorial = source.editorial_spans()
        # The windows a sentence seeds (sentence ranges first..last a match may span), listed
        # once per source rather than per phrase (issue 16): itself, and each neighbour in the
        # same turn.
        self.windows_of: list[tuple[tuple[int, int], ...]] = []
        sents = self.sentences
        n_sent = len(sents)
        for s, sentence in enumerate(sents):
            turn = sentence.turn
            wins = [(s, s)]
            if s + 1 < n_sent and sents[s + 1].turn == turn:
                wins.append((s, s + 1))
            if s > 0 and sents[s - 1].turn == turn:
                wins.append((s - 1, s))
            # A one- to three-word sentence ("Agh!", "Here.") lets a phrase run over three
            # (issue 12: "Agh! Sorry. Somebody changed the", "Director Burke. Here. Director…").
            for s0 in (s - 2, s - 1, s):
                s1 = s0 + 2
                if (
                    s0 >= 0
                    and s1 < n_sent
                    and sents[s0].turn == turn
                    and sents[s1].turn == turn
                    and any(sents[k].hi - sents[k].lo <= 3 for k in (s0, s0 + 1, s1))
                ):
                    wins.append((s0, s1))
            self.windows_of.append(tuple(wins))
        self._vocab_keys: list[str] | None = None
        self._options: dict[tuple[str, bool], list[tuple[int, float]]] = {}
        self._by_position: dict[tuple[str, bool], tuple[list, list[int]]] = {}
        self._stems: dict[str, list[str]] | None = None
        self._misread: dict[str, list[int]] | None = None
        self.matched: dict[tuple, list] = {}
        """The candidates of phrases already matched here, kept by ``search`` (issue 16)."""

    def in_editorial(self, pos: int) -> tuple[int, int] | None:
        """The editor's note a word sits in, if any."""
        s = self.starts[pos]
        for a, b in self.editorial:
            if a <= s < b:
                return (a, b)
        return None

    @property
    def misread(self) -> dict[str, list[int]]:
        """Source tokens damaged by character recognition, by what they may read
        (``misread.readings``: "Ia" → "la", "11" → "il"), computed on first need."""
        if self._misread is None:
            from quotecli.text import folding, misread

            found: dict[str, list[int]] = {}
            text, starts, ends = self.source.text, self.starts, self.ends
            near = set(misread.suspects(self.words))
            for sign in misread.GLYPHS.finditer(text):
                k = bisect_right(starts, sign.start()) - 1
                near.update((k, k + 1))  # in the token, or glued before the next one
            for i in sorted(near):
                if not 0 <= i < len(starts):
                    continue
                a, b = starts[i], ends[i]
                printed, before = text[a:b], text[max(0, a - 2) : a]
                for reading in misread.readings(printed, before):
                    folded = folding.fold_words(reading)  # one word: readings are letters only
                    if folded and folded[0] != self.words[i]:
                        found.setdefault(folded[0], []).append(i)
            self._misread = found
        return self._misread

    def misread_as(self, word: str, pos: int) -> bool:
        """Whether the source token at ``pos`` is ``word`` only read through its misprints."""
        return self.words[pos] != word and pos in self.misread.get(word, ())

    def options(self, word: str, exact_only: bool) -> list[tuple[int, float]]:
        """Positions where ``word`` occurs, exactly (similarity 1) or with a typo.

        Memoised per index: a batch, and the reordered variants of one phrase, ask again for
        the same words."""
        key = (word, exact_only)
        got = self._options.get(key)
        if got is None:
            got = self._options[key] = self._find_options(word, exact_only)
        return got

    def options_by_position(
        self, word: str, exact_only: bool
    ) -> tuple[list[tuple[int, float]], list[int]]:
        """:meth:`options` sorted by position, and the positions alone (for bisection)."""
        key = (word, exact_only)
        got = self._by_position.get(key)
        if got is None:
            ordered = sorted(self.options(word, exact_only))  # a position is listed once
            got = self._by_position[key] = (ordered, [p for p, _ in ordered])
        return got

    def _find_options(self, word: str, exact_only: bool) -> list[tuple[int, float]]:
        found = [(pos, 1.0) for pos in self.vocab.get(word, ())]
        n = len(word)
        if lexicon.is_number(word):
            # Numbers, years, dates, money and percentages match exactly: "1915" is no typo
            # of "1916", nor "quinze" of "seize" (issue 13); "15" and "quinze" are one number.
            return [(pos, 1.0) for w in lexicon.same_number(word) for pos in self.vocab.get(w, ())]
        other = lexicon.same_word(word)
        if other:
            # "do not" for "don't" and the other way round: the same words
            found += [(pos, 1.0) for pos in self.vocab.get(other, ())]
        if exact_only:
            return found
        found += _unelided(self, word)
        # a token that character recognition damaged, read as the word it stands for
        found += [(pos, MISREAD) for pos in self.misread.get(word, ())]
        if n < 4:
            return _best(found)
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
                if (
                    other != word
                    and common >= 0.5 * max(n, len(other))
                    and not _derived(word[common:], other[common:])
                    and not lexicon.is_number(other)
                ):
                    found.extend((pos, 0.8) for pos in self.vocab[other] if pos not in self.names)
        limit = 1 if n < 8 else 2
        for other, dist, _ in process.extract(
            word, self._vocab_keys, scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            if dist == 0 or len(other) < 4 or not _typo(word, other, dist):
                continue
            sim = 1.0 - dist / max(n, len(other))
            # in a short name, one letter put for another makes another name ("Iraq" for
            # "Iran", "Oman" for "Omar"): one of four letters forgives a letter dropped, doubled
            # or swapped, or one that sounds the same ("Marc" for "Mark"), only; a longer one a
            # misspelling too ("Nunez", "Sarkozi", "Babtist")
            put = len(word) == len(other) and sorted(word) != sorted(other)
            named = dist == 2 or put and len(other) <= 4 and not _sounds_alike(word, other)
            found.extend(
                (pos, sim) for pos in self.vocab[other] if not named or pos not in self.names
            )
        return _best(found)


_ALIKE = frozenset(map(frozenset, ("ck", "kq", "cq", "sz", "iy")))


def _sounds_alike(word: str, other: str) -> bool:
    """Whether the one letter ``word`` puts for one of ``other`` sounds the same ("c"/"k")."""
    pairs = [frozenset((a, b)) for a, b in zip(word, other, strict=True) if a != b]
    return len(pairs) == 1 and pairs[0] in _ALIKE


def _best(found: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Each position once, with its best similarity."""
    best: dict[int, float] = {}
    for pos, sim in found:
        best[pos] = max(sim, best.get(pos, 0.0))
    return list(best.items())


# An apostrophe the phrase left out where the source has one: French elision ("laccord",
# "nest", "seriger" for "l'accord", "n'est", "s'ériger") and the English "'s" ("Its", "years"
# for "It's", "year's"). The word stands for the source's second (first) word when the source
# has the other part right beside it.
_ELISIONS = ("qu", "l", "d", "n", "s", "j", "m", "t", "c")


def _unelided(index, word: str) -> list[tuple[int, float]]:
    out = []
    words = index.words
    for head in _ELISIONS:
        rest = word[len(head) :]
        if word.startswith(head) and len(rest) >= 2:
            out += [(p, 0.95) for p in index.vocab.get(rest, ()) if p and words[p - 1] == head]
    if word.endswith("s") and len(word) >= 3:
        stem = word[:-1]
        last = len(words) - 1
        out += [(p, 0.95) for p in index.vocab.get(stem, ()) if p < last and words[p + 1] == "s"]
    return out


# Endings that make another word, not another form of the same one: careful / careless,
# success / successful, forte / fortement.
_DERIVATIONS = ("ful", "less", "ness", "able", "ible", "tion", "ment")


def _derived(tail_a: str, tail_b: str) -> bool:
    return any(d in t for t in (tail_a, tail_b) for d in _DERIVATIONS)


def typo_neighbours(word: str, vocabulary: list[str]) -> list[str]:
    """The words of ``vocabulary`` that ``word`` may be a typo of, by the rule the matcher
    forgives (``SourceIndex.options``): four letters or more, optimal string alignment
    distance 1 (2 from eight letters), the first letter kept, no number, no antonym prefix.

    A library asks it for candidate sources (issue 15): a phrase typed with a typo still finds
    the transcript that holds the word meant."""
    n = len(word)
    if n < 4 or lexicon.is_number(word):
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    limit = 1 if n < 8 else 2
    return [
        other
        for other, dist, _ in process.extract(
            word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if dist and len(other) >= 4 and _typo(word, other, dist)
    ]


def _typo(word: str, other: str, dist: int) -> bool:
    """Whether ``other`` (within the edit limit of ``word``) may be a typo of it."""
    if lexicon.is_number(other):
        # a number word typed with two letters swapped ("frist", "sevne") is that word, and
        # so is a long one with a letter dropped or doubled ("milions", "thousannd"); any
        # other change makes another number or another word ("none" for "nine")
        if dist != 1 or any(c.isdigit() for c in other) or word[0] != other[0]:
            return False
        if len(word) == len(other):
            return sorted(word) == sorted(other)
        return len(other) >= 6 and abs(len(word) - len(other)) == 1
    if word[0] != other[0]:
        # A typo keeps the first letter; changed, it makes another word: mère / père,
        # less / mess, and the negating prefixes (possible / impossible).
        return False
    if dist == 2 and other[:3] != word[:3]:
        # Two edits at the head of a word make antonyms, not typos:
        # majoritaire/minoritaire, exclusif/inclusif.
        return False
    return not lexicon.prefix_antonyms(word, other)


# A provider hands out sources, or sources already indexed (a library indexes its own from
# the layouts it stored at import, and keeps them): (folded words, wide=False) -> sources.
Provider = Callable[..., "list[Source | SourceIndex]"]


class IndexCache:
    """The indexes of the sources a provider hands out for each query, built once per source.

    ``sources`` is either the list of every source, or a provider: a function from a query's
    folded words to the sources worth searching for it (a large library answers from its
    full-text index instead of loading thousands of transcripts).
    """

    def __init__(self, sources: list[Source] | Provider):
        self._provider = (
            sources if callable(sources) else (lambda _words, wide=False, _all=sources: _all)
        )
        self._indexes: dict[str, SourceIndex] = {}

    def for_words(self, words: list[str], wide: bool = False) -> list[SourceIndex]:
        """The indexes of the sources worth searching for these folded words (``wide``: for a
        search by meaning, every source of a small library)."""
        out = []
        for source in self._provider(words, wide=True) if wide else self._provider(words):
            if isinstance(source, SourceIndex):
                out.append(source)
                continue
            index = self._indexes.get(source.id)
            if index is None or index.source is not source:
                index = self._indexes[source.id] = SourceIndex(source)
            out.append(index)
        return out
