"""One request's page reads the request with a prepared query (issue 15),
with the person's roles in its organisation and its draft's organisation in
the same query: who sees it is still `permissions.can_view_request` on the
request as the ORM loads it, for every role and kind of request, and the
page's queries stay within budget."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from ikone.applications.models import DraftMentor
from ikone.core.audit import Actor
from ikone.support import selectors, services
from ikone.support.models import MessageKind, Source, SupportRequest, Topic
from ikone.support.permissions import can_view_request
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

ROLES = ["staff_member", "contact_person", "other_staff", "mentor", "coordinator", "person"]


def _request(**fields) -> SupportRequest:
    defaults = {
        "topic": Topic.SKETCH,
        "subject": "Skizze",
        "message": "…",
        "source": Source.PLATFORM,
        "requester_name": "A",
        "requester_email": "a@example.org",
    }
    return SupportRequest.objects.create(**{**defaults, **fields})


@pytest.fixture
def every_kind(organization, staff_member, mentor, workshop_draft) -> dict[str, SupportRequest]:
    return {
        "platform": _request(organization=organization, requester=staff_member),
        "contact naming the organisation": _request(
            source=Source.CONTACT, organization=organization
        ),
        "assigned to the mentor": _request(organization=organization, assignee=mentor),
        "unshared draft": _request(
            organization=organization, requester=staff_member, draft=workshop_draft
        ),
        "unshared draft assigned to the mentor": _request(
            organization=organization, draft=workshop_draft, assignee=mentor
        ),
    }


def _sees(user, pk: int) -> bool:
    try:
        selectors.request_get_for_view(user=user, pk=pk)
    except Http404:
        return False
    return True


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("shared", ["nobody", "network", "mentor"])
def test_who_sees_a_request_is_unchanged(request, every_kind, who, shared, workshop_draft):
    if shared == "network":
        workshop_draft.shared_with_network = True
        workshop_draft.save(update_fields=["shared_with_network"])
    elif shared == "mentor":
        DraftMentor.objects.create(
            draft=workshop_draft,
            mentor=request.getfixturevalue("mentor"),
            shared_by=request.getfixturevalue("staff_member"),
        )
    user = request.getfixturevalue(who)
    for kind, support_request in every_kind.items():
        loaded = SupportRequest.objects.get(pk=support_request.pk)
        assert _sees(user, support_request.pk) is can_view_request(user, loaded), (who, kind)
    assert not _sees(user, 2**63 - 1) and not _sees(user, 2**63) and not _sees(user, 0)


def test_an_organisations_unshared_request_stays_hidden(client, every_kind, other_staff):
    sign_in(client, other_staff)
    for support_request in every_kind.values():
        assert client.get(support_request.get_absolute_url()).status_code == 404
    assert client.get(reverse("support:detail", kwargs={"pk": 2**64})).status_code == 404


def test_detail_page_budget_and_thread(
    client, organization, staff_member, coordinator, django_assert_max_num_queries
):
    support_request = services.request_create(
        data=services.RequestData(
            topic=Topic.FINANCING,
            subject="Personalkosten?",
            message="Dürfen wir Personal ansetzen?",
            organization=organization,
        ),
        actor=Actor(user=staff_member),
    )
    services.request_reply(
        request=support_request, text="Ja, anteilig.", actor=Actor(user=coordinator)
    )
    services.request_note(
        request=support_request, text="Intern: Kämmerei fragen", actor=Actor(user=coordinator)
    )
    url = support_request.get_absolute_url()
    sign_in(client, coordinator)
    client.get(url)  # the layout's memos
    # Session, person, second factor, request, thread, canned replies (the
    # assignees come from a memo).
    with django_assert_max_num_queries(6):
        html = client.get(url).content.decode()
    assert "Ja, anteilig." in html and "Kämmerei" in html
    client.logout()
    sign_in(client, staff_member)
    client.get(url)
    # Session, person, request, thread.
    with django_assert_max_num_queries(5):
        html = client.get(url).content.decode()
    assert "Ja, anteilig." in html and "Kämmerei" not in html
    kinds = [m.kind for m in selectors.request_messages(request=support_request, handler=True)]
    assert kinds == [MessageKind.REPLY, MessageKind.NOTE]


def test_the_assignees_shown_are_those_the_form_accepts(coordinator, mentor):
    """The handling form's people come from a memo; the select is the one
    the queryset gave before, and a new mentor appears at once."""
    from ikone.support.forms import HandlingForm

    initial = {"assignee": mentor.pk, "priority": "normal", "version": 1}
    queryset = selectors.assignee_choices()
    shown = HandlingForm(initial=initial, assignees=queryset, shown=selectors.assignee_options())
    plain = HandlingForm(initial=initial, assignees=queryset)
    assert str(shown["assignee"]) == str(plain["assignee"])
    assert f'<option value="{mentor.pk}" selected>' in str(shown["assignee"])

    from tests.accounts.factories import MentorFactory

    newcomer = MentorFactory(name="Neue <Mentorin>")
    assert (newcomer.pk, "Neue <Mentorin>") in selectors.assignee_options()
    form = HandlingForm(
        {"assignee": str(newcomer.pk), "priority": "high", "version": "1"},
        assignees=queryset,
        shown=selectors.assignee_options(),
    )
    assert form.is_valid() and form.cleaned_data["assignee"] == newcomer
    assert "Neue &lt;Mentorin&gt;" in str(form["assignee"])
