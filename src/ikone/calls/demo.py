"""Demo funding calls: the three federal Smart City rounds and one example.

`seed_demo_calls()` is idempotent:

- the rounds 2019, 2020 and 2021 of "Modellprojekte Smart Cities" come from
  `data/calls.yaml` (see `smartcities.py`) as closed calls; re-running
  updates them only if the data changed;
- the example call "Beispielaufruf" (`data/beispielaufruf.yaml`, clearly
  labelled, modelled on the 2021 rules) is created once, with its deadline
  about six weeks after the day the demo is first loaded, and then
  amended once (version 2) so that versions, the diff and the "Auslegung
  prüfen" flag can be tried. Later runs leave it alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

import yaml
from django.db import transaction
from django.utils import timezone

from ikone.calls import services, smartcities
from ikone.calls.importer import validate_call
from ikone.calls.models import Call
from ikone.core.audit import Actor

EXAMPLE_FILE = Path(__file__).resolve().parent / "data" / "beispielaufruf.yaml"
EXAMPLE_SLUG = "beispielaufruf-smarte-region"
EXAMPLE_DEADLINE_DAYS = 42

# The amendment the demo publishes as version 2 of the example call.
EXAMPLE_AMENDMENT_NOTE = (
    "Beispiel-Änderung: Der Ratsbeschluss kann bis vier Wochen nach Fristende "
    "nachgereicht werden; der Nachweis der Haushaltsnotlage ist genauer beschrieben."
)
EXAMPLE_AMENDMENT = {
    "5.2": (
        "Ratsbeschluss",
        "Der Rat (bei Landkreisen der Kreistag) erklärt in einem Beschluss, dass die Kommune\n"
        "- das Vorhaben gemeinsam mit ihrer Öffentlichkeit entwickelt,\n"
        "- einem strategischen Ansatz im Sinne der Smart City Charta folgt,\n"
        "- den Eigenanteil kennt und bereitstellt und\n"
        "- bereit ist, als Modell für andere Kommunen zu lernen und Ergebnisse zu teilen.\n\n"
        "Liegt der Beschluss bei Fristende noch nicht vor, wird zunächst eine Eilentscheidung "
        "der Bürgermeisterin oder des Bürgermeisters eingereicht; der Ratsbeschluss ist "
        "spätestens vier Wochen nach Fristende nachzureichen. Bei Kooperationen braucht jede "
        "beteiligte Kommune einen eigenen Beschluss.",
    ),
    "3.3": (
        "Kommunen in Haushaltsnotlage",
        "Kommunen in einer Haushaltsnotlage erhalten bis zu 90 % Förderung; ihr Eigenanteil "
        "sinkt auf 10 %.\n\n"
        "Als Nachweis dient eine Bestätigung der Kommunalaufsicht, die nicht älter als sechs "
        "Monate ist und zeigt, dass die Kommune ein Haushaltssicherungskonzept aufstellen muss "
        "oder vergleichbaren Auflagen unterliegt. Der Nachweis ist der Bewerbung beizufügen.",
    ),
}
EXAMPLE_AMENDED_NUMBERS = sorted(EXAMPLE_AMENDMENT)


class Writer(Protocol):
    def write(self, msg: str) -> object: ...


class _Silent:
    def write(self, msg: str) -> None:
        return None


def example_deadline(today: dt.date | None = None) -> dt.datetime:
    """24:00 (23:59:59) Berlin time, six weeks after `today`."""
    day = (today or timezone.localdate()) + dt.timedelta(days=EXAMPLE_DEADLINE_DAYS)
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=ZoneInfo("Europe/Berlin"))


def example_call_data(today: dt.date | None = None) -> dict:
    """The example call's mapping with dates relative to `today`."""
    with EXAMPLE_FILE.open(encoding="utf-8") as fh:
        mapping = yaml.safe_load(fh)["call"]
    today = today or timezone.localdate()
    deadline = example_deadline(today)
    mapping["deadline"] = deadline
    mapping["published_on"] = today - dt.timedelta(days=14)
    mapping["milestones"] = [
        {**mapping["milestones"][0], "date": today + dt.timedelta(days=7)},
        {**mapping["milestones"][1], "date": deadline.date() - dt.timedelta(days=10)},
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

        services.publish_amendment(
            call=example,
            changes={
                number: services.SectionText(title=title, text=paragraphs_to_html(text))
                for number, (title, text) in EXAMPLE_AMENDMENT.items()
            },
            note=EXAMPLE_AMENDMENT_NOTE,
            actor=actor,
            based_on=1,
            check_permission=False,
        )
        out.write("Beispielaufruf: Fassung 2 veröffentlicht.\n")
