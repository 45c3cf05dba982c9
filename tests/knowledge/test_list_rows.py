"""The cards of /wissen/ are built in Python (`ikone.knowledge.list_rows`);
they must write what the include `knowledge/includes/article_card.html`
wrote, up to whitespace: compared here with that include (its text from
before the move), as cards and as the whole page for visitors, municipal
staff in the network and coordinators, in both languages."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from ikone.core.models import FieldOfAction
from ikone.knowledge.models import (
    ArticleReview,
    ArticleVisibility,
    ExperienceReportPage,
    GuidePage,
    TipPage,
)
from tests.accounts.factories import NetworkMembershipFactory, OrganizationFactory
from tests.core.helpers import sign_in
from tests.html import normalized_html
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db

LIST = Path(__file__).parents[2] / "src/ikone/knowledge/templates/knowledge/article_list.html"

CARD = """{% load i18n wagtailcore_tags %}
{% load i18n wagtailcore_tags %}
<li>
  <article class="kern-card">
    <div class="kern-card__container">
      <header class="kern-card__header">
        <h2 class="kern-title"><a class="kern-link" href="{% pageurl article %}">{{ article.title }}</a></h2>
        <p class="kern-body kern-body--small">
          <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{{ article.get_kind_display }}</span></span>
          {% if article.visibility == "network" %}<span class="kern-badge"><span class="kern-label kern-label--small">{% translate "nur Netzwerk" %}</span></span>{% endif %}
          {% if article.review and article.review.needs_review %}<span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">{% translate "Auslegung prüfen" %}</span></span>{% endif %}
          {% if article.is_example %}<span class="kern-badge"><span class="kern-label kern-label--small">{% translate "Beispielinhalt" %}</span></span>{% endif %}
          <time datetime="{{ article.date|date:'Y-m-d' }}">{{ article.date|date:"j. F Y" }}</time>
        </p>
      </header>
      <div class="kern-card__body">
        <p class="kern-body">{{ article.summary }}</p>
        <p class="kern-body kern-body--small">
          {% for organization in article.author_organizations.all %}{% if forloop.first %}{% translate "Von" %}: {% endif %}{{ organization.name }}{% if not forloop.last %}, {% endif %}{% endfor %}
          {% for field in article.fields_of_action.all %}{% if forloop.first %}{% if article.author_organizations.all %} · {% endif %}{% translate "Handlungsfelder" %}: {% endif %}{{ field.label }}{% if not forloop.last %}, {% endif %}{% endfor %}
        </p>
      </div>
    </div>
  </article>
</li>
"""


def _former_templates(tmp_path: Path) -> list[dict]:
    source = LIST.read_text()
    assert "{{ rows }}" in source
    source = source.replace(
        "{{ rows }}",
        '{% for article in page_obj.object_list %}{% include "knowledge/includes/article_card.html" %}{% endfor %}',
    )
    (tmp_path / "knowledge/includes").mkdir(parents=True)
    (tmp_path / "knowledge/article_list.html").write_text(source)
    (tmp_path / "knowledge/includes/article_card.html").write_text(CARD)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


@pytest.fixture
def articles(home):
    index = add_knowledge_index(home)
    fields = [
        FieldOfAction.objects.get_or_create(key=f"feld-{n}", defaults={"label": f"Feld <{n}>"})[0]
        for n in range(2)
    ]
    organizations = [OrganizationFactory(name="Stadt <Kusel> & Co"), OrganizationFactory()]
    add_article(
        index, TipPage, title="Nur Felder", fields_of_action=fields, date=dt.date(2024, 3, 1)
    )
    add_article(
        index,
        GuidePage,
        title="Leitfaden <Rat> & Co",
        slug="leitfaden-rat",
        summary='Beschluss "früh" & <b>sicher</b>',
        author_organizations=organizations,
        fields_of_action=fields[:1],
        date=dt.date(2023, 5, 12),
        is_example=True,
    )
    reviewed = add_article(
        index,
        ExperienceReportPage,
        title="Intern",
        visibility=ArticleVisibility.NETWORK,
        author_organizations=organizations[1:],
        date=dt.date(2023, 5, 12),
    )
    ArticleReview.objects.create(article=reviewed, needs_review=True)
    add_article(index, TipPage, title="Schlicht", date=dt.date(2020, 12, 24))
    return index


@pytest.mark.parametrize("language", ["de", "en"])
def test_list_page_matches_the_former_include(
    articles, staff_member, mentor, coordinator, primary_network, tmp_path, language
):
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    former_templates = _former_templates(tmp_path)
    for user in (None, staff_member, mentor, coordinator):
        client = Client()
        if user is not None:
            sign_in(client, user)
        for query in ({}, {"art": "guide"}):
            for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
                url = reverse("knowledge:index")
                cache.clear()  # no page from the shared cache: each rendering is compared
                now = client.get(url, query, HTTP_ACCEPT_LANGUAGE=language, **headers)
                cache.clear()
                with override_settings(TEMPLATES=former_templates):
                    former = client.get(url, query, HTTP_ACCEPT_LANGUAGE=language, **headers)
                assert now.status_code == former.status_code == 200
                content = now.content.decode()
                assert normalized_html(content) == normalized_html(former.content.decode())
                assert "Leitfaden &lt;Rat&gt; &amp; Co" in content
                assert ("Intern" in content) == (user is not None and not query)


def test_page_numbers_with_the_same_start_are_different_pages(articles, staff_member, monkeypatch):
    # The memo's key once held the first 12 characters of the page number:
    # a number past the end (the last page) and an invalid one (the first)
    # shared it.
    from ikone.knowledge import list_rows, views

    monkeypatch.setattr(list_rows, "PAGE_SIZE", 1)
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client = Client()
    sign_in(client, staff_member)
    url = reverse("knowledge:index")
    last = client.get(url, {"seite": "9999999999991"}).content.decode()
    first = client.get(url, {"seite": "999999999999x"}).content.decode()
    assert "Nur Felder" in first and "Nur Felder" not in last
