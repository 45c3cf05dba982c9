"""The criteria matrix and the required documents checklist."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ikone.applications.exceptions import DraftError
from ikone.applications.models import (
    CriterionAssessment,
    DocumentStatus,
    DraftDocument,
    MentorAssessment,
)
from ikone.applications.services.checklist import document_update, self_assessment_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

PDF = b"%PDF-1.7\n%%EOF\n"


def test_self_assessment_links_sections_in_the_browser(
    workshop_draft, criteria, staff_member, as_user
):
    criterion = criteria[0]
    section = workshop_draft.sections.get(key="vision-ziele")
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    response = as_user(staff_member).post(
        url,
        {
            "kriterium": criterion.pk,
            f"k{criterion.pk}-sections": [section.pk],
            f"k{criterion.pk}-score": "2",
            f"k{criterion.pk}-note": "Gut belegt",
        },
    )
    assert response.status_code == 302
    assessment = CriterionAssessment.objects.get(draft=workshop_draft, criterion=criterion)
    assert (assessment.self_score, assessment.self_note) == (2, "Gut belegt")
    assert list(assessment.sections.all()) == [section]


def test_uncovered_criteria_stand_out(workshop_draft, criteria, staff_member, as_user):
    self_assessment_save(
        draft=workshop_draft,
        criterion=criteria[0],
        sections=[workshop_draft.sections.first()],
        score=1,
        note="",
        actor=Actor(user=staff_member),
    )
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    content = as_user(staff_member).get(url).content.decode()
    assert "2 Kriterien sind noch in keinem Abschnitt behandelt." in content
    assert content.count("ikone-criterion--uncovered") == 2


def test_invalid_score_is_refused_with_the_input_kept(
    workshop_draft, criteria, staff_member, as_user
):
    criterion = criteria[0]
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    response = as_user(staff_member).post(
        url,
        {
            "kriterium": criterion.pk,
            f"k{criterion.pk}-score": "7",
            f"k{criterion.pk}-note": "Meine Notiz",
        },
    )
    assert response.status_code == 400
    assert "Meine Notiz" in response.content.decode()


def test_mentor_assesses_only_the_mentor_columns(
    workshop_draft, criteria, mentor, mentor_share, as_user
):
    criterion = criteria[1]
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    response = as_user(mentor).post(
        url,
        {
            "kriterium": criterion.pk,
            f"k{criterion.pk}-score": "1",
            f"k{criterion.pk}-note": "Beteiligung konkreter",
            f"k{criterion.pk}-sections": [workshop_draft.sections.first().pk],
        },
    )
    assert response.status_code == 302
    given = MentorAssessment.objects.get(draft=workshop_draft, criterion=criterion)
    assert (given.score, given.mentor, given.note) == (1, mentor, "Beteiligung konkreter")
    assert not CriterionAssessment.objects.filter(draft=workshop_draft).exists()


def test_criterion_of_another_call_is_refused(workshop_draft, staff_member):
    from ikone.calls.models import EvaluationCriterion
    from tests.applications.core_fixtures import make_call

    foreign = EvaluationCriterion.objects.create(call=make_call("anderer"), title="Fremd")
    with pytest.raises(DraftError):
        self_assessment_save(
            draft=workshop_draft,
            criterion=foreign,
            sections=[],
            score=1,
            note="",
            actor=Actor(user=staff_member),
        )


def _doc_url(draft, required, suffix=""):
    name = "applications:document_download" if suffix else "applications:document_update"
    return reverse(name, kwargs={"pk": draft.pk, "required_document": required.pk})


def test_upload_makes_the_document_available(
    workshop_draft, required_documents, staff_member, as_user
):
    required = required_documents[0]
    client = as_user(staff_member)
    response = client.post(
        _doc_url(workshop_draft, required),
        {
            f"u{required.pk}-status": DocumentStatus.OPEN,
            f"u{required.pk}-note": "vom 3. März",
            f"u{required.pk}-file": SimpleUploadedFile("beschluss.pdf", PDF),
        },
    )
    assert response.status_code == 302
    document = DraftDocument.objects.get(draft=workshop_draft, required_document=required)
    assert document.status == DocumentStatus.AVAILABLE
    assert document.original_name == "beschluss.pdf"
    download = client.get(_doc_url(workshop_draft, required, "datei"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]


def test_disguised_file_is_refused_and_the_form_says_why(
    workshop_draft, required_documents, staff_member, as_user
):
    required = required_documents[0]
    response = as_user(staff_member).post(
        _doc_url(workshop_draft, required),
        {
            f"u{required.pk}-status": DocumentStatus.IN_PROGRESS,
            f"u{required.pk}-file": SimpleUploadedFile(
                "beschluss.pdf", b"<html><script>x</script>"
            ),
        },
    )
    assert response.status_code == 400
    assert "Dateityp" in response.content.decode() or "Endung" in response.content.decode()
    assert not DraftDocument.objects.filter(draft=workshop_draft).exists()


def test_available_without_file_is_refused(workshop_draft, required_documents, staff_member):
    with pytest.raises(ValidationError):
        document_update(
            draft=workshop_draft,
            required=required_documents[0],
            status=DocumentStatus.AVAILABLE,
            note="",
            actor=Actor(user=staff_member),
        )


def test_download_is_closed_to_other_organisations(
    workshop_draft, required_documents, staff_member, other_staff, as_user
):
    required = required_documents[0]
    document_update(
        draft=workshop_draft,
        required=required,
        status=DocumentStatus.OPEN,
        note="",
        file=SimpleUploadedFile("beschluss.pdf", PDF),
        actor=Actor(user=staff_member),
    )
    assert as_user(other_staff).get(_doc_url(workshop_draft, required, "datei")).status_code == 404


def test_checklist_lists_status_of_every_document(
    workshop_draft, required_documents, staff_member, as_user
):
    content = (
        as_user(staff_member)
        .get(reverse("applications:documents", kwargs={"pk": workshop_draft.pk}))
        .content.decode()
    )
    for required in required_documents:
        assert required.title in content
    assert "Pflicht" in content and "freiwillig" in content
