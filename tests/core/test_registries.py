"""What the apps register with core: each app brings its own entries, and
the lists say what the platform really has (mails, navigation, search)."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from ikone.core import audit, navigation, notifications, seeding
from ikone.core.registry import Registry
from ikone.core.search import registry as search_registry

SOURCE = Path(__file__).resolve().parents[2] / "src" / "ikone"


def _mail_templates() -> set[str]:
    """`<app>.<name>` for every `<app>/templates/**/email/<name>_subject.txt`."""
    found = set()
    for subject in SOURCE.glob("*/templates/**/email/*_subject.txt"):
        app = subject.relative_to(SOURCE).parts[0]
        found.add(f"{app}.{subject.name.removesuffix('_subject.txt')}")
    return found


def test_every_mail_has_a_registered_notification_kind():
    registered = {
        f"{kind.app}.{template}"
        for kind in notifications.KINDS
        for template in kind.template_names
    }
    templates = _mail_templates()

    assert templates - registered == set(), "register these kinds in the app's notifications.py"
    assert registered - templates == set(), "kinds without a mail template"


def test_notification_kinds_are_described():
    for kind in notifications.KINDS:
        assert str(kind.label) and str(kind.description), kind.key
    assert notifications.get("events.registration").mandatory
    with pytest.raises(LookupError):
        notifications.get("events.unknown")


def test_the_header_lists_the_areas_in_their_order(rf: RequestFactory):
    items = navigation.main_navigation(rf.get("/fragen/"))

    assert [str(item.label) for item in items] == [
        "Kommunen",
        "Organisationen",
        "Veranstaltungen",
        "Wissen",
        "Förderaufrufe",
        "Fragen",
        "Bewerbungen",
        "Lösungen",
        "Unterstützung",
    ]
    assert [item.label for item in items if item.active] == ["Fragen"]


def test_each_search_provider_is_registered_by_the_app_owning_its_model():
    search_registry.autodiscover()
    for provider in search_registry.PROVIDERS:
        app = provider.model.partition(".")[0]
        assert provider.document.__module__ == f"ikone.{app}.search_documents", provider.kind


def test_each_seeder_and_audit_target_belongs_to_an_installed_app():
    from django.apps import apps

    for seeder in seeding.ordered():
        assert apps.is_installed(".".join(seeder.function.split(".")[:2])), seeder.key
    for target in audit.TARGETS:
        app_label, _, name = target.model.partition(".")
        assert apps.get_model(app_label, name)._meta.label_lower == target.model


def test_audit_target_type_label_falls_back_to_the_stored_type():
    assert str(audit.target_type_label("applications.draft")) == "Bewerbungsentwurf"
    assert audit.target_type_label("gone.model") == "gone.model"


def test_a_key_taken_by_another_entry_is_refused():
    registry: Registry[navigation.Area] = navigation.AREAS.subset([])
    registry.register(navigation.Area("x:list", "X", position=1))
    registry.register(navigation.Area("x:list", "X", position=1))  # a second ready()

    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(navigation.Area("x:list", "Y", position=2))
