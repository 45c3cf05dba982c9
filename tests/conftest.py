"""Test-only settings and shared fixtures."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # Tests change data and settings and mock the clock between two requests
    # of one page; the page cache is switched on only where it is the subject
    # (tests/core/test_page_cache.py, the warm access matrix). Table versions
    # in memory: one process.
    settings.PAGE_CACHE_ENABLED = False
    # Each test's database has its own embeddings: its own snapshot files.
    settings.SEARCH_VECTORS_DIR = tmp_path / "search-vectors"
    settings.CACHES = {
        **settings.CACHES,
        "page_versions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Caches (footer links, Wagtail's site root, rate limits) outlive a
    test's rolled-back transaction; start every test without them."""
    cache.clear()
    yield
    cache.clear()
