"""The core: a phrase in, a QueryResult out (matched, attributed, cut to the asked span, cited).

``Searcher`` holds the indexed sources of one run and answers any number of queries (a batch
reuses the same indexes). It never prints and never reads the environment: what it needs is
in ``SearchOptions``, settled by the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from quotecli import attribution, matching
from quotecli.cite import item as citation
from quotecli.records import dataclass
from quotecli.results import Citation, Closest, Match, QueryResult
from quotecli.status import UsageError
from quotecli.text import dates, folding, lexicon
from quotecli.transcript import ROLES, Source, Speaker  # noqa: F401  (ROLES for --role)

SPANS = ("match", "sentence", "paragraph")
MAX_AMBIGUOUS_SHOWN = 5
MATCH_MEMO = 2048  # phrases whose candidates an index keeps (oldest dropped first)


class QueryError(UsageError, ValueError):
    """A phrase that cannot be searched (empty, punctuation only); one line for a person."""


@dataclass(frozen=True)
class SearchOptions:
    span: str = "sentence"
    limit: int = 1
    speaker: str | None = None
    role: str | None = None
    min_score: float = 0.0
    context: bool = False
    locale: str = "en-US"
    sources: tuple[str, ...] = ()  # restrict to these source ids (empty: all)


Citer = Callable[[Source, int, str, dict | None], Citation]  # source, paragraph, quote, time


def default_citer(locale: str) -> Citer:
    """The core's citation: the CSL-JSON item and a one-line text in the reader's language."""

    def cite(source: Source, paragraph: int, quote: str, time: dict | None = None) -> Citation:
        line = citation.one_line(source, locale)
        return Citation(None, locale, line, line, None, line, "", citation.csl_item(source))

    return cite


Provider = matching.index.Provider


class Searcher:
    """Indexes sources once, then answers queries.

    ``sources`` is either the list of every source, or a provider: a function from a query's
    folded words to the sources worth searching for it (a large library answers from its
    full-text index instead of loading thousands of transcripts). Indexes are kept per source
    id for the life of the Searcher, so a batch indexes each source once.
    """

    def __init__(self, sources: list[Source] | Provider, citer: Citer | None = None, ranker=None):
        self._cache = matching.IndexCache(sources)
        self.citer = citer
        # a matching.semantic.Ranker, or a function making one (or None) when first needed:
        # the closest passage by meaning
        self._ranker = ranker
        # each index's sentence texts, sliced once for the ranker (the same list object each
        # time, so the ranker finds its vectors without hashing the source again)
        self._sentences: dict[int, tuple[matching.SourceIndex, list[str]]] = {}

    def sentence_texts(self, index: matching.SourceIndex) -> list[str]:
        held = self._sentences.get(id(index))
        if held is None or held[0] is not index:
            texts = [index.source.text[s.start : s.end] for s in index.sentences]
            held = self._sentences[id(index)] = (index, texts)
        return held[1]

    @property
    def ranker(self):
        if self._ranker is not None and not hasattr(self._ranker, "nearest"):
            self._ranker = self._ranker()
        return self._ranker

    def _indexes_for(self, words: list[str]) -> list[matching.SourceIndex]:
        return self._cache.for_words(words)

    def _match(self, index, words: list[str], display: list[str], clauses, sentences=1) -> list:
        """``matching.match``, once per phrase for each index: a batch that asks a phrase
        again (a draft quoting a sentence twice, a list run again with a line added) gets the
        same candidates without matching again (issue 16). They depend only on the index and
        these arguments; the memo lives on the index, so it goes with it."""
        memo = index.matched
        key = (tuple(words), tuple(display), clauses, sentences)
        found = memo.get(key)
        if found is None:
            found = matching.match(index, words, display, clauses=clauses, sentences=sentences)
            if len(memo) >= MATCH_MEMO:
                del memo[next(iter(memo))]
            memo[key] = found
        return found

    def search(self, query: str, options: SearchOptions = SearchOptions()) -> QueryResult:
        typed = _typed(query)
        words = [w.text for w in typed]
        display = [query[w.start : w.end] for w in typed]  # reasons quote what was typed
        if not words:
            raise QueryError("the phrase has no words to search for")
        cite = self.citer or default_citer(options.locale)
        found: list[tuple[matching.Candidate, attribution.Attribution]] = []
        rejected: list[tuple[matching.Candidate, attribution.Attribution]] = []
        indexes = [
            i for i in self._indexes_for(words)
            if not options.sources or i.source.id in options.sources
        ]  # fmt: skip
        cut = _label_prefix(query, typed, indexes)
        if cut:
            # "MARINA FERRARI - Non, nous…" pasted with its label: the label is not quotable
            # text, so it is not searched (the answer still says who really spoke).
            words, display = words[cut:], display[cut:]
        # what is typed between the words kept: a comma or semicolon parts clauses, a stop
        # sentences (a phrase of three or more sentences is looked for over as many)
        gaps = {
            k - cut: query[typed[k - 1].end : typed[k].start] for k in range(cut + 1, len(typed))
        }
        clauses = tuple(k for k, gap in gaps.items() if any(mark in gap for mark in ",;"))
        sentences = 1 + sum(any(mark in gap for mark in ".?!…") for gap in gaps.values())
        for index in indexes:
            for cand in self._match(index, words, display, clauses, sentences):
                attr = attribution.attribute(cand)
                if not _passes(attr.speaker, options):
                    continue
                if cand.accepted and cand.score >= options.min_score:
                    found.append((cand, attr))
                else:
                    rejected.append((cand, attr))
        # as good a match in a speaker's turn and in the outlet's words (a box listing the
        # questions asked, then each asked): the speaker's first
        found.sort(key=lambda ca: (-ca[0].score, ca[1].speaker.role == "editor",
                                   ca[0].index.source.id, ca[0].start))  # fmt: skip
        if not found:
            closest = _closest(query, typed[cut:], rejected)
            if self.ranker is not None and not _plainly_meant(closest, words, query):
                wide = [
                    i for i in self._cache.for_words(words, wide=True)
                    if not options.sources or i.source.id in options.sources
                ]  # fmt: skip
                closest = _by_meaning(self.ranker, query, typed[cut:], wide, rejected,
                                      options, self.sentence_texts) or closest  # fmt: skip
            return QueryResult(query, False, False, (), closest)
        top = found[0][0].score
        tied = [ca for ca in found if ca[0].score >= top - matching.AMBIGUITY_MARGIN]
        ambiguous = len(tied) > 1
        shown = found[: max(options.limit, min(len(tied), MAX_AMBIGUOUS_SHOWN))]
        matches = tuple(_to_match(c, a, options, cite, (words, display)) for c, a in shown)
        return QueryResult(query, True, ambiguous, matches)


def closest_in(indexes: list[matching.SourceIndex], query: str) -> Closest | None:
    """The passage a phrase found nowhere most likely stands for, lexically (``quote check``'s
    not_found quotations): the closest passage ``search`` would show, not a quotation."""
    typed = _typed(query)
    words = [w.text for w in typed]
    if not words:
        return None
    display = [query[w.start : w.end] for w in typed]
    rejected = [
        (cand, attribution.attribute(cand))
        for index in indexes
        for cand in matching.match(index, words, display)
    ]
    return _closest(query, typed, rejected)


def _overlap(cand: matching.Candidate, words: list[str]) -> float:
    """How much of the phrase's content the candidate holds (typos count by similarity)."""
    return sum(sim for j, _, sim in cand.pairs if j < len(words) and lexicon.is_content(words[j]))


def _closest(query: str, typed, rejected) -> Closest | None:
    """The passage the person most likely meant: the most content words of the phrase in one
    region, then the best score; shown as not a quotation, with what differs and which
    differences change what is said."""
    from quotecli.matching import explain

    words = [w.text for w in typed]
    ranked = sorted(rejected, key=lambda ca: (-_overlap(ca[0], words), -ca[0].score))
    ranked = [ca for ca in ranked if ca[0].score >= 40 or _overlap(ca[0], words) >= 2]
    if not ranked:
        return None
    c, a = ranked[0]
    s, e = _span(c, a, "sentence")
    ops = explain.diff(query, list(typed), c)
    return Closest(
        c.index.source.text[s:e], s, e, c.score, c.reason, a.speaker, c.index.source,
        ops, explain.critical(ops, c.reason),
    )  # fmt: skip


# the lexical closest passage holds this share of the phrase's content words: it is the
# passage meant, whatever a sentence encoder would say (a contradiction is near-verbatim)
PLAINLY_MEANT = 0.6


def _content_count(words: list[str]) -> int:
    return sum(lexicon.is_content(w) for w in words) or len(words)


def _plainly_meant(closest: Closest | None, words: list[str], query: str) -> bool:
    """The lexical closest passage is the one meant: most of the phrase's content words (three
    at least), in the source's language."""
    from quotecli.text import lang

    if closest is None:
        return False
    typed_in = lang.guess(query, least=2)
    if typed_in and typed_in != lang.primary(closest.source.language):
        return False
    placed = sum(
        lexicon.is_content(w)
        for d in closest.diff if d.op in ("same", "spelling")
        for w in folding.fold_words(d.draft or "")
    )  # fmt: skip
    return placed >= max(3, PLAINLY_MEANT * _content_count(words))


def _by_meaning(
    ranker, query: str, typed, indexes, rejected, options, sentence_texts
) -> Closest | None:
    """The sentence nearest the phrase in meaning (``matching.semantic``), as a closest
    passage: with the matcher's diff when it compared the phrase with that sentence, and
    labelled with both languages when the phrase is in another language than the source."""
    from quotecli.matching import explain, semantic
    from quotecli.text import lang

    pools, keep = [], []
    for index in indexes:
        turns = index.source.turns
        ids = [k for k, s in enumerate(index.sentences)
               if _passes(turns[s.turn].speaker, options)
               and turns[s.turn].speaker.role != "editor"]  # fmt: skip
        pools.append((index.source.id, sentence_texts(index)))
        keep.append(set(ids))
    near = [(sim, k, i) for sim, k, i in ranker.nearest(query, pools) if i in keep[k]]
    if not near or near[0][0] < semantic.MIN_SIMILARITY:
        return None
    sim, k, i = near[0]
    index = indexes[k]
    sentence = index.sentences[i]
    source = index.source
    said_in = lang.primary(source.language)
    typed_in = lang.guess(query, least=2) or said_in
    other_language = typed_in != said_in
    speaker = source.turns[sentence.turn].speaker
    text = source.text[sentence.start : sentence.end]
    if not other_language:
        words = [w.text for w in typed]
        mine = [
            ca
            for ca in rejected
            if ca[0].index is index and ca[0].first_sentence <= i <= ca[0].last_sentence
        ]
        if mine:
            c, a = max(mine, key=lambda ca: (_overlap(ca[0], words), ca[0].score))
            s, e = _span(c, a, "sentence")
            ops = explain.diff(query, list(typed), c)
            return Closest(
                source.text[s:e], s, e, c.score, "nearest in meaning, in other words",
                a.speaker, source, ops, explain.critical(ops, c.reason), "meaning",
            )  # fmt: skip
        return Closest(
            text,
            sentence.start,
            sentence.end,
            round(100 * sim, 1),
            "nearest in meaning, in other words",
            speaker,
            source,
            (),
            (),
            "meaning",
        )
    reason = (
        f"nearest in meaning, in {lang.name(said_in)} (your phrase is in {lang.name(typed_in)})"
    )
    return Closest(
        text, sentence.start, sentence.end, round(100 * sim, 1), reason, speaker, source,
        (), (), "meaning", (typed_in, said_in),
    )  # fmt: skip


def _label_prefix(query: str, typed, indexes) -> int:
    """How many leading words of ``query`` are a speaker's label ("NAME - ", "NAME:")."""
    for k in range(1, min(6, len(typed))):
        between = query[typed[k - 1].end : typed[k].start]
        if not any(mark in between for mark in ("-", "–", "—", ":")):
            continue
        head = tuple(w.text for w in typed[:k])
        for index in indexes:
            for sp in index.source.speakers:
                if any(_folded(n) == head for n in (sp.name, *sp.labels)):
                    return k
    return 0


@lru_cache(maxsize=4096)
def _typed(query: str) -> list[folding.Word]:
    """The phrase's folded words, as ``search`` and ``closest_in`` compare them; a time mark
    copied with the words ("…companies, [00:34:00] over $17 billion") is when, not a word."""
    words = folding.words(query, english=_english(query))
    if "[" not in query:
        return words
    marks = [m.span() for m in dates.TIME_MARK.finditer(query)]
    return [w for w in words if not any(a <= w.start < b for a, b in marks)]


def _english(query: str) -> bool:
    """Whether "dont" in the phrase is "don't" (``folding``): unless the phrase reads French."""
    if "dont" not in query.lower():
        return False
    from quotecli.text import lang

    return lang.guess(query, least=2) != "fr"


def _folded(text: str) -> tuple[str, ...]:
    """A name's folded words, computed once per run (names recur in every candidate)."""
    return tuple(folding.fold_words(text))


def _passes(speaker: Speaker, options: SearchOptions) -> bool:
    if options.role and speaker.role != options.role:
        return False
    if options.speaker:
        wanted = set(_folded(options.speaker))
        if not any(wanted <= set(_folded(n)) for n in (speaker.name, *speaker.labels)):
            return False
    return True


def _span(cand, attr, span: str) -> tuple[int, int]:
    index = cand.index
    if span == "match":
        return cand.start, cand.end
    if attr.editor_only and attr.notes:
        if span == "sentence":
            return min(a for a, _ in attr.notes), max(b for _, b in attr.notes)
    first = index.sentences[cand.first_sentence]
    last = index.sentences[cand.last_sentence]
    if span == "sentence":
        return _unnoted(index, first.start, cand), last.end
    return index.paragraph_spans[first.paragraph][0], index.paragraph_spans[last.paragraph][1]


def _unnoted(index, start: int, cand) -> int:
    """Where a sentence's quotation opens: after the editor's notes that open it before the
    match ("[Both chuckle.] So everyone wrote…"), on the speaker's words. A note at its end
    stays, as the outlet printed it ("…voire anecdotique [de 15 millions d'euros, Ndlr].")."""
    text = index.source.text
    for a, b in index.editorial:  # in the text's order (``Source.editorial_spans``)
        if a >= cand.start:
            break
        if b <= cand.start and (a <= start < b or (start <= a and not text[start:a].strip())):
            start = b + len(text[b : cand.start]) - len(text[b : cand.start].lstrip())
    return start


def _misreads(cand, words: list[str], display: list[str]) -> tuple[tuple[str, str], ...]:
    """The source's tokens the match reads through their misprints: (as printed, as typed)."""
    index = cand.index
    if not index.misread:  # (computed once per source: most have no damaged token)
        return ()
    from quotecli.text.misread import glued

    text, starts, ends = index.source.text, index.starts, index.ends
    out = []
    for j, p, _ in cand.pairs:
        if index.misread_as(words[j], p):
            a = starts[p]
            a -= glued(text[max(0, a - 2) : a])
            out.append((text[a : ends[p]], display[j]))
    return tuple(out)


def _to_match(cand, attr, options: SearchOptions, cite: Citer, typed=None) -> Match:
    index = cand.index
    source = index.source
    start, end = _span(cand, attr, options.span)
    quote = source.text[start:end]
    paragraph = index.sentences[cand.first_sentence].paragraph
    context = _question_before(source, attr.turn) if options.context else None
    time = source.time_of(start, end)
    return Match(
        quote=quote,
        match=source.text[cand.start : cand.end],
        start=start,
        end=end,
        match_start=cand.start,
        match_end=cand.end,
        paragraph=paragraph,
        score=cand.score,
        exact=cand.exact,
        editorial=attr.editorial,
        speaker=attr.speaker,
        source=source,
        citation=cite(source, paragraph, quote, time),
        notes=tuple(source.text[a:b] for a, b in attr.notes),
        context=context,
        time=time,
        misread=_misreads(cand, *typed) if typed and not cand.exact else (),
    )


def _question_before(source: Source, turn: int) -> str | None:
    """The interviewer's turn that prompted turn ``turn`` (None for a question itself)."""
    if source.turns[turn].speaker.role == "interviewer":
        return None
    for t in reversed(source.turns[:turn]):
        if t.speaker.role == "interviewer":
            return source.text[t.start : t.end]
    return None
