"""Turn the hostile suite's run log into REPORT.md's tables: per class, and per root cause.

    HOSTILE_LOG=/tmp/hostile.jsonl .venv/bin/python -m pytest tests/hostile
    .venv/bin/python tests/hostile/summarize.py /tmp/hostile.jsonl > /tmp/tables.md

Each logged run with a broken promise is assigned to the first root cause whose rule matches
(the rules below were written from reading the failures, and name the code responsible);
a failure that no rule matches is listed under "unclassified", so nothing is dropped.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict

CLASSES = {
    "C1": "1. phrases",
    "C2": "2. ids and paths",
    "C3": "3. malformed transcripts",
    "C4": "4. library faults",
    "C5": "5. big inputs / hangs",
    "C6": "6. exit codes",
}
HOLES = {"control", "outside", "hole"}


def _text(r) -> str:
    return " ".join([r["test"], r["note"], r["argv"], r["stderr_first"], r["tb_last"],
                     *(p[1] for p in r["problems"])])  # fmt: skip


def _kinds(r) -> set[str]:
    return {p[0] for p in r["problems"]}


# (key, short title, detail, rule): the rule sees the run record and the text of its failures.
RULES = [
    (
        "R01",
        "ids are used as file paths, unvalidated",
        "`--id ../../x`, an absolute id, or an id from a file's own front matter writes the "
        "transcript **outside QUOTE_HOME** (a sentinel overwritten), and `remove` of that id deletes "
        "the outside file; ids with newline, tab, CR, ESC, C1 are accepted (then printed raw, and a "
        "newline id breaks `sources`' one line per source). `Library.path` joins the id as is; "
        "neither `--id` nor the readers' id derivation is checked",
        lambda r, t: (
            r["cls"] == "C2"
            and ("import_with_hostile_id" in r["test"] or "derived_from" in r["test"])
            and r["note"] != "import a file with a hostile name"
        ),
    ),
    (
        "R02",
        "plain-text messages print ids and names raw",
        "`imported ID (FORMAT) from PATH`, `removed ID`, `quote: error: ID: …`, and `check`'s "
        "`these are the words of SPEAKER` carry ESC/BEL as they are: only the find/show/sources "
        "text renderers escape",
        lambda r, t: (
            "control" in _kinds(r)
            and (
                r["argv"].startswith(("'import'", "'remove'", "'show'", "'check' '/"))
                and "--json" not in r["argv"]
            )
        ),
    ),
    (
        "R03",
        "TSV escapes only tab, newline, backslash",
        "ESC, BEL, NUL, DEL and C1 from a phrase (the `query` column) or a transcript (speaker, "
        "quote, citation columns) go out raw in `find --format tsv`",
        lambda r, t: "control" in _kinds(r) and ("tsv" in r["argv"] or "tsv" in r["note"]),
    ),
    (
        "R04",
        "JSON leaves DEL and C1 raw",
        "`json.dumps(ensure_ascii=False)` escapes C0 but not U+007F–U+009F (CSI U+009B, OSC "
        "U+009D, NEL U+0085): raw in `find --json`, `sources --json`, `check --json`",
        lambda r, t: "control" in _kinds(r) and ("json" in r["argv"] or "json" in r["note"]),
    ),
    (
        "R05",
        "invalid UTF-8 on argv is searched, not refused",
        "the surrogate-escaped phrase is folded with the bad bytes dropped (`alternative \\xff "
        "OpenAI` is *found*, exit 0) or echoed in `No match for …` with raw C1 bytes (exit 1); "
        "README: invalid UTF-8 is exit 2. Fast path and full parser alike",
        lambda r, t: (
            r["cls"] == "C1"
            and ("argv-invalid-utf8" in r["note"] or "any_bytes_on_argv" in r["test"])
        ),
    ),
    (
        "R06",
        "invalid UTF-8 in option values unchecked",
        "import's --outlet/--title/--interviewer/--id/--encoding reach the UTF-8 writer "
        "(`Library.add` writing the staged file, or the encoding lookup): UnicodeEncodeError "
        "traceback, exit 1; --speaker (no match, exit 1), --interviewee and --role (imported, "
        "exit 0) take it silently",
        lambda r, t: "invalid-utf8" in r["note"] and r["cls"] == "C1",
    ),
    (
        "R07",
        "every library open empties staging/",
        "`Library.recover` unlinks whatever is in `staging/` each time any command opens the "
        "library: a concurrent import's (or search's) open sweeps another import's staged files, "
        "which then exits 2 (`No such file or directory: …staging/c0000….tmp`) *after* committing "
        "— its transcripts are listed with no file, `show` → traceback; and a user's own file in "
        "`QUOTE_HOME/staging/` is deleted. The two race cases are timing-dependent (see below)",
        lambda r, t: (
            "user file in QUOTE_HOME" in t
            or "after the race" in r["note"]
            or "while searches" in r["note"]
            or "after the import (" in r["note"]
            or "racing the other" in r["note"]
            or "two imports at once" in r["note"]
        ),
    ),
    (
        "R08",
        "unreadable transcript file at search time → traceback",
        "a library transcript that is damaged, deleted or not UTF-8 raises TranscriptError from "
        "`Library.load` through `find`/`show` to a traceback, exit 1 (`main` maps UsageError, "
        "OSError and sqlite3 errors, not TranscriptError)",
        lambda r, t: r["cls"] == "C4" and "TranscriptError" in t,
    ),
    (
        "R09",
        "damage to library.sqlite undetected",
        "no integrity check on open: commands that do not touch the damaged pages answer 0 from a "
        "malformed database; a zero-length library.sqlite is silently re-created empty (exit 0; "
        "the imported transcripts drop out of the library without a word, their files stay)",
        lambda r, t: r["note"].startswith("db-"),
    ),
    (
        "R10",
        "a read-only library cannot be searched",
        "`index.connect` sets `PRAGMA journal_mode=WAL` and runs the schema script on every open, "
        "which need to write: find/sources/show/check all fail with `attempt to write a readonly "
        "database`, exit 2",
        lambda r, t: "read-only" in r["note"],
    ),
    (
        "R11",
        ".quote.txt front matter not type-checked",
        "`speakers` as a string / int list / string list → AttributeError traceback; an int "
        "name/outlet/date, a table language, a string labels, an empty `:::` turn id are "
        "accepted (exit 0); a 3,000-deep TOML array → RecursionError (`transcript.parse`)",
        lambda r, t: r["note"].startswith("quote:") and "utf16" not in r["note"],
    ),
    (
        "R12",
        "UTF-16 (BOM) with an odd byte count → traceback",
        "`readers.decode` calls `raw.decode('utf-16')` for a BOM outside the try that guards "
        "`--encoding`: UnicodeDecodeError traceback, exit 1, for every format",
        lambda r, t: "utf16-odd" in r["note"],
    ),
    (
        "R13",
        "TEI reader tracebacks",
        "a deeply nested TEI document → RecursionError; an `<sp>` without `<speaker>` → "
        "AttributeError (exit 1)",
        lambda r, t: r["note"].startswith("tei:"),
    ),
    (
        "R14",
        "`quote check` is super-linear in quotation marks",
        "`drafts._inline` tests every mark against every pair already taken, `_attribution` scans "
        'every sentence and `draft.count` the whole draft per quotation: hangs on 10,000 `"`, '
        "alternating « », and on 20 MB and 50 MB drafts (the 50 MB one "
        "took 70 s in a probe run)",
        lambda r, t: r["note"].startswith("check:") and "hang" in _kinds(r),
    ),
    (
        "R15",
        "no bound on a CSL style's size",
        "a 300,000-element style is parsed and rendered for every citation: 24 s in a probe run, "
        "past the 20 s budget",
        lambda r, t: r["note"].startswith("style:") and "hang" in _kinds(r),
    ),
    (
        "R16",
        "pyperclip: an unconfirmed copy counts as success",
        "pyperclip ignores xclip's failure; the read-back mismatch is reported as 'unconfirmed' "
        "and exits 0 instead of 3, and xclip's `Error: Can't open display` leaks to stderr "
        "(`clipboard._pyperclip`)",
        lambda r, t: "pyperclip" in t or "--copy-what" in r["note"],
    ),
    (
        "R17",
        "no bound on phrase length",
        "a 1 MB phrase (200,000 words) against a library runs `matching` over every candidate "
        "window (stuck in `_evaluate`/`_score`/`_replaced`) past the budget",
        lambda r, t: r["note"] == "1MB-words-stdin-library",
    ),
    (
        "R18",
        "dates checked by shape only",
        "`--date` must match `^\\d{4}(-\\d{2}(-\\d{2})?)?$` (`\\d` takes Arabic-Indic digits, `$` a "
        "trailing newline) and a month 01–12; a day past the month's end (2023-02-29, 2024-02-30) "
        "and year 0000 pass, and so does 2023-02-29 in a file's front matter",
        lambda r, t: (
            r["note"].startswith("import:date-") or r["note"].startswith("import:file-date")
        ),
    ),
    (
        "R19",
        "empty or path-like option values become defaults",
        "`--style ''` (default style), `--speaker ''` (the filter is dropped), `--locale "
        "../../etc/passwd` (silent fallback) all exit 0",
        lambda r, t: r["note"] in ("find:style-empty", "find:speaker-empty", "find:locale-garbage"),
    ),
]


def classify(r) -> str:
    t = _text(r)
    for key, _short, _detail, rule in RULES:
        if rule(r, t):
            return key
    return "unclassified"


def main(path: str) -> None:
    runs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    table: dict[str, Counter] = defaultdict(Counter)
    groups: dict[str, list] = defaultdict(list)
    for r in runs:
        c = table[r["cls"]]
        c["tried"] += 1
        kinds = _kinds(r)
        if not kinds:
            continue
        c["failing"] += 1
        c["tracebacks"] += "traceback" in kinds
        c["hangs"] += "hang" in kinds
        c["wrong exits"] += "wrong_exit" in kinds
        c["holes"] += bool(kinds & HOLES)
        c["other"] += bool(kinds & {"noisy", "other"})
        groups[classify(r)].append(r)
    cols = ["tried", "failing", "tracebacks", "hangs", "wrong exits", "holes", "other"]
    print("| class | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    total = Counter()
    for cls in sorted(table):
        print(f"| {CLASSES.get(cls, cls)} | " + " | ".join(str(table[cls][c]) for c in cols)
              + " |")  # fmt: skip
        total.update(table[cls])
    print("| **all** | " + " | ".join(f"**{total[c]}**" for c in cols) + " |")
    print()
    print("| root cause | failing runs | classes | tracebacks | hangs | wrong exits | holes |")
    print("|---|---:|---|---:|---:|---:|---:|")
    order = [k for k, *_ in RULES] + ["unclassified"]
    shorts = {k: sh for k, sh, _, _ in RULES}
    details = {k: d for k, _, d, _ in RULES}
    for key in order:
        rs = groups.get(key)
        if not rs:
            continue
        n = Counter()
        for r in rs:
            k = _kinds(r)
            n["tb"] += "traceback" in k
            n["hang"] += "hang" in k
            n["exit"] += "wrong_exit" in k
            n["hole"] += bool(k & HOLES)
        classes = ", ".join(sorted({r["cls"] for r in rs}))
        print(f"| {key} {shorts.get(key, 'unclassified')} | {len(rs)} | {classes} | {n['tb']} "
              f"| {n['hang']} | {n['exit']} | {n['hole']} |")  # fmt: skip
    print()
    for key in order:
        rs = groups.get(key)
        if not rs:
            continue
        print(f"### {key} — {shorts.get(key, 'unclassified')}\n")
        print(details.get(key, "no rule matched these failures") + "\n")
        print("| case | command | exit (expected) | first stderr line / traceback's last line |")
        print("|---|---|---|---|")
        for r in rs:
            case = r["note"] or r["test"].split("::", 1)[-1]
            argv = re.sub(r"/tmp/pytest-of-[^ ']*/(inputs|sentinel)/", r"…/\1/", r["argv"])
            argv = re.sub(r"/tmp/pytest-of-[^ ']*", "…", argv)
            rc = "**hang**" if r["hang"] else r["rc"]
            err = r["tb_last"] or r["stderr_first"]
            other = "; ".join(
                p[1] for p in r["problems"] if p[0] not in ("wrong_exit", "hang", "traceback")
            )
            if other and other not in err:
                err = f"{err} — {other}" if err else other
            err = re.sub(r"/tmp/pytest-of-[^ ':]*", "…", err)[:200] or "(nothing on stderr)"
            cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
            exp = "/".join(str(e) for e in r["expect"])
            print(f"| {cell(case[:60])} | `{cell(argv[:110])}` | {rc} ({exp}) | {cell(err)} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/hostile.jsonl")
