"""What a library backend must do, whichever database holds it (issue 15).

``Backend`` is the one interface the commands and the search use: the catalogue (``entries``,
``entry``, ``has``), the changes (``add``, ``remove``, each one transaction), retrieval
(``load``, ``candidates``) and the schema (``init``). Two implement it: ``Library`` (SQLite and
files under the user's data folder, the default) and ``postgres.PostgresLibrary`` (every
transcript's text in a PostgreSQL database). ``open_library`` in the package picks one from the
environment; nothing after that knows which answered.

The candidate policy is shared (``queries``): the phrase's words as typed, in order, first;
then every content word; then any. The checks an import makes before writing are shared too
(``check_items``), so both refuse the same things with the same words. Nothing here imports a
database driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from quotecli.text import lexicon

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from quotecli.library import Item
    from quotecli.library.index import Entry
    from quotecli.matching.index import SourceIndex
    from quotecli.transcript import Source


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


def check_items(items: Iterable[Item], force: bool, has: Callable[[str], bool]) -> None:
    """Refuse an import before anything is written: a bundled id, one id twice, an id taken."""
    from quotecli.library import SUFFIX, LibraryError, bundled_dir, transcript_paths

    bundled = {p.name[: -len(SUFFIX)] for p in transcript_paths(bundled_dir())}
    seen: set[str] = set()
    for item in items:
        if item.id in bundled:
            raise LibraryError(f"{item.id}: the id of a bundled transcript")
        if item.id in seen:
            raise LibraryError(f"{item.id}: two files give the same id (pass --id)")
        seen.add(item.id)
        if not force and has(item.id):
            raise taken(item.id)


def taken(source_id: str):
    """The error for an id already in the library."""
    from quotecli.library import LibraryError

    return LibraryError(f"{source_id}: already in the library (pass --force to replace)")
