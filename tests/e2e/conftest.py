"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium,
installed by `make e2e` and .ci/run; no browser is ever downloaded) against
a live server of the project. One browser serves the whole session; every
test gets its own context (cookies) and tab."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, AuditLog, Visitor
from .summary import WORKER_OUTPUT_KEY, write_summary

# Playwright's sync API runs an event loop in this thread; Django refuses
# ORM calls from a thread with a running loop unless told it is fine here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SKIP_REASON = (
    "Chromium is missing at /usr/bin/chromium: install it with "
    "`apt-get install chromium` (or run `make e2e`) to run the browser tests."
)

AUDIT_LOG = AuditLog()


def pytest_itemcollected(item: pytest.Item) -> None:
    """Every test in this folder is an e2e test (so `-m e2e` selects them and
    `-m "not e2e"` leaves them out), skipped only when Chromium is missing."""
    if str(item.path).startswith(os.path.dirname(__file__)):
        item.add_marker(pytest.mark.e2e)
        if not CHROMIUM.exists():
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session", autouse=True)
def _live_server_settings() -> Iterator[None]:
    """The live server is plain HTTP and starts once per session, before the
    per-test settings fixture runs; middleware reads these when it is built."""
    from django.conf import settings

    with pytest.MonkeyPatch.context() as patch:
        for name, value in {
            "SECURE_SSL_REDIRECT": False,
            "SECURE_HSTS_SECONDS": 0,
            "SESSION_COOKIE_SECURE": False,
            "CSRF_COOKIE_SECURE": False,
            "WHITENOISE_USE_FINDERS": True,
            "ALLOWED_HOSTS": ["localhost", "127.0.0.1", "testserver"],
        }.items():
            patch.setattr(settings, name, value)
        yield


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_visitor(browser, live_server, transactional_db) -> Iterator[object]:
    """A factory for people in their own browser context (several people in
    one test: an Ansprechperson and the invited colleague)."""
    contexts = []
    visitors: list[Visitor] = []

    def make(locale: str = "de-DE") -> Visitor:
        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        visitor = Visitor(context.new_page(), live_server.url, AUDIT_LOG)
        visitors.append(visitor)
        return visitor

    yield make
    try:
        for visitor in visitors:
            visitor.finish()
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def visitor(new_visitor) -> Visitor:
    return new_visitor()


@pytest.fixture
def site_pages(transactional_db) -> None:
    """The CMS pages of the demo installation: start page, about, imprint,
    privacy, accessibility (what `ikone seed_demo` creates first).

    The live server needs a transactional database, which is emptied after
    every test, also of the rows Wagtail's migrations created; the default
    locale, the page tree's root and the root collection are put back first.
    (pytest-django's serialized rollback cannot do it here: its copy lives on
    the connection object, and Playwright's greenlets may see another one.)"""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from ikone.knowledge.demo import seed_demo_pages

    locale = Locale.objects.first() or Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        root = Page(title="Root", slug="root", locale=locale)
        root.content_type = ContentType.objects.get_for_model(Page)
        Page.add_root(instance=root)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    seed_demo_pages()


def _checked_pages() -> list[tuple[str, int]]:
    return [(report.url, len(report.violations)) for report in AUDIT_LOG.pages]


def pytest_sessionfinish(session: pytest.Session) -> None:
    # A pytest-xdist worker: its terminal summary is not shown, the
    # controller prints the pages of all workers (tests/conftest.py).
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output[WORKER_OUTPUT_KEY] = _checked_pages()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    write_summary(terminalreporter, _checked_pages())
