import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers a query, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def floor(request: HttpRequest) -> HttpResponse:
    """The benchmark's floor (docs/benchmark.md): the base layout with its
    whole context and about 10 KB of static text through the full
    middleware stack, without a database query. Never cached, so that it
    always measures rendering; /healthz stays the liveness check."""
    return render(request, "core/floor.html")


API_PREFIX = "/api/"


def back_url(request: HttpRequest) -> str | None:
    """The previous page if it was one of ours (never an outside address)."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return None


def _error(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    """The error page in the visitor's language, or for the REST API a JSON
    body in DRF's shape ({"detail": …}), so API clients never get HTML."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": detail}, status=status)
    return render(request, f"{status}.html", {"back_url": back_url(request)}, status=status)


def _error_without_database(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    """500 and 503: the database may be the reason, so no context processor
    (session, user, navigation, footer pages) runs; only the template."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": detail}, status=status)
    html = loader.render_to_string(
        f"{status}.html",
        {"platform_name": settings.WAGTAIL_SITE_NAME, "back_url": back_url(request)},
    )
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, _("Ungültige Anfrage."))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, _("Sie haben keine Berechtigung für diese Aktion."))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, _("Nicht gefunden."))


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception. A lost database
    # connection raised before the view (a middleware loading the signed-in
    # person) is an outage, not a fault: the same 503 as from the view.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return service_unavailable(request)
    return _error_without_database(request, 500, _("Ein Fehler ist aufgetreten."))


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database cannot be reached (see
    `core.middleware.DatabaseUnavailableMiddleware`)."""
    response = _error_without_database(
        request, 503, _("Die Plattform ist vorübergehend nicht erreichbar.")
    )
    response["Retry-After"] = "120"
    return response
