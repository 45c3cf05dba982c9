"""The one declared order of IKONE's apps (docs/adr/0004-app-layers.md).

An app may import `core` and the apps of *lower* layers, never an app of its
own layer or of a higher one. `tests/architecture/test_layers.py` checks every
module under src/ikone against this table, imports inside functions included.
An app that is not listed yet (a new app) fails the test until it gets a
layer here: that line is the only place outside the new app's folder that a
new app touches.
"""

from __future__ import annotations

# Lowest first. Apps in one tuple are peers: they know nothing of each other
# and talk through core's registries or signals.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("municipalities",),
    ("accounts",),
    ("calls",),
    ("events", "qa", "applications", "knowledge"),
    ("solutions", "support"),
    ("network", "notifications"),
    ("api",),
)

# The thin project package (settings, root URLconf, wsgi, __main__) wires
# everything together and sits above all apps.
PROJECT = "(project)"


def layer_of(app: str) -> int | None:
    """The layer index of `app` (0 = core), or None for an unknown app."""
    if app == PROJECT:
        return len(LAYERS)
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    return None


def may_import(importer: str, imported: str) -> bool:
    """Whether modules of app `importer` may import from app `imported`."""
    if importer == imported:
        return True
    low, high = layer_of(imported), layer_of(importer)
    return low is not None and high is not None and low < high
