"""The package's folders are the build's stages, and imports run one way:
read -> extract -> archive -> site -> the commands on top (loader, pipeline, live, cli,
serve, check, new, __main__). The shared base (models, errors, config, datafiles, patterns, vietnamese,
collector) is imported by all and imports none of the stages."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "partyorg_site"
ORDER = ["base", "read", "extract", "archive", "site", "commands"]
BASE = {"models", "errors", "config", "datafiles", "patterns", "vietnamese", "collector", "__init__", "__version__"}


def layer(module: str) -> str:
    """The layer of a module named relative to the package ("read.layout", "cli")."""
    head = module.split(".")[0]
    if head in ("read", "extract", "archive", "site"):
        return head
    return "base" if head in BASE or head == "" else "commands"


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("partyorg_site"):
            module = node.module.removeprefix("partyorg_site").lstrip(".")
            if module:
                found.append(module)
            else:  # from partyorg_site import datafiles
                found += [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name.removeprefix("partyorg_site.") for a in node.names if a.name.startswith("partyorg_site.")]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(PACKAGE).as_posix() for p in MODULES])
def test_imports_run_one_way(path):
    own = layer(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    upward = [m for m in imports(path) if ORDER.index(layer(m)) > ORDER.index(own)]
    assert upward == [], f"{own} may not import from a later stage"


def test_every_module_lives_in_a_stage_folder_or_is_a_command_or_the_base():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top - BASE == {"loader", "pipeline", "live", "cli", "serve", "check", "new", "explain", "__main__"}
