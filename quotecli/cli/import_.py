"""``quote import FILE|DIR…``: raw transcripts in, the library's transcripts out.

Each file is read and converted on its own (``quotecli.readers.convert``); a file that cannot be
(binary, unknown encoding, empty, no speakers, metadata missing, id already taken) is one
``quote: error: FILE: …`` line on stderr while the others go through. Everything converted is
then added to the library in one transaction (``Library.add``): all of it or, if the run is
killed, none of it. The original files are only read. Exit 0 when every file was imported,
2 when any was not, with a summary line on stderr.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from quotecli import context as contextmod
from quotecli.status import ExitStatus, UsageError

# Extensions picked up when a folder is given (a file named on the command line is always read).
EXTENSIONS = (".txt", ".md", ".markdown", ".xml", ".htm", ".html", ".vtt", ".srt", ".tei",
              ".json")  # fmt: skip


@dataclass(frozen=True)
class ImportConfig:
    paths: tuple[Path, ...]
    fmt: str | None
    options: tuple[tuple[str, str], ...]  # outlet, date, title, url, interviewer, interviewee…
    roles: tuple[tuple[str, str], ...]
    source_id: str | None
    encoding: str | None
    force: bool

    @classmethod
    def build(cls, *, paths, fmt, outlet, date, title, url, interviewer, language, roles,
              source_id, encoding, force, interviewee=None) -> ImportConfig:  # fmt: skip
        """Check every option once; a bad one is a UsageError naming it."""
        from quotecli.readers import FORMATS
        from quotecli.readers.builder import ReaderError, parse_roles

        if not paths:
            raise UsageError("nothing to import: pass one or more files or folders")
        if fmt is not None and fmt not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
        if date is not None:
            import re

            if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", date):
                raise UsageError(f"--date must be YYYY, YYYY-MM or YYYY-MM-DD (got {date!r})")
        try:
            parsed_roles = parse_roles(tuple(roles))
        except ReaderError as exc:
            raise UsageError(str(exc)) from None
        files = _expand([Path(p) for p in paths])
        if source_id is not None and len(files) != 1:
            raise UsageError("--id names one transcript: import one file with it")
        opts = dict(outlet=outlet, date=date, title=title, url=url, interviewer=interviewer,
                    interviewee=interviewee, language=language)  # fmt: skip
        return cls(
            tuple(files), fmt, tuple((k, v) for k, v in opts.items() if v),
            tuple(parsed_roles.items()), source_id, encoding, force,
        )  # fmt: skip


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(
                f for f in p.rglob("*")
                if f.is_file() and not f.name.startswith(".")
                and f.name.lower().endswith(EXTENSIONS)
            )  # fmt: skip
        elif p.exists():
            files.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return files


def run(config: ImportConfig, ctx: contextmod.Context | None = None) -> int:
    """Import every file; return the exit status."""
    from quotecli import readers
    from quotecli.library import Item, Library, LibraryError
    from quotecli.transcript import TranscriptError

    ctx = ctx or contextmod.from_process()
    lib = Library(ctx.home)
    lib.has("")  # open the library now: an unusable home is one error, not one per file
    err = sys.stderr
    failed = 0
    items: list[tuple[Path, Item, readers.Converted]] = []
    ids: set[str] = set()
    for path in config.paths:
        try:
            raw = path.read_bytes()
            got = readers.convert(
                raw, path.name, fmt=config.fmt, options=dict(config.options),
                roles=dict(config.roles), source_id=config.source_id, encoding=config.encoding,
            )  # fmt: skip
            if got.id in ids:
                raise LibraryError(f"id {got.id!r} given by two files (pass --id)")
            if not config.force and lib.has(got.id):
                raise LibraryError(f"{got.id} is already in the library (pass --force to replace)")
        except (TranscriptError, OSError) as exc:
            message = exc.strerror if isinstance(exc, OSError) else str(exc)
            print(f"quote: error: {path}: {message}", file=err)
            failed += 1
            continue
        ids.add(got.id)
        items.append((path, Item(got.id, got.text, got.format), got))
        for warning in got.warnings:
            print(f"quote: warning: {path}: {warning}", file=err)
    try:
        lib.add([item for _, item, _ in items], force=config.force)
    except TranscriptError as exc:
        raise UsageError(str(exc)) from None
    finally:
        lib.close()
    out = sys.stdout
    for path, item, got in items:
        out.write(f"imported {item.id} ({got.format}) from {path}\n")
    if failed:
        print(f"quote: imported {len(items)} of {len(config.paths)} files; {failed} failed",
              file=err)  # fmt: skip
        return ExitStatus.ERROR
    if len(items) > 1:
        print(f"quote: imported {len(items)} files", file=err)
    return ExitStatus.OK
