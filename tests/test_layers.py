"""The package's layers: data flows one way, so a module never imports from a layer above its
own, the newsroom and the kit never import each other, and no module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "hubgen"
# Lowest first. A module may import from its own layer (within its package) and those below.
LAYERS: list[set[str]] = [
    {"errors", "memo", "parallel", "filetree", "symlinks", "__init__"},
    {"config"},
    {"model"},
    {"content"},
    {"paths"},
    {"channels"},
    {"checks"},
    {"templates"},
    {"newsroom", "kit"},
    {"pipeline"},
    {"serve"},
    {"cli"},
    {"__main__"},
]
SIBLINGS = {"newsroom": {"kit"}, "kit": {"newsroom"}}
"""Products beside each other: what both need lives below them."""
MAX_LINES = 400


def _unit(module: str) -> str:
    """`hubgen.newsroom.pages` -> `newsroom`; `hubgen` -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(unit: str) -> int:
    return next(i for i, units in enumerate(LAYERS) if unit in units)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from hubgen import errors` imports a module; `from hubgen import __version__` not
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if node.module == "hubgen" and ((PACKAGE / f"{alias.name}.py").exists()
                                                         or (PACKAGE / alias.name).is_dir()))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "hubgen" or name.startswith("hubgen.")}


def _modules() -> dict[str, Path]:
    return {".".join(("hubgen", *p.relative_to(PACKAGE).with_suffix("").parts)): p
            for p in PACKAGE.rglob("*.py")}


def test_every_package_has_a_layer() -> None:
    units = {_unit(name) for name in _modules()}
    assert units <= set().union(*LAYERS), units - set().union(*LAYERS)


def test_no_module_imports_from_a_layer_above_or_a_sibling() -> None:
    wrong = []
    for name, path in _modules().items():
        unit = _unit(name)
        for imported in _imports(path):
            other = _unit(imported) if imported != "hubgen" else "__init__"
            if other != unit and (_layer(other) > _layer(unit) or other in SIBLINGS.get(unit, ())):
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
