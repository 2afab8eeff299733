"""sayso's packages depend on each other one way: each stage imports only the stages below
it. This is the one place that says which those are (docs/architecture.md points here).

Every ``import`` of ``src/sayso`` is read, at any depth (inside functions and ``if
TYPE_CHECKING`` too: a lazy import is still a dependency). ``sayso/__init__.py`` (the
package's façade) and ``__main__`` modules (entry points, like the command line) may import
anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sayso"

# Lowest first. A package may import its own modules and those of any lower layer; two
# packages of one layer do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",),  # sayso's exception classes
    ("config", "extras", "_torchless"),  # the environment: data folder, extras, torch
    ("model",),  # the data model
    ("serial",),  # the model's one serialiser: records, validated reading, JSON Schema
    ("canon",),  # canonical keys, gazetteer, names
    ("clean",),  # decoding, noise, masking
    ("nlp",),  # the spaCy components
    ("analyze",),  # the Python API: clean + nlp -> Analysis
    ("data", "export"),  # the bundled sample; table/JSON/Markdown output
    ("store",),  # the database
    ("ingest", "options"),  # readers and the ingest run; the commands' shared options
    ("graph",),  # the claim graph, over the store
    ("stance",),  # for/against/observing of any two texts, with the graph's reading
    ("batch",),  # Parquet tables, Spark
    ("eval",),  # measuring the stages above
    ("train",),  # training from the evaluations' readers
    ("web",),  # the web app
    ("cli",),  # the command line
)
LAYER = {package: level for level, packages in enumerate(LAYERS) for package in packages}
# What any module may take from the package's façade itself.
FROM_ROOT = {"sayso.__version__"}


def stage(module: str) -> str:
    """``sayso.nlp.meaning.events`` -> ``nlp``; ``sayso.cli`` -> ``cli``."""
    return module.split(".")[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The sayso modules ``path`` imports (absolute and relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("sayso.") and name.count(".") >= 1}


def back_references() -> list[str]:
    """One line per module and stage it should not import."""
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        module = module_name(path)
        if module == "sayso" or module.endswith("__main__"):
            continue
        own = stage(module)
        seen: set[str] = set()
        for target in sorted(imports(path)):
            other = stage(target)
            if other == own or target in FROM_ROOT or other in seen:
                continue
            seen.add(other)
            if other not in LAYER:
                wrong.append(f"{module} imports {target}: {other!r} is in no layer")
            elif LAYER[other] >= LAYER[own]:
                wrong.append(f"{module} ({own}) imports {target} ({other}): not a lower layer")
    return wrong


def test_every_package_is_in_a_layer():
    packages = {
        p.stem if p.is_file() else p.name
        for p in SRC.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py")
    } - {"__init__"}
    assert packages == set(LAYER), (packages - set(LAYER), set(LAYER) - packages)


def test_imports_point_down_the_layers():
    assert back_references() == []


@pytest.mark.parametrize(
    ("source", "line", "problem"),
    [
        ("graph/x.py", "from sayso.eval.gate import read_baseline", "not a lower layer"),
        ("nlp/x.py", "from sayso.store import Store", "not a lower layer"),
        ("data/x.py", "from sayso.export import to_json", "not a lower layer"),
        ("model/x.py", "import sayso.nowhere", "in no layer"),
    ],
)
def test_a_back_reference_is_found(tmp_path, monkeypatch, source, line, problem):
    """The check itself: a module importing upwards (or sideways) is reported."""
    root = tmp_path / "sayso"
    for package in LAYER:
        (root / package).mkdir(parents=True)
        (root / package / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / source).write_text(line + "\n")
    (root / "nlp" / "ok.py").write_text("from sayso.model import Analysis\nfrom . import ok\n")
    monkeypatch.setattr(f"{__name__}.SRC", root)
    (found,) = back_references()
    assert problem in found and source.replace("/", ".")[:-3] in found
