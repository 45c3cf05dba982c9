"""Writing together: saves carry their base version; a colleague's save is
never overwritten; both texts are shown for merging; history, diff, restore."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.applications.diff import count_changes, word_diff
from ikone.applications.exceptions import EditConflict
from ikone.applications.models import DraftSection, SectionRevision
from ikone.applications.services.sections import section_restore, section_save
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.applications.core_fixtures import *  # noqa: F403


@pytest.fixture
def section(workshop_draft) -> DraftSection:
    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    return section


def _url(section):
    return reverse(
        "applications:section", kwargs={"pk": section.draft_id, "section_key": section.key}
    )


def test_save_creates_a_version_with_author(section, staff_member):
    saved = section_save(
        section=section, text="Erster Text", based_on=0, actor=Actor(user=staff_member)
    )
    assert saved.version == 1
    revision = SectionRevision.objects.get(section=section)
    assert (revision.version, revision.text, revision.author) == (1, "Erster Text", staff_member)
    assert AuditEntry.objects.filter(action="applications.section.saved").exists()


def test_unchanged_text_is_not_a_new_version(section, staff_member):
    actor = Actor(user=staff_member)
    section_save(section=section, text="Text", based_on=0, actor=actor)
    section_save(section=section, text="Text", based_on=1, actor=actor)
    assert section.revisions.count() == 1


def test_second_save_on_the_same_base_conflicts_and_keeps_the_first(
    section, staff_member, contact_person
):
    section_save(
        section=section, text="Anna schreibt", based_on=0, actor=Actor(user=contact_person)
    )
    stale = DraftSection.objects.get(pk=section.pk)
    stale.version = 0  # Till's editor still thinks version 0 is current
    stale.draft = section.draft
    with pytest.raises(EditConflict) as raised:
        section_save(
            section=stale, text="Till schreibt", based_on=0, actor=Actor(user=staff_member)
        )
    assert raised.value.mine == "Till schreibt"
    assert raised.value.theirs.text == "Anna schreibt"
    assert raised.value.theirs.version == 1
    assert raised.value.theirs.author_name == str(contact_person)
    assert DraftSection.objects.get(pk=section.pk).text == "Anna schreibt"


def test_mentor_may_not_save(section, mentor, mentor_share):
    with pytest.raises(PermissionDenied):
        section_save(section=section, text="x", based_on=0, actor=Actor(user=mentor))


def test_two_colleagues_in_the_browser_merge(section, staff_member, contact_person, as_user):
    till, anna = as_user(staff_member), as_user(contact_person)
    # Both open the empty section (version 0).
    assert till.get(_url(section)).status_code == 200
    assert anna.get(_url(section)).status_code == 200
    # Anna saves first (autosave through htmx).
    response = anna.post(
        _url(section), {"text": "Annas Absatz.", "based_on": 0}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "Gespeichert" in response.content.decode()
    assert 'hx-swap-oob="true"' in response.content.decode()
    # Till's autosave, still based on version 0, is refused and he sees both texts.
    response = till.post(
        _url(section), {"text": "Tills Absatz.", "based_on": 0}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert response["HX-Retarget"] == "#editor"
    assert "Annas Absatz." in content and "Tills Absatz." in content
    assert 'name="based_on" value="1"' in content
    assert DraftSection.objects.get(pk=section.pk).text == "Annas Absatz."
    # He merges and saves on top of Anna's version.
    response = till.post(_url(section), {"text": "Annas Absatz.\n\nTills Absatz.", "based_on": 1})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.text == "Annas Absatz.\n\nTills Absatz."
    assert section.version == 2
    assert list(section.revisions.order_by("version").values_list("author__email", flat=True)) == [
        contact_person.email,
        staff_member.email,
    ]


def test_conflict_without_javascript_shows_merge_page(
    section, staff_member, contact_person, as_user
):
    section_save(section=section, text="Schon da", based_on=0, actor=Actor(user=contact_person))
    response = as_user(staff_member).post(_url(section), {"text": "Meins", "based_on": 0})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Schon da" in content and "Meins" in content
    assert "Zusammengeführten Text speichern" in content


def test_invalid_save_keeps_the_text_and_says_why(section, staff_member, as_user):
    response = as_user(staff_member).post(_url(section), {"text": "Mein Text", "based_on": "x"})
    assert response.status_code == 400
    assert "Mein Text" in response.content.decode()
    assert "nicht gespeichert" in response.content.decode()


def test_history_shows_versions_and_a_diff(section, staff_member, contact_person, as_user):
    section_save(
        section=section, text="Die Stadt wächst.", based_on=0, actor=Actor(user=staff_member)
    )
    section_save(
        section=section,
        text="Die Stadt wächst schnell.",
        based_on=1,
        actor=Actor(user=contact_person),
    )
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    response = as_user(staff_member).get(url, {"a": 1, "b": 2})
    content = response.content.decode()
    assert str(contact_person) in content and str(staff_member) in content
    assert "<ins>wächst schnell.</ins>" in content
    assert "<del>wächst.</del>" in content


def test_restore_makes_an_old_version_current(section, staff_member, as_user):
    actor = Actor(user=staff_member)
    section_save(section=section, text="alt", based_on=0, actor=actor)
    section_save(section=section, text="neu", based_on=1, actor=actor)
    url = reverse(
        "applications:restore",
        kwargs={"pk": section.draft_id, "section_key": section.key, "section_revision": 1},
    )
    response = as_user(staff_member).post(url, {"based_on": 2})
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.text, section.version) == ("alt", 3)
    assert section.revisions.get(version=3).restored_from == 1


def test_restore_on_a_stale_base_conflicts(section, staff_member):
    actor = Actor(user=staff_member)
    section_save(section=section, text="alt", based_on=0, actor=actor)
    section_save(section=section, text="neu", based_on=1, actor=actor)
    with pytest.raises(EditConflict):
        section_restore(section=section, version=1, based_on=1, actor=actor)


def test_word_diff_round_trip():
    segments = word_diff("eins zwei drei", "eins vier drei fünf")
    assert "".join(s.text for s in segments if s.kind != "delete") == "eins vier drei fünf"
    assert "".join(s.text for s in segments if s.kind != "insert") == "eins zwei drei"
    assert count_changes(segments) == (2, 1)
