"""After an event: materials and feedback."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404

from ikone.accounts.models import User
from ikone.accounts.permissions import is_signed_in
from ikone.events import permissions
from ikone.events.models import Event, FeedbackResponse, Material, Registration, RegistrationStatus

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


# --- Materials and feedback -------------------------------------------------------


def material_list(*, event: Event) -> list[Material]:
    """All of the event's materials, for those who manage them."""
    return list(Material.objects.filter(event=event).select_related("uploaded_by"))


def own_registration(*, user: AnyUser, event: Event) -> Registration | None:
    """The viewer's active registration for the event, if any."""
    if not is_signed_in(user):
        return None
    return (
        Registration.objects.filter(event=event, person_id=user.pk)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def material_get_for_download(*, user: AnyUser, slug: str, pk: int) -> Material:
    """A material the viewer may open; Http404 otherwise (so nobody learns
    what exists)."""
    material = Material.objects.select_related("event").filter(event__slug=slug, pk=pk).first()
    if material is None:
        raise Http404
    registration = own_registration(user=user, event=material.event)
    if not permissions.can_view_material(user, material, registration=registration):
        raise Http404
    return material


def feedback_get_own(*, user: User, event: Event) -> FeedbackResponse | None:
    return FeedbackResponse.objects.filter(event=event, person=user).first()


@dataclass(frozen=True)
class FeedbackResults:
    count: int
    average: float | None
    # (rating, count, share in percent) from 5 down to 1.
    distribution: list[tuple[int, int, int]]
    comments: list[FeedbackResponse]


def feedback_results(*, event: Event) -> FeedbackResults:
    """Average, distribution and comments of the event's feedback."""
    responses = list(
        FeedbackResponse.objects.filter(event=event)
        .select_related("person")
        .order_by("-updated_at")
    )
    ratings = Counter(response.rating for response in responses)
    count = len(responses)
    average = round(sum(response.rating for response in responses) / count, 1) if count else None
    distribution = [
        (rating, ratings[rating], round(100 * ratings[rating] / count) if count else 0)
        for rating in range(5, 0, -1)
    ]
    comments = [response for response in responses if response.comment.strip()]
    return FeedbackResults(
        count=count, average=average, distribution=distribution, comments=comments
    )
