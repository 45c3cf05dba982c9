"""The import rule of docs/adr/0004-app-layers.md: core knows no app, an app
imports only apps of lower layers (`ikone.core.layers.LAYERS`), the API sits
above the domain apps. `python -m tests.architecture.test_layers` prints the
references against the order (`… test_layers path/to/src/ikone` those of another tree)."""

from __future__ import annotations

import sys
from pathlib import Path

from ikone.core.layers import LAYERS, PROJECT, layer_of, may_import
from tests.architecture.imports import SOURCE, Reference, app_names, references

# Violations another engineer is removing right now, with where they go.
# Each entry must still exist (a stale entry fails), so this only shrinks.
# Violations allowed while a change is under way; empty: none left.
KNOWN: set[tuple[str, str]] = set()


def violations(source: Path = SOURCE) -> list[Reference]:
    return [ref for ref in references(source) if not may_import(ref.importer, ref.imported)]


def test_every_app_has_a_layer():
    unplaced = sorted(app for app in app_names() if layer_of(app) is None)
    assert not unplaced, (
        f"Apps without a layer: {unplaced}. Add each to LAYERS in src/ikone/core/layers.py "
        "(and the table in docs/adr/0004-app-layers.md)."
    )


def test_no_import_against_the_layers():
    found = violations()
    unexpected = [ref for ref in found if (ref.module, ref.imported) not in KNOWN]
    assert not unexpected, (
        "Imports against the layers of docs/adr/0004-app-layers.md (an app may import "
        "core and apps of lower layers only; invert the dependency with a registry or "
        "a signal instead):\n  " + "\n  ".join(map(str, unexpected))
    )
    stale = KNOWN - {(ref.module, ref.imported) for ref in found}
    assert not stale, f"Fixed, remove from KNOWN: {sorted(stale)}"


def test_the_checker_sees_imports_in_functions_and_strings(tmp_path):
    app = tmp_path / "core"
    app.mkdir()
    (app / "apps.py").write_text("")
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa" / "apps.py").write_text("")
    (app / "sneaky.py").write_text(
        "import importlib\n"
        "def f():\n"
        "    from ikone.qa import models\n"
        "    importlib.import_module('ikone.qa.views')\n"
        "    apps.get_model('qa', 'Question')\n"
        "    return models.ForeignKey('qa.Question')\n"
    )
    found = {(ref.line, ref.how) for ref in references(tmp_path) if ref.imported == "qa"}
    assert found == {(3, "from-import"), (4, "dotted path"), (5, "get_model"), (6, "model label")}


def test_layers_are_disjoint_and_core_is_lowest():
    listed = [app for layer in LAYERS for app in layer]
    assert len(listed) == len(set(listed))
    assert LAYERS[0] == ("core",)
    assert layer_of(PROJECT) == len(LAYERS)


if __name__ == "__main__":
    # Optionally another tree's src/ikone, e.g. an old commit's from `git archive`.
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    found = violations(source)
    for ref in found:
        print(ref)
    print(f"{len(found)} imports against the layers in {source}")
