"""The YAML reading behind the call importer: a loader that remembers the
line of every key, and typed getters that collect German error messages
("Zeile n, Feld …: text") instead of stopping at the first one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from django.utils.translation import gettext as _

from ikone.core.datetimes import berlin_datetime, to_berlin


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineLoader(yaml.SafeLoader):
    pass


def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    construct_mapping,  # type: ignore[arg-type]
)


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, mapping: Any, key: str | None, path: str, message: str) -> None:
        line = 0
        if isinstance(mapping, LineDict):
            line = mapping.key_lines.get(key or "", mapping.line) if key else mapping.line
        where = _("Zeile %(line)s, Feld „%(field)s“") % {"line": line, "field": path}
        self.errors.append(f"{where}: {message}")

    # --- typed getters: return None (and record an error) on bad values ---

    def text(
        self, m: dict, key: str, path: str, *, required: bool = False, max_length: int = 0
    ) -> str:
        value = m.get(key)
        if value is None:
            if required:
                self.error(m, key, f"{path}{key}", _("Pflichtfeld fehlt."))
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.error(m, key, f"{path}{key}", _("Text erwartet."))
            return ""
        value = str(value).strip()
        if required and not value:
            self.error(m, key, f"{path}{key}", _("Darf nicht leer sein."))
        if max_length and len(value) > max_length:
            self.error(
                m,
                key,
                f"{path}{key}",
                _("Höchstens %(n)s Zeichen erlaubt.") % {"n": max_length},
            )
        return value

    def decimal(self, m: dict, key: str, path: str, *, maximum: Decimal | None = None):
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            self.error(m, key, f"{path}{key}", _("Zahl erwartet."))
            return None
        try:
            number = Decimal(str(value).replace(" ", ""))
        except InvalidOperation:
            self.error(m, key, f"{path}{key}", _("Zahl erwartet."))
            return None
        if number < 0 or (maximum is not None and number > maximum):
            self.error(m, key, f"{path}{key}", _("Wert außerhalb des erlaubten Bereichs."))
            return None
        return number

    def integer(self, m: dict, key: str, path: str):
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(m, key, f"{path}{key}", _("Ganze Zahl (nicht negativ) erwartet."))
            return None
        return value

    def boolean(self, m: dict, key: str, path: str, default: bool) -> bool:
        value = m.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(m, key, f"{path}{key}", _("true oder false erwartet."))
            return default
        return value

    def date(self, m: dict, key: str, path: str, *, required: bool = False):
        value = m.get(key)
        if value is None:
            if required:
                self.error(m, key, f"{path}{key}", _("Pflichtfeld fehlt."))
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(m, key, f"{path}{key}", _("Datum im Format JJJJ-MM-TT erwartet."))
        return None

    def deadline(self, m: dict, key: str, path: str):
        """A date means 24:00 of that day in Berlin (stored as 23:59:59);
        a datetime without zone is Berlin time."""
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                self.error(
                    m,
                    key,
                    f"{path}{key}",
                    _("Datum (JJJJ-MM-TT) oder Zeitpunkt (JJJJ-MM-TT HH:MM) erwartet."),
                )
                return None
        if isinstance(value, dt.datetime):
            return to_berlin(value)
        if isinstance(value, dt.date):
            return berlin_datetime(value, dt.time(23, 59, 59))
        self.error(
            m,
            key,
            f"{path}{key}",
            _("Datum (JJJJ-MM-TT) oder Zeitpunkt (JJJJ-MM-TT HH:MM) erwartet."),
        )
        return None

    def listing(self, m: dict, key: str, path: str) -> list:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(m, key, f"{path}{key}", _("Liste erwartet."))
            return []
        return value

    def mapping_items(self, m: dict, key: str, path: str) -> list[tuple[int, dict]]:
        items = []
        for i, item in enumerate(self.listing(m, key, path)):
            if not isinstance(item, dict):
                self.error(m, key, f"{path}{key}[{i + 1}]", _("Eintrag mit Feldern erwartet."))
                continue
            items.append((i, item))
        return items
