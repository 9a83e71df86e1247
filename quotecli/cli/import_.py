"""``quote import FILE|DIR…``: raw transcripts in, the library's transcripts out.

Each file is read and converted on its own (``quotecli.readers.convert``); a file that cannot be
(binary, unknown encoding, empty, no speakers, metadata missing, id already taken, the same
text as a transcript already in the library or earlier in the import) is one
``quote: error: FILE: …`` line on stderr while the others go through. Everything converted is
then added to the library in transactions of :data:`BATCH` files (``Library.add``): a batch
goes in whole or, if the run is killed, not at all, and only the files of the batch under way
are held in memory. On a terminal, stderr shows how far it has got. The original files are
only read. Exit 0 when every file was imported, 2 when any was not, with a summary line on
stderr.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quotecli import context as contextmod
from quotecli.status import QuoteError, UsageError

BATCH = 500  # files per transaction: memory stays flat, a kill loses at most one batch


@dataclass(frozen=True)
class ImportConfig:
    paths: tuple[Path, ...]
    fmt: str | None
    options: tuple[tuple[str, str], ...]  # outlet, date, title, url, interviewer, type, show…
    roles: tuple[tuple[str, str], ...]
    source_id: str | None
    encoding: str | None
    force: bool

    @classmethod
    def build(cls, *, paths, fmt, outlet, date, title, url, interviewer, language, roles,
              source_id, encoding, force, interviewee=None, source_type=None, show=None,
              episode=None, network=None) -> ImportConfig:  # fmt: skip
        """Check every option once; a bad one is a UsageError naming it."""
        from quotecli.readers import FORMATS
        from quotecli.readers.builder import parse_roles
        from quotecli.text import dates, ids

        if not paths:
            raise UsageError("nothing to import: pass one or more files or folders")
        if fmt is not None and fmt not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
        if date is not None:
            try:
                dates.check(date)
            except dates.DateError as exc:
                raise UsageError(f"--date must be YYYY, YYYY-MM or YYYY-MM-DD: {exc}") from None
        if source_id is not None:
            try:
                ids.check(source_id)
            except ids.IdError as exc:
                raise UsageError(f"--id: {exc}") from None
        if encoding is not None:
            import codecs

            try:
                codecs.lookup(encoding)
            except LookupError:
                raise UsageError(f"--encoding: unknown encoding {encoding!r}") from None
        if source_type is not None:
            from quotecli.cite.types import SOURCE_TYPES

            if source_type not in SOURCE_TYPES:
                raise UsageError(
                    f"--type must be one of {', '.join(SOURCE_TYPES)} (got {source_type!r})"
                )
        parsed_roles = parse_roles(tuple(roles))
        files = _expand([Path(p) for p in paths])
        if source_id is not None and len(files) != 1:
            raise UsageError("--id names one transcript: import one file with it")
        opts = dict(outlet=outlet, date=date, title=title, url=url, interviewer=interviewer,
                    interviewee=interviewee, language=language, type=source_type, show=show,
                    episode=episode, network=network)  # fmt: skip
        return cls(
            tuple(files), fmt, tuple((k, v) for k, v in opts.items() if v),
            tuple(parsed_roles.items()), source_id, encoding, force,
        )  # fmt: skip


def _expand(paths: list[Path]) -> list[Path]:
    from quotecli.readers import EXTENSIONS

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


def run(config: ImportConfig, env: contextmod.Environment | None = None) -> int:
    """Import every file; return the exit status."""
    from quotecli import readers
    from quotecli.deliver import emit
    from quotecli.library import Item, LibraryError, open_library
    from quotecli.library.backend import digest, duplicate
    from quotecli.render import library as printer
    from quotecli.results import Imported, ImportFailure
    from quotecli.status import outcome

    env = env or contextmod.from_process()
    failed = 0
    batch: list[tuple[Item, Imported]] = []
    done = 0
    ids: set[str] = set()
    contents: dict[str, str] = {}  # digest → id, of the files of this import
    progress = env.stderr_tty and len(config.paths) > 1

    def commit() -> None:
        # One transaction per batch: a killed import loses at most the batch under way,
        # never half a source; a line "imported …" is printed once its batch is committed.
        nonlocal done
        lib.add([item for item, _ in batch], force=config.force)
        if progress:
            env.err.write("\r\x1b[K")
        for _, report in batch:
            emit(env.out, printer.imported(report))
        done += len(batch)
        batch.clear()

    with open_library(env) as lib:
        lib.has("")  # open the library now: an unusable home is one error, not one per file
        for n, path in enumerate(config.paths, 1):
            if progress and n % 25 == 1:
                env.err.write(f"\rimporting {n:,} of {len(config.paths):,} files…")
                env.err.flush()
            try:
                raw = path.read_bytes()
                got = readers.convert(
                    raw, path.name, fmt=config.fmt, options=dict(config.options),
                    roles=dict(config.roles), source_id=config.source_id,
                    encoding=config.encoding,
                )  # fmt: skip
                if got.id in ids:
                    raise LibraryError(f"id {got.id!r} given by two files (pass --id)")
                if not config.force and lib.has(got.id):
                    raise LibraryError(
                        f"{got.id} is already in the library (pass --force to replace)"
                    )
                key = digest(got.source) if got.source is not None else None
                if key is not None and not config.force:
                    if key in contents:
                        raise duplicate(got.id, contents[key], "imported from another file")
                    other = lib.same_content(key)
                    if other is not None and other != got.id:
                        raise duplicate(got.id, other)
            except (QuoteError, OSError) as exc:
                reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
                if progress:
                    env.err.write("\r\x1b[K")
                emit(env.err, printer.failure(ImportFailure(str(path), reason)))
                failed += 1
                continue
            ids.add(got.id)
            if key is not None:
                contents[key] = got.id
            report = Imported(str(path), got.id, got.format, got.warnings)
            batch.append((Item(got.id, got.text, got.format, got.source), report))
            for warning in got.warnings:
                if progress:
                    env.err.write("\r\x1b[K")
                emit(env.err, printer.warning(report, warning))
            if len(batch) >= BATCH:
                commit()
        if batch:
            commit()
        elif progress:
            env.err.write("\r\x1b[K")
    summary = printer.import_summary(done, len(config.paths), failed)
    if summary:
        emit(env.err, summary)
    return outcome(errors=failed)
