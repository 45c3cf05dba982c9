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


def test_open_data_peers_and_citing_in_a_draft(visitor):
    """A coordinator chooses the open-data licence; a municipality page
    shows its similar places; staff cite a solution in a draft's
    transfer section (axe-checked pages)."""
    from decimal import Decimal

    from ikone.applications.services.drafts import draft_create
    from ikone.core.audit import Actor
    from ikone.solutions import peers
    from ikone.solutions.models import SectionCitation
    from tests.applications.core_fixtures import make_call
    from tests.municipalities.factories import DistrictFactory, MunicipalityFactory
    from tests.solutions.factories import SolutionFactory

    kreis = DistrictFactory(ags="07138")
    towns = [
        MunicipalityFactory(
            ags=f"0713800{index}",
            name=f"Stadt {index}",
            district=kreis,
            type_label="Stadt",
            population=6_000 + 100 * index,
            area_km2=Decimal("20.00"),
        )
        for index in range(1, 8)
    ]
    peers.rebuild()
    SolutionFactory(title="Bürgerbus per App", slug="buergerbus")

    visitor.sign_in_as(CoordinatorFactory())
    page = visitor.visit("/loesungen/offene-daten/")
    page.get_by_label("Lizenz der offenen Daten").select_option("CC0-1.0")
    visitor.click_and_check(page.get_by_role("button", name="Lizenz speichern"))
    assert page.get_by_role("link", name="Creative Commons Zero 1.0 (CC0 1.0)").is_visible()

    page = visitor.visit(f"/kommunen/{towns[0].ags}/")
    assert page.get_by_role("heading", name="Ähnliche Kommunen, von denen Sie lernen können")
    assert page.get_by_text("im selben Kreis").first.is_visible()

    membership = MembershipFactory(organization=OrganizationFactory(municipality=towns[0]))
    draft = draft_create(
        organization=membership.organization,
        call=make_call(),
        title="Stadt 1 vernetzt (Beispiel)",
        actor=Actor(user=membership.user),
    )
    visitor.sign_in_as(membership.user)
    page = visitor.visit(f"/bewerbungen/{draft.pk}/abschnitte/uebertragbarkeit/")
    page.get_by_label("Weitere Lösung zitieren: Adresse oder Kurzname").fill("buergerbus")
    visitor.click_and_check(page.get_by_role("button", name="Zitieren", exact=True))
    assert page.get_by_text("„Bürgerbus per App“ wird zitiert.").is_visible()
    assert SectionCitation.objects.filter(solution__slug="buergerbus").exists()
