"""Demo funding calls: the three federal Smart City rounds and one example.

`seed_demo_calls()` is idempotent:

- the rounds 2019, 2020 and 2021 of "Modellprojekte Smart Cities" come from
  `data/calls.yaml` (see `smartcities.py`) as closed calls; re-running
  updates them only if the data changed;
- the example call "Beispielaufruf" (`data/beispielaufruf.yaml`, clearly
  labelled, modelled on the 2021 rules) is created once, with its deadline
  about six weeks after the day the demo is first loaded, and then
  amended once (version 2, `demo/amendment.yaml`, see docs/demo.md) so
  that versions, the diff and the "Auslegung prüfen" flag can be tried.
  Later runs leave it alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml
from django.db import transaction

from ikone.calls import services, smartcities
from ikone.calls.importer import validate_call
from ikone.calls.models import Call
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date, berlin_datetime
from ikone.core.demo_data import Prose, load_yaml, record

EXAMPLE_FILE = Path(__file__).resolve().parent / "data" / "beispielaufruf.yaml"
EXAMPLE_SLUG = "beispielaufruf-smarte-region"
EXAMPLE_DEADLINE_DAYS = 42

AMENDMENT_FILE = Path(__file__).resolve().parent / "demo" / "amendment.yaml"
# The sections the amendment replaces; the demo questions cite them.
EXAMPLE_AMENDED_NUMBERS = ["3.3", "5.2"]


@dataclass(frozen=True)
class DemoSectionText:
    number: str
    title: str
    text: Prose


@dataclass(frozen=True)
class DemoAmendment:
    note: Prose
    sections: tuple[DemoSectionText, ...]


@functools.cache
def demo_amendment() -> DemoAmendment:
    """The content of `demo/amendment.yaml`; raises DemoDataError."""
    return record(DemoAmendment, load_yaml(AMENDMENT_FILE), path=AMENDMENT_FILE)


class Writer(Protocol):
    def write(self, msg: str) -> object: ...


class _Silent:
    def write(self, msg: str) -> None:
        return None


def example_deadline(today: dt.date | None = None) -> dt.datetime:
    """24:00 (23:59:59) Berlin time, six weeks after `today`."""
    day = (today or berlin_date()) + dt.timedelta(days=EXAMPLE_DEADLINE_DAYS)
    return berlin_datetime(day, dt.time(23, 59, 59))


def example_call_data(today: dt.date | None = None) -> dict:
    """The example call's mapping with dates relative to `today`."""
    with EXAMPLE_FILE.open(encoding="utf-8") as fh:
        mapping = yaml.safe_load(fh)["call"]
    today = today or berlin_date()
    deadline = example_deadline(today)
    mapping["deadline"] = deadline
    mapping["published_on"] = today - dt.timedelta(days=14)
    mapping["milestones"] = [
        {**mapping["milestones"][0], "date": today + dt.timedelta(days=7)},
        {**mapping["milestones"][1], "date": berlin_date(deadline) - dt.timedelta(days=10)},
    ]
    return mapping


@transaction.atomic
def seed_demo_calls(*, stdout: Writer | None = None) -> None:
    out = stdout or _Silent()
    actor = Actor.system()
    for round_id in smartcities.ROUND_IDS:
        result = services.import_call(
            data=validate_call(smartcities.round_call(round_id)), actor=actor
        )
        if result.created:
            out.write(f"Förderaufruf angelegt: {result.call.title}\n")
        elif result.changed:
            out.write(f"Förderaufruf aktualisiert: {result.call.title}\n")
    if not Call.objects.filter(slug=EXAMPLE_SLUG).exists():
        result = services.import_call(data=validate_call(example_call_data()), actor=actor)
        out.write(f"Beispielaufruf angelegt: {result.call.title}\n")
    example = Call.objects.select_related("current_version").get(slug=EXAMPLE_SLUG)
    if example.current_version is not None and example.current_version.number == 1:
        from ikone.calls.text import paragraphs_to_html

        amendment = demo_amendment()
        services.publish_amendment(
            call=example,
            changes={
                section.number: services.SectionText(
                    title=section.title, text=paragraphs_to_html(section.text)
                )
                for section in amendment.sections
            },
            note=amendment.note,
            actor=actor,
            based_on=1,
            check_permission=False,
        )
        out.write("Beispielaufruf: Fassung 2 veröffentlicht.\n")
