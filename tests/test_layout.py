"""The package's shape (issue 10): the pipeline as subpackages, no import circle, nothing
importing upward, no module over 500 lines, and one owner per rule (the regression tests of
the bugs that copies of a rule caused are in test_one_owner.py).

Layers, lowest first: a module may import its own package and any lower layer, never a higher
one — the core never imports the command line, a printer never imports the matcher.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotecli"
LAYERS = [
    {"status", "records"},
    {"text", "context"},
    {"transcript"},
    {"results"},
    {"readers", "library", "matching", "cite"},
    {"attribution"},
    {"search"},
    {"check", "render", "deliver"},
    {"cli"},
    {"main", "__main__"},
]
RANK = {name: k for k, layer in enumerate(LAYERS) for name in layer}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        yield path, "quotecli" + "".join("." + p for p in parts)


def _imports(path: Path, name: str) -> set[str]:
    """Every quotecli module this file imports, at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quotecli"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("quotecli"))
    return {m for m in out if m in KNOWN and m != name}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = list(_modules())
KNOWN = {n for _, n in MODULES}


@pytest.mark.parametrize("path,name", MODULES, ids=[n for _, n in MODULES])
def test_no_module_imports_upward(path, name):
    stage = _stage(name)
    if not stage:  # quotecli/__init__.py: the version and the map only
        assert _imports(path, name) == set()
        return
    assert stage in RANK, f"{stage} has no layer: add it to LAYERS"
    for target in _imports(path, name):
        other = _stage(target)
        if other and other != stage:
            assert RANK[other] <= RANK[stage], f"{name} imports {target} (a higher layer)"


def test_no_import_circle_between_stages():
    graph: dict[str, set[str]] = {}
    for path, name in MODULES:
        for target in _imports(path, name):
            a, b = _stage(name), _stage(target)
            if a and b and a != b:
                graph.setdefault(a, set()).add(b)

    def reach(start, seen):
        for nxt in graph.get(start, ()):
            if nxt not in seen:
                seen.add(nxt)
                reach(nxt, seen)
        return seen

    for stage in graph:
        assert stage not in reach(stage, set()), f"import circle through {stage}"


@pytest.mark.parametrize("path,name", MODULES, ids=[n for _, n in MODULES])
def test_modules_stay_small_and_say_what_they_own(path, name):
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 500, f"{name}: split it (STYLE.md: roughly 100–400 lines)"
    tree = ast.parse(text)
    assert ast.get_docstring(tree), f"{name} has no docstring saying what it owns"


def test_the_core_never_imports_typer():
    for path, name in MODULES:
        if _stage(name) in ("cli", "main"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "typer" for a in node.names), name
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] != "typer", name
