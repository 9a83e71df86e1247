"""A pager for long output on a terminal, as git does it (``quote show``).

Only when stdout is a terminal: a pipe or a file gets the text as is, never a pager. The pager
is ``$QUOTE_PAGER``, else ``$PAGER``, else ``less -FRX`` (quit at once when the text fits one
screen, keep colours, leave the text on the screen). An empty value or ``cat`` means no pager;
so does ``TERM=dumb``. When ``less`` is wanted and ``$LESS`` is unset, it is set to ``FRX`` for
the pager only (git's rule), so ``PAGER=less`` behaves like the default.

The pager command is run by ``sh -c`` (``PAGER='less -S'`` works, as in git). A pager that
cannot start is no error: the text goes to stdout. The user quitting the pager early (``q``)
is a normal end, not a broken pipe. The environment comes from ``context.Environment``; this
module reads no ``os.environ`` and asks no ``isatty`` itself.
"""

from __future__ import annotations

from quotecli.context import Environment
from quotecli.deliver import emit

DEFAULT = "less -FRX"


def command(env: Environment) -> str | None:
    """The pager to run for ``env``, or None for none."""
    if not env.stdout_tty or env.environ.get("TERM") == "dumb":
        return None
    for var in ("QUOTE_PAGER", "PAGER"):
        if var in env.environ:
            value = env.environ[var].strip()
            return None if value in ("", "cat") else value
    return DEFAULT


def page(text: str, env: Environment) -> None:
    """Show ``text`` through the pager when there is one, else write it to stdout."""
    pager = command(env)
    if pager is None:
        emit(env.out, text)
        return
    import subprocess

    child_env = dict(env.environ)
    child_env.setdefault("LESS", "FRX")
    child_env.setdefault("LV", "-c")
    try:
        env.out.flush()
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=child_env)
    except OSError:
        emit(env.out, text)
        return
    try:
        assert proc.stdin is not None
        proc.stdin.write((text + "\n").encode("utf-8", "surrogateescape"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end: a normal end
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less uses it), as in git
            continue
    if proc.returncode == 127:  # sh: the pager command was not found
        emit(env.out, text)
