"""The project's URLs plus views that fail in each way (for test_error_pages)."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from ikone import urls as project
from ikone.core.ratelimit import ratelimit


def bad(request: HttpRequest) -> HttpResponse:
    raise BadRequest


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def missing(request: HttpRequest) -> HttpResponse:
    raise Http404


@ratelimit(scope="tests.errors", rate="1/h", methods=("GET",))
def limited(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def database_down(request: HttpRequest) -> HttpResponse:
    raise OperationalError("connection refused")


urlpatterns = [
    *i18n_patterns(
        path("fehler/400/", bad),
        path("fehler/403/", forbidden),
        path("fehler/404/", missing),
        path("fehler/429/", limited),
        path("fehler/500/", broken),
        path("fehler/503/", database_down),
        prefix_default_language=False,
    ),
    *project.urlpatterns,
]

handler400 = project.handler400
handler403 = project.handler403
handler404 = project.handler404
handler500 = project.handler500
