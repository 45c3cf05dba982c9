"""After the event: materials (slides, minutes, recording links) and
feedback from participants."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from ikone.accounts.models import User
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.models import AuditEntry
from ikone.core.services import require, require_user
from ikone.events import notifications, permissions
from ikone.events.models import (
    Event,
    EventStatus,
    FeedbackResponse,
    Material,
    Registration,
    RegistrationStatus,
)

FEEDBACK_REQUESTED = "events.feedback.requested"


class FeedbackNotAllowedError(DomainError):
    """Only participants give feedback, once the event has begun."""


class FeedbackAlreadyRequestedError(DomainError):
    """The participants were already asked for feedback."""


@transaction.atomic
def material_add(
    *,
    event: Event,
    kind: str,
    title: str,
    visibility: str,
    actor: Actor,
    file: UploadedFile | None = None,
    url: str = "",
) -> Material:
    """Attach a file (already checked by the form's UploadValidator) or a link."""
    require(permissions.can_add_material(actor.user, event))
    material = Material(
        event=event,
        kind=kind,
        title=title,
        url=url,
        visibility=visibility,
        uploaded_by=actor.user,
    )
    if file is not None:
        material.file.save(file.name or "material", file, save=False)
    material.full_clean(exclude=["file"])
    material.save()
    audit.record(
        actor,
        "events.material.added",
        target=material,
        data={"event": event.pk, "kind": kind, "visibility": visibility},
    )
    return material


@transaction.atomic
def material_delete(*, material: Material, actor: Actor) -> None:
    """Remove a material and its file."""
    require(permissions.can_delete_material(actor.user, material))
    audit.record(
        actor, "events.material.deleted", target=material, data={"event": material.event_id}
    )
    stored = material.file.name if material.file else ""
    storage = material.file.storage if material.file else None
    material.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))


def _own_registration(event: Event, user: User) -> Registration | None:
    return (
        Registration.objects.filter(event=event, person=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


@transaction.atomic
def feedback_save(*, event: Event, rating: int, comment: str, actor: Actor) -> FeedbackResponse:
    """Create or change the actor's feedback (one per person and event)."""
    user = require_user(actor)
    registration = _own_registration(event, user)
    if not permissions.can_give_feedback(user, event, registration):
        raise FeedbackNotAllowedError(
            _("Rückmeldungen geben Teilnehmende, sobald die Veranstaltung begonnen hat.")
        )
    if not 1 <= rating <= 5:
        raise FeedbackNotAllowedError(_("Bitte wählen Sie eine Bewertung von 1 bis 5."))
    response, created = FeedbackResponse.objects.update_or_create(
        event=event, person=user, defaults={"rating": rating, "comment": comment}
    )
    audit.record(
        actor,
        "events.feedback.given" if created else "events.feedback.changed",
        target=event,
        data={"rating": rating},
    )
    return response


def feedback_last_requested(*, event: Event) -> AuditEntry | None:
    """When the participants were asked for feedback, if they were."""
    return (
        AuditEntry.objects.filter(
            action=FEEDBACK_REQUESTED, target_type="events.event", target_id=str(event.pk)
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def feedback_request_send(*, event: Event, actor: Actor) -> None:
    """Ask every participant by e-mail for feedback, once per event, after
    it has begun. Locks the event row so two clicks send one request."""
    require(permissions.can_view_feedback_results(actor.user, event))
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status != EventStatus.PUBLISHED or not locked.has_started:
        raise FeedbackNotAllowedError(
            _("Um Rückmeldung bitten können Sie, sobald die Veranstaltung begonnen hat.")
        )
    if feedback_last_requested(event=locked) is not None:
        raise FeedbackAlreadyRequestedError(
            _("Die Teilnehmenden wurden schon um Rückmeldung gebeten.")
        )
    audit.record(actor, FEEDBACK_REQUESTED, target=locked)
    mail.notify(notifications.FEEDBACK_REQUEST, locked.pk)
