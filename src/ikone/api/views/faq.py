"""/api/v1/faq/?call=<slug>: the published FAQ entries of funding calls."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, viewsets

from ikone.api.serializers.faq import FAQEntrySerializer, FAQFilterSerializer
from ikone.api.views.municipalities import INVALID_FILTER, NOT_FOUND
from ikone.qa.models import FAQEntry
from ikone.qa.selectors_faq import faq_entries_published


@extend_schema_view(
    list=extend_schema(
        summary=_("FAQ-Einträge auflisten"),
        description=_(
            "Veröffentlichte Fragen mit der offiziellen Auslegung der Netzwerkkoordination, "
            "in der für die FAQ bearbeiteten Fassung; nach Aufruf und Abschnitt geordnet. "
            "`needs_review` zeigt, dass der zitierte Abschnitt seit der Veröffentlichung "
            "geändert wurde und die Auslegung geprüft wird."
        ),
        parameters=[FAQFilterSerializer],
        responses={200: FAQEntrySerializer(many=True), 400: INVALID_FILTER, 404: NOT_FOUND},
    ),
)
class FAQEntryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[FAQEntry]):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    serializer_class = FAQEntrySerializer
    queryset = FAQEntry.objects.none()

    def get_queryset(self) -> QuerySet[FAQEntry]:
        params = FAQFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        queryset = faq_entries_published()
        slug = params.validated_data.get("call")
        if slug:
            queryset = queryset.filter(call__slug=slug)
        return queryset
