"""The support retention rule: closed requests are anonymised after the
period, exactly those, once; what the figures need stays."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ikone.core import retention
from ikone.support.models import MessageKind, Source, SupportMessage, SupportRequest, Topic
from ikone.support.retention import ANONYMISED_SUBJECT, anonymise_closed_requests
from ikone.support.workflow import Status

pytestmark = pytest.mark.django_db


def _request(status: str, closed_days_ago: int) -> SupportRequest:
    request = SupportRequest.objects.create(
        topic=Topic.PARTNER,
        subject="Partner gesucht",
        message="Wir suchen eine Partnerkommune.",
        source=Source.CONTACT,
        requester_name="Petra Beispiel",
        requester_email="petra@example.org",
        organization_name="Stadt Astadt",
        status=status,
        is_member=True,
    )
    SupportMessage.objects.create(request=request, kind=MessageKind.REPLY, text="Antwort")
    moment = timezone.now() - dt.timedelta(days=closed_days_ago)
    SupportRequest.objects.filter(pk=request.pk).update(
        updated_at=moment, created_at=moment, first_response_at=moment
    )
    return request


def test_the_rule_is_registered_with_a_default():
    rule = next(rule for rule in retention.rules() if rule.key == "support.closed_requests")
    assert rule.default_days == 365 and rule.minimum_days == 30


def test_closed_requests_past_the_period_are_anonymised_exactly_once():
    expired = _request(Status.CLOSED, closed_days_ago=400)
    recent = _request(Status.CLOSED, closed_days_ago=10)
    still_open = _request(Status.WAITING, closed_days_ago=400)
    cutoff = timezone.now() - dt.timedelta(days=365)

    assert anonymise_closed_requests(cutoff) == 1
    expired.refresh_from_db()
    assert expired.subject == ANONYMISED_SUBJECT
    assert (expired.message, expired.requester_name, expired.requester_email) == ("", "", "")
    assert expired.organization_name == ""
    assert not expired.messages.exists()
    # What the figures read stays.
    assert expired.first_response_at is not None and expired.is_member
    assert expired.topic == Topic.PARTNER and expired.version == 2
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.subject == "Partner gesucht" and kept.messages.count() == 1
    assert anonymise_closed_requests(cutoff) == 0
