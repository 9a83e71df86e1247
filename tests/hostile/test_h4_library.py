"""Class 4 — library faults: a damaged catalogue, damaged transcripts, a home that cannot be
written, imports racing each other and searches, an import killed half-way, 20 searches at once.

The library's files are found under QUOTE_HOME after an import (the SQLite files by their
header), not assumed. A damaged library is one line and exit 2 naming it, from every command,
and it is left as it was (never silently replaced). An import is all or nothing, even killed
with SIGKILL or raced by another import or by searches: afterwards ``sources`` lists only whole
imports, and every listed transcript can be shown and searched.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import hostile_kit as kit
import pytest
from hostile_kit import Case

pytestmark = pytest.mark.hostile

IMPORT = ["--outlet", "Radio X", "--date", "2024-05-02"]
DRAFT = "Jane Roe a déclaré : « We will build the bridge next spring. »\n"


def _db(sb: kit.Sandbox) -> Path:
    files = [p for p in sb.library_files() if not p.name.endswith(("-wal", "-shm"))]
    assert files, f"no SQLite file under QUOTE_HOME after an import: {list(sb.home.rglob('*'))}"
    return files[0]


def _flip_middle(data: bytes) -> bytes:
    b = bytearray(data)
    # from the head of the 4 KiB block (SQLite's page) that holds the middle: the middle itself
    # may be a page's free space, zeros whose flipping damages nothing (it was, once schema 2
    # added an index page and the file's middle left a page boundary)
    mid = len(b) // 2 // 4096 * 4096
    for i in range(mid, min(len(b), mid + 256)):
        b[i] ^= 0xA5
    return bytes(b)


def _flip_pages(data: bytes) -> bytes:
    """Damage the end of every page but the first, where SQLite keeps the cells (the rows)."""
    b = bytearray(data)
    for page in range(2, len(b) // 4096 + 1):
        for i in range(page * 4096 - 48, page * 4096 - 8):
            b[i] ^= 0xFF
    return bytes(b)


CORRUPTIONS = {
    "bytes-flipped-middle": _flip_middle,
    "bytes-flipped-every-page": _flip_pages,
    "header-flipped": lambda d: bytes(x ^ 0x5A for x in d[:100]) + d[100:],
    "truncated-half": lambda d: d[: len(d) // 2],
    "truncated-to-header": lambda d: d[:100],
    "replaced-by-text": lambda d: b"these are my notes, not a database\n" * 10,
    "zero-length": lambda d: b"",
}


def _corrupt(how):
    def setup(sb):
        path = _db(sb)
        for extra in path.parent.glob(path.name + "-*"):  # a stale WAL would mask the damage
            extra.unlink()
        path.write_bytes(CORRUPTIONS[how](path.read_bytes()))
        sb.damaged = (path, path.read_bytes())  # type: ignore[attr-defined]

    return setup


def _kept_and_named(sb, res):
    """post: the damaged file is left as it was by a command that only reads; the one line
    says it is the library."""
    path, data = sb.damaged
    out = []
    reads = res.argv[len(kit.QUOTE)] in ("find", "sources", "show", "check")
    if reads and (not path.exists() or path.read_bytes() != data):
        out.append(kit.problem("hole", f"the damaged {path.name} was replaced or changed "
                                       "(the user's library is gone)"))  # fmt: skip
    if res.rc == 2 and "librar" not in res.errtext.lower():
        out.append(kit.problem("other", "the error does not say the library is damaged"))
    return out


COMMANDS = {
    "find-library-phrase": ["find", "build the bridge"],
    "find-bundled-phrase": ["find", kit.BUNDLED_PHRASE],
    "sources": ["sources"],
    "show": ["show", "radio"],
    "remove": ["remove", "radio"],
    "import": lambda sb: ["import", sb.inputs / "other.txt", *IMPORT],
    "check": lambda sb: ["check", sb.inputs / "draft.md"],
}
FILES = {"other.txt": kit.RADIO.replace("bridge", "tunnel"), "draft.md": DRAFT}


# Bytes flipped in the middle of the index may sit in pages a read never touches: SQLite
# cannot know, and checking every page on every search would cost a full read of the index.
# Such a read may then answer (exit 0, the right answer); `quote library check` finds the
# damage (exit 2, tested in test_library_repair.py). Every other damage is caught at the open.
# Since schema 3 the middle of this small library is FTS5's ``docsize`` table, which only BM25
# read: candidates are ranked without it now (shortest first, issue 15), so a search of the
# library and a draft check answer too.
READS = ("find-bundled-phrase", "sources", "show", "find-library-phrase", "check")


def _expect(how: str, cmd: str):
    if how == "bytes-flipped-middle" and cmd in READS:
        return {0, 2}
    return 2


CASES: list[Case] = [
    Case(f"db-{how}:{cmd}", args, _expect(how, cmd), library=True, files=FILES,
         setup=_corrupt(how), post=_kept_and_named)
    for how in CORRUPTIONS for cmd, args in COMMANDS.items()
    if how in ("bytes-flipped-middle", "truncated-half", "replaced-by-text")
    or cmd in ("find-bundled-phrase", "sources", "import")
]  # fmt: skip


# --- damaged transcript files -------------------------------------------------------------------

TRANSCRIPT_DAMAGE = {
    "binary": lambda p: p.write_bytes(random.Random(1).randbytes(2000)),
    "invalid-utf8": lambda p: p.write_bytes(p.read_bytes().replace(b"bridge", b"br\xffdge")),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:200]),
    "front-matter-broken": lambda p: p.write_bytes(p.read_bytes().replace(b"+++", b"++", 1)),
    "deleted": lambda p: p.unlink(),
}


def _damage(how):
    def setup(sb):
        TRANSCRIPT_DAMAGE[how](sb.home / "transcripts" / "radio.quote.txt")

    return setup


for how in TRANSCRIPT_DAMAGE:
    CASES += [
        Case(f"transcript-{how}:show", ["show", "radio"], 2, library=True, setup=_damage(how)),
        Case(
            f"transcript-{how}:find",
            ["find", "build the bridge"],
            {1, 2},
            library=True,
            setup=_damage(how),
        ),
        Case(
            f"transcript-{how}:find-source",
            ["find", "--source", "radio", "build the bridge"],
            2,
            library=True,
            setup=_damage(how),
        ),
        Case(f"transcript-{how}:sources", ["sources"], {0, 2}, library=True, setup=_damage(how)),
    ]

# --- homes that are not folders -----------------------------------------------------------------


def _home_is(kind):
    def env(sb):
        if kind == "a-file":
            target = sb.root / "o1" / "o2" / "homefile"
            if not target.exists():
                target.write_text("not a folder\n")
        elif kind == "under-a-file":
            target = sb.root / "o1" / "o2" / "homefile2" / "lib"
            if not target.parent.exists():
                target.parent.write_text("not a folder\n")
        elif kind == "dev-null":
            target = Path("/dev/null")
        else:  # a dangling symlink
            target = sb.root / "o1" / "o2" / "dangling"
            if not target.is_symlink():
                target.symlink_to(sb.root / "o1" / "o2" / "nowhere")
        return {"QUOTE_HOME": str(target)}

    return env


for kind in ("a-file", "under-a-file"):
    for cmd, args, exp in (("find", ["find", kit.BUNDLED_PHRASE], {0, 2}), ("sources", ["sources"],
                           {0, 2}), ("import", lambda sb: ["import", sb.inputs / "other.txt",
                                                           *IMPORT], 2)):  # fmt: skip
        CASES.append(Case(f"home-{kind}:{cmd}", args, exp, env=_home_is(kind), files=FILES))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h4"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_damaged_library(batch, case):
    kit.verify(batch, case)


# --- a home that cannot be written ----------------------------------------------------------------


@pytest.fixture
def readonly_sb(sb, tmp_path_factory):
    """A sandbox whose QUOTE_HOME holds a library but whose folders and files are read-only.

    As root (who may write anything), the process runs without capabilities (``setpriv``).
    """
    kit.give_library(sb, tmp_path_factory.mktemp("tpl-ro"))
    sb.write("other.txt", kit.RADIO.replace("bridge", "tunnel"))
    sb.write("draft.md", DRAFT)
    yield sb
    for p in [sb.home, *sb.home.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            os.chmod(p, 0o755)


def _freeze(home: Path) -> None:
    for p in sorted([home, *home.rglob("*")], key=lambda p: -len(p.parts)):
        if not p.is_symlink():
            os.chmod(p, 0o555 if p.is_dir() else 0o444)


READONLY = [
    ("find-bundled", ["find", kit.BUNDLED_PHRASE], 0),
    ("find-library", ["find", "build the bridge"], 0),
    ("find-json", ["find", "--json", "build the bridge"], 0),
    ("sources", ["sources"], 0),
    ("show", ["show", "radio"], 0),
    ("check", "CHECK", {0, 1}),
    ("import", "IMPORT", 2),
    ("remove", ["remove", "radio"], 2),
]


def test_read_only_home(readonly_sb):
    """Searching a library one cannot write works; changing it is one line, exit 2."""
    sb = readonly_sb
    _freeze(sb.home)
    fails = []
    for name, args, expect in READONLY:
        if args == "CHECK":
            args = ["check", sb.inputs / "draft.md"]
        elif args == "IMPORT":
            args = ["import", sb.inputs / "other.txt", *IMPORT]
        res = kit.run(sb, args, drop_caps=True)
        fails += kit.soft(res, expect, note=f"read-only home: {name}")
    assert not fails, "\n".join(fails)


def test_read_only_home_without_a_library(readonly_sb):
    sb = readonly_sb
    for p in list(sb.home.iterdir()):
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
    _freeze(sb.home)
    fails = []
    for name, args, expect in (
        ("find", ["find", kit.BUNDLED_PHRASE], 0),
        ("sources", ["sources"], 0),
        ("import", ["import", sb.inputs / "other.txt", *IMPORT], 2),
    ):
        fails += kit.soft(kit.run(sb, args, drop_caps=True), expect,
                          note=f"empty read-only home: {name}")  # fmt: skip
    assert not fails, "\n".join(fails)


# --- imports and searches at the same time --------------------------------------------------------


def _files(sb: kit.Sandbox, prefix: str, n: int, repeat: int = 1) -> Path:
    folder = sb.inputs / prefix
    folder.mkdir()
    for i in range(n):
        (folder / f"{prefix}{i:04d}.txt").write_text(
            (kit.RADIO * repeat).replace("the bridge", f"the {prefix}bridge{i:04d}")
        )
    return folder


def _listed(sb) -> tuple[kit.Result, set[str]]:
    res = kit.run(sb, ["sources", "--json"])
    return res, set(kit.sources_ids(res)) - {kit.BUNDLED_ID}


def _all_or_nothing(listed: set[str], batch: set[str], what: str) -> list[tuple]:
    got = listed & batch
    if got and got != batch:
        return [kit.problem("hole", f"{what}: {len(got)} of {len(batch)} transcripts listed "
                                    "(an import is all or nothing)")]  # fmt: skip
    return []


@pytest.mark.parametrize("fresh", [False], ids=["existing-library"])
def test_two_imports_at_once(sb, tmp_path_factory, fresh):
    if not fresh:
        kit.give_library(sb, tmp_path_factory.mktemp("tpl2"))
    a, b = _files(sb, "a", 40), _files(sb, "b", 40)
    pa = kit.start(sb, ["import", a, *IMPORT], tag="a")
    pb = kit.start(sb, ["import", b, *IMPORT], tag="b")
    ra, rb = kit.finish(*pa, kit.BUDGET), kit.finish(*pb, kit.BUDGET)
    fails = []
    for r, name in ((ra, "import a"), (rb, "import b")):
        extra = []
        if r.rc == 2 and not any(w in r.errtext.lower() for w in ("lock", "busy", "another")):
            extra.append(kit.problem("other", f"{name} failed without saying the library was "
                                              f"busy: {r.first_err()[:120]!r}"))  # fmt: skip
        fails += kit.soft(r, {0, 2}, note=f"{name} (racing the other)", extra=extra)
    res, listed = _listed(sb)
    ids_a = {f"a{i:04d}" for i in range(40)}
    ids_b = {f"b{i:04d}" for i in range(40)}
    extra = _all_or_nothing(listed, ids_a, "import a") + _all_or_nothing(listed, ids_b, "import b")
    for r, ids, name in ((ra, ids_a, "a"), (rb, ids_b, "b")):
        if r.rc == 0 and not ids <= listed:
            extra.append(kit.problem("hole", f"import {name} said 0 but {len(ids - listed)} of "
                                             "its transcripts are not listed"))  # fmt: skip
    fails += kit.soft(res, 0, note="sources after two imports at once", extra=extra)
    for sid in sorted(listed)[:: max(1, len(listed) // 4)]:
        fails += kit.soft(kit.run(sb, ["show", sid]), 0, note=f"show {sid} after the race")
    assert not fails, "\n".join(fails)


def test_two_imports_of_the_same_id_at_once(sb):
    one = sb.write("radio.txt", kit.RADIO)
    two = sb.write("radio2.txt", kit.RADIO.replace("bridge", "tunnel"))
    pa = kit.start(sb, ["import", one, *IMPORT, "--id", "same"], tag="a")
    pb = kit.start(sb, ["import", two, *IMPORT, "--id", "same"], tag="b")
    ra, rb = kit.finish(*pa, kit.BUDGET), kit.finish(*pb, kit.BUDGET)
    fails = kit.soft(ra, {0, 2}, note="import a") + kit.soft(rb, {0, 2}, note="import b")
    if ra.rc == 0 and rb.rc == 0:
        fails.append(
            "both imports of id 'same' said 0 without --force: one silently replaced the other"
        )
    assert not fails, "\n".join(fails)


def test_import_while_searching(sb, tmp_path_factory):
    """Searches open the library while an import is under way: the import still lands whole."""
    kit.give_library(sb, tmp_path_factory.mktemp("tpl3"))
    folder = _files(sb, "c", 150, repeat=20)  # long transcripts: a longer import transaction
    imp = kit.start(sb, ["import", folder, *IMPORT], tag="imp")
    searches, flying, fails = 0, [], []
    t0 = time.monotonic()
    while flying or (imp[0].poll() is None and time.monotonic() - t0 < kit.BUDGET):
        for p in [p for p in flying if p[0].poll() is not None]:
            flying.remove(p)
            fails += kit.soft(kit.finish(*p, kit.BUDGET), 0, note="sources during the import")
        while imp[0].poll() is None and len(flying) < 2:
            flying.append(kit.start(sb, ["sources"], tag=f"s{searches}"))
            searches += 1
        time.sleep(0.05)
    ri = kit.finish(*imp, kit.BUDGET)
    fails += kit.soft(ri, {0, 2}, note="import of 150 files while searches run")
    res, listed = _listed(sb)
    ids = {f"c{i:04d}" for i in range(150)}
    extra = _all_or_nothing(listed, ids, "import")
    if ri.rc == 0 and not ids <= listed:
        extra.append(kit.problem("hole", f"the import said 0 but {len(ids - listed)} of its "
                                         "transcripts are not listed"))  # fmt: skip
    if ri.rc != 0 and listed & ids:
        extra.append(
            kit.problem(
                "hole",
                f"the import failed (exit {ri.rc}) yet "
                f"{len(listed & ids)} of its transcripts are listed",
            )
        )
    fails += kit.soft(res, 0, note=f"sources after the import ({searches} sources ran "
                                   "meanwhile)", extra=extra)  # fmt: skip
    for sid in sorted(listed & ids)[::25]:
        fails += kit.soft(kit.run(sb, ["show", sid]), 0, note=f"show {sid} after the race")
    assert not fails, "\n".join(fails)


# --- SIGKILL during an import of many files -------------------------------------------------------

N_KILL = 200


@pytest.fixture(scope="module")
def import_time(tmp_path_factory) -> float:
    """How long an uninterrupted import of the batch takes here (kill points are fractions)."""
    sb = kit.Sandbox(tmp_path_factory.mktemp("timing") / "box")
    folder = _files(sb, "k", N_KILL)
    res = kit.quote(sb, ["import", folder, *IMPORT], 0, note="timing the uninterrupted import",
                    budget=60, max_stderr_lines=3)  # fmt: skip
    return res.seconds


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.98])
def test_sigkill_during_import(sb, import_time, fraction):
    folder = _files(sb, "k", N_KILL)
    proc, argv, files = kit.start(sb, ["import", folder, *IMPORT], tag="kill")
    time.sleep(import_time * fraction)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed = kit.finish(proc, argv, files, kit.BUDGET)
    kit.log({"argv": kit.describe_argv(argv[len(kit.QUOTE):]), "rc": killed.rc,
             "expect": ["killed"], "seconds": round(killed.seconds, 2), "hang": False,
             "note": f"import SIGKILLed at {fraction:.0%} of its time", "problems": [],
             "stderr_first": killed.first_err()[:300], "tb_last": ""})  # fmt: skip
    ids = {f"k{i:04d}" for i in range(N_KILL)}
    res, listed = _listed(sb)
    fails = kit.soft(res, 0, note="sources after the kill",
                     extra=_all_or_nothing(listed, ids, "killed import"))  # fmt: skip
    whole = ids <= listed
    fails += kit.soft(kit.run(sb, ["find", "the kbridge0007"]), 0 if whole else 1,
                      note="find a phrase of the killed import")  # fmt: skip
    fails += kit.soft(kit.run(sb, ["find", kit.BUNDLED_PHRASE]), 0, note="find after the kill")
    if whole:
        fails += kit.soft(kit.run(sb, ["show", "k0123"]), 0, note="show a listed transcript")
    again = kit.run(sb, ["import", folder, *IMPORT], budget=60)
    fails += kit.soft(again, 2 if whole else 0, note="import again after the kill",
                      max_stderr_lines=N_KILL + 2)  # fmt: skip
    res2, listed2 = _listed(sb)
    fails += kit.soft(res2, 0, note="sources after importing again",
                      extra=[] if ids <= listed2 else [kit.problem(
                          "hole", f"after importing again, {len(ids - listed2)} transcripts "
                                  "are still missing")])  # fmt: skip
    assert not fails, "\n".join(fails)


# --- 20 searches at once --------------------------------------------------------------------------

PHRASES = ["build the bridge", kit.BUNDLED_PHRASE, "The road comes after", "Microsoft rachète"]


@pytest.mark.parametrize("where", ["library"])
def test_twenty_concurrent_searches(sb, tmp_path_factory, where):
    if where == "library":
        kit.give_library(sb, tmp_path_factory.mktemp("tpl4"))
    procs = [(PHRASES[i % 4], kit.start(sb, ["find", "--json", PHRASES[i % 4]], tag=f"c{i}"))
             for i in range(20)]  # fmt: skip
    results = [(p, kit.finish(*started, 60)) for p, started in procs]
    fails = []
    first: dict[str, bytes] = {}
    for p, r in results:
        expect = {
            "Microsoft rachète": 1,
            "build the bridge": 0 if where == "library" else 1,
            "The road comes after": 0 if where == "library" else 1,
        }.get(p, 0)
        extra = []
        if r.rc == expect and first.setdefault(p, r.out) != r.out:
            extra.append(kit.problem("other", f"concurrent searches for {p!r} differ"))
        fails += kit.soft(r, expect, note=f"one of 20 concurrent searches ({where})", extra=extra)
    assert not fails, "\n".join(fails)
