"""Every reference from one IKONE app to another in src/ikone, found by
reading the source (AST), not by importing it.

Counted: `import ikone.x`, `from ikone.x import …`, `from ikone import x`,
relative imports that leave the app, all of them also inside functions and
`if TYPE_CHECKING:` blocks; `importlib.import_module("ikone.x…")`,
`apps.get_model("x", …)` / `apps.get_model("x.Model")` and lazy model
references such as `ForeignKey("x.Model")`, because each is an import by
another name.

Not counted, on purpose: URL names (`reverse("qa:list")`) and template
names, which are resolved when used and tolerate a missing app; the project
package (settings, root URLconf), which wires all apps together.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ikone.core.layers import PROJECT

SOURCE = Path(__file__).resolve().parents[2] / "src" / "ikone"
MODEL_LABEL = re.compile(r"^([a-z_]+)\.[A-Z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class Reference:
    module: str  # path below src/ikone
    line: int
    importer: str  # app label, or PROJECT
    imported: str
    how: str

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported}: {self.module}:{self.line} ({self.how})"


def app_names(source: Path = SOURCE) -> set[str]:
    return {path.parent.name for path in source.glob("*/apps.py")}


def _app_of(path: Path, source: Path) -> str:
    parts = path.relative_to(source).parts
    return parts[0] if len(parts) > 1 else PROJECT


def _module_parts(path: Path, source: Path) -> list[str]:
    parts = list(path.relative_to(source).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _dotted_targets(node: ast.AST, path: Path, source: Path) -> Iterator[tuple[str, str]]:
    """(dotted module below `ikone`, how) for import statements."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, "import"
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            package = ["ikone", *_module_parts(path, source)]
            if path.name != "__init__.py":
                package = package[:-1]
            base = package[: len(package) - node.level + 1]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module or ""
        if module == "ikone":
            for alias in node.names:
                yield f"ikone.{alias.name}", "from-import"
        else:
            yield module, "from-import"


def _string_targets(node: ast.AST, apps: set[str]) -> Iterator[tuple[str, str]]:
    """(app, how) for dotted paths and model labels in string constants."""
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0] if node.args else None
        if name == "get_model" and isinstance(first, ast.Constant):
            label = str(first.value).split(".")[0]
            if label in apps:
                yield label, "get_model"
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value.startswith("ikone."):
            yield "ikone." + node.value.split(".")[1], "dotted path"
        match = MODEL_LABEL.match(node.value)
        if match and match.group(1) in apps:
            yield match.group(1), "model label"


def references(source: Path = SOURCE) -> list[Reference]:
    """All references between different apps, sorted by module and line."""
    apps = app_names(source)
    found: set[Reference] = set()
    for path in sorted(source.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        importer = _app_of(path, source)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets = [*_dotted_targets(node, path, source), *_string_targets(node, apps)]
            for target, how in targets:
                parts = target.split(".")
                if parts[0] == "ikone" and len(parts) > 1:
                    imported = parts[1]
                elif parts[0] in apps and how in ("get_model", "model label"):
                    imported = parts[0]
                else:
                    continue
                if imported in apps and imported != importer:
                    module = str(path.relative_to(source))
                    line = getattr(node, "lineno", 0)
                    found.add(Reference(module, line, importer, imported, how))
    return sorted(found, key=lambda ref: (ref.module, ref.line, ref.imported))
