"""The import layering of src/studykit (issue 12, STYLE.md "Layers that only look down").

Every import statement in the package — at module level or inside a function — is read with
``ast``; the test fails on an import cycle between modules, on an import of another module's
``_private`` name or of a sub-package's ``_private`` module from outside that sub-package (the
package-wide ``studykit._output``, ``_yaml``, … are shared), and on a module importing one of a
higher layer:

    base → YAML reading → bank / key files → features → outputs → public API → CLI

Each module is given its layer below (a package by its prefix).  A deliberate exception stands
in :data:`EXCEPTIONS` with its one-line reason; an exception that no longer occurs fails the
test too, so the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "studykit"

#: Layers, lowest first; a module may import its own layer and those below.
#: A package stands for its modules (studykit.quiz: quiz.model, quiz.draw, quiz.build; key, handout,
#: cli and workflows likewise; studykit.grade: grade.readers.encoding, .files, .sheet, .columns, .table;
#: studykit.anki: anki.note_types, .notes, .package; studykit.bank: bank.rules, .fields, .warnings,
#: .questions, .validate, .load),
#: so splitting a module into a package keeps its layer.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "studykit.errors",
            "studykit.i18n",
            "studykit.model",
            "studykit.key_model",
            "studykit.formats",
            "studykit.text",
            "studykit.collation",
            "studykit.typography",
            "studykit._output",
            "studykit._gc",
            "studykit._lazy",
            "studykit._version",
            "studykit._templates",
            "studykit.fieldrules",
            "studykit._docx",
        ),
    ),
    ("yaml", ("studykit._yaml", "studykit._yaml_types", "studykit._yaml_events", "studykit._yaml_messages")),
    # attribution derives the 'who said' questions while a bank loads: part of reading a bank
    ("files", ("studykit.bank", "studykit.attribution", "studykit.key", "studykit.library", "studykit._cache")),
    (
        "features",
        (
            "studykit.mix",
            "studykit._giveaway",
            "studykit.quiz",
            "studykit.grade",
            "studykit.draft",
            "studykit.handout",
            "studykit.practice",
        ),
    ),
    ("outputs", ("studykit.render", "studykit.anki", "studykit.review", "studykit.grade.report")),
    # each command's policies as one library call (the CLI only parses, calls and prints)
    ("workflows", ("studykit.workflows",)),
    ("api", ("studykit",)),
    ("cli", ("studykit.cli", "studykit._clihelp", "studykit.__main__")),
)

#: (importer, imported) pairs allowed against the rules above, each with its reason.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _modules() -> dict[str, Path]:
    mods = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


MODULES = _modules()


def _layer(module: str) -> int:
    """The layer of ``module``: that of the longest prefix listed in :data:`LAYERS`."""
    best, found = -1, -1
    for n, (_, names) in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, found = len(name), n
    assert found >= 0, f"{module} is in no layer of tests/test_layers.py"
    return found


def _imports(module: str) -> list[tuple[str, str]]:
    """``(imported module, name)`` for each name ``module`` imports from studykit (``""`` for
    a module imported whole)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names if a.name.split(".")[0] == "studykit"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([base] if base else [])])
            if base.split(".")[0] != "studykit":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub, "") if sub in MODULES else (base, alias.name))
    return found


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        for target, _name in _imports(module):
            while target not in MODULES:
                target = target.rpartition(".")[0]
            # a package's __init__ importing its own submodules (re-exports) is no cycle
            if target != module and not target.startswith(module + "."):
                edges[module].add(target)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def _violations() -> list[tuple[str, str, str]]:
    """``(importer, imported, what)`` for each private-name or upward import."""
    found = []
    for module in sorted(MODULES):
        for target, name in _imports(module):
            owner = target
            while owner not in MODULES:
                owner = owner.rpartition(".")[0]
            if owner == module or owner.startswith(module + "."):
                continue
            if name.startswith("_") and name != "_":
                found.append((module, owner, f"private name {name}"))
            package, _dot, last = owner.rpartition(".")
            if last.startswith("_") and package != "studykit" and not module.startswith(package + "."):
                found.append((module, owner, f"private module of {package}"))
            if _layer(owner) > _layer(module):
                what = f"upward: {LAYERS[_layer(module)][0]} imports {LAYERS[_layer(owner)][0]}"
                found.append((module, owner, what))
    return found


def test_every_module_has_a_layer() -> None:
    """Each module of the package falls in one of the declared layers."""
    assert all(_layer(m) >= 0 for m in MODULES)
    assert len(MODULES) > 60


def test_no_import_cycle() -> None:
    """No two modules import each other, directly or round a loop."""
    assert _cycles(_edges()) == []


def test_imports_only_look_down_and_never_at_private_names() -> None:
    """No module imports a higher layer's module or another module's ``_private`` name, except
    the listed exceptions."""
    unexpected = [v for v in _violations() if (v[0], v[1]) not in EXCEPTIONS]
    assert unexpected == []


def test_every_exception_still_occurs() -> None:
    """An exception whose import is gone is removed from the list."""
    seen = {(a, b) for a, b, _ in _violations()}
    assert [pair for pair in EXCEPTIONS if pair not in seen] == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set()}, []),
    ],
)
def test_the_cycle_finder_finds_cycles(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    """The walker itself: a two-module and a three-module loop are found, a chain is not."""
    assert _cycles(edges) == expected
