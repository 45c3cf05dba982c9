"""Fixtures for the events tests: the role fixtures of the accounts tests
plus a few events."""

import pytest

from tests.accounts.fixtures import *  # noqa: F403
from tests.events.factories import EventFactory


@pytest.fixture(autouse=True)
def _clean_cache(clear_cache):
    """Every events test starts without rate-limit counters."""


@pytest.fixture
def event(db):
    """A published online event a week ahead with 2 seats."""
    return EventFactory(title="Workshop Datenstrategie", slug="datenstrategie", capacity=2)


@pytest.fixture(autouse=True)
def _mails_on_commit(django_capture_on_commit_callbacks):
    """Tests run inside one transaction that never commits; run the
    callbacks services register with `transaction.on_commit` (the mails)
    as soon as they are registered, so a test sees them right away."""
    from django.db import transaction

    original = transaction.on_commit

    def immediately(func, using=None, robust=False):
        func()

    transaction.on_commit = immediately
    yield
    transaction.on_commit = original
