"""Fixtures for the questions tests: roles (from accounts), a call with two
versions' worth of sections, questions of each visibility."""

from __future__ import annotations

import pytest

from tests.accounts.fixtures import *  # noqa: F403
from tests.qa.factories import CallWithSections, make_call


@pytest.fixture
def call(db) -> CallWithSections:
    return make_call(slug="mpsc-2021", title="Modellprojekte Smart Cities 2021")


@pytest.fixture
def network_org(organization, primary_network):
    """Organisation A becomes a current member of the primary network."""
    from tests.accounts.factories import NetworkMembershipFactory

    NetworkMembershipFactory(organization=organization, network=primary_network)
    return organization
