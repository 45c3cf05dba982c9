"""Years print as people write them ("2027"), never with the thousands
separator that USE_THOUSAND_SEPARATOR puts on every other integer."""

from __future__ import annotations

import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

import ikone

TEMPLATES = sorted(
    path
    for path in Path(ikone.__file__).parent.glob("*/templates/**/*")
    if path.suffix in {".html", ".txt"}
)
# `{{ expression|filters }}` and `name=expression|filters` inside blocktranslate.
OUTPUT = re.compile(r"{{\s*([\w.]+)((?:\|[^}\s]+)*)\s*}}")
BLOCK_TRANSLATE = re.compile(
    r"{%\s*blocktrans(?:late)?\b([^%]*)%}(.*?){%\s*endblocktrans(?:late)?\s*%}", re.S
)
ASSIGNMENT = re.compile(r"(\w+)=([\w.]+)((?:\|[\w:\"'.]+)*)")
YEAR = re.compile(r"(^|_)year$")
SAFE_FILTERS = {"year", "date", "unlocalize", "stringformat"}


def _unsafe(expression: str, filters: str) -> bool:
    last = expression.rsplit(".", 1)[-1]
    used = {part.split(":", 1)[0] for part in filters.split("|") if part}
    return bool(YEAR.search(last)) and not used & SAFE_FILTERS


def test_every_template_prints_years_through_the_year_filter():
    offenders = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for tag in BLOCK_TRANSLATE.finditer(text):
            assigned = set()
            for name, expression, filters in ASSIGNMENT.findall(tag.group(1)):
                assigned.add(name)
                if _unsafe(expression, filters):
                    offenders.append(f"{path}: {tag.group(0)[:120]}")
            # A placeholder named in `with` was checked above; any other
            # one is a context variable printed as it is.
            for match in OUTPUT.finditer(tag.group(2)):
                if match.group(1) not in assigned and _unsafe(match.group(1), ""):
                    offenders.append(f"{path}: {match.group(0)}")
        for match in OUTPUT.finditer(BLOCK_TRANSLATE.sub("", text)):
            if _unsafe(match.group(1), match.group(2)):
                offenders.append(f"{path}: {match.group(0)}")
    assert not offenders, "Years without |year:\n" + "\n".join(offenders)


def test_the_year_filter_drops_the_grouping_and_amounts_keep_it():
    template = Template("{% load core_tags %}{{ year|year }} {{ amount }} {{ none|year }}|")
    with translation.override("de"):
        text = template.render(Context({"year": 2027, "amount": 12500, "none": None}))
    assert text == "2027 12.500 |"
