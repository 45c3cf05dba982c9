"""Writes of the open-data settings: the licence coordinators choose."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.accounts.permissions import is_network_coordinator
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.solutions.models import CatalogueExportSettings, OpenDataLicence


def export_settings() -> CatalogueExportSettings:
    """The one settings row (CC BY 4.0 until a coordinator chose)."""
    found = CatalogueExportSettings.objects.order_by("pk").first()
    return found or CatalogueExportSettings(licence=OpenDataLicence.CC_BY)


@transaction.atomic
def export_licence_set(*, licence: str, actor: Actor) -> CatalogueExportSettings:
    """Coordinators choose the licence of the catalogue export (audited)."""
    if not is_network_coordinator(actor.user):
        raise PermissionDenied
    current = CatalogueExportSettings.objects.select_for_update().order_by("pk").first()
    if current is None:
        current = CatalogueExportSettings()
    before = current.licence if current.pk else ""
    current.licence = OpenDataLicence(licence)
    current.changed_by = actor.user
    current.save()
    audit.record(
        actor,
        "solutions.export_licence.changed",
        target=current,
        data={"licence": [before, str(current.licence)]},
    )
    return current
