"""Dates and times are formatted in one place: `ikone.core.datetimes`.

A datetime formatted anywhere else keeps whatever zone it came with (UTC
from the database), which is how the DOCX export once printed a 23:59 Uhr
deadline as "22:59 Uhr" (issue 19). This test reads every module's syntax
tree and fails on `strftime`, `isoformat`, `date_format`, `time_format`,
`dateformat.format` or an f-string `%` spec (`f"{day:%d.%m.%Y}"`) outside
the helper. Templates are exempt: they convert to the current time zone
(Europe/Berlin) themselves.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ikone

SOURCE = Path(ikone.__file__).parent
HELPER = SOURCE / "core" / "datetimes.py"
FORBIDDEN_METHODS = {"strftime", "isoformat"}
FORBIDDEN_FUNCTIONS = {"date_format", "time_format"}


def _modules() -> list[Path]:
    return sorted(
        path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts and path != HELPER
    )


def _called_name(call: ast.Call) -> tuple[str, str]:
    """(owner, name) of the called function: ("", "date_format"),
    ("value", "strftime"), ("dateformat", "format")."""
    func = call.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return owner, func.attr
    return "", ""


def _has_percent_spec(node: ast.FormattedValue) -> bool:
    spec = node.format_spec
    return isinstance(spec, ast.JoinedStr) and any(
        isinstance(part, ast.Constant) and "%" in str(part.value) for part in spec.values
    )


def formatting_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) of every date formatting outside the helper."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            owner, name = _called_name(node)
            if name in FORBIDDEN_METHODS and owner not in {"date", "datetime", "dt"}:
                found.append((node.lineno, f".{name}()"))
            elif name in FORBIDDEN_FUNCTIONS or (owner, name) == ("dateformat", "format"):
                found.append((node.lineno, f"{name}()"))
        elif isinstance(node, ast.FormattedValue) and _has_percent_spec(node):
            found.append((node.lineno, "f-string %-format"))
    return sorted(found)


def test_detector_finds_each_form():
    code = """
from django.utils.formats import date_format
a = value.strftime("%d.%m.%Y")
b = date_format(value, "j. F Y")
c = formats.date_format(value, "H:i")
d = f"{value:%d.%m.%Y}"
e = value.isoformat()
f = dateformat.format(value, "c")
ok = dt.datetime.fromisoformat("2027-01-14")
ok2 = f"{amount:,.2f}"
"""
    assert sorted(line for line, _ in formatting_calls(ast.parse(code))) == [3, 4, 5, 6, 7, 8]


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_date_formatting_outside_the_helper(path):
    calls = formatting_calls(ast.parse(path.read_text(encoding="utf-8")))
    assert not calls, (
        f"{path.relative_to(SOURCE)} formats dates itself at "
        + ", ".join(f"line {line} ({what})" for line, what in calls)
        + "; use ikone.core.datetimes (Europe/Berlin) instead."
    )
