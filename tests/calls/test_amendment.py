"""Publishing amended versions: service, signal, conflicts, the page, roles."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.calls import services
from ikone.calls.models import CallSection, CallVersion
from ikone.calls.signals import call_amended
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    events: list[dict] = []

    def receiver(sender, **kwargs):
        events.append(kwargs)

    call_amended.connect(receiver, weak=False)
    yield events
    call_amended.disconnect(receiver)


def test_amendment_creates_next_version_copies_sections_and_sends_signal(coordinator, received):
    call = make_call("aenderung")
    version = services.publish_amendment(
        call=call,
        changes={
            "1.2": services.SectionText(
                title="Förderfähige Ausgaben", text="<p>Nur Personal.</p>"
            ),
            "1.3": services.SectionText(title="Nicht förderfähig", text="<p>Grunderwerb.</p>"),
            "2": None,
        },
        note="Klarstellung",
        actor=Actor(user=coordinator),
        based_on=1,
    )
    call.refresh_from_db()
    assert call.current_version == version
    assert version.number == 2
    assert version.published_by == coordinator
    assert version.changed_numbers == ["1.2", "1.3", "2"]
    numbers = list(CallSection.objects.filter(version=version).values_list("number", flat=True))
    assert numbers == ["1", "1.1", "1.2", "1.3"]
    new_child = CallSection.objects.get(version=version, number="1.3")
    assert new_child.parent.number == "1"
    # The old version stays as it was.
    old = CallVersion.objects.get(call=call, number=1)
    assert (
        CallSection.objects.get(version=old, number="1.2").text
        == "<p>Personal und Sachmittel.</p>"
    )
    assert CallSection.objects.filter(version=old).count() == 4
    assert len(received) == 1
    assert received[0]["call"] == call
    assert received[0]["old_version"] == old
    assert received[0]["new_version"] == version
    assert received[0]["changed_numbers"] == ["1.2", "1.3", "2"]
    assert AuditEntry.objects.filter(
        action="calls.version.published", target_id=str(call.pk)
    ).exists()


def test_conflicting_amendment_is_refused(coordinator, received):
    call = make_call("konflikt", amended=True)
    with pytest.raises(services.AmendmentConflictError):
        services.publish_amendment(
            call=call,
            changes={"2": services.SectionText(title="Bewerbung", text="<p>Neu.</p>")},
            note="Alt",
            actor=Actor(user=coordinator),
            based_on=1,
        )
    assert call.versions.count() == 2


def test_amendment_without_change_or_note_is_refused(coordinator):
    call = make_call("ohne")
    with pytest.raises(services.NothingChangedError):
        services.publish_amendment(
            call=call,
            changes={
                "2": services.SectionText(title="Bewerbung", text="<p>Online bis zur Frist.</p>")
            },
            note="Nichts",
            actor=Actor(user=coordinator),
        )
    with pytest.raises(services.DomainError):
        services.publish_amendment(
            call=call,
            changes={"2": services.SectionText(title="Bewerbung", text="<p>Neu.</p>")},
            note="  ",
            actor=Actor(user=coordinator),
        )
    with pytest.raises(services.DomainError, match="übergeordneten"):
        services.publish_amendment(
            call=call,
            changes={"7.1": services.SectionText(title="Waise", text="")},
            note="x",
            actor=Actor(user=coordinator),
        )


@pytest.mark.parametrize("role", ["staff_a", "contact_a", "mentor"])
def test_only_coordinators_publish(role, user_for_role):
    call = make_call("rechte")
    with pytest.raises(PermissionDenied):
        services.publish_amendment(
            call=call,
            changes={"2": services.SectionText(title="Bewerbung", text="<p>Neu.</p>")},
            note="x",
            actor=Actor(user=user_for_role(role)),
        )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_a", 403),
        ("staff_b", 403),
        ("contact_a", 403),
        ("mentor", 403),
        ("coordinator", 200),
        ("admin", 200),
    ],
)
def test_amendment_page_per_role(role, status, client_for):
    call = make_call("seite")
    response = client_for(role).get(reverse("calls:amend", kwargs={"slug": call.slug}))
    assert response.status_code == status


def test_amendment_page_anonymous_goes_to_login(client):
    call = make_call("anonym")
    response = client.get(reverse("calls:amend", kwargs={"slug": call.slug}))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def _form_data(call, **changes):
    data = {"based_on": call.current_version.number, "note": "Beratung ergänzt"}
    for section in CallSection.objects.filter(version=call.current_version):
        key = section.number.replace(".", "-")
        from ikone.calls.text import html_to_paragraphs

        data[f"title_{key}"] = section.title
        data[f"text_{key}"] = html_to_paragraphs(section.text)
    data.update(changes)
    return data


def test_coordinator_publishes_in_the_browser_and_sees_the_diff(client_for, received):
    call = make_call("browser")
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    form = client.get(url).content.decode()
    assert 'name="text_1-2"' in form
    response = client.post(
        url, _form_data(call, **{"text_1-2": "Personal, Sachmittel und Beratung."}), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "calls:diff", kwargs={"slug": call.slug, "old": 1, "new": 2}
    )
    content = response.content.decode()
    assert "Fassung 2 ist veröffentlicht." in content
    assert "Beratung" in content
    assert received[0]["changed_numbers"] == ["1.2"]


def test_stale_form_keeps_input_and_explains_conflict(client_for):
    call = make_call("veraltet", amended=True)
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    data = _form_data(call, based_on=1, **{"text_2": "Mein neuer Text."})
    response = client.post(url, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "neuere Fassung" in content
    assert "Mein neuer Text." in content
    assert call.versions.count() == 2


def test_form_errors_keep_what_was_typed(client_for):
    call = make_call("fehler")
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    data = _form_data(call, note="", new_number="x.y", new_title="Neu", **{"text_2": "Getippt."})
    response = client.post(url, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Getippt." in content
    assert "„3“ oder „3.2“" in content
    assert call.versions.count() == 1


def test_coordinator_adds_a_section_in_the_browser(client_for):
    call = make_call("neu")
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    client.post(url, _form_data(call, new_number="1.3", new_title="Eigenanteil", new_text="35 %."))
    call.refresh_from_db()
    assert call.current_version.number == 2
    assert (
        CallSection.objects.get(version=call.current_version, number="1.3").title == "Eigenanteil"
    )
