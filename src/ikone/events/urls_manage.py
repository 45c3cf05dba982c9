"""Addresses of the coordinators' side of events, included by
`events/urls.py`: `before_slug` ahead of the `<slug>/` patterns (so that
"neu" and "verwaltung" are never taken for an event), `per_event` below
/veranstaltungen/<slug>/."""

from django.urls import path

from ikone.events.views import manage, manage_followup, manage_participants, manage_state

before_slug = [
    path("neu/", manage.manage_create, name="manage_create"),
    path("verwaltung/", manage.manage_list, name="manage_list"),
]

per_event = [
    path("<slug:slug>/verwaltung/", manage.manage_edit, name="manage_edit"),
    path("<slug:slug>/verwaltung/status/", manage_state.manage_status, name="manage_status"),
    path("<slug:slug>/verwaltung/absagen/", manage_state.manage_cancel, name="manage_cancel"),
    path(
        "<slug:slug>/verwaltung/teilnehmende/",
        manage_participants.manage_participants,
        name="manage_participants",
    ),
    path(
        "<slug:slug>/verwaltung/teilnehmende/anmelden/",
        manage_participants.manage_register,
        name="manage_register",
    ),
    path(
        "<slug:slug>/verwaltung/teilnehmende.csv",
        manage_participants.manage_export_csv,
        name="manage_export_csv",
    ),
    path(
        "<slug:slug>/verwaltung/teilnehmende.xlsx",
        manage_participants.manage_export_xlsx,
        name="manage_export_xlsx",
    ),
    path(
        "<slug:slug>/verwaltung/nachricht/",
        manage_participants.manage_message,
        name="manage_message",
    ),
    path(
        "<slug:slug>/verwaltung/anwesenheit/",
        manage_participants.manage_attendance,
        name="manage_attendance",
    ),
    path(
        "<slug:slug>/verwaltung/anwesenheit/<int:pk>/",
        manage_participants.manage_check_in,
        name="manage_check_in",
    ),
    path(
        "<slug:slug>/verwaltung/zahlen/", manage_participants.manage_figures, name="manage_figures"
    ),
    path(
        "<slug:slug>/verwaltung/materialien/",
        manage_followup.manage_materials,
        name="manage_materials",
    ),
    path(
        "<slug:slug>/verwaltung/materialien/<int:pk>/entfernen/",
        manage_followup.manage_material_delete,
        name="manage_material_delete",
    ),
    path(
        "<slug:slug>/verwaltung/rueckmeldungen/",
        manage_followup.manage_feedback,
        name="manage_feedback",
    ),
    path(
        "<slug:slug>/materialien/<int:pk>/",
        manage_followup.material_download,
        name="material_download",
    ),
    path("<slug:slug>/rueckmeldung/", manage_followup.feedback, name="feedback"),
]
