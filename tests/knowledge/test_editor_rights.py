"""Coordinators edit the public pages in the Wagtail admin at /cms/."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ikone.knowledge.demo import grant_editor_rights
from ikone.knowledge.models import StandardPage
from ikone.knowledge.services import EDITOR_GROUP_NAME, editor_group_ensure
from tests.core.helpers import make_user, sign_in
from tests.knowledge.factories import add_standard_page


def _edit_url(slug: str) -> str:
    return reverse("wagtailadmin_pages:edit", args=[StandardPage.objects.get(slug=slug).pk])


def test_editor_group_may_edit_and_publish_below_the_start_page(home):
    group = Group.objects.get(name=EDITOR_GROUP_NAME)

    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=home).values_list(
            "permission__codename", flat=True
        )
    )

    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert group.permissions.filter(codename="access_admin").exists()


def test_editor_group_is_completed_not_duplicated(home):
    editor_group_ensure()
    editor_group_ensure()

    group = Group.objects.get(name=EDITOR_GROUP_NAME)
    assert GroupPagePermission.objects.filter(group=group).count() == 5


def test_staff_member_of_the_editor_group_opens_the_page_editor(client, home):
    editor = make_user("redaktion@example.org", is_staff=True)
    grant_editor_rights(editor)
    client.force_login(editor)

    response = client.get(_edit_url("impressum"))

    assert response.status_code == 200


def test_coordinator_with_second_factor_opens_the_page_editor(client, home):
    coordinator = make_user("koordination@example.org", is_staff=True, is_coordinator=True)
    grant_editor_rights(coordinator)
    sign_in(client, coordinator)

    response = client.get(_edit_url("datenschutz"))

    assert response.status_code == 200


@pytest.mark.parametrize("is_staff", [False, True])
def test_people_outside_the_editor_group_cannot_edit(client, home, is_staff):
    client.force_login(make_user("person@example.org", is_staff=is_staff))

    response = client.get(_edit_url("impressum"))

    assert response.status_code in {302, 403}


def test_editor_publishes_a_changed_page_and_the_footer_follows(client, home):
    editor = make_user("redaktion@example.org", is_staff=True)
    grant_editor_rights(editor)
    client.force_login(editor)
    page = add_standard_page(home, title="Presse")
    data = nested_form_data(
        {
            "title": "Kontakt und Anbieter",
            "slug": "presse",
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Angaben zum Anbieter.</p>"))]),
            "footer_role": "",
            "action-publish": "action-publish",
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Kontakt und Anbieter"
    assert not page.has_unpublished_changes
    assert "Angaben zum Anbieter." in client.get("/presse/").content.decode()


def test_editor_cannot_give_a_second_page_a_taken_footer_role(client, home):
    editor = make_user("redaktion@example.org", is_staff=True)
    grant_editor_rights(editor)
    client.force_login(editor)
    page = add_standard_page(home, title="Presse")
    data = nested_form_data(
        {
            "title": "Presse",
            "slug": "presse",
            "intro": "",
            "body": streamfield([]),
            "footer_role": "imprint",
            "action-publish": "action-publish",
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 200
    assert "footer_role" in response.context["form"].errors
    page.refresh_from_db()
    assert page.footer_role == ""
