"""Coordinators' pages for one event: create and edit (with speakers and
agenda), and the list of events one runs (publish, withdraw and cancel:
`manage_state`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ikone.accounts.permissions import is_network_coordinator
from ikone.core.audit import Actor
from ikone.core.datetimes import to_berlin
from ikone.core.exceptions import DomainError
from ikone.core.pagecache import memo
from ikone.events import manage_list_page, permissions
from ikone.events import selectors_manage as selectors
from ikone.events.forms import EventForm
from ikone.events.forms_programme import AgendaFormSet, SpeakerFormSet, on_event_day
from ikone.events.models import Event
from ikone.events.sanitize import clean_description
from ikone.events.selectors_manage import EventEditRows
from ikone.events.services import management as services
from ikone.events.services.management import AgendaData, EventData, SpeakerData

SPEAKERS_PREFIX = "referierende"
AGENDA_PREFIX = "programm"
EDIT_FORM_BODY_TEMPLATE = "events/manage/includes/event_form_body.html"
EDIT_FORM_MEMO_PREFIX = "events:manage-edit-form:v1"
CONFLICT_FIELDS = (
    "title", "slug", "summary", "description", "format", "starts_at", "ends_at", "place",
    "meeting_url", "capacity", "registration_deadline", "audience",
)  # fmt: skip


def manage_context(request: HttpRequest, event: Event, current: str) -> dict[str, Any]:
    """What every management page of one event shows: the event, the
    viewer's flags and which tab is open."""
    return {
        "event": event,
        "can": permissions.event_flags(request.user, event),
        "current_tab": current,
    }


@login_required
@require_safe
def manage_list(request: HttpRequest) -> HttpResponse:
    """/veranstaltungen/verwaltung/: the events one helps run, drafts included
    (the list a memo, `events.manage_list_page`)."""
    user = request.user
    helper = is_network_coordinator(user) or getattr(user, "is_mentor", False)
    # An editor of some event.
    if not helper and not selectors.event_list_for_manage(user=user).exists():
        raise PermissionDenied
    content = manage_list_page.manage_list_html(request, page=request.GET.get("seite"))
    return render(request, manage_list_page.TEMPLATE, {"content_html": content})


def _event_initial(event: Event, rows: EventEditRows) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in CONFLICT_FIELDS}
    values["series"] = event.series_id
    values["call"] = event.call_id
    values["fields_of_action"] = rows.field_of_action_ids
    values["allow_mentors_to_edit"] = event.allow_mentors_to_edit
    values["version"] = event.version
    return values


def _speaker_initial(rows: EventEditRows) -> list[dict[str, Any]]:
    return [
        {
            "id": speaker.pk,
            "email": speaker.user.email if speaker.user else "",
            "name": speaker.name,
            "affiliation": speaker.affiliation,
            "role": speaker.role,
        }
        for speaker in rows.speakers
    ]


def _agenda_initial(rows: EventEditRows) -> list[dict[str, Any]]:
    def local_time(value: Any) -> Any:
        return to_berlin(value).time() if value else None

    return [
        {
            "id": item.pk,
            "starts_at": local_time(item.starts_at),
            "ends_at": local_time(item.ends_at),
            "title": item.title,
            "description": item.description,
            "speakers": rows.agenda_speaker_ids.get(item.pk, []),
        }
        for item in rows.agenda
    ]


def _with_extra_row(data: QueryDict, prefix: str) -> QueryDict:
    """The submitted data with one more empty row in formset `prefix`
    (the "add a row" buttons work without JavaScript)."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, "0")) + 1)
    except ValueError:
        data[key] = "1"
    return data


class EditForms:
    """The event form and its two formsets, bound or not; `rows` are the
    event's (`selectors.event_edit_rows`), None for a new event."""

    def __init__(
        self,
        request: HttpRequest,
        event: Event | None,
        data: QueryDict | None,
        rows: EventEditRows | None = None,
    ) -> None:
        can_team = event is None or permissions.can_change_event_team(request.user, event)
        speaker_choices = (
            [(speaker.pk, speaker.display_name) for speaker in rows.speakers] if rows else []
        )
        self.event = event
        self.rows = rows
        self.form = EventForm(
            data,
            initial=_event_initial(event, rows) if event and rows else {},
            can_change_team=can_team,
        )
        self.speakers = SpeakerFormSet(
            data,
            initial=_speaker_initial(rows) if rows else [],
            prefix=SPEAKERS_PREFIX,
        )
        self.agenda = AgendaFormSet(
            data,
            initial=_agenda_initial(rows) if rows else [],
            prefix=AGENDA_PREFIX,
            form_kwargs={"speaker_choices": speaker_choices},
        )

    def is_valid(self) -> bool:
        results = [self.form.is_valid(), self.speakers.is_valid(), self.agenda.is_valid()]
        return all(results)

    @property
    def has_errors(self) -> bool:
        return bool(
            self.form.errors
            or any(self.speakers.errors)
            or self.speakers.non_form_errors()
            or any(self.agenda.errors)
            or self.agenda.non_form_errors()
        )

    def event_data(self) -> EventData:
        return EventData.from_form(self.form.cleaned_data)

    def speaker_rows(self) -> list[SpeakerData]:
        rows = []
        for form in self.speakers.forms:
            cleaned = form.cleaned_data
            if not cleaned or (not cleaned.get("id") and not form.has_changed()):
                continue
            rows.append(
                SpeakerData(
                    pk=cleaned.get("id"),
                    user=cleaned.get("email") or None,
                    name=cleaned.get("name", ""),
                    affiliation=cleaned.get("affiliation", ""),
                    role=cleaned.get("role", ""),
                    delete=bool(cleaned.get("DELETE")),
                )
            )
        return rows

    def agenda_rows(self, day_of: Any) -> list[AgendaData]:
        rows = []
        for form in self.agenda.forms:
            cleaned = form.cleaned_data
            if not cleaned or (not cleaned.get("id") and not form.has_changed()):
                continue
            rows.append(
                AgendaData(
                    pk=cleaned.get("id"),
                    title=cleaned.get("title", ""),
                    description=cleaned.get("description", ""),
                    starts_at=on_event_day(day_of, cleaned.get("starts_at")),
                    ends_at=on_event_day(day_of, cleaned.get("ends_at")),
                    speaker_ids=list(cleaned.get("speakers") or []),
                    delete=bool(cleaned.get("DELETE")),
                )
            )
        return rows


def _render_edit(
    request: HttpRequest, forms: EditForms, *, conflict: list[str] | None = None
) -> HttpResponse:
    event = forms.event
    context: dict[str, Any] = {
        "form": forms.form,
        "speaker_formset": forms.speakers,
        "agenda_formset": forms.agenda,
        "conflict_fields": conflict or [],
    }
    if event is not None:
        context.update(manage_context(request, event, "edit"))
    status = 409 if conflict else 400 if request.method == "POST" and forms.has_errors else 200
    return render(request, "events/manage/event_form.html", context, status=status)


def _added_row(
    request: HttpRequest, event: Event | None, rows: EventEditRows | None = None
) -> HttpResponse | None:
    """Handle the "add a speaker / agenda item" buttons: re-render with one
    more empty row, saving nothing."""
    for button, prefix in (("add_speaker", SPEAKERS_PREFIX), ("add_agenda", AGENDA_PREFIX)):
        if button in request.POST:
            data = _with_extra_row(request.POST, prefix)
            return _render_edit(request, EditForms(request, event, data, rows))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def manage_create(request: HttpRequest) -> HttpResponse:
    """/veranstaltungen/neu/: a coordinator creates an event (as a draft)."""
    if not permissions.can_create_event(request.user):
        raise PermissionDenied
    if request.method == "POST" and (response := _added_row(request, None)):
        return response
    forms = EditForms(request, None, request.POST if request.method == "POST" else None)
    if request.method == "POST" and forms.is_valid():
        data = forms.event_data()
        try:
            event = services.event_create(
                data=data,
                speakers=forms.speaker_rows(),
                agenda=forms.agenda_rows(data.starts_at),
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            forms.form.add_error(
                "slug" if isinstance(error, services.SlugTakenError) else None, error.message
            )
        else:
            messages.success(
                request,
                _(
                    "„%(title)s“ ist als Entwurf angelegt. Veröffentlichen Sie sie, wenn alles stimmt."
                )
                % {"title": event.title},
            )
            return redirect("events:manage_edit", slug=event.slug)
    return _render_edit(request, forms)


def _differing_fields(form: EventForm, current: Event) -> list[str]:
    """Labels of the fields where what was typed differs from the version
    saved meanwhile (the description compared as it would be saved)."""
    labels = []
    for name in CONFLICT_FIELDS:
        typed = form.cleaned_data.get(name)
        if name == "description":
            typed = clean_description(typed or "")
        if (typed or "") != (getattr(current, name) or ""):
            labels.append(str(form.fields[name].label))
    return labels


@login_required
@require_http_methods(["GET", "POST"])
def manage_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/: edit the event, its speakers and agenda."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_edit_event
    )
    if request.method == "GET":
        context = {
            **manage_context(request, event, "edit"),
            "form_html": _edit_form_html(request, event),
        }
        return render(request, "events/manage/event_form.html", context)
    rows = selectors.event_edit_rows(event=event)
    if response := _added_row(request, event, rows):
        return response
    forms = EditForms(request, event, request.POST, rows)
    if forms.is_valid():
        data = forms.event_data()
        based_on = forms.form.cleaned_data.get("version") or 0
        try:
            updated = services.event_update(
                event=event,
                data=data,
                based_on=based_on,
                speakers=forms.speaker_rows(),
                agenda=forms.agenda_rows(data.starts_at),
                actor=Actor.from_request(request),
            )
        except services.EventEditConflictError as conflict:
            # Keep what was typed; the next save is based on the current version.
            differing = _differing_fields(forms.form, conflict.current)
            posted = request.POST.copy()
            posted["version"] = str(conflict.current.version)
            forms = EditForms(request, event, posted, rows)
            forms.is_valid()
            forms.form.add_error(None, conflict.message)
            return _render_edit(
                request, forms, conflict=differing or [_("Programm oder Referierende")]
            )
        except DomainError as error:
            forms.form.add_error(
                "slug" if isinstance(error, services.SlugTakenError) else None, error.message
            )
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect("events:manage_edit", slug=updated.slug)
    return _render_edit(request, forms)


def _edit_form_html(request: HttpRequest, event: Event) -> SafeString:
    """The unbound edit form of `event` (all but its CSRF token) as a memo
    (ADR 0006): the same for everyone who may edit the event with the same
    right to change its team, computed anew when a table it was read from
    changes (the event, read again inside, its speakers and their accounts,
    agenda, series, calls, fields of action)."""
    can_team = permissions.can_change_event_team(request.user, event)
    key = memo.key(EDIT_FORM_MEMO_PREFIX, event.pk, can_team)

    def compute() -> SafeString:
        current = selectors.event_get_for_edit_form(pk=event.pk)
        forms = EditForms(request, current, None, selectors.event_edit_rows(event=current))
        context = {
            "event": current,
            "form": forms.form,
            "speaker_formset": forms.speakers,
            "agenda_formset": forms.agenda,
            "conflict_fields": [],
        }
        return render_to_string(EDIT_FORM_BODY_TEMPLATE, context)

    return memo.get_or_compute(key, compute)
