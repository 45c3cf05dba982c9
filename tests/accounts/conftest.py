"""Fixtures for the accounts tests: the role fixtures plus a clean cache."""

import pytest

from tests.accounts.fixtures import *  # noqa: F403


@pytest.fixture(autouse=True)
def _clean_cache(clear_cache):
    """Every accounts test starts without rate-limit counters."""
