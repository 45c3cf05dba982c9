from __future__ import annotations

from typing import Any

import pytest

from ikone.core.search.index import _row
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import DocumentData
from tests.accounts.factories import NetworkMembershipFactory
from tests.accounts.fixtures import *  # noqa: F403


def put(kind: str, object_id: Any, title: str, body: str = "", **fields: Any) -> SearchDocument:
    """Store one document directly, as a provider would describe it."""
    data = DocumentData(
        object_id=str(object_id), title=title, body=body, url=f"/{kind}/{object_id}/", **fields
    )
    row = _row(kind, data)
    row.save()
    return row


@pytest.fixture
def network_member_a(organization, primary_network):
    """Organisation A is a current member of the primary network."""
    return NetworkMembershipFactory(organization=organization, network=primary_network)
