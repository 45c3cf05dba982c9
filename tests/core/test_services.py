"""The helpers every app's services share (`ikone.core.services`)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.core.services import Actor, on_commit_enqueue, require, require_user


class RecordingTask:
    """Stands in for a Django task: records what was enqueued."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def enqueue(self, *args) -> None:
        self.calls.append(args)


def test_require_passes_when_allowed_and_refuses_otherwise():
    require(True)
    with pytest.raises(PermissionDenied):
        require(False)


@pytest.mark.django_db
def test_require_user_returns_the_signed_in_active_person():
    user = get_user_model().objects.create_user(email="aktiv@example.org")
    assert require_user(Actor(user=user)) == user


@pytest.mark.django_db
def test_require_user_refuses_deactivated_people():
    user = get_user_model().objects.create_user(email="alt@example.org", is_active=False)
    with pytest.raises(PermissionDenied):
        require_user(Actor(user=user))


@pytest.mark.parametrize("actor", [Actor(user=None), Actor.system()])
def test_require_user_refuses_anonymous_and_system_actors(actor):
    with pytest.raises(PermissionDenied):
        require_user(actor)


@pytest.mark.django_db
def test_on_commit_enqueue_waits_for_the_commit(django_capture_on_commit_callbacks):
    task = RecordingTask()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        on_commit_enqueue(task, 7, "x")
        assert task.calls == []
    assert len(callbacks) == 1
    assert task.calls == [(7, "x")]


@pytest.mark.django_db(transaction=True)
def test_on_commit_enqueue_does_nothing_on_rollback():
    task = RecordingTask()
    with pytest.raises(RuntimeError), transaction.atomic():
        on_commit_enqueue(task, 7)
        raise RuntimeError
    assert task.calls == []
    with transaction.atomic():
        on_commit_enqueue(task, 8)
    assert task.calls == [(8,)]
