"""Imports point one way: model, errors and config <- language profiles and resources <- pipeline <-
store and batch <- cli, web, watch and the Python API. A module never imports a layer above its own (lazy
imports inside functions included)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "newsgraph"

LAYERS = [
    ("model", "errors", "config", "registry", "tables", "text", "version", "schema"),
    ("lang", "actorbase", "gazetteer", "cameo", "resources", "ingest"),
    ("pipeline",),
    ("store", "batch", "evaluation"),
    ("cli", "web", "api", "watch", "__init__"),
]


def layer_of(module: str) -> int:
    parts = module.split(".")
    head = parts[1] if len(parts) > 1 else "__init__"
    for n, names in enumerate(LAYERS):
        if head in names:
            return n
    raise AssertionError(f"module {module} is in no layer")


def imports(path: Path, module: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative import
                base = module.split(".")[: -node.level] if not path.name == "__init__.py" else module.split(".")[: len(module.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "newsgraph" or target.startswith("newsgraph."):
                out.append(target)
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names if a.name == "newsgraph" or a.name.startswith("newsgraph.")]
    return out


def test_imports_point_one_way():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        if "migrations" in rel.parts:
            continue
        mine = layer_of(module)
        for target in imports(path, module):
            if layer_of(target) > mine:
                wrong.append(f"{module} (layer {mine}) imports {target} (layer {layer_of(target)})")
    assert not wrong, "\n".join(wrong)
