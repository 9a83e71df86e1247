"""``quote library init|check|rebuild``: the library's schema and its index, looked after.

The library is the one ``Environment.library`` names (SQLite in the data folder unless
``$QUOTE_LIBRARY`` or ``config.toml`` names a PostgreSQL database). ``init`` creates the schema,
or migrates an older one, in one transaction, and says which; a schema newer than this quote is
refused (exit 2). Running it again changes nothing. Output is built by ``render.library``.
``check`` and ``rebuild`` look after a SQLite library's index, which is derived from the stored
transcripts (``library.repair``); a PostgreSQL library keeps text and index in one database,
whose own tools (``pg_dump``, ``REINDEX``) look after it.
"""

from __future__ import annotations

from quotecli import context as contextmod
from quotecli.records import dataclass
from quotecli.status import ExitStatus


@dataclass(frozen=True)
class InitConfig:
    pass


def run_init(config: InitConfig, env: contextmod.Environment | None = None) -> int:
    """Create or migrate the library's schema."""
    from quotecli.deliver import emit
    from quotecli.library import open_library
    from quotecli.render.library import schema

    env = env or contextmod.from_process()
    with open_library(env) as lib:
        done = lib.init()
    emit(env.out, schema(done))
    return ExitStatus.OK


def run_repair(action: str, env: contextmod.Environment | None = None) -> int:
    """``quote library check`` (exit 0 whole, 2 damaged) and ``quote library rebuild``."""
    from quotecli.deliver import emit
    from quotecli.library import repair
    from quotecli.render import safe
    from quotecli.status import UsageError

    env = env or contextmod.from_process()
    if contextmod.is_database_url(env.library):
        raise UsageError(
            f"quote library {action} looks after a SQLite library; this one is PostgreSQL "
            "(use REINDEX and pg_dump there)"
        )
    report = repair.check(env.library) if action == "check" else repair.rebuild(env.library)
    for line in report.lines:
        emit(env.out, safe(line))
    return ExitStatus.OK if report.ok else ExitStatus.ERROR
