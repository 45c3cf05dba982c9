"""The solution catalogue in a real browser (axe-checked pages): staff
propose a profile, a coordinator publishes it, another organisation adopts
it, and a third organisation sees it recommended with its reasons."""

from __future__ import annotations

from ikone.core.models import FieldOfAction
from ikone.core.taxonomy import sync_fields_of_action
from ikone.solutions.models import Adoption, InterestProfile, ReviewState, Solution
from tests.accounts.factories import CoordinatorFactory, MembershipFactory, OrganizationFactory


def test_propose_review_publish_adopt_and_recommend(visitor):
    proposer = MembershipFactory(organization=OrganizationFactory(name="Stadt Astadt")).user
    adopter_org = OrganizationFactory(name="Stadt Bedorf")
    adopter = MembershipFactory(organization=adopter_org).user
    third = OrganizationFactory(name="Stadt Cestadt")
    # A browser test runs on flushed tables: the migration's rows may be gone.
    sync_fields_of_action()
    InterestProfile.objects.create(organization=third).fields_of_action.add(
        FieldOfAction.objects.get(key="mobility")
    )

    visitor.sign_in_as(proposer)
    page = visitor.visit("/loesungen/")
    visitor.click_and_check(page.get_by_role("link", name="Lösung vorschlagen"))
    page.get_by_label("Titel").fill("Bürgerbus per App")
    page.get_by_label("Kurzbeschreibung").fill("Fahrten im Ort mit einer App buchen.")
    page.get_by_label("Stadt Astadt").check()
    page.get_by_label("Mobilität & Verkehr").check()
    page.get_by_label("Lizenz").select_option("EUPL-1.2")
    visitor.click_and_check(page.get_by_role("button", name="Speichern"))
    assert page.get_by_text("Der Steckbrief ist als Entwurf gespeichert.").is_visible()
    visitor.click_and_check(page.get_by_role("button", name="Zur Prüfung einreichen"))
    assert Solution.objects.get().review_state == ReviewState.SUBMITTED

    visitor.sign_in_as(CoordinatorFactory())
    page = visitor.visit("/loesungen/pruefung/")
    visitor.click_and_check(page.get_by_role("link", name="Bürgerbus per App"))
    visitor.click_and_check(page.get_by_role("button", name="Veröffentlichen"))
    assert Solution.objects.get().review_state == ReviewState.PUBLISHED

    visitor.sign_in_as(adopter)
    page = visitor.visit("/loesungen/")
    visitor.click_and_check(page.get_by_role("link", name="Bürgerbus per App"))
    visitor.click_and_check(page.get_by_role("link", name="Übernahme eintragen"))
    page.get_by_label("Organisation").select_option(label="Stadt Bedorf")
    page.get_by_label("Stand").select_option("operating")
    page.get_by_label("Erfahrungen").fill("Läuft seit dem Frühjahr.")
    visitor.click_and_check(page.get_by_role("button", name="Speichern"))
    assert Adoption.objects.get().organization == adopter_org
    assert page.get_by_text("Läuft seit dem Frühjahr.").is_visible()
    assert page.get_by_text("offene Lizenz +20").is_visible()  # a score part with its points
    assert page.get_by_text("von 1 Kommune übernommen").is_visible()

    page = visitor.visit(f"/loesungen/empfehlungen/?ags={third.municipality.ags}")
    assert page.get_by_role("link", name="Bürgerbus per App").is_visible()
    assert page.get_by_text("passt zu Ihrem Handlungsfeld Mobilität & Verkehr").is_visible()
    visitor.check_keyboard()
