"""Each mentor gives their own score and note per criterion; nobody
overwrites another, and the matrix shows all of them (issue 11, point 9)."""

from django.urls import reverse

from ikone.applications.export.content import build_export
from ikone.applications.models import DraftMentor, MentorAssessment
from ikone.applications.services.review import mentor_assessment_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403


def _assess(draft, criterion, mentor, score, note):
    return mentor_assessment_save(
        draft=draft, criterion=criterion, score=score, note=note, actor=Actor(user=mentor)
    )


def test_a_second_mentor_does_not_overwrite_the_first(
    workshop_draft, criteria, mentor, mentor_share, second_mentor, staff_member
):
    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    _assess(workshop_draft, criteria[0], mentor, 1, "Zu vage")
    _assess(workshop_draft, criteria[0], second_mentor, 3, "Überzeugend")
    _assess(workshop_draft, criteria[0], mentor, 2, "Besser")  # the first changes their mind
    given = {
        row.mentor: (row.score, row.note)
        for row in MentorAssessment.objects.filter(draft=workshop_draft, criterion=criteria[0])
    }
    assert given == {mentor: (2, "Besser"), second_mentor: (3, "Überzeugend")}


def test_the_matrix_shows_every_mentor_to_the_organisation(
    workshop_draft,
    criteria,
    mentor,
    mentor_share,
    second_mentor,
    staff_member,
    as_user,
    django_assert_max_num_queries,
):
    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    for criterion in criteria:
        _assess(workshop_draft, criterion, mentor, 1, f"Notiz Mia {criterion.pk}")
        _assess(workshop_draft, criterion, second_mentor, 3, f"Notiz Max {criterion.pk}")
    client = as_user(staff_member)
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    with django_assert_max_num_queries(20):
        content = client.get(url).content.decode()
    for criterion in criteria:
        assert f"Notiz Mia {criterion.pk}" in content
        assert f"Notiz Max {criterion.pk}" in content
    assert "Mia Mentorin" in content and "Max Mentor" in content


def test_a_mentor_edits_only_their_own_assessment(
    workshop_draft, criteria, mentor, mentor_share, second_mentor, staff_member, as_user
):
    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    _assess(workshop_draft, criteria[0], second_mentor, 3, "Notiz von Max")
    content = (
        as_user(mentor)
        .get(reverse("applications:criteria", kwargs={"pk": workshop_draft.pk}))
        .content.decode()
    )
    # Max's note is shown as his, not as the initial value of Mia's form.
    assert "Notiz von Max</span>" in content
    assert "Notiz von Max</textarea>" not in content


def test_a_deleted_mentors_assessment_stays_as_former_mentor(
    workshop_draft, criteria, mentor, mentor_share, staff_member, as_user
):
    _assess(workshop_draft, criteria[0], mentor, 2, "Bleibt stehen")
    mentor.delete()
    given = MentorAssessment.objects.get(draft=workshop_draft)
    assert (given.mentor, given.note) == (None, "Bleibt stehen")
    content = (
        as_user(staff_member)
        .get(reverse("applications:criteria", kwargs={"pk": workshop_draft.pk}))
        .content.decode()
    )
    assert "ehemalige:r Mentor:in" in content


def test_the_export_lists_every_mentors_score(
    workshop_draft, criteria, mentor, mentor_share, second_mentor, staff_member
):
    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    _assess(workshop_draft, criteria[0], mentor, 1, "")
    _assess(workshop_draft, criteria[0], second_mentor, 3, "")
    row = build_export(workshop_draft).criteria[0]
    assert row.mentor_scores == "1 (Mia Mentorin), 3 (Max Mentor)"
