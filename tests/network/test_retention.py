"""Retention: the daily run deletes or clears exactly what expired, per
data category, records counts only, and coordinators set the periods."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ikone.applications.models import Draft, DraftStatus
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.models import AuditEntry
from ikone.events.models import Registration
from ikone.network import services
from ikone.network.models import RetentionPeriod, RetentionRun
from ikone.notifications.models import Notification
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.calls.factories import make_call
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def event_ended(days: float, slug: str):
    return EventFactory(slug=slug, starts_at=ago(days) - dt.timedelta(hours=2), ends_at=ago(days))


def test_each_rule_removes_exactly_what_expired():
    person = UserFactory(email="alt@example.org")
    old, recent = event_ended(40, "alt"), event_ended(20, "neu")
    needs_old = RegistrationFactory(event=old, person=person, accessibility_needs="Rollstuhl")
    needs_new = RegistrationFactory(event=recent, person=person, accessibility_needs="Gebärden")
    ancient = RegistrationFactory(event=event_ended(1200, "uralt"), person=person)

    closed = make_call("zu", deadline=ago(400))
    open_call = make_call("offen", deadline=ago(100))
    organization = OrganizationFactory()
    forgotten = Draft.objects.create(organization=organization, call=closed, title="Vergessen")
    submitted = Draft.objects.create(
        organization=organization,
        call=closed,
        title="Eingereicht",
        status=DraftStatus.SUBMITTED,
        submitted_on=ago(401).date(),
    )
    example = Draft.objects.create(
        organization=organization, call=closed, title="Beispiel", is_example=True
    )
    recent_draft = Draft.objects.create(organization=organization, call=open_call, title="Neu")

    Notification.objects.create(
        user=person, kind="qa.new_answer", subject="alt", created_at=ago(181)
    )
    fresh = Notification.objects.create(
        user=person, kind="qa.new_answer", subject="neu", created_at=ago(179)
    )
    old_entry = AuditEntry.objects.create(action="x.y.z")
    AuditEntry.objects.filter(pk=old_entry.pk).update(created_at=ago(731))

    counts = services.retention_apply(now=NOW)

    assert counts["events.accessibility_needs"] == 1
    needs_old.refresh_from_db()
    needs_new.refresh_from_db()
    assert needs_old.accessibility_needs == "" and needs_new.accessibility_needs == "Gebärden"
    assert counts["events.registrations"] == 1
    assert not Registration.objects.filter(pk=ancient.pk).exists()
    assert counts["applications.unsubmitted_drafts"] == 1
    assert set(Draft.objects.values_list("pk", flat=True)) == {
        submitted.pk,
        example.pk,
        recent_draft.pk,
    }
    assert not Draft.objects.filter(pk=forgotten.pk).exists()
    assert counts["notifications.notifications"] == 1
    assert list(Notification.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert counts["core.audit_log"] == 1
    assert not AuditEntry.objects.filter(pk=old_entry.pk).exists()

    runs = {run.rule: run.count for run in RetentionRun.objects.all()}
    assert runs == counts
    entry = AuditEntry.objects.get(action="network.retention.applied")
    assert entry.data == {"counts": counts}
    assert "Rollstuhl" not in str(entry.data)

    again = services.retention_apply(now=NOW)
    assert set(again.values()) == {0}


def test_the_command_runs_the_rules():
    call_command("apply_retention")
    assert RetentionRun.objects.filter(rule="core.audit_log").exists()


def test_coordinators_set_periods_not_below_the_minimum(client, coordinator):
    sign_in(client, coordinator)
    url = reverse("network:retention")
    assert "Protokoll (Audit-Log)" in client.get(url).content.decode()
    data = {key: days for key, days in services.retention_days().items()}
    data["notifications.notifications"] = 30
    assert client.post(url, data).status_code == 302
    assert RetentionPeriod.objects.get(rule="notifications.notifications").days == 30

    data["core.audit_log"] = 10
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'value="10"' in response.content.decode()
    assert services.retention_days()["core.audit_log"] == 730

    with pytest.raises(DomainError):
        services.retention_periods_set(actor=Actor(user=coordinator), days={"core.audit_log": 10})
