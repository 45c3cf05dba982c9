"""Texts of the events API (/api/v1/events/) for the OpenAPI document.

They live in the events app so that its catalogue holds their English
translation; `ikone.api.serializers.events` and `ikone.api.views.events`
import them.
"""

from django.utils.translation import gettext_lazy as _

LIST_SUMMARY = _("Veranstaltungen auflisten")
LIST_DESCRIPTION = _(
    "Veröffentlichte und abgesagte Veranstaltungen (Workshops, Treffen) des Netzwerks; "
    "kommende zuerst, mit `when=past` die vergangenen, die jüngsten zuerst."
)
DETAIL_SUMMARY = _("Eine Veranstaltung")
DETAIL_DESCRIPTION = _(
    "Eine Veranstaltung mit Programm und Referierenden. Der Link zur Online-Teilnahme "
    "ist nicht öffentlich und fehlt hier."
)
NOT_FOUND = _("Unbekannte oder nicht öffentliche Veranstaltung.")
WHEN = _("upcoming (Standard): noch nicht beendete; past: beendete Veranstaltungen.")
FORMAT = _("online, onsite (vor Ort) oder hybrid.")
SERIES = _("Kurzname der Reihe, z. B. workshopreihe-smart-city-bewerbung.")
FIELD_OF_ACTION = _("Schlüssel eines Handlungsfelds, z. B. verwaltung.")
STATUS = _("published (veröffentlicht) oder cancelled (abgesagt).")
AUDIENCE = _("Wer sich anmelden kann: everyone, municipal_staff oder network_members.")
URL = _("Adresse der Seite der Veranstaltung.")
ICS_URL = _("Adresse der Kalenderdatei (iCalendar).")
WHEN_TEXT = _("Datum und Uhrzeit in deutscher Schreibweise (Europe/Berlin).")
CONFIRMED = _("Zahl der bestätigten Anmeldungen.")
CAPACITY = _("Plätze; leer für unbegrenzt.")
DESCRIPTION_HTML = _("Beschreibung als bereinigtes HTML.")
INVALID_FILTER = _("Ungültige Filter: je Parameter eine Liste von Fehlermeldungen.")
PAGE_NOT_FOUND = _("Eine Seite jenseits der letzten.")
