"""The footer link to the contact form (registered in `SupportConfig.ready()`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


def footer_links() -> list[FooterLink]:
    return [FooterLink(title=_("Kontakt"), url=reverse("support:contact"))]
