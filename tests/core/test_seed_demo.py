"""`ikone seed_demo`: demo content that can be seeded again and again."""

import sys
import types
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from ikone.core import seeding
from ikone.knowledge.demo import seed_demo_pages
from ikone.knowledge.models import HomePage, StandardPage
from ikone.knowledge.services import EDITOR_GROUP_NAME
from tests.core.helpers import make_user

DEMO_SLUGS = {
    "ueber-das-netzwerk": "",
    "mitglied-werden": "",
    "impressum": "imprint",
    "datenschutz": "privacy",
    "barrierefreiheit": "accessibility",
}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accounts_seeder(monkeypatch):
    """Stand-in for ikone.accounts.demo: creates one coordinator and one
    other person, as the accounts app's seeder does (idempotently)."""
    calls = []

    def seed_demo_accounts(*, stdout=None):
        calls.append(stdout)
        if not _user_exists("koordination@example.org"):
            make_user("koordination@example.org", is_staff=True, is_coordinator=True)
            make_user("kommune@example.org")

    module = types.ModuleType("ikone.accounts.demo")
    module.seed_demo_accounts = seed_demo_accounts
    monkeypatch.setitem(sys.modules, "ikone.accounts.demo", module)
    # The other apps' seeders have their own tests with real accounts.
    monkeypatch.setattr(seeding, "SEEDERS", seeding.SEEDERS.subset(SEEDERS_HERE))
    return calls


SEEDERS_HERE = ["core.fields_of_action", "accounts", "knowledge.pages", "knowledge.editor_rights"]


def _user_exists(email: str) -> bool:
    from ikone.accounts.models import User

    return User.objects.filter(email=email).exists()


def _run() -> str:
    out = StringIO()
    # Tests run with DEBUG off, as production does.
    call_command("seed_demo", "--force-in-production", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
    }


def test_seed_demo_makes_the_start_page_the_site_root(db, accounts_seeder):
    _run()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    assert Page.objects.filter(depth=2).count() == 1


def test_seed_demo_publishes_the_standard_pages_with_their_roles(db, accounts_seeder):
    _run()

    home = HomePage.objects.get()
    pages = StandardPage.objects.child_of(home)
    assert {page.slug: page.footer_role for page in pages} == DEMO_SLUGS
    assert all(page.live and not page.has_unpublished_changes for page in pages)
    assert HomePage.objects.get().live


def test_seed_demo_is_idempotent(db, accounts_seeder):
    first = _run()
    counts = _counts()

    second = _run()

    assert _counts() == counts
    assert "CMS pages created" in first
    assert "nothing changed" in second


def test_second_run_of_the_page_seeder_is_cheap(db, django_assert_max_num_queries):
    seed_demo_pages()

    with django_assert_max_num_queries(20):
        assert seed_demo_pages() == []


def test_seed_demo_keeps_what_editors_changed(db, accounts_seeder):
    _run()
    about = StandardPage.objects.get(slug="ueber-das-netzwerk")
    about.title = "Wer wir sind"
    about.save_revision().publish()

    _run()

    about.refresh_from_db()
    assert about.title == "Wer wir sind"


def test_seed_demo_restores_a_deleted_demo_page(db, accounts_seeder):
    _run()
    StandardPage.objects.get(slug="mitglied-werden").delete()

    _run()

    assert StandardPage.objects.filter(slug="mitglied-werden", live=True).count() == 1


def test_seed_demo_leaves_a_footer_role_that_another_page_took(db, accounts_seeder):
    _run()
    StandardPage.objects.get(slug="impressum").delete()
    own = StandardPage(title="Anbieter", slug="anbieter", footer_role="imprint")
    HomePage.objects.get().add_child(instance=own)

    _run()

    assert StandardPage.objects.get(slug="impressum").footer_role == ""
    assert StandardPage.objects.get(slug="anbieter").footer_role == "imprint"


def test_seed_demo_seeds_accounts_and_gives_coordinators_editor_rights(db, accounts_seeder):
    _run()

    assert len(accounts_seeder) == 1
    editors = Group.objects.get(name=EDITOR_GROUP_NAME).user_set.values_list("email", flat=True)
    assert list(editors) == ["koordination@example.org"]


def test_seed_demo_notes_when_a_seeder_is_missing(db, monkeypatch):
    monkeypatch.setitem(sys.modules, "ikone.accounts.demo", None)
    monkeypatch.setattr(seeding, "SEEDERS", seeding.SEEDERS.subset(SEEDERS_HERE))

    output = _run()

    assert "Skipped: ikone.accounts.demo.seed_demo_accounts is not available" in output
    assert HomePage.objects.exists()


def test_seed_demo_loads_the_fields_of_action(db, accounts_seeder):
    from ikone.core.models import FieldOfAction

    _run()

    assert FieldOfAction.objects.filter(key="administration").exists()
    assert FieldOfAction.objects.count() == 13


def test_every_demo_seeder_exists():
    for seeder in seeding.ordered():
        assert seeding.load(seeder) is not None, seeder.function


def test_every_app_with_demo_content_registers_its_seeder():
    keys = [seeder.key for seeder in seeding.ordered()]
    assert {"accounts", "calls", "events", "qa", "applications", "knowledge.pages"} <= set(keys)
    assert keys.index("accounts") < keys.index("knowledge.editor_rights")
    assert keys.index("calls") < min(keys.index(app) for app in ("events", "qa", "applications"))


def test_seed_demo_refuses_without_debug(db, accounts_seeder, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force-in-production"):
        call_command("seed_demo", stdout=StringIO())
    assert not HomePage.objects.exists()
    assert accounts_seeder == []


def test_seed_demo_runs_with_debug(db, accounts_seeder, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo content ready." in out.getvalue()


def test_seeders_run_after_those_they_name():
    registry = seeding.SEEDERS.subset([])
    registry.register(seeding.Seeder("b", "x.b", after=("a",)))
    registry.register(seeding.Seeder("c", "x.c"))
    registry.register(seeding.Seeder("a", "x.a"))
    assert [seeder.key for seeder in seeding.ordered(registry)] == ["c", "a", "b"]
    registry.register(seeding.Seeder("d", "x.d", after=("missing",)))
    with pytest.raises(ImproperlyConfigured, match="unknown"):
        seeding.ordered(registry)
