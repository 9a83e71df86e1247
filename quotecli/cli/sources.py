"""``quote sources``, ``quote show ID`` and ``quote remove ID``: the library, looked at and pruned.

``sources`` lists the bundled transcripts and the library's (id, outlet, date, speakers,
turns), as text columns or JSON Lines (``--json``: one object a source, ``schema`` 1).
``show`` prints one transcript turn by turn, numbered, with each speaker's name and role and a
timed turn's cue times, so a person can review who was given which words. ``remove`` takes a
library transcript out (a bundled one cannot be). Text from transcripts is data: control
characters are escaped before they reach a terminal.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from quotecli import context as contextmod
from quotecli.status import ExitStatus, UsageError

SCHEMA = 1


def clean(text: str | None) -> str:
    """A transcript's text made safe for a terminal (``render.safe``); None is empty."""
    from quotecli.render import safe

    return safe(text or "")


@dataclass(frozen=True)
class SourcesConfig:
    json_out: bool = False


@dataclass(frozen=True)
class ShowConfig:
    source_id: str


def _rows(ctx) -> list[dict]:
    from quotecli import library

    rows = []
    for s in library.bundled_sources():
        speakers = [{"id": p.id, "name": p.name, "role": p.role} for p in s.speakers]
        rows.append({"id": s.id, "outlet": s.outlet, "date": s.date, "title": s.title,
                     "language": s.language, "speakers": speakers, "turns": len(s.turns),
                     "format": "quote", "bundled": True})  # fmt: skip
    if library.exists(ctx.home):
        lib = library.Library(ctx.home)
        try:
            rows += [dict(e.to_json(), bundled=False) for e in lib.entries()]
        finally:
            lib.close()
    return rows


def run_sources(config: SourcesConfig, ctx: contextmod.Context | None = None) -> int:
    """List the transcripts quote searches."""
    ctx = ctx or contextmod.from_process()
    out = sys.stdout
    for row in _rows(ctx):
        if config.json_out:
            row = {"schema": SCHEMA, **{k: row.get(k) for k in
                   ("id", "outlet", "date", "title", "language", "speakers", "turns", "format",
                    "bundled")}}  # fmt: skip
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
            continue
        people = ", ".join(f"{p['name']} ({p['role']})" for p in row["speakers"]
                           if p["role"] != "editor")  # fmt: skip
        if len(people) > 70:
            people = people[:69] + "…"
        line = f"{row['id']}\t{row['outlet']}\t{row['date'] or 'n.d.'}\t{row['turns']} turns\t"
        out.write(clean(line + people) + "\n")
    return ExitStatus.OK


def _load(ctx, source_id: str):
    from quotecli import library

    for s in library.bundled_sources():
        if s.id == source_id:
            return s
    if not library.exists(ctx.home):
        raise UsageError(f"{source_id}: no such source (see quote sources)")
    lib = library.Library(ctx.home)
    try:
        if not lib.has(source_id):
            raise UsageError(f"{source_id}: no such source (see quote sources)")
        return lib.load(source_id)
    finally:
        lib.close()


def run_show(config: ShowConfig, ctx: contextmod.Context | None = None) -> int:
    """Print a transcript turn by turn, numbered, with its speakers."""
    ctx = ctx or contextmod.from_process()
    source = _load(ctx, config.source_id)
    out = sys.stdout
    head = [f"{source.id}: {source.outlet}, {source.date or 'n.d.'}"]
    if source.title:
        head.append(f"title: {source.title}")
    if source.interviewer:
        head.append(f"interviewer: {source.interviewer}")
    for sp in source.speakers:
        aliases = ", ".join(lab for lab in sp.labels if lab != sp.name)
        extra = f" — {sp.title}" if sp.title else ""
        extra += f" [labels: {aliases}]" if aliases else ""
        head.append(f"speaker {sp.id}: {sp.name} ({sp.role}){extra}")
    out.write(clean("\n".join(head)) + "\n")
    for turn in source.turns:
        attrs = dict(turn.attrs)
        when = f" {attrs['start']}–{attrs.get('end', '')}" if "start" in attrs else ""
        out.write(f"\n[{turn.index + 1}] {clean(turn.speaker.name)} ({turn.speaker.role}){when}\n")
        for p in turn.paragraphs:
            out.write(clean(source.text[p.start : p.end]) + "\n")
    return ExitStatus.OK


def run_remove(config: ShowConfig, ctx: contextmod.Context | None = None) -> int:
    """Take a transcript out of the library."""
    from quotecli import library

    ctx = ctx or contextmod.from_process()
    if any(s.id == config.source_id for s in library.bundled_sources()):
        raise UsageError(f"{config.source_id}: a bundled transcript cannot be removed")
    lib = library.Library(ctx.home)
    try:
        lib.remove(config.source_id)
    except library.LibraryError as exc:
        raise UsageError(str(exc)) from None
    finally:
        lib.close()
    print(f"removed {config.source_id}")
    return ExitStatus.OK
