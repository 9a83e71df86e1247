"""Deliver text to the clipboard, and say plainly when that is impossible.

This module owns the ``--copy`` delivery stage (issue 4): choosing a clipboard backend from the
environment the caller hands in, running the helper tools safely, reading the result back, and
reporting one :class:`CopyOutcome`. It must not print, import typer, read ``os.environ`` or call
``isatty()``: the caller decides about the environment once and passes it as ``environ``.

Backends, in the order :func:`plan` tries them under ``QUOTE_CLIPBOARD=auto``:

* macOS, Windows: ``pyperclip`` (pbcopy / the Win32 API). WSL: ``pyperclip`` (clip.exe) first,
  then the Linux list.
* Linux: ``wl-copy`` when ``WAYLAND_DISPLAY`` is set, ``xclip`` then ``xsel`` when ``DISPLAY``
  is set. We run these ourselves rather than through pyperclip, because pyperclip lets the
  helper's background process inherit our stdout, so ``x=$(quote find --copy …)`` hangs until
  something else takes the clipboard. Here the helper gets a pipe for stdin, a temporary file
  for stderr, nothing for stdout, and a session of its own; every call has a timeout, its exit
  status is checked, and the clipboard is read back (polling up to 0.5 s, since a read right
  after a copy can still return the old content).
* Fallbacks, when no native clipboard worked: ``tmux load-buffer -w -`` inside tmux, then an
  OSC 52 escape written to the controlling terminal (``tty_path``, never stdout) when TERM is
  not dumb/linux: the SSH case. Neither can be confirmed, so ``verified`` is False for both.

HTML flavour: ``html`` is accepted but not offered by any backend yet. xclip 0.13 and wl-copy
serve a single target per process, and xclip answers every request (UTF8_STRING included) with
the bytes it holds, so ``xclip -t text/html`` would make a plain paste show markup; a second
helper process would replace the first. The plain text always wins; see the README.

``QUOTE_CLIPBOARD=fake`` with ``QUOTE_CLIPBOARD_FAKE_FILE`` and :class:`RecordingClipboard` are
test seams, not features.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping

from quotecli.records import dataclass

NATIVE = ("wl-copy", "xclip", "xsel", "pyperclip")
FALLBACKS = ("tmux", "osc52")
BACKENDS = (*NATIVE, *FALLBACKS, "fake")
OFF = ("none", "off")

_INSTALL = "install xclip or xsel (X11) or wl-clipboard (Wayland)"
_NO_CLIPBOARD = (
    "no clipboard reachable (no DISPLAY or WAYLAND_DISPLAY, not inside tmux, no terminal for "
    f"OSC 52): {_INSTALL} and run in a desktop session, or set QUOTE_CLIPBOARD=osc52 or tmux"
)
_READ_BACK_WINDOW = 0.5
# tmux drops OSC 52 sequences over about 1 MiB; most terminals cap them far lower.
_OSC52_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class CopyOutcome:
    """What happened to one copy request.

    ``backend`` is the backend that succeeded, or the last one tried on failure (None when none
    could be tried). ``message`` is one line for people on failure (why, and what to install or
    set), None on success. ``verified`` is True only when the clipboard was read back and held
    exactly the text; it is always False for ``tmux`` and ``osc52``, which cannot be read back.
    """

    ok: bool
    backend: str | None
    message: str | None
    verified: bool


class _Request:
    # A plain class: each dataclass costs about 1 ms of import time.
    __slots__ = ("text", "data", "html", "environ", "tty_path", "timeout")

    def __init__(self, text, data, html, environ, tty_path, timeout) -> None:
        self.text: str = text
        self.data: bytes = data
        self.html: str | None = html
        self.environ: Mapping[str, str] = environ
        self.tty_path: str | None = tty_path
        self.timeout: float = timeout


class _Unreachable(Exception):
    """A backend that cannot even be attempted here: skipped under auto, an error when forced."""


def plan(environ: Mapping[str, str], *, platform: str | None = None) -> tuple[str, ...]:
    """Return the backends :func:`copy` would try, in order, for ``environ``.

    ``platform`` is ``sys.platform`` by default, or ``"wsl"``; a forced ``QUOTE_CLIPBOARD``
    backend gives a one-element plan, ``none``/``off`` an empty one.
    """
    choice = _choice(environ)
    if choice in OFF:
        return ()
    if choice != "auto":
        return (choice,) if choice in BACKENDS else ()
    platform = platform or _platform(environ)
    found: list[str] = []
    if platform in ("darwin", "win32", "cygwin", "wsl"):
        found.append("pyperclip")
    if platform not in ("darwin", "win32", "cygwin"):
        if environ.get("WAYLAND_DISPLAY") and _which("wl-copy", environ):
            found.append("wl-copy")
        if environ.get("DISPLAY"):
            found += [tool for tool in ("xclip", "xsel") if _which(tool, environ)]
    if environ.get("TMUX") and _which("tmux", environ):
        found.append("tmux")
    if environ.get("TERM", "dumb") not in ("", "dumb", "linux"):
        found.append("osc52")
    return tuple(found)


def copy(
    text: str,
    *,
    html: str | None = None,
    environ: Mapping[str, str],
    tty_path: str | None = "/dev/tty",
    timeout: float = 2.0,
) -> CopyOutcome:
    """Put exactly ``text`` on the clipboard chosen from ``environ``; never raise, never print.

    The text is copied as given: no newline added or removed, no normalisation. ``html`` is
    accepted for the day a backend can offer it beside the plain text (see the module
    docstring). ``tty_path`` is where OSC 52 goes (None disables it); ``timeout`` bounds each
    helper process. Backends are tried in :func:`plan` order and the first that works wins.
    """
    choice = _choice(environ)
    if choice in OFF:
        return CopyOutcome(False, None, f"copying is turned off by QUOTE_CLIPBOARD={choice}", False)
    if choice != "auto" and choice not in BACKENDS:
        names = ", ".join(("auto", *BACKENDS[:-1], "none"))
        return CopyOutcome(False, None, f"QUOTE_CLIPBOARD={choice} is not one of: {names}", False)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return CopyOutcome(False, None, f"the text cannot be copied: {exc}", False)

    request = _Request(text, data, html, environ, tty_path, timeout)
    reasons: list[str] = []
    tried: list[str] = []
    for backend in plan(environ):
        try:
            outcome = _BACKEND_FUNCS[backend](request)
        except _Unreachable as exc:
            if choice == "auto":
                continue
            outcome = CopyOutcome(False, backend, str(exc), False)
        if outcome.ok:
            return outcome
        tried.append(backend)
        reasons.append(f"{backend}: {outcome.message}")
    if not tried:
        return CopyOutcome(False, None, _advice_when_nothing(environ), False)
    message = "; ".join(reasons)
    if choice == "auto":
        message += f" ({_advice_when_failed(environ, tried)})"
    return CopyOutcome(False, tried[-1], message, False)


class RecordingClipboard:
    """A test double with the signature of :func:`copy` that records instead of copying.

    Hand it to code that takes a copier; ``copies`` holds ``(text, html)`` pairs. With
    ``fail_with`` set it records nothing and fails with that message, like a missing clipboard.
    """

    def __init__(self, fail_with: str | None = None) -> None:
        self.fail_with = fail_with
        self.copies: list[tuple[str, str | None]] = []

    def __call__(self, text: str, *, html: str | None = None, **_: object) -> CopyOutcome:
        """Record ``text`` and ``html``, or fail as configured."""
        if self.fail_with is not None:
            return CopyOutcome(False, "fake", self.fail_with, False)
        self.copies.append((text, html))
        return CopyOutcome(True, "fake", None, True)

    @property
    def last(self) -> str | None:
        """The text of the most recent copy, or None."""
        return self.copies[-1][0] if self.copies else None


# --- choosing --------------------------------------------------------------------------------


def _choice(environ: Mapping[str, str]) -> str:
    return (environ.get("QUOTE_CLIPBOARD") or "auto").strip().lower()


def _platform(environ: Mapping[str, str]) -> str:
    if sys.platform != "linux":
        return sys.platform
    if environ.get("WSL_DISTRO_NAME") or environ.get("WSL_INTEROP"):
        return "wsl"
    return "linux"


def _which(tool: str, environ: Mapping[str, str]) -> str | None:
    import shutil

    return shutil.which(tool, path=environ.get("PATH", os.defpath))


def _advice_when_nothing(environ: Mapping[str, str]) -> str:
    if environ.get("WAYLAND_DISPLAY"):
        return "WAYLAND_DISPLAY is set but wl-copy is not installed: install wl-clipboard"
    if environ.get("DISPLAY"):
        return "DISPLAY is set but neither xclip nor xsel is installed: install xclip or xsel"
    return _NO_CLIPBOARD


def _advice_when_failed(environ: Mapping[str, str], tried: list[str]) -> str:
    if environ.get("WAYLAND_DISPLAY") and "wl-copy" not in tried:
        return "install wl-clipboard"
    if environ.get("DISPLAY") and "xclip" not in tried and "xsel" not in tried:
        return "install xclip or xsel"
    return f"{_INSTALL}, or set QUOTE_CLIPBOARD to a working backend or none"


# --- helper processes ------------------------------------------------------------------------


def _run_helper(
    argv: list[str], data: bytes, environ: Mapping[str, str], timeout: float
) -> str | None:
    """Run a clipboard helper that may leave a background owner behind; return an error or None.

    The owner must not inherit a pipe the caller is reading (the ``$(…)`` hang), so stdout is
    /dev/null and stderr a temporary file, never a pipe; a new session detaches it from the
    caller's terminal and lets a timeout kill the whole group.
    """
    import signal
    import subprocess
    import tempfile

    with tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=dict(environ),
                start_new_session=True,
                close_fds=True,
            )
        except OSError as exc:
            return f"cannot run it: {exc.strerror or exc}"
        try:
            proc.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (OSError, AttributeError):  # AttributeError: no process groups on Windows
                proc.kill()
            proc.wait()
            return f"timed out after {timeout:g} s"
        if proc.returncode != 0:
            err.seek(0)
            detail = " ".join(err.read(400).decode("utf-8", "replace").split())
            return f"exited with status {proc.returncode}" + (f" ({detail})" if detail else "")
    return None


def _read_back(
    argv: list[str], data: bytes, environ: Mapping[str, str], timeout: float
) -> bool | None:
    """Poll ``argv`` until it prints ``data``; True if it did, False if not, None if unreadable."""
    import subprocess

    deadline = time.monotonic() + _READ_BACK_WINDOW
    seen_output = False
    while True:
        try:
            got = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=dict(environ),
                timeout=timeout,
                start_new_session=True,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None if not seen_output else False
        seen_output = seen_output or got.returncode == 0
        if got.returncode == 0 and got.stdout == data:
            return True
        if time.monotonic() >= deadline:
            return False if seen_output else None
        time.sleep(0.01)


def _via_helper(
    req: _Request, backend: str, copy_argv: list[str], paste_argv: list[str] | None
) -> CopyOutcome:
    if not _which(copy_argv[0], req.environ):
        raise _Unreachable(f"{copy_argv[0]} is not installed")
    error = _run_helper(copy_argv, req.data, req.environ, req.timeout)
    if error:
        return CopyOutcome(False, backend, error, False)
    if paste_argv is None:
        return CopyOutcome(True, backend, None, False)
    same = _read_back(paste_argv, req.data, req.environ, req.timeout)
    if same is False:
        why = f"the clipboard did not hold the text {_READ_BACK_WINDOW:g} s after {backend}"
        return CopyOutcome(False, backend, why, False)
    return CopyOutcome(True, backend, None, bool(same))


def _xclip(req: _Request) -> CopyOutcome:
    # -t text/html would replace the plain flavour (one target per process): plain only.
    copy_argv = ["xclip", "-i", "-selection", "clipboard"]
    return _via_helper(req, "xclip", copy_argv, ["xclip", "-o", "-selection", "clipboard"])


def _xsel(req: _Request) -> CopyOutcome:
    return _via_helper(req, "xsel", ["xsel", "--clipboard", "--input"], ["xsel", "-b", "-o"])


def _wl_copy(req: _Request) -> CopyOutcome:
    # An explicit type spares wl-copy its content sniffing; wl-paste -n adds no newline.
    kind = "text/plain;charset=utf-8"
    paste: list[str] | None = ["wl-paste", "--no-newline", "--type", kind]
    if not _which("wl-paste", req.environ):
        paste = None
    return _via_helper(req, "wl-copy", ["wl-copy", "--type", kind], paste)


def _tmux(req: _Request) -> CopyOutcome:
    # -w also hands the buffer to the outer terminal's clipboard (set-clipboard): unconfirmable.
    if not _which("tmux", req.environ):
        raise _Unreachable("tmux is not installed")
    error = _run_helper(["tmux", "load-buffer", "-w", "-"], req.data, req.environ, req.timeout)
    return CopyOutcome(error is None, "tmux", error, False)


def _osc52(req: _Request) -> CopyOutcome:
    import base64

    if req.tty_path is None:
        raise _Unreachable("no terminal to send OSC 52 to")
    payload = b"\x1b]52;c;" + base64.b64encode(req.data) + b"\x07"
    if len(payload) > _OSC52_MAX_BYTES:
        return CopyOutcome(False, "osc52", "text too long for OSC 52 (over 1 MB)", False)
    try:
        fd = os.open(req.tty_path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        raise _Unreachable(f"cannot open {req.tty_path}: {exc.strerror}") from None
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        return CopyOutcome(False, "osc52", f"cannot write to {req.tty_path}: {exc.strerror}", False)
    finally:
        os.close(fd)
    return CopyOutcome(True, "osc52", None, False)


# The helper process says why pyperclip failed in one line (its exception's first line), never
# with a traceback: the line goes into quote's own message.
_ONE_LINE = (
    "import sys, pyperclip\ntry:\n {}\nexcept Exception as exc:\n"
    " sys.stderr.write((str(exc).splitlines() or [type(exc).__name__])[0]); sys.exit(1)"
)


def _pyperclip(req: _Request) -> CopyOutcome:
    # pyperclip picks its own tool from the process environment, not from ``req.environ``; on
    # Linux its xclip/wl-copy owner inherits our stdout (the ``$(…)`` hang) and has no timeout,
    # so there it runs in a detached helper process of its own, bounded like the others.
    try:
        import pyperclip
    except ImportError:
        raise _Unreachable("pyperclip is not installed") from None
    if _platform(req.environ) == "linux":
        code = _ONE_LINE.format("pyperclip.copy(sys.stdin.buffer.read().decode('utf-8'))")
        error = _run_helper([sys.executable, "-c", code], req.data, req.environ, req.timeout)
        if error:
            return CopyOutcome(False, "pyperclip", error, False)
        # pyperclip ignores its tool's exit status (no display: "copied"), so read it back
        paste = _ONE_LINE.format("sys.stdout.buffer.write(pyperclip.paste().encode('utf-8'))")
        same = _read_back([sys.executable, "-c", paste], req.data, req.environ, req.timeout)
        if not same:
            why = "the clipboard did not hold the text afterwards (is the display reachable?)"
            return CopyOutcome(False, "pyperclip", why, False)
        return CopyOutcome(True, "pyperclip", None, True)
    try:
        pyperclip.copy(req.text)
        # WSL reads back through PowerShell (slow, and it drops a trailing newline), so no
        # check there; elsewhere a mismatch means "unconfirmed", since paste() may differ.
        same = _platform(req.environ) != "wsl" and pyperclip.paste() == req.text
        deadline = time.monotonic() + _READ_BACK_WINDOW
        while not same and _platform(req.environ) != "wsl" and time.monotonic() < deadline:
            time.sleep(0.01)
            same = pyperclip.paste() == req.text
    except Exception as exc:  # pyperclip raises bare OSErrors as well as PyperclipException
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return CopyOutcome(False, "pyperclip", detail, False)
    return CopyOutcome(True, "pyperclip", None, same)


def _fake(req: _Request) -> CopyOutcome:
    """Test seam: write the exact bytes to QUOTE_CLIPBOARD_FAKE_FILE (and html to ``.html``)."""
    path = req.environ.get("QUOTE_CLIPBOARD_FAKE_FILE")
    if not path:
        return CopyOutcome(False, "fake", "QUOTE_CLIPBOARD_FAKE_FILE is not set", False)
    try:
        with open(path, "wb") as out:
            out.write(req.data)
        if req.html is not None:
            with open(path + ".html", "wb") as out:
                out.write(req.html.encode("utf-8"))
    except OSError as exc:
        return CopyOutcome(False, "fake", f"cannot write {path}: {exc.strerror}", False)
    return CopyOutcome(True, "fake", None, True)


_BACKEND_FUNCS: dict[str, Callable[[_Request], CopyOutcome]] = {
    "wl-copy": _wl_copy,
    "xclip": _xclip,
    "xsel": _xsel,
    "pyperclip": _pyperclip,
    "tmux": _tmux,
    "osc52": _osc52,
    "fake": _fake,
}
