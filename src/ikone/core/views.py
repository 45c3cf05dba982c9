from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
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


API_PREFIX = "/api/"


def _error(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    """The German error page, or for the REST API a JSON body in DRF's
    shape ({"detail": …}), so API clients never get HTML."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": detail}, status=status)
    return render(request, f"{status}.html", status=status)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, _("Sie haben keine Berechtigung für diese Aktion."))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, _("Nicht gefunden."))


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, _("Ein Fehler ist aufgetreten."))
