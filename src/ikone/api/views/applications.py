"""/api/v1/applications/: the drafts of the token owner's organisations (read-only).

Authentication by token (`Authorization: Token <key>`, created by the person
at /bewerbungen/api-zugang/) or a browser session. Drafts of other
organisations do not exist here (404), also when shared with the person as
mentor or coordinator.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import authentication, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from ikone.api.serializers.applications import DraftDetailSerializer, DraftListSerializer
from ikone.applications import selectors, selectors_plan
from ikone.applications.models import Draft
from ikone.core.datetimes import berlin_date
from ikone.core.pagecache import memo

DETAIL_MEMO_PREFIX = "api:application-detail:v1"
LIST_MEMO_PREFIX = "api:application-list:v1"
DETAIL = inline_serializer("ApplicationError", fields={"detail": serializers.CharField()})
UNAUTHORIZED = OpenApiResponse(
    response=DETAIL, description=_("Ohne gültigen Token (Authorization: Token <schlüssel>).")
)
NOT_FOUND = OpenApiResponse(
    response=DETAIL,
    description=_("Kein Entwurf Ihrer Organisationen mit dieser Nummer."),
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Eigene Bewerbungsentwürfe auflisten"),
        description=_(
            "Die Entwürfe aller Organisationen, denen die Person angehört, "
            "zuletzt geänderte zuerst, seitenweise."
        ),
        responses={200: DraftListSerializer(many=True), 401: UNAUTHORIZED, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("Ein Bewerbungsentwurf"),
        description=_(
            "Ein Entwurf mit Abschnitten, Finanzierungsplan (Beträge in Euro als "
            "Dezimalzahl mit zwei Nachkommastellen) und Zeitplan."
        ),
        responses={200: DraftDetailSerializer, 401: UNAUTHORIZED, 404: NOT_FOUND},
    ),
)
class ApplicationViewSet(viewsets.ReadOnlyModelViewSet[Draft]):
    # Token first, so that a request without credentials gets 401 with a
    # WWW-Authenticate header instead of 403.
    authentication_classes = [
        authentication.TokenAuthentication,
        authentication.SessionAuthentication,
    ]
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[type] = []
    lookup_value_regex = r"\d+"
    queryset = Draft.objects.none()

    def get_queryset(self) -> QuerySet[Draft]:
        return selectors_plan.draft_list_of_own_organizations(user=self.request.user)

    def get_serializer_class(self) -> type[BaseSerializer[Draft]]:
        if self.action == "retrieve":
            return DraftDetailSerializer
        return DraftListSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One page of the person's drafts. The page's data is a memo (ADR
        0006, issue 15) keyed by the person and the whole absolute address
        (scheme, host, path with format suffix, query string with page and
        format): DRF writes the drafts' `url` and the `next`/`previous`
        links from it. The list holds nothing that changes with the day.
        The memo notes what the list reads (drafts, memberships,
        organisations, calls), so a new draft or a membership that ends
        changes it at once; an invalid page raises before anything is kept.
        Only JSON: the browsable API draws its page controls from the
        paginator of the request, which a reused memo would not have."""
        if request.accepted_renderer.format != "json":
            return super().list(request, *args, **kwargs)
        key = memo.key(
            LIST_MEMO_PREFIX,
            request.user.pk,
            request.build_absolute_uri(),
            self.format_kwarg,
        )

        def compute() -> dict[str, Any]:
            queryset = self.filter_queryset(self.get_queryset())
            page = self.paginate_queryset(queryset)
            serializer = self.get_serializer(page, many=True)
            return dict(self.get_paginated_response(serializer.data).data)

        return Response(memo.get_or_compute(key, compute))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One draft. Its data is a memo (ADR 0006, issue 15) keyed by the
        person, the draft, the Berlin day (days left and late milestones
        count from it) and the scheme, host and format suffix of the
        absolute `url`; language and script prefix key it on their own. Inside, the draft
        is read again, so the memo notes its tables (draft, memberships,
        organisation, call, sections, plan, milestones). Whether the
        person may see the draft is asked first on every request."""
        pk = self._pk()
        user = request.user
        if selectors_plan.own_organization_draft(user=user, pk=pk) is None:
            raise Http404
        day = berlin_date()
        # The format suffix (`/5.json`) is part of the `url` DRF writes.
        key = memo.key(
            DETAIL_MEMO_PREFIX,
            user.pk,
            pk,
            day,
            request.build_absolute_uri("/"),
            self.format_kwarg,
        )

        def compute() -> dict[str, Any]:
            draft = selectors_plan.own_organization_draft(user=user, pk=pk)
            if draft is None:
                raise Http404
            draft.ordered_sections = selectors.draft_sections(draft=draft)  # type: ignore[attr-defined]
            context = {
                **self.get_serializer_context(),
                "financing": selectors_plan.financing_overview(draft=draft),
                "schedule": selectors_plan.schedule_overview(draft=draft, today=day),
            }
            return dict(DraftDetailSerializer(draft, context=context).data)

        return Response(memo.get_or_compute(key, compute))

    def _pk(self) -> int:
        try:
            return int(self.kwargs["pk"])
        except (TypeError, ValueError):
            raise Http404 from None
