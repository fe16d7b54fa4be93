"""The shape of the house, beyond what import-linter's contracts say (see pyproject.toml).

import-linter can forbid only whole external packages, so "render and services use no widgets" is checked
here on the source; and no two modules of the kiosk may import each other, even under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

from tests.conftest import ROOT


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("layer", ["render", "services"])
def test_drawing_and_services_use_no_widgets(layer: str) -> None:
    offenders = {
        str(source.relative_to(ROOT)): sorted(m for m in imported_modules(source) if "QtWidgets" in m)
        for source in (ROOT / "kiosk" / layer).rglob("*.py")
    }
    assert {file: mods for file, mods in offenders.items() if mods} == {}


def test_no_two_modules_import_each_other() -> None:
    graph = grimp.build_graph("kiosk", exclude_type_checking_imports=False)
    circles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(imported, module):
                circles.append(graph.find_shortest_chain(imported, module))
    assert circles == []
