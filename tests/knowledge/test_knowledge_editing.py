"""Issue 13, point 1: coordinators and invited mentors are the knowledge
base's editors; mentors write, the coordinators' moderation workflow
publishes. Point 8: the demo knowledge base and support requests."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, WorkflowPage

from ikone.knowledge.demo.articles import demo_articles
from ikone.knowledge.models import ArticleKind
from ikone.knowledge.services import (
    EDITOR_GROUP_NAME,
    MENTOR_GROUP_NAME,
    WORKFLOW_NAME,
    knowledge_editing_ensure,
)
from ikone.support.demo import demo_requests
from ikone.support.workflow import Status
from tests.accounts.factories import MentorFactory
from tests.knowledge.factories import add_knowledge_index


def _codenames(group: Group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_invited_mentors_write_and_the_coordinators_publish(home):
    index = add_knowledge_index(home)
    mentors = knowledge_editing_ensure(index=index)
    assert mentors.name == MENTOR_GROUP_NAME
    assert _codenames(mentors, index) == {"add_page", "change_page"}  # never publish_page
    coordinators = Group.objects.get(name=EDITOR_GROUP_NAME)
    assert "publish_page" in _codenames(coordinators, home)

    workflow = WorkflowPage.objects.get(page=index).workflow
    assert workflow.name == WORKFLOW_NAME
    # The approval step is stored (it was held only in memory before), once.
    knowledge_editing_ensure(index=index)
    [task] = [task.specific for task in workflow.tasks]
    assert list(task.groups.all()) == [coordinators]

    mentor = MentorFactory(email="mentorin@example.org")  # invited: the role is saved
    assert mentor.groups.filter(name=MENTOR_GROUP_NAME).exists()
    mentor.is_mentor = False
    mentor.save(update_fields=["is_mentor"])
    assert not mentor.groups.filter(name=MENTOR_GROUP_NAME).exists()


def test_the_demo_has_fifteen_articles_the_template_and_requests_in_every_status():
    articles = [demo.meta for demo in demo_articles()]
    assert len(articles) >= 15
    assert {meta.kind for meta in articles} == set(ArticleKind)
    template = next(meta for meta in articles if meta.slug == "muster-ratsbeschluss")
    assert template.kind == ArticleKind.TEMPLATE and template.template
    assert {request.status for request in demo_requests()} == set(Status)
