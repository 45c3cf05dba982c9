"""/api/v1/network/figures/: the network's public figures (aggregates, no
personal data), the same as "Netzwerk in Zahlen"."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ikone.network.selectors.overview import public_total_values

FIGURE = inline_serializer(
    "NetworkFigure",
    fields={
        "key": serializers.CharField(help_text=_("Kennung, z. B. events.held")),
        "label": serializers.CharField(help_text=_("Bezeichnung in der Sprache der Anfrage")),
        "value": serializers.IntegerField(allow_null=True),
    },
    many=True,
)


class NetworkFiguresView(APIView):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary=_("Netzwerk in Zahlen"),
        description=_(
            "Die öffentlichen Kennzahlen des Netzwerks seit Beginn: Summen ohne "
            "Angaben zu Personen (Mitglieder, Veranstaltungen, erreichte "
            "Verwaltungen, beantwortete Fragen, …)."
        ),
        responses={200: inline_serializer("NetworkFigures", fields={"figures": FIGURE})},
    )
    def get(self, request: Request) -> Response:
        figures = []
        for item in public_total_values():
            value = item.value
            if isinstance(value, timedelta):
                value = int(value.total_seconds())
            figures.append({"key": item.total.key, "label": str(item.total.label), "value": value})
        return Response({"figures": figures})
