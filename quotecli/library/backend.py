"""What a library backend must do, whichever database holds it (issue 15).

``Backend`` is the one interface the commands and the search use: the catalogue (``entries``,
``entry``, ``has``), the changes (``add``, ``remove``, each one transaction), retrieval
(``load``, ``candidates``) and the schema (``init``). Two implement it: ``Library`` (SQLite and
files under the user's data folder, the default) and ``postgres.PostgresLibrary`` (every
transcript's text in a PostgreSQL database). ``open_library`` in the package picks one from the
environment; nothing after that knows which answered.

The candidate policy is shared (``candidates``, over a backend's ``Engine``): the phrase's
words as typed, in order, first; then the phrase with its typos replaced by words the library
holds; then every content word (or a word it may be a typo of); then any; each ranked the same
way on both backends. The checks an import makes before writing are shared too
(``check_items``), so both refuse the same things with the same words, and so is what makes two
transcripts the same content (``digest``). Nothing here imports a database driver.
"""

from __future__ import annotations

import re
import unicodedata

from quotecli.records import NamedTuple
from quotecli.text import lexicon

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Protocol

    from quotecli.library import Item
    from quotecli.library.index import Entry
    from quotecli.matching.index import SourceIndex
    from quotecli.transcript import Source
else:
    Protocol = object  # the interfaces below are for the type checker; no ``typing`` at run time


class Schema(NamedTuple):
    """What ``quote library init`` did: which library, and its schema version before and after."""

    backend: str  # "sqlite" or "postgresql"
    where: str  # a folder, or "database D on H" (never a password)
    before: int | None  # None: there was no schema
    after: int
    layouts: int = 0  # stored layouts made again (missing, or of older folding rules)


class Backend(Protocol):
    """A user's library. A context manager: ``with open_library(env) as lib: …`` closes it."""

    def __enter__(self) -> Backend: ...

    def __exit__(self, *exc) -> None: ...

    def close(self) -> None: ...

    def init(self) -> Schema:
        """Create the schema, or migrate it to this quote's version; refuse a newer one."""
        ...

    def entries(self) -> list[Entry]:
        """Every catalogue row, by id."""
        ...

    def entry(self, source_id: str) -> Entry | None: ...

    def has(self, source_id: str) -> bool: ...

    def same_content(self, digest: str) -> str | None:
        """The id of a transcript whose words have this ``digest`` (``digest``), if any."""
        ...

    def add(self, items: list[Item], force: bool = False) -> list[str]:
        """Add transcripts in one transaction (all or none); ids already there need ``force``."""
        ...

    def remove(self, source_id: str) -> None:
        """Take one transcript out, in one transaction."""
        ...

    def load(self, source_id: str) -> Source: ...

    def load_index(self, source_id: str) -> SourceIndex:
        """A source indexed for matching, from the layout stored at import when it is current."""
        ...

    def candidates(self, words: list[str], limit: int = 8) -> list[str]:
        """Ids of the sources that best hold ``words`` (folded), best first."""
        ...


class Engine(Protocol):
    """The searches a backend runs for ``candidates``; every ranking is the policy's own, the
    same on both backends, so the same library gives the same candidates (issue 15)."""

    def known(self, words: list[str]) -> set[str]:
        """Which of ``words`` the library's vocabulary holds."""
        ...

    def starting(self, letter: str) -> list[str]:
        """The vocabulary's words that start with ``letter``."""
        ...

    def phrases(self, variants: list[tuple[str, ...]], limit: int) -> list[str]:
        """Ids of the sources holding one of ``variants`` word for word, shortest first
        (fewest words, then id)."""
        ...

    def gapped(self, gaps: list[tuple[tuple[str, ...], ...]], limit: int) -> list[str]:
        """Ids of the sources holding, for one of ``gaps``, each of its runs word for word
        (the phrase with one word left out: ``gaps``), shortest first."""
        ...

    def every(self, groups: list[tuple[str, ...]], limit: int) -> list[str]:
        """Ids of the sources holding a word of each group, shortest first."""
        ...

    def some(self, terms: tuple[str, ...], limit: int) -> list[str]:
        """Ids of the sources holding any term, by the summed ``weights`` of the terms they
        hold, then shortest first."""
        ...


class Queries(NamedTuple):
    """The searches ``candidates`` runs, in order, until it has enough sources."""

    phrase: tuple[str, ...]  # every word as typed, in order (empty for a one-word phrase)
    terms: tuple[str, ...]  # the content words (all words when there is none)


def queries(words: list[str]) -> Queries | None:
    """The candidate policy for a phrase's folded words; None when nothing can be searched.

    Function words are left out when the phrase has content words (they are everywhere and
    rank nothing).
    """
    content = [w for w in dict.fromkeys(words) if lexicon.is_content(w)] or list(
        dict.fromkeys(words)
    )
    terms = tuple(w for w in content if w.isalnum())
    if not terms:
        return None
    every = tuple(w for w in words if w.isalnum())
    return Queries(every if len(every) > 1 else (), terms)


MAX_VARIANTS = 32  # phrases tried with the typo'd words replaced by words the library holds
GAP_RUN = 4  # words of the longest run a phrase with a gap keeps (PostgreSQL narrows by its
# pairs: ``pg_schema.needed`` holds for WINDOW + 1 = 4 words or more)
MAX_GAPS = 48  # phrases with gaps tried (``gaps``)


def candidates(engine: Engine, words: list[str], limit: int) -> list[str]:
    """Ids of the sources that best hold ``words`` (folded), best first: the one policy.

    1. The phrase word for word. A hit settles it: those sources hold the quotation, and
       nothing else is searched (issue 16: no "any word" query after an exact hit).
    2. The phrase with each word the library's vocabulary lacks (a typo) replaced by the
       vocabulary's words it may be a typo of, by the matcher's rule
       (``matching.index.typo_neighbours``). A hit settles it too.
    3. The phrase with gaps where the words the library lacks stand, and where one more word
       that may be a typo stands (``gaps``): a typo the vocabulary holds as a word of its own
       (an OCR'd page's "Austrailan", "hapen") leaves the phrase's other words in order, and
       so does a typo whose neighbours are too many for step 2. A hit settles it.
    4. Every content word, each as typed or as a word it may be a typo of (a typo may make
       another real word: "form" for "from").
    5. Only when 1–4 found fewer than ``limit``: any content word, as typed.

    Typo-tolerant candidates keep a typo'd phrase found however large the library grows: the
    right source is retrieved by its words, not outranked by sources sharing the others.
    """
    policy = queries(words)
    if policy is None:
        return []
    if policy.phrase:
        found = engine.phrases([policy.phrase], limit)
        if found:
            return found
    near = _neighbours(engine, set(policy.phrase) | set(policy.terms))
    unknown: list[str] = []
    if policy.phrase:
        known = engine.known(list(dict.fromkeys(policy.phrase)))
        unknown = [w for w in dict.fromkeys(policy.phrase) if w not in known]
        if unknown and all(near.get(w) for w in unknown):
            variants = _variants(policy.phrase, {w: near[w] for w in unknown})
            found = engine.phrases(variants, limit) if variants else []
            if found:
                return found
    holes = gaps(policy.phrase, set(unknown), set(near))
    if holes:
        found = engine.gapped(holes, limit)
        if found:
            return found
    found = engine.every([(t, *near.get(t, ())) for t in policy.terms], limit)
    if len(found) < limit:
        found += [i for i in engine.some(policy.terms, limit) if i not in found]
    return found[:limit]


def _neighbours(engine: Engine, words: set[str]) -> dict[str, list[str]]:
    from quotecli.matching.index import typo_neighbours

    by_letter: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for w in sorted(words):
        if len(w) < 4 or not w.isalnum():
            continue
        if w[0] not in by_letter:
            by_letter[w[0]] = engine.starting(w[0])
        got = typo_neighbours(w, by_letter[w[0]])
        if got:
            out[w] = sorted(got)
    return out


def gaps(
    phrase: tuple[str, ...], unknown: set[str], suspects: set[str]
) -> list[tuple[tuple[str, ...], ...]]:
    """The phrase with a gap at each word the library lacks (``unknown``: as typed, it can
    match nothing) and at none, one or two more of the words that may be typos (``suspects``:
    a misspelling the library holds as some page's word), as the runs between the gaps: fewer
    gaps first, then longer words first. Only those that keep a run of ``GAP_RUN`` words,
    at most ``MAX_GAPS`` of them."""
    import itertools

    others = sorted(
        (w for w in dict.fromkeys(phrase) if w in suspects and w not in unknown),
        key=len,
        reverse=True,
    )  # the longer a word, the likelier a typo is in it (a stable sort: then the phrase's order)
    extra = [*([()] if unknown else []), *((w,) for w in others)]
    extra += itertools.combinations(others, 2)
    out: list[tuple[tuple[str, ...], ...]] = []
    for more in extra:
        runs: list[tuple[str, ...]] = [()]
        for x in phrase:
            if x in unknown or x in more:
                runs.append(())
            else:
                runs[-1] += (x,)
        kept = tuple(r for r in runs if r)
        if max(map(len, kept), default=0) >= GAP_RUN and kept not in out:
            out.append(kept)
            if len(out) == MAX_GAPS:
                break
    return out


def _variants(phrase: tuple[str, ...], swaps: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """The phrase with each typo'd word replaced by each of its neighbours (at most
    ``MAX_VARIANTS``; none when there would be more: too vague to be a phrase)."""
    out: list[tuple[str, ...]] = [()]
    for w in phrase:
        out = [v + (o,) for v in out for o in swaps.get(w, [w])]
        if len(out) > MAX_VARIANTS:
            return []
    return out


def weights(total: int, holding: list[int]) -> list[int]:
    """The weight of each term in "any word" ranking: its inverse document frequency
    (``holding``: how many of ``total`` sources hold it), as integers so that both backends
    add them up exactly alike."""
    import math

    return [round(1000 * math.log((total + 1) / (n + 0.5))) for n in holding]


class Rarest(NamedTuple):
    """A round of "any word" ranking restricted to the sources holding one of the rarest
    terms (``some``): the ``m`` rarest term indices, and what a source holding none of them
    can score at most."""

    rare: tuple[int, ...]
    bound: int


def rarest(weights: list[int]) -> list[Rarest]:
    """The rounds of ranking the sources that hold any term by the rarest terms first.

    A source that holds none of the ``m`` rarest terms scores at most the sum of the other
    weights, ``bound``. Ranking only the sources that hold one of the ``m`` rarest (their scores
    summed over every term) gives the whole ranking's top ``limit`` as soon as ``settled``: the
    last of them scores more than ``bound``, so no source left out can reach it, even on a tie
    broken by length. The last round (every term) is the whole ranking. This spares a library
    of 100,000 sources adding up every source that holds a common word (issue 15).
    """
    order = sorted(range(len(weights)), key=lambda i: (-weights[i], i))
    return [
        Rarest(tuple(order[:m]), sum(weights[i] for i in order[m:]))
        for m in range(1, len(order) + 1)
    ]


def settled(scores: list[int], round_: Rarest, limit: int, last: bool) -> bool:
    """Whether a round's best ``scores`` (best first, at most ``limit``) are the whole
    ranking's."""
    return last or (len(scores) >= limit and scores[limit - 1] > round_.bound)


_SPACE = re.compile(r"\s+")


def digest(source: Source) -> str:
    """What makes two transcripts the same content: a SHA-256 of the words they hold.

    The words of every turn, in order (the text a reader made of the file, labels, metadata and
    speakers left out), composed (NFC), every run of white space one space. So the same
    interview exported again — a Word file and its text export, another line width, other
    options on the command line — is the same content; one word changed is not (issue 12).
    """
    text = source.text
    words = " ".join(text[p.start : p.end] for t in source.turns for p in t.paragraphs)
    words = _SPACE.sub(" ", unicodedata.normalize("NFC", words)).strip()
    import hashlib  # only on import: a plain search loads no hashlib

    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def item_digest(item: Item) -> str:
    """The ``digest`` of an item to import (its source parsed if the reader did not)."""
    if item.digest is not None:
        return item.digest
    from quotecli import transcript

    return digest(item.source if item.source is not None else transcript.parse(item.text, item.id))


def speakers(source: Source) -> list[dict]:
    """The catalogue's speakers of a source: id, name, role and how many turns they hold (so
    ``quote sources`` tells how many turns are unattributed without reading the transcript)."""
    count: dict[str, int] = {}
    for turn in source.turns:
        count[turn.speaker.id] = count.get(turn.speaker.id, 0) + 1
    return [
        {"id": s.id, "name": s.name, "role": s.role, "turns": count.get(s.id, 0)}
        for s in source.speakers
    ]


def check_items(
    items: Iterable[Item],
    force: bool,
    has: Callable[[str], bool],
    same_content: Callable[[str], str | None] = lambda _: None,
) -> None:
    """Refuse an import before anything is written: a bundled id, one id twice, an id taken,
    content already in the library under another id (``force`` allows the last two)."""
    from quotecli.library import SUFFIX, LibraryError, bundled_dir, transcript_paths

    bundled = {p.name[: -len(SUFFIX)] for p in transcript_paths(bundled_dir())}
    seen: set[str] = set()
    contents: dict[str, str] = {}
    for item in items:
        if item.id in bundled:
            raise LibraryError(f"{item.id}: the id of a bundled transcript")
        if item.id in seen:
            raise LibraryError(f"{item.id}: two files give the same id (pass --id)")
        seen.add(item.id)
        if force:
            continue
        if has(item.id):
            raise taken(item.id)
        key = item_digest(item)
        if key in contents:
            raise duplicate(item.id, contents[key], "in the same import")
        other = same_content(key)
        if other is not None and other != item.id:
            raise duplicate(item.id, other)
        contents[key] = item.id


def taken(source_id: str):
    """The error for an id already in the library."""
    from quotecli.library import LibraryError

    return LibraryError(f"{source_id}: already in the library (pass --force to replace)")


def duplicate(source_id: str, other: str, where: str = "already in the library"):
    """The error for content already in the library (or in the import) under another id."""
    from quotecli.library import LibraryError

    return LibraryError(
        f"{source_id}: the same text as {other}, {where} (pass --force to import it as well)"
    )
