"""Canned replies are inserted into the reply form (after what was typed,
nothing sent), without JavaScript as a plain form submit and with htmx as
a swap of the form; only handlers may use them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.support import services
from ikone.support.models import CannedReply, SupportMessage, SupportRequest, Topic
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_request(staff_member, organization) -> SupportRequest:
    return services.request_create(
        data=services.RequestData(
            topic=Topic.FINANCING,
            subject="Personalkosten?",
            message="Dürfen wir Personal ansetzen?",
            organization=organization,
        ),
        actor=Actor(user=staff_member),
    )


@pytest.fixture
def canned() -> CannedReply:
    return CannedReply.objects.create(
        title="Finanzierungsplan", text="Personalkosten sind förderfähig.", topic=Topic.FINANCING
    )


def _insert(client, support_request, canned_pk, text, **headers):
    return client.post(
        reverse("support:message", kwargs={"pk": support_request.pk}),
        {"text": text, "baustein": str(canned_pk)},
        **headers,
    )


def test_a_canned_reply_is_added_after_what_was_typed(
    client, platform_request, canned, coordinator
):
    sign_in(client, coordinator)
    page = client.get(platform_request.get_absolute_url()).content.decode()
    assert f'name="baustein" value="{canned.pk}"' in page
    response = _insert(client, platform_request, canned.pk, "Guten Tag,")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guten Tag,\n\nPersonalkosten sind förderfähig.</textarea>" in html
    assert not SupportMessage.objects.exists()  # inserted, not sent


def test_with_htmx_the_same_form_comes_back(client, platform_request, canned, coordinator):
    sign_in(client, coordinator)
    response = _insert(client, platform_request, canned.pk, "", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="antwort-formular"' in response.content.decode()
    assert "Personalkosten sind förderfähig.</textarea>" in response.content.decode()


def test_an_unknown_canned_reply_keeps_the_text(client, platform_request, coordinator):
    sign_in(client, coordinator)
    response = _insert(client, platform_request, 999_999, "Mein Entwurf")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mein Entwurf</textarea>" in html
    assert "Diesen Textbaustein gibt es nicht mehr." in html


def test_the_requester_cannot_insert_canned_replies(
    client, platform_request, canned, staff_member
):
    sign_in(client, staff_member)
    page = client.get(platform_request.get_absolute_url()).content.decode()
    assert 'name="baustein"' not in page
    assert _insert(client, platform_request, canned.pk, "x").status_code == 403
    assert "Personalkosten sind förderfähig." not in "".join(
        SupportMessage.objects.values_list("text", flat=True)
    )
