"""The environment, decided once: streams, terminals, colour, locale, folders (httpie's model).

Other modules never read ``os.environ``, call ``isatty()`` or touch ``sys.stdin`` /
``sys.stdout`` / ``sys.stderr``: ``main`` builds one ``Environment`` from the process and the
commands pass down what each stage needs; tests build their own (a fake TTY, a StringIO).
Colour rules: ``--color`` beats everything; under ``auto`` there is colour only on a terminal,
never with NO_COLOR set to a non-empty value (https://no-color.org), never with TERM=dumb, and
FORCE_COLOR (non-empty, not "0"/"false") turns it on. The library is SQLite in ``home`` unless
``$QUOTE_LIBRARY`` or the ``library`` key of ``config.toml`` names a PostgreSQL database; the
file is read only when the variable is unset, and only by a command that opens the library.
"""

from __future__ import annotations

import os
import sys

from quotecli.records import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any


@dataclass(frozen=True)
class Environment:
    stdout_tty: bool = False
    stdin_tty: bool = False
    stderr_tty: bool = False
    environ: dict = field(default_factory=dict)
    stdin: IO[Any] | None = None  # a text stream with ``.buffer`` (sys.stdin) or a bytes stream
    stdout: IO[str] | None = None
    stderr: IO[str] | None = None

    def color(self, choice: str = "auto") -> bool:
        """Whether to colour stdout, given ``--color=auto|always|never``."""
        if choice == "always":
            return True
        if choice == "never":
            return False
        env = self.environ
        if env.get("NO_COLOR"):
            return False
        force = env.get("FORCE_COLOR")
        if force is not None and force not in ("", "0", "false"):
            return True
        if env.get("TERM") == "dumb":
            return False
        return self.stdout_tty

    @property
    def out(self) -> IO[str]:
        return self.stdout if self.stdout is not None else sys.stdout

    @property
    def err(self) -> IO[str]:
        return self.stderr if self.stderr is not None else sys.stderr

    @property
    def stdin_bytes(self) -> IO[bytes]:
        """Standard input as bytes (phrases and drafts are decoded by ``text.decode``)."""
        stream: Any = self.stdin if self.stdin is not None else sys.stdin
        return stream.buffer if hasattr(stream, "buffer") else stream

    @property
    def locale(self) -> str:
        """The reader's locale as a BCP 47 tag (LC_ALL > LC_MESSAGES > LANG), else en-US."""
        from quotecli.text.lang import from_posix

        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            tag = from_posix(self.environ.get(var))
            if tag:
                return tag
        return "en-US"

    @property
    def home(self) -> str:
        """The user's library folder: $QUOTE_HOME, else the platform's data directory."""
        if self.environ.get("QUOTE_HOME"):
            return self.environ["QUOTE_HOME"]
        return _user_dir("data", self.environ)

    @property
    def config_file(self) -> str:
        """``config.toml``: in $QUOTE_HOME when set (a private home is private), else in the
        platform's config directory (``~/.config/quote`` on Linux)."""
        if self.environ.get("QUOTE_HOME"):
            return os.path.join(self.environ["QUOTE_HOME"], "config.toml")
        return os.path.join(_user_dir("config", self.environ), "config.toml")

    @property
    def library(self) -> str:
        """Where the library lives: a ``postgresql://`` URL from $QUOTE_LIBRARY, else from the
        config file's ``library`` key, else the SQLite library's folder, ``home``
        (:func:`is_database_url` tells them apart)."""
        url = self.environ.get("QUOTE_LIBRARY")
        origin = "QUOTE_LIBRARY"
        if not url:
            url, origin = _configured(self.config_file, "library"), self.config_file
        if not url:
            return self.home
        if not is_database_url(url):
            from quotecli.status import DataError

            # the value itself is not echoed: a URL may carry a password
            raise DataError(f"{origin}: the library must be a postgresql:// URL")
        return url

    @property
    def cache_dir(self) -> str:
        if self.environ.get("QUOTE_HOME"):
            return os.path.join(self.environ["QUOTE_HOME"], "cache")
        return _user_dir("cache", self.environ)


_POSTGRES = ("postgresql://", "postgres://")


def is_database_url(where: object) -> bool:
    """Whether a library location is a PostgreSQL URL (else it is a SQLite library's folder)."""
    return isinstance(where, str) and where.startswith(_POSTGRES)


_XDG = {"data": ("XDG_DATA_HOME", "/.local/share"), "config": ("XDG_CONFIG_HOME", "/.config"),
        "cache": ("XDG_CACHE_HOME", "/.cache")}  # fmt: skip


def _user_dir(kind: str, environ: dict) -> str:
    """quote's folder of this kind (data, config, cache) for this user.

    On Linux this is the XDG Base Directory rule as platformdirs applies it (``$XDG_*_HOME``
    when absolute, else under an absolute ``$HOME``; tests/test_context_dirs.py checks that both
    agree), without importing platformdirs on every run: 4.14 loads tempfile, shutil, bz2, lzma
    and random, 9 ms of a 65 ms start-up (issue 16). Elsewhere, or without an absolute HOME,
    platformdirs decides. Folders are strings, not ``pathlib`` paths: a plain search does not
    load pathlib (urllib.parse, ipaddress: about 7 ms, issue 16).
    """
    if sys.platform.startswith("linux"):
        var, default = _XDG[kind]
        base = environ.get(var) or ""
        if not base.startswith("/"):
            home = environ.get("HOME") or ""
            base = home.rstrip("/") + default if home.startswith("/") else ""
        if base:
            return os.path.normpath(os.path.join(base, "quote"))
    import platformdirs

    return str(getattr(platformdirs, f"user_{kind}_dir")("quote", appauthor=False))


def _configured(path: str, key: str):
    """One key of the config file (TOML); None when the file or the key is absent."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        from quotecli.status import DataError

        raise DataError(f"{path}: cannot read ({exc.strerror})") from None
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8")).get(key)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        from quotecli.status import DataError

        raise DataError(f"{path}: not a valid TOML file ({exc})") from None


def from_process() -> Environment:
    """The real process's environment. Streams are looked up when used, so a test harness
    that swaps ``sys.stdout`` (CliRunner, capsys) is honoured."""
    return Environment(
        stdout_tty=sys.stdout.isatty(),
        stdin_tty=sys.stdin.isatty(),
        stderr_tty=sys.stderr.isatty(),
        environ=dict(os.environ),
    )
