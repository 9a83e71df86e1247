"""Layouts made by worker processes for a large import (issue 15).

Folding a transcript's words and sentences (``matching.layout``) is half of what an import
does with each transcript; the library's writes (SQLite's full-text index, PostgreSQL's
statements) are the other half, and one process does both in turn. A batch of ``POOL_FROM``
transcripts or more, on a machine with more than one core, has its layouts made by worker
processes while this one writes, each from the transcript's text as the library stores it
(the same text a later ``load`` parses, so the same layout). Small imports, the tests' and a
user's few files, make their layouts in process: a pool costs a fraction of a second to start.

The pool is ``concurrent.futures`` with the ``forkserver`` start method (no fork of a process
holding a database connection), started once and kept for the imports that follow; its workers
ignore Ctrl-C, which the importing process handles (its transaction is rolled back).
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from quotecli.transcript import Source

    Extra = Callable[[Source, list[str]], object]  # made in the worker from the parsed source

POOL_FROM = 64  # transcripts in a batch before worker processes make the layouts
_pool = None


Laid = tuple  # a transcript's encoded layout, its folded words, then what ``extra`` made


def layouts(texts: list[str], extra: Extra | None = None) -> Iterator[Laid | None]:
    """Each text's encoded layout and folded words (and what ``extra``, a module's function,
    makes of the parsed source and its words: the rest of a row that the importing process
    would otherwise make), in order, as worker processes make them:
    the work starts now and the caller writes each transcript as soon as its layout comes, so
    the database indexes one while the workers fold the next (a 2,000-transcript import
    waited 2.5 ms a transcript for a whole batch's layouts before writing any). All None when
    the batch is small, the machine has one core or no pool can run (the caller then makes
    each one with ``laid``, as it writes it); None from where a pool stopped working."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if len(texts) < POOL_FROM or (cores or 1) < 2:
        return iter([None] * len(texts))
    try:
        made = _made(texts, cores or 2, extra)
    except (OSError, RuntimeError):  # no pool here (a sandbox, a dead forkserver): in process
        _drop()
        return iter([None] * len(texts))
    return _streamed(made, len(texts))


def _streamed(made: Iterator[Laid], n: int) -> Iterator[Laid | None]:
    done = 0
    try:
        for got in made:
            done += 1
            yield got
    except (OSError, RuntimeError):  # the pool broke (a worker killed): the rest in process
        pass
    finally:
        if done < n:  # broken, failed, or the caller stopped early: no work left queued
            _drop()
    yield from [None] * (n - done)


def laid(source: Source, made: Laid | None = None) -> Laid:
    """A parsed source's encoded layout and folded words: ``made`` by a worker, or made here
    (the only place an import makes them, in a worker or not)."""
    if made is not None:
        return made
    from quotecli.matching import layout

    got = layout.build(source)
    return layout.encode(got, source.text), list(got.words)


def _made(texts: list[str], cores: int, extra: Extra | None) -> Iterator[Laid]:
    global _pool
    if _pool is None:
        import atexit
        import concurrent.futures
        import multiprocessing

        _pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=cores,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_ignore_interrupts,
        )
        atexit.register(close)  # before the interpreter tears its modules down
    try:  # every text is submitted now; the results come in order
        job = lay_out if extra is None else functools.partial(lay_out, extra=extra)
        return _pool.map(job, texts, chunksize=8)
    except BaseException:
        _drop()
        raise


def _drop() -> None:
    """Forget a pool that failed, without waiting for it."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def close() -> None:
    """Stop the worker processes (at exit, or after a failed batch)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def lay_out(text: str, extra: Extra | None = None) -> Laid:
    """One transcript's encoded layout and folded words, and ``extra``'s (in a worker)."""
    from quotecli import transcript

    source = transcript.parse(text, "worker.quote.txt")
    got = laid(source)
    return got if extra is None else (*got, extra(source, got[1]))


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
