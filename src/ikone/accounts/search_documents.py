"""Organisations in the site-wide search (discovered by core)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined
from ikone.core.search.registry import DocumentData, Provider, register


def _organization(obj: Any) -> DocumentData:
    municipality = obj.municipality.name if obj.municipality_id else ""
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.name,
        body=joined(obj.get_kind_display(), municipality, obj.description),
        url=obj.get_absolute_url(),
    )


register(
    Provider(
        kind="organization",
        directory=True,
        label=_("Organisation"),
        label_plural=_("Organisationen"),
        model="accounts.Organization",
        document=_organization,
        queryset=lambda qs: qs.select_related("municipality"),
        position=40,
    )
)
