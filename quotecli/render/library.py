"""Printers of the library commands: ``quote sources``, ``show``, ``import`` and ``library init``.

Text from transcripts (ids, outlets, names, paragraphs) is data: every line is escaped
(``render.safe``) before it reaches a terminal. ``sources`` as text is one tab-separated line
per transcript, never cut (a pipe gets every speaker; a script wants ``--json``).
"""

from __future__ import annotations

import re

from quotecli.library.backend import Schema
from quotecli.render import safe
from quotecli.render.jsonl import dumps
from quotecli.results import Imported, ImportFailure, SourceRow
from quotecli.transcript import Source

_INTERNAL = re.compile(r"^__\w+__$")


def source_line(row: SourceRow, json_out: bool) -> str:
    """One transcript of ``quote sources``."""
    if json_out:
        return dumps(row.to_json())
    people = ", ".join(f"{p['name']} ({p['role']})" for p in row.speakers if p["role"] != "editor")
    turns = f"{row.turns} turn{'' if row.turns == 1 else 's'}"
    turns += f" ({row.unattributed} unattributed)" if row.unattributed else ""
    cells = (row.id, row.outlet or "", row.date or "n.d.", turns, people)
    return "\t".join(safe(c).replace("\t", " ") for c in cells)


def show(source: Source) -> str:
    """A transcript turn by turn, numbered, with each speaker's name and role and cue times."""
    head = [f"{source.id}: {source.outlet}, {source.date or 'n.d.'}"]
    if source.title:
        head.append(f"title: {source.title}")
    if source.interviewer:
        head.append(f"interviewer: {source.interviewer}")
    for sp in source.speakers:
        # a reader's own keys ("__unattributed__", "__editor__") were never printed in the file
        printed = [lab for lab in sp.labels if lab != sp.name and not _INTERNAL.match(lab)]
        aliases = ", ".join(printed)
        extra = f" — {sp.title}" if sp.title else ""
        extra += f" [labels: {aliases}]" if aliases else ""
        if sp.role == "unattributed" and not printed:
            extra += " — no speaker is named in the file for these words"
        head.append(f"speaker {sp.id}: {sp.name} ({sp.role}){extra}")
    out = [safe("\n".join(head))]
    for turn in source.turns:
        attrs = dict(turn.attrs)
        when = f" {attrs['start']}" if "start" in attrs else ""
        when += f"–{attrs['end']}" if when and attrs.get("end") else ""
        out.append("")
        # OCR: a label the reader kept as printed because it looks damaged is marked on every
        # turn it opens, so a person reviewing the attribution sees where to look (issue 12)
        mark = "  ! damaged label (OCR?)" if turn.speaker.title == "damaged label" else ""
        out.append(
            f"[{turn.index + 1}] {safe(turn.speaker.name)} ({turn.speaker.role}){safe(when)}{mark}"
        )
        for p in turn.paragraphs:
            out.append(safe(source.text[p.start : p.end]))
    return "\n".join(out)


def imported(item: Imported) -> str:
    """stdout: one line per transcript that went in."""
    return safe(f"imported {item.id} ({item.format}) from {item.path}")


def warning(item: Imported, text: str) -> str:
    """stderr: what a person should know about a file that went in."""
    return safe(f"quote: warning: {item.path}: {text}")


def failure(item: ImportFailure) -> str:
    """stderr: one line per file that did not go in."""
    return safe(f"quote: error: {item.path}: {item.reason}")


def import_summary(done: int, tried: int, failed: int) -> str | None:
    """stderr: the closing line of a multi-file or partly failed import (None: nothing to say)."""
    if failed:
        return f"quote: imported {done} of {tried} files; {failed} failed"
    if done > 1:
        return f"quote: imported {done} files"
    return None


def schema(done: Schema) -> str:
    """What ``quote library init`` did, in one line."""
    if done.before == done.after:
        what = f"schema version {done.after}, up to date"
    elif done.before is None:
        what = f"schema version {done.after} created"
    else:
        what = f"schema migrated from version {done.before} to {done.after}"
    if done.layouts:
        what += f"; {done.layouts:,} stored layouts made again"
    return safe(f"library ready: {done.backend} {done.where}, {what}")
