"""Page-number pagination that treats an empty `page` like any other
invalid page number."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


class StrictPageNumberPagination(PageNumberPagination):
    """DRF reads `?page=` as page 1, but the schema declares `page` an
    integer: an empty value answers 404 like `?page=abc` does, so clients
    learn of the mistake instead of silently getting the first page."""

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.page_query_param, None) == "":
            raise NotFound(_("Ungültige Seite."))
        return super().paginate_queryset(queryset, request, view)
