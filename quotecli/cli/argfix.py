"""Arguments' help strings in ``--help``: a fix for typer-slim 0.20 under click 8.5.

typer's ``TyperArgument`` stores ``help`` on itself and then calls click's ``Argument``
constructor, which since click 8.5 takes a ``help`` of its own and sets ``self.help = None``
when given none: every argument's help string vanished from ``quote show --help`` ("ID
[required]" with no words). ``apply`` wraps the constructor so the help given survives; it is
applied only when the installed pair has the bug (a test checks the help is shown), so a typer
that fixes it is left alone. Click 8.5 also lists documented arguments itself ("Positional
arguments:"), which typer does already ("Arguments:"): typer's list is kept, click's dropped,
so each argument is described once. Imported by ``cli.app`` before any command is built.
"""

from __future__ import annotations

import functools


def apply() -> None:
    """Make ``TyperArgument(help=…)`` keep its help, if the installed typer loses it."""
    from typer.core import TyperArgument, TyperCommand, TyperGroup

    for cls in (TyperCommand, TyperGroup):
        if "format_arguments" not in cls.__dict__ and hasattr(cls, "format_arguments"):
            cls.format_arguments = _typer_lists_them  # type: ignore[method-assign]
    if getattr(TyperArgument, "_quote_help_kept", False):
        return
    if TyperArgument(param_decls=["probe"], help="probe").help == "probe":
        return
    init = TyperArgument.__init__

    @functools.wraps(init)
    def __init__(self, *args, help=None, **kwargs):  # noqa: A002 - click's own keyword
        init(self, *args, help=help, **kwargs)
        self.help = help

    TyperArgument.__init__ = __init__  # type: ignore[method-assign]
    TyperArgument._quote_help_kept = True  # type: ignore[attr-defined]


def _typer_lists_them(self, ctx, formatter) -> None:
    """click 8.5's own argument list: typer's ``format_options`` prints the same rows."""


apply()
