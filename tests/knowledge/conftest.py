"""Fixtures for the CMS page tests."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from ikone.knowledge.demo import seed_demo_pages
from ikone.knowledge.models import HomePage
from tests.accounts.fixtures import *  # noqa: F403


@pytest.fixture(autouse=True)
def _empty_cache_and_site_language():
    """The footer links and Wagtail's site root paths live in the cache,
    which outlives each test's database transaction; a request under /en/
    leaves English active for code that runs after it."""
    cache.clear()
    with translation.override(settings.LANGUAGE_CODE):
        yield
    cache.clear()


@pytest.fixture
def home(db) -> HomePage:
    """The demo start page and its standard pages, as `ikone seed_demo` makes them."""
    seed_demo_pages()
    return HomePage.objects.get()
