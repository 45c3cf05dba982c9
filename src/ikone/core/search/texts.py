"""Messages of the search features that other apps' views show; kept here so
that they live in core's catalogue."""

from django.utils.translation import gettext_lazy as _

ANSWERED_MESSAGE = _(
    "Schön, dass ein Vorschlag Ihre Frage beantwortet hat. Danke für die Rückmeldung!"
)

# The search API's OpenAPI texts (api/views/search.py).
API_SUMMARY = _("Gesamte Plattform durchsuchen")
API_DESCRIPTION = _(
    "Durchsucht Kommunen, Organisationen, Veranstaltungen, Förderaufrufe und ihre "
    "Abschnitte, Fragen und FAQ mit deutscher Grundformbildung und Umlautfaltung. "
    "Liefert nur, was die angemeldete Person sehen darf; 20 Treffer je Seite."
)
API_QUERY = _("Suchbegriffe")
API_KIND = _("Nur Treffer dieser Art (siehe facets)")
API_PAGE = _("Seite (ab 1)")
