"""The audit log page: coordinators and administrators read it, filtered
and paginated, with a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry

from .helpers import make_user, sign_in

URL = "/netzwerk/protokoll/"


@pytest.fixture
def entries(db):
    alice = make_user("alice@example.org", name="Alice Adler")
    bob = make_user("bob@example.org", name="Bob Berg")
    org = make_user("target@example.org")
    records = [
        audit.record(
            Actor(user=alice, ip_address="192.0.2.1"), "accounts.membership.created", target=org
        ),
        audit.record(Actor(user=alice), "accounts.invitation.sent", target=org),
        audit.record(Actor(user=bob), "accounts.membership.deleted", target=org),
        audit.record(Actor.system(), "accounts.user.exported"),
    ]
    # Spread them over days: alice's first entry is three days old.
    for days, entry in zip([3, 2, 1, 0], records, strict=True):
        AuditEntry.objects.filter(pk=entry.pk).update(
            created_at=timezone.now() - timedelta(days=days)
        )
    return records


def test_the_url_is_german_and_named():
    assert reverse("core:audit_log") == URL
    assert reverse("core:audit_log").startswith("/netzwerk/")


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("flags", [{}, {"is_mentor": True}, {"is_staff": True}])
def test_other_people_are_refused(client, flags):
    sign_in(client, make_user("someone@example.org", **flags))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Kein Zugriff" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "flags", [{"is_coordinator": True}, {"is_superuser": True, "is_staff": True}]
)
def test_coordinators_and_admins_see_every_entry(client, entries, flags):
    sign_in(client, make_user("reader@example.org", **flags))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "accounts.membership.created" in html
    assert "192.0.2.1" in html
    assert response.context["page"].entries == list(reversed(entries))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"aktion": "accounts.invitation.sent"}, [1]),
        ({"aktion": "accounts.membership"}, [2, 0]),
        ({"aktion": "membership"}, []),
        ({"person": "alice"}, [1, 0]),
        ({"person": "Berg"}, [2]),
        ({"objekt": "target@"}, [2, 1, 0]),
        ({"von": "{-1}"}, [3, 2]),
        ({"bis": "{-2}"}, [1, 0]),
        ({"von": "{-2}", "bis": "{-2}"}, [1]),
    ],
)
def test_filters_narrow_the_list(client, entries, query, expected):
    today = timezone.localdate()
    resolved = {
        key: (today + timedelta(days=int(value[1:-1]))).isoformat()
        if value.startswith("{")
        else value
        for key, value in query.items()
    }
    sign_in(client, make_user("coord@example.org", is_coordinator=True))
    response = client.get(URL, resolved)
    assert response.status_code == 200
    assert response.context["page"].entries == [entries[i] for i in expected]


@pytest.mark.django_db
def test_an_end_before_the_start_is_an_error_not_a_crash(client, entries):
    sign_in(client, make_user("coord@example.org", is_coordinator=True))
    response = client.get(URL, {"von": "2026-05-02", "bis": "2026-05-01"})
    assert response.status_code == 200
    assert "Das Enddatum liegt vor dem Anfangsdatum." in response.content.decode()


@pytest.mark.django_db
def test_pages_hold_fifty_entries_and_keep_the_filters(client):
    actor = Actor(user=make_user("busy@example.org"))
    AuditEntry.objects.bulk_create(
        AuditEntry(actor=actor.user, actor_label="busy@example.org", action="tests.thing.done")
        for _ in range(120)
    )
    sign_in(client, make_user("coord@example.org", is_coordinator=True))
    response = client.get(URL, {"aktion": "tests.thing.done", "seite": 2})
    page = response.context["page"]
    assert page.number == 2
    assert len(page.entries) == 50
    html = response.content.decode()
    assert "?aktion=tests.thing.done&amp;seite=3" in html
    assert "?aktion=tests.thing.done&amp;seite=1" in html
    last = client.get(URL, {"aktion": "tests.thing.done", "seite": 3}).context["page"]
    assert (len(last.entries), last.has_next) == (20, False)
    assert client.get(URL, {"seite": "kaputt"}).context["page"].number == 1
    assert client.get(URL, {"seite": "0"}).context["page"].number == 1


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_entries(client, django_assert_max_num_queries):
    coordinator = make_user("coord@example.org", is_coordinator=True)
    sign_in(client, coordinator)
    actors = [make_user(f"p{i}@example.org") for i in range(10)]
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=actors[i % 10], actor_label=f"p{i % 10}@example.org", action=f"a.b.c{i % 7}"
        )
        for i in range(200)
    )
    client.get(URL)  # warm the session
    # Session, person, second factor, one page of entries (plus the layout's
    # footer and site): no count, no scan of the whole log.
    with django_assert_max_num_queries(6):
        assert client.get(URL, {"person": "p1"}).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(URL, {"seite": 3}).status_code == 200


@pytest.mark.django_db
def test_the_django_admin_shows_the_log_read_only(client, entries):
    sign_in(client, make_user("admin@example.org", is_staff=True, is_superuser=True))
    response = client.get("/admin/core/auditentry/")
    assert response.status_code == 200
    assert "accounts.invitation.sent" in response.content.decode()
    assert client.get("/admin/core/auditentry/add/").status_code == 403
    change = client.get(f"/admin/core/auditentry/{entries[0].pk}/change/")
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
