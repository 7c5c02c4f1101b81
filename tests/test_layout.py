"""The package's shape: stages as packages whose imports run one way, a small root, imports at the top."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
MAX_ROOT_MODULES = 10
MAX_FUNCTION_IMPORTS = 12  # only optional or heavy dependencies are imported late


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _target(module: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The kg modules an import statement loads, resolved to modules that exist."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join(package + ([node.module] if node.module else []))
        names = [base] + [f"{base}.{alias.name}" for alias in node.names]
    out = []
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith("kg") and name != module:
            out.append(name)
    return out


def _imports() -> tuple[dict[str, set[str]], list[tuple[str, int]]]:
    """Every kg → kg import edge (at any depth), and the import statements that stand inside functions."""
    edges: dict[str, set[str]] = defaultdict(set)
    inside: list[tuple[str, int]] = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_function = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                       for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges[module].update(_target(module, node))
                if id(node) in in_function:
                    inside.append((module, node.lineno))
    return edges, inside


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), i.e. the import cycles."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(set(edges) | {n for targets in edges.values() for n in targets}):
        if node not in index:
            visit(node)
    return groups


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_no_module_imports_itself_through_others():
    edges, _ = _imports()
    assert _cycles(edges) == []


def test_stages_import_one_way():
    edges, _ = _imports()
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in edges.items():
        packages[_package(module)].update(_package(t) for t in targets if _package(t) != _package(module))
    assert _cycles(packages) == []


def test_the_package_root_stays_small():
    root = [m for m, p in MODULES.items() if p.parent == PACKAGE and p.name not in ("__init__.py", "__main__.py")]
    assert len(root) <= MAX_ROOT_MODULES, sorted(root)


def test_imports_stand_at_the_top_unless_a_dependency_is_optional_or_heavy():
    _, inside = _imports()
    assert len(inside) <= MAX_FUNCTION_IMPORTS, inside


@pytest.mark.parametrize("library", ["click"])
def test_only_the_cli_imports_click(library):
    importers = {m for m, p in MODULES.items() if f"import {library}" in p.read_text(encoding="utf-8")}
    assert importers <= {"kg.cli"}


def test_only_the_stores_import_a_database_driver():
    drivers = ("import neo4j", "from neo4j", "import falkordb", "from falkordb", "import redis", "from redis")
    importers = {m for m, p in MODULES.items() if any(d in p.read_text(encoding="utf-8") for d in drivers)}
    assert all(m.startswith("kg.store") for m in importers), importers
