"""The rooms say what they hold: the domain core (``server/``) imports neither the GraphQL layer, the
workers, the demo nor the composition root (``civic/``), and no two modules import each other, however
long the ring. Read from the source, so a new import that breaks it fails here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("civic", "schema", "server", "workers", "demo")


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(module_level_only: bool) -> dict[str, set[str]]:
    modules = {_module(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if module_level_only else list(ast.walk(tree))
        for node in nodes:
            if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports are not imports at run time
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for t in targets:
                while t and t not in modules:
                    t = t.rpartition(".")[0]
                if t and t != name and not name.startswith(t + "."):
                    graph[name].add(t)
    return graph


def test_the_domain_core_imports_no_layer_above_it():
    above = ("civic", "schema", "workers", "demo")
    offenders = sorted(f"{m} -> {t}" for m, ts in _imports(False).items() if m.split(".")[0] == "server"
                       for t in ts if t.split(".")[0] in above)
    assert not offenders, offenders


def test_only_the_composition_root_imports_it():
    offenders = sorted(f"{m} -> {t}" for m, ts in _imports(False).items() if m.split(".")[0] != "civic"
                       for t in ts if t.split(".")[0] == "civic")
    assert not offenders, offenders


def test_no_import_cycles_between_modules():
    graph = _imports(True)
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif state.get(nxt) is None:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)
