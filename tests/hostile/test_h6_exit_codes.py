"""Class 6 — exit codes: every usage or data error is 2 (never 1, which reads as "no match",
never 0), with one line on stderr; the controls beside them (a valid leap day, ``--version``,
``completion bash``) are 0, so a blanket "everything is 2" would not pass either.
"""

from __future__ import annotations

import hostile_kit as kit
import pytest
from hostile_kit import Case

pytestmark = pytest.mark.hostile

P = kit.BUNDLED_PHRASE
IMPORT = ["--outlet", "Radio X", "--language", "en"]
DRAFT = "Marina Ferrari a déclaré : « Il faut donc se réjouir de cet accord. »\n"


def find(cid, args, expect=2, **kw) -> Case:
    return Case(f"find:{cid}", ["find", *args], expect, **kw)


def imp(cid, args, expect=2, files=None, **kw) -> Case:
    """``quote import RADIO ARGS``: RADIO is the valid dialogue transcript, in inputs."""
    return Case(f"import:{cid}", lambda sb: ["import", *[sb.inputs / "radio.txt" if a == "RADIO"
                                                         else a for a in args]], expect,
                files=files or {"radio.txt": kit.RADIO}, **kw)  # fmt: skip


def chk(cid, args, expect=2, files=None, **kw) -> Case:
    return Case(f"check:{cid}", lambda sb: ["check", *[sb.inputs / a[3:] if isinstance(a, str)
                                                       and a.startswith("IN:") else a
                                                       for a in args]], expect,
                files=files or {"d.md": DRAFT}, **kw)  # fmt: skip


CASES: list[Case] = [
    find("limit-abc", ["--limit", "abc", P]),
    find("limit-0", ["--limit", "0", P]),
    find("limit-negative", ["-n", "-5", P]),
    find("limit-missing-value", [P, "--limit"]),
    find("min-score-text", ["--min-score", "x", P]),
    find("min-score-negative", ["--min-score", "-1", P]),
    find("min-score-101", ["--min-score", "101", P]),
    find("min-score-nan", ["--min-score", "nan", P]),
    find("span", ["--span", "word", P]),
    find("role", ["--role", "boss", P]),
    find("format", ["--format", "xml", P]),
    find("field", ["--field", "all", P]),
    find("color", ["--color", "sometimes", P]),
    find("copy-what", ["--copy-what", "all", P]),
    find("style-unknown", ["--style", "no-such-style", P]),
    find("style-empty", ["--style", "", P]),
    find("style-missing-file", ["--style", "nope/missing.csl", P]),
    find("style-directory", ["--style", "/etc", P]),
    find("locale-unknown", ["--locale", "xx-YY", P]),
    find("locale-garbage", ["--locale", "../../etc/passwd", P]),
    find("source-unknown", ["--source", "nope", P]),
    find("source-empty", ["--source", "", P]),
    find("speaker-empty", ["--speaker", "", P]),
    find("unknown-option", ["--bogus", P]),
    find("empty-phrase", [""]),
    find("blank-phrase", ["   "]),
    find("punctuation-phrase", ["!!! ... ?"]),
    find("json-and-format-tsv", ["--json", "--format", "tsv", P], {0, 2}),
    Case("plain:unknown-option", ["--bogus", P], 2),
    Case("plain:empty-phrase", [""], 2),
    Case("env:QUOTE_STYLE-unknown", ["find", P], 2, env={"QUOTE_STYLE": "no-such-style"}),
    Case("env:QUOTE_STYLE-missing-file", ["find", P], 2, env={"QUOTE_STYLE": "/nope/x.csl"}),
    Case(
        "env:QUOTE_CLIPBOARD-unknown",
        ["find", "--copy", P],
        {2, 3},
        env={"QUOTE_CLIPBOARD": "carrier-pigeon"},
    ),
    imp("missing-file", ["nope/missing.txt", *IMPORT]),
    imp("no-paths", []),
    imp("format-unknown", ["RADIO", *IMPORT, "--format", "docx"]),
    imp("date-2024-13", ["RADIO", *IMPORT, "--date", "2024-13"]),
    imp("date-2023-02-29", ["RADIO", *IMPORT, "--date", "2023-02-29"]),
    imp("date-2024-02-30", ["RADIO", *IMPORT, "--date", "2024-02-30"]),
    imp("date-2024-00", ["RADIO", *IMPORT, "--date", "2024-00"]),
    imp("date-0000", ["RADIO", *IMPORT, "--date", "0000"]),
    imp("date-2024-1", ["RADIO", *IMPORT, "--date", "2024-1"]),
    imp("date-slashes", ["RADIO", *IMPORT, "--date", "2024/02/01"]),
    imp("date-with-time", ["RADIO", *IMPORT, "--date", "2024-02-29T00:00"]),
    imp("date-empty", ["RADIO", *IMPORT, "--date", ""]),
    imp("date-arabic-digits", ["RADIO", *IMPORT, "--date", "٢٠٢٤"]),
    imp("date-trailing-newline", ["RADIO", *IMPORT, "--date", "2024\n"]),
    imp("role-no-equals", ["RADIO", *IMPORT, "--role", "Jane Roe"]),
    imp("role-unknown", ["RADIO", *IMPORT, "--role", "Jane Roe=wizard"]),
    imp("role-no-name", ["RADIO", *IMPORT, "--role", "=guest"]),
    imp("encoding-unknown", ["RADIO", *IMPORT, "--encoding", "klingon-8"]),
    imp("encoding-wrong", ["RADIO", *IMPORT, "--encoding", "utf-32"]),
    imp(
        "id-with-two-files",
        ["RADIO", "RADIO2", *IMPORT, "--id", "x"],
        files={"radio.txt": kit.RADIO, "radio2.txt": kit.RADIO},
    ),
    imp("id-already-there", ["RADIO", *IMPORT, "--id", "radio"], library=True),
    imp("id-of-the-bundled-transcript", ["RADIO", *IMPORT, "--id", kit.BUNDLED_ID]),
    imp(
        "file-date-2023-02-29",
        ["IN:pod.md"],
        files={"pod.md": kit.MARKDOWN.replace("2024-03-05", "2023-02-29")},
    ),
    imp(
        "file-date-2024-13-01",
        ["IN:t1.quote.txt"],
        files={"t1.quote.txt": kit.QUOTE_TXT.replace("2024-03-05", "2024-13-01")},
    ),
    # controls: valid, so 0
    imp("control-date-2024-02-29", ["RADIO", *IMPORT, "--date", "2024-02-29"], 0),
    imp("control-date-2024", ["RADIO", *IMPORT, "--date", "2024"], 0),
    chk("missing-file", ["nope/missing.md"]),
    chk("directory", ["IN:"]),
    chk("invalid-utf8", ["IN:bad.md"], files={"bad.md": b"\xc2\xab Il faut \xff \xc2\xbb\n"}),
    chk("binary", ["IN:bin.md"], files={"bin.md": bytes(range(256)) * 8}),
    chk("utf16", ["IN:u.md"], files={"u.md": DRAFT.encode("utf-16")}),
    chk("style-unknown", ["--style", "no-such-style", "IN:d.md"]),
    chk("locale-unknown", ["--locale", "xx-YY", "IN:d.md"]),
    chk("color", ["--color", "sometimes", "IN:d.md"]),
    chk("no-draft", []),
    chk("stdin-invalid-utf8", ["-"], stdin=b"\xc2\xab Il faut \xff \xc2\xbb\n"),
    chk("control-empty-draft", ["IN:e.md"], 0, files={"e.md": ""}),
    Case("show:no-id", ["show"], 2),
    Case("show:unknown", ["show", "nope"], 2),
    Case("show:extra-argument", ["show", kit.BUNDLED_ID, "extra"], 2),
    Case("remove:no-id", ["remove"], 2),
    Case("remove:unknown", ["remove", "nope"], 2),
    Case("remove:bundled", ["remove", kit.BUNDLED_ID], 2),
    Case("completion:unknown-shell", ["completion", "tcsh"], 2),
    Case("completion:no-shell", ["completion"], 2),
    Case("sources:extra-argument", ["sources", "extra"], 2),
    Case("sources:unknown-option", ["sources", "--bogus"], 2),
    Case("control:version", ["--version"], 0),
    Case("control:help", ["--help"], 0, max_stderr_lines=0),
    Case("control:completion-bash", ["completion", "bash"], 0),
    Case("control:find-help", ["find", "--help"], 0),
]


def _fix(case: Case) -> None:
    """Arguments that name more than the radio transcript."""
    if case.id == "import:id-with-two-files":
        case.args = lambda sb: ["import", sb.inputs / "radio.txt", sb.inputs / "radio2.txt",
                                *IMPORT, "--id", "x"]  # fmt: skip
    elif case.id.startswith("import:file-date"):
        name = next(iter(case.files))
        case.args = lambda sb, name=name: ["import", sb.inputs / name]


for c in CASES:
    _fix(c)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h6"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_exit_code(batch, case):
    kit.verify(batch, case)
