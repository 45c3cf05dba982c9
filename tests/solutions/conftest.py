"""Fixtures for the catalogue tests: the role fixtures plus a clean cache."""

import pytest

from tests.accounts.fixtures import *  # noqa: F403


@pytest.fixture(autouse=True)
def _clean_cache(clear_cache):
    """Every test starts without rate-limit counters."""
