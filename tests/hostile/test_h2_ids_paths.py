"""Class 2 — ids and paths: an id is a file name inside the library, and nothing else.

``quote import --id ID`` with ids that climb out (``../../x``), are absolute, hold ``/``, start
with a dot, hold a newline, a tab, an escape sequence, or are 300 characters long; ids that come
from a file's name or from its content (front matter, a PM transcript's number); ``show`` and
``remove`` with the same ids; a QUOTE_HOME that already holds the user's own files. Sentinel
files wait where an escaping id would write (``Sandbox``): they must survive byte-identical,
and nothing may appear beside the library. An id the library cannot hold is refused (exit 2,
one line); an id it accepts must then work everywhere (sources, show, find --source, remove).
"""

from __future__ import annotations

import json

import hostile_kit as kit
import pytest

pytestmark = pytest.mark.hostile

IMPORT = ["--outlet", "Radio X", "--date", "2024-05-02"]

# (id, exits allowed): 2 for what cannot be a file name in the library; {0, 2} for what may be
# accepted if it then works everywhere.
IDS = [
    ("../../x", {2}),  # → o4/x.quote.txt, a sentinel
    ("../../../x", {2}),
    ("ABS", {2}),  # replaced by the sentinel folder's absolute path + /precious
    ("a/b", {2}),
    ("./x", {2}),
    (".hidden", {0, 2}),
    ("..", {0, 2}),
    ("a\nb", {2}),
    ("a\tb", {2}),
    ("a\rb", {2}),
    ("a\x1b]0;pwned\x07b", {2}),
    ("\x1b[2J\x1b[H", {2}),
    ("a\x9bb", {2}),
    ("a" * 300, {2}),
    ("é" * 130, {2}),  # 260 bytes in UTF-8
    ("-rf", {0, 2}),
    ("\u202eevil", {0, 2}),
]
DEEP = {"../../x", "ABS"}  # accepted anyway: follow them to show what show/remove then do


def _id(raw: str, sb: kit.Sandbox) -> str:
    return str(sb.sentinel / "precious") if raw == "ABS" else raw


def _rows(n: int):
    def post(sb, res):
        rows = [r for r in res.text.splitlines() if r]
        return [] if len(rows) == n else [kit.problem(
            "hole", f"sources prints {len(rows)} lines for {n} sources: an id or name breaks "
                    "the one-line-per-source format")]  # fmt: skip

    return post


def _listed(source_id: str):
    def post(sb, res):
        return (
            []
            if source_id in kit.sources_ids(res)
            else [
                kit.problem("other", f"imported id {source_id!r} is not listed by sources --json")
            ]
        )

    return post


def _new_id(done) -> str | None:
    """The one id besides the bundled one, from the last ``sources --json`` step run."""
    for step, res in reversed(done):
        if step.args[:2] == ["sources", "--json"]:
            new = [i for i in kit.sources_ids(res) if i != kit.BUNDLED_ID]
            return new[0] if len(new) == 1 else None
    return None


def _ref(source_id: str) -> list[str]:
    return ["--", source_id] if source_id.startswith("-") else [source_id]


def accepted_then(phrase: str):
    """After an accepted import: on one line in sources, shown, removed like any other."""

    def steps(source_id):
        return [
            kit.Step(["sources"], 0, "sources after the import", post=_rows(2)),
            kit.Step(["show", *_ref(source_id)], 0, "show the accepted id"),
            kit.Step(["remove", *_ref(source_id)], 0, "remove the accepted id"),
        ]

    return steps


def import_flow(
    first: kit.Step,
    phrase: str = "build the bridge",
    known_id: str | None = None,
    follow: bool = True,
):
    """Import, then (if accepted and worth following) the round trip."""

    def plan(sb, done):
        if not done:
            return first
        rc = done[0][1].rc
        if rc != 0 or not follow:
            return None
        if len(done) == 1:
            return kit.Step(["sources", "--json"], 0, "sources --json after the import",
                            post=_listed(known_id) if known_id else None)  # fmt: skip
        source_id = known_id or _new_id(done)
        if source_id is None:
            return None
        rest = accepted_then(phrase)(source_id)
        k = len(done) - 2
        return rest[k] if k < len(rest) else None

    return plan


def _import_id_flows(tmp):
    flows = {}
    for n, (raw, expect) in enumerate(IDS):
        sb = kit.Sandbox(tmp / f"id{n}")
        source_id = _id(raw, sb)
        path = sb.write("radio.txt", kit.RADIO)
        first = kit.Step(["import", path, *IMPORT, "--id", source_id], expect, "import --id")
        flows[raw] = (sb, import_flow(first, known_id=source_id, follow=0 in expect or raw in DEEP))
    return flows


@pytest.fixture(scope="module")
def id_flows(tmp_path_factory):
    return kit.run_flows(_import_id_flows(tmp_path_factory.mktemp("ids")))


@pytest.mark.parametrize("raw", [i for i, _ in IDS], ids=[repr(i)[1:-1][:40] for i, _ in IDS])
def test_import_with_hostile_id(id_flows, raw):
    kit.verify_flow(*id_flows[raw])


# --- show / remove with hostile ids: nothing read or deleted through them ---------------------

SHOW_REFS = ["../../x", "ABS", "../../x.quote.txt", "", "a\x1b]0;pwned\x07", "radio/../radio"]
REMOVE_REFS = SHOW_REFS + ["..", "%", "radio' OR '1'='1", "a" * 300, kit.BUNDLED_ID]


def _untouched(command):
    def post(sb, res):
        out = []
        if b"PRECIOUS" in res.out:
            out.append(kit.problem("hole", f"{command} printed a file from outside the library"))
        if not (sb.home / "transcripts" / "radio.quote.txt").exists():
            out.append(kit.problem("hole", f"{command} deleted another transcript (radio)"))
        return out

    return post


REF_CASES = [
    kit.Case(
        f"{cmd}:{r!r}"[:60],
        lambda sb, cmd=cmd, r=r: [cmd, _id(r, sb)],
        2,
        library=True,
        post=_untouched(cmd),
    )
    for cmd, refs in (("show", SHOW_REFS), ("remove", REMOVE_REFS))
    for r in refs
]

# --- a QUOTE_HOME that already holds the user's own files --------------------------------------

MINE = {
    "staging/draft-chapter-3.md": b"my own notes, not quote's\n",
    "transcripts/interview-notes.txt": b"keep me\n",
    "cache/photo.jpg": b"\xff\xd8\xff\xe0 jpeg\n",
    "notes.txt": b"top-level user file\n",
}


def _plant(sb):
    for rel, data in MINE.items():
        p = sb.home / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def _kept(sb, res):
    lost = [rel for rel, d in MINE.items()
            if not (sb.home / rel).exists() or (sb.home / rel).read_bytes() != d]  # fmt: skip
    return [kit.problem("hole", f"user file in QUOTE_HOME lost or changed: {x}") for x in lost]


HOME_CASES = [
    kit.Case(
        "home-with-user-files:find", ["find", kit.BUNDLED_PHRASE], 0, setup=_plant, post=_kept
    ),
    kit.Case("home-with-user-files:sources", ["sources"], 0, setup=_plant, post=_kept),
    kit.Case(
        "home-with-user-files:import",
        lambda sb: ["import", sb.inputs / "radio.txt", *IMPORT],
        0,
        files={"radio.txt": kit.RADIO},
        setup=_plant,
        post=_kept,
    ),
    kit.Case(
        "library-then-user-files:find",
        ["find", "build the bridge"],
        0,
        library=True,
        setup=_plant,
        post=_kept,
    ),
]
CASES = REF_CASES + HOME_CASES


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h2"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_refs_and_homes(batch, case):
    kit.verify(batch, case)


# --- ids that come from a file's name or its content -------------------------------------------

NAMES = ["a\x1b]0;pwned\x07b.txt", "a\nb.txt", b"\xff\xfe.txt", "..txt", ".hidden.txt",
         "a" * 240 + ".txt"]  # fmt: skip


def _quote_txt_with_id(value: str) -> str:
    return kit.QUOTE_TXT.replace('id = "t1"', f"id = {json.dumps(value)}")


def _pm_with_id(value: str) -> str:
    return kit.PM_XML.replace("<transcript-id>777</transcript-id>",
                              f"<transcript-id>{value}</transcript-id>")  # fmt: skip


CONTENT_IDS = [("quote", "../../x"), ("quote", "/tmp/abs-quote"), ("quote", "a\x1b]0;pwned\x07"),
               ("quote", "a\nb"), ("quote", kit.BUNDLED_ID), ("pm-xml", "../../x"),
               ("pm-xml", "1\x1b[2J")]  # fmt: skip


@pytest.fixture(scope="module")
def derived_flows(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("derived")
    flows = {}
    for n, name in enumerate(NAMES):
        sb = kit.Sandbox(tmp / f"name{n}")
        path = sb.write(name, kit.RADIO)
        first = kit.Step(["import", path, *IMPORT], {0, 2}, "import a file with a hostile name")
        flows[f"name:{name!r}"] = (sb, import_flow(first))
    for n, (fmt, value) in enumerate(CONTENT_IDS):
        sb = kit.Sandbox(tmp / f"content{n}")
        if fmt == "quote":
            path, phrase = sb.write("t1.quote.txt", _quote_txt_with_id(value)), "Memory is a liar"
        else:
            path, phrase = sb.write("transcript-1.xml", _pm_with_id(value)), "build the bridge"
        first = kit.Step(["import", path], {0, 2}, f"import {fmt} whose own id is {value[:20]!r}")
        flows[f"content:{fmt}:{value!r}"] = (sb, import_flow(first, phrase))
    return kit.run_flows(flows)


@pytest.mark.parametrize("key", [f"name:{n!r}" for n in NAMES]
                         + [f"content:{f}:{v!r}" for f, v in CONTENT_IDS],
                         ids=lambda k: k[:50])  # fmt: skip
def test_id_derived_from_name_or_content(derived_flows, key):
    kit.verify_flow(*derived_flows[key])


def test_forced_reimport_replaces_one_transcript_only(radio_sb):
    sb = radio_sb
    other = sb.write("radio2.txt", kit.RADIO.replace("bridge", "tunnel"))
    fails = kit.soft(kit.run(sb, ["import", other, *IMPORT, "--id", "radio", "--force"]), 0,
                     note="import --force")  # fmt: skip
    fails += kit.soft(kit.run(sb, ["find", "--source", "radio", "build the tunnel"]), 0,
                      note="the replacement is searched")  # fmt: skip
    fails += kit.soft(kit.run(sb, ["find", "--source", "radio", "build the bridge"]), 1,
                      note="the replaced words are gone")  # fmt: skip
    assert not fails, "\n".join(fails)
