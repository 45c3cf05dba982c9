"""Dates and times reach people through one module: `ikone.core.datetimes`.

A datetime formatted or cut into calendar parts anywhere else keeps the zone
it came with (UTC from the database), which is how the DOCX export once
printed a 23:59 Uhr deadline as "22:59 Uhr" (issue 19). This test reads the
syntax tree of every module under src/ikone (migrations excepted) and fails
on any of these outside the helper:

1. Formatting: `.strftime()`, `.isoformat()`, `date_format()`,
   `time_format()`, `dateformat.format()`, `formats.localize()`,
   `defaultfilters.date()/time()`, an f-string `%` spec (`f"{day:%d.%m.%Y}"`),
   `format(value, "%…")` and `"{:%d}".format(…)`.
2. Choosing a zone: `timezone.localtime/localdate/make_aware/activate/override`
   (also imported bare), `.astimezone()`, `ZoneInfo()`, a `tzinfo=` keyword,
   `date.today()`, `datetime.now/today/utcnow/fromtimestamp()`. These depend
   on the server's or the request's zone; the helper says Berlin explicitly.
3. UTC calendar parts: `.date()`, `.time()`, `.weekday()`, `.year`, `.day`,
   `.hour` … and `str(…)` or a bare f-string `{…}` on an expression named
   like one of IKONE's DateTimeFields (`call.deadline.date()`,
   `f"{event.starts_at}"`) or on `timezone.now()`.

`timezone.now()` itself is fine: it is an instant, not a wall-clock time.
Templates are checked separately: they convert to the current zone
(Europe/Berlin, never changed: rule 2 forbids `timezone.activate`) unless a
template switches that off, which `test_templates_keep_berlin_time` forbids.

ALLOWED lists exceptions, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

import ikone

SOURCE = Path(ikone.__file__).parent
HELPER = SOURCE / "core" / "datetimes.py"

FORMAT_METHODS = {"strftime", "isoformat"}
FORMAT_FUNCTIONS = {"date_format", "time_format"}
FORMAT_QUALIFIED = {
    ("dateformat", "format"),
    ("formats", "localize"),
    ("defaultfilters", "date"),
    ("defaultfilters", "time"),
}
ZONE_FUNCTIONS = {"localtime", "localdate", "make_aware", "activate", "ZoneInfo"}
ZONE_QUALIFIED = {
    ("timezone", "localtime"),
    ("timezone", "localdate"),
    ("timezone", "make_aware"),
    ("timezone", "activate"),
    ("timezone", "override"),
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("datetime", "fromtimestamp"),
    ("date", "fromtimestamp"),
}
CALENDAR_METHODS = {"date", "time", "timetz", "weekday", "isoweekday", "isocalendar", "timetuple"}
CALENDAR_ATTRIBUTES = {"year", "month", "day", "hour", "minute"}
STRFTIME_IN_FORMAT_STRING = re.compile(r"\{[^{}]*:[^{}]*%")
NOW = "timezone.now()"

# (module relative to src/ikone, what the detector reports): why it may stay.
# Empty: the former exceptions (calendar files, demo data, the audit log's
# day filter, form initial values) now use the helper's `to_berlin`,
# `berlin_date` and `berlin_datetime`. An entry needs a reason and must
# still match something (`test_no_date_formatting_outside_the_helper`).
ALLOWED: dict[tuple[str, str], str] = {
    # Log lines are for machines and log collectors, which expect UTC.
    ("core/logs.py", ".isoformat()"): "log lines carry UTC time for log collectors",
    ("core/logs.py", "datetime.fromtimestamp()"): "log records store a UNIX timestamp",
}


def datetime_field_names() -> frozenset[str]:
    """Names of the DateTimeFields of IKONE's own models (`deadline`,
    `starts_at`, `created_at` …): values of these come from the database in UTC."""
    return frozenset(
        field.name
        for model in apps.get_models()
        if model.__module__.startswith("ikone.")
        for field in model._meta.get_fields()
        if isinstance(field, models.DateTimeField)
    )


def _name(node: ast.AST) -> str:
    """The last name of an expression: `deadline` for `draft.call.deadline`,
    "timezone.now()" for a call of `timezone.now`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "now"
        and _name(node.func.value) == "timezone"
    ):
        return NOW
    return ""


def _formatting(node: ast.Call, owner: str, name: str) -> str:
    func = node.func
    if isinstance(func, ast.Attribute) and name in FORMAT_METHODS:
        return f".{name}()"
    if name in FORMAT_FUNCTIONS or (owner, name) in FORMAT_QUALIFIED:
        return f"{owner}.{name}()" if owner else f"{name}()"
    if isinstance(func, ast.Name) and name == "format" and len(node.args) == 2:
        spec = node.args[1]
        if isinstance(spec, ast.Constant) and "%" in str(spec.value):
            return 'format(…, "%…")'
    if (
        isinstance(func, ast.Attribute)
        and name == "format"
        and isinstance(func.value, ast.Constant)
        and isinstance(func.value.value, str)
        and STRFTIME_IN_FORMAT_STRING.search(func.value.value)
    ):
        return '"{:%…}".format()'
    return ""


def _zone_choice(node: ast.Call, owner: str, name: str) -> str:
    bare = isinstance(node.func, ast.Name) and name in ZONE_FUNCTIONS
    if (owner, name) in ZONE_QUALIFIED or name in {"astimezone", "ZoneInfo"} or bare:
        return f"{owner}.{name}()" if owner else f"{name}()"
    if any(keyword.arg == "tzinfo" for keyword in node.keywords):
        return "tzinfo="
    return ""


def _calendar_part(node: ast.Call, name: str, datetimes: frozenset[str]) -> str:
    func = node.func
    if (
        isinstance(func, ast.Attribute)
        and name in CALENDAR_METHODS
        and not node.args
        and _name(func.value) in datetimes
    ):
        return f"{_name(func.value)}.{name}()"
    is_str = isinstance(func, ast.Name) and name == "str" and len(node.args) == 1
    if is_str and _name(node.args[0]) in datetimes:
        return f"str({_name(node.args[0])})"
    return ""


def _call(node: ast.Call, datetimes: frozenset[str]) -> str:
    name = _name(node.func)
    owner = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
    return (
        _formatting(node, owner, name)
        or _zone_choice(node, owner, name)
        or _calendar_part(node, name, datetimes)
    )


def _formatted_value(node: ast.FormattedValue, datetimes: frozenset[str]) -> str:
    spec = node.format_spec
    if isinstance(spec, ast.JoinedStr) and any(
        isinstance(part, ast.Constant) and "%" in str(part.value) for part in spec.values
    ):
        return "f-string %-format"
    # -1: no conversion, 115: !s; both print str(value).
    if spec is None and node.conversion in (-1, 115) and _name(node.value) in datetimes:
        return f"f-string {{{_name(node.value)}}}"
    return ""


def findings(tree: ast.AST, datetimes: frozenset[str]) -> list[tuple[int, str]]:
    """(line, what) of every date formatting, zone choice or UTC calendar part."""
    datetimes = datetimes | {NOW}
    found = set()
    for node in ast.walk(tree):
        what = ""
        if isinstance(node, ast.Call):
            what = _call(node, datetimes)
        elif isinstance(node, ast.FormattedValue):
            what = _formatted_value(node, datetimes)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Load)
            and node.attr in CALENDAR_ATTRIBUTES
            and _name(node.value) in datetimes
        ):
            what = f"{_name(node.value)}.{node.attr}"
        if what:
            found.add((node.lineno, what))
    return sorted(found)


def _modules() -> list[Path]:
    return sorted(
        path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts and path != HELPER
    )


DETECTOR_CASES = """
from django.utils.formats import date_format
from django.utils.timezone import localtime
a = value.strftime("%d.%m.%Y")
b = date_format(value, "j. F Y")
c = formats.date_format(value, "H:i")
d = f"{value:%d.%m.%Y}"
e = value.isoformat()
f = dateformat.format(value, "c")
g = date.isoformat(value)
h = timezone.localtime(call.deadline)
i = localtime(value)
j = timezone.localdate()
k = value.astimezone(ZoneInfo("UTC"))
l = datetime.combine(day, clock, tzinfo=zone)
m = dt.date.today()
n = datetime.now()
o = call.deadline.date()
p = event.starts_at.hour
q = f"Frist: {call.deadline}"
r = str(entry.created_at)
s = timezone.now().date()
t = format(value, "%d.%m.%Y")
u = "{:%d.%m.%Y}".format(value)
v = timezone.make_aware(naive)
ok = dt.datetime.fromisoformat("2027-01-14")
ok2 = f"{amount:,.2f}"
ok3 = timezone.now()
ok4 = milestone.date
ok5 = f"{title} {count}"
ok6 = (deadline - today).days
ok7 = "{0} von {1}".format(a, b)
"""


def test_detector_finds_each_form():
    found = findings(ast.parse(DETECTOR_CASES), frozenset({"deadline", "starts_at", "created_at"}))
    lines = sorted({line for line, _what in found})
    flagged = DETECTOR_CASES.splitlines()
    assert [flagged[line - 1].split(" = ")[0] for line in lines] == list("abcdefghijklmnopqrstuv")


def test_datetime_field_names_come_from_the_models():
    names = datetime_field_names()
    assert {"deadline", "starts_at", "ends_at", "created_at", "expires_at"} <= names
    assert "date" not in names  # Milestone.date is a DateField: a Berlin day already


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_date_formatting_outside_the_helper(path):
    module = str(path.relative_to(SOURCE))
    found = findings(ast.parse(path.read_text(encoding="utf-8")), datetime_field_names())
    wrong = [(line, what) for line, what in found if (module, what) not in ALLOWED]
    stale = {what for (allowed_module, what) in ALLOWED if allowed_module == module} - {
        what for _line, what in found
    }
    assert not stale, f"{module}: ALLOWED entries no longer needed: {stale}"
    assert not wrong, (
        f"{module} handles dates itself at "
        + ", ".join(f"line {line} ({what})" for line, what in wrong)
        + "; use ikone.core.datetimes (Europe/Berlin) instead."
    )


TEMPLATE_SWITCHES = re.compile(
    r"{%\s*localtime\s+off|{%\s*timezone\b|\|\s*utc\b|\|\s*timezone\s*:|\.isoformat\b"
)


def test_templates_keep_berlin_time():
    """Templates show datetimes in the current zone, which is Europe/Berlin;
    none switches that off or formats by itself."""
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ
    names = "|".join(sorted(datetime_field_names()))
    utc_parts = re.compile(rf"\b(?:{names})\.(?:date|time|year|month|day|hour|minute)\b")
    wrong = []
    for path in sorted(SOURCE.rglob("templates/**/*")):
        if path.suffix not in {".html", ".txt", ".xml"}:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (TEMPLATE_SWITCHES, utc_parts):
            wrong += [f"{path.relative_to(SOURCE)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not wrong
