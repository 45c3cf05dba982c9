"""/api/v1/municipalities/: the municipality directory, read-only and public."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import permissions, serializers, viewsets
from rest_framework.serializers import BaseSerializer

from ikone.api.serializers.municipalities import (
    MunicipalityDetailSerializer,
    MunicipalityFilterSerializer,
    MunicipalityListSerializer,
)
from ikone.municipalities.models import Municipality
from ikone.municipalities.selectors import (
    DirectoryFilter,
    municipality_get,
    municipality_key_list,
)

AGS_PATTERN = r"\d{2}|\d{5}|\d{8}|\d{9}"
NOT_FOUND = OpenApiResponse(
    response=inline_serializer("NotFound", fields={"detail": serializers.CharField()}),
    description=_("Kein Eintrag mit diesem Schlüssel, oder eine Seite jenseits der letzten."),
)
INVALID_FILTER = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description=_("Ungültige Filter: je Parameter eine Liste von Fehlermeldungen."),
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Kommunen auflisten"),
        description=_(
            "Länder, Kreise, Gemeindeverbände und Gemeinden aus dem Gemeindeverzeichnis "
            "(Destatis, dl-de/by-2-0), seitenweise."
        ),
        parameters=[MunicipalityFilterSerializer],
        responses={
            200: MunicipalityListSerializer(many=True),
            400: INVALID_FILTER,
            404: NOT_FOUND,
        },
    ),
    retrieve=extend_schema(
        summary=_("Eine Kommune"),
        description=_("Eine Einheit nach ihrem Schlüssel (2, 5, 8 oder 9 Ziffern)."),
        parameters=[
            OpenApiParameter(
                "ags", str, OpenApiParameter.PATH, required=True, pattern=f"^({AGS_PATTERN})$"
            )
        ],
        responses={200: MunicipalityDetailSerializer, 404: NOT_FOUND},
    ),
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet[Municipality]):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    lookup_field = "ags"
    lookup_value_regex = AGS_PATTERN
    queryset = Municipality.objects.none()

    def get_queryset(self) -> QuerySet[Municipality]:
        return municipality_key_list(filters=self.directory_filter())

    def get_object(self) -> Municipality:
        try:
            return municipality_get(ags=self.kwargs["ags"])
        except Municipality.DoesNotExist:
            raise Http404 from None

    def get_serializer_class(self) -> type[BaseSerializer[Municipality]]:
        if self.action == "retrieve":
            return MunicipalityDetailSerializer
        return MunicipalityListSerializer

    def directory_filter(self) -> DirectoryFilter:
        """The validated query parameters; raises ValidationError (400)."""
        serializer = MunicipalityFilterSerializer(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.to_filter()
