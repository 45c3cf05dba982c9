"""The built-in providers: municipalities, organisations, events, calls and
their sections, questions, FAQ entries.

They read other apps' models through the app registry (`model="app.Model"`)
and never import those apps, so that core stays below them; a provider
whose model does not exist yet is skipped.
"""

from __future__ import annotations

import html
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from ikone.core.search.models import Visibility
from ikone.core.search.registry import DocumentData, Provider, register


def plain(markup: str) -> str:
    """Text of sanitised HTML, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(markup or "")).split())


def _join(*parts: Any) -> str:
    return " · ".join(str(part) for part in parts if part)


# --- Municipalities -------------------------------------------------------------


def _municipality(obj: Any) -> DocumentData:
    district = obj.district.name if obj.district_id and obj.district_id != obj.pk else ""
    state = obj.state.name if obj.state_id and obj.state_id != obj.pk else ""
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.name,
        body=_join(obj.type_label or obj.get_level_display(), district, state, obj.ags),
        url=reverse("municipalities:detail", kwargs={"ags": obj.ags}),
    )


register(
    Provider(
        kind="municipality",
        label=_("Kommune"),
        label_plural=_("Kommunen"),
        model="municipalities.Municipality",
        document=_municipality,
        queryset=lambda qs: qs.select_related("district", "state").only(
            "pk", "name", "ags", "type_label", "level", "district__name", "state__name"
        ),
        position=50,
    )
)


# --- Organisations -------------------------------------------------------------


def _organization(obj: Any) -> DocumentData:
    municipality = obj.municipality.name if obj.municipality_id else ""
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.name,
        body=_join(obj.get_kind_display(), municipality, obj.description),
        url=obj.get_absolute_url(),
    )


register(
    Provider(
        kind="organization",
        label=_("Organisation"),
        label_plural=_("Organisationen"),
        model="accounts.Organization",
        document=_organization,
        queryset=lambda qs: qs.select_related("municipality"),
        position=40,
    )
)


# --- Events -------------------------------------------------------------------


def _event(obj: Any) -> DocumentData | None:
    if obj.status == "draft":
        return None
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=_join(obj.summary, plain(obj.description), obj.place),
        url=obj.get_absolute_url(),
    )


register(
    Provider(
        kind="event",
        label=_("Veranstaltung"),
        label_plural=_("Veranstaltungen"),
        model="events.Event",
        document=_event,
        position=30,
    )
)


# --- Calls and their sections -------------------------------------------------------


def _call(obj: Any) -> DocumentData:
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=_join(
            obj.programme, obj.funder, obj.theme, plain(obj.summary), plain(obj.eligibility)
        ),
        url=obj.get_absolute_url(),
        group=f"call:{obj.pk}",
    )


register(
    Provider(
        kind="call",
        label=_("Förderaufruf"),
        label_plural=_("Förderaufrufe"),
        model="calls.Call",
        document=_call,
        position=10,
    )
)


def _section(obj: Any) -> DocumentData | None:
    call = obj.version.call
    if call.current_version_id != obj.version_id:
        return None  # older wordings stay readable on the call, but are not found
    return DocumentData(
        object_id=str(obj.pk),
        title=f"{obj.number} {obj.title}",
        context=call.title,
        body=plain(obj.text),
        url=obj.get_absolute_url(),
        group=f"call:{call.pk}",
        suggestible=True,
    )


def _sections_of_call(call: Any) -> list[Any]:
    # A new current version changes which sections are found.
    from django.apps import apps

    section = apps.get_model("calls", "CallSection")
    return list(section.objects.filter(version__call=call).values_list("pk", flat=True))


register(
    Provider(
        kind="call_section",
        label=_("Abschnitt eines Förderaufrufs"),
        label_plural=_("Abschnitte von Förderaufrufen"),
        model="calls.CallSection",
        document=_section,
        queryset=lambda qs: qs.select_related("version__call"),
        watches={"calls.Call": _sections_of_call},
        position=11,
    )
)


# --- Questions and FAQ ------------------------------------------------------------

QUESTION_VISIBILITY = {
    "public": Visibility.PUBLIC,
    "network": Visibility.NETWORK,
    "mentors": Visibility.MENTORS,
}


def _question(obj: Any) -> DocumentData:
    answers = [plain(answer.text) for answer in obj.answers.all()]
    # A question in the FAQ is suggested through its FAQ entry instead.
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body="\n".join([obj.text, *answers]),
        url=obj.get_absolute_url(),
        context=obj.call.title,
        visibility=QUESTION_VISIBILITY.get(obj.visibility, Visibility.PRIVATE),
        group=f"call:{obj.call_id}",
        organization_id=obj.organization_id,
        owner_id=obj.author_id,
        suggestible=obj.status == "answered",
    )


def _questions_queryset(qs: QuerySet[Any]) -> QuerySet[Any]:
    from django.apps import apps

    answer = apps.get_model("qa", "Answer")
    return qs.prefetch_related(
        Prefetch("answers", queryset=answer.objects.only("question_id", "text"))
    )


register(
    Provider(
        kind="question",
        label=_("Frage"),
        label_plural=_("Fragen"),
        model="qa.Question",
        document=_question,
        queryset=_questions_queryset,
        watches={
            "qa.Answer": lambda answer: [answer.question_id],
            # Publishing to or withdrawing from the FAQ changes the status.
            "qa.FAQEntry": lambda entry: [entry.question_id],
        },
        position=20,
    )
)


def _faq(obj: Any) -> DocumentData | None:
    if not obj.is_published:
        return None
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body="\n".join([obj.question_text, plain(obj.answer_text)]),
        url=obj.get_absolute_url(),
        context=obj.call.title,
        group=f"call:{obj.call_id}",
        suggestible=True,
    )


register(
    Provider(
        kind="faq",
        label=_("FAQ-Eintrag"),
        label_plural=_("FAQ"),
        model="qa.FAQEntry",
        document=_faq,
        queryset=lambda qs: qs.select_related("call"),
        position=15,
    )
)
