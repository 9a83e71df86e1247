"""``quote sources``, ``quote show ID`` and ``quote remove ID``: the library, looked at and pruned.

``sources`` lists the bundled transcripts and the library's (id, outlet, date, speakers,
turns and how many of them are unattributed), as text columns or JSON Lines (``--json``: one
object a source, ``schema`` 1).
``show`` prints one transcript turn by turn, numbered, with each speaker's name and role and a
timed turn's cue times, so a person can review who was given which words; on a terminal it
goes through the pager (``deliver.pager``: ``$PAGER`` or ``less -FRX``; ``--no-pager``).
``remove`` takes a library transcript out (a bundled one cannot be). Output is built by
``render.library``.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotecli import context as contextmod
from quotecli.status import ExitStatus, UsageError


@dataclass(frozen=True)
class SourcesConfig:
    json_out: bool = False


@dataclass(frozen=True)
class ShowConfig:
    source_id: str
    pager: bool = False  # show: through the pager on a terminal (deliver.pager decides)


def _check_id(source_id: str) -> str:
    from quotecli.text import ids

    try:
        return ids.check(source_id)
    except ids.IdError as exc:
        raise UsageError(f"no such source: {exc}") from None


def rows(env: contextmod.Environment) -> list:
    """Every transcript quote searches, bundled first."""
    from quotecli import library
    from quotecli.library.backend import speakers
    from quotecli.results import SourceRow

    out = []
    for s in library.bundled_sources():
        out.append(SourceRow(s.id, s.outlet, s.date, s.title, s.language,
                             tuple(speakers(s)), len(s.turns), "quote", True,
                             _unattributed(s)))  # fmt: skip
    if library.exists(env.library):
        with library.open_library(env) as lib:
            for e in lib.entries():
                # a row from before the catalogue counted turns: its transcript is read
                count = e.unattributed
                count = _unattributed(lib.load(e.id)) if count is None else count
                out.append(SourceRow(e.id, e.outlet, e.date, e.title, e.language,
                                     tuple(e.speakers), e.turns, e.format, False,
                                     count))  # fmt: skip
    return out


def _unattributed(source) -> int:
    return sum(1 for t in source.turns if t.speaker.role == "unattributed")


def run_sources(config: SourcesConfig, env: contextmod.Environment | None = None) -> int:
    """List the transcripts quote searches."""
    from quotecli.deliver import emit
    from quotecli.render.library import source_line

    env = env or contextmod.from_process()
    for row in rows(env):
        emit(env.out, source_line(row, config.json_out))
    return ExitStatus.OK


def _load(env: contextmod.Environment, source_id: str):
    from quotecli import library

    for s in library.bundled_sources():
        if s.id == source_id:
            return s
    _check_id(source_id)
    if not library.exists(env.library):
        raise UsageError(f"{source_id}: no such source (see quote sources)")
    with library.open_library(env) as lib:
        if not lib.has(source_id):
            raise UsageError(f"{source_id}: no such source (see quote sources)")
        return lib.load(source_id)


def run_show(config: ShowConfig, env: contextmod.Environment | None = None) -> int:
    """Print a transcript turn by turn, numbered, with its speakers (paged on a terminal)."""
    from quotecli.deliver import emit
    from quotecli.render.library import show

    env = env or contextmod.from_process()
    text = show(_load(env, config.source_id))
    if config.pager:
        from quotecli.deliver import pager

        pager.page(text, env)
    else:
        emit(env.out, text)
    return ExitStatus.OK


def run_remove(config: ShowConfig, env: contextmod.Environment | None = None) -> int:
    """Take a transcript out of the library."""
    from quotecli import library
    from quotecli.deliver import emit
    from quotecli.render import safe

    env = env or contextmod.from_process()
    if any(s.id == config.source_id for s in library.bundled_sources()):
        raise UsageError(f"{config.source_id}: a bundled transcript cannot be removed")
    _check_id(config.source_id)
    with library.open_library(env) as lib:
        lib.remove(config.source_id)
    emit(env.out, safe(f"removed {config.source_id}"))
    return ExitStatus.OK
