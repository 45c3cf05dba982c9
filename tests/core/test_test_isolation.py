"""A transactional test empties every table when it ends (Django's flush),
also the rows the migrations created; tests/conftest.py puts those back
before the next test that is not transactional. Without it, a module
fixture that builds data after a transactional test (the blind
recommendation gate) worked on a database without fields of action."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from ikone.core.models import FieldOfAction
from ikone.core.taxonomy import read_fields_of_action
from ikone.qa.models import SynonymGroup


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_that_writes():
    # An earlier transactional test may have emptied the table already
    # (they are not restored between each other): create or change.
    FieldOfAction.objects.update_or_create(
        key="mobility", defaults={"label": "Verkehr (geändert)"}
    )
    assert FieldOfAction.objects.filter(label="Verkehr (geändert)").exists()


def test_the_migrated_rows_are_there_again_after_it(django_db_blocker):
    """Runs after the transactional tests (pytest-django's order: `db`
    tests, transactional tests, then the rest), like the module fixtures
    of the blind gates."""
    with django_db_blocker.unblock():
        assert FieldOfAction.objects.count() == len(read_fields_of_action())
        assert FieldOfAction.objects.get(key="mobility").label != "Verkehr (geändert)"
        assert SynonymGroup.objects.exists()
        assert Page.objects.filter(depth=1).exists()
        assert Site.objects.exists()


@pytest.mark.django_db
def test_a_request_to_an_english_page(client):
    client.get("/en/")
    # What LocaleMiddleware leaves behind in this thread.
    assert translation.get_language() == "en"


def test_the_next_test_starts_in_german():
    """Runs after it (pytest-django's order: `db` tests first); its reverse()
    gave /en/ addresses and its texts were English (tests/conftest.py)."""
    assert translation.get_language() == "de"
    assert not reverse("account_login").startswith("/en/")


def test_new_rows_after_it_get_ids_of_their_own(django_db_blocker):
    """On PostgreSQL the flush restarted the sequences at 1 while the
    migrated groups came back with ids 1, 2, …: a new group collided."""
    from django.contrib.auth.models import Group
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        assert Group.objects.exists()
        Group.objects.create(name="Neue Gruppe nach dem Zurücksetzen")
        transaction.set_rollback(True)
