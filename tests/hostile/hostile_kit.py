"""The hostile suite's harness: run ``quote`` as a real process in a sandbox, check its promises.

Every case goes through ``run`` (one process, a wall-clock budget, stdout/stderr to files so a
stray grandchild holding a pipe cannot wedge the harness, its process group killed afterwards)
and ``check`` (the promises every command keeps, whatever the input):

- the exit status is one of those the case allows (usage and data errors are 2);
- no ``Traceback`` on stderr, and at most a few lines of it;
- no raw control character in stdout or stderr: C0 other than tab and newline, DEL, C1 (as a
  character, or as a raw byte in invalid UTF-8);
- finished within its budget (a hang is a failure, not a skip);
- nothing outside ``QUOTE_HOME`` created, modified or deleted: the sandbox around the library
  (sentinel files, the inputs, the working directory, ``$HOME``, ``$TMPDIR``) is snapshotted
  before the run and compared after it.

``check`` collects every broken promise of a run and fails once with all of them; each run is
also appended to a JSON Lines log that ``conftest.py`` turns into the per-class summary
printed at the end of the session (and used for REPORT.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_VENV_QUOTE = REPO / ".venv" / "bin" / "quote"
QUOTE: list[str] = [str(_VENV_QUOTE)] if _VENV_QUOTE.exists() else [sys.executable, "-m",
                                                                      "quotecli"]  # fmt: skip
BUDGET = 20.0  # seconds: the default wall-clock budget of one process
MEMORY = 4 << 30  # address-space limit of one process (a billion-laughs must not take the box)
MAX_STDERR_LINES = 3

LOG_PATH: Path | None = None  # set by conftest.py for the session
# Bytecode of quote and its dependencies, cached for the session outside the repository and
# outside every sandbox (the environment may say PYTHONDONTWRITEBYTECODE; compiling every module
# on every run would cost a fifth of each process). Set by conftest.py.
PYCACHE: Path | None = None

_C0 = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f\udc80-\udc9f]")  # C1 as characters, or raw C1 bytes (surrogateescape)
_NAMES = {0x1B: "ESC", 0x07: "BEL", 0x00: "NUL", 0x0D: "CR", 0x08: "BS", 0x7F: "DEL", 0x9B: "CSI",
          0x9D: "OSC", 0x0C: "FF", 0x0B: "VT"}  # fmt: skip

# Control sequences a transcript or a phrase may carry: each would do something to a terminal.
ESC_SEQUENCES = [
    "\x1b[31mRED\x1b[0m",  # SGR colour
    "\x1b]0;pwned title\x07",  # OSC: set the window title, BEL-terminated
    "\x1b]52;c;aGFja2Vk\x07",  # OSC 52: write the clipboard
    "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink, ST-terminated
    "\x1b[2J\x1b[H",  # clear the screen
    "\x07\x07bell",  # BEL
    "\x9b31m C1 CSI",  # C1 CSI as a character (U+009B)
    "\x9d0;c1 osc\x9c",  # C1 OSC … ST
    "back\x08\x08\x08space",  # backspaces over the text
    "carriage\rreturn",  # CR rewrites the line
    "nul\x00byte",
    "del\x7fete",
    "vt\x0bff\x0c",
]


def describe_argv(argv) -> str:
    """A readable, copy-pasteable rendering of an argv (bytes shown escaped, long ones cut)."""
    out = []
    for a in argv:
        s = a.decode("utf-8", "backslashreplace") if isinstance(a, bytes) else str(a)
        s = s.encode("utf-8", "backslashreplace").decode("utf-8")
        r = repr(s)
        out.append(r if len(r) <= 90 else r[:60] + f"…(+{len(r) - 60} chars)")
    return " ".join(out)


def _current_test() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" ", 1)[0]


def _class_of(nodeid: str) -> str:
    m = re.search(r"test_h(\d)_", nodeid)
    return f"C{m.group(1)}" if m else "C?"


def log(record: dict) -> None:
    if LOG_PATH is None:
        return
    record.setdefault("test", _current_test())
    record.setdefault("cls", _class_of(record["test"]))
    with open(LOG_PATH, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=True) + "\n")


# --- the sandbox --------------------------------------------------------------------------------


class Sandbox:
    """A private world for one case.

    ``root/o1/o2/o3/o4/lib`` is ``QUOTE_HOME`` (deep, so ``../`` escapes stay inside ``root``
    where they can be seen); sentinel files wait where an escaping id would write
    (``o4/x.quote.txt``, ``o3/x.quote.txt``…, ``sentinel/precious.quote.txt``); ``inputs`` holds
    the files a case feeds to quote (they must only be read), ``cwd`` is the working directory,
    ``userhome`` is ``$HOME`` and ``tmp`` is ``$TMPDIR``. Everything under ``root`` but the
    library and ``.io`` (the harness's own stdout/stderr files) is watched.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.home = self.root / "o1" / "o2" / "o3" / "o4" / "lib"
        self.inputs = self.root / "inputs"
        self.cwd = self.root / "cwd"
        self.userhome = self.root / "userhome"
        self.tmp = self.root / "tmp"
        self.sentinel = self.root / "sentinel"
        self.io = self.root / ".io"
        for d in (self.home.parent, self.inputs, self.cwd, self.userhome, self.tmp, self.sentinel,
                  self.io):  # fmt: skip
            d.mkdir(parents=True, exist_ok=True)
        self.precious: dict[Path, bytes] = {}
        noise = hashlib.sha256(str(self.root).encode()).digest()
        for where in (self.home.parent, self.home.parent.parent, self.home.parent.parent.parent,
                      self.sentinel, self.cwd):  # fmt: skip
            for name in ("x.quote.txt", "precious.quote.txt", "x.txt"):
                p = where / name
                data = b"PRECIOUS user data, must survive byte-identical\n" + noise + b"\n"
                p.write_bytes(data)
                self.precious[p] = data
        self._runs = 0

    def env(self, **extra) -> dict:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(self.userhome),
            "TMPDIR": str(self.tmp),
            "QUOTE_HOME": str(self.home),
            "QUOTE_CLIPBOARD": "none",  # never touch a real clipboard unless a case asks
            "TERM": "xterm-256color",
        }
        if PYCACHE is not None:
            env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def write(self, name: str | bytes, data: bytes | str) -> Path:
        """An input file (``name`` may be bytes, for hostile file names)."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = os.path.join(os.fsencode(self.inputs), os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(raw)
        return Path(os.fsdecode(path))

    def snapshot(self) -> dict[str, tuple]:
        """Every file, directory and link under root, but the library and the harness's io."""
        skip = {os.fsencode(self.home), os.fsencode(self.io)}
        seen: dict[str, tuple] = {}
        for dirpath, dirnames, filenames in os.walk(os.fsencode(self.root)):
            dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) not in skip]
            for d in dirnames:
                seen[os.fsdecode(os.path.join(dirpath, d))] = ("dir",)
            for f in filenames:
                p = os.path.join(dirpath, f)
                try:
                    st = os.lstat(p)
                except FileNotFoundError:
                    continue
                key = os.fsdecode(p)
                if os.path.islink(p):
                    seen[key] = ("link", os.readlink(p))
                elif not stat.S_ISREG(st.st_mode):  # a socket (a killed worker pool's), a fifo
                    seen[key] = ("special", stat.S_IFMT(st.st_mode))
                elif st.st_size <= 2 << 20:
                    with open(p, "rb") as fh:
                        seen[key] = ("file", st.st_size, hashlib.sha256(fh.read()).hexdigest())
                else:
                    seen[key] = ("file", st.st_size, st.st_mtime_ns, st.st_ino)
        return seen

    def changes(self, before: dict[str, tuple]) -> list[str]:
        after = self.snapshot()
        out = []
        for p in sorted(after.keys() - before.keys()):
            out.append(f"created outside QUOTE_HOME: {self.rel(p)}")
        for p in sorted(before.keys() - after.keys()):
            what = "sentinel" if Path(p) in self.precious else "file"
            out.append(f"{what} deleted outside QUOTE_HOME: {self.rel(p)}")
        for p in sorted(before.keys() & after.keys()):
            if before[p] != after[p]:
                what = "sentinel" if Path(p) in self.precious else "file"
                out.append(f"{what} modified outside QUOTE_HOME: {self.rel(p)}")
        return out

    def rel(self, p: str) -> str:
        try:
            return str(Path(p).relative_to(self.root)).encode("unicode_escape").decode()
        except ValueError:
            return p

    def library_files(self) -> list[Path]:
        """The library's SQLite files (found after an import, not assumed)."""
        return sorted(p for p in self.home.rglob("*") if p.is_file() and _is_sqlite(p))


def _is_sqlite(p: Path) -> bool:
    try:
        with open(p, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


# --- one process --------------------------------------------------------------------------------


@dataclass
class Result:
    argv: list
    rc: int | None
    out: bytes
    err: bytes
    seconds: float
    timed_out: bool
    budget: float
    changes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.out.decode("utf-8", "replace")

    @property
    def errtext(self) -> str:
        return self.err.decode("utf-8", "replace")

    def first_err(self) -> str:
        lines = [ln for ln in self.errtext.splitlines() if ln.strip()]
        return lines[0] if lines else ""

    def tb_last(self) -> str:
        if b"Traceback" not in self.err:
            return ""
        lines = [ln for ln in self.errtext.splitlines() if ln.strip()]
        return lines[-1] if lines else ""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _args(args) -> list:
    return [a if isinstance(a, bytes) else str(a) for a in args]


# Root may write anything: to see a read-only home as a user does, drop every capability.
DROP_CAPS = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


def start(
    sb: Sandbox,
    args,
    *,
    stdin: bytes | Path | None = None,
    env: dict | None = None,
    tag: str = "",
    drop_caps: bool = False,
) -> tuple[subprocess.Popen, list, tuple]:
    """Start quote in the background (for concurrency and kill cases); see ``finish``."""
    sb._runs += 1
    n = f"{sb._runs}{tag}"
    argv = QUOTE + _args(args)
    prefix = DROP_CAPS if drop_caps and os.geteuid() == 0 else []
    if isinstance(stdin, bytes):
        inp = sb.io / f"in{n}"
        inp.write_bytes(stdin)
        stdin = inp
    fin = open(stdin, "rb") if stdin is not None else subprocess.DEVNULL
    fout = open(sb.io / f"out{n}", "wb+")
    ferr = open(sb.io / f"err{n}", "wb+")
    proc = subprocess.Popen(prefix + argv, stdin=fin, stdout=fout, stderr=ferr, cwd=sb.cwd,
                            env=env or sb.env(), start_new_session=True,
                            preexec_fn=_limits)  # fmt: skip
    proc._hostile_t0 = time.monotonic()  # type: ignore[attr-defined]
    if fin is not subprocess.DEVNULL:
        fin.close()
    return proc, argv, (fout, ferr)


def finish(proc: subprocess.Popen, argv: list, files: tuple, budget: float) -> Result:
    """Wait for a started process (up to what is left of its budget), kill its group, collect."""
    fout, ferr = files
    t0 = proc._hostile_t0  # type: ignore[attr-defined]
    timed_out = False
    try:
        proc.wait(timeout=max(0.01, budget - (time.monotonic() - t0)))
    except subprocess.TimeoutExpired:
        timed_out = True
    seconds = time.monotonic() - t0
    _kill_group(proc)
    proc.wait()
    fout.seek(0)
    ferr.seek(0)
    out, err = fout.read(), ferr.read()
    fout.close()
    ferr.close()
    return Result(argv, None if timed_out else proc.returncode, out, err, seconds, timed_out,
                  budget)  # fmt: skip


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill what is left of the process group we started (a helper it spawned, or itself)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run(
    sb: Sandbox,
    args,
    *,
    stdin: bytes | Path | None = None,
    env: dict | None = None,
    budget: float = BUDGET,
    pipe: bool = False,
    drop_caps: bool = False,
) -> Result:
    """Run ``quote ARGS`` once in the sandbox and snapshot what it did around the library.

    ``pipe``: stdout and stderr are pipes and the run lasts until both reach end-of-file, as for
    ``$(quote …)`` in a shell: a helper that keeps the pipe open counts against the budget.
    ``drop_caps``: without any capability (a read-only home when the suite runs as root).
    """
    before = sb.snapshot()
    if pipe:
        res = _run_piped(sb, args, stdin=stdin, env=env, budget=budget)
    else:
        proc, argv, files = start(sb, args, stdin=stdin, env=env, drop_caps=drop_caps)
        res = finish(proc, argv, files, budget)
    res.changes = sb.changes(before)
    return res


def _run_piped(sb, args, *, stdin, env, budget) -> Result:
    argv = QUOTE + _args(args)
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=sb.cwd, env=env or sb.env(),
                            start_new_session=True, preexec_fn=_limits)  # fmt: skip
    data = stdin.read_bytes() if isinstance(stdin, Path) else (stdin or b"")
    timed_out = False
    try:
        out, err = proc.communicate(data, timeout=budget)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        out, err = proc.communicate()
    seconds = time.monotonic() - t0
    _kill_group(proc)
    return Result(argv, None if timed_out else proc.returncode, out, err, seconds, timed_out,
                  budget)  # fmt: skip


@dataclass
class Job:
    """One process of a batch run by ``run_many``: its own sandbox, arguments and budget."""

    name: str
    sb: Sandbox
    args: list
    stdin: bytes | Path | None = None
    env: dict | None = None
    budget: float = BUDGET


def run_many(jobs: list[Job], concurrency: int = 2) -> dict[str, Result]:
    """Run independent cases ``concurrency`` at a time (one per core, so no case is slowed by
    another beyond what one core costs it); each keeps its own budget from its own start."""
    results: dict[str, Result] = {}
    pending = list(jobs)
    active: list[tuple] = []
    while pending or active:
        while pending and len(active) < concurrency:
            job = pending.pop(0)
            before = job.sb.snapshot()
            proc, argv, files = start(job.sb, job.args, stdin=job.stdin, env=job.env,
                                      tag=f"-{len(results) + len(active)}")  # fmt: skip
            active.append((job, proc, argv, files, before))
        time.sleep(0.02)
        still = []
        for item in active:
            job, proc, argv, files, before = item
            elapsed = time.monotonic() - proc._hostile_t0  # type: ignore[attr-defined]
            if proc.poll() is not None or elapsed > job.budget:
                res = finish(proc, argv, files, job.budget)
                res.changes = job.sb.changes(before)
                results[job.name] = res
            else:
                still.append(item)
        active = still
    return results


# --- the promises -------------------------------------------------------------------------------


def _control_chars(stream: str, data: bytes) -> list[str]:
    found = []
    m = _C0.search(data)
    if m:
        b = m.group(0)[0]
        ctx = data[max(0, m.start() - 20) : m.start() + 20]
        found.append(f"raw control byte 0x{b:02x} ({_NAMES.get(b, 'C0')}) in {stream}: {ctx!r}")
    text = data.decode("utf-8", "surrogateescape")
    m = _C1.search(text)
    if m:
        ch = m.group(0)
        code = ord(ch) - 0xDC00 if 0xDC80 <= ord(ch) <= 0xDC9F else ord(ch)
        how = "raw byte" if 0xDC80 <= ord(ch) <= 0xDC9F else "character"
        ctx = text[max(0, m.start() - 20) : m.start() + 20].encode("utf-8", "backslashreplace")
        found.append(f"raw C1 control 0x{code:02x} ({_NAMES.get(code, 'C1')}, {how}) in "
                     f"{stream}: {ctx!r}")  # fmt: skip
    return found


def problems(res: Result, expect, max_stderr_lines: int = MAX_STDERR_LINES) -> list[tuple]:
    """Every broken promise of one run, as (kind, message)."""
    expect = {expect} if isinstance(expect, int) else set(expect)
    out = []
    if res.timed_out:
        out.append(("hang", f"hang: no exit within {res.budget:.0f} s"))
    elif res.rc not in expect:
        out.append(("wrong_exit", f"exit {res.rc}, expected {sorted(expect)}"))
    if b"Traceback" in res.err:
        out.append(("traceback", f"traceback on stderr: {res.tb_last()}"))
    else:
        n = len(res.errtext.splitlines())
        if n > max_stderr_lines:
            out.append(("noisy", f"stderr has {n} lines (at most {max_stderr_lines})"))
    for stream, data in (("stdout", res.out), ("stderr", res.err)):
        out += [("control", m) for m in _control_chars(stream, data)]
    out += [("outside", c) for c in res.changes]
    return out


def check(res: Result, expect, *, max_stderr_lines: int = MAX_STDERR_LINES, note: str = "",
          extra: list[tuple] | None = None) -> Result:  # fmt: skip
    """Assert every promise of one run; log it either way. ``extra``: case-specific problems."""
    found = problems(res, expect, max_stderr_lines) + list(extra or [])
    expect_set = sorted({expect} if isinstance(expect, int) else set(expect))
    log({
        "argv": describe_argv(res.argv[len(QUOTE):]), "rc": res.rc, "expect": expect_set,
        "seconds": round(res.seconds, 2), "hang": res.timed_out, "note": note,
        "stderr_first": res.first_err()[:300], "tb_last": res.tb_last()[:300],
        "problems": [list(p) for p in found],
    })  # fmt: skip
    if found:
        lines = [
            f"quote {describe_argv(res.argv[len(QUOTE) :])}" + (f"   [{note}]" if note else "")
        ]
        lines += [f"  - {msg}" for _, msg in found]
        if res.first_err():
            lines.append(f"  stderr[0]: {res.first_err()[:300]!r}")
        raise AssertionError("\n".join(lines))
    return res


def problem(kind: str, message: str) -> tuple[str, str]:
    return (kind, message)


def quote(sb: Sandbox, args, expect, *, note: str = "", max_stderr_lines: int = MAX_STDERR_LINES,
          **kw) -> Result:  # fmt: skip
    """``run`` then ``check``: the usual one-liner of a case."""
    return check(run(sb, args, **kw), expect, note=note, max_stderr_lines=max_stderr_lines)


def soft(res: Result, expect, *, note: str = "", max_stderr_lines: int = MAX_STDERR_LINES,
         extra: list[tuple] | None = None) -> list[str]:  # fmt: skip
    """``check`` that returns the failure text instead of raising (several runs per case)."""
    try:
        check(res, expect, note=note, max_stderr_lines=max_stderr_lines, extra=extra)
    except AssertionError as exc:
        return [str(exc)]
    return []


def clean_dir(p: Path) -> None:
    shutil.rmtree(p, ignore_errors=True)


# --- transcripts every reader accepts (the valid baseline the malformed ones derive from) ---------

RADIO = """JOURNALIST:

When will the bridge be built?

JANE ROE: We will build the bridge next spring.

The money is there.

JOURNALIST: And the road?

JANE ROE: The road comes after.
"""

QUOTE_TXT = """+++
schema = 1
id = "t1"
outlet = "Quote Cast"
date = "2024-03-05"
language = "en"
interviewer = ""
title = "On quoting"
url = ""
credit = ""

[[speakers]]
id = "ann-host"
name = "Ann Host"
role = "interviewer"
title = ""
labels = ["Ann Host"]

[[speakers]]
id = "bo-guest"
name = "Bo Guest"
role = "interviewee"
title = ""
labels = ["Bo Guest"]
+++

::: ann-host
Why do quotes go wrong so often?

::: bo-guest
Memory is a liar and people trust it anyway.
"""

PM_XML = """<?xml version="1.0" encoding="UTF-8" ?>
<transcripts>
  <transcript>
    <transcript-id>777</transcript-id>
    <title>Doorstop interview, Canberra</title>
    <prime-minister>Roe, Jane</prime-minister>
    <period-of-service>20150915 - 20180824</period-of-service>
    <release-date>17/11/2016</release-date>
    <release-type>Transcript</release-type>
    <document></document>
    <subjects></subjects>
    <content><![CDATA[<p><strong>PRIME MINISTER:</strong></p>
<p>We will build the bridge next spring and the money is there.</p>
<p><strong>JOURNALIST:</strong></p>
<p>And the road after the bridge?</p>
<p><strong>PRIME MINISTER:</strong></p>
<p>The road comes after the bridge, as everybody knows.</p>]]></content>
  </transcript>
</transcripts>
"""

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
 <teiHeader><fileDesc><titleStmt><title>Séance du samedi 2 février 2013</title>
 <author>Assemblée nationale</author></titleStmt>
 <editionStmt><edition><date>samedi 2 février 2013</date></edition></editionStmt>
 <publicationStmt><publisher>X</publisher></publicationStmt><sourceDesc><p>x</p></sourceDesc>
 </fileDesc></teiHeader>
 <text><body><div>
  <sp who="Julien_Aubert"><speaker>Julien Aubert</speaker>
  <p>Nous avons abordé la question du pont hier soir.</p></sp>
  <sp who="Erwann_Binet"><speaker>Erwann Binet</speaker>
  <p>La route viendra après le pont, chacun le sait.</p></sp>
 </div></body></text>
</TEI>
"""

CREC = """<html>
<head>
<title>Congressional Record, Volume 151 Issue 99 (Wednesday, July 20, 2005)</title>
</head>
<body><pre>
[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]
[Senate]
[Pages S8536-S8545]

  The PRESIDING OFFICER. Under the previous order, the clerk will
report the bill by title.
  Mr. WARNER. Mr. President, I rise regarding the pending bill,
provided that no other Senators seek recognition on another matter.
  Mr. LEVIN. The glory days of the bridge are behind us.
</pre></body>
</html>
"""

ASSEMBLEE = """Troisième séance du samedi 2 février 2013


Présidence de M. Claude Bartolone


  le président


   La séance est ouverte et nous parlons du pont.


  Julien Aubert


   Nous avons abordé la question du pont hier soir.
"""

VTT = """WEBVTT

00:00:00.000 --> 00:00:02.000
[Ann Host]: Why do quotes go wrong so often?

00:00:02.000 --> 00:00:05.000
[Bo Guest]: Memory is a liar and people trust it anyway.
"""

SRT = """1
00:00:00,000 --> 00:00:02,000
[Ann Host]: Why do quotes go wrong so often?

2
00:00:02,000 --> 00:00:05,000
[Bo Guest]: Memory is a liar and people trust it anyway.
"""

CHAT_JSON = """[{"speaker": "Ann Host", "time": "00:00:00.000", "message": "Why do quotes go wrong so often?"},
 {"speaker": "Bo Guest", "time": "00:00:02.000", "message": "Memory is a liar and people trust it anyway."}]
"""  # noqa: E501

MARKDOWN = """---
title: On quoting
date: 2024-03-05
show: Quote Cast
lang: en
---

**Ann Host:** Why do quotes go wrong? \\[00:10\\]

**Bo Guest:** Memory is a liar and people trust it anyway.
"""

QA = """---
title: « Notre souveraineté passe par nos données »
outlet: Le Courrier numérique
date: 2024-03-12
language: fr
---

# Entretien avec la ministre

Chapeau : la ministre détaille sa stratégie pour le cloud européen.

**Pourquoi défendre un cloud européen ?**

Parce que nos données sont notre souveraineté. Nous ne pouvons pas les confier à n'importe qui.

## Et les géants américains ?

Ils sont les bienvenus s'ils respectent nos règles.

Propos recueillis par Jeanne Martin
"""

PRESS = """LA TRIBUNE - Quand le pont sera-t-il construit, et avec quel argent ?

JANE ROE - Nous construirons le pont au printemps prochain [en 2025, Ndlr]. L'argent est là.

Et la route viendra après le pont.

Propos recueillis par Sylvain Rolland
"""

# name → (file name, text, extra import options): each imports with exit 0 as it stands.
VALID = {
    "quote": ("t1.quote.txt", QUOTE_TXT, []),
    "pm-xml": ("transcript-777.xml", PM_XML, []),
    "tei": ("seance.xml", TEI, ["--outlet", "Assemblée nationale", "--language", "fr"]),
    "crec": ("crec.htm", CREC, []),
    "assemblee": ("an.txt", ASSEMBLEE, ["--outlet", "Assemblée nationale", "--language", "fr"]),
    "vtt": ("sub.vtt", VTT, ["--outlet", "Quote Cast", "--language", "en"]),
    "srt": ("sub.srt", SRT, ["--outlet", "Quote Cast", "--language", "en"]),
    "json": ("chat.json", CHAT_JSON, ["--outlet", "Quote Cast", "--language", "en"]),
    "markdown": ("pod.md", MARKDOWN, []),
    "qa": ("qa.md", QA, ["--interviewee", "Jeanne Roe"]),
    "dialogue": ("radio.txt", RADIO, ["--outlet", "Radio X", "--language", "en"]),
    "press": ("press.txt", PRESS, ["--outlet", "La Tribune", "--language", "fr"]),
}

BUNDLED_PHRASE = "alternative à OpenAI"

# The entity declarations of a billion laughs (&l9; is 10**9 "ha"), for a DOCTYPE's subset.
BILLION_LAUGHS = '<!ENTITY l0 "ha">' + "".join(
    f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
)
BUNDLED_ID = "la-tribune-2024-02-ferrari"


# --- cases run in a batch, two at a time ----------------------------------------------------------


@dataclass
class Case:
    """One single-process case: what to run, what it may exit with, what else must hold.

    ``args``, ``stdin`` and ``env`` may be callables of the case's Sandbox (paths are only
    known once it exists); ``files`` are written to ``inputs`` first; ``library`` gives the case
    a copy of a library holding the radio transcript; ``post(sb, res)`` returns case-specific
    problems (``problem(kind, message)``).
    """

    id: str
    args: object
    expect: object
    stdin: object = None
    env: object = None
    budget: float = BUDGET
    library: bool = False
    files: dict = field(default_factory=dict)
    max_stderr_lines: int = MAX_STDERR_LINES
    post: object = None
    setup: object = None  # setup(sb): anything else to prepare (plant files, corrupt the library)
    slow: bool = False  # started first, so that the quick cases fill the other core meanwhile

    def __str__(self) -> str:
        return self.id


_TEMPLATE: dict[str, Path] = {}


def library_template(base: Path) -> Path:
    """A QUOTE_HOME holding the radio transcript, built once per session and copied per case."""
    if "radio" not in _TEMPLATE:
        sb = Sandbox(base / "template")
        path = sb.write("radio.txt", RADIO)
        quote(sb, ["import", path, "--outlet", "Radio X", "--date", "2024-05-02"], 0,
              note="setup: the template library")  # fmt: skip
        _TEMPLATE["radio"] = sb.home
    return _TEMPLATE["radio"]


def give_library(sb: Sandbox, base: Path) -> None:
    shutil.copytree(library_template(base), sb.home, dirs_exist_ok=True)


def _value(v, sb):
    return v(sb) if callable(v) else v


def run_cases(cases: list[Case], base: Path, concurrency: int = 2) -> dict[str, tuple]:
    """Prepare every case's sandbox, run them all (two at a time), return id → (case, sb, res)."""
    jobs, boxes = [], {}
    for n, case in enumerate(cases):
        sb = Sandbox(base / f"case{n}")
        if case.library:
            give_library(sb, base)
        for name, data in case.files.items():
            sb.write(name, _value(data, sb))
        if case.setup:
            case.setup(sb)
        env = _value(case.env, sb)
        if isinstance(env, dict) and not any(isinstance(k, bytes) for k in env):
            env = sb.env(**env)
        stdin = _value(case.stdin, sb)
        if isinstance(stdin, str):
            stdin = stdin.encode("utf-8", "surrogateescape")
        jobs.append(Job(case.id, sb, list(_value(case.args, sb)), stdin, env, case.budget))
        boxes[case.id] = (case, sb)
    slow = {c.id for c in cases if c.slow}
    jobs.sort(key=lambda j: j.name not in slow)  # longest first: the batch ends sooner
    results = run_many(jobs, concurrency)
    return {cid: (case, sb, results[cid]) for cid, (case, sb) in boxes.items()}


def verify(batch: dict[str, tuple], case: Case) -> Result:
    """The check of one batched case: the common promises plus the case's own ``post``."""
    case, sb, res = batch[case.id]
    extra = list(case.post(sb, res) or []) if case.post and not res.timed_out else []
    return check(res, case.expect, max_stderr_lines=case.max_stderr_lines, note=case.id,
                 extra=extra)  # fmt: skip


def ids(cases: list[Case]) -> list[str]:
    return [c.id for c in cases]


# --- multi-step flows, run in rounds (step k of every flow at once, two processes at a time) -----


@dataclass
class Step:
    args: list
    expect: object
    note: str = ""
    stdin: bytes | None = None
    post: object = None  # post(sb, res) -> problems
    budget: float = BUDGET
    max_stderr_lines: int = MAX_STDERR_LINES


def run_flows(flows: dict[str, tuple], concurrency: int = 2) -> dict[str, tuple]:
    """``flows``: name → (sandbox, plan). ``plan(sb, done)`` gets the (Step, Result) pairs run
    so far and returns the next Step, or None when the flow is over. Returns name → (sb, done)."""
    done: dict[str, list] = {name: [] for name in flows}
    live = set(flows)
    while live:
        jobs, steps = [], {}
        for name in sorted(live):
            sb, plan = flows[name]
            step = plan(sb, done[name])
            if step is None:
                live.discard(name)
                continue
            key = f"{name}#{len(done[name])}"
            steps[key] = (name, step)
            jobs.append(Job(key, sb, list(step.args), step.stdin, None, step.budget))
        for key, res in run_many(jobs, concurrency).items():
            name, step = steps[key]
            done[name].append((step, res))
    return {name: (flows[name][0], done[name]) for name in flows}


def verify_flow(sb: Sandbox, done: list) -> None:
    """Check every step of a flow, then fail once with all that broke."""
    fails = []
    for step, res in done:
        extra = list(step.post(sb, res) or []) if step.post and not res.timed_out else []
        fails += soft(res, step.expect, note=step.note, extra=extra,
                      max_stderr_lines=step.max_stderr_lines)  # fmt: skip
    assert not fails, "\n".join(fails)


def sources_ids(res: Result) -> list[str]:
    """Ids listed by ``sources --json`` (lines that are not JSON are skipped)."""
    out = []
    for line in res.out.splitlines():
        try:
            out.append(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            pass
    return out
