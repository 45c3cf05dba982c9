"""Builders for calls (with a current version and sections), questions and answers."""

from __future__ import annotations

from dataclasses import dataclass

import factory

from ikone.calls.models import Call, CallSection, CallStatus, CallVersion
from ikone.qa.models import Answer, Question, Visibility

SECTIONS = (
    ("1", "Gegenstand der Förderung"),
    ("2", "Antragsberechtigte"),
    ("3", "Förderfähige Ausgaben"),
    ("3.1", "Personalausgaben"),
    ("3.2", "Eigenanteil"),
)


@dataclass
class CallWithSections:
    call: Call
    version: CallVersion
    sections: dict[str, CallSection]

    def __getattr__(self, name: str):
        return getattr(self.call, name)


def make_call(*, slug: str, title: str, sections=SECTIONS) -> CallWithSections:
    call = Call.objects.create(
        slug=slug,
        programme="Modellprojekte Smart Cities",
        funder="Bund",
        title=title,
        status=CallStatus.CLOSED,
    )
    version = CallVersion.objects.create(call=call, number=1)
    call.current_version = version
    call.save(update_fields=["current_version"])
    made = {}
    for position, (number, heading) in enumerate(sections):
        made[number] = CallSection.objects.create(
            version=version,
            number=number,
            title=heading,
            text=f"<p>Text zu {heading}.</p>",
            position=position,
        )
    return CallWithSections(call=call, version=version, sections=made)


def amend(call: Call, *, changed: dict[str, str]) -> CallVersion:
    """A new version copying all sections, with new text for `changed`
    numbers (what calls' publish service does, minus its checks)."""
    old = call.current_version
    new = CallVersion.objects.create(call=call, number=old.number + 1)
    for section in old.sections.order_by("position"):
        CallSection.objects.create(
            version=new,
            number=section.number,
            title=section.title,
            text=changed.get(section.number, section.text),
            position=section.position,
        )
    call.current_version = new
    call.save(update_fields=["current_version"])
    return new


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    title = factory.Sequence(lambda n: f"Zählt Ausgabe {n} zum Eigenanteil?")
    text = "Wir planen eine Stelle für das Projektmanagement."
    visibility = Visibility.PUBLIC


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    text = "<p>Ja, sofern die Stelle für das Projekt neu geschaffen wird.</p>"
