"""The support app's retention rule (`core.retention`): what a closed
request says and who wrote it is removed after the period; what the
figures need (topic, organisation, membership, the times of receipt,
first answer and solution) stays, so response times and volumes remain
true. Registered in `SupportConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ikone.core.retention import RetentionRule
from ikone.support.models import SupportMessage, SupportRequest
from ikone.support.workflow import Status

# Stored instead of the subject: data, not interface text.
ANONYMISED_SUBJECT = "[anonymisiert]"


@transaction.atomic
def anonymise_closed_requests(cutoff: dt.datetime) -> int:
    """Anonymise requests closed before the cutoff (a closed request
    changes no more, so its last change is its closing) and delete their
    thread. Requests already anonymised are left alone."""
    expired = SupportRequest.objects.filter(status=Status.CLOSED, updated_at__lt=cutoff).exclude(
        subject=ANONYMISED_SUBJECT
    )
    ids = list(expired.values_list("pk", flat=True))
    if not ids:
        return 0
    SupportMessage.objects.filter(request_id__in=ids).delete()
    # update() keeps updated_at, the moment of closing.
    return SupportRequest.objects.filter(pk__in=ids).update(
        subject=ANONYMISED_SUBJECT,
        message="",
        requester=None,
        requester_name="",
        requester_email="",
        organization_name="",
        municipality=None,
        draft=None,
        question=None,
        consent_at=None,
        version=F("version") + 1,  # an open edit form is refused, not applied
    )


RULES = (
    RetentionRule(
        "support.closed_requests",
        _("Geschlossene Unterstützungsanfragen"),
        _(
            "Nach Ablauf der Frist ab dem Schließen werden Betreff, Nachricht, Verlauf, "
            "Name und E-Mail-Adresse entfernt; Thema, Organisation und Zeitpunkte bleiben "
            "für die Kennzahlen."
        ),
        "ikone.support.retention.anonymise_closed_requests",
        default_days=365,
        minimum_days=30,
        position=30,
    ),
)
