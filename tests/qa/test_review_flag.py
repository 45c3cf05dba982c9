"""'Auslegung prüfen': answers and FAQ entries citing a changed section get
flagged when the call is amended, until confirmed or updated."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from ikone.calls.signals import call_amended
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.qa import services
from ikone.qa.exceptions import NotFlaggedError
from tests.core.helpers import sign_in
from tests.qa.factories import amend


@pytest.fixture
def answered(call, staff_member, mentor, coordinator):
    """Two answers: one citing 3.2, one citing 1; the first is official and in the FAQ."""
    question = services.question_create(
        actor=Actor(user=staff_member), call=call.call, title="Eigenanteil?", text="T"
    )
    citing = services.answer_create(
        actor=Actor(user=mentor),
        question=question,
        text="Nach 3.2 ja.",
        sections=[call.sections["3.2"]],
    )
    other = services.answer_create(
        actor=Actor(user=staff_member),
        question=question,
        text="Nach 1 nein.",
        sections=[call.sections["1"]],
    )
    services.answer_mark_official(actor=Actor(user=coordinator), answer=citing)
    entry = services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="Eigenanteil?",
        question_text="",
        answer_text="Ja.",
        section=call.sections["3.2"],
    )
    return question, citing, other, entry


def _amend(call, numbers):
    old = call.call.current_version
    new = amend(call.call, changed={number: "<p>Neu.</p>" for number in numbers})
    call_amended.send(
        sender=type(call.call),
        call=call.call,
        old_version=old,
        new_version=new,
        changed_numbers=list(numbers),
    )
    return new


def test_amendment_flags_citing_answers_and_faq_entries(call, answered):
    _question, citing, other, entry = answered
    _amend(call, ["3.2"])
    citing.refresh_from_db()
    other.refresh_from_db()
    entry.refresh_from_db()
    assert citing.needs_review
    assert citing.review_numbers == ["3.2"]
    assert not other.needs_review
    assert entry.needs_review
    assert AuditEntry.objects.filter(action="qa.answer.flagged").count() == 1
    assert AuditEntry.objects.filter(action="qa.faq_entry.flagged").count() == 1


def test_unrelated_amendment_flags_nothing(call, answered):
    _question, citing, other, entry = answered
    _amend(call, ["2"])
    for obj in (citing, other, entry):
        obj.refresh_from_db()
        assert not obj.needs_review


def test_flag_shown_to_author_and_coordinators_only(
    call, answered, mentor, coordinator, staff_member, other_staff
):
    question, citing, *_ = answered
    _amend(call, ["3.2"])
    url = question.get_absolute_url()
    for user, sees in ((mentor, True), (coordinator, True), (staff_member, False), (None, False)):
        client = Client()
        if user is not None:
            sign_in(client, user)
        content = client.get(url).content.decode()
        assert ("Auslegung prüfen" in content) is sees, user
    listing = Client()
    sign_in(listing, coordinator)
    content = listing.get(reverse("qa:review_list")).content.decode()
    assert "Eigenanteil?" in content
    own = Client()
    sign_in(own, other_staff)
    assert "Eigenanteil?" not in own.get(reverse("qa:review_list")).content.decode()


def test_confirm_clears_the_flag_and_repins_the_citation(call, answered, mentor, other_staff):
    _question, citing, *_ = answered
    new = _amend(call, ["3.2"])
    with pytest.raises(PermissionDenied):
        services.answer_review_confirm(actor=Actor(user=other_staff), answer=citing)
    client = Client()
    sign_in(client, mentor)
    response = client.post(reverse("qa:answer_review_confirm", kwargs={"pk": citing.pk}))
    assert response.status_code == 302
    citing.refresh_from_db()
    assert not citing.needs_review
    assert [s.version_id for s in citing.cited_sections.all()] == [new.pk]
    assert AuditEntry.objects.filter(action="qa.answer.review_confirmed").exists()
    with pytest.raises(NotFlaggedError):
        services.answer_review_confirm(actor=Actor(user=mentor), answer=citing)


def test_update_clears_the_flag(call, answered, mentor):
    _question, citing, *_ = answered
    new = _amend(call, ["3.2"])
    citing.refresh_from_db()
    section = new.sections.get(number="3.2")
    services.answer_update(
        actor=Actor(user=mentor),
        answer=citing,
        text="Nach neuer Fassung weiterhin ja.",
        sections=[section],
        based_on=citing.version,
    )
    citing.refresh_from_db()
    assert not citing.needs_review
    assert AuditEntry.objects.filter(
        action="qa.answer.updated", data__settled_review=True
    ).exists()


def test_coordinator_confirms_faq_entry(call, answered, coordinator):
    question, _citing, _other, entry = answered
    new = _amend(call, ["3.2"])
    client = Client()
    sign_in(client, coordinator)
    assert (
        client.post(reverse("qa:faq_review_confirm", kwargs={"pk": question.pk})).status_code
        == 302
    )
    entry.refresh_from_db()
    assert not entry.needs_review
    assert entry.section.version_id == new.pk
    assert AuditEntry.objects.filter(action="qa.faq_entry.review_confirmed").exists()
