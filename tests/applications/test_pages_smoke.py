"""Every workshop page renders for the organisation's staff."""

import pytest
from django.urls import reverse

from tests.applications.core_fixtures import *  # noqa: F403


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("applications:list", {}),
        ("applications:create", {}),
        ("applications:detail", {}),
        ("applications:section", {"section_key": "ausgangslage"}),
        ("applications:history", {"section_key": "ausgangslage"}),
        ("applications:criteria", {}),
        ("applications:documents", {}),
        ("applications:readiness", {}),
        ("applications:share", {}),
        ("applications:outcome", {}),
    ],
)
def test_page_renders_for_staff(name, kwargs, workshop_draft, staff_member, as_user):
    if name not in ("applications:list", "applications:create"):
        kwargs = {"pk": workshop_draft.pk, **kwargs}
    response = as_user(staff_member).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, response.content.decode()[:3000]
