"""The benchmark's floor page (docs/benchmark.md): the base layout with
about 10 KB of text, through every middleware, without database queries."""

from django.urls import reverse


def test_the_floor_renders_the_layout_without_a_query(client, db, django_assert_num_queries):
    url = reverse("core:floor")
    client.get(url)  # fills the footer's cache, as the bench's warm-up does
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="ikone-main-nav__list"' in html  # the layout's navigation
    assert 'class="ikone-footer"' in html
    assert len(response.content) >= 10_000
    # It measures rendering, so no cache in between may answer for it.
    assert "no-store" in response["Cache-Control"]


def test_healthz_stays_the_liveness_check(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_templates_are_compiled_once_per_process():
    """Django's cached loader wraps the app loaders (the default when
    `loaders` is not set, also with DEBUG; django-template-partials puts its
    own loader around it): a template is parsed once per process, not per
    request (issue 15)."""
    from django.template import engines
    from django.template.loaders.cached import Loader

    (outer,) = engines["django"].engine.template_loaders  # type: ignore[attr-defined]
    assert [type(inner) for inner in outer.loaders] == [Loader]
