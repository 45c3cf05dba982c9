"""Issue 11.2: one visibility rule, the same answer on every surface.

Over the demo data, for each role, the questions the person sees agree
between the list page (all pages), the question pages (200 or 404), the
search index rows the backends filter by the person's Audience, the
suggestible documents, the FAQ pages' links to questions, the search API
and the new-answer mails (a follower is mailed exactly for the questions
they see).
"""

from __future__ import annotations

import re

import pytest

from ikone.core.search.audience import audience_for
from ikone.core.search.models import SearchDocument
from ikone.qa.models import Answer, FAQEntry, Question, QuestionFollow
from ikone.qa.notifications import new_answer_mail
from tests.visibility.conftest import ROLES

QUESTION_LINK = re.compile(r'href="/fragen/(\d+)/"')

pytestmark = pytest.mark.django_db


def _from_list(client) -> set[int]:
    seen: set[int] = set()
    number = 1
    while True:
        response = client.get("/fragen/", {"seite": number})
        assert response.status_code == 200
        page = response.context["page"]
        seen |= {question.pk for question in page.object_list}
        if not page.has_next():
            return seen
        number += 1


def _from_pages(client) -> set[int]:
    opened = set()
    for pk in Question.objects.values_list("pk", flat=True):
        status = client.get(f"/fragen/{pk}/").status_code
        assert status in (200, 404)
        if status == 200:
            opened.add(pk)
    return opened


def _from_faq_pages(client) -> set[int]:
    linked: set[int] = set()
    slugs = set(FAQEntry.objects.filter(is_published=True).values_list("call__slug", flat=True))
    for slug in slugs:
        response = client.get(f"/foerderaufrufe/{slug}/faq/")
        assert response.status_code == 200
        # The questions the page links: what the person can open from it.
        linked |= {int(pk) for pk in QUESTION_LINK.findall(response.content.decode())}
    return linked


def _from_search_api(client) -> set[int]:
    """Every question searched by its title: the ones the API finds."""
    found: set[int] = set()
    for title in Question.objects.values_list("title", flat=True):
        response = client.get("/api/v1/search/", {"q": title, "art": "question"}, secure=True)
        assert response.status_code == 200
        for result in response.json()["results"]:
            match = re.search(r"/fragen/(\d+)/", result["url"])
            assert match, result["url"]
            found.add(int(match.group(1)))
    return found


def _mailed(person) -> set[int]:
    if person is None:
        return set()
    mailed = set()
    for question in Question.objects.all():
        QuestionFollow.objects.get_or_create(question=question, user=person)
    answers = Answer.objects.exclude(author=person).order_by("question_id", "pk")
    for answer in answers.distinct():
        mail = new_answer_mail(answer.pk)
        if mail is not None and person in mail.recipients:
            mailed.add(answer.question_id)
    return mailed


@pytest.mark.parametrize("role", ROLES)
def test_every_surface_shows_the_same_questions(role, demo_world, person_for, client_as):
    person = person_for(role)
    client = client_as(role)
    audience = audience_for(person)
    listed = _from_list(client)
    assert listed == _from_pages(client)
    findable = SearchDocument.objects.filter(audience.q(), kind="question")
    # Coordinators still list a hidden question (to show it again); search
    # never finds it, for anybody.
    hidden = set(Question.objects.filter(hidden_at__isnull=False).values_list("pk", flat=True))
    assert {int(pk) for pk in findable.values_list("object_id", flat=True)} == listed - hidden
    suggestible = {
        int(pk) for pk in findable.filter(suggestible=True).values_list("object_id", flat=True)
    }
    assert suggestible <= listed
    published = set(
        FAQEntry.objects.filter(is_published=True).values_list("question_id", flat=True)
    )
    assert _from_faq_pages(client) == published & listed
    assert _from_search_api(client) == listed - hidden
    answered = set(Answer.objects.exclude(author=person).values_list("question_id", flat=True))
    if person is not None:
        assert _mailed(person) == answered & listed
    # The rule differs between roles, so the comparison is not vacuous.
    everything = set(Question.objects.values_list("pk", flat=True))
    # Only coordinators list hidden questions, so they are left out of the comparison.
    assert (listed | hidden == everything) == (role in ("mentor", "coordinator", "admin"))
