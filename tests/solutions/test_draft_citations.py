"""Point 8: in a draft's "Übertragbarkeit" and "Handlungsfelder und
Maßnahmen" sections the writer cites catalogue solutions (printed with
their link in the PDF and DOCX) and sees solutions recommended for the
draft's organisation."""

from __future__ import annotations

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from ikone.applications.export import pdf, word
from ikone.applications.export.content import build_export
from ikone.applications.export.fingerprint import draft_fingerprint
from ikone.core.models import AuditEntry, FieldOfAction
from ikone.solutions.models import InterestProfile, ReviewState, SectionCitation
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in
from tests.solutions.factories import SolutionFactory


@pytest.fixture
def bus(db):
    solution = SolutionFactory(title="Bürgerbus per App", slug="buergerbus")
    solution.fields_of_action.add(FieldOfAction.objects.get(key="mobility"))
    return solution


def section_of(draft, key):
    return draft.sections.get(key=key)


def section_url(draft, key):
    return reverse("applications:section", kwargs={"pk": draft.pk, "section_key": key})


def test_the_transfer_section_shows_recommendations_and_a_cite_form(
    client, workshop_draft, staff_member, bus
):
    profile = InterestProfile.objects.create(organization=workshop_draft.organization)
    profile.fields_of_action.add(FieldOfAction.objects.get(key="mobility"))
    sign_in(client, staff_member)
    body = client.get(section_url(workshop_draft, "uebertragbarkeit"), secure=True)
    text = body.content.decode()
    assert "Lösungen aus dem Katalog" in text
    assert "Empfohlen für Ihre Organisation" in text
    assert "passt zu Ihrem Handlungsfeld Mobilität &amp; Verkehr" in text
    assert "„Bürgerbus per App“ zitieren" in text
    other = client.get(section_url(workshop_draft, "ausgangslage"), secure=True)
    assert "Lösungen aus dem Katalog" not in other.content.decode()


def test_citing_and_removing_a_solution(client, workshop_draft, staff_member, bus):
    sign_in(client, staff_member)
    section = section_of(workshop_draft, "uebertragbarkeit")
    url = reverse("solutions:citation_add", args=[section.pk])
    response = client.post(url, {"loesung": "/loesungen/buergerbus/"}, secure=True)
    assert response.status_code == 302
    assert SectionCitation.objects.filter(section=section, solution=bus).exists()
    assert AuditEntry.objects.filter(action="solutions.citation.added").exists()
    page = client.get(section_url(workshop_draft, "uebertragbarkeit"), secure=True)
    assert "„Bürgerbus per App“ nicht mehr zitieren" in page.content.decode()
    client.post(
        reverse("solutions:citation_remove", args=[section.pk]),
        {"loesung": "buergerbus"},
        secure=True,
    )
    assert not SectionCitation.objects.exists()


def test_an_unknown_or_unpublished_solution_is_refused_with_a_message(
    client, workshop_draft, staff_member
):
    SolutionFactory(slug="entwurf", review_state=ReviewState.DRAFT)
    sign_in(client, staff_member)
    section = section_of(workshop_draft, "uebertragbarkeit")
    for slug in ("entwurf", "gibt-es-nicht"):
        response = client.post(
            reverse("solutions:citation_add", args=[section.pk]),
            {"loesung": slug},
            secure=True,
            follow=True,
        )
        assert "Diese Lösung gibt es im Katalog nicht" in response.content.decode()
    assert not SectionCitation.objects.exists()


def test_other_sections_cite_nothing(client, workshop_draft, staff_member, bus):
    sign_in(client, staff_member)
    section = section_of(workshop_draft, "ausgangslage")
    client.post(
        reverse("solutions:citation_add", args=[section.pk]),
        {"loesung": "buergerbus"},
        secure=True,
    )
    assert not SectionCitation.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("staff_b", 404), ("mentor", 404), ("coordinator", 404)],
)
def test_outsiders_cannot_cite_in_a_draft(
    client, workshop_draft, bus, user_for_role, role, status
):
    user = user_for_role(role)
    if user is not None:
        sign_in(client, user)
    section = section_of(workshop_draft, "uebertragbarkeit")
    response = client.post(
        reverse("solutions:citation_add", args=[section.pk]),
        {"loesung": "buergerbus"},
        secure=True,
    )
    assert response.status_code == status
    assert not SectionCitation.objects.exists()


def test_a_mentor_who_reviews_sees_but_cannot_cite(
    client, workshop_draft, mentor_share, mentor, bus
):
    sign_in(client, mentor)
    section = section_of(workshop_draft, "uebertragbarkeit")
    response = client.post(
        reverse("solutions:citation_add", args=[section.pk]),
        {"loesung": "buergerbus"},
        secure=True,
    )
    assert response.status_code == 403
    page = client.get(section_url(workshop_draft, "uebertragbarkeit"), secure=True)
    assert "zitieren</span>" not in page.content.decode()


def test_citations_appear_with_their_link_in_pdf_and_docx(workshop_draft, staff_member, bus):
    before = draft_fingerprint(workshop_draft)
    SectionCitation.objects.create(
        section=section_of(workshop_draft, "uebertragbarkeit"), solution=bus
    )
    assert draft_fingerprint(workshop_draft) != before
    document = build_export(workshop_draft)
    cited = [section for section in document.sections if section.citations]
    assert [c.title for c in cited[0].citations] == ["Bürgerbus per App"]
    assert cited[0].citations[0].url.endswith("/loesungen/buergerbus/")
    text = "\n".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.render_pdf(document))).pages
    )
    assert "Zitierte Lösungen aus dem Katalog" in text
    assert "/loesungen/buergerbus/" in text
    word_file = docx.Document(io.BytesIO(word.render_docx(document)))
    assert any("Bürgerbus per App" in p.text for p in word_file.paragraphs)
    assert any(
        rel.reltype.endswith("/hyperlink") and rel.target_ref.endswith("/loesungen/buergerbus/")
        for rel in word_file.part.rels.values()
    )


def test_the_panel_reuses_the_memoised_recommendations(
    client, workshop_draft, staff_member, bus, django_assert_max_num_queries
):
    """The panel ranks the catalogue once (as the recommendations page does),
    not on every visit of the editor: the bench measured 17 queries on the
    second visit before."""
    profile = InterestProfile.objects.create(organization=workshop_draft.organization)
    profile.fields_of_action.add(FieldOfAction.objects.get(key="mobility"))
    sign_in(client, staff_member)
    url = section_url(workshop_draft, "handlungsfelder-massnahmen")
    client.get(url, secure=True)
    with django_assert_max_num_queries(12):
        body = client.get(url, secure=True)
    assert "„Bürgerbus per App“ zitieren" in body.content.decode()
