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


def test_every_draft_tab_page_shows_the_same_styled_tabs(workshop_draft, staff_member, as_user):
    """Issue 11.14: the financing and schedule pages showed the tabs as a
    bulleted list because they did not load the workshop's stylesheet."""
    import re

    from ikone.applications.navigation import DRAFT_TABS

    client = as_user(staff_member)
    navs = {}
    for _label, name in DRAFT_TABS:
        content = client.get(reverse(name, kwargs={"pk": workshop_draft.pk})).content.decode()
        assert "applications/applications.css" in content, name
        nav = re.search(r'<nav class="ikone-draft-tabs".*?</nav>', content, re.S)
        assert nav, name
        navs[name] = nav.group(0).replace(' aria-current="page"', "")
        assert content.count('aria-current="page"') >= 1
    assert len(set(navs.values())) == 1, navs
