"""The environment, decided once: terminals, colour, locale, folders, clipboard settings.

Other modules never read ``os.environ`` or call ``isatty()``: the command line builds one
``Context`` and passes what each stage needs (httpie's model; tests build their own).
Colour rules: ``--color`` beats everything; under ``auto`` there is colour only on a terminal,
never with NO_COLOR set (any value), never with TERM=dumb, and FORCE_COLOR (non-empty, not
"0") turns it on.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Context:
    stdout_tty: bool = False
    stdin_tty: bool = False
    environ: dict = field(default_factory=dict)

    def color(self, choice: str = "auto") -> bool:
        """Whether to colour stdout, given ``--color=auto|always|never``."""
        if choice == "always":
            return True
        if choice == "never":
            return False
        env = self.environ
        if "NO_COLOR" in env:
            return False
        force = env.get("FORCE_COLOR")
        if force is not None and force not in ("", "0", "false"):
            return True
        if env.get("TERM") == "dumb":
            return False
        return self.stdout_tty

    @property
    def locale(self) -> str:
        """The reader's locale as a BCP 47 tag (LC_ALL > LC_MESSAGES > LANG), else en-US."""
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = self.environ.get(var)
            if value:
                tag = value.split(".")[0].split("@")[0].replace("_", "-")
                if tag in ("C", "POSIX"):
                    continue
                return tag
        return "en-US"

    @property
    def home(self) -> Path:
        """The user's library folder: $QUOTE_HOME, else the platform's data directory."""
        if self.environ.get("QUOTE_HOME"):
            return Path(self.environ["QUOTE_HOME"])
        from platformdirs import user_data_dir

        return Path(user_data_dir("quote", appauthor=False))

    @property
    def cache_dir(self) -> Path:
        if self.environ.get("QUOTE_HOME"):
            return Path(self.environ["QUOTE_HOME"]) / "cache"
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("quote", appauthor=False))


def from_process() -> Context:
    """The real process's context."""
    return Context(
        stdout_tty=sys.stdout.isatty(),
        stdin_tty=sys.stdin.isatty(),
        environ=dict(os.environ),
    )
