"""The "Besuchte Veranstaltungen" section of an organisation's page as a
memo: the same HTML as the former include, and anew after a change."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import timezone, translation

from ikone.accounts.signals import OrganizationSection
from ikone.events.organization_section import SECTION_TEMPLATE, attended_events_section
from ikone.events.selectors_manage import event_list_attended_by
from tests.events.factories import EventFactory, RegistrationFactory

INCLUDE = Template("{% include section.template_name with section=section %}")


def _former_section(organization) -> str:
    section = OrganizationSection(
        title="",
        template_name=SECTION_TEMPLATE,
        context={"attended": event_list_attended_by(organization=organization)},
    )
    return INCLUDE.render(Context({"section": section}))


def _attend(event, organization, people=1):
    for _number in range(people):
        RegistrationFactory(event=event, organization=organization, attended_at=event.starts_at)


@pytest.fixture
def attended(organization):
    for days, people, title in ((30, 1, "Einer <kam>"), (60, 3, "Drei & mehr")):
        starts_at = (timezone.now() - datetime.timedelta(days=days)).replace(microsecond=0)
        event = EventFactory(
            title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)
        )
        _attend(event, organization, people)
    return organization


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_memoised_section_matches_the_former_include(attended, language, staff_member):
    with translation.override(language):
        expected = _former_section(attended)
        for user in (AnonymousUser(), staff_member):  # computed, then from the memo
            section = attended_events_section(None, organization=attended, user=user)
            assert section is not None
            assert section.html == expected
    assert "Drei &amp; mehr" in expected


def test_the_section_is_read_once_and_anew_after_a_change(
    attended, staff_member, django_assert_num_queries
):
    attended_events_section(None, organization=attended, user=staff_member)
    with django_assert_num_queries(0):
        attended_events_section(None, organization=attended, user=staff_member)
    starts_at = (timezone.now() - datetime.timedelta(days=2)).replace(microsecond=0)
    _attend(
        EventFactory(
            title="Neu besucht",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=1),
        ),
        attended,
    )
    section = attended_events_section(None, organization=attended, user=staff_member)
    assert "Neu besucht" in section.html


def test_no_attended_event_is_no_section(organization, staff_member):
    for _visit in range(2):
        assert attended_events_section(None, organization=organization, user=staff_member) is None
