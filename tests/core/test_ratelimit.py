"""The reusable rate limit for public forms: 429 with the German page."""

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from ikone import urls as project_urls
from ikone.core.ratelimit import Rate, parse_rates, ratelimit, request_key


@csrf_exempt
@ratelimit(scope="tests.contact", rate="3/m")
def contact(request: HttpRequest) -> HttpResponse:
    return HttpResponse("danke")


@csrf_exempt
@ratelimit(scope="tests.question", rate="2/m,3/h", key="user_or_ip", methods=["POST", "PUT"])
def question(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


# The project's own patterns too: the 429 page links to them.
urlpatterns = [path("kontakt/", contact), path("frage/", question), *project_urls.urlpatterns]


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5/m", Rate(5, 60)),
        ("20/10m", Rate(20, 600)),
        ("100/d", Rate(100, 86400)),
        ("3/30s", Rate(3, 30)),
        (" 7 / h ", Rate(7, 3600)),
    ],
)
def test_rates_parse(text, expected):
    assert Rate.parse(text) == expected


@pytest.mark.parametrize("text", ["", "5", "5/x", "m/5", "-1/m", "5/m/ip"])
def test_invalid_rates_are_refused(text):
    with pytest.raises(ValueError):
        parse_rates(text)


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_fourth_post_in_a_minute_gets_the_german_429_page(client):
    for _ in range(3):
        assert client.post("/kontakt/").status_code == 200
    response = client.post("/kontakt/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Zu viele Anfragen" in response.content.decode()


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_measurements_switch_the_limits_off(client, settings):
    settings.RATELIMIT_ENABLED = False
    for _ in range(5):
        assert client.post("/kontakt/").status_code == 200


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_reading_the_form_is_not_limited(client):
    for _ in range(10):
        assert client.get("/kontakt/").status_code == 200
    assert client.post("/kontakt/").status_code == 200


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_limits_count_per_ip_address(client):
    for _ in range(3):
        client.post("/kontakt/", REMOTE_ADDR="192.0.2.1")
    assert client.post("/kontakt/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post("/kontakt/", REMOTE_ADDR="192.0.2.2").status_code == 200


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_signed_in_people_are_counted_per_person(client, django_user_model):
    alice = django_user_model.objects.create_user(email="alice@example.org", password="x")
    bob = django_user_model.objects.create_user(email="bob@example.org", password="x")
    client.force_login(alice)
    assert client.post("/frage/").status_code == 200
    assert client.put("/frage/").status_code == 200
    assert client.post("/frage/").status_code == 429
    client.force_login(bob)
    assert client.post("/frage/").status_code == 200


def test_the_key_falls_back_to_the_address_for_anonymous_people():
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert request_key(request, "user_or_ip") == "ip:198.51.100.7"
    assert request_key(request, "ip") == "ip:198.51.100.7"
