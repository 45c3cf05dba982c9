"""Test-only settings and shared fixtures."""

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from django.utils import translation

from tests.e2e.summary import WORKER_OUTPUT_KEY, write_summary

FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """The module fixtures that seed the demo accounts run before the
    per-test settings below; with the production hasher (Argon2, ~0.4 s a
    password on the CI machine) each seeding cost seconds."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(scope="session", autouse=True)
def _search_vectors_outside_the_data_folder(tmp_path_factory):
    """Module fixtures (the blind retrieval test's demo content) run outside
    the per-test settings below: without this their snapshot of the test
    database's embeddings replaced the one in the developer's data folder,
    and the local semantic ranking then scored every document about 0."""
    with override_settings(SEARCH_VECTORS_DIR=tmp_path_factory.mktemp("search-vectors")):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
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
def _default_language():
    """A request to an English page leaves English active in the thread
    (LocaleMiddleware activates, nothing deactivates); the next test's
    `reverse()` then gave /en/ addresses and its texts came out English.
    Every test starts, as a new process does, with the default language."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Caches (footer links, Wagtail's site root, rate limits) outlive a
    test's rolled-back transaction; start every test without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_question_understanding():
    """The retrieval's memo of the thesaurus and the call titles lives in
    the process for 30 s: on PostgreSQL, whose ids are not reused after a
    rollback, a test then ranked with the calls of the test before (the
    fact sentences of its own demo call were never found)."""
    from ikone.qa.retrieval.understanding import KNOWLEDGE

    KNOWLEDGE.reset()
    yield
    KNOWLEDGE.reset()


@pytest.fixture(autouse=True)
def _fresh_term_rarity():
    """PostgreSQL ranks by how many documents use a term, remembered in the
    process for minutes (core/search/backends/rarity.py); a test's documents
    are not the test before's."""
    from ikone.core.search.backends import rarity

    rarity.forget()
    yield
    rarity.forget()


# ---------------------------------------------------------------------------
# The rows the migrations created, back after a transactional test
#
# A test with `transaction=True` (or `transactional_db`, `live_server`) ends
# with Django's flush, which empties every table, also the rows the data
# migrations created: the fields of action, the starting thesaurus, Wagtail's
# root page and site. pytest-django runs such tests after the `db` tests and
# before the tests that use neither, and those include the module fixtures
# that build a whole demo catalogue through `django_db_blocker`
# (tests/solutions/test_recommendation_blind.py, tests/qa/test_retrieval_blind.py,
# tests/visibility/conftest.py). They got a catalogue without fields of
# action: the blind recommendation gate read 0.125-0.206 instead of 0.331
# in the full suite. The migrated state is kept as Django serialises it for
# `serialized_rollback` and put back before the next test that is not
# transactional itself (once, in the usual order).


class _MigratedState:
    contents: dict[str, str] = {}
    blocker: Any = None
    flushed = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _MigratedState.contents = {
            alias: connections[alias].creation.serialize_db_to_string() for alias in connections
        }
    _MigratedState.blocker = django_db_blocker
    yield


def _flushes_database(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or "live_server" in names:
        return True
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    transaction = marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
    return bool(transaction or marker.kwargs.get("reset_sequences"))


def _restore_migrated_rows() -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    with _MigratedState.blocker.unblock():
        for alias, contents in _MigratedState.contents.items():
            # The flush after the test recreated content types and
            # permissions with new ids; empty everything, then load the
            # migrated rows with their own ids.
            call_command(
                "flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            connections[alias].creation.deserialize_db_from_string(contents)
            _reset_sequences(alias)
    ContentType.objects.clear_cache()
    _MigratedState.flushed = False


def _reset_sequences(alias: str) -> None:
    """The rows came back with their own ids, but PostgreSQL's flush
    restarted the sequences at 1: the next test's new group or page got
    id 1 again (IntegrityError) once files ran in parallel, as loaddata
    does. SQLite takes max(id) + 1 by itself (no statements)."""
    from django.apps import apps
    from django.core.management.color import no_style

    connection = connections[alias]
    statements = connection.ops.sequence_reset_sql(
        no_style(), apps.get_models(include_auto_created=True)
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if _MigratedState.flushed and not _flushes_database(item):
        _restore_migrated_rows()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    try:
        return (yield)
    finally:
        if _flushes_database(item) and _MigratedState.blocker is not None:
            _MigratedState.flushed = True


# ---------------------------------------------------------------------------
# pytest-xdist (`make test` runs `pytest -n auto --dist loadgroup`)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadgroup`, but a test without an `xdist_group` mark goes
    with the rest of its file (as `--dist loadfile`) rather than alone: the
    module fixtures that seed the demo world are then built once, on one
    worker. The groups keep tests that share a costly session fixture
    together (tests/operations: the template database)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class FileOrGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = super()._split_scope(nodeid)
            return group if group != nodeid else nodeid.split("::", 1)[0]

    return FileOrGroupScheduling(config, log)


_WORKER_AXE_PAGES: list[tuple[str, int]] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """The pages axe-core checked on that worker (tests/e2e/summary.py)."""
    output = getattr(node, "workeroutput", None) or {}
    _WORKER_AXE_PAGES.extend((url, count) for url, count in output.get(WORKER_OUTPUT_KEY, []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    write_summary(terminalreporter, _WORKER_AXE_PAGES)
