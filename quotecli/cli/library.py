"""``quote library init``: the library's schema, created or migrated by quote (issue 15).

The library is the one ``Environment.library`` names (SQLite in the data folder unless
``$QUOTE_LIBRARY`` or ``config.toml`` names a PostgreSQL database). ``init`` creates the schema,
or migrates an older one, in one transaction, and says which; a schema newer than this quote is
refused (exit 2). Running it again changes nothing. Output is built by ``render.library``.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotecli import context as contextmod
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
