"""Score a blind query table (kind, source, lang, query, expect, role, quote_starts, note).

The table's sources are the bundled interview (``bundled``) or files of
``../shared/corpus/formats`` imported into a throwaway library first. For every row:

- ``found`` rows: found, and one shown match of the expected role whose sentence starts with
  ``quote_starts`` (the "right sentence with its speaker");
- ``absent`` rows: not found (abstention); where ``quote_starts`` is given, whether the closest
  passage shown is that sentence (the "real words beside it").

Prints per kind: rows, right answers, wrong "found" (abstention broken), closest right.
Usage: ``python benchmarks/blind_queries.py TABLE.tsv [--show-failures] [--semantic]
[--sources DIR] [--library URL|DIR] [--dump OUT.tsv]`` (``--sources``: a folder that holds the
table's other transcripts, e.g. PM files taken from the corpus archive;
``../shared/corpus/formats`` otherwise)
(``--semantic``: the closest passage may be chosen by meaning, ``matching.semantic``;
``--library``: the table's transcripts are imported into that library, a large one say, and
searched among all it holds, issue 15; ``--dump``: each row's answer, one line per row, to
compare two runs with ``diff``).
"""

from __future__ import annotations

import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = REPO.parent / "shared" / "corpus" / "formats"
IMPORT = {
    # a debate has no interviewee: the user names the minister whose answers they quote
    "20130129.txt": ["--format", "assemblee", "--role", "Christiane Taubira=interviewee"],
    "the-changelog-300.md": [
        "--outlet",
        "The Changelog",
        "--date",
        "2018-05-26",
        "--role",
        "Zed Shaw=interviewee",
        "--role",
        "Adam Stacoviak=interviewer",
        "--role",
        "Jerod Santo=interviewer",
    ],  # the show's guest and its two hosts, as a listener would give them
    "go-time-100.md": [
        "--outlet",
        "Go Time",
        "--role",
        "Rob Pike=interviewee",
        "--role",
        "Robert Griesemer=interviewee",
        "--role",
        "Carmen Andoh=interviewer",
        "--role",
        "Jon Calhoun=interviewer",
    ],  # as a listener would give them: the hosts introduce "our two guests today"
    "transcript-15569.xml": ["--role", "President Bush=interviewee"],  # a joint press conference
    "E100.mp3.vtt": ["--outlet", "The Seen and the Unseen"],  # the file names no outlet
    # blind-11's wild files (tests/fixtures/wild, ``--sources``), with the options of their keys
    "hannity-trump-factbase.txt": [
        "--interviewee",
        "Donald Trump",
        "--interviewer",
        "Sean Hannity",
        "--outlet",
        "Fox News",
        "--date",
        "2025-01-22",
    ],
    "godot-usagi-shima.md": [
        "--interviewee",
        "Jess",
        "--interviewer",
        "Emi",
        "--outlet",
        "Godot Engine",
        "--date",
        "2023-09-01",
    ],
    "an-seance-2013-01-29.asp": [
        "--outlet",
        "Assemblée nationale",
        "--date",
        "2013-01-29",
        "--language",
        "fr",
    ],
    # blind-12's, files23's (the options of their keys, roles given as --interviewee/--interviewer)
    "grinnell-french-yeager-1982.txt": [
        "--outlet",
        "Grinnell College",
        "--interviewee",
        "Rebecca Conard French",
        "--interviewer",
        "Stuart Yeager",
        "--date",
        "1982-02-26",
    ],
    "ncssm-forney-sitton-2015.csv": [
        "--outlet",
        "History Museum of Burke County",
        "--interviewee",
        "Charles Forney",
        "--interviewer",
        "Claude Sitton",
        "--date",
        "2015-10-01",
    ],
    "publico-zahradil-de.md": [
        "--outlet",
        "Publico",
        "--interviewee",
        "Jan Zahradil",
        "--date",
        "2019-05-20",
        "--language",
        "de",
    ],
    "gsf-envvars-ep60-goldenring.md": [
        "--outlet",
        "Environment Variables",
        "--interviewee",
        "Kate Goldenring",
        "--interviewer",
        "Chris Adams",
    ],
    "legasee-avent-2011.pdf": ["--outlet", "Legasee", "--interviewee", "Catherine Avent"],
    "civil-rights-amos-brown.srt": [
        "--interviewee",
        "Amos C. Brown",
        "--interviewer",
        "David Cline",
        "--outlet",
        "Civil Rights History Project",
        "--date",
        "2013-03-02",
    ],
    # blind-13's: the table's author took the chair of a press conference for its interviewee
    # (the files24 key called him "other"); its other files take their keys' options
    "fomc-powell-press-conference-2020-03-03.pdf": [
        "--outlet",
        "Federal Reserve",
        "--date",
        "2020-03-03",
        "--language",
        "en",
        "--role",
        "Chair Powell=interviewee",
        *(
            f"--role={name}=interviewer"
            for name in (
                "Nick Timiraos",
                "Jim Tankersley",
                "Heather Scott",
                "Heather Long",
                "Brendan Greeley",
                "Rich Miller",
                "Ylan Mui",
                "Christopher Rugaber",
            )
        ),  # fmt: skip
    ],
}  # PM XML files need no option


def _home(sources: set[str], folder: Path = FORMATS, into: str | None = None) -> str:
    home = tempfile.mkdtemp(prefix="quote-blind-")
    for name in sorted(sources - {"bundled"}):
        path = folder / name if (folder / name).exists() else FORMATS / name
        args = IMPORT.get(name) or _key_options(path)
        argv = [sys.executable, "-m", "quotecli", "import", str(path), *args]
        env = dict(os.environ, QUOTE_HOME=home)
        if into:  # a PostgreSQL URL, or a SQLite library's folder
            env["QUOTE_LIBRARY" if "://" in into else "QUOTE_HOME"] = into
        subprocess.run(argv, env=env, capture_output=True, check=False)
    return home


def _key_options(path: Path) -> list[str]:
    """The options of a wild fixture's answer key (``X.expect.json`` beside it), as a user
    types them, as ``tests/test_readers_wild.py`` gives them (a key's "other" is "speaker")."""
    stem = path.name
    while "." in stem and not (path.parent / f"{stem}.expect.json").exists():
        stem = stem.rsplit(".", 1)[0]
    key = path.parent / f"{stem}.expect.json"
    if not key.exists():
        return []
    options = json.loads(key.read_text(encoding="utf-8")).get("options") or {}
    # a file that names no outlet is imported as the harness does, with a stand-in
    args: list[str] = [] if "outlet" in options else ["--outlet", "Outlet not given (stand-in)"]
    for name, value in options.items():
        values = value if isinstance(value, list) else [value]
        if name == "role":
            args += [a for v in values for a in ("--role", re.sub(r"=other$", "=speaker", v))]
        else:
            args += [f"--{name}", "; ".join(values)]
    return args


def _role(table: str, got: str) -> bool:
    """The tool's role is the table's: a table's "other" (anyone neither asked nor asking) is
    the tool's "speaker" at an event that is not an interview (a debate's deputies)."""
    return got == table or (table == "other" and got == "speaker")


def _starts(text: str, source, start: int, starts: str) -> bool:
    """The passage (a quotation, a closest passage) starts with ``starts``, or its speaker's
    turn holds ``starts`` before it: tables name the passage by its paragraph, by the start of
    the whole turn (of one speaker's run of turns, where a file splits one speaker's speech in
    blocks) or by the block of the turn it is in."""
    if text.startswith(starts):
        return True
    turns = source.turns
    here = next((k for k, t in enumerate(turns) if t.start <= start < t.end), None)
    if here is None:
        return False
    k = here  # back over the speaker's turns, and the page furniture between them
    while k > 0 and (turns[k - 1].speaker == turns[here].speaker
                     or turns[k - 1].speaker.role == "editor"):  # fmt: skip
        k -= 1
    # or a block of that turn before the passage (a timecoded table's rows, one answer)
    return source.text.find(starts, turns[k].start, start + len(text)) >= 0


def main(argv: list[str]) -> int:
    table = Path(argv[0])
    show = "--show-failures" in argv
    rows = list(csv.DictReader(table.open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if r.get("query")]
    folder = Path(argv[argv.index("--sources") + 1]) if "--sources" in argv else FORMATS
    into = argv[argv.index("--library") + 1] if "--library" in argv else None
    dump = open(argv[argv.index("--dump") + 1], "w") if "--dump" in argv else None  # noqa: SIM115
    os.environ["QUOTE_HOME"] = _home({r["source"] for r in rows}, folder, into)
    from quotecli import library
    from quotecli.search import QueryError, Searcher, SearchOptions

    sources = library.provider(into or Path(os.environ["QUOTE_HOME"]))
    ranker = None
    if "--semantic" in argv:
        from quotecli.matching import semantic

        ranker = semantic.Ranker(Path(os.environ["QUOTE_HOME"]) / "cache")
    searcher = Searcher(sources, ranker=ranker)
    score = collections.defaultdict(collections.Counter)
    for r in rows:
        kind = r["kind"]
        s = score[kind]
        s["rows"] += 1
        try:
            res = searcher.search(r["query"], SearchOptions(limit=3))
        except QueryError:
            s["error"] += 1
            continue
        starts = r["quote_starts"]
        if dump is not None:
            first = res.matches[0] if res.matches else None
            print(r["query"], res.found, first and first.quote, first and first.speaker.name,
                  first and first.speaker.role, res.closest and res.closest.text, sep="\t",
                  file=dump)  # fmt: skip
        if r["expect"] == "found":
            shown = res.matches if res.ambiguous else res.matches[:1]
            ok = res.found and any(
                _starts(m.quote, m.source, m.start, starts.strip())
                and (not r["role"] or _role(r["role"], m.speaker.role))
                for m in shown
            )
            s["right"] += ok
            if show and not ok:
                got = (
                    shown[0].quote[:60]
                    if res.found
                    else f"closest={res.closest and res.closest.text[:50]!r}"
                )
                print(f"MISS {kind}: {r['query'][:70]!r} -> {got}")
        else:
            s["right"] += not res.found
            if res.found:
                s["wrongly_found"] += 1
                if show:
                    got = res.matches[0].quote[:60]
                    print(f"FOUND {kind} ({r['note']}): {r['query'][:70]!r} -> {got!r}")
            if starts:
                s["closest_rows"] += 1
                near = res.closest.text if res.closest else ""
                right = bool(near) and (
                    starts.strip()[:15] in near
                    or _starts(near, res.closest.source, res.closest.start, starts.strip())
                )
                s["closest_right"] += right
                if show and not right:
                    by = getattr(res.closest, "by", "-")
                    print(f"NEAR {kind}: {r['query'][:60]!r} -> ({by}) {near[:50]!r}"
                          f" [want {starts.strip()[:20]!r}]")  # fmt: skip
    print(f"{'kind':15} rows right wrongly_found closest_right/rows")
    total = collections.Counter()
    for kind, s in sorted(score.items()):
        total.update(s)
        print(f"{kind:15} {s['rows']:4} {s['right']:5} {s['wrongly_found']:13} "
              f"{s['closest_right']:6}/{s['closest_rows']}")  # fmt: skip
    print(f"{'all':15} {total['rows']:4} {total['right']:5} {total['wrongly_found']:13} "
          f"{total['closest_right']:6}/{total['closest_rows']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
