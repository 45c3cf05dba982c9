"""The municipality directory in the site-wide search (discovered by core)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined
from ikone.core.search.registry import DocumentData, Provider, register


def _municipality(obj: Any) -> DocumentData:
    district = obj.district.name if obj.district_id and obj.district_id != obj.pk else ""
    state = obj.state.name if obj.state_id and obj.state_id != obj.pk else ""
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.name,
        body=joined(obj.type_label or obj.get_level_display(), district, state, obj.ags),
        url=reverse("municipalities:detail", kwargs={"ags": obj.ags}),
    )


register(
    Provider(
        kind="municipality",
        directory=True,
        label=_("Kommune"),
        label_plural=_("Kommunen"),
        model="municipalities.Municipality",
        document=_municipality,
        queryset=lambda qs: qs.select_related("district", "state").only(
            "pk", "name", "ags", "type_label", "level", "district__name", "state__name"
        ),
        position=50,
    )
)
